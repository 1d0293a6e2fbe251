"""What every store does, written once over a ``run(cypher, parameters)`` primitive.

A backend (embedded, Neo4j) supplies ``run``, ``ensure_schema`` and ``close``; the
diffing writer, bundle reader and counters here are shared, so both backends hold
the same graph for the same bundle.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self

from reegraph.model import DOCUMENT_LABEL, GraphBundle, Label, RelationType
from reegraph.store import statements as st
from reegraph.store.rows import (
    document_from_row,
    document_row,
    entity_from_row,
    entity_row,
    relation_from_row,
    relation_row,
)

Row = dict[str, Any]
Progress = Callable[[int], None]
DEFAULT_BATCH_SIZE = 1000


@dataclass
class StoreCounts:
    nodes: dict[str, int] = field(default_factory=dict)
    relations: dict[str, int] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        return self.nodes.get(DOCUMENT_LABEL, 0)

    @property
    def entities(self) -> int:
        return sum(n for label, n in self.nodes.items() if label != DOCUMENT_LABEL)

    @property
    def total_relations(self) -> int:
        return sum(self.relations.values())


@dataclass
class WriteSummary:
    nodes_written: int = 0
    relations_written: int = 0
    nodes_deleted: int = 0
    relations_deleted: int = 0


def _node_rows(bundle: GraphBundle) -> dict[str, dict[str, Row]]:
    """label -> id -> row."""
    rows: dict[str, dict[str, Row]] = defaultdict(dict)
    for doc in bundle.documents:
        rows[DOCUMENT_LABEL][doc.id] = document_row(doc)
    for ent in bundle.entities:
        rows[ent.label.value][ent.id] = entity_row(ent)
    return rows


def _relation_rows(bundle: GraphBundle) -> dict[tuple[str, str, str], dict[str, Row]]:
    """(type, source label, target label) -> key -> row."""
    labels = {e.id: e.label.value for e in bundle.entities}
    labels.update({d.id: DOCUMENT_LABEL for d in bundle.documents})
    rows: dict[tuple[str, str, str], dict[str, Row]] = defaultdict(dict)
    for rel in bundle.relations:
        group = (rel.type.value, labels[rel.source], labels[rel.target])
        rows[group][rel.key] = relation_row(rel)
    return rows


class CypherStore(ABC):
    """A graph store that speaks Cypher. Use as a context manager: open, work, close."""

    backend: str = "?"
    dialect: st.Dialect = "neo4j"
    batch_size: int = DEFAULT_BATCH_SIZE

    @abstractmethod
    def run(self, text: str, parameters: dict[str, Any] | None = None) -> list[Row]:
        """Run one statement with parameters and return its rows as dicts."""

    @abstractmethod
    def ensure_schema(self) -> None:
        """Create tables / constraints from the model if they are missing."""

    @abstractmethod
    def close(self) -> None: ...

    @property
    def location(self) -> str:
        return self.backend

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------

    def run_batches(
        self, statement: st.Statement, rows: Sequence[Row], progress: Progress | None = None
    ) -> None:
        """Send rows in ``UNWIND $rows`` batches of ``batch_size``."""
        for start in range(0, len(rows), self.batch_size):
            batch = list(rows[start : start + self.batch_size])
            self.run(statement.text, {"rows": batch})
            if progress:
                progress(len(batch))

    def write_bundle(
        self,
        new: GraphBundle,
        old: GraphBundle | None = None,
        progress: Progress | None = None,
    ) -> WriteSummary:
        """Make the store hold ``new``, given it holds ``old`` (None: add, delete nothing).

        Only rows that differ are written, so writing the same bundle twice is a no-op,
        and a write interrupted halfway is completed by running it again.
        """
        summary = WriteSummary()
        old = old or GraphBundle()
        new_nodes, old_nodes = _node_rows(new), _node_rows(old)
        new_rels, old_rels = _relation_rows(new), _relation_rows(old)
        for group, keyed in old_rels.items():
            gone = [k for k in keyed if k not in new_rels.get(group, {})]
            if gone:
                self.run(st.delete_relations(group[0]).text, {"keys": gone})
                summary.relations_deleted += len(gone)
        for label, keyed in new_nodes.items():
            changed = [row for i, row in keyed.items() if old_nodes.get(label, {}).get(i) != row]
            self.run_batches(st.merge_nodes(label, self.dialect), changed, progress)
            summary.nodes_written += len(changed)
        for group, keyed in new_rels.items():
            previous = old_rels.get(group, {})
            changed = [row for k, row in keyed.items() if previous.get(k) != row]
            self.run_batches(st.merge_relations(*group, self.dialect), changed, progress)
            summary.relations_written += len(changed)
        for label, keyed in old_nodes.items():
            gone = [i for i in keyed if i not in new_nodes.get(label, {})]
            if gone:
                self.run(st.delete_nodes(label).text, {"ids": gone})
                summary.nodes_deleted += len(gone)
        return summary

    # -- reading -----------------------------------------------------------------

    def document_hashes(self) -> dict[str, str]:
        return {r["id"]: r["sha256"] for r in self.run(st.DOCUMENT_HASHES.text)}

    def read_bundle(self) -> GraphBundle:
        """Everything in the store, as the one intermediate."""
        documents = [document_from_row(r) for r in self.run(st.read_nodes(DOCUMENT_LABEL).text)]
        entities = [
            entity_from_row(r) for label in Label for r in self.run(st.read_nodes(label).text)
        ]
        relations = [
            relation_from_row(r)
            for rel_type in RelationType
            for r in self.run(st.read_relations(rel_type.value).text)
        ]
        return GraphBundle(documents=documents, entities=entities, relations=relations)

    def counts(self) -> StoreCounts:
        nodes = {r["label"]: int(r["count"]) for r in self.run(st.COUNT_NODES.text)}
        rels = {r["type"]: int(r["count"]) for r in self.run(st.COUNT_RELATIONS.text)}
        return StoreCounts(nodes=dict(sorted(nodes.items())), relations=dict(sorted(rels.items())))


def rows_by_key(rows: Iterable[Row], key: str) -> dict[Any, Row]:
    return {r[key]: r for r in rows}
