"""Store columns derived from the model: one place that maps pydantic fields to graph properties.

Every entity table has the same columns, so a canned query can read ``n.date`` on
any node in both Neo4j and the embedded engine (which types its tables).
"""

from __future__ import annotations

import types
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from reegraph.model import (
    DOCUMENT_LABEL,
    Document,
    EntityProperties,
    Label,
    RelationProperties,
    RelationType,
    node_labels,
    relation_endpoints,
)

# Column name -> embedded (LadybugDB) type. Python types map to the engine's names.
_PY_TO_DB = {str: "STRING", float: "DOUBLE", int: "INT64", bool: "BOOLEAN"}


def _db_type(annotation: Any) -> str:
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        return _db_type(inner[0])
    if origin is Literal:
        return "STRING"
    return _PY_TO_DB[annotation]


def _columns(model: type[BaseModel], skip: frozenset[str] = frozenset()) -> dict[str, str]:
    return {
        name: _db_type(field.annotation)
        for name, field in model.model_fields.items()
        if name not in skip
    }


# Columns every entity node has; `lookup` holds normalised names for matching,
# `names_text` joins name and aliases for Neo4j's full-text index.
ENTITY_BASE_COLUMNS: dict[str, str] = {
    "id": "STRING",
    "label": "STRING",
    "name": "STRING",
    "aliases": "STRING[]",
    "lookup": "STRING[]",
    "names_text": "STRING",
    "origin": "STRING",
}
ENTITY_COLUMNS: dict[str, str] = ENTITY_BASE_COLUMNS | _columns(EntityProperties)
DOCUMENT_COLUMNS: dict[str, str] = {"id": "STRING", "label": "STRING", "name": "STRING"} | _columns(
    Document, skip=frozenset({"id"})
)
# Evidence travels as parallel lists on the relationship: Neo4j Browser shows them as
# lists, and both engines read them without list comprehensions.
EVIDENCE_COLUMNS: dict[str, str] = {
    "documents": "STRING[]",
    "sentences": "STRING[]",
    "char_starts": "INT64[]",
    "char_ends": "INT64[]",
    "rules": "STRING[]",
}
# Each relationship also carries its endpoints' id, name and label. The embedded engine
# reads a neighbour's properties by scanning the neighbour's tables and hash-joining,
# however few neighbours there are (10-20 ms a hop into people or organisations at 100k
# entities); read off the relationship, a canned query answers from the relationship
# alone (`sources` for a hub: 33 -> 14 ms and 66 -> 22 ms per direction). The writer
# derives them from the bundle, so they change with the entity they copy.
ENDPOINT_COLUMNS: dict[str, str] = {
    f"{end}_{part}": "STRING" for end in ("source", "target") for part in ("id", "name", "label")
}
RELATION_COLUMNS: dict[str, str] = (
    {"key": "STRING", "predicate": "STRING"}
    | _columns(RelationProperties)
    | EVIDENCE_COLUMNS
    | ENDPOINT_COLUMNS
)


def columns_for(label: str) -> dict[str, str]:
    return DOCUMENT_COLUMNS if label == DOCUMENT_LABEL else ENTITY_COLUMNS


def embedded_ddl() -> list[str]:
    """CREATE statements for the embedded engine, generated from the model."""
    statements = []
    for label in node_labels():
        cols = ", ".join(
            f"{name} {kind}{' PRIMARY KEY' if name == 'id' else ''}"
            for name, kind in columns_for(label).items()
        )
        statements.append(f"CREATE NODE TABLE IF NOT EXISTS {label}({cols})")
    rel_cols = ", ".join(f"{name} {kind}" for name, kind in RELATION_COLUMNS.items())
    for rel_type in RelationType:
        pairs = ", ".join(f"FROM {s} TO {t}" for s, t in relation_endpoints(rel_type))
        statements.append(f"CREATE REL TABLE IF NOT EXISTS {rel_type.value}({pairs}, {rel_cols})")
    return statements


def neo4j_schema() -> list[str]:
    """Constraints and indexes for Neo4j, generated from the model."""
    statements = []
    for label in node_labels():
        low = label.lower()
        statements.append(
            f"CREATE CONSTRAINT {low}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
        )
        statements.append(f"CREATE INDEX {low}_name IF NOT EXISTS FOR (n:{label}) ON (n.name)")
    for rel_type in RelationType:
        low = rel_type.value.lower()
        statements.append(
            f"CREATE INDEX {low}_key IF NOT EXISTS FOR ()-[r:{rel_type.value}]-() ON (r.key)"
        )
    entity_labels = "|".join(label.value for label in Label)
    statements.append(
        "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS "
        f"FOR (n:{entity_labels}) ON EACH [n.name, n.names_text]"
    )
    return statements


def render_schema_cypher() -> str:
    """Text of ``cypher/schema.cypher`` (checked in; a test fails when it drifts)."""
    header = (
        "// name: schema\n"
        "// description: Neo4j constraints and indexes, generated from reegraph's model.\n"
        "// Regenerate with `reegraph schema --write`; do not edit by hand.\n"
    )
    return header + "".join(f"{s};\n" for s in neo4j_schema())
