"""The bundle as a networkx graph, plus the typed lookups every analysis needs.

Nodes are entity ids with ``label``, ``name`` and ``entity`` attributes; each claim
is one edge of a ``MultiDiGraph`` keyed by its position in the bundle, carrying its
``type`` and the :class:`~reegraph.model.Relation` itself (``rel``) so every answer
can cite the documents and sentences behind it.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from reegraph.analytics.plain import INTERNAL
from reegraph.gcpause import paused_gc
from reegraph.model import GraphBundle, Label, Relation, RelationType

# Stands for ``networkx.MultiDiGraph`` (networkx ships without type information).
Graph = Any

_INDEX_KEY = "reegraph_index"


def to_networkx(bundle: GraphBundle) -> Graph:
    """Entities as nodes, claims as keyed multi-edges (documents and MENTIONS left out).

    >>> from sample_bundle import make_bundle
    >>> graph = to_networkx(make_bundle())
    >>> graph.nodes["mineral:dysprosium"]["name"]
    'Dysprosium'
    >>> sorted({t for _, _, t in graph.edges(data="type")})
    ['CONTROLS_SHARE', 'DEPENDS_ON', 'MEMBER_OF']
    """
    import networkx as nx

    graph = nx.MultiDiGraph()
    with paused_gc():
        _fill(graph, bundle)
    return graph


def _fill(graph: Graph, bundle: GraphBundle) -> None:
    graph.add_nodes_from(
        (e.id, {"label": e.label.value, "name": e.name, "entity": e}) for e in bundle.entities
    )
    graph.add_edges_from(
        (r.source, r.target, i, {"type": str(r.type), "rel": r})
        for i, r in enumerate(bundle.relations)
        if r.type is not RelationType.MENTIONS
    )


Edge = tuple[str, Relation]  # (the node at the other end, the claim)


@dataclass
class GraphIndex:
    """Per-type adjacency over a graph: ``out[type][node]`` and ``into[type][node]``."""

    labels: dict[str, str]
    names: dict[str, str]
    out: dict[str, dict[str, list[Edge]]]
    into: dict[str, dict[str, list[Edge]]]
    # The ``country`` property of entities that carry one (organisations, people, places).
    countries: dict[str, str]

    def targets(self, node: str, rel_type: RelationType) -> list[Edge]:
        by_node = self.out.get(rel_type)
        return by_node.get(node, []) if by_node else []

    def sources(self, node: str, rel_type: RelationType) -> list[Edge]:
        by_node = self.into.get(rel_type)
        return by_node.get(node, []) if by_node else []

    def with_label(self, *labels: Label) -> list[str]:
        wanted = {label.value for label in labels}
        return sorted(n for n, lab in self.labels.items() if lab in wanted)


def graph_index(graph: Graph) -> GraphIndex:
    """The index of ``graph``, built once and kept in ``graph.graph`` (do not mutate after)."""
    cached = graph.graph.get(_INDEX_KEY)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    with paused_gc():
        index = _build_index(graph)
    graph.graph[_INDEX_KEY] = index
    return index


def _build_index(graph: Graph) -> GraphIndex:
    out: dict[str, dict[str, list[Edge]]] = defaultdict(lambda: defaultdict(list))
    into: dict[str, dict[str, list[Edge]]] = defaultdict(lambda: defaultdict(list))
    # adjacency() hands out the raw dicts: several times faster than edges(data=...).
    # Keys are the edges' plain ``type`` strings: hashing a StrEnum member runs Python
    # code, and this loop does it twice per claim.
    for source, neighbours in graph.adjacency():
        for target, keyed in neighbours.items():
            for data in keyed.values():
                rel_type, rel = data["type"], data["rel"]
                out[rel_type][source].append((target, rel))
                into[rel_type][target].append((source, rel))
    return GraphIndex(
        labels=dict(graph.nodes(data="label")),
        names=dict(graph.nodes(data="name")),
        out=out,
        into=into,
        countries={
            n: e.properties.country for n, e in graph.nodes(data="entity") if e.properties.country
        },
    )


@dataclass(frozen=True)
class Hop:
    """One claim in a chain of reasoning, with the evidence that supports it."""

    source_id: str
    source: str
    relation: str
    target_id: str
    target: str
    properties: dict[str, Any]
    documents: tuple[str, ...]
    sentences: tuple[str, ...]
    rel: Relation = field(repr=False, compare=False, metadata=INTERNAL)

    @classmethod
    def of(cls, index: GraphIndex, rel: Relation) -> Hop:
        return cls(
            source_id=rel.source,
            source=index.names.get(rel.source, rel.source),
            relation=rel.type.value,
            target_id=rel.target,
            target=index.names.get(rel.target, rel.target),
            properties=rel.properties.model_dump(exclude_none=True, exclude_defaults=True),
            documents=tuple(ev.document for ev in rel.evidence),
            sentences=tuple(ev.sentence for ev in rel.evidence),
            rel=rel,
        )


@dataclass(frozen=True)
class Membership:
    """A group a mineral belongs to, and the MEMBER_OF claims that lead there."""

    group_id: str
    distance: int
    path: tuple[Relation, ...]


def groups_of(index: GraphIndex, node: str) -> list[Membership]:
    """Every group above ``node`` through MEMBER_OF, nearest first (ties by id)."""
    return _walk(index, node, upward=True)


def members_of(index: GraphIndex, node: str) -> list[Membership]:
    """Every member below ``node`` through MEMBER_OF, nearest first (ties by id)."""
    return _walk(index, node, upward=False)


def _walk(index: GraphIndex, start: str, *, upward: bool) -> list[Membership]:
    step = index.targets if upward else index.sources
    seen = {start}
    found: list[Membership] = []
    queue: deque[tuple[str, tuple[Relation, ...]]] = deque([(start, ())])
    while queue:
        node, path = queue.popleft()
        for other, rel in sorted(step(node, RelationType.MEMBER_OF), key=lambda e: e[0]):
            if other in seen:
                continue
            seen.add(other)
            found.append(Membership(other, len(path) + 1, (*path, rel)))
            queue.append((other, (*path, rel)))
    return found


def country_of(index: GraphIndex, node: str) -> str | None:
    """The country an actor or place belongs to: itself, its ``country`` property or BASED_IN."""
    label = index.labels.get(node)
    if label in (Label.COUNTRY.value, Label.REGION.value):
        return node
    declared = index.countries.get(node)
    if declared in index.labels:
        return declared
    for rel_type in (RelationType.BASED_IN, RelationType.LOCATED_IN):
        for target, _ in index.targets(node, rel_type):
            if index.labels.get(target) == Label.COUNTRY.value:
                return target
    return None
