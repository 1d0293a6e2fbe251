"""The graph model: the one source of labels, relation types, properties and keys.

Everything else derives from this module: the embedded database's DDL, Neo4j's
constraints (``cypher/schema.cypher``), the JSON/GraphML exports, the views and
the checks that every canned query only names labels and types known here.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from enum import StrEnum
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = 1


class Label(StrEnum):
    """Closed set of entity labels."""

    COUNTRY = "Country"
    REGION = "Region"
    PERSON = "Person"
    ORGANIZATION = "Organization"
    MINERAL = "Mineral"
    COMMODITY = "Commodity"
    SECTOR = "Sector"
    AGREEMENT = "Agreement"
    EVENT = "Event"
    PLACE = "Place"


_LABELS_BY_PREFIX: dict[str, Label] = {label.lower(): label for label in Label}


# Documents are nodes too, but not entities: they carry text, not names.
DOCUMENT_LABEL = "Document"

ACTORS = frozenset({Label.COUNTRY, Label.REGION, Label.PERSON, Label.ORGANIZATION})
STATES = frozenset({Label.COUNTRY, Label.REGION, Label.ORGANIZATION})
GOODS = frozenset({Label.MINERAL, Label.COMMODITY})
LOCATIONS = frozenset({Label.COUNTRY, Label.REGION, Label.PLACE})
ALL_LABELS = frozenset(Label)


class RelationType(StrEnum):
    """Closed set of relationship types (the analyst's vocabulary)."""

    LEADS = "LEADS"
    AFFILIATED_WITH = "AFFILIATED_WITH"
    SIGNED = "SIGNED"
    PARTY_TO = "PARTY_TO"
    COVERS = "COVERS"
    PRODUCES = "PRODUCES"
    PROCESSES = "PROCESSES"
    CONTROLS_SHARE = "CONTROLS_SHARE"
    RESTRICTS_EXPORT = "RESTRICTS_EXPORT"
    DEPENDS_ON = "DEPENDS_ON"
    MEMBER_OF = "MEMBER_OF"
    INVESTS_IN = "INVESTS_IN"
    PARTNERS_WITH = "PARTNERS_WITH"
    INVOLVED_IN = "INVOLVED_IN"
    MET_WITH = "MET_WITH"
    PARTICIPATED_IN = "PARTICIPATED_IN"
    HELD_IN = "HELD_IN"
    LOCATED_IN = "LOCATED_IN"
    BASED_IN = "BASED_IN"
    PURCHASES = "PURCHASES"
    IMPOSES_TARIFF = "IMPOSES_TARIFF"
    MENTIONS = "MENTIONS"


class RelationSpec(NamedTuple):
    """Which labels a relation type may join, and what makes two claims distinct."""

    sources: frozenset[str]
    targets: frozenset[str]
    description: str
    # Properties that tell two claims of the same type between the same nodes apart
    # (two documents giving different shares are two claims, not an overwrite).
    identity: tuple[str, ...] = ()


RELATIONS: dict[RelationType, RelationSpec] = {
    RelationType.LEADS: RelationSpec(
        frozenset({Label.PERSON}), STATES, "heads a state or organisation", ()
    ),
    RelationType.AFFILIATED_WITH: RelationSpec(
        frozenset({Label.PERSON}), STATES, "holds a role in or works for", ("role",)
    ),
    RelationType.SIGNED: RelationSpec(ACTORS, frozenset({Label.AGREEMENT}), "signed an agreement"),
    RelationType.PARTY_TO: RelationSpec(
        STATES, frozenset({Label.AGREEMENT}), "is a party to an agreement"
    ),
    RelationType.COVERS: RelationSpec(
        frozenset({Label.AGREEMENT, Label.EVENT}),
        GOODS | {Label.SECTOR},
        "an agreement or event covers a mineral, commodity or sector",
    ),
    RelationType.PRODUCES: RelationSpec(STATES | {Label.PLACE}, GOODS, "produces or mines", ()),
    RelationType.PROCESSES: RelationSpec(STATES | {Label.PLACE}, GOODS, "processes or refines", ()),
    RelationType.CONTROLS_SHARE: RelationSpec(
        STATES, GOODS, "controls a share of a supply stage", ("stage", "share")
    ),
    RelationType.RESTRICTS_EXPORT: RelationSpec(
        STATES, GOODS | {Label.SECTOR}, "restricts exports of", ()
    ),
    RelationType.DEPENDS_ON: RelationSpec(
        ACTORS | {Label.SECTOR},
        GOODS | STATES,
        "depends on a mineral, or on a supplier",
        ("topic",),
    ),
    RelationType.MEMBER_OF: RelationSpec(
        GOODS | STATES, GOODS | STATES, "belongs to a group (taxonomy or bloc)"
    ),
    RelationType.INVESTS_IN: RelationSpec(
        ACTORS,
        ALL_LABELS - {Label.PERSON},
        "invests or pledges to invest in",
        ("amount",),
    ),
    RelationType.PARTNERS_WITH: RelationSpec(ACTORS, ACTORS, "partners with"),
    RelationType.INVOLVED_IN: RelationSpec(
        ACTORS, frozenset({Label.SECTOR, Label.EVENT}), "takes part in a sector or project"
    ),
    RelationType.MET_WITH: RelationSpec(ACTORS, ACTORS, "met", ("date",)),
    RelationType.PARTICIPATED_IN: RelationSpec(
        ACTORS, frozenset({Label.EVENT}), "took part in an event"
    ),
    RelationType.HELD_IN: RelationSpec(
        frozenset({Label.EVENT, Label.AGREEMENT}), LOCATIONS, "took place in"
    ),
    RelationType.LOCATED_IN: RelationSpec(
        frozenset({Label.PLACE, Label.REGION, Label.COUNTRY}), LOCATIONS, "lies in"
    ),
    RelationType.BASED_IN: RelationSpec(
        frozenset({Label.ORGANIZATION, Label.PERSON}), LOCATIONS, "is based in"
    ),
    RelationType.PURCHASES: RelationSpec(STATES, GOODS, "buys", ("quantity",)),
    RelationType.IMPOSES_TARIFF: RelationSpec(
        frozenset({Label.COUNTRY, Label.REGION}),
        STATES | GOODS | {Label.SECTOR},
        "imposes a tariff on",
        ("rate_to", "topic"),
    ),
    RelationType.MENTIONS: RelationSpec(
        frozenset({DOCUMENT_LABEL}), ALL_LABELS, "a document mentions an entity"
    ),
}

Modality = Literal["asserted", "hedged", "planned"]
SourceKind = Literal["text", "lexicon", "inferred"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class EntityProperties(_Strict):
    """Typed properties an entity may carry; all optional, all scalar."""

    kind: str | None = Field(None, description="sub-type: company, agency, group, element ...")
    role: str | None = Field(None, description="a person's title (President, CEO ...)")
    country: str | None = Field(None, description="id of the country it belongs to")
    symbol: str | None = Field(None, description="chemical symbol of an element")
    date: str | None = Field(None, description="ISO date an agreement or event happened")
    end_date: str | None = Field(None, description="ISO date an agreement stops applying")
    duration: str | None = Field(None, description="ISO 8601 duration, e.g. P1Y")
    place: str | None = Field(None, description="where an agreement or event happened")
    status: str | None = Field(None, description="signed, suspended, in force, planned ...")
    binding: bool | None = Field(None, description="legally binding (false for MOUs, frameworks)")
    description: str | None = None
    # Written back by `reegraph analyze`.
    pagerank: float | None = None
    betweenness: float | None = None
    community: int | None = None
    hhi: float | None = None
    top_share: float | None = None
    criticality: float | None = None


class RelationProperties(_Strict):
    """Typed properties of a relation (a claim); all optional, all scalar."""

    role: str | None = None
    stage: str | None = Field(None, description="supply stage: mining, processing, ...")
    share: float | None = Field(None, ge=0, le=1, description="fraction 0..1")
    qualifier: str | None = Field(None, description="over, about, up to ...")
    amount: float | None = Field(None, description="money amount")
    currency: str | None = None
    quantity: float | None = None
    unit: str | None = None
    rate_from: float | None = Field(None, description="tariff before, fraction")
    rate_to: float | None = Field(None, description="tariff after, fraction")
    date: str | None = Field(None, description="ISO date of the fact")
    place: str | None = None
    status: str | None = None
    topic: str | None = None
    modality: Modality = "asserted"
    confidence: float = Field(0.8, ge=0, le=1)
    inferred: bool = False
    origin: SourceKind = "text"
    count: int | None = Field(None, description="mentions: how often")


class Evidence(_Strict):
    """Where a fact was read: a sentence of a document, with offsets into its text."""

    document: str
    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    rule: str = Field(description="which extraction rule produced the fact")

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError("evidence end precedes start")
        return self

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.document, self.start, self.end)


class Document(_Strict):
    id: str
    title: str
    published: str | None = Field(None, description="ISO date (YYYY-MM-DD or YYYY-MM)")
    source: str | None = None
    author: str | None = None
    url: str | None = None
    path: str | None = None
    sha256: str = ""
    text: str = Field("", description="the original text; evidence offsets point into it")


def slugify(text: str) -> str:
    """Lower-case ASCII slug: ``"Lenaïg Deslande"`` -> ``"lenaig-deslande"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def entity_id(label: str, name: str) -> str:
    """Stable id from label and canonical name: ``mineral:dysprosium``."""
    return f"{label.lower()}:{slugify(name)}"


def label_of_id(entity_id: str) -> Label | None:
    """The label an entity id was made from (``country:japan`` -> Country), if any."""
    prefix = entity_id.partition(":")[0]
    return _LABELS_BY_PREFIX.get(prefix) if prefix != entity_id else None


# ASCII bytes -> lower-case letters and digits, everything else a space.
_ASCII_FOLD = (
    bytes(c | 0x20 if chr(c).isalpha() else c if chr(c).isdigit() else 0x20 for c in range(128))
    + b" " * 128
)


def lookup_key(text: str) -> str:
    """Normalised form for name matching: case, accents, punctuation and dashes folded.
    ASCII text (nearly every name) folds in one bytes pass with the same result."""
    if text.isascii():
        return b" ".join(text.encode().translate(_ASCII_FOLD).split()).decode()
    return _unicode_key(text)


@lru_cache(maxsize=1 << 16)
def _unicode_key(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).strip()


class Entity(_Strict):
    id: str = ""
    label: Label
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    properties: EntityProperties = Field(default_factory=EntityProperties)
    origin: SourceKind = "text"

    @model_validator(mode="after")
    def _derive_id(self) -> Entity:
        if not self.id:
            self.id = entity_id(self.label, self.name)
        self.aliases = sorted({a for a in self.aliases if a and a != self.name})
        return self

    @property
    def lookup(self) -> list[str]:
        """Every normalised name this entity answers to."""
        keys = {lookup_key(self.name), lookup_key(self.id.split(":", 1)[1])}
        keys.update(lookup_key(a) for a in self.aliases)
        if self.properties.symbol:
            keys.add(lookup_key(self.properties.symbol))
        return sorted(k for k in keys if k)


@lru_cache(maxsize=1 << 16)
def claim_key(rel_type: str, source: str, target: str, identity: tuple[Any, ...]) -> str:
    """A short stable hash of a claim's identity (loading calls this once per row, so it
    avoids JSON and is cached)."""
    raw = "\x1f".join((rel_type, source, target, *map(repr, identity)))
    return hashlib.blake2b(raw.encode(), digest_size=8).hexdigest()


class Relation(_Strict):
    type: RelationType
    source: str
    target: str
    properties: RelationProperties = Field(default_factory=RelationProperties)
    evidence: list[Evidence] = Field(min_length=1)

    @field_validator("evidence")
    @classmethod
    def _dedupe_evidence(cls, value: list[Evidence]) -> list[Evidence]:
        seen: dict[tuple[str, int, int], Evidence] = {}
        for ev in value:
            seen.setdefault(ev.key, ev)
        return sorted(seen.values(), key=lambda e: e.key)

    @property
    def key(self) -> str:
        """Identity of the claim: type, ends and the type's identity properties."""
        ident = tuple(getattr(self.properties, p) for p in RELATIONS[self.type].identity)
        return claim_key(self.type.value, self.source, self.target, ident)

    @property
    def documents(self) -> list[str]:
        return sorted({e.document for e in self.evidence})


