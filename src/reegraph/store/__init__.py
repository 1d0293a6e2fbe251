"""Graph stores: the embedded default (LadybugDB) and Neo4j, behind one protocol."""

from __future__ import annotations

from reegraph.store.base import CypherStore, StoreCounts
from reegraph.store.open import open_store

__all__ = ["CypherStore", "StoreCounts", "open_store"]
