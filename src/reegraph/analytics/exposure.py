"""Exposure: what each country, sector and organisation depends on, and through whom.

For every entity with a DEPENDS_ON claim: each mineral it depends on (directly, or
through a supplier it depends on), and for each supply stage the share that passes
through each supplier and supplier country, as chains
``entity → mineral → supplier`` with the evidence of every hop.
"""

from __future__ import annotations

from dataclasses import dataclass

from reegraph.analytics.concentration import concentration_by_mineral
from reegraph.analytics.dependence import GOODS, SUPPLY_TYPES, TopicMatcher, topic_allows
from reegraph.analytics.graph import Graph, GraphIndex, Hop, graph_index, groups_of
from reegraph.analytics.supply import CountryShare, SupplyChain, country_shares, supply_chains
from reegraph.model import Relation, RelationType


@dataclass(frozen=True)
class MineralExposure:
    mineral_id: str
    mineral: str
    route: str  # direct | supplier
    via: str | None  # the supplier depended on
    dependence: tuple[Hop, ...]
    by_country: tuple[CountryShare, ...]
    chains: tuple[SupplyChain, ...]


@dataclass(frozen=True)
class Exposure:
    entity_id: str
    entity: str
    label: str
    minerals: tuple[MineralExposure, ...]


def exposure(graph: Graph) -> list[Exposure]:
    """Every dependent entity's exposure, by label then name.

    >>> from sample_bundle import make_bundle
    >>> from reegraph.analytics.graph import to_networkx
    >>> for e in exposure(to_networkx(make_bundle())):
    ...     for m in e.minerals:
    ...         shares = [(s.stage, s.country, s.share) for s in m.by_country]
    ...         print(e.entity, "->", m.mineral, shares)
    United States -> Rare earth elements [('mining', 'China', 0.7), ('processing', 'China', 0.9)]
    Defense -> Dysprosium [('mining', 'China', 0.7), ('processing', 'China', 0.9)]
    Wind turbines -> Rare earth elements [('mining', 'China', 0.7), ('processing', 'China', 0.9)]
    """
    index = graph_index(graph)
    rows = concentration_by_mineral(graph)
    matcher = TopicMatcher(graph)
    chains_cache: dict[str, list[SupplyChain]] = {}

    def chains_of(mineral: str) -> list[SupplyChain]:
        if mineral not in chains_cache:
            groups = groups_of(index, mineral)
            chains_cache[mineral] = supply_chains(index, mineral, rows.get(mineral, []), groups)
        return chains_cache[mineral]

    shares_cache: dict[tuple[str, str | None], tuple[list[SupplyChain], list[CountryShare]]] = {}

    def shares_of(
        mineral: str, supplier: str | None
    ) -> tuple[list[SupplyChain], list[CountryShare]]:
        """The mineral's chains (through one supplier, if given) and their country shares."""
        key = (mineral, supplier)
        if key not in shares_cache:
            chains = [c for c in chains_of(mineral) if supplier in (None, c.supplier_id)]
            shares_cache[key] = (chains, country_shares(chains))
        return shares_cache[key]

    found = []
    for entity, edges in index.out.get(RelationType.DEPENDS_ON.value, {}).items():
        minerals: list[MineralExposure] = []
        for target, rel in edges:
            dependence = (Hop.of(index, rel),)
            if index.labels[target] in GOODS:
                minerals.append(_exposure(index, target, None, dependence, shares_of(target, None)))
                continue
            for good in _supplied_by(index, target, rel, matcher):
                minerals.append(_exposure(index, good, target, dependence, shares_of(good, target)))
        if minerals:
            minerals.sort(key=lambda m: (m.route != "direct", m.mineral, m.via or ""))
            found.append(
                Exposure(entity, index.names[entity], index.labels[entity], tuple(minerals))
            )
    return sorted(found, key=lambda e: (e.label, e.entity))


def _supplied_by(
    index: GraphIndex, supplier: str, rel: Relation, matcher: TopicMatcher
) -> list[str]:
    """The goods a depended-on supplier provides that the claim's topic is about."""
    goods = sorted({good for t in SUPPLY_TYPES for good, _ in index.targets(supplier, t)})
    return [
        g
        for g in goods
        if topic_allows(matcher, rel, {g, *(m.group_id for m in groups_of(index, g))})
    ]


def _exposure(
    index: GraphIndex,
    mineral: str,
    supplier: str | None,
    dependence: tuple[Hop, ...],
    shares: tuple[list[SupplyChain], list[CountryShare]],
) -> MineralExposure:
    return MineralExposure(
        mineral_id=mineral,
        mineral=index.names[mineral],
        route="supplier" if supplier else "direct",
        via=index.names[supplier] if supplier else None,
        dependence=dependence,
        by_country=tuple(shares[1]),
        chains=tuple(shares[0]),
    )
