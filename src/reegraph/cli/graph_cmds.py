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
        output: Annotated[
            Path, typer.Option("--output", "-o", help="HTML file to write.")
        ] = Path("reegraph-graph.html"),
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
    ) -> None:
        """Write a standalone interactive HTML view of the graph (works offline).

        Example: `reegraph view --output graph.html`
        """
        from reegraph.store import open_store
        from reegraph.views import render_html

        with open_store(backend, db, read_only=backend == "embedded", neo4j_uri=neo4j_uri) as store:  # type: ignore[arg-type]
            bundle = store.read_bundle()
        render_html(bundle, output)
        typer.echo(f"Wrote {output}")

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
