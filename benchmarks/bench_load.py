"""Load throughput: reegraph's loader against the engine's own bulk COPY, same data, same run.

A synthetic graph (100k entities, 300k relations by default) is written

1. by ``CypherStore.write_bundle`` into a fresh embedded database (timed twice: the
   whole call, which turns model objects into rows first, and the store writes alone:
   ``apply_plan`` of the planned rows), and
2. by LadybugDB's ``COPY FROM`` parquet files holding exactly those rows (the ceiling).

Each is timed best of ``--rounds``, interleaved. Then the batch size of the
``UNWIND $rows`` MERGE path is measured on a sample, and, when ``NEO4J_URI`` is set,
the Neo4j loader on the same graph (it needs the database named by ``NEO4J_DATABASE``
to be empty, and empties it again afterwards: use a scratch database).

    python benchmarks/bench_load.py [--entities 100000] [--relations 300000]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

from reegraph.errors import ReegraphError
from reegraph.model import (
    DOCUMENT_LABEL,
    Document,
    Entity,
    EntityProperties,
    Evidence,
    GraphBundle,
    Label,
    Relation,
    RelationProperties,
    RelationType,
    _unicode_key,
    claim_key,
)
from reegraph.store.base import WritePlan, plan_write
from reegraph.store.bulk import arrow_table, relation_table
from reegraph.store.embedded import EmbeddedStore
from reegraph.store.schema import columns_for

# Share of entities per label and of relations per (type, source label, target label).
LABEL_SHARES = {
    Label.ORGANIZATION: 0.4,
    Label.PERSON: 0.3,
    Label.MINERAL: 0.1,
    Label.PLACE: 0.1,
    Label.SECTOR: 0.05,
    Label.COUNTRY: 0.05,
}
RELATION_SHARES = {
    (RelationType.PARTNERS_WITH, Label.ORGANIZATION, Label.ORGANIZATION): 0.33,
    (RelationType.AFFILIATED_WITH, Label.PERSON, Label.ORGANIZATION): 0.2,
    (RelationType.PRODUCES, Label.ORGANIZATION, Label.MINERAL): 0.13,
    (RelationType.LOCATED_IN, Label.PLACE, Label.COUNTRY): 0.13,
    (RelationType.DEPENDS_ON, Label.SECTOR, Label.MINERAL): 0.11,
    (RelationType.MENTIONS, DOCUMENT_LABEL, Label.ORGANIZATION): 0.1,
}
DOCUMENTS = 1000


def synthetic_bundle(n_entities: int, n_relations: int, seed: int = 7) -> GraphBundle:
    """A valid bundle built without per-object validation (ids and keys are unique by
    construction; ``GraphBundle.model_validate`` of 400k objects would dominate)."""
    rng = random.Random(seed)
    documents = [
        Document.model_construct(
            id=f"doc-{i}",
            title=f"Article {i}",
            published="2025-01-01",
            source=None,
            author=None,
            url=None,
            path=None,
            sha256=f"{i:064x}",
            text="",
        )
        for i in range(DOCUMENTS)
    ]
    ids: dict[str, list[str]] = {DOCUMENT_LABEL: [d.id for d in documents]}
    entities = []
    for label, share in LABEL_SHARES.items():
        ids[label] = []
        for i in range(int(n_entities * share)):
            eid = f"{label.value.lower()}:e{i}"
            ids[label].append(eid)
            entities.append(
                Entity.model_construct(
                    id=eid,
                    label=label,
                    name=f"{label.value} {i}",
                    aliases=[f"{label.value[:3]}{i}"],
                    properties=EntityProperties.model_construct(kind="synthetic", pagerank=None),
                    origin="text",
                )
            )
    relations = []
    for (rel_type, source, target), share in RELATION_SHARES.items():
        seen: set[tuple[str, str]] = set()
        want = int(n_relations * share)
        while len(seen) < want:
            pair = (rng.choice(ids[source]), rng.choice(ids[target]))
            if pair[0] == pair[1] or pair in seen:
                continue
            seen.add(pair)
            evidence = Evidence.model_construct(
                document=rng.choice(ids[DOCUMENT_LABEL]),
                sentence=f"{pair[0]} and {pair[1]}.",
                start=0,
                end=20,
                rule="synthetic",
            )
            relations.append(
                Relation.model_construct(
                    type=rel_type,
                    source=pair[0],
                    target=pair[1],
                    properties=RelationProperties.model_construct(
                        **(RelationProperties().model_dump() | {"confidence": 0.8})
                    ),
                    evidence=[evidence],
                )
            )
    return GraphBundle.model_construct(
        schema_version=1, documents=documents, entities=entities, relations=relations
    )


def fresh_db(root: Path, name: str) -> Path:
    path = root / name
    for leftover in (path, path.with_name(path.name + ".wal")):
        if leftover.is_dir():
            shutil.rmtree(leftover)
        elif leftover.exists():
            leftover.unlink()
    return path


def time_write_bundle(root: Path, bundle: GraphBundle) -> float:
    """Seconds for write_bundle as a whole (model objects -> rows -> store), with the
    model's key caches emptied first as in a fresh process (planning above filled them)."""
    claim_key.cache_clear()
    _unicode_key.cache_clear()
    with EmbeddedStore(fresh_db(root, "loader.lbdb")) as store:
        start = time.perf_counter()
        store.write_bundle(bundle)
        return time.perf_counter() - start


