"""Registry of every Cypher statement the package sends (besides ``cypher/*.cypher``).

All values travel as parameters; labels and relationship types come only from the
model. Both backends run these same strings, and the test suite lints every one
with Neo4j's own front end (see ``all_statements``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from reegraph.model import RelationType, node_labels, relation_endpoints
from reegraph.store.schema import RELATION_COLUMNS, columns_for

Dialect = Literal["neo4j", "embedded"]


@dataclass(frozen=True)
class Statement:
    name: str
    text: str
    # Example parameter values: they declare the parameters to the linter.
    parameters: dict[str, Any] = field(default_factory=dict)


def _set_clause(var: str, columns: dict[str, str], dialect: Dialect) -> str:
    """``n.a = row.a, ...``; the embedded engine infers a parameter's type from its
    values, so a column that is null in every row of a batch needs an explicit CAST
    there. That is the only difference between the two dialects."""

    def value(column: str, kind: str) -> str:
        if dialect == "embedded" and kind != "STRING":
            return f"CAST(row.{column} AS {kind})"
        return f"row.{column}"

    return ", ".join(f"{var}.{c} = {value(c, k)}" for c, k in columns.items())


@cache
def merge_nodes(label: str, dialect: Dialect = "neo4j") -> Statement:
    cols = {c: k for c, k in columns_for(label).items() if c != "id"}
    sets = _set_clause("n", cols, dialect)
    # ON CREATE/ON MATCH rather than a bare SET: the embedded engine fails on
    # `UNWIND ... MERGE ... SET` (see README, design notes).
    text = (
        f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) "
        f"ON CREATE SET {sets} ON MATCH SET {sets}"
    )
    return Statement(f"merge_nodes.{label}", text, {"rows": [{"id": "x"}]})


@cache
def merge_relations(
    rel_type: str, source: str, target: str, dialect: Dialect = "neo4j"
) -> Statement:
    cols = {c: k for c, k in RELATION_COLUMNS.items() if c != "key"}
    sets = _set_clause("r", cols, dialect)
    text = (
        f"UNWIND $rows AS row MATCH (a:{source} {{id: row.source}}) "
        f"MATCH (b:{target} {{id: row.target}}) "
        f"MERGE (a)-[r:{rel_type} {{key: row.key}}]->(b) "
        f"ON CREATE SET {sets} ON MATCH SET {sets}"
    )
    return Statement(
        f"merge_relations.{rel_type}.{source}.{target}",
        text,
        {"rows": [{"source": "a", "target": "b", "key": "k"}]},
    )


@cache
def delete_nodes(label: str) -> Statement:
    text = f"MATCH (n:{label}) WHERE n.id IN $ids DETACH DELETE n"
    return Statement(f"delete_nodes.{label}", text, {"ids": ["x"]})


@cache
def delete_relations(rel_type: str) -> Statement:
    text = f"MATCH ()-[r:{rel_type}]->() WHERE r.key IN $keys DELETE r"
    return Statement(f"delete_relations.{rel_type}", text, {"keys": ["k"]})


@cache
def read_nodes(label: str) -> Statement:
    cols = ", ".join(f"n.{c} AS {c}" for c in columns_for(label))
    return Statement(f"read_nodes.{label}", f"MATCH (n:{label}) RETURN {cols}")


@cache
def read_relations(rel_type: str) -> Statement:
    cols = ", ".join(f"r.{c} AS {c}" for c in RELATION_COLUMNS)
    text = f"MATCH (a)-[r:{rel_type}]->(b) RETURN a.id AS source, b.id AS target, {cols}"
    return Statement(f"read_relations.{rel_type}", text)


@cache
def node_ids(label: str) -> Statement:
    """Ids already stored: the bulk loader sends only missing nodes through COPY."""
    return Statement(f"node_ids.{label}", f"MATCH (n:{label}) RETURN n.id AS id")


@cache
def relation_keys(rel_type: str, source: str, target: str) -> Statement:
    """Keys already stored for one endpoint pair (see ``node_ids``)."""
    text = f"MATCH (:{source})-[r:{rel_type}]->(:{target}) RETURN r.key AS key"
    return Statement(f"relation_keys.{rel_type}.{source}.{target}", text)


COUNT_NODES = Statement("count_nodes", "MATCH (n) RETURN n.label AS label, count(n) AS count")
COUNT_RELATIONS = Statement(
    "count_relations", "MATCH ()-[r]->() RETURN r.predicate AS type, count(r) AS count"
)
DOCUMENT_HASHES = Statement(
    "document_hashes", "MATCH (d:Document) RETURN d.id AS id, d.sha256 AS sha256"
)
BASELINE_COUNT = Statement("baseline_count", "MATCH (n) RETURN count(n) AS count")


def all_statements() -> list[Statement]:
    """Every statement the package can send, for the Cypher lint test."""
    found = [COUNT_NODES, COUNT_RELATIONS, DOCUMENT_HASHES, BASELINE_COUNT]
    for label in node_labels():
        found += [merge_nodes(label), delete_nodes(label), read_nodes(label), node_ids(label)]
        if label != "Document":
            found += [entity_names(label), entity_by_name(label)]
    for rel_type in RelationType:
        found += [delete_relations(rel_type.value), read_relations(rel_type.value)]
        for s, t in relation_endpoints(rel_type):
            found += [merge_relations(rel_type.value, s, t), relation_keys(rel_type.value, s, t)]
    return found


@cache
def entity_names(label: str) -> Statement:
    text = (
        f"MATCH (n:{label}) RETURN n.id AS id, n.label AS label, n.name AS name, n.lookup AS lookup"
    )
    return Statement(f"entity_names.{label}", text)


@cache
def entity_by_name(label: str) -> Statement:
    """Entities of a label whose id is ``$id`` or that are called ``$key`` (a lookup key):
    most names people type resolve here, without shipping every name to Python."""
    text = (
        f"MATCH (n:{label}) WHERE n.id = $id OR $key IN n.lookup"
        " RETURN n.id AS id, n.label AS label, n.name AS name, n.lookup AS lookup"
    )
    return Statement(f"entity_by_name.{label}", text, {"id": "country:japan", "key": "japan"})


# Node properties computed by `reegraph analyze` (see reegraph.analytics.report).
SCORE_COLUMNS: dict[str, str] = {
    "pagerank": "DOUBLE",
    "betweenness": "DOUBLE",
    "community": "INT64",
    "hhi": "DOUBLE",
    "top_share": "DOUBLE",
    "criticality": "DOUBLE",
}


@cache
def set_entity_scores(label: str, dialect: Dialect = "neo4j") -> Statement:
    """Overwrite the analysis scores of existing entities (null clears a stale score)."""
    sets = _set_clause("n", SCORE_COLUMNS, dialect)
    text = f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) SET {sets}"
    return Statement(f"set_entity_scores.{label}", text, {"rows": [{"id": "x"}]})


# -- EMBEDDED_ONLY ---------------------------------------------------------------
# The embedded engine's bulk loader: `COPY ... FROM` a parquet file is LadybugDB
# syntax that Neo4j does not have, so these are kept out of `all_statements()` (which
# the test suite lints against Neo4j's front end); tests/test_neo4j_load_resume.py
# runs every one on a real database file instead. COPY appends without matching, so
# it only ever receives rows that are not stored yet.
#
# COPY takes a file only as a literal path (a string parameter is refused), so the
# path of the loader's own temporary file is the one value written into the text.
# (Copying from an Arrow table parameter works too, but measured 20-40% slower.)


def _file_literal(path: Path) -> str:
    text = path.as_posix()
    if "'" in text or "\\" in text:
        raise ValueError(f"unsafe path for COPY: {text!r}")
    return f"'{text}'"


def copy_nodes(label: str, path: Path) -> Statement:
    """Append nodes from parquet whose columns are ``columns_for(label)`` in order."""
    return Statement(f"copy_nodes.{label}", f"COPY {label} FROM {_file_literal(path)}")


def copy_relations(rel_type: str, source: str, target: str, path: Path) -> Statement:
    """Append relationships; columns: source id, target id, then RELATION_COLUMNS."""
    text = f"COPY {rel_type} FROM {_file_literal(path)} (from='{source}', to='{target}')"
    return Statement(f"copy_relations.{rel_type}.{source}.{target}", text)


def embedded_only_statements(path: Path = Path("rows.parquet")) -> list[Statement]:
    """Every EMBEDDED_ONLY statement (reading ``path``), for the tests that run them."""
    found = [copy_nodes(label, path) for label in node_labels()]
    for rel_type in RelationType:
        found += [
            copy_relations(rel_type.value, s, t, path) for s, t in relation_endpoints(rel_type)
        ]
    return found
