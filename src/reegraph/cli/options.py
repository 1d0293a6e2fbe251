"""Options shared by every command, so ``--db``, ``--backend`` and ``--json`` mean one thing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

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
