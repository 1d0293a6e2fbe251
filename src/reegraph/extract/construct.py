"""Relation and entity models built from known values without validating each again.

A chunk of 64 documents yields thousands of relations and evidence records; running
pydantic's validators over each (a Python call per evidence record for its offsets, one
per relation to sort its evidence) cost about a sixth of extraction. The values are
known here: ids, offsets and rule names come from the extractor itself. What may still
be wrong is checked where it can be: relation and entity properties are validated by
pydantic once per distinct set of values, evidence offsets are checked inline, and the
bundle validator still checks every entity and every relation's ends (see
``assemble.bundle``); a registry record already keeps its aliases in the entity's form.

Equal values are shared: relations with the same properties get the same
``RelationProperties`` instance (entities likewise), and equal evidence records of one
bundle the same
``Evidence`` (half of them repeat: the entities of a sentence share its MENTIONS
evidence). Models are treated as values throughout (changes go through
``model_copy``), as pydantic itself shares an instance given to two models.
``tests/test_extract_construct.py`` checks that the result equals what validation builds.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel

from reegraph.extract.emit import Draft, EvidenceKey
from reegraph.extract.resolve import Record
from reegraph.model import Entity, EntityProperties, Evidence, Relation, RelationProperties

M = TypeVar("M", bound=BaseModel)
_set = object.__setattr__
# Every field is set, so each model of a class gets the same set: pydantic only ever adds
# a field's name to it (on assignment), which it already holds (a copy copies it).
_EVIDENCE_FIELDS = set(Evidence.model_fields)
_RELATION_FIELDS = set(Relation.model_fields)
_ENTITY_FIELDS = set(Entity.model_fields)
_CACHE_LIMIT = 1 << 12  # distinct property sets kept (amounts and dates vary)


def _new(cls: type[M], values: dict[str, Any], fields_set: set[str]) -> M:
    """What ``cls.model_construct`` makes, without its per-field default and alias
    lookups (``values`` holds every field, in declaration order; ``fields_set`` is
    the set of all of them, shared)."""
    obj = cls.__new__(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", fields_set)
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


P = TypeVar("P", RelationProperties, EntityProperties)


def _validated(cls: type[P], props: dict[str, Any], cache: dict[tuple[Any, ...], P]) -> P:
    """``cls.model_validate(props)``, once per distinct set of values."""
    # Values that compare equal validate alike (1, 1.0 and True all become 1.0 in a float
    # field, 1 in an int field, True in a bool one), so the items alone are the key.
    key = tuple(props.items())
    found = cache.get(key)
    if found is None:
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        found = cache[key] = cls.model_validate(props)
    return found


class RelationBuilder:
    """Drafts -> :class:`~reegraph.model.Relation` models, registry records ->
    :class:`~reegraph.model.Entity` models; one per extractor."""

    def __init__(self) -> None:
        self._props: dict[tuple[Any, ...], RelationProperties] = {}
        self._entity_props: dict[tuple[Any, ...], EntityProperties] = {}

    def properties(self, props: dict[str, Any]) -> RelationProperties:
        """The validated properties (shared by every relation with the same values)."""
        return _validated(RelationProperties, props, self._props)

    def entity(self, record: Record) -> Entity:
        """What ``record.entity()`` validates into (later merges into the record do not
        change it)."""
        values = {
            "id": record.id,
            "label": record.label,
            "name": record.name,
            "aliases": list(record.aliases),
            "properties": _validated(EntityProperties, record.props, self._entity_props),
            "origin": record.origin,
        }
        return _new(Entity, values, _ENTITY_FIELDS)

    def relations(self, drafts: Iterable[Draft]) -> list[Relation]:
        """One relation per draft, equal evidence records shared among them."""
        seen: dict[tuple[EvidenceKey, tuple[str, str]], Evidence] = {}
        out = []
        for d in drafts:
            evidence = []
            items = d.evidence.items()
            # By (document, start, end), as Relation keeps them (most drafts have one).
            for item in sorted(items) if len(items) > 1 else items:
                ev = seen.get(item)
                if ev is None:
                    (document, start, end), (sentence, rule) = item
                    if not 0 <= start <= end:
                        raise ValueError(f"evidence offsets {start}..{end} out of order ({rule})")
                    values = {
                        "document": document,
                        "sentence": sentence,
                        "start": start,
                        "end": end,
                        "rule": rule,
                    }
                    ev = seen[item] = _new(Evidence, values, _EVIDENCE_FIELDS)
                evidence.append(ev)
            if not evidence:
                raise ValueError(f"{d.type} {d.source} -> {d.target} has no evidence")
            values = {
                "type": d.type,
                "source": d.source,
                "target": d.target,
                "properties": self.properties(d.props),
                "evidence": evidence,
            }
            out.append(_new(Relation, values, _RELATION_FIELDS))
        return out