def time_apply_plan(root: Path, plan: WritePlan) -> float:
    """Seconds for the store writes of write_bundle alone, given its planned rows."""
    with EmbeddedStore(fresh_db(root, "loader.lbdb")) as store:
        start = time.perf_counter()
        store.apply_plan(plan)
        return time.perf_counter() - start


def time_copy_ceiling(root: Path, plan: WritePlan) -> float:
    """Seconds for COPY FROM parquet of the planned rows (files written beforehand)."""
    import pyarrow.parquet as pq

    files = []
    for label, rows in plan.node_writes:
        path = root / f"{label}.parquet"
        pq.write_table(arrow_table(rows, columns_for(label)), path)
        files.append(f"COPY {label} FROM '{path}'")
    for (rel_type, source, target), rows in plan.relation_writes:
        path = root / f"{rel_type}.{source}.{target}.parquet"
        pq.write_table(relation_table(rows), path)
        files.append(f"COPY {rel_type} FROM '{path}' (from='{source}', to='{target}')")
    with EmbeddedStore(fresh_db(root, "ceiling.lbdb")) as store:
        start = time.perf_counter()
        for statement in files:
            store.run(statement)
        return time.perf_counter() - start


def time_merge_batches(root: Path, plan: WritePlan, sample: int, batch_size: int) -> float:
    """Rows/s of the UNWIND MERGE path alone (bulk path off) on a sample of relations."""
    nodes = WritePlan(node_writes=plan.node_writes)
    rels = WritePlan(relation_writes=[(g, rows[:sample]) for g, rows in plan.relation_writes[:1]])
    with EmbeddedStore(fresh_db(root, "merge.lbdb"), batch_size=batch_size) as store:
        store.apply_plan(nodes)
        store.bulk_min_rows = 10**12
        start = time.perf_counter()
        store.apply_plan(rels)
        return rels.rows / (time.perf_counter() - start)


def time_neo4j(bundle: GraphBundle) -> float:
    """Seconds for write_bundle into an empty Neo4j database, which is emptied again."""
    from reegraph.store.neo4j import Neo4jStore

    with Neo4jStore() as store:
        if store.counts().nodes:
            raise SystemExit(f"{store.location} is not empty: point NEO4J_* at a scratch database")
        start = time.perf_counter()
        store.write_bundle(bundle)
        elapsed = time.perf_counter() - start
        store.write_bundle(GraphBundle(), bundle)
        return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=300_000)
    parser.add_argument("--merge-sample", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=2, help="best of N, interleaved")
    args = parser.parse_args()

    start = time.perf_counter()
    bundle = synthetic_bundle(args.entities, args.relations)
    built = time.perf_counter() - start
    start = time.perf_counter()
    plan = plan_write(bundle)
    planned = time.perf_counter() - start
    rows = plan.rows
    print(
        f"synthetic graph: {len(bundle.entities)} entities, {len(bundle.documents)} documents,"
        f" {len(bundle.relations)} relations = {rows} rows (built in {built:.1f}s)"
    )
    with tempfile.TemporaryDirectory(prefix="reegraph-bench-") as tmp:
        root = Path(tmp)
        # Interleaved and best-of-N: the machine may be busy with other work.
        ceilings, applies, wholes = [], [], []
        for _ in range(args.rounds):
            ceilings.append(time_copy_ceiling(root, plan))
            applies.append(time_apply_plan(root, plan))
            wholes.append(time_write_bundle(root, bundle))
        ceiling, writes, whole = min(ceilings), min(applies), min(wholes)
        print(f"ceiling  COPY FROM parquet       {rows / ceiling:>10,.0f} rows/s ({ceiling:.2f}s)")
        print(
            f"loader   write_bundle end to end {rows / whole:>10,.0f} rows/s ({whole:.2f}s)"
            f"  ratio {ceiling / whole:.2f}  (model objects -> rows -> store)"
        )
        print(
            f"loader   store writes (apply)    {rows / writes:>10,.0f} rows/s ({writes:.2f}s)"
            f"  ratio {ceiling / writes:.2f}  (rows planned beforehand)"
        )
        print(f"loader   model -> rows (plan)    {rows / planned:>10,.0f} rows/s ({planned:.2f}s)")
        print("UNWIND MERGE batches (relations, bulk path off):")
        for size in (100, 1000, 5000):
            rate = time_merge_batches(root, plan, args.merge_sample, size)
            print(f"  batch {size:>5}: {rate:>8,.0f} rows/s")
    print(
        f"RESULT embedded load (write_bundle end to end) {rows / whole:,.0f} rows/s ="
        f" {ceiling / whole:.0%} of COPY FROM parquet ({rows / ceiling:,.0f} rows/s);"
        f" store writes alone {ceiling / writes:.0%}; {rows:,} rows"
    )
    if not os.environ.get("NEO4J_URI"):
        print("neo4j    skipped: NEO4J_URI not set")
        return
    try:
        neo = time_neo4j(bundle)
    except ReegraphError as exc:
        raise SystemExit(f"neo4j: {exc}") from None
    print(
        f"neo4j    write_bundle            {rows / neo:>10,.0f} rows/s ({neo:.2f}s)"
        f"  ratio to embedded COPY {ceiling / neo:.2f}"
    )
    print(f"RESULT neo4j load (write_bundle) {rows / neo:,.0f} rows/s; {rows:,} rows")


if __name__ == "__main__":
    main()
