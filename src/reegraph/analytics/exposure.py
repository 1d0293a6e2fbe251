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


# Everything of a MineralExposure but the dependence claim:
# (mineral id, mineral, route, via, by_country, chains).
_Template = tuple[str, str, str, str | None, tuple[CountryShare, ...], tuple[SupplyChain, ...]]


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
    matcher = TopicMatcher.of(graph)
    # Many entities depend on the same few suppliers: everything about a (mineral,
    # supplier) pair is worked out once and shared by every exposure through it.
    related: dict[str, set[str]] = {}
    chains_of: dict[str, list[SupplyChain]] = {}
    templates: dict[tuple[str, str | None], _Template] = {}
    goods_of: dict[str, list[str]] = {}
    through: dict[tuple[str, frozenset[str]], list[_Template]] = {}

    def related_to(good: str) -> set[str]:
        """The ids a DEPENDS_ON topic may name to be about ``good``: it and its groups."""
        if good not in related:
            groups = groups_of(index, good)
            related[good] = {good, *(g.group_id for g in groups)}
            chains_of[good] = supply_chains(index, good, rows.get(good, []), groups)
        return related[good]

    def template(mineral: str, supplier: str | None) -> _Template:
        """The mineral's chains (through one supplier, if given) and their country shares."""
        key = (mineral, supplier)
        if key not in templates:
            related_to(mineral)
            chains = [c for c in chains_of[mineral] if supplier in (None, c.supplier_id)]
            templates[key] = (
                mineral,
                index.names[mineral],
                "supplier" if supplier else "direct",
                index.names[supplier] if supplier else None,
                tuple(country_shares(chains)),
                tuple(chains),
            )
        return templates[key]

    def supplied_by(supplier: str, rel: Relation) -> list[_Template]:
        """The goods a depended-on supplier provides that the claim's topic is about."""
        named = matcher.named(rel.properties.topic) if rel.properties.topic else frozenset()
        key = (supplier, named)
        if key not in through:
            if supplier not in goods_of:
                goods_of[supplier] = sorted(
                    {good for t in SUPPLY_TYPES for good, _ in index.targets(supplier, t)}
                )
            goods = goods_of[supplier]
            if named:
                goods = [g for g in goods if named & related_to(g)]
            through[key] = [template(g, supplier) for g in goods]
        return through[key]

    found = []
    for entity, edges in index.out.get(RelationType.DEPENDS_ON.value, {}).items():
        minerals: list[MineralExposure] = []
        for target, rel in edges:
            dependence = (Hop.of(index, rel),)
            if index.labels[target] in GOODS:
                reached = [template(target, None)]
            else:
                reached = supplied_by(target, rel)
            for mineral, name, route, via, by_country, chains in reached:
                minerals.append(
                    MineralExposure(mineral, name, route, via, dependence, by_country, chains)
                )
        if minerals:
            minerals.sort(key=lambda m: (m.route != "direct", m.mineral, m.via or ""))
            found.append(
                Exposure(entity, index.names[entity], index.labels[entity], tuple(minerals))
            )
    return sorted(found, key=lambda e: (e.label, e.entity))
