"""Supply chains of one mineral: who supplies it at each stage, and the claims that say so."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from reegraph.analytics.concentration import StageConcentration
from reegraph.analytics.graph import GraphIndex, Hop, Membership, country_of
from reegraph.analytics.stages import MINING, PROCESSING, STAGES
from reegraph.model import RelationType

# A supplier named without a share still counts as a route at this stage.
UNQUANTIFIED_STAGE = {RelationType.PRODUCES: MINING, RelationType.PROCESSES: PROCESSING}


@dataclass(frozen=True)
class SupplyChain:
    """One supplier of a mineral at one stage; ``share`` is None when no article gives it."""

    mineral_id: str
    mineral: str
    stage: str
    supplier_id: str
    supplier: str
    supplier_country_id: str | None
    supplier_country: str | None
    share: float | None
    low: float | None
    high: float | None
    low_documents: tuple[str, ...]
    high_documents: tuple[str, ...]
    inferred: bool
    via: str | None
    hops: tuple[Hop, ...]


@dataclass(frozen=True)
class CountryShare:
    """How much of a mineral passes through one supplier country at one stage."""

    stage: str
    country_id: str
    country: str
    share: float
    low: float
    high: float


def supply_chains(
    index: GraphIndex,
    mineral: str,
    rows: list[StageConcentration],
    groups: list[Membership],
) -> list[SupplyChain]:
    """Suppliers with shares (from ``rows``), then suppliers without (PRODUCES/PROCESSES)."""
    chains: list[SupplyChain] = []
    covered: set[tuple[str, str]] = set()
    for row in rows:
        for s in row.suppliers:
            country = country_of(index, s.supplier_id)
            chains.append(
                SupplyChain(
                    mineral_id=mineral,
                    mineral=index.names[mineral],
                    stage=row.stage,
                    supplier_id=s.supplier_id,
                    supplier=s.supplier,
                    supplier_country_id=country,
                    supplier_country=index.names.get(country) if country else None,
                    share=s.share,
                    low=s.low,
                    high=s.high,
                    low_documents=s.low_documents,
                    high_documents=s.high_documents,
                    inferred=row.inferred,
                    via=row.via,
                    hops=(*row.membership, *s.claims),
                )
            )
            covered.add((row.stage, s.supplier_id))
    hops_to = {mineral: ()} | {g.group_id: tuple(Hop.of(index, r) for r in g.path) for g in groups}
    for good, membership in hops_to.items():
        for rel_type, stage in UNQUANTIFIED_STAGE.items():
            for supplier, rel in index.sources(good, rel_type):
                if (stage, supplier) in covered:
                    continue
                covered.add((stage, supplier))
                country = country_of(index, supplier)
                chains.append(
                    SupplyChain(
                        mineral_id=mineral,
                        mineral=index.names[mineral],
                        stage=stage,
                        supplier_id=supplier,
                        supplier=index.names[supplier],
                        supplier_country_id=country,
                        supplier_country=index.names.get(country) if country else None,
                        share=None,
                        low=None,
                        high=None,
                        low_documents=(),
                        high_documents=(),
                        inferred=good != mineral,
                        via=index.names[good] if good != mineral else None,
                        hops=(*membership, Hop.of(index, rel)),
                    )
                )
    return chains


def country_shares(chains: list[SupplyChain]) -> list[CountryShare]:
    """Shares summed per (stage, supplier country), largest first within each stage."""
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    names: dict[str, str] = {}
    for chain in chains:
        if chain.share is None or chain.supplier_country_id is None:
            continue
        acc = sums[(chain.stage, chain.supplier_country_id)]
        acc[0] += chain.share
        acc[1] += chain.low or 0.0
        acc[2] += chain.high or 0.0
        names[chain.supplier_country_id] = chain.supplier_country or chain.supplier_country_id
    shares = [
        CountryShare(stage, country, names[country], round(a, 6), round(b, 6), round(c, 6))
        for (stage, country), (a, b, c) in sums.items()
    ]
    return sorted(shares, key=lambda s: (STAGES.index(s.stage), -s.share, s.country))
