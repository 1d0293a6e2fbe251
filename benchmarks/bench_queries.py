"""Canned-query latency on a synthetic news-like graph, against a trivial count in the same run.

A graph of 100k entities and 300k relations (by default; plus 10k articles) is
bulk-loaded into an embedded database with the engine's own ``COPY FROM`` parquet,
once, and cached under the temp dir (keyed by its size and seed). Its degrees are
skewed like a news graph's: every pick of an endpoint follows a Zipf law over the
label's entities, so a few hubs (China, the United States, rare earths, critical
minerals) carry thousands of relations and most entities a handful. Minerals sit
in a taxonomy three levels deep (compound -> element -> group -> critical minerals).

Each canned question then runs as the CLI runs it (ids, names already resolved,
anchors matched under their id's label, the default limit of 100 rows of each
kind), once for a hub and once for a mid-degree entity, and its median latency is
compared with the median of ``MATCH (n) RETURN count(n)``.

    python benchmarks/bench_queries.py [--entities 100000] [--relations 300000] [--runs 15]

Target: every canned query under 50x the baseline and under 100 ms median.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import tempfile
import time
from collections import Counter
from functools import partial
from pathlib import Path
from typing import Any

from reegraph.model import DOCUMENT_LABEL, Label, RelationType, lookup_key
from reegraph.queries import get_query
from reegraph.questions import run_question
from reegraph.store.embedded import EmbeddedStore
from reegraph.store.schema import DOCUMENT_COLUMNS, ENTITY_COLUMNS, RELATION_COLUMNS

TARGET_RATIO, TARGET_MS = 50.0, 100.0
# Part of the cached graph's file name: bump it when the generator changes.
GENERATOR_VERSION = 3
L = Label
R = RelationType
# Share of the entities per label (sums to 1).
LABEL_SHARES = {
    L.ORGANIZATION: 0.30, L.PERSON: 0.20, L.PLACE: 0.25, L.EVENT: 0.135, L.AGREEMENT: 0.10,
    L.SECTOR: 0.005, L.MINERAL: 0.004, L.COMMODITY: 0.003, L.COUNTRY: 0.0025,
    L.REGION: 0.0005,
}  # fmt: skip
# Zipf exponent of endpoint picks per label: hubs where news has hubs (states,
# minerals, sectors, big companies and leaders); an agreement, event or place has
# a handful of relations.
SKEW = {
    L.COUNTRY: 1.1, L.REGION: 1.0, L.MINERAL: 1.0, L.COMMODITY: 1.0, L.SECTOR: 1.0,
    L.ORGANIZATION: 0.8, L.PERSON: 0.8, L.AGREEMENT: 0.3, L.EVENT: 0.3, L.PLACE: 0.5,
    DOCUMENT_LABEL: 0.0,
}  # fmt: skip
# The first entities of a label (its biggest hubs) get real names.
HUB_NAMES = {
    L.COUNTRY: ["China", "United States", "Japan", "Australia", "Russia", "India",
                "South Korea", "Germany", "Indonesia", "Canada", "Brazil", "Vietnam"],
    L.MINERAL: ["Rare earth elements", "Critical minerals", "Lithium", "Cobalt", "Nickel",
                "Graphite", "Copper", "Gallium", "Germanium", "Platinum group metals"],
    L.SECTOR: ["Electric vehicles", "Defense", "Semiconductors", "Wind turbines"],
    L.PERSON: ["Donald Trump", "Xi Jinping", "Sanae Takaichi"],
}  # fmt: skip
# Mineral groups: the rest of the minerals belong to one of these; all but
# "critical minerals" (index 1) belong to it in turn.
GROUPS = [0, 2, 3, 4, 5, 6, 7, 8, 9]
# (type, source label, target label) -> share of the relations (sums to 1 with
# MEMBER_OF, which the taxonomy adds).
RELATION_SHARES: dict[tuple[RelationType, str, str], float] = {
    (R.MENTIONS, DOCUMENT_LABEL, L.COUNTRY): 0.07,
    (R.MENTIONS, DOCUMENT_LABEL, L.ORGANIZATION): 0.08,
    (R.MENTIONS, DOCUMENT_LABEL, L.PERSON): 0.05,
    (R.MENTIONS, DOCUMENT_LABEL, L.MINERAL): 0.04,
    (R.MENTIONS, DOCUMENT_LABEL, L.PLACE): 0.02,
    (R.MENTIONS, DOCUMENT_LABEL, L.SECTOR): 0.01,
    (R.MENTIONS, DOCUMENT_LABEL, L.AGREEMENT): 0.01,
    (R.MENTIONS, DOCUMENT_LABEL, L.EVENT): 0.01,
    (R.MENTIONS, DOCUMENT_LABEL, L.COMMODITY): 0.005,
    (R.MENTIONS, DOCUMENT_LABEL, L.REGION): 0.005,
    (R.PARTNERS_WITH, L.ORGANIZATION, L.ORGANIZATION): 0.05,
    (R.PARTNERS_WITH, L.COUNTRY, L.COUNTRY): 0.005,
    (R.BASED_IN, L.ORGANIZATION, L.COUNTRY): 0.05,
    (R.BASED_IN, L.PERSON, L.COUNTRY): 0.02,
    (R.LOCATED_IN, L.PLACE, L.COUNTRY): 0.04,
    (R.AFFILIATED_WITH, L.PERSON, L.ORGANIZATION): 0.05,
    (R.AFFILIATED_WITH, L.PERSON, L.COUNTRY): 0.01,
    (R.LEADS, L.PERSON, L.ORGANIZATION): 0.01,
    (R.LEADS, L.PERSON, L.COUNTRY): 0.001,
    (R.PARTY_TO, L.COUNTRY, L.AGREEMENT): 0.04,
    (R.PARTY_TO, L.ORGANIZATION, L.AGREEMENT): 0.03,
    (R.SIGNED, L.PERSON, L.AGREEMENT): 0.03,
    (R.COVERS, L.AGREEMENT, L.MINERAL): 0.04,
    (R.COVERS, L.AGREEMENT, L.COMMODITY): 0.005,
    (R.COVERS, L.AGREEMENT, L.SECTOR): 0.005,
    (R.HELD_IN, L.AGREEMENT, L.PLACE): 0.02,
    (R.HELD_IN, L.EVENT, L.PLACE): 0.03,
    (R.HELD_IN, L.EVENT, L.COUNTRY): 0.01,
    (R.PARTICIPATED_IN, L.PERSON, L.EVENT): 0.03,
    (R.PARTICIPATED_IN, L.COUNTRY, L.EVENT): 0.01,
    (R.PARTICIPATED_IN, L.ORGANIZATION, L.EVENT): 0.02,
    (R.DEPENDS_ON, L.SECTOR, L.MINERAL): 0.02,
    (R.DEPENDS_ON, L.ORGANIZATION, L.MINERAL): 0.02,
    (R.DEPENDS_ON, L.COUNTRY, L.MINERAL): 0.01,
    (R.DEPENDS_ON, L.COUNTRY, L.COUNTRY): 0.003,
    (R.DEPENDS_ON, L.ORGANIZATION, L.COUNTRY): 0.002,
    (R.CONTROLS_SHARE, L.COUNTRY, L.MINERAL): 0.01,
    (R.CONTROLS_SHARE, L.ORGANIZATION, L.MINERAL): 0.005,
    (R.PRODUCES, L.ORGANIZATION, L.MINERAL): 0.03,
    (R.PRODUCES, L.COUNTRY, L.MINERAL): 0.01,
    (R.PRODUCES, L.PLACE, L.MINERAL): 0.005,
    (R.PROCESSES, L.ORGANIZATION, L.MINERAL): 0.01,
    (R.PROCESSES, L.COUNTRY, L.MINERAL): 0.003,
    (R.RESTRICTS_EXPORT, L.COUNTRY, L.MINERAL): 0.003,
    (R.IMPOSES_TARIFF, L.COUNTRY, L.COUNTRY): 0.003,
    (R.IMPOSES_TARIFF, L.COUNTRY, L.MINERAL): 0.002,
    (R.PURCHASES, L.COUNTRY, L.MINERAL): 0.003,
    (R.INVOLVED_IN, L.COUNTRY, L.SECTOR): 0.005,
    (R.INVOLVED_IN, L.ORGANIZATION, L.SECTOR): 0.02,
    (R.INVESTS_IN, L.ORGANIZATION, L.ORGANIZATION): 0.02,
    (R.INVESTS_IN, L.COUNTRY, L.ORGANIZATION): 0.005,
    (R.MET_WITH, L.PERSON, L.PERSON): 0.02,
}
# Claims carrying figures, and the figure they carry.
FIGURES = {R.CONTROLS_SHARE: "share", R.INVESTS_IN: "amount", R.PURCHASES: "quantity",
           R.IMPOSES_TARIFF: "rate_to"}  # fmt: skip
STAGES = ["mining", "processing", "refining", "magnet production"]
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


def entity_id(label: str, i: int) -> str:
    return f"{label.lower()}:{label.lower()}-{i}"


def _entity_rows(n_entities: int) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {}
    for label, share in LABEL_SHARES.items():
        hubs = HUB_NAMES.get(label, [])
        dated = label in (L.AGREEMENT, L.EVENT)
        rows[label.value] = [
            {
                "id": entity_id(label.value, i),
                "label": label.value,
                "name": (name := hubs[i] if i < len(hubs) else f"{label.value} {i}"),
                "aliases": [],
                "lookup": [lookup_key(name)],
                "names_text": name,
                "origin": "text",
                "kind": ("group" if i < 10 else "element" if i < 200 else "compound")
                if label is L.MINERAL
                else None,
                "date": f"202{3 + i % 3}-{1 + i % 12:02d}-{1 + i % 28:02d}" if dated else None,
                "status": "signed" if label is L.AGREEMENT else None,
            }
            for i in range(max(round(n_entities * share), 20))
        ]
    return rows


def _zipf_picker(ids: list[str], skew: float, rng: random.Random) -> Any:
    """A function drawing ``k`` ids, the i-th with weight 1 / (i + 1) ** skew."""
    cumulative = list(itertools.accumulate(1 / (i + 1) ** skew for i in range(len(ids))))
    return lambda k: rng.choices(ids, cum_weights=cumulative, k=k)


def _relation_rows(
    nodes: dict[str, list[dict[str, Any]]], n_relations: int, rng: random.Random
) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    pickers = {
        label: _zipf_picker([r["id"] for r in rows], SKEW[label], rng)
        for label, rows in nodes.items()
    }
    docs = [r["id"] for r in nodes[DOCUMENT_LABEL]]
    ends = {r["id"]: (r["name"], r["label"]) for rows in nodes.values() for r in rows}
    out: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    serial = 0
    total = sum(RELATION_SHARES.values())
    for (rel_type, source, target), share in RELATION_SHARES.items():
        count = int(n_relations * share / total)
        pairs: set[tuple[str, str]] = set()
        for _ in range(8):  # hubs repeat pairs: draw again until there are enough
            wanted = count - len(pairs)
            pairs.update(zip(pickers[source](wanted), pickers[target](wanted), strict=True))
            if len(pairs) >= count:
                break
        chosen = sorted(pairs)[:count]
        if rel_type in FIGURES:
            # Figures get reported again, often differently (China's share of rare earth
            # processing by several articles): a few pairs carry a second claim.
            chosen += rng.sample(chosen, len(chosen) // 20)
        rows = []
        for a, b in chosen:
            if a == b:
                continue
            serial += 1
            # Most claims have one source article, a repeated one several.
            sources = rng.sample(docs, 1 if rng.random() < 0.7 else rng.randint(2, 4))
            row: dict[str, Any] = {
                "from": a, "to": b, "key": f"{serial:016x}", "predicate": rel_type.value,
                "modality": "asserted", "confidence": 0.8, "inferred": False, "origin": "text",
                "documents": sources, "sentences": [f"Sentence {serial} of {d}." for d in sources],
                "char_starts": [0] * len(sources), "char_ends": [20] * len(sources),
                "rules": ["synthetic"] * len(sources),
                **_endpoint_columns(ends, a, b),
            }  # fmt: skip
            if rel_type in FIGURES:
                row[FIGURES[rel_type]] = round(rng.random(), 2)
            if rel_type is R.CONTROLS_SHARE:
                row["stage"] = rng.choice(STAGES)
            if rel_type in (R.RESTRICTS_EXPORT, R.IMPOSES_TARIFF):
                row["date"] = f"202{3 + serial % 3}-{1 + serial % 12:02d}-01"
            rows.append(row)
        out[(rel_type.value, source, target)] = rows
    out[(R.MEMBER_OF.value, L.MINERAL.value, L.MINERAL.value)] = _taxonomy(nodes)
    return out


def _endpoint_columns(ends: dict[str, tuple[str, str]], a: str, b: str) -> dict[str, str]:
    """The copies of its endpoints' id, name and label a relationship carries."""
    (a_name, a_label), (b_name, b_label) = ends[a], ends[b]
    return {"source_id": a, "source_name": a_name, "source_label": a_label,
            "target_id": b, "target_name": b_name, "target_label": b_label}  # fmt: skip


