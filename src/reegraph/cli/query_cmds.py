"""Commands that ask the graph questions."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from reegraph.cli.errors import handles_errors
from reegraph.cli.options import BackendOption, DbOption, JsonOption, Neo4jUriOption
from reegraph.cli.render import print_json, print_table


def print_dependents(answer: dict[str, Any]) -> None:
    rows = [
        {
            "dependent": r["dependent"],
            "label": r["label"],
            "how": f"inferred via {r['via']}" if r["inferred"] else "direct",
            "document": r["documents"],
            "evidence": r["sentences"],
        }
        for r in answer["dependents"]
    ]
    print_table(rows, f"Who depends on {answer['mineral']}")
    supply = [
        {
            "supplier": r["supplier"],
            "of": r["mineral"],
            "stage": r["stage"],
            "share": f"{r['qualifier'] + ' ' if r['qualifier'] else ''}{r['share']:.0%}"
            if r["share"] is not None
            else "",
            "document": r["documents"],
            "evidence": r["sentences"],
        }
        for r in answer["supply"]
    ]
    print_table(supply, f"Who controls the supply of {answer['mineral']}")


def register(app: typer.Typer) -> None:
    @app.command("who-depends-on")
    @handles_errors
    def who_depends_on(
        mineral: Annotated[str, typer.Argument(help="Mineral name, alias or symbol (Dy).")],
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Who depends on a mineral: directly, or inferred through its group (rare earths)
        or through the countries that control it; with evidence and the supply side.

        Runs `cypher/who_depends_on.cypher`. Example: `reegraph who-depends-on Dy --json`
        """
        from reegraph.questions import who_depends_on as ask
        from reegraph.store import open_store

        with open_store(backend, db, read_only=backend == "embedded", neo4j_uri=neo4j_uri) as store:  # type: ignore[arg-type]
            answer = ask(store, mineral)
        if as_json:
            print_json(answer)
        else:
            print_dependents(answer)
