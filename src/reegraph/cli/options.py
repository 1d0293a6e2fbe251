"""Options shared by every command, so ``--db``, ``--backend`` and ``--json`` mean one thing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from reegraph.errors import StoreError
from reegraph.store.base import CypherStore

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar="REEGRAPH_DB",
        help="Embedded database file [default: ./reegraph.lbdb].",
        show_default=False,
    ),
]
BackendOption = Annotated[
    Literal["embedded", "neo4j"],
    typer.Option("--backend", envvar="REEGRAPH_BACKEND", help="Where the graph lives."),
]
Neo4jUriOption = Annotated[
    str | None,
    typer.Option("--neo4j-uri", help="Override NEO4J_URI (bolt://, neo4j://, neo4j+s://)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]


def open_cli_store(
    backend: str, db: Path | None, neo4j_uri: str | None = None, *, write: bool = False
) -> CypherStore:
    """Open the store a command asked for; reads open the embedded file read-only so
    several readers can work at once."""
    from reegraph.store import open_store

    if backend not in ("embedded", "neo4j"):
        raise StoreError(f"unknown backend {backend!r}: use 'embedded' or 'neo4j'")
    read_only = backend == "embedded" and not write
    return open_store(backend, db, read_only=read_only, neo4j_uri=neo4j_uri)  # type: ignore[arg-type]


CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV (lists joined with ' | ').")]
LimitOption = Annotated[
    int | None,
    typer.Option(
        "--limit",
        min=1,
        help="At most this many rows of each kind, the strongest first (the query's default: 100).",
    ),
]
RowLimitOption = Annotated[
    int | None, typer.Option("--limit", min=1, help="Show at most this many rows.")
]
ParamOption = Annotated[
    list[str] | None,
    typer.Option("--param", "-p", help="A query parameter as NAME=VALUE (repeatable)."),
]