class GraphBundle(_Strict):
    """The one intermediate: what ingest produces and every sink consumes."""

    schema_version: int = SCHEMA_VERSION
    documents: list[Document] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_references(self) -> GraphBundle:
        labels: dict[str, str] = {e.id: e.label.value for e in self.entities}
        if len(labels) != len(self.entities):
            raise ValueError("duplicate entity ids in bundle")
        labels.update({d.id: DOCUMENT_LABEL for d in self.documents})
        for rel in self.relations:
            spec = RELATIONS[rel.type]
            for end, allowed in ((rel.source, spec.sources), (rel.target, spec.targets)):
                label = labels.get(end)
                if label is None:
                    raise ValueError(f"{rel.type} refers to unknown node {end!r}")
                if label not in allowed:
                    raise ValueError(f"{rel.type} cannot join a {label} ({end})")
        return self

    def entity_index(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    def to_export(self) -> dict[str, Any]:
        """The stable JSON export contract (see README, "Export contract")."""
        documents = sorted(self.documents, key=lambda d: d.id)
        entities = sorted(self.entities, key=lambda e: e.id)
        relations = sorted(self.relations, key=lambda r: (r.type, r.source, r.target, r.key))
        return {
            "schema_version": self.schema_version,
            "documents": [d.model_dump(exclude={"text"}, exclude_none=True) for d in documents],
            "entities": [
                {
                    "id": e.id,
                    "label": e.label.value,
                    "name": e.name,
                    "aliases": e.aliases,
                    "properties": e.properties.model_dump(exclude_none=True),
                }
                for e in entities
            ],
            "relations": [
                {
                    "type": r.type.value,
                    "source": r.source,
                    "target": r.target,
                    "properties": r.properties.model_dump(exclude_none=True),
                    "evidence": [ev.model_dump() for ev in r.evidence],
                }
                for r in relations
            ],
        }

    @classmethod
    def from_export(cls, data: dict[str, Any]) -> GraphBundle:
        return cls.model_validate(data)


def relation_endpoints(rel_type: RelationType) -> list[tuple[str, str]]:
    """Every (source label, target label) pair a relation type may join, sorted."""
    spec = RELATIONS[rel_type]
    return sorted((s, t) for s in spec.sources for t in spec.targets)


def node_labels() -> list[str]:
    """All node labels in the store: the entity labels plus Document."""
    return [label.value for label in Label] + [DOCUMENT_LABEL]


def merge_evidence(*lists: Iterable[Evidence]) -> list[Evidence]:
    seen: dict[tuple[str, int, int], Evidence] = {}
    for evs in lists:
        for ev in evs:
            seen.setdefault(ev.key, ev)
    return sorted(seen.values(), key=lambda e: e.key)
