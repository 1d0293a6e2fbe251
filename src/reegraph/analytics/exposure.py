"""Exposure: what each country, sector and organisation depends on, and through whom.

For every entity with a DEPENDS_ON claim: each mineral it depends on (directly, or
through a supplier it depends on), and for each supply stage the share that passes
through each supplier and supplier country, as chains
``entity → mineral → supplier`` with the evidence of every hop.
"""

from __future__ import annotations

from dataclasses import dataclass

from reegraph.analytics.concentration import concentration_by_mineral
from reegraph.analytics.dependence import GOODS, SUPPLY_TYPES, TopicMatcher
from reegraph.analytics.graph import Graph, Hop, graph_index, groups_of
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


_Shares = tuple[tuple[SupplyChain, ...], tuple[CountryShare, ...]]


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
    # Many entities depend on the same few suppliers: everything about a (mineral,
    # supplier) pair is worked out once and shared by every exposure through it.
    related: dict[str, set[str]] = {}
    chains_cache: dict[str, list[SupplyChain]] = {}
    shares_cache: dict[tuple[str, str | None], _Shares] = {}
    goods_cache: dict[str, list[str]] = {}

    def related_to(good: str) -> set[str]:
        """The ids a DEPENDS_ON topic may name to be about ``good``: it and its groups."""
        if good not in related:
            groups = groups_of(index, good)
            related[good] = {good, *(g.group_id for g in groups)}
            chains_cache[good] = supply_chains(index, good, rows.get(good, []), groups)
        return related[good]

    def shares_of(mineral: str, supplier: str | None) -> _Shares:
        """The mineral's chains (through one supplier, if given) and their country shares."""
        key = (mineral, supplier)
        if key not in shares_cache:
            related_to(mineral)
            chains = [c for c in chains_cache[mineral] if supplier in (None, c.supplier_id)]
            shares_cache[key] = (tuple(chains), tuple(country_shares(chains)))
        return shares_cache[key]

    def supplied_by(supplier: str, rel: Relation) -> list[str]:
        """The goods a depended-on supplier provides that the claim's topic is about."""
        if supplier not in goods_cache:
            goods_cache[supplier] = sorted(
                {good for t in SUPPLY_TYPES for good, _ in index.targets(supplier, t)}
            )
        goods = goods_cache[supplier]
        named = matcher.named(rel.properties.topic) if rel.properties.topic else None
        if not named:
            return goods
        return [g for g in goods if named & related_to(g)]

    def exposure_to(
        mineral: str, supplier: str | None, dependence: tuple[Hop, ...]
    ) -> MineralExposure:
        chains, by_country = shares_of(mineral, supplier)
        return MineralExposure(
            mineral_id=mineral,
            mineral=index.names[mineral],
            route="supplier" if supplier else "direct",
            via=index.names[supplier] if supplier else None,
            dependence=dependence,
            by_country=by_country,
            chains=chains,
        )

    found = []
    for entity, edges in index.out.get(RelationType.DEPENDS_ON.value, {}).items():
        minerals: list[MineralExposure] = []
        for target, rel in edges:
            dependence = (Hop.of(index, rel),)
            if index.labels[target] in GOODS:
                minerals.append(exposure_to(target, None, dependence))
                continue
            for good in supplied_by(target, rel):
                minerals.append(exposure_to(good, target, dependence))
        if minerals:
            minerals.sort(key=lambda m: (m.route != "direct", m.mineral, m.via or ""))
            found.append(
                Exposure(entity, index.names[entity], index.labels[entity], tuple(minerals))
            )
    return sorted(found, key=lambda e: (e.label, e.entity))
