"""Benchmark: `reegraph analyze` on a synthetic graph of 100k entities / 300k relations.

Baseline, measured in the same run: loading that graph into networkx alone
(``to_networkx``: 100k nodes and 300k multi-edges, each carrying its entity or claim).
The analysis (``analyze``: concentration, criticality, exposure, centrality,
communities) includes its own load. Target: analysis ≤ 5× the load.

Load and analysis alternate for ``--rounds`` rounds and the fastest of each counts,
so a busy moment on a shared machine skews neither side; one more analysis is then
timed stage by stage.

    python benchmarks/bench_analyze.py [--entities 100000] [--relations 300000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import gc
import random
import time
import zlib
from collections.abc import Callable
from typing import Any

from reegraph.analytics.graph import to_networkx
from reegraph.analytics.report import analyze
from reegraph.gcpause import paused_gc
from reegraph.model import (
    Entity,
    EntityProperties,
    Evidence,
    GraphBundle,
    Label,
    Relation,
    RelationProperties,
    RelationType,
    entity_id,
)

SEED = 11
TARGET_RATIO = 5.0
# Share of entities per label, roughly what a large news corpus yields.
LABEL_MIX = {
    Label.COUNTRY: 0.002,
    Label.REGION: 0.0005,
    Label.PERSON: 0.2,
    Label.ORGANIZATION: 0.25,
    Label.MINERAL: 0.005,
    Label.COMMODITY: 0.0025,
    Label.SECTOR: 0.01,
    Label.AGREEMENT: 0.1,
    Label.EVENT: 0.1,
    Label.PLACE: 0.33,
}
# Share of relations per type (MENTIONS left out: analytics never reads them).
TYPE_MIX = {
    RelationType.PARTY_TO: 0.085,
    RelationType.SIGNED: 0.05,
    RelationType.COVERS: 0.05,
    RelationType.LEADS: 0.015,
    RelationType.AFFILIATED_WITH: 0.065,
    RelationType.PARTNERS_WITH: 0.08,
    RelationType.MET_WITH: 0.065,
    RelationType.INVESTS_IN: 0.05,
    RelationType.PARTICIPATED_IN: 0.1,
    RelationType.HELD_IN: 0.035,
    RelationType.LOCATED_IN: 0.11,
    RelationType.BASED_IN: 0.085,
    RelationType.CONTROLS_SHARE: 0.02,
    RelationType.PRODUCES: 0.03,
    RelationType.PROCESSES: 0.015,
    RelationType.DEPENDS_ON: 0.07,
    RelationType.INVOLVED_IN: 0.05,
    RelationType.RESTRICTS_EXPORT: 0.005,
    RelationType.PURCHASES: 0.01,
    RelationType.IMPOSES_TARIFF: 0.01,
}
STAGES = ["mining", "production", "processing", "refining", "magnet production", None]


def synthetic_bundle(n_entities: int, n_relations: int) -> GraphBundle:
    """A valid bundle with blocs (actors mostly deal within their bloc) and mineral groups."""
    rng = random.Random(SEED)
    ids: dict[Label, list[str]] = {}
    entities: list[Entity] = []
    for label, share in LABEL_MIX.items():
        count = max(2, int(n_entities * share))
        names = [f"{label.value} {i}" for i in range(count)]
        ids[label] = [entity_id(label, n) for n in names]
        kind = "group" if label is Label.MINERAL else None
        entities += [
            Entity.model_construct(
                id=i,
                label=label,
                name=n,
                aliases=[],
                properties=EntityProperties(kind=kind if j < count // 25 else None),
                origin="text",
            )
            for j, (i, n) in enumerate(zip(ids[label], names, strict=True))
        ]
    entities = entities[:n_entities]
    blocs = 20

    def bloc_of(node: str) -> int:
        return zlib.crc32(node.encode()) % blocs  # hash() varies between runs

    by_bloc: dict[tuple[Label, int], list[str]] = {}
    for label, nodes in ids.items():
        for node in nodes:
            by_bloc.setdefault((label, bloc_of(node)), []).append(node)

    def pick(labels: frozenset[str], near: str | None = None) -> str:
        label = Label(rng.choice(sorted(labels & set(ids))))
        if near is not None and rng.random() < 0.85:
            pool = by_bloc.get((label, bloc_of(near)))
            if pool:
                return rng.choice(pool)
        return rng.choice(ids[label])

    from reegraph.model import RELATIONS

    groups = ids[Label.MINERAL][: len(ids[Label.MINERAL]) // 25]
    relations: list[Relation] = [
        _relation(RelationType.MEMBER_OF, m, rng.choice(groups), 0, RelationProperties())
        for m in ids[Label.MINERAL][len(groups) :]
    ]
    for rel_type, share in TYPE_MIX.items():
        spec = RELATIONS[rel_type]
        for k in range(int(n_relations * share)):
            source = pick(spec.sources)
            target = pick(spec.targets, near=source)
            if source == target:
                continue
            props = RelationProperties()
            if rel_type is RelationType.CONTROLS_SHARE:
                props = RelationProperties(stage=rng.choice(STAGES), share=round(rng.random(), 2))
            relations.append(_relation(rel_type, source, target, k, props))
    relations = relations[:n_relations]
    return GraphBundle.model_construct(documents=[], entities=entities, relations=relations)


def _relation(
    rel_type: RelationType, source: str, target: str, k: int, props: RelationProperties
) -> Relation:
    sentence = f"{source} {rel_type.value} {target}."
    evidence = [
        Evidence.model_construct(
            document=f"doc{k % 5000}",
            sentence=sentence,
            start=0,
            end=len(sentence),
            rule="synthetic",
        )
    ]
    return Relation.model_construct(
        type=rel_type, source=source, target=target, properties=props, evidence=evidence
    )


def timed(func: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=300_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    bundle = synthetic_bundle(args.entities, args.relations)
    # The bundle lives for the whole run: keep the cyclic collector from rescanning
    # its million objects inside both measurements.
    gc.collect()
    gc.freeze()
    n_ent, n_rel = len(bundle.entities), len(bundle.relations)
    print(f"synthetic graph: {n_ent} entities, {n_rel} relations")

    loads: list[float] = []
    totals: list[float] = []
    for _ in range(args.rounds):
        loads.append(timed(lambda: to_networkx(bundle))[0])
        gc.collect()
        totals.append(timed(lambda: analyze(to_networkx(bundle)))[0])
        gc.collect()
    load_s, total_s = min(loads), min(totals)
    print(f"baseline  load into networkx: {load_s:7.2f} s  (rounds: {_figures(loads)})")
    print(f"load + analyze():             {total_s:7.2f} s  (rounds: {_figures(totals)})")
    print("one more analysis, stage by stage:")
    for name, seconds in stage_times(bundle).items():
        print(f"  {name:<14} {seconds:7.2f} s")
    ratio = total_s / load_s
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print(
        f"RESULT analyze on {n_ent // 1000}k entities / {n_rel // 1000}k relations: "
        f"{total_s:.1f} s = {ratio:.1f}x loading into networkx ({load_s:.1f} s); "
        f"{verdict} the {TARGET_RATIO:.0f}x target"
    )


def _figures(seconds: list[float]) -> str:
    return ", ".join(f"{s:.2f}" for s in seconds)


def stage_times(bundle: GraphBundle) -> dict[str, float]:
    """The load and each analysis of ``analyze()``, timed one after the other."""
    from reegraph.analytics import centrality, concentration, criticality, exposure

    stages: dict[str, float] = {}
    stages["load"], graph = timed(lambda: to_networkx(bundle))
    with paused_gc():  # as analyze() does
        for name, func in (
            ("concentration", concentration.concentration),
            ("criticality", criticality.criticality),
            ("exposure", exposure.exposure),
            ("centrality", centrality.centrality),
        ):
            stages[name], _ = timed(lambda f=func: f(graph))  # type: ignore[misc]
    return stages


if __name__ == "__main__":
    main()
