"""`reegraph explain`: an entity's names, documents and every claim with its evidence."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from reegraph.cli.errors import handles_errors
from reegraph.cli.options import (
    BackendOption,
    DbOption,
    JsonOption,
    Neo4jUriOption,
    open_cli_store,
)
from reegraph.cli.render import print_json, print_table


def register(app: typer.Typer) -> None:
    @app.command()
    @handles_errors
    def explain(
        name: Annotated[str, typer.Argument(help="Any entity: name, alias, acronym or surname.")],
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Show an entity's aliases, the documents that mention it, and each relation
        with its evidence sentence and the extraction rule that produced it.

        Example: `reegraph explain JOGMEC`
        """
        from reegraph.explain import explain as run

        with open_cli_store(backend, db, neo4j_uri) as store:
            bundle = store.read_bundle()
        result = run(bundle, name)
        if as_json:
            print_json(asdict(result))
            return
        typer.echo(f"{result.name} ({result.label}, {result.id})")
        if result.aliases:
            typer.echo(f"Also called: {', '.join(result.aliases)}")
        for key, value in result.properties.items():
            typer.echo(f"  {key}: {value}")
        print_table(result.documents, "Mentioned in")
        rows = [
            {
                "claim": f"{r['source']} {r['type']} {r['target']}",
                "properties": ", ".join(f"{k}={v}" for k, v in r["properties"].items()),
                "document": ev["document"],
                "rule": ev["rule"],
                "evidence": ev["sentence"],
            }
            for r in result.relations
            for ev in r["evidence"]
        ]
        print_table(rows, "Claims and their evidence", width=140)
