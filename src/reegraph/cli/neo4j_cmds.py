"""Commands for the Neo4j server backend: load."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reegraph.cli.errors import handles_errors
from reegraph.cli.options import DbOption, JsonOption, Neo4jUriOption
from reegraph.cli.render import print_json

if TYPE_CHECKING:
    from reegraph.store.base import WriteSummary

BatchSizeOption = Annotated[
    int | None,
    typer.Option(
        "--batch-size",
        min=1,
        help="Rows per UNWIND batch and transaction [default: $REEGRAPH_BATCH_SIZE or 1000].",
        show_default=False,
    ),
]


def _load_with_progress(
    db: Path | None, neo4j_uri: str | None, batch_size: int | None, quiet: bool
) -> WriteSummary:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.text import Text

    from reegraph.store.neo4j import load_into_neo4j

    class RowsPerSecond(ProgressColumn):
        def render(self, task: Task) -> Text:
            return Text(f"{task.speed or 0:,.0f} rows/s")

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RowsPerSecond(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, transient=True, disable=quiet) as bar:
        task = bar.add_task("Loading", total=None)
        return load_into_neo4j(
            db,
            neo4j_uri,
            batch_size=batch_size,
            progress=lambda rows: bar.advance(task, rows),
            on_plan=lambda total: bar.update(task, total=total),
        )


def register(app: typer.Typer) -> None:
    @app.command()
    @handles_errors
    def load(
        db: DbOption = None,
        neo4j_uri: Neo4jUriOption = None,
        batch_size: BatchSizeOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Copy an embedded database into Neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD).

        Only rows Neo4j does not already hold are written, so running it again
        changes nothing, and a load that was interrupted is completed by rerunning it.

        Example: `docker compose up -d && reegraph load --db reegraph.lbdb`
        """
        summary = _load_with_progress(db, neo4j_uri, batch_size, quiet=as_json)
        if as_json:
            print_json(
                {
                    "nodes_written": summary.nodes_written,
                    "relations_written": summary.relations_written,
                    "nodes_deleted": summary.nodes_deleted,
                    "relations_deleted": summary.relations_deleted,
                }
            )
            return
        typer.echo(
            f"Loaded into Neo4j: {summary.nodes_written} nodes and"
            f" {summary.relations_written} relations written,"
            f" {summary.nodes_deleted} nodes and {summary.relations_deleted} relations removed."
        )
