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
from reegraph.analytics.dependence import TopicMatcher, dependents_of
from reegraph.analytics.graph import Graph, graph_index
from reegraph.model import Label

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
    matcher = TopicMatcher(graph)
    found = []
    for mineral in index.with_label(*GOOD_LABELS):
        deps = dependents_of(index, mineral, matcher=matcher)
        counted = {d.dependent_id: d for d in deps if d.label in COUNTED_LABELS}
        sectors = sorted(d.dependent for d in counted.values() if d.label == Label.SECTOR.value)
        countries = sorted(d.dependent for d in counted.values() if d.label == Label.COUNTRY.value)
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
