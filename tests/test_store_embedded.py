"""The embedded store on a real LadybugDB file."""

from __future__ import annotations

from pathlib import Path

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
