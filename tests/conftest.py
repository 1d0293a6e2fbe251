"""Shared fixtures: the bundled corpus extracted once, and real embedded stores on disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reegraph.corpus import bundled_articles_dir
from reegraph.ingest import build_bundle, read_documents
from reegraph.model import GraphBundle
from reegraph.store.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "ingest" / "articles"


@pytest.fixture(scope="session")
def seed_bundle() -> GraphBundle:
    """The five bundled articles, extracted once per test session."""
    documents, skipped = read_documents([bundled_articles_dir()])
    assert not skipped, skipped
    return build_bundle(documents)


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory, seed_bundle: GraphBundle) -> Path:
    """A database file holding the seed graph, written once; open it read-only in tests."""
    path = tmp_path_factory.mktemp("seed") / "seed.lbdb"
    with EmbeddedStore(path) as store:
        store.write_bundle(seed_bundle)
    return path


@pytest.fixture
def seed_store(seed_db: Path) -> Iterator[EmbeddedStore]:
    with EmbeddedStore(seed_db, read_only=True) as store:
        yield store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "graph.lbdb"
