"""Entity resolution: mentions -> stable entity ids, within and across documents.

Lexicon entries keep their lexicon name; open-world names take their fullest form.
Surnames merge into full names (same document first, then other documents and
entities already in the store); acronyms merge into their definitions.

The registry outlives every document of a stream, so it keeps one compact record per
entity (slots, only the properties that are set) and builds the pydantic
:class:`~reegraph.model.Entity` only when a bundle needs it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from reegraph.extract import labels as L
from reegraph.extract.mentions import Mention
from reegraph.extract.openworld.words import GENERIC, HEAD_TITLES
from reegraph.model import Entity, EntityProperties, Label, SourceKind, entity_id, lookup_key

# Names recur across a corpus: normalise each spelling once. The caches are small on
# purpose: what recurs recurs soon (within a document or a chunk), and a stream of new
# names must not grow memory without bound.
cached_key = lru_cache(maxsize=1 << 13)(lookup_key)
cached_id = lru_cache(maxsize=1 << 13)(entity_id)
Props = Mapping[str, Any] | EntityProperties
_FIELDS = frozenset(EntityProperties.model_fields)
_HEAD_ROLES = frozenset(HEAD_TITLES.values())


def _items(props: Props) -> Iterable[tuple[str, Any]]:
    if isinstance(props, EntityProperties):
        return ((f, getattr(props, f)) for f in EntityProperties.model_fields)
    return props.items()


class Record:
    """What the registry keeps of one entity; ``entity()`` is its pydantic form."""

    __slots__ = ("aliases", "id", "label", "name", "order", "origin", "props")

    def __init__(
        self,
        label: Label,
        name: str,
        aliases: Iterable[str] = (),
        props: Props | None = None,
        origin: SourceKind = "text",
        id: str = "",
    ) -> None:
        if not name:
            raise ValueError("an entity needs a name")
        self.id = id or cached_id(label, name)
        self.label = label
        self.name = name
        # Sorted, without the name itself: the form Entity keeps them in.
        self.aliases: tuple[str, ...] = tuple(sorted({a for a in aliases if a and a != name}))
        self.props: dict[str, Any] = {k: v for k, v in _items(props or {}) if v is not None}
        if not _FIELDS.issuperset(self.props):
            raise ValueError(f"unknown entity properties: {sorted(set(self.props) - _FIELDS)}")
        self.origin = origin
        self.order = 0  # registration number (set by the registry)

    @classmethod
    def of(cls, entity: Entity) -> Record:
        return cls(
            entity.label, entity.name, entity.aliases, entity.properties, entity.origin, entity.id
        )

    def lookup(self) -> set[str]:
        """Every normalised name the entity answers to (see ``Entity.lookup``)."""
        keys = {cached_key(self.name), cached_key(self.id.split(":", 1)[1])}
        keys.update(cached_key(a) for a in self.aliases)
        if symbol := self.props.get("symbol"):
            keys.add(cached_key(symbol))
        keys.discard("")
        return keys

    def entity(self) -> Entity:
        """A fresh pydantic Entity: later merges into the record do not change it."""
        return Entity.model_validate(
            {
                "id": self.id,
                "label": self.label,
                "name": self.name,
                "aliases": list(self.aliases),
                "properties": self.props,
                "origin": self.origin,
            }
        )


class Registry:
    """Every entity seen so far (known ones first), with the keys that find them."""

    def __init__(self, known: Iterable[Entity] = ()) -> None:
        self.entities: dict[str, Record] = {}
        self.known: set[str] = set()
        self.keys: dict[Label, dict[str, str]] = {label: {} for label in Label}
        # Name key of a first or last name -> the people it may mean (tuples: most keys
        # mean one person, and a registry of a long stream holds many).
        self.surnames: dict[str, tuple[str, ...]] = {}
        # Kept up to date as entities arrive, so no step has to scan the whole registry.
        self.labels: dict[str, Label] = {}  # entity id -> label
        self.by_label: dict[Label, list[str]] = {label: [] for label in Label}
        self._leaders: dict[str, str] = {}
        self._changed: set[str] = set()  # people whose role or country may have changed
        # Answers of ensure() for mentions (see _Ensured).
        self.ensured: dict[tuple[Any, ...], Record] = {}
        for entity in known:
            self.register(Record.of(entity))
            self.known.add(entity.id)

    def register(self, record: Record) -> Record:
        current = self.entities.setdefault(record.id, record)
        if current is not record:
            self.merge_into(current, record.aliases, record.props)
        else:
            record.order = len(self.labels)
            self.labels[record.id] = record.label
            self.by_label[record.label].append(record.id)
        keys = self.keys[current.label]
        for key in current.lookup():
            keys.setdefault(key, current.id)
        if current.label is L.PERSON:
            self._changed.add(current.id)
            words = current.name.split()
            if len(words) >= 2:
                for w in (words[-1], words[0]):
                    key = cached_key(w)
                    people = self.surnames.get(key, ())
                    if current.id not in people:
                        self.surnames[key] = (*people, current.id)
        return current

    def find(self, label: Label, name: str) -> str | None:
        return self.keys[label].get(cached_key(name))

    def merge_into(self, entity: Record, aliases: Iterable[str], props: Props) -> None:
        known = entity.aliases
        new = {a for a in aliases if a and a != entity.name and a not in known}
        if new:
            entity.aliases = tuple(sorted({*known, *new}))
            keys = self.keys[entity.label]
            for a in new:
                keys.setdefault(cached_key(a), entity.id)
        current = entity.props  # holds only values that are set
        for field, value in props.items() if isinstance(props, dict) else _items(props):
            if value is not None and field not in current:
                if field not in _FIELDS:
                    raise ValueError(f"unknown entity property: {field}")
                current[field] = value
                self.touched(entity)

    def touched(self, entity: Record) -> None:
        """Note that a person's role or country may have changed (see ``leaders``)."""
        if entity.label is L.PERSON:
            self._changed.add(entity.id)

    def leaders(self) -> dict[str, str]:
        """Heads of state or government with their country: person id -> country id,
        in registration order (rules that look a leader up by country take the first)."""
        if not self._changed:
            return self._leaders
        leaders = dict(self._leaders)
        for eid in self._changed:
            props = self.entities[eid].props
            if props.get("country") and props.get("role") in _HEAD_ROLES:
                leaders[eid] = props["country"]
            else:
                leaders.pop(eid, None)
        self._changed.clear()
        # A fresh dict: callers of the previous chunk keep the view they were given.
        entities = self.entities
        self._leaders = {i: leaders[i] for i in sorted(leaders, key=lambda i: entities[i].order)}
        return self._leaders

    def ensure(
        self,
        label: Label,
        name: str,
        aliases: Iterable[str] = (),
        props: Props | None = None,
        origin: SourceKind = "text",
    ) -> Record:
        found = self.find(label, name) or self.find(label, cached_id(label, name).split(":", 1)[1])
        if label is L.ORGANIZATION and (stem := legal_stem(name)):
            # "Foo Bar Ltd" and "Foo Bar" are one company, whichever came first.
            found = found or self.find(label, stem)
            aliases = [*aliases, stem]
        if found:
            entity = self.entities[found]
            self.merge_into(entity, aliases, props or {})
            return entity
        return self.register(Record(label, name, aliases, props, origin))

    def ordered(self, ids: Iterable[str]) -> list[Record]:
        """The records of ``ids`` in registration order."""
        return sorted((self.entities[i] for i in ids), key=lambda r: r.order)


