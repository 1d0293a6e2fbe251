"""Commands that ask the graph questions: the canned queries, by name or as verbs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from reegraph.cli.errors import handles_errors
from reegraph.cli.options import (
    BackendOption,
    CsvOption,
    DbOption,
    JsonOption,
    LimitOption,
    Neo4jUriOption,
    ParamOption,
    RowLimitOption,
)
from reegraph.cli.render import (
    VIEWS,
    cell,
    print_csv,
    print_json,
    print_paths,
    print_profile,
    print_rows,
    print_table,
)

if TYPE_CHECKING:
    from reegraph.questions import Answer
    from reegraph.store.open import Backend


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
    columns = ("supplier", "relation", "mineral", "stage", "share", "status", "documents")
    supply = [
        {c: cell(c, r.get(c), r) for c in columns} | {"evidence": r["sentences"]}
        for r in answer["supply"]
    ]
    print_table(supply, f"Who controls the supply of {answer['mineral']}")


class Output:
    """How a command prints: table (default), JSON or CSV. ``limit`` travels to the
    query as its ``limit`` parameter (rows of each kind, the strongest first)."""

    def __init__(self, as_json: bool, as_csv: bool, limit: int | None) -> None:
        if as_json and as_csv:
            from reegraph.errors import ReegraphError

            raise ReegraphError("choose one of --json and --csv")
        self.as_json, self.as_csv, self.limit = as_json, as_csv, limit

    def params(self, given: dict[str, Any]) -> dict[str, Any]:
        """Query parameters with ``--limit`` added when it was given."""
        from reegraph.questions import with_limit

        return with_limit(given, self.limit)

    def show(self, answer: Answer, title: str) -> None:
        rows = answer.rows
        if self.as_json:
            print_json(answer.to_json() | {"rows": rows})
        elif self.as_csv:
            print_csv(rows)
        elif answer.query == "profile":
            for row in rows:
                print_profile(row)
        elif answer.query == "path_between":
            print_paths(rows, title)
        else:
            print_rows(rows, title, VIEWS.get(answer.query, ()))


def _run(
    name: str,
    params: dict[str, Any],
    title: str,
    store: tuple[Path | None, Backend, str | None],
    output: Output,
) -> None:
    """Open the store read-only, ask one question, print the answer."""
    from reegraph.questions import ask
    from reegraph.store import open_store

    db, backend, neo4j_uri = store
    with open_store(backend, db, read_only=backend == "embedded", neo4j_uri=neo4j_uri) as graph:
        answer = ask(graph, name, output.params(params))
    for key, entity in answer.resolved.items():
        title = title.replace("{" + key + "}", entity.name)
    output.show(answer, title)


def register(app: typer.Typer) -> None:
    @app.command("who-depends-on")
    @handles_errors
    def who_depends_on(
        mineral: Annotated[str, typer.Argument(help="Mineral name, alias or symbol (Dy).")],
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
        limit: LimitOption = None,
    ) -> None:
        """Who depends on a mineral: directly, or inferred through its group (rare earths)
        or through the countries that control it; with evidence and the supply side.

        Runs `cypher/who_depends_on.cypher`. Example: `reegraph who-depends-on Dy --json`
        """
        from reegraph.questions import who_depends_on as ask
        from reegraph.store import open_store

        with open_store(backend, db, read_only=backend == "embedded", neo4j_uri=neo4j_uri) as store:
            answer = ask(store, mineral, limit)
        if as_json:
            print_json(answer)
        else:
            print_dependents(answer)

    @app.command("suppliers-of")
    @handles_errors
    def suppliers_of(
        mineral: Annotated[str, typer.Argument(help="Mineral name, alias or symbol.")],
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
        as_csv: CsvOption = False,
        limit: LimitOption = None,
    ) -> None:
        """Who produces, processes, controls or restricts a mineral (or its group): each
        claim with share, stage, date and source; conflicting figures side by side.

        Example: `reegraph suppliers-of "rare earths"`
        """
        _run(
            "suppliers_of",
            {"mineral": mineral},
            "Suppliers of {mineral}",
            (db, backend, neo4j_uri),
            Output(as_json, as_csv, limit),
        )

    @app.command()
    @handles_errors
    def chokepoints(
        threshold: Annotated[
            float, typer.Option("--threshold", min=0, max=1, help="Smallest share, 0..1.")
        ] = 0.5,
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
        as_csv: CsvOption = False,
        limit: LimitOption = None,
    ) -> None:
        """Minerals with a supply stage held by one country at or above a share, ranked.

        Example: `reegraph chokepoints --threshold 0.8`
        """
        _run(
            "chokepoints",
            {"threshold": threshold},
            f"Chokepoints (one country ≥ {threshold:.0%})",
            (db, backend, neo4j_uri),
            Output(as_json, as_csv, limit),
        )

    @app.command()
    @handles_errors
    def agreements(
        name: Annotated[
            str,
            typer.Argument(
                help="A mineral (what they cover), or a country, person or organisation."
            ),
        ],
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
        as_csv: CsvOption = False,
        limit: LimitOption = None,
    ) -> None:
        """Agreements covering a mineral, or those a country, person or organisation is
        party to or signed: date, place, kind, binding, status, parties, signatories.

        Examples: `reegraph agreements dysprosium`, `reegraph agreements Takaichi`
        """
        from reegraph.questions import agreements as ask
        from reegraph.store import open_store

        with open_store(backend, db, read_only=backend == "embedded", neo4j_uri=neo4j_uri) as graph:
            answer = ask(graph, name, limit)
        verb = "covering" if answer.query == "agreements_covering" else "of"
        entity = next(iter(answer.resolved.values()))
        Output(as_json, as_csv, limit).show(answer, f"Agreements {verb} {entity.name}")

    @app.command("partners-of")
    @handles_errors
    def partners_of(
        name: Annotated[str, typer.Argument(help="An organisation or country.")],
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
        as_csv: CsvOption = False,
        limit: LimitOption = None,
    ) -> None:
        """Who an organisation or country partners with, directly or through an agreement.

        Example: `reegraph partners-of JOGMEC`
        """
        _run(
            "partners_of",
            {"entity": name},
            "Partners of {entity}",
            (db, backend, neo4j_uri),
            Output(as_json, as_csv, limit),
        )

    @app.command("leaders-of")
    @handles_errors
    def leaders_of(
        name: Annotated[str, typer.Argument(help="A country or organisation.")],
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
        as_csv: CsvOption = False,
        limit: LimitOption = None,
    ) -> None:
        """Who leads a country or organisation, and who else holds a role in it.

        Example: `reegraph leaders-of Japan`
        """
        _run(
            "leaders_of",
            {"country": name},
            "Leaders of {country}",
            (db, backend, neo4j_uri),
            Output(as_json, as_csv, limit),
        )

    @app.command()
    @handles_errors
    def profile(
        name: Annotated[str, typer.Argument(help="Any entity: name, alias, symbol or id.")],
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
        as_csv: CsvOption = False,
        limit: LimitOption = None,
    ) -> None:
        """Everything about one entity: label, aliases, properties, neighbours, documents.

        Example: `reegraph profile MHI`
        """
        _run(
            "profile",
            {"entity": name},
            "{entity}",
            (db, backend, neo4j_uri),
            Output(as_json, as_csv, limit),
        )

    @app.command()
    @handles_errors
    def path(
        a: Annotated[str, typer.Argument(help="One entity.")],
        b: Annotated[str, typer.Argument(help="Another entity.")],
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
        as_csv: CsvOption = False,
        limit: LimitOption = None,
    ) -> None:
        """The shortest connections between two entities, each hop with its evidence.

        Example: `reegraph path JOGMEC "Energy Fuels"`
        """
        _run(
            "path_between",
            {"a": a, "b": b},
            "Shortest paths from {a} to {b}",
            (db, backend, neo4j_uri),
            Output(as_json, as_csv, limit),
        )

    @app.command()
    @handles_errors
    def exposure(
        name: Annotated[str, typer.Argument(help="A country, organisation or sector.")],
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
        as_csv: CsvOption = False,
        limit: LimitOption = None,
    ) -> None:
        """Which minerals a country, organisation or sector depends on (directly, through
        its sectors or its suppliers) and who controls them.

        Example: `reegraph exposure "United States"`
        """
        _run(
            "exposure",
            {"entity": name},
            "Exposure of {entity}",
            (db, backend, neo4j_uri),
            Output(as_json, as_csv, limit),
        )

    @app.command()
    @handles_errors
    def timeline(
        name: Annotated[
            str | None, typer.Argument(help="Only what touches this entity (optional).")
        ] = None,
        since: Annotated[
            str | None, typer.Option("--from", help="Earliest ISO date, e.g. 2025-10-01.")
        ] = None,
        until: Annotated[
            str | None, typer.Option("--to", help="Latest ISO date, e.g. 2025-12-31.")
        ] = None,
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
        as_csv: CsvOption = False,
        limit: LimitOption = None,
    ) -> None:
        """Agreements, events and export restrictions in date order.

        Example: `reegraph timeline China --from 2025-10-01`
        """
        _run(
            "timeline",
            {"entity": name, "since": since, "until": until},
            "Timeline of {entity}" if name else "Timeline",
            (db, backend, neo4j_uri),
            Output(as_json, as_csv, limit),
        )

    @app.command()
    @handles_errors
    def conflicts(
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
        as_csv: CsvOption = False,
        limit: LimitOption = None,
    ) -> None:
        """Claims where documents disagree (different shares, amounts or rates for the
        same fact), side by side with their sources.

        Example: `reegraph conflicts --csv > conflicts.csv`
        """
        _run(
            "conflicting_claims",
            {},
            "Conflicting claims",
            (db, backend, neo4j_uri),
            Output(as_json, as_csv, limit),
        )

    @app.command()
    @handles_errors
    def sources(
        ref: Annotated[str, typer.Argument(help="An entity, or a relation's key.")],
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
        as_csv: CsvOption = False,
        limit: LimitOption = None,
    ) -> None:
        """The documents and sentences behind an entity or one relation.

        Example: `reegraph sources China`, `reegraph sources 3f2a9c0d1e4b5a69`
        """
        _run(
            "sources",
            {"ref": ref},
            "Sources for {ref}",
            (db, backend, neo4j_uri),
            Output(as_json, as_csv, limit),
        )

    @app.command()
    @handles_errors
    def queries(as_json: JsonOption = False) -> None:
        """List the canned queries in `cypher/`: name, description and parameters.

        Example: `reegraph queries`, then `reegraph query NAME --param KEY=VALUE`
        """
        from reegraph.queries import describe_queries

        listing = describe_queries()
        if as_json:
            print_json(listing)
        else:
            print_rows(listing, "Canned queries", ("name", "parameters", "description"))

    @app.command()
    @handles_errors
    def query(
        name: Annotated[str, typer.Argument(help="A canned query (see `reegraph queries`).")],
        param: ParamOption = None,
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
        as_csv: CsvOption = False,
        limit: LimitOption = None,
    ) -> None:
        """Run any canned query by name; entity parameters take names as people type them.

        Example: `reegraph query suppliers_of --param mineral=Dy`
        """
        from reegraph.questions import parse_assignments

        _run(
            name,
            dict(parse_assignments(param or [])),
            name.replace("_", " ").capitalize(),
            (db, backend, neo4j_uri),
            Output(as_json, as_csv, limit),
        )

    @app.command()
    @handles_errors
    def cypher(
        text: Annotated[str, typer.Argument(help="A Cypher query; values as $parameters.")],
        param: ParamOption = None,
        write: Annotated[
            bool, typer.Option("--write", help="Allow queries that change the graph.")
        ] = False,
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
        as_csv: CsvOption = False,
        limit: RowLimitOption = None,
    ) -> None:
        """Run ad-hoc Cypher, read-only unless `--write` is given.

        Example: `reegraph cypher "MATCH (n:Mineral) WHERE n.symbol = $s RETURN n.name" -p s=Dy`
        """
        from reegraph.questions import parse_assignments, run_cypher
        from reegraph.store import open_store

        read_only = backend == "embedded" and not write
        with open_store(backend, db, read_only=read_only, neo4j_uri=neo4j_uri) as graph:
            answer = run_cypher(graph, text, parse_assignments(param or []), write=write)
        if limit is not None:
            answer.rows = answer.rows[:limit]
        Output(as_json, as_csv, None).show(answer, "Result")
