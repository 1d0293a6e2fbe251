"""The loader's guarantees, on real embedded database files: idempotent, resumable,
and the embedded-only bulk path (``COPY FROM`` Arrow) gives the same graph as MERGE.

These are the properties ``reegraph load`` relies on for Neo4j too: the writer and
its row diffing are shared (``CypherStore.apply_plan``); only ``run`` differs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reegraph.errors import StoreError
from reegraph.model import RelationType, node_labels, relation_endpoints
from reegraph.store.base import copy_graph, plan_write
from reegraph.store.bulk import arrow_table, relation_table, write_parquet
from reegraph.store.embedded import EmbeddedStore
from reegraph.store.schema import columns_for
from reegraph.store.statements import copy_nodes, embedded_only_statements
from sample_bundle import make_bundle


class Killed(Exception):
    """Stands in for a crash or Ctrl-C between two committed batches."""


def kill_after(batches: int) -> Any:
    calls = 0

    def progress(rows: int) -> None:
        nonlocal calls
        calls += 1
        if calls == batches:
            raise Killed

    return progress


def open_store(path: Path, *, bulk: bool) -> EmbeddedStore:
    store = EmbeddedStore(path, batch_size=2)
    # Tiny thresholds so the 14-row sample bundle goes through COPY in chunks.
    store.bulk_min_rows = 1 if bulk else 10**9
    store.copy_chunk_rows = 2
    return store


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Export of an uninterrupted load of the sample bundle."""
    with EmbeddedStore(tmp_path_factory.mktemp("reference") / "graph.lbdb") as store:
        store.write_bundle(make_bundle())
        return store.read_bundle().to_export()


@pytest.mark.parametrize("bulk", [False, True], ids=["merge", "copy"])
def test_loading_twice_leaves_counts_unchanged(tmp_path: Path, bulk: bool) -> None:
    with EmbeddedStore(tmp_path / "source.lbdb") as source:
        source.write_bundle(make_bundle())
        with open_store(tmp_path / "target.lbdb", bulk=bulk) as target:
            first = copy_graph(source, target)
            counts = target.counts()
            second = copy_graph(source, target)
            assert (first.nodes_written, first.relations_written) == (7, 7)
            assert (second.nodes_written, second.relations_written) == (0, 0)
            assert target.counts() == counts
            assert counts.total_relations == 7


@pytest.mark.parametrize("bulk", [False, True], ids=["merge", "copy"])
@pytest.mark.parametrize(("batches", "rerun_old"), [(1, "stored"), (4, "none"), (6, "stored")])
def test_a_load_killed_halfway_and_rerun_ends_as_an_uninterrupted_one(
    tmp_path: Path, reference: dict[str, Any], bulk: bool, batches: int, rerun_old: str
) -> None:
    bundle, expected = make_bundle(), reference
    with open_store(tmp_path / "graph.lbdb", bulk=bulk) as store:
        with pytest.raises(Killed):
            store.write_bundle(bundle, progress=kill_after(batches))
        partial = store.read_bundle()
        assert partial.to_export() != expected, "the kill came too late to test anything"
        # `reegraph load` and ingest diff against what is stored; a blind rerun
        # (old=None) re-sends everything, which MERGE and the COPY filter absorb.
        old = partial if rerun_old == "stored" else None
        store.write_bundle(bundle, old)
        assert store.read_bundle().to_export() == expected
        assert store.counts().total_relations == len(bundle.relations)


def test_copy_path_and_merge_path_store_the_same_graph(
    tmp_path: Path, reference: dict[str, Any]
) -> None:
    with open_store(tmp_path / "copy.lbdb", bulk=True) as store:
        store.write_bundle(make_bundle())
        copied = store.read_bundle().to_export()
    assert copied == reference


def test_copy_path_updates_stored_rows_instead_of_duplicating_them(tmp_path: Path) -> None:
    bundle = make_bundle()
    changed = bundle.model_copy(
        update={
            "entities": [
                e.model_copy(update={"name": e.name + " (renamed)"}) for e in bundle.entities
            ]
        }
    )
    with open_store(tmp_path / "graph.lbdb", bulk=True) as store:
        store.write_bundle(bundle)
        store.write_bundle(changed)  # old=None: every row is re-sent, all already stored
        names = sorted(e.name for e in store.read_bundle().entities)
        counts = store.counts()
    assert names == sorted(e.name for e in changed.entities)
    assert counts.entities == len(bundle.entities)
    assert counts.total_relations == len(bundle.relations)


def test_every_embedded_only_copy_statement_runs(tmp_path: Path) -> None:
    """Each COPY binds against its table: column count, order and types must match."""
    nodes, relations = tmp_path / "nodes.parquet", tmp_path / "relations.parquet"
    write_parquet(relation_table([]), relations)
    statements = embedded_only_statements(relations)
    with EmbeddedStore(tmp_path / "graph.lbdb") as store:
        for statement in statements:
            if statement.name.startswith("copy_nodes."):
                label = statement.name.split(".")[1]
                write_parquet(arrow_table([], columns_for(label)), nodes)
                statement = copy_nodes(label, nodes)
            store.run(statement.text)
        assert store.counts().nodes == {}
        write_parquet(arrow_table([], {"id": "STRING"}), nodes)
        with pytest.raises(StoreError, match="embedded query failed"):
            store.run(copy_nodes("Mineral", nodes).text)
    assert len(statements) == len(node_labels()) + sum(
        len(relation_endpoints(t)) for t in RelationType
    )


def test_copy_refuses_a_path_it_cannot_quote(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unsafe path"):
        copy_nodes("Mineral", tmp_path / "it's.parquet")


def test_plan_counts_the_rows_progress_will_report(tmp_path: Path) -> None:
    bundle = make_bundle()
    reported: list[int] = []
    with open_store(tmp_path / "graph.lbdb", bulk=True) as store:
        store.write_bundle(bundle, progress=reported.append)
    assert sum(reported) == plan_write(bundle).rows == 14