# Legal forms that may be left off a company's name ("Foo Bar Ltd" -> "Foo Bar").
_LEGAL_FORMS = frozenset((
    "Ltd", "Ltd.", "Limited", "Inc", "Inc.", "Corp", "Corp.", "Corporation", "PLC", "plc", "LLC",
    "AG", "SA", "S.A.", "NV", "N.V.", "GmbH", "Co", "Co.", "Co.,", "Pty", "Pty.",
))  # fmt: skip


@lru_cache(maxsize=1 << 12)
def legal_stem(name: str) -> str | None:
    """A company name without its legal form, when what is left still names it."""
    words = name.split()
    if len(words) < 2 or words[-1] not in _LEGAL_FORMS:
        return None
    while words and words[-1] in _LEGAL_FORMS:
        words.pop()
    if not words or (len(words) == 1 and (words[0] in GENERIC or len(words[0]) < 3)):
        return None
    return " ".join(words).rstrip(",")


def _props(m: Mention) -> dict[str, Any]:
    p = {
        "kind": m.kind,
        "role": m.role if m.label is L.PERSON else None,
        "country": m.country if m.label is not L.COUNTRY else None,
    }
    if m.entry is not None and m.entry.symbol:
        p["symbol"] = m.entry.symbol
    return p


class _Ensured:
    """``Registry.ensure`` for mentions. Asking again for the same name, surface and
    properties changes nothing (the first call merged them, and a registry never drops
    or replaces a record), so the answer is remembered in the registry, across
    documents: a document names the same few entities over and over, and a stream the
    same countries and minerals."""

    LIMIT = 1 << 14  # remembered answers (a stream of new names must not grow it forever)

    def __init__(self, reg: Registry) -> None:
        self.reg = reg
        self.seen = reg.ensured

    def __call__(self, m: Mention, name: str, surface: str | None) -> Record:
        symbol = m.entry.symbol if m.entry is not None else None
        key = (m.label, name, surface, m.kind, m.role, m.country, symbol)
        if (found := self.seen.get(key)) is None:
            if len(self.seen) >= self.LIMIT:
                self.seen.clear()
            aliases = [surface] if surface is not None else []
            found = self.seen[key] = self.reg.ensure(m.label, name, aliases, _props(m))
        return found


def resolve_document(text: str, mentions: list[Mention], reg: Registry) -> None:
    """Give every mention of one document its entity id (``mention.entity``)."""
    # Full names before short ones, so surnames find the full form first.
    order = sorted(
        mentions,
        key=lambda m: (m.entry is None, m.sense == "acronym", -len(m.name.split()), m.start),
    )
    ensure = _Ensured(reg)
    doc_people: dict[str, str] = {}
    for m in order:
        surface = text[m.start : m.end]
        if m.entry is not None:
            entity = ensure(m, m.entry.name, surface)
        elif m.sense == "acronym" and m.long_form:
            entity = ensure(m, m.long_form, surface)
        elif m.label is L.PERSON and len(m.name.split()) == 1:
            key = cached_key(m.name)
            cands = (doc_people[key],) if key in doc_people else reg.surnames.get(key, ())
            if len(cands) == 1:
                entity = reg.entities[cands[0]]
                reg.merge_into(entity, [surface], _props(m))
            else:
                entity = ensure(m, m.name, None)
        else:
            entity = ensure(m, m.name, surface)
        props = entity.props
        if entity.label is L.PERSON:
            words = entity.name.split()
            for w in {words[0], words[-1]} if len(words) > 1 else set():
                doc_people.setdefault(cached_key(w), entity.id)
            if m.role and (m.head or props.get("role") is None):
                props["role"] = m.role
                reg.touched(entity)
        if m.country and entity.label is not L.COUNTRY and props.get("country") is None:
            props["country"] = m.country
            reg.touched(entity)
        m.entity = entity.id
