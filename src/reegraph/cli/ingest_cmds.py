"""Commands that fill or summarise the store: demo, ingest, stats, export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

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
from reegraph.ingest import IngestReport


def _ingest_with_progress(
    paths: list[Path], backend: str, db: Path | None, neo4j_uri: str | None, workers: int = 1
) -> IngestReport:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from reegraph.ingest import ingest_documents, read_documents

    documents, skipped = read_documents(paths)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task("Extracting", total=len(documents))
        with open_cli_store(backend, db, neo4j_uri, write=True) as store:
            report = ingest_documents(
                store, documents, on_document=lambda _doc: progress.advance(task), workers=workers
            )
    report.skipped = skipped + report.skipped
    return report


def _print_report(report: IngestReport) -> None:
    for skip in report.skipped:
        typer.echo(f"Skipped: {skip.reason}", err=True)
    typer.echo(
        f"Ingested {len(report.added)} new, {len(report.replaced)} changed,"
        f" {len(report.unchanged)} unchanged document(s); skipped {len(report.skipped)}."
    )


def _print_stats(backend: str, db: Path | None, neo4j_uri: str | None, as_json: bool) -> None:
    with open_cli_store(backend, db, neo4j_uri) as store:
        counts = store.counts()
        where = store.location
    if as_json:
        print_json({"store": where, "nodes": counts.nodes, "relations": counts.relations})
        return
    typer.echo(
        f"{where}: {counts.documents} documents, {counts.entities} entities,"
        f" {counts.total_relations} relations"
    )
    print_table([{"label": k, "nodes": v} for k, v in counts.nodes.items()], "Nodes by label")
    print_table(
        [{"type": k, "relations": v} for k, v in counts.relations.items()], "Relations by type"
    )


def register(app: typer.Typer) -> None:
    @app.command()
    @handles_errors
    def ingest(
        paths: Annotated[
            list[Path], typer.Argument(help="Article files (.txt, .md) or folders (recursive).")
        ],
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
        workers: Annotated[
            int, typer.Option("--workers", min=1, help="Processes that read articles in parallel.")
        ] = 1,
    ) -> None:
        """Read articles and add their entities, relations and evidence to the graph.

        Re-ingesting an unchanged article changes nothing; a changed article replaces
        its old facts. Unreadable files are reported and skipped (exit code 1) while
        the others are still ingested.

        Example: `reegraph ingest ingest/articles/ new-article.md --workers 2`
        """
        report = _ingest_with_progress(paths, backend, db, neo4j_uri, workers)
        if as_json:
            print_json(
                {
                    "added": report.added,
                    "replaced": report.replaced,
                    "unchanged": report.unchanged,
                    "skipped": [{"path": str(s.path), "reason": s.reason} for s in report.skipped],
                }
            )
        else:
            _print_report(report)
        if report.skipped:
            raise typer.Exit(1)

    @app.command()
    @handles_errors
    def stats(
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Count documents, entities by label and relations by type.

        Example: `reegraph stats --json`
        """
        _print_stats(backend, db, neo4j_uri, as_json)

    @app.command()
    @handles_errors
    def export(
        output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
        fmt: Annotated[
            Literal["json", "graphml"], typer.Option("--format", "-f", help="Export format.")
        ] = "json",
        db: DbOption = None,
        backend: BackendOption = "embedded",
        neo4j_uri: Neo4jUriOption = None,
    ) -> None:
        """Write the whole graph to a file (JSON contract in the README, or GraphML).

        Example: `reegraph export --format json --output graph.json`
        """
        from reegraph.exports import write_export

        with open_cli_store(backend, db, neo4j_uri) as store:
            bundle = store.read_bundle()
        write_export(bundle, output, fmt)
        typer.echo(
            f"Wrote {len(bundle.entities)} entities and {len(bundle.relations)} relations"
            f" to {output}"
        )

    @app.command()
    @handles_errors
    def demo(
        db: DbOption = None,
        output: Annotated[
            Path, typer.Option("--output", "-o", help="Where to write the HTML view.")
        ] = Path("reegraph-graph.html"),
    ) -> None:
        """Ingest the bundled articles, answer a question and write a view: the tour.

        Example: `reegraph demo` then open `reegraph-graph.html` in a browser.
        """
        from reegraph.cli.query_cmds import print_dependents
        from reegraph.corpus import bundled_articles_dir
        from reegraph.questions import who_depends_on
        from reegraph.views import ViewOptions, render_focus, render_html

        articles = bundled_articles_dir()
        typer.echo(f"Ingesting the bundled articles from {articles}")
        report = _ingest_with_progress([articles], "embedded", db, None)
        _print_report(report)
        _print_stats("embedded", db, None, as_json=False)
        with open_cli_store("embedded", db) as store:
            answer = who_depends_on(store, "dysprosium")
            bundle = store.read_bundle()
        typer.echo("")
        typer.echo("$ reegraph who-depends-on dysprosium")
        print_dependents(answer)
        render_html(bundle, output, ViewOptions(heading="reegraph: the bundled articles"))
        focus = output.with_name(f"{output.stem}-dysprosium{output.suffix}")
        render_focus(bundle, answer["id"], 2, focus)
        typer.echo(f"\nWrote the interactive views {output} (whole graph) and {focus} (dysprosium)")
        typer.echo(
            "\nNext: open the views in a browser, then try `reegraph who-depends-on neodymium`,"
            " `reegraph suppliers-of 'rare earths'`, `reegraph what-if --restrict China"
            " --mineral dysprosium`, `reegraph queries`, `reegraph ingest YOUR-ARTICLES/`,"
            " `reegraph --help`."
        )
