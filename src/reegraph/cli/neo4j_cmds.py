"""Commands for the Neo4j server backend."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """No Neo4j-only commands yet; `--backend neo4j` works on every data command."""
