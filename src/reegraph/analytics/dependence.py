"""Who depends on a mineral, and by which route.

Three routes, each with the claims that make it:

- ``direct``: ``X -DEPENDS_ON-> mineral``;
- ``group``: ``X -DEPENDS_ON-> group`` where the mineral is a member (MEMBER_OF, any
  depth): rare earth magnets need dysprosium because they need rare earths;
- ``supplier``: ``X -DEPENDS_ON-> S`` where S controls, produces or processes the
  mineral or one of its groups, and the claim's topic (if it names a mineral) is
  about that mineral ("the U.S. depends on China for rare earth supply").

Routes other than ``direct`` are inferences and are marked so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from reegraph.analytics.graph import Graph, GraphIndex, Hop, Membership, groups_of
from reegraph.analytics.plain import INTERNAL
from reegraph.model import Label, Relation, RelationType, lookup_key

SUPPLY_TYPES = (RelationType.CONTROLS_SHARE, RelationType.PRODUCES, RelationType.PROCESSES)
GOODS = frozenset({Label.MINERAL.value, Label.COMMODITY.value})
_GOOD_LABELS = (Label.MINERAL, Label.COMMODITY)
_MATCHER_KEY = "reegraph_topic_matcher"


@dataclass(frozen=True)
class Dependence:
    """One dependent of one mineral, with the route and the chain of claims behind it."""

    dependent_id: str
    dependent: str
    label: str
    mineral_id: str
    mineral: str
    route: str  # direct | group | supplier
    via_id: str | None
    via: str | None
    claims: tuple[Relation, ...] = field(repr=False, metadata=INTERNAL)

    @property
    def inferred(self) -> bool:
        return self.route != "direct"

    def hops(self, index: GraphIndex) -> tuple[Hop, ...]:
        """The claims of the route, with their evidence (built on demand: they are many)."""
        return tuple(Hop.of(index, r) for r in self.claims)


class TopicMatcher:
    """Which goods a DEPENDS_ON ``topic`` names ("rare earth supply" -> rare earths).

    >>> from sample_bundle import make_bundle
    >>> from reegraph.analytics.graph import to_networkx
    >>> sorted(TopicMatcher(to_networkx(make_bundle())).named("rare earth supply"))
    ['mineral:rare-earth-elements']
    """

    def __init__(self, graph: Graph) -> None:
        self._keys: list[tuple[str, str]] = []
        for node, entity in graph.nodes(data="entity"):
            if entity.label not in _GOOD_LABELS:
                continue
            # Symbols are skipped: "as", "in", "y" would match ordinary words.
            keys = {
                k
                for k in entity.lookup
                if len(k) > 2 and k != lookup_key(entity.properties.symbol or "")
            }
            keys |= {k[:-1] for k in keys if k.endswith("s")}
            self._keys += [(f" {k} ", node) for k in sorted(keys)]
        self.named = cache(self._named)

    @classmethod
    def of(cls, graph: Graph) -> TopicMatcher:
        """The matcher of ``graph``, built once and kept in ``graph.graph``."""
        cached = graph.graph.get(_MATCHER_KEY)
        if cached is None:
            cached = graph.graph[_MATCHER_KEY] = cls(graph)
        return cached  # type: ignore[no-any-return]

    def _named(self, topic: str) -> frozenset[str]:
        text = f" {lookup_key(topic)} "
        return frozenset(node for key, node in self._keys if key in text)


def topic_allows(matcher: TopicMatcher | None, rel: Relation, related: set[str]) -> bool:
    """A topic that names goods must name this mineral, one of its groups or members."""
    if matcher is None or not rel.properties.topic:
        return True
    named = matcher.named(rel.properties.topic)
    return not named or bool(named & related)


def dependents_of(
    index: GraphIndex,
    mineral: str,
    groups: list[Membership] | None = None,
    matcher: TopicMatcher | None = None,
    related: set[str] | None = None,
) -> list[Dependence]:
    """Every (dependent, route) for ``mineral``; the direct route first for each dependent.

    ``related`` are the ids a DEPENDS_ON topic may name to count for this mineral
    (the mineral, its groups and members; default: the mineral and its groups).
    """
    groups = groups_of(index, mineral) if groups is None else groups
    name = index.names[mineral]
    related = related or {mineral, *(g.group_id for g in groups)}
    found: list[Dependence] = []
    # One chain per (dependent, route, via): the first found is the shortest.
    seen: set[tuple[str, str, str | None]] = set()

    def add(source: str, route: str, via: str | None, claims: tuple[Relation, ...]) -> None:
        seen.add((source, route, via))
        found.append(
            Dependence(
                dependent_id=source,
                dependent=index.names[source],
                label=index.labels[source],
                mineral_id=mineral,
                mineral=name,
                route=route,
                via_id=via,
                via=index.names[via] if via else None,
                claims=claims,
            )
        )

    for source, rel in index.sources(mineral, RelationType.DEPENDS_ON):
        if (source, "direct", None) not in seen:
            add(source, "direct", None, (rel,))
    for membership in groups:
        group = membership.group_id
        for source, rel in index.sources(group, RelationType.DEPENDS_ON):
            if (source, "group", group) not in seen:
                add(source, "group", group, (rel, *reversed(membership.path)))
    for good in [mineral, *(g.group_id for g in groups)]:
        for rel_type in SUPPLY_TYPES:
            for supplier, supply in index.sources(good, rel_type):
                for source, rel in index.sources(supplier, RelationType.DEPENDS_ON):
                    if (source, "supplier", supplier) in seen:
                        continue
                    if topic_allows(matcher, rel, related):
                        add(source, "supplier", supplier, (rel, supply))
    return found
