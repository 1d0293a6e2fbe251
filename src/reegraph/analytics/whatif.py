"""What if some suppliers cut exports: who is cut off, who is exposed, what could offset it.

Given restricted countries (or organisations) and optionally a mineral and a stage:

1. **Restricted supply.** The restricted suppliers are the named ones plus every
   organisation or place based in them. For each mineral in scope (the named mineral
   and its members, or every mineral they supply), the *lost share* at a stage is the
   sum of the restricted suppliers' shares there (:mod:`~reegraph.analytics.concentration`;
   unknown when they are named only as producers or processors). The mineral's loss
   is its worst stage.
2. **Affected.** Every dependent of an affected mineral (:mod:`~reegraph.analytics.dependence`:
   directly, through the mineral's group, or through dependence on a restricted
   supplier), plus organisations INVOLVED_IN an affected sector. An entity is
   ``cut off`` when its lost share reaches :data:`CUT_OFF_SHARE`, otherwise
   ``exposed``; ranked by severity, lost share, direct before inferred, then name.
3. **Offsets.** Agreements that COVER an affected mineral, one of its groups or
   members, with the exposed countries or organisations among their parties (those
   without a restricting party first); and alternative suppliers: others with
   CONTROLS_SHARE, PRODUCES or PROCESSES claims on them, largest share first.

Every row carries the chain of claims (with documents and sentences) behind it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from reegraph.analytics.concentration import GOOD_LABELS, concentration_by_mineral
from reegraph.analytics.dependence import Dependence, TopicMatcher, dependents_of
from reegraph.analytics.graph import (
    Graph,
    GraphIndex,
    Hop,
    country_of,
    graph_index,
    groups_of,
    members_of,
)
from reegraph.analytics.plain import INTERNAL
from reegraph.analytics.stages import STAGES
from reegraph.analytics.supply import SupplyChain, supply_chains
from reegraph.model import Label, Relation, RelationType

CUT_OFF_SHARE = 0.8
EXPOSED, CUT_OFF = "exposed", "cut off"


@dataclass(frozen=True)
class StageLoss:
    stage: str
    share: float | None
    low: float | None
    high: float | None
    suppliers: tuple[str, ...]


@dataclass(frozen=True)
class AffectedMineral:
    mineral_id: str
    mineral: str
    stage: str
    lost_share: float | None
    lost_low: float | None
    lost_high: float | None
    severity: str
    stages: tuple[StageLoss, ...]
    chains: tuple[SupplyChain, ...]


@dataclass(frozen=True)
class Route:
    """How one affected entity is reached: through which mineral and which claims."""

    mineral_id: str
    mineral: str
    route: str  # direct | group | supplier | sector
    via: str | None
    stage: str
    lost_share: float | None
    hops: tuple[Hop, ...]


@dataclass(frozen=True)
class Affected:
    entity_id: str
    entity: str
    label: str
    severity: str
    lost_share: float | None
    stage: str
    mineral: str
    inferred: bool
    routes: tuple[Route, ...]


@dataclass(frozen=True)
class AgreementOffset:
    id: str
    name: str
    covers: tuple[str, ...]
    covers_directly: bool
    parties: tuple[str, ...]
    exposed_parties: tuple[str, ...]
    restricted_parties: tuple[str, ...]
    aimed_at_exposure: bool
    hops: tuple[Hop, ...]


@dataclass(frozen=True)
class Alternative:
    id: str
    name: str
    label: str
    country: str | None
    mineral: str
    stage: str
    share: float | None
    inferred: bool
    hops: tuple[Hop, ...]


@dataclass(frozen=True)
class WhatIf:
    restricted: tuple[str, ...]
    mineral: str | None
    stage: str | None
    minerals: tuple[AffectedMineral, ...]
    sectors: tuple[Affected, ...]
    countries: tuple[Affected, ...]
    organisations: tuple[Affected, ...]
    people: tuple[Affected, ...]
    agreements: tuple[AgreementOffset, ...]
    alternatives: tuple[Alternative, ...]
    relations: tuple[Relation, ...] = field(default=(), repr=False, metadata=INTERNAL)


def _severity(share: float | None) -> str:
    return CUT_OFF if share is not None and share >= CUT_OFF_SHARE else EXPOSED


def _loss_key(share: float | None) -> float:
    return -1.0 if share is None else share


def restricted_suppliers(index: GraphIndex, restricted: list[str]) -> set[str]:
    """The restricted entities and everything based or located in them."""
    wanted = set(restricted)
    found = set(wanted)
    for node, label in index.labels.items():
        if (
            label in (Label.ORGANIZATION.value, Label.PLACE.value)
            and country_of(index, node) in wanted
        ):
            found.add(node)
    return found


def _losses(chains: list[SupplyChain], stage: str | None) -> list[StageLoss]:
    by_stage: dict[str, list[SupplyChain]] = defaultdict(list)
    for chain in chains:
        if stage is None or chain.stage == stage:
            by_stage[chain.stage].append(chain)
    losses = []
    for name in STAGES:
        group = by_stage.get(name)
        if not group:
            continue
        known = [c for c in group if c.share is not None]
        losses.append(
            StageLoss(
                stage=name,
                share=round(sum(c.share or 0 for c in known), 6) if known else None,
                low=round(sum(c.low or 0 for c in known), 6) if known else None,
                high=round(sum(c.high or 0 for c in known), 6) if known else None,
                suppliers=tuple(sorted({c.supplier for c in group})),
            )
        )
    return losses


def what_if(
    graph: Graph,
    restricted: list[str],
    mineral: str | None = None,
    stage: str | None = None,
) -> WhatIf:
    """Who is cut off or exposed if ``restricted`` (entity ids) stop supplying.

    >>> from sample_bundle import make_bundle
    >>> from reegraph.analytics.graph import to_networkx
    >>> result = what_if(to_networkx(make_bundle()), ["country:china"], "mineral:dysprosium")
    >>> [(a.entity, a.severity, a.lost_share, a.inferred) for a in result.sectors]
    [('Defense', 'cut off', 0.9, False), ('Wind turbines', 'cut off', 0.9, True)]
    >>> [(a.entity, a.routes[0].route) for a in result.countries]
    [('United States', 'supplier')]
    """
    index = graph_index(graph)
    rows = concentration_by_mineral(graph)
    matcher = TopicMatcher.of(graph)
    blocked = restricted_suppliers(index, restricted)
    if mineral is not None:
        scope = [mineral, *(m.group_id for m in members_of(index, mineral))]
    else:
        scope = index.with_label(*GOOD_LABELS)

    affected_minerals: list[AffectedMineral] = []
    all_chains: dict[str, list[SupplyChain]] = {}
    for good in scope:
        chains = supply_chains(index, good, rows.get(good, []), groups_of(index, good))
        all_chains[good] = chains
        lost = [
            c for c in chains if c.supplier_id in blocked and (stage is None or c.stage == stage)
        ]
        if not lost:
            continue
        losses = _losses(lost, stage)
        worst = max(losses, key=lambda s: (_loss_key(s.share), -STAGES.index(s.stage)))
        affected_minerals.append(
            AffectedMineral(
                mineral_id=good,
                mineral=index.names[good],
                stage=worst.stage,
                lost_share=worst.share,
                lost_low=worst.low,
                lost_high=worst.high,
                severity=_severity(worst.share),
                stages=tuple(losses),
                chains=tuple(c for c in lost if c.stage == worst.stage),
            )
        )
    affected_minerals.sort(key=lambda m: (-_loss_key(m.lost_share), m.mineral))

    routes: dict[str, list[Route]] = defaultdict(list)
    for am in affected_minerals:
        groups = groups_of(index, am.mineral_id)
        supply_hops = tuple(h for c in am.chains for h in c.hops)
        for dep in dependents_of(index, am.mineral_id, groups, matcher):
            if dep.route == "supplier" and dep.via_id not in blocked:
                continue
            routes[dep.dependent_id].append(_route(index, dep, am, supply_hops))
    _add_sector_organisations(index, routes)

    affected = [_affected(index, node, found) for node, found in routes.items()]
    affected.sort(
        key=lambda a: (a.severity != CUT_OFF, -_loss_key(a.lost_share), a.inferred, a.entity)
    )
    by_label: dict[str, list[Affected]] = defaultdict(list)
    for a in affected:
        by_label[a.label].append(a)

    exposed = {a.entity_id for a in affected if a.label != Label.SECTOR.value}
    coverage = {m.mineral_id for m in affected_minerals}
    if mineral is not None:
        coverage.add(mineral)
    agreements = _agreements(index, coverage, exposed, set(restricted) | blocked)
    alternatives = _alternatives(index, all_chains, coverage, blocked, stage)

    relations: dict[int, Relation] = {}
    for hops in (
        [h for a in affected for r in a.routes for h in r.hops]
        + [h for o in agreements for h in o.hops]
        + [h for alt in alternatives for h in alt.hops]
    ):
        relations[id(hops.rel)] = hops.rel
    return WhatIf(
        restricted=tuple(index.names[r] for r in restricted),
        mineral=index.names[mineral] if mineral else None,
        stage=stage,
        minerals=tuple(affected_minerals),
        sectors=tuple(by_label[Label.SECTOR.value]),
        countries=tuple(by_label[Label.COUNTRY.value] + by_label[Label.REGION.value]),
        organisations=tuple(by_label[Label.ORGANIZATION.value]),
        people=tuple(by_label[Label.PERSON.value]),
        agreements=tuple(agreements),
        alternatives=tuple(alternatives),
        relations=tuple(relations.values()),
    )


def _route(
    index: GraphIndex, dep: Dependence, am: AffectedMineral, supply_hops: tuple[Hop, ...]
) -> Route:
    return Route(
        mineral_id=am.mineral_id,
        mineral=am.mineral,
        route=dep.route,
        via=dep.via,
        stage=am.stage,
        lost_share=am.lost_share,
        hops=(*dep.hops(index), *supply_hops),
    )


def _add_sector_organisations(index: GraphIndex, routes: dict[str, list[Route]]) -> None:
    """Organisations INVOLVED_IN an affected sector inherit its worst route."""
    for sector in [n for n in routes if index.labels[n] == Label.SECTOR.value]:
        worst = max(routes[sector], key=lambda r: _loss_key(r.lost_share))
        for org, rel in index.sources(sector, RelationType.INVOLVED_IN):
            if index.labels[org] != Label.ORGANIZATION.value or org in routes:
                continue
            routes[org].append(
                Route(
                    mineral_id=worst.mineral_id,
                    mineral=worst.mineral,
                    route="sector",
                    via=index.names[sector],
                    stage=worst.stage,
                    lost_share=worst.lost_share,
                    hops=(Hop.of(index, rel), *worst.hops),
                )
            )


def _affected(index: GraphIndex, node: str, found: list[Route]) -> Affected:
    found = sorted(found, key=lambda r: (r.route != "direct", -_loss_key(r.lost_share), r.mineral))
    worst = max(found, key=lambda r: (_loss_key(r.lost_share), r.route == "direct"))
    return Affected(
        entity_id=node,
        entity=index.names[node],
        label=index.labels[node],
        severity=_severity(worst.lost_share),
        lost_share=worst.lost_share,
        stage=worst.stage,
        mineral=worst.mineral,
        inferred=all(r.route != "direct" for r in found),
        routes=tuple(found),
    )


def agreement_parties(index: GraphIndex, agreement: str) -> tuple[list[str], list[Relation]]:
    """States party to an agreement: PARTY_TO, SIGNED, and what a signing person LEADS."""
    parties: list[str] = []
    claims: list[Relation] = []
    for rel_type in (RelationType.PARTY_TO, RelationType.SIGNED):
        for actor, rel in index.sources(agreement, rel_type):
            claims.append(rel)
            if index.labels[actor] == Label.PERSON.value:
                for state, led in index.targets(actor, RelationType.LEADS):
                    parties.append(state)
                    claims.append(led)
            else:
                parties.append(actor)
    return sorted(set(parties)), claims


def _agreements(
    index: GraphIndex, coverage: set[str], exposed: set[str], restricted: set[str]
) -> list[AgreementOffset]:
    related: dict[str, set[str]] = {}
    for good in coverage:
        related[good] = (
            {good}
            | {m.group_id for m in groups_of(index, good)}
            | {m.group_id for m in members_of(index, good)}
        )
    wanted = set().union(*related.values()) if related else set()
    offsets = []
    for agreement in index.with_label(Label.AGREEMENT):
        covers = [
            (good, rel)
            for good, rel in index.targets(agreement, RelationType.COVERS)
            if good in wanted
        ]
        if not covers:
            continue
        parties, claims = agreement_parties(index, agreement)
        exposed_parties = [p for p in parties if p in exposed]
        restricted_parties = [p for p in parties if p in restricted]
        if not exposed_parties:
            continue
        offsets.append(
            AgreementOffset(
                id=agreement,
                name=index.names[agreement],
                covers=tuple(sorted({index.names[g] for g, _ in covers})),
                covers_directly=any(g in coverage for g, _ in covers),
                parties=tuple(index.names[p] for p in parties),
                exposed_parties=tuple(index.names[p] for p in exposed_parties),
                restricted_parties=tuple(index.names[p] for p in restricted_parties),
                aimed_at_exposure=not restricted_parties,
                hops=tuple(Hop.of(index, r) for r in [*(rel for _, rel in covers), *claims]),
            )
        )
    offsets.sort(
        key=lambda o: (
            not o.aimed_at_exposure,
            -len(o.exposed_parties),
            not o.covers_directly,
            o.name,
        )
    )
    return offsets


def _alternatives(
    index: GraphIndex,
    chains: dict[str, list[SupplyChain]],
    coverage: set[str],
    blocked: set[str],
    stage: str | None,
) -> list[Alternative]:
    best: dict[str, Alternative] = {}
    for good in sorted(coverage & set(chains)):
        for chain in chains[good]:
            if chain.supplier_id in blocked or (stage is not None and chain.stage != stage):
                continue
            alt = Alternative(
                id=chain.supplier_id,
                name=chain.supplier,
                label=index.labels[chain.supplier_id],
                country=chain.supplier_country,
                mineral=chain.mineral if not chain.via else chain.via,
                stage=chain.stage,
                share=chain.share,
                inferred=chain.inferred,
                hops=chain.hops,
            )
            kept = best.get(alt.id)
            if kept is None or _loss_key(alt.share) > _loss_key(kept.share):
                best[alt.id] = alt
    return sorted(best.values(), key=lambda a: (-_loss_key(a.share), a.inferred, a.name))
