"""cypher/schema.cypher is generated from the model; it must not drift from it."""

from __future__ import annotations

from pathlib import Path

from reegraph.model import Label, RelationType, node_labels
from reegraph.store.schema import neo4j_schema, render_schema_cypher

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "cypher" / "schema.cypher"


def test_checked_in_schema_matches_the_model() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render_schema_cypher(), (
        "cypher/schema.cypher is out of date: run `reegraph schema --write`"
    )


def test_schema_has_a_unique_id_per_label_and_a_key_index_per_type() -> None:
    text = SCHEMA_FILE.read_text(encoding="utf-8")
    for label in node_labels():
        assert f"FOR (n:{label}) REQUIRE n.id IS UNIQUE" in text
    for rel_type in RelationType:
        assert f"FOR ()-[r:{rel_type.value}]-() ON (r.key)" in text
    fulltext = next(s for s in neo4j_schema() if s.startswith("CREATE FULLTEXT INDEX"))
    assert all(label.value in fulltext for label in Label)


def test_schema_file_ends_with_a_statement() -> None:
    # Neo4j's front end reports a comment after the last `;` as an empty statement.
    last = SCHEMA_FILE.read_text(encoding="utf-8").rstrip().splitlines()[-1]
    assert last.endswith(";")
    assert not last.startswith("//")
