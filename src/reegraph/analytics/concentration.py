"""Who controls each mineral at each supply stage: Herfindahl-Hirschman index and top share.

Formula, per mineral and stage bucket (see :mod:`reegraph.analytics.stages`):

- a supplier's share ``s_i`` is the mean of the shares its CONTROLS_SHARE claims give
  for that stage; when claims disagree, ``low``/``high`` are the two ends and the
  documents behind each end are reported;
- ``HHI = Σ s_i²`` over the suppliers with a known share (0..1; 1 = one supplier holds
  everything). Suppliers the articles do not name are taken as fragmented, so HHI is
  a lower bound when ``Σ s_i < 1``; when claims from different documents add up to more
  than 1, the shares are scaled to sum to 1 first. ``hhi_low``/``hhi_high`` use the
  low and high ends of every supplier's range (capped the same way);
- ``top_share`` is the largest ``s_i``.

A group's shares ("China refines 90% of rare earths") apply to its members for stages
the member has no claims of its own; such rows are marked ``inferred`` with ``via``
naming the group (the nearest group wins).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from reegraph.analytics.graph import Graph, GraphIndex, Hop, graph_index, groups_of
from reegraph.analytics.stages import STAGES, normalise_stage
from reegraph.model import Label, Relation, RelationType

GOOD_LABELS = (Label.MINERAL, Label.COMMODITY)
_CACHE_KEY = "reegraph_concentration"


def hhi(shares: Iterable[float]) -> float:
    """Herfindahl-Hirschman index of market shares given as fractions.

    >>> hhi([0.6, 0.4])
    0.52
    >>> hhi([0.9])
    0.81
    >>> hhi([0.8, 0.7])  # over 100%: scaled to sum to 1 first
    0.502222
    """
    values = [max(0.0, s) for s in shares]
    total = sum(values)
    scale = total if total > 1 else 1.0
    return round(sum((s / scale) ** 2 for s in values), 6)


@dataclass(frozen=True)
class SupplierShare:
    """One supplier's share of a mineral at a stage, with the range its claims span."""

    supplier_id: str
    supplier: str
    share: float
    low: float
    high: float
    low_documents: tuple[str, ...]
    high_documents: tuple[str, ...]
    claims: tuple[Hop, ...]

    @property
    def conflicting(self) -> bool:
        return self.low != self.high


@dataclass(frozen=True)
class StageConcentration:
    """Concentration of one mineral at one stage."""

    mineral_id: str
    mineral: str
    stage: str
    hhi: float
    hhi_low: float
    hhi_high: float
    top_supplier_id: str
    top_supplier: str
    top_share: float
    suppliers: tuple[SupplierShare, ...]
    inferred: bool = False
    via_id: str | None = None
    via: str | None = None
    # MEMBER_OF claims from the mineral to ``via`` when inferred.
    membership: tuple[Hop, ...] = ()


def supplier_share(index: GraphIndex, supplier: str, claims: list[Relation]) -> SupplierShare:
    """Fold one supplier's claims for a stage into a point share and a range."""
    values = sorted({c.properties.share for c in claims if c.properties.share is not None})
    low, high = values[0], values[-1]

    def documents_at(value: float) -> tuple[str, ...]:
        return tuple(
            sorted({d for c in claims if c.properties.share == value for d in c.documents})
        )

    return SupplierShare(
        supplier_id=supplier,
        supplier=index.names.get(supplier, supplier),
        share=round(sum(values) / len(values), 6),
        low=low,
        high=high,
        low_documents=documents_at(low),
        high_documents=documents_at(high),
        claims=tuple(Hop.of(index, c) for c in sorted(claims, key=lambda c: c.key)),
    )


def _stage_row(
    index: GraphIndex, mineral: str, stage: str, by_supplier: dict[str, list[Relation]]
) -> StageConcentration:
    suppliers = sorted(
        (supplier_share(index, s, claims) for s, claims in by_supplier.items()),
        key=lambda s: (-s.share, s.supplier),
    )
    top = suppliers[0]
    return StageConcentration(
        mineral_id=mineral,
        mineral=index.names[mineral],
        stage=stage,
        hhi=hhi(s.share for s in suppliers),
        hhi_low=hhi(s.low for s in suppliers),
        hhi_high=hhi(s.high for s in suppliers),
        top_supplier_id=top.supplier_id,
        top_supplier=top.supplier,
        top_share=top.share,
        suppliers=tuple(suppliers),
    )


def direct_concentration(graph: Graph) -> dict[str, dict[str, StageConcentration]]:
    """mineral id -> stage -> concentration, from the mineral's own CONTROLS_SHARE claims."""
    index = graph_index(graph)
    claims: dict[str, dict[str, dict[str, list[Relation]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for mineral, edges in index.into.get(RelationType.CONTROLS_SHARE.value, {}).items():
        for supplier, rel in edges:
            if rel.properties.share is None:
                continue
            for stage in normalise_stage(rel.properties.stage):
                claims[mineral][stage][supplier].append(rel)
    return {
        mineral: {
            stage: _stage_row(index, mineral, stage, by_stage[stage])
            for stage in STAGES
            if stage in by_stage
        }
        for mineral, by_stage in claims.items()
    }


def concentration_by_mineral(graph: Graph) -> dict[str, list[StageConcentration]]:
    """mineral id -> its rows per stage: its own claims, else inherited from its groups.

    >>> from sample_bundle import make_bundle
    >>> from reegraph.analytics.graph import to_networkx
    >>> rows = concentration_by_mineral(to_networkx(make_bundle()))["mineral:dysprosium"]
    >>> for r in rows:
    ...     print(r.stage, r.top_supplier, r.top_share, r.inferred, r.via)
    mining China 0.7 True Rare earth elements
    processing China 0.9 True Rare earth elements
    """
    cached = graph.graph.get(_CACHE_KEY)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    index = graph_index(graph)
    direct = direct_concentration(graph)
    result: dict[str, list[StageConcentration]] = {}
    for mineral in index.with_label(*GOOD_LABELS):
        rows = dict(direct.get(mineral, {}))
        for membership in groups_of(index, mineral):
            for stage, row in direct.get(membership.group_id, {}).items():
                if stage in rows:
                    continue
                rows[stage] = StageConcentration(
                    **{
                        **row.__dict__,
                        "mineral_id": mineral,
                        "mineral": index.names[mineral],
                        "inferred": True,
                        "via_id": membership.group_id,
                        "via": index.names[membership.group_id],
                        "membership": tuple(Hop.of(index, r) for r in membership.path),
                    }
                )
        if rows:
            result[mineral] = [rows[s] for s in STAGES if s in rows]
    graph.graph[_CACHE_KEY] = result  # every analysis needs it; the graph is not mutated
    return result


def concentration(graph: Graph) -> list[StageConcentration]:
    """Every (mineral, stage) row, most concentrated first."""
    rows = [row for rows in concentration_by_mineral(graph).values() for row in rows]
    return sorted(rows, key=lambda r: (-r.hhi, r.inferred, r.mineral, STAGES.index(r.stage)))
