"""Commands that show or describe the graph: view, schema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reegraph.cli.errors import handles_errors
from reegraph.cli.options import BackendOption, DbOption, Neo4jUriOption


def register(app: typer.Typer) -> None:
    @app.command()
    @handles_errors
    def view(
        output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path(
            "reegraph-graph.html"
        ),
        focus: Annotated[
            str | None,
            typer.Option("--focus", help="Show one entity's neighbourhood (name, alias or id)."),
        ] = None,
        depth: Annotated[int, typer.Option("--depth", help="Steps out from --focus.")] = 1,
        query: Annotated[
            str | None,
            typer.Option("--query", help="Show the entities a canned query returns."),
        ] = None,
        param: Annotated[
            list[str] | None,
            typer.Option("--param", "-p", help="Query parameter as name=value (repeatable)."),
        ] = None,
        label: Annotated[
            list[str] | None,
            typer.Option("--label", help="Only entities with this label (repeatable)."),
        ] = None,
        relation: Annotated[
            list[str] | None,
            typer.Option("--relation", help="Only claims of this type (repeatable)."),
        ] = None,
        since: Annotated[
            str | None,
            typer.Option(
                "--since", help="Only claims read in articles published on or after DATE."
            ),
        ] = None,
        max_nodes: Annotated[
            int, typer.Option("--max-nodes", help="Beyond this, show the most important nodes.")
        ] = 5000,
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
    ) -> None:
        """Write a standalone interactive HTML view of the graph (works offline).

        Examples: `reegraph view --output graph.html`,
        `reegraph view --focus dysprosium --depth 2 -o dy.html`,
        `reegraph view --query who_depends_on --param mineral=dysprosium`,
        `reegraph view --label Country --label Mineral --since 2025-10-01`
        """
        from reegraph.store import open_store
        from reegraph.views import parse_request, render_store_view

        request = parse_request(
            focus=focus,
            depth=depth,
            query=query,
            params=param or [],
            labels=label or [],
            relations=relation or [],
            since=since,
            max_nodes=max_nodes,
        )
        with open_store(backend, db, read_only=backend == "embedded", neo4j_uri=neo4j_uri) as store:
            report = render_store_view(store, request, output)
        if report.warning:
            typer.echo(f"Warning: {report.warning}", err=True)
        typer.echo(f"Wrote {output} ({report.nodes:,} nodes, {report.edges:,} claims)")

    @app.command()
    @handles_errors
    def schema(
        write: Annotated[
            bool, typer.Option("--write", help="Rewrite cypher/schema.cypher in place.")
        ] = False,
    ) -> None:
        """Print the Neo4j constraints and indexes generated from the model.

        Example: `reegraph schema > schema.cypher`
        """
        from reegraph.resources import resource_dir
        from reegraph.store.schema import render_schema_cypher

        text = render_schema_cypher()
        if write:
            target = resource_dir("cypher") / "schema.cypher"
            target.write_text(text, encoding="utf-8")
            typer.echo(f"Wrote {target}")
        else:
            typer.echo(text, nl=False)
