"""What every store does, written once over a ``run(cypher, parameters)`` primitive.

A backend (embedded, Neo4j) supplies ``run``, ``ensure_schema`` and ``close``; the
diffing writer, bundle reader and counters here are shared, so both backends hold
the same graph for the same bundle.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self

from reegraph.gcpause import paused_gc
from reegraph.model import DOCUMENT_LABEL, GraphBundle, Label, RelationType
from reegraph.store import statements as st
from reegraph.store.rows import (
    document_from_row,
    document_row,
    endpoints,
    entity_from_row,
    entity_row,
    relation_from_row,
    relation_row,
)

Row = dict[str, Any]
Progress = Callable[[int], None]
# (relationship type, source label, target label): one MERGE statement per group.
RelationGroup = tuple[str, str, str]
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
    if bundle.documents:
        rows[DOCUMENT_LABEL] = {doc.id: document_row(doc) for doc in bundle.documents}
    for ent in bundle.entities:
        rows[str(ent.label)][ent.id] = entity_row(ent)
    return rows


def _relation_rows(bundle: GraphBundle) -> dict[RelationGroup, dict[str, Row]]:
    """(type, source label, target label) -> key -> row."""
    ends = endpoints(bundle.entities, bundle.documents)
    rows: dict[RelationGroup, dict[str, Row]] = defaultdict(dict)
    for rel in bundle.relations:
        row = relation_row(rel, ends)
        rows[row["predicate"], row["source_label"], row["target_label"]][row["key"]] = row
    return rows


@dataclass
class WritePlan:
    """The rows that turn a store holding ``old`` into one holding ``new``."""

    relation_deletes: list[tuple[str, list[str]]] = field(default_factory=list)
    node_writes: list[tuple[str, list[Row]]] = field(default_factory=list)
    relation_writes: list[tuple[RelationGroup, list[Row]]] = field(default_factory=list)
    node_deletes: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def rows(self) -> int:
        """Rows to write (what ``progress`` counts up to)."""
        return sum(len(r) for _, r in self.node_writes) + sum(
            len(r) for _, r in self.relation_writes
        )


def _changed(new: dict[Any, Row], old: dict[Any, Row]) -> list[Row]:
    """Rows of ``new`` that ``old`` lacks or holds differently."""
    if not old:
        return list(new.values())
    return [row for k, row in new.items() if old.get(k) != row]


def plan_write(new: GraphBundle, old: GraphBundle | None = None) -> WritePlan:
    """Diff two bundles into rows: only what differs is written or deleted."""
    plan = WritePlan()
    # Hundreds of thousands of small acyclic rows: collecting while they are built
    # (and compared) would rescan them and both bundles again and again.
    with paused_gc():
        new_nodes, new_rels = _node_rows(new), _relation_rows(new)
        old_nodes = _node_rows(old) if old is not None else {}
        old_rels = _relation_rows(old) if old is not None else {}
        for group, keyed in old_rels.items():
            kept = new_rels.get(group, {})
            gone = [k for k in keyed if k not in kept]
            if gone:
                plan.relation_deletes.append((group[0], gone))
        for label, rows in new_nodes.items():
            changed = _changed(rows, old_nodes.get(label, {}))
            if changed:
                plan.node_writes.append((label, changed))
        for group, keyed in new_rels.items():
            changed = _changed(keyed, old_rels.get(group, {}))
            if changed:
                plan.relation_writes.append((group, changed))
        for label, rows in old_nodes.items():
            kept = new_nodes.get(label, {})
            gone = [i for i in rows if i not in kept]
            if gone:
                plan.node_deletes.append((label, gone))
    return plan


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

    def write_nodes(self, label: str, rows: Sequence[Row], progress: Progress | None) -> None:
        """MERGE node rows of one label; a backend may override with a faster path."""
        self.run_batches(st.merge_nodes(label, self.dialect), rows, progress)

    def write_relations(
        self, group: RelationGroup, rows: Sequence[Row], progress: Progress | None
    ) -> None:
        """MERGE relationship rows of one (type, source label, target label) group."""
        self.run_batches(st.merge_relations(*group, self.dialect), rows, progress)

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
        # The collector stays off until the plan is gone: a full collection while its
        # rows are alive walks millions of objects for no garbage.
        with paused_gc():
            return self.apply_plan(plan_write(new, old), progress)

    def apply_plan(self, plan: WritePlan, progress: Progress | None = None) -> WriteSummary:
        """Relationships that went away, then nodes, relationships, and nodes that went away;
        ``progress`` gets the number of rows after every batch written."""
        summary = WriteSummary()
        for rel_type, keys in plan.relation_deletes:
            self._delete_in_batches(st.delete_relations(rel_type), "keys", keys)
            summary.relations_deleted += len(keys)
        for label, rows in plan.node_writes:
            self.write_nodes(label, rows, progress)
            summary.nodes_written += len(rows)
        for group, rows in plan.relation_writes:
            self.write_relations(group, rows, progress)
            summary.relations_written += len(rows)
        for label, ids in plan.node_deletes:
            self._delete_in_batches(st.delete_nodes(label), "ids", ids)
            summary.nodes_deleted += len(ids)
        return summary

    def _delete_in_batches(self, statement: st.Statement, name: str, values: list[str]) -> None:
        # Bounded transactions: a server holds each one in memory until it commits.
        for start in range(0, len(values), self.batch_size):
            self.run(statement.text, {name: values[start : start + self.batch_size]})

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


def copy_graph(
    source: CypherStore,
    target: CypherStore,
    progress: Progress | None = None,
    on_plan: Callable[[int], None] | None = None,
) -> WriteSummary:
    """Make ``target`` hold what ``source`` holds, writing only the rows that differ.

    ``on_plan`` gets the number of rows to write before the first one is sent.
    """
    with paused_gc():  # see CypherStore.write_bundle
        plan = plan_write(source.read_bundle(), target.read_bundle())
        if on_plan:
            on_plan(plan.rows)
        summary = target.apply_plan(plan, progress)
        del plan  # before the collector resumes
    return summary
