"""Writing analysis scores back onto entity nodes, so queries and views can use them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reegraph.store.base import CypherStore
from reegraph.store.statements import SCORE_COLUMNS, set_entity_scores


def write_entity_scores(
    store: CypherStore, rows_by_label: Mapping[str, Sequence[dict[str, Any]]]
) -> int:
    """Set every score column of the given entities (missing keys become null); rows written."""
    written = 0
    for label, rows in rows_by_label.items():
        full = [{"id": r["id"], **{c: r.get(c) for c in SCORE_COLUMNS}} for r in rows]
        store.run_batches(set_entity_scores(label, store.dialect), full)
        written += len(full)
    return written
