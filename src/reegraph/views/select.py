"""Which entities and claims a view shows: filters, ego networks, query answers, a size cap.

Pure functions over a :class:`~reegraph.model.GraphBundle`; nothing here draws.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from reegraph.model import Document, Entity, GraphBundle, Label, Relation, RelationType

DEFAULT_MAX_NODES = 5000
# Analytics writes these entity properties; the first one most nodes carry sizes them.
IMPORTANCE_PROPERTIES = ("pagerank", "criticality")


@dataclass(frozen=True)
class ViewFilters:
    """Empty sets mean "all"; ``since`` keeps claims read in articles published on or after it."""

    labels: frozenset[Label] = frozenset()
    relations: frozenset[RelationType] = frozenset()
    since: str | None = None


@dataclass(frozen=True)
class ViewOptions:
    heading: str = "reegraph"
    filters: ViewFilters = field(default_factory=ViewFilters)
    focus: tuple[str, ...] = ()  # entity ids: show their neighbourhood up to ``depth``
    depth: int = 1
    only: frozenset[str] | None = None  # entity ids: show these and the claims among them
    max_nodes: int = DEFAULT_MAX_NODES


@dataclass
class Selection:
    entities: dict[str, Entity]
    relations: list[Relation]
    documents: dict[str, Document]
    importance: dict[str, float]
    metric: str  # what ``importance`` measures: degree, pagerank, criticality
    total_nodes: int  # before the size cap
    focus: tuple[str, ...] = ()

    @property
    def truncated(self) -> bool:
        return self.total_nodes > len(self.entities)


def published_since(published: str | None, since: str) -> bool:
    """``"2025-10"`` counts as on or after ``"2025-10-15"``: compare at the coarser precision."""
    if not published:
        return False
    precision = min(len(published), len(since))
    return published[:precision] >= since[:precision]


def _kept_relations(
    bundle: GraphBundle, entities: dict[str, Entity], filters: ViewFilters
) -> list[Relation]:
    published = {d.id: d.published for d in bundle.documents}
    kept = []
    for rel in bundle.relations:
        if rel.type is RelationType.MENTIONS or (
            filters.relations and rel.type not in filters.relations
        ):
            continue
        source, target = entities.get(rel.source), entities.get(rel.target)
        if source is None or target is None:
            continue
        if filters.labels and not {source.label, target.label} <= filters.labels:
            continue
        if filters.since and not any(
            published_since(published.get(doc), filters.since) for doc in rel.documents
        ):
            continue
        kept.append(rel)
    return kept


def neighbourhood(relations: Iterable[Relation], start: Iterable[str], depth: int) -> set[str]:
    """Entity ids within ``depth`` hops of ``start``, following claims in either direction."""
    adjacent: dict[str, set[str]] = {}
    for rel in relations:
        adjacent.setdefault(rel.source, set()).add(rel.target)
        adjacent.setdefault(rel.target, set()).add(rel.source)
    reached = set(start)
    frontier = set(reached)
    for _ in range(depth):
        frontier = {n for f in frontier for n in adjacent.get(f, ())} - reached
        if not frontier:
            break
        reached |= frontier
    return reached


def importance(
    entities: dict[str, Entity], relations: list[Relation]
) -> tuple[str, dict[str, float]]:
    """How important each entity is, and by which measure.

    The first analytics property (``pagerank``, ``criticality``) that at least half the
    entities carry wins, so one measure sizes every node; otherwise the degree.
    """
    for prop in IMPORTANCE_PROPERTIES:
        values = {i: getattr(e.properties, prop) for i, e in entities.items()}
        if entities and sum(v is not None for v in values.values()) * 2 >= len(entities):
            return prop, {i: float(v or 0.0) for i, v in values.items()}
    degree: Counter[str] = Counter()
    for rel in relations:
        degree[rel.source] += 1
        degree[rel.target] += 1
    return "degree", {i: float(degree[i]) for i in entities}


def select(bundle: GraphBundle, options: ViewOptions) -> Selection:
    """The entities and claims a view of ``bundle`` shows under ``options``."""
    everything = bundle.entity_index()
    filters = options.filters
    if filters.labels:
        everything = {i: e for i, e in everything.items() if e.label in filters.labels}
    relations = _kept_relations(bundle, everything, filters)
    pinned = [i for i in (*options.focus, *sorted(options.only or ())) if i in everything]
    if options.only is not None:
        wanted = set(options.only) & set(everything)
    elif options.focus:
        wanted = neighbourhood(
            relations, [f for f in options.focus if f in everything], options.depth
        )
    else:
        wanted = {end for rel in relations for end in (rel.source, rel.target)}
    relations = [r for r in relations if r.source in wanted and r.target in wanted]
    entities = {i: everything[i] for i in sorted(wanted)}
    metric, score = importance(entities, relations)
    total = len(entities)
    if total > options.max_nodes:
        ranked = sorted(entities, key=lambda i: (-score[i], i))
        keep = set(pinned[: options.max_nodes])
        for i in ranked:
            if len(keep) >= options.max_nodes:
                break
            keep.add(i)
        entities = {i: e for i, e in entities.items() if i in keep}
        relations = [r for r in relations if r.source in keep and r.target in keep]
        score = {i: s for i, s in score.items() if i in keep}
    used = {doc for rel in relations for doc in rel.documents}
    documents = {d.id: d for d in bundle.documents if d.id in used}
    return Selection(
        entities=entities,
        relations=relations,
        documents=documents,
        importance=score,
        metric=metric,
        total_nodes=total,
        focus=tuple(f for f in options.focus if f in entities),
    )
