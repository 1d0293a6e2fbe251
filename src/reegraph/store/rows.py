"""Conversions between model objects and flat property rows, for every backend."""

from __future__ import annotations

from typing import Any

from reegraph.model import (
    DOCUMENT_LABEL,
    Document,
    Entity,
    EntityProperties,
    Evidence,
    Relation,
    RelationProperties,
)
from reegraph.store.schema import DOCUMENT_COLUMNS, ENTITY_COLUMNS, RELATION_COLUMNS


def entity_row(entity: Entity) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": entity.id,
        "label": entity.label.value,
        "name": entity.name,
        "aliases": entity.aliases,
        "lookup": entity.lookup,
        "names_text": " | ".join([entity.name, *entity.aliases]),
        "origin": entity.origin,
    }
    row.update(vars(entity.properties))  # flat scalars: no need for model_dump's walk
    return {c: row.get(c) for c in ENTITY_COLUMNS}


def document_row(document: Document) -> dict[str, Any]:
    row: dict[str, Any] = document.model_dump()
    row.update(label=DOCUMENT_LABEL, name=document.title)
    return {c: row.get(c) for c in DOCUMENT_COLUMNS}


def relation_row(relation: Relation) -> dict[str, Any]:
    row: dict[str, Any] = dict(vars(relation.properties))
    row.update(
        key=relation.key,
        predicate=relation.type.value,
        documents=[e.document for e in relation.evidence],
        sentences=[e.sentence for e in relation.evidence],
        char_starts=[e.start for e in relation.evidence],
        char_ends=[e.end for e in relation.evidence],
        rules=[e.rule for e in relation.evidence],
    )
    out = {c: row.get(c) for c in RELATION_COLUMNS}
    out.update(source=relation.source, target=relation.target)
    return out


def _fields(model: type[Any], row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in model.model_fields if row.get(k) is not None}


def entity_from_row(row: dict[str, Any]) -> Entity:
    return Entity(
        id=row["id"],
        label=row["label"],
        name=row["name"],
        aliases=list(row.get("aliases") or []),
        properties=EntityProperties(**_fields(EntityProperties, row)),
        origin=row.get("origin") or "text",
    )


def document_from_row(row: dict[str, Any]) -> Document:
    return Document(**_fields(Document, row))


def relation_from_row(row: dict[str, Any]) -> Relation:
    evidence = [
        Evidence(document=d, sentence=s, start=a, end=b, rule=r)
        for d, s, a, b, r in zip(
            row["documents"] or [],
            row["sentences"] or [],
            row["char_starts"] or [],
            row["char_ends"] or [],
            row["rules"] or [],
            strict=True,
        )
    ]
    return Relation(
        type=row["predicate"],
        source=row["source"],
        target=row["target"],
        properties=RelationProperties(**_fields(RelationProperties, row)),
        evidence=evidence,
    )
