"""Entity resolution: mentions -> stable entity ids, within and across documents.

Lexicon entries keep their lexicon name; open-world names take their fullest form.
Surnames merge into full names (same document first, then other documents and
entities already in the store); acronyms merge into their definitions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from reegraph.extract.mentions import Mention
from reegraph.model import Entity, EntityProperties, Label, entity_id, lookup_key

# Names recur across a corpus: normalise each spelling once.
cached_key = lru_cache(maxsize=1 << 16)(lookup_key)
cached_id = lru_cache(maxsize=1 << 16)(entity_id)
Props = Mapping[str, Any] | EntityProperties


def _items(props: Props) -> Iterable[tuple[str, Any]]:
    if isinstance(props, EntityProperties):
        return ((f, getattr(props, f)) for f in EntityProperties.model_fields)
    return props.items()


class Registry:
    """Every entity seen so far (known ones first), with the keys that find them."""

    def __init__(self, known: Iterable[Entity] = ()) -> None:
        self.entities: dict[str, Entity] = {}
        self.known: set[str] = set()
        self.keys: dict[tuple[Label, str], str] = {}
        self.surnames: dict[str, set[str]] = {}
        for entity in known:
            self.register(entity)
            self.known.add(entity.id)

    def register(self, entity: Entity) -> Entity:
        current = self.entities.setdefault(entity.id, entity)
        if current is not entity:
            self.merge_into(current, entity.aliases, entity.properties)
        for key in current.lookup:
            self.keys.setdefault((current.label, key), current.id)
        if current.label is Label.PERSON:
            words = current.name.split()
            if len(words) >= 2:
                for w in (words[-1], words[0]):
                    self.surnames.setdefault(cached_key(w), set()).add(current.id)
        return current

    def find(self, label: Label, name: str) -> str | None:
        return self.keys.get((label, cached_key(name)))

    def merge_into(self, entity: Entity, aliases: Iterable[str], props: Props) -> None:
        new = {a for a in aliases if a and a != entity.name}
        if new and not new.issubset(entity.aliases):
            new -= set(entity.aliases)
            entity.aliases = sorted({*entity.aliases, *new})
            for a in new:
                self.keys.setdefault((entity.label, cached_key(a)), entity.id)
        current = entity.properties
        for field, value in _items(props):
            if value is not None and getattr(current, field) is None:
                setattr(current, field, value)

    def ensure(
        self,
        label: Label,
        name: str,
        aliases: Iterable[str] = (),
        props: Props | None = None,
        origin: str = "text",
    ) -> Entity:
        found = self.find(label, name) or self.find(label, cached_id(label, name).split(":", 1)[1])
        if found:
            entity = self.entities[found]
            self.merge_into(entity, aliases, props or {})
            return entity
        if not isinstance(props, EntityProperties):
            props = EntityProperties(**dict(props or {}))
        entity = Entity(
            label=label, name=name, aliases=list(aliases), properties=props, origin=origin
        )
        return self.register(entity)


def _props(m: Mention) -> dict[str, Any]:
    p = {
        "kind": m.kind,
        "role": m.role if m.label is Label.PERSON else None,
        "country": m.country if m.label is not Label.COUNTRY else None,
    }
    if m.entry is not None and m.entry.symbol:
        p["symbol"] = m.entry.symbol
    return p


def resolve_document(text: str, mentions: list[Mention], reg: Registry) -> None:
    """Give every mention of one document its entity id (``mention.entity``)."""
    # Full names before short ones, so surnames find the full form first.
    order = sorted(
        mentions,
        key=lambda m: (m.entry is None, m.sense == "acronym", -len(m.name.split()), m.start),
    )
    doc_people: dict[str, str] = {}
    for m in order:
        surface = text[m.start : m.end]
        if m.entry is not None:
            entity = reg.ensure(m.label, m.entry.name, [surface], _props(m), "text")
        elif m.sense == "acronym" and m.long_form:
            entity = reg.ensure(m.label, m.long_form, [surface], _props(m))
        elif m.label is Label.PERSON and len(m.name.split()) == 1:
            key = cached_key(m.name)
            cands = {doc_people[key]} if key in doc_people else reg.surnames.get(key, set())
            if len(cands) == 1:
                entity = reg.entities[next(iter(cands))]
                reg.merge_into(entity, [surface], _props(m))
            else:
                entity = reg.ensure(m.label, m.name, [], _props(m))
        else:
            entity = reg.ensure(m.label, m.name, [surface], _props(m))
        if entity.label is Label.PERSON:
            words = entity.name.split()
            for w in {words[0], words[-1]} if len(words) > 1 else set():
                doc_people.setdefault(cached_key(w), entity.id)
        if m.role and entity.label is Label.PERSON and (m.head or entity.properties.role is None):
            entity.properties.role = m.role
        if m.country and entity.label is not Label.COUNTRY and entity.properties.country is None:
            entity.properties.country = m.country
        m.entity = entity.id
