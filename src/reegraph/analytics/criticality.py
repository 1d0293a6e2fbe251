"""Criticality: how concentrated a mineral's supply is, weighed by how many depend on it.

Formula, per mineral ``m``::

    criticality(m) = H(m) × D(m) / (D(m) + 1)

- ``H(m)`` is the HHI of the mineral's most concentrated stage (the chokepoint), from
  its own CONTROLS_SHARE claims or inherited from its group
  (:mod:`reegraph.analytics.concentration`);
- ``D(m)`` is the number of distinct sectors and countries that depend on it, directly,
  through one of its groups (MEMBER_OF) or through a country that supplies it
  (:mod:`reegraph.analytics.dependence`).

The score lies in 0..1: 0 when nobody depends on it or its supply is fragmented,
approaching ``H`` as dependents accumulate (one dependent counts half, three count
three quarters). Minerals with no share claims anywhere up their group chain have no
score (``None``): the graph does not know how concentrated they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from reegraph.analytics.concentration import GOOD_LABELS, concentration_by_mineral
from reegraph.analytics.dependence import SUPPLY_TYPES, TopicMatcher
from reegraph.analytics.graph import Graph, GraphIndex, graph_index, groups_of
from reegraph.model import Label, RelationType

COUNTED_LABELS = frozenset({Label.SECTOR.value, Label.COUNTRY.value})


def criticality_score(hhi: float | None, dependents: int) -> float | None:
    """``H × D / (D + 1)``, rounded to 6 places.

    >>> criticality_score(0.52, 3)
    0.39
    >>> criticality_score(0.81, 0), criticality_score(None, 4)
    (0.0, None)
    """
    if hhi is None:
        return None
    return round(hhi * dependents / (dependents + 1), 6)


@dataclass(frozen=True)
class MineralCriticality:
    mineral_id: str
    mineral: str
    hhi: float | None
    top_share: float | None
    top_supplier: str | None
    chokepoint_stage: str | None
    inferred: bool
    sectors: tuple[str, ...]
    countries: tuple[str, ...]
    criticality: float | None


def criticality(graph: Graph) -> list[MineralCriticality]:
    """Every mineral and commodity, most critical first (unscored ones last).

    >>> from sample_bundle import make_bundle
    >>> from reegraph.analytics.graph import to_networkx
    >>> for c in criticality(to_networkx(make_bundle())):
    ...     print(c.mineral, c.hhi, c.sectors, c.countries, c.criticality)
    Dysprosium 0.81 ('Defense', 'Wind turbines') ('United States',) 0.6075
    Rare earth elements 0.81 ('Wind turbines',) ('United States',) 0.54
    """
    index = graph_index(graph)
    rows_by_mineral = concentration_by_mineral(graph)
    counted_by_mineral = counted_dependents(index, TopicMatcher.of(graph))
    labels = index.labels
    found = []
    for mineral, counted in counted_by_mineral.items():
        sectors = sorted(index.names[d] for d in counted if labels[d] == Label.SECTOR.value)
        countries = sorted(index.names[d] for d in counted if labels[d] == Label.COUNTRY.value)
        rows = rows_by_mineral.get(mineral, [])
        worst = max(rows, key=lambda r: (r.hhi, -r.inferred)) if rows else None
        found.append(
            MineralCriticality(
                mineral_id=mineral,
                mineral=index.names[mineral],
                hhi=worst.hhi if worst else None,
                top_share=max(r.top_share for r in rows) if rows else None,
                top_supplier=worst.top_supplier if worst else None,
                chokepoint_stage=worst.stage if worst else None,
                inferred=bool(worst and worst.inferred),
                sectors=tuple(sectors),
                countries=tuple(countries),
                criticality=criticality_score(worst.hhi if worst else None, len(counted)),
            )
        )
    return sorted(found, key=lambda c: (c.criticality is None, -(c.criticality or 0), c.mineral))


def counted_dependents(index: GraphIndex, matcher: TopicMatcher) -> dict[str, set[str]]:
    """good id -> the sectors and countries that depend on it, by any route.

    The same dependents :func:`~reegraph.analytics.dependence.dependents_of` finds,
    without building a route per dependent: each supplier's dependents are sorted
    once into those whose claim names no good (they count for everything the
    supplier provides) and those whose topic must name the good or one of its groups.
    """
    depends = index.into.get(RelationType.DEPENDS_ON.value, {})
    labels = index.labels

    def counted(node: str) -> list[tuple[str, frozenset[str]]]:
        """(dependent, goods its claim's topic names) for counted dependents of ``node``."""
        return [
            (source, matcher.named(rel.properties.topic) if rel.properties.topic else frozenset())
            for source, rel in depends.get(node, ())
            if labels[source] in COUNTED_LABELS
        ]

    by_supplier: dict[str, tuple[set[str], list[tuple[str, frozenset[str]]]]] = {}

    def supplier_dependents(supplier: str) -> tuple[set[str], list[tuple[str, frozenset[str]]]]:
        if supplier not in by_supplier:
            deps = counted(supplier)
            by_supplier[supplier] = (
                {source for source, named in deps if not named},
                [(source, named) for source, named in deps if named],
            )
        return by_supplier[supplier]

    found: dict[str, set[str]] = {}
    for mineral in index.with_label(*GOOD_LABELS):
        goods = [mineral, *(g.group_id for g in groups_of(index, mineral))]
        related = set(goods)
        dependents: set[str] = set()
        suppliers: set[str] = set()
        for good in goods:
            dependents.update(source for source, _ in counted(good))  # direct and group routes
            for rel_type in SUPPLY_TYPES:
                suppliers.update(supplier for supplier, _ in index.sources(good, rel_type))
        for supplier in suppliers:
            free, topical = supplier_dependents(supplier)
            dependents |= free
            dependents.update(source for source, named in topical if named & related)
        found[mineral] = dependents
    return found
