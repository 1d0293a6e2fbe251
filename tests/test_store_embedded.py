"""The embedded store on a real LadybugDB file."""

from __future__ import annotations

from pathlib import Path

import pytest

from reegraph.bundle_ops import drop_documents
from reegraph.store.embedded import EmbeddedStore
from sample_bundle import make_bundle


def test_bundle_round_trips_through_the_database(db_path: Path) -> None:
    bundle = make_bundle()
    with EmbeddedStore(db_path) as store:
        store.write_bundle(bundle)
    with EmbeddedStore(db_path, read_only=True) as store:
        back = store.read_bundle()
        counts = store.counts()
    assert back.to_export() == bundle.to_export()
    assert counts.nodes == {"Country": 2, "Document": 1, "Mineral": 2, "Sector": 2}
    assert counts.relations["CONTROLS_SHARE"] == 2


def test_writing_the_same_bundle_twice_changes_nothing(db_path: Path) -> None:
    bundle = make_bundle()
    with EmbeddedStore(db_path) as store:
        store.write_bundle(bundle)
        before = store.counts()
        summary = store.write_bundle(bundle, store.read_bundle())
        assert (summary.nodes_written, summary.relations_written) == (0, 0)
        assert store.counts() == before


def test_dropping_a_document_removes_only_what_it_supported(db_path: Path) -> None:
    bundle = make_bundle()
    with EmbeddedStore(db_path) as store:
        store.write_bundle(bundle)
        old = store.read_bundle()
        store.write_bundle(drop_documents(old, ["d1"]), old)
        counts = store.counts()
    # Only lexicon taxonomy was left, and taxonomy alone keeps no node.
    assert counts.nodes == {}
    assert counts.relations == {}


def test_text_with_quotes_and_cypher_is_stored_verbatim(db_path: Path) -> None:
    bundle = make_bundle()
    nasty = '\'}) DETACH DELETE n // `x` "quoted" <script>alert(1)</script>'
    doc = bundle.documents[0].model_copy(update={"title": nasty})
    bundle = bundle.model_copy(update={"documents": [doc]})
    with EmbeddedStore(db_path) as store:
        store.write_bundle(bundle)
        assert store.read_bundle().documents[0].title == nasty
        assert store.counts().entities == 6


def test_relationships_copy_their_endpoints_and_follow_a_rename(db_path: Path) -> None:
    bundle = make_bundle()
    query = (
        "MATCH (a)-[r:DEPENDS_ON]->(b) WHERE a.id = 'sector:defense'"
        " RETURN r.source_id AS sid, r.source_name AS sname, r.source_label AS slabel,"
        " r.target_id AS tid, r.target_name AS tname, r.target_label AS tlabel,"
        " a.name AS a, b.name AS b"
    )
    with EmbeddedStore(db_path) as store:
        store.write_bundle(bundle)
        (row,) = store.run(query)
        assert row == {
            "sid": "sector:defense", "sname": "Defense", "slabel": "Sector",
            "tid": "mineral:dysprosium", "tname": "Dysprosium", "tlabel": "Mineral",
            "a": "Defense", "b": "Dysprosium",
        }  # fmt: skip
        old = store.read_bundle()
        renamed = old.model_copy(deep=True)
        (dysprosium,) = [e for e in renamed.entities if e.id == "mineral:dysprosium"]
        dysprosium.name = "Dysprosium (Dy)"
        summary = store.write_bundle(renamed, old)
        (row,) = store.run(query)
    # The renamed node and every relationship that copies its name are rewritten.
    assert row["tname"] == row["b"] == "Dysprosium (Dy)"
    assert summary.nodes_written == 1
    assert summary.relations_written == sum(
        "mineral:dysprosium" in (r.source, r.target) for r in old.relations
    )


def test_a_database_from_before_the_endpoint_columns_gets_a_clear_error(db_path: Path) -> None:
    import real_ladybug as lb

    from reegraph.errors import StoreError
    from reegraph.store.schema import ENDPOINT_COLUMNS, RELATION_COLUMNS, embedded_ddl

    # Tables as an older reegraph created them: relationships without endpoint copies.
    old_columns = ", ".join(
        f"{c} {k}" for c, k in RELATION_COLUMNS.items() if c not in ENDPOINT_COLUMNS
    )
    db = lb.Database(str(db_path))
    conn = lb.Connection(db)
    for ddl in embedded_ddl():
        if "NODE TABLE" in ddl:
            conn.execute(ddl)
    conn.execute(f"CREATE REL TABLE DEPENDS_ON(FROM Sector TO Mineral, {old_columns})")
    conn.close()
    db.close()
    with EmbeddedStore(db_path) as store, pytest.raises(StoreError) as caught:
        store.read_bundle()
    message = str(caught.value)
    assert "older reegraph" in message
    assert "source_id" in message
    assert "\n" not in message
