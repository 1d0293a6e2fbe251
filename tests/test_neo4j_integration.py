"""Against a live Neo4j (``pytest -m neo4j``, needs ``NEO4J_URI``): the loader and every
canned query give the same graph and the same rows as the embedded backend.

Clean-up: Neo4j Community has one user database, so the tests use the database
named by ``NEO4J_DATABASE`` (default ``neo4j``), refuse to start unless it holds no
nodes, and delete exactly what they wrote when they finish (the loader itself
removes it: ``write_bundle(empty, old=seed)``). The constraints and indexes from
``cypher/schema.cypher`` stay, as after any ``reegraph load``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

if not os.environ.get("NEO4J_URI"):
    pytest.skip(
        "NEO4J_URI not set: start Neo4j with `docker compose up -d`"
        " and export NEO4J_URI=bolt://localhost:7687",
        allow_module_level=True,
    )

from reegraph.model import GraphBundle
from reegraph.queries import query_names
from reegraph.questions import ask
from reegraph.store.embedded import EmbeddedStore
from reegraph.store.neo4j import Neo4jStore

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def neo4j_seed(seed_bundle: GraphBundle) -> Iterator[Neo4jStore]:
    """Neo4j holding the seed graph for the module; emptied again afterwards."""
    with Neo4jStore() as store:
        if store.counts().nodes:
            pytest.fail(
                f"{store.location} is not empty; the Neo4j tests need an empty database",
                pytrace=False,
            )
        try:
            store.write_bundle(seed_bundle)
            yield store
        finally:
            store.write_bundle(GraphBundle(), store.read_bundle())
            assert store.counts().nodes == {}


def sorted_json(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps(row, sort_keys=True, default=str) for row in rows)


def test_counts_after_load_equal_the_embedded_counts(
    neo4j_seed: Neo4jStore, seed_store: EmbeddedStore
) -> None:
    assert neo4j_seed.counts() == seed_store.counts()
    assert neo4j_seed.read_bundle().to_export() == seed_store.read_bundle().to_export()


def test_loading_again_changes_nothing(neo4j_seed: Neo4jStore, seed_bundle: GraphBundle) -> None:
    before = neo4j_seed.counts()
    summary = neo4j_seed.write_bundle(seed_bundle, neo4j_seed.read_bundle())
    assert (summary.nodes_written, summary.relations_written) == (0, 0)
    neo4j_seed.write_bundle(seed_bundle)  # blind re-send: MERGE absorbs it
    assert neo4j_seed.counts() == before


def test_load_command_is_idempotent(neo4j_seed: Neo4jStore, seed_db: Path) -> None:
    def load() -> dict[str, int]:
        done = subprocess.run(
            [sys.executable, "-m", "reegraph", "load", "--db", str(seed_db), "--json"],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        result: dict[str, int] = json.loads(done.stdout)
        return result

    before = neo4j_seed.counts()
    assert load() == {
        "nodes_written": 0,
        "relations_written": 0,
        "nodes_deleted": 0,
        "relations_deleted": 0,
    }
    assert neo4j_seed.counts() == before


@pytest.mark.parametrize("name", query_names())
def test_canned_query_rows_equal_the_embedded_rows(
    name: str, neo4j_seed: Neo4jStore, seed_store: EmbeddedStore
) -> None:
    embedded = ask(seed_store, name).rows
    served = ask(neo4j_seed, name).rows
    assert sorted_json(served) == sorted_json(embedded)