def _taxonomy(nodes: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Groups in critical minerals, elements in a group, compounds in an element."""
    minerals = [r["id"] for r in nodes[L.MINERAL.value]]
    ends = {r["id"]: (r["name"], r["label"]) for r in nodes[L.MINERAL.value]}
    links = [(minerals[g], minerals[1]) for g in GROUPS]
    links += [(m, minerals[GROUPS[i % len(GROUPS)]]) for i, m in enumerate(minerals[10:200])]
    links += [(m, minerals[10 + i % 190]) for i, m in enumerate(minerals[200:])]
    return [
        {"from": a, "to": b, "key": f"m{i:015x}", "predicate": R.MEMBER_OF.value,
         "modality": "asserted", "confidence": 1.0, "inferred": False, "origin": "lexicon",
         "documents": ["lexicon"], "sentences": ["lexicon"], "char_starts": [0],
         "char_ends": [0], "rules": ["lexicon"], **_endpoint_columns(ends, a, b)}
        for i, (a, b) in enumerate(links)
    ]  # fmt: skip


def build_db(path: Path, n_entities: int, n_relations: int, seed: int) -> None:
    rng = random.Random(seed)
    nodes = _entity_rows(n_entities)
    nodes[DOCUMENT_LABEL] = [
        {"id": f"doc-{i}", "label": DOCUMENT_LABEL, "name": f"Article {i}", "title": f"Article {i}",
         "published": f"202{3 + i % 3}-{1 + i % 12:02d}-{1 + i % 28:02d}", "sha256": "",
         "text": ""}
        for i in range(max(n_entities // 10, 10))
    ]  # fmt: skip
    taxonomy_size = len(nodes[L.MINERAL.value]) - 1
    relations = _relation_rows(nodes, n_relations - taxonomy_size, rng)
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
    path = root / f"news-{GENERATOR_VERSION}-{n_entities}-{n_relations}-{seed}.lbdb"
    if not path.exists():
        started = time.perf_counter()
        build_db(path, n_entities, n_relations, seed)
        print(f"built {path} in {time.perf_counter() - started:.1f}s")
    return path


# Each question asked for a hub and for a mid-degree entity (ids, as the CLI passes
# them after resolving names): China (country-0) and Country 25; rare earths
# (mineral-0, a group) and Mineral 24 (an element in a group under critical minerals).
HUB_COUNTRY, MID_COUNTRY = entity_id("Country", 0), entity_id("Country", 25)
HUB_MINERAL, MID_MINERAL = entity_id("Mineral", 0), entity_id("Mineral", 24)
CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("who_depends_on", "hub", {"mineral": HUB_MINERAL}),
    ("who_depends_on", "mid", {"mineral": MID_MINERAL}),
    ("suppliers_of", "hub", {"mineral": HUB_MINERAL}),
    ("suppliers_of", "mid", {"mineral": MID_MINERAL}),
    ("chokepoints", "all", {"threshold": 0.5}),
    ("agreements_covering", "hub", {"mineral": HUB_MINERAL}),
    ("agreements_covering", "mid", {"mineral": MID_MINERAL}),
    ("agreements_of", "hub", {"party": HUB_COUNTRY}),
    ("agreements_of", "mid", {"party": MID_COUNTRY}),
    ("partners_of", "hub", {"entity": HUB_COUNTRY}),
    ("partners_of", "mid", {"entity": entity_id("Organization", 24)}),
    ("leaders_of", "hub", {"country": HUB_COUNTRY}),
    ("leaders_of", "mid", {"country": MID_COUNTRY}),
    ("profile", "hub", {"entity": HUB_COUNTRY}),
    ("profile", "mid", {"entity": MID_COUNTRY}),
    ("path_between", "hub", {"a": HUB_COUNTRY, "b": entity_id("Organization", 5000)}),
    ("path_between", "mid", {"a": entity_id("Organization", 24),
                             "b": entity_id("Organization", 900)}),
    ("exposure", "hub", {"entity": HUB_COUNTRY}),
    ("exposure", "mid", {"entity": MID_COUNTRY}),
    ("timeline", "hub", {"entity": HUB_COUNTRY, "since": "2025-06-01", "until": None}),
    ("timeline", "mid", {"entity": MID_COUNTRY, "since": "2025-06-01", "until": None}),
    ("conflicting_claims", "all", {}),
    ("sources", "hub", {"ref": HUB_COUNTRY}),
    ("sources", "mid", {"ref": MID_COUNTRY}),
]  # fmt: skip


def median_ms(run: Any, runs: int, budget_s: float = 10.0) -> tuple[float, int]:
    """Median of ``runs`` timed runs (at least 3, fewer than ``runs`` once a query
    has taken ``budget_s`` seconds), after a warm-up run."""
    rows = run()  # warm-up: plans and pages cached like in a session
    times: list[float] = []
    while len(times) < runs and (len(times) < 3 or sum(times) < budget_s * 1000):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), len(rows)


def degrees(store: EmbeddedStore) -> Counter[str]:
    """Relations per entity named in the cases."""
    ids = sorted({v for _, _, p in CASES for v in p.values() if isinstance(v, str) and ":" in v})
    rows = store.run(
        "MATCH (n)-[r]-() WHERE n.id IN $ids RETURN n.id AS id, n.name AS name, count(r) AS d",
        {"ids": ids},
    )
    return Counter({f"{r['name']} ({r['id']})": r["d"] for r in rows})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", nargs="*", default=[], help="names of the queries to time")
    args = parser.parse_args()
    path = cached_db(args.entities, args.relations, args.seed)
    with EmbeddedStore(path, read_only=True) as store:
        counts = store.counts()
        print(f"graph: {counts.entities:,} entities, {counts.documents:,} documents,"
              f" {counts.total_relations:,} relations")  # fmt: skip
        print("relations of the entities asked about:")
        for name, degree in degrees(store).most_common():
            print(f"  {degree:>6}  {name}")
        base, _ = median_ms(lambda: store.run("MATCH (n) RETURN count(n) AS n"), args.runs)
        print(f"\nbaseline MATCH (n) RETURN count(n): {base:.2f} ms median\n")
        print(f"{'query':<22}{'case':<6}{'rows':>7}{'median ms':>11}{'x baseline':>12}  ok")
        worst_ratio, worst_ms, failing = 0.0, 0.0, []
        for name, case, params in CASES:
            if args.only and name not in args.only:
                continue
            query = get_query(name, store.dialect)
            values = query.bind(params)
            ms, rows = median_ms(partial(run_question, store, query, values), args.runs)
            ratio = ms / base
            ok = ratio < TARGET_RATIO and ms < TARGET_MS
            if not ok:
                failing.append(f"{name}/{case}")
            worst_ratio, worst_ms = max(worst_ratio, ratio), max(worst_ms, ms)
            print(f"{name:<22}{case:<6}{rows:>7}{ms:>11.1f}{ratio:>12.1f}  {'yes' if ok else 'NO'}")
    verdict = "all within target" if not failing else f"over target: {', '.join(failing)}"
    print(
        f"\nRESULT canned queries (hub and mid-degree cases) on {counts.entities:,} entities /"
        f" {counts.total_relations:,} relations: worst median {worst_ms:.1f} ms, worst"
        f" {worst_ratio:.1f}x the count(n) baseline ({base:.2f} ms); target < {TARGET_RATIO:.0f}x"
        f" and < {TARGET_MS:.0f} ms: {verdict}"
    )


if __name__ == "__main__":
    main()
