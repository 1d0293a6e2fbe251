"""Choose and open a backend from CLI options and the environment."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from reegraph.errors import StoreError
from reegraph.store.base import CypherStore

Backend = Literal["embedded", "neo4j"]


def open_store(
    backend: Backend = "embedded",
    db: Path | None = None,
    *,
    read_only: bool = False,
    neo4j_uri: str | None = None,
) -> CypherStore:
    """Open a store; close it (or use ``with``) when the work is done."""
    if backend == "embedded":
        from reegraph.store.embedded import EmbeddedStore

        return EmbeddedStore(db, read_only=read_only)
    if backend == "neo4j":
        try:
            from reegraph.store.neo4j import Neo4jStore
        except ImportError as exc:  # pragma: no cover - the module ships with the package
            raise StoreError(f"Neo4j backend unavailable: {exc}") from None
        return Neo4jStore(uri=neo4j_uri)
    raise StoreError(f"unknown backend {backend!r}: use 'embedded' or 'neo4j'")
