"""The ``reegraph`` command: a thin typer layer over the library.

Each command opens the store, calls one library function, renders the result, and
turns a :class:`~reegraph.errors.ReegraphError` into one line and a non-zero exit.
"""

from __future__ import annotations

import typer

from reegraph.cli import (
    analytics_cmds,
    explain_cmds,
    graph_cmds,
    ingest_cmds,
    neo4j_cmds,
    query_cmds,
)
from reegraph.errors import ReegraphError

app = typer.Typer(
    name="reegraph",
    help=(
        "Critical-mineral geopolitics from news articles to a property graph with evidence.\n\n"
        "Start with `reegraph demo`, then ask: `reegraph who-depends-on dysprosium`."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)
for module in (ingest_cmds, query_cmds, explain_cmds, graph_cmds, analytics_cmds, neo4j_cmds):
    module.register(app)


def main() -> None:
    """Console entry point: library errors become one line on stderr, never a traceback."""
    try:
        app(standalone_mode=True)
    except ReegraphError as exc:  # raised outside a command body (option parsing, callbacks)
        typer.echo(f"Error: {exc}", err=True)
        raise SystemExit(exc.exit_code) from None
