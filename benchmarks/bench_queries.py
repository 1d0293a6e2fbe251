"""Canned-query latency on a synthetic graph, against a trivial count in the same run.

A graph of 100k entities and 300k relations (by default) is bulk-loaded into an
embedded database with the engine's own ``COPY FROM`` parquet, once, and cached under
the temp dir (keyed by its size and seed). Then each canned query runs, with ids as
the CLI would pass them, and its median latency is compared with the median of
``MATCH (n) RETURN count(n)``.

    python benchmarks/bench_queries.py [--entities 100000] [--relations 300000] [--runs 15]

Target: every canned query under 50x the baseline and under 100 ms median.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from reegraph.model import DOCUMENT_LABEL, Label, RelationType, lookup_key
from reegraph.queries import get_query
from reegraph.store.embedded import EmbeddedStore
from reegraph.store.schema import DOCUMENT_COLUMNS, ENTITY_COLUMNS, RELATION_COLUMNS

TARGET_RATIO, TARGET_MS = 50.0, 100.0
LABEL_SHARES = {
    Label.ORGANIZATION: 0.30, Label.PERSON: 0.15, Label.PLACE: 0.25, Label.EVENT: 0.10,
    Label.AGREEMENT: 0.08, Label.SECTOR: 0.02, Label.MINERAL: 0.005, Label.COMMODITY: 0.005,
    Label.COUNTRY: 0.002, Label.REGION: 0.001,
}  # fmt: skip
# (type, source label, target label) -> share of the relations.
RELATION_SHARES: dict[tuple[RelationType, str, str], float] = {
    (RelationType.MENTIONS, DOCUMENT_LABEL, Label.ORGANIZATION): 0.25,
    (RelationType.PARTNERS_WITH, Label.ORGANIZATION, Label.ORGANIZATION): 0.10,
    (RelationType.BASED_IN, Label.ORGANIZATION, Label.COUNTRY): 0.08,
    (RelationType.LOCATED_IN, Label.PLACE, Label.COUNTRY): 0.07,
    (RelationType.AFFILIATED_WITH, Label.PERSON, Label.ORGANIZATION): 0.06,
    (RelationType.PARTY_TO, Label.COUNTRY, Label.AGREEMENT): 0.05,
    (RelationType.PARTY_TO, Label.ORGANIZATION, Label.AGREEMENT): 0.04,
    (RelationType.SIGNED, Label.PERSON, Label.AGREEMENT): 0.05,
    (RelationType.COVERS, Label.AGREEMENT, Label.MINERAL): 0.05,
    (RelationType.HELD_IN, Label.AGREEMENT, Label.PLACE): 0.03,
    (RelationType.HELD_IN, Label.EVENT, Label.PLACE): 0.03,
    (RelationType.PARTICIPATED_IN, Label.PERSON, Label.EVENT): 0.04,
    (RelationType.DEPENDS_ON, Label.SECTOR, Label.MINERAL): 0.03,
    (RelationType.DEPENDS_ON, Label.ORGANIZATION, Label.MINERAL): 0.02,
    (RelationType.DEPENDS_ON, Label.COUNTRY, Label.COUNTRY): 0.002,
    (RelationType.CONTROLS_SHARE, Label.COUNTRY, Label.MINERAL): 0.01,
    (RelationType.PRODUCES, Label.ORGANIZATION, Label.MINERAL): 0.03,
    (RelationType.PROCESSES, Label.ORGANIZATION, Label.MINERAL): 0.01,
    (RelationType.RESTRICTS_EXPORT, Label.COUNTRY, Label.MINERAL): 0.003,
    (RelationType.INVOLVED_IN, Label.COUNTRY, Label.SECTOR): 0.005,
    (RelationType.INVESTS_IN, Label.ORGANIZATION, Label.ORGANIZATION): 0.03,
    (RelationType.MET_WITH, Label.PERSON, Label.PERSON): 0.02,
    (RelationType.LEADS, Label.PERSON, Label.COUNTRY): 0.001,
    (RelationType.LEADS, Label.PERSON, Label.ORGANIZATION): 0.02,
}
_ARROW = {"STRING": "string", "DOUBLE": "float64", "INT64": "int64", "BOOLEAN": "bool_"}


def _arrow_type(kind: str) -> Any:
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    if kind.endswith("[]"):
        return pa.list_(_arrow_type(kind[:-2]))
    return getattr(pa, _ARROW[kind])()


def _write_parquet(path: Path, columns: dict[str, str], rows: list[dict[str, Any]]) -> None:
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]

    schema = pa.schema([(c, _arrow_type(k)) for c, k in columns.items()])
    table = pa.table({c: [r.get(c) for r in rows] for c in columns}, schema=schema)
    pq.write_table(table, path)


def _entity_rows(n_entities: int) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {}
    for label, share in LABEL_SHARES.items():
        count = max(int(n_entities * share), 20)
        prefix = label.value.lower()
        rows[label.value] = [
            {
                "id": f"{prefix}:{prefix}-{i}",
                "label": label.value,
                "name": f"{label.value} {i}",
                "aliases": [],
                "lookup": [lookup_key(f"{label.value} {i}")],
                "names_text": f"{label.value} {i}",
                "origin": "text",
                "kind": "group" if label is Label.MINERAL and i < 10 else None,
                "date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
                if label in (Label.AGREEMENT, Label.EVENT)
                else None,
                "status": "signed" if label is Label.AGREEMENT else None,
            }
            for i in range(count)
        ]
    return rows


def _relation_rows(
    nodes: dict[str, list[dict[str, Any]]], n_relations: int, rng: random.Random
) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    docs = [r["id"] for r in nodes[DOCUMENT_LABEL]]
    out: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    serial = 0
    for (rel_type, source, target), share in RELATION_SHARES.items():
        sources, targets = nodes[source], nodes[target]
        rows = []
        for _ in range(int(n_relations * share)):
            # Skewed picks, hubs and a long tail (news keeps naming China and the US),
            # except on large target tables: an agreement has a handful of parties.
            a = sources[int(len(sources) * rng.random() ** 2)]["id"]
            b = targets[int(len(targets) * rng.random() ** (2 if len(targets) < 1000 else 1))]["id"]
            doc = rng.choice(docs)
            serial += 1
            rows.append({
                "from": a, "to": b, "key": f"{serial:016x}", "predicate": rel_type.value,
                "stage": rng.choice(["mining", "processing"])
                if rel_type is RelationType.CONTROLS_SHARE else None,
                "share": round(rng.random(), 2) if rel_type is RelationType.CONTROLS_SHARE
                else None,
                "modality": "asserted", "confidence": 0.8, "inferred": False, "origin": "text",
                "documents": [doc], "sentences": [f"Sentence {serial} of {doc}."],
                "char_starts": [0], "char_ends": [20], "rules": ["synthetic"],
            })  # fmt: skip
        out[(rel_type.value, source, target)] = rows
    minerals = nodes[Label.MINERAL.value]
    # The taxonomy: every mineral belongs to one of the first ten (the groups).
    out[(RelationType.MEMBER_OF.value, Label.MINERAL.value, Label.MINERAL.value)] = [
        {"from": m["id"], "to": minerals[i % 10]["id"], "key": f"m{i:015x}",
         "predicate": "MEMBER_OF", "modality": "asserted", "confidence": 0.8,
         "inferred": False, "origin": "lexicon", "documents": ["lexicon"],
         "sentences": ["lexicon"], "char_starts": [0], "char_ends": [0], "rules": ["lexicon"]}
        for i, m in enumerate(minerals[10:], start=10)
    ]  # fmt: skip
    return out


def build_db(path: Path, n_entities: int, n_relations: int, seed: int) -> None:
    rng = random.Random(seed)
    nodes = _entity_rows(n_entities)
    nodes[DOCUMENT_LABEL] = [
        {"id": f"doc-{i}", "label": DOCUMENT_LABEL, "name": f"Article {i}", "title": f"Article {i}",
         "published": f"2025-{1 + i % 12:02d}", "sha256": "", "text": ""}
        for i in range(max(n_entities // 10, 10))
    ]  # fmt: skip
    relations = _relation_rows(nodes, n_relations, rng)
    staging = path.parent / f"{path.name}.parquet"
    staging.mkdir(exist_ok=True)
    with EmbeddedStore(path) as store:
        for label, rows in nodes.items():
            file = staging / f"{label}.parquet"
            columns = DOCUMENT_COLUMNS if label == DOCUMENT_LABEL else ENTITY_COLUMNS
            _write_parquet(file, columns, rows)
            store.run(f"COPY {label} FROM '{file}'")
        rel_columns = {"from": "STRING", "to": "STRING"} | RELATION_COLUMNS
        for (rel_type, source, target), rows in relations.items():
            file = staging / f"{rel_type}.{source}.{target}.parquet"
            _write_parquet(file, rel_columns, rows)
            store.run(f"COPY {rel_type} FROM '{file}' (from='{source}', to='{target}')")


def cached_db(n_entities: int, n_relations: int, seed: int) -> Path:
    root = Path(tempfile.gettempdir()) / "reegraph-bench-queries"
    root.mkdir(exist_ok=True)
    path = root / f"graph-{n_entities}-{n_relations}-{seed}.lbdb"
    if not path.exists():
        started = time.perf_counter()
        build_db(path, n_entities, n_relations, seed)
        print(f"built {path} in {time.perf_counter() - started:.1f}s")
    return path


# What each canned query is asked (ids, as the CLI passes them after resolving names).
CASES: list[tuple[str, dict[str, Any]]] = [
    ("who_depends_on", {"mineral": "mineral:mineral-11"}),
    ("suppliers_of", {"mineral": "mineral:mineral-1"}),
    ("chokepoints", {"threshold": 0.5}),
    ("agreements_covering", {"mineral": "mineral:mineral-11"}),
    ("agreements_of", {"party": "country:country-1"}),
    ("partners_of", {"entity": "organization:organization-1"}),
    ("leaders_of", {"country": "country:country-1"}),
    ("profile", {"entity": "country:country-1"}),
    ("path_between", {"a": "organization:organization-5", "b": "organization:organization-900"}),
    ("exposure", {"entity": "country:country-1"}),
    ("timeline", {"entity": "country:country-1", "since": "2025-06-01", "until": None}),
    ("conflicting_claims", {}),
    ("sources", {"ref": "organization:organization-3"}),
]


def median_ms(
    store: EmbeddedStore, text: str, params: dict[str, Any], runs: int
) -> tuple[float, int]:
    rows = store.run(text, params)  # warm-up: plans and pages cached like in a session
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        store.run(text, params)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    path = cached_db(args.entities, args.relations, args.seed)
    with EmbeddedStore(path, read_only=True) as store:
        counts = store.counts()
        print(f"graph: {counts.entities:,} entities, {counts.documents:,} documents,"
              f" {counts.total_relations:,} relations")  # fmt: skip
        base, _ = median_ms(store, "MATCH (n) RETURN count(n) AS n", {}, args.runs)
        print(f"baseline MATCH (n) RETURN count(n): {base:.2f} ms median\n")
        print(f"{'query':<22}{'rows':>7}{'median ms':>11}{'x baseline':>12}  ok")
        worst_ratio, worst_ms, failing = 0.0, 0.0, []
        for name, params in CASES:
            query = get_query(name, store.dialect)
            ms, rows = median_ms(store, query.text, query.bind(params), args.runs)
            ratio = ms / base
            ok = ratio < TARGET_RATIO and ms < TARGET_MS
            if not ok:
                failing.append(name)
            worst_ratio, worst_ms = max(worst_ratio, ratio), max(worst_ms, ms)
            print(f"{name:<22}{rows:>7}{ms:>11.2f}{ratio:>12.1f}  {'yes' if ok else 'NO'}")
    verdict = "all within target" if not failing else f"over target: {', '.join(failing)}"
    print(
        f"\nRESULT canned queries on {counts.entities:,} entities / {counts.total_relations:,}"
        f" relations: worst median {worst_ms:.1f} ms, worst {worst_ratio:.1f}x the"
        f" count(n) baseline ({base:.2f} ms); target < {TARGET_RATIO:.0f}x and"
        f" < {TARGET_MS:.0f} ms: {verdict}"
    )


if __name__ == "__main__":
    main()
