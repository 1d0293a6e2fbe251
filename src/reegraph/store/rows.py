"""Conversions between model objects and flat property rows, for every backend.

Loading turns hundreds of thousands of objects into rows, so the row builders read
fields through getters prepared once per model (no ``model_dump()``, no per-row
dict copies); a test checks they agree with ``model_dump()``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from operator import itemgetter
from typing import Any

from reegraph.model import (
    DOCUMENT_LABEL,
    RELATIONS,
    Document,
    Entity,
    EntityProperties,
    Evidence,
    Relation,
    RelationProperties,
    claim_key,
)
from reegraph.store.schema import ENDPOINT_COLUMNS, ENTITY_BASE_COLUMNS, EVIDENCE_COLUMNS

Row = dict[str, Any]
Getter = Callable[[Any], tuple[Any, ...]]


def _getter(names: tuple[str, ...]) -> Getter:
    """Fields of a model object as one tuple, read from its ``__dict__`` (where pydantic
    keeps every field): cheaper than attribute lookups, far cheaper than model_dump."""
    if not names:
        return lambda _: ()
    if len(names) == 1:
        one = names[0]
        return lambda obj: (vars(obj)[one],)
    fields = itemgetter(*names)
    return lambda obj: fields(vars(obj))


_ENTITY_PROPERTIES = tuple(EntityProperties.model_fields)
_RELATION_PROPERTIES = tuple(RelationProperties.model_fields)
_DOCUMENT_FIELDS = tuple(f for f in Document.model_fields if f != "id")

# Row keys in the order the builders produce values; the same names as the schema's
# columns (plus source and target on relations: the endpoints a write matches on).
ENTITY_ROW_KEYS = (*ENTITY_BASE_COLUMNS, *_ENTITY_PROPERTIES)
DOCUMENT_ROW_KEYS = ("id", "label", "name", *_DOCUMENT_FIELDS)
RELATION_ROW_KEYS = (
    "key",
    "predicate",
    *_RELATION_PROPERTIES,
    *EVIDENCE_COLUMNS,
    *ENDPOINT_COLUMNS,
    "source",
    "target",
)
# An endpoint as a relationship row copies it: (name, label) by id.
Endpoints = Mapping[str, tuple[str, str]]

_entity_properties = _getter(_ENTITY_PROPERTIES)
_relation_properties = _getter(_RELATION_PROPERTIES)
_document_fields = _getter(_DOCUMENT_FIELDS)
_evidence_fields = _getter(("document", "sentence", "start", "end", "rule"))
_IDENTITY: dict[str, Getter] = {t.value: _getter(spec.identity) for t, spec in RELATIONS.items()}
# A load computes each key once, so claim_key's cache would only miss and evict.
_claim_key: Callable[[str, str, str, tuple[Any, ...]], str] = getattr(
    claim_key, "__wrapped__", claim_key
)


# Labels and types are StrEnums: ``str()`` gives the value without the slow ``.value``
# descriptor, and hashing the plain string skips Enum's Python-level ``__hash__``.
def entity_row(entity: Entity) -> Row:
    name, aliases = entity.name, entity.aliases
    values = (
        entity.id,
        str(entity.label),
        name,
        aliases,
        entity.lookup,
        " | ".join([name, *aliases]),
        entity.origin,
        *_entity_properties(entity.properties),
    )
    return dict(zip(ENTITY_ROW_KEYS, values, strict=True))


def document_row(document: Document) -> Row:
    values = (document.id, DOCUMENT_LABEL, document.title, *_document_fields(document))
    return dict(zip(DOCUMENT_ROW_KEYS, values, strict=True))


def relation_key(relation: Relation) -> str:
    """``Relation.key``, computed without going through the key cache."""
    rel_type = str(relation.type)
    ident = _IDENTITY[rel_type](relation.properties)
    return _claim_key(rel_type, relation.source, relation.target, ident)


def _evidence_columns(evidence: list[Evidence]) -> tuple[list[Any], ...]:
    if len(evidence) == 1:  # the usual case: no transposition needed
        document, sentence, start, end, rule = _evidence_fields(evidence[0])
        return [document], [sentence], [start], [end], [rule]
    columns = tuple(map(list, zip(*map(_evidence_fields, evidence), strict=True)))
    return columns or tuple([] for _ in EVIDENCE_COLUMNS)


def endpoints(entities: list[Entity], documents: list[Document]) -> dict[str, tuple[str, str]]:
    """What a relationship row copies of its endpoints, for every node of a bundle."""
    ends = {e.id: (e.name, str(e.label)) for e in entities}
    ends.update((d.id, (d.title, DOCUMENT_LABEL)) for d in documents)
    return ends


def relation_row(relation: Relation, ends: Endpoints) -> Row:
    source, target = relation.source, relation.target
    (source_name, source_label), (target_name, target_label) = ends[source], ends[target]
    values = (
        relation_key(relation),
        str(relation.type),
        *_relation_properties(relation.properties),
        *_evidence_columns(relation.evidence),
        source,
        source_name,
        source_label,
        target,
        target_name,
        target_label,
        source,
        target,
    )
    return dict(zip(RELATION_ROW_KEYS, values, strict=True))


def _fields(model: type[Any], row: Row) -> Row:
    return {k: row[k] for k in model.model_fields if row.get(k) is not None}


def entity_from_row(row: Row) -> Entity:
    return Entity(
        id=row["id"],
        label=row["label"],
        name=row["name"],
        aliases=list(row.get("aliases") or []),
        properties=EntityProperties(**_fields(EntityProperties, row)),
        origin=row.get("origin") or "text",
    )


def document_from_row(row: Row) -> Document:
    return Document(**_fields(Document, row))


def relation_from_row(row: Row) -> Relation:
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
