"""Frames and the claims they collect until their entity is known."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reegraph.extract.views import View
from reegraph.model import RelationType as T


@dataclass(slots=True)
class Claim:
    rtype: T
    source: str  # entity id or "@frame"
    target: str
    view: View
    rule: str
    conf: float
    mod: str | None = "auto"
    props: dict[str, Any] = field(default_factory=dict)
    doc: str = ""


@dataclass(slots=True)
class Frame:
    kind: str  # "agreement" or "meeting"
    family: str  # truce | memorandum | generic | meeting
    kinds: set[str] = field(default_factory=set)
    parties: list[str] = field(default_factory=list)  # entity ids, in order of mention
    partial: bool = False  # parties only hinted ("the China truce"): joins a full frame
    signers: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    date: str | None = None
    place: str | None = None  # entity id of a place
    duration: str | None = None
    binding: bool | None = None
    status: str | None = None
    claims: list[Claim] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)  # specific descriptions ("US-Japan pact")
    measures: list[str] = field(default_factory=list)  # what a truce suspends, for its name
    last: int = 0  # position of the latest reference (for definite descriptions)
    last_para: int = -1
    refs: int = 0
    entity: str = ""

    def compatible(self, family: str) -> bool:
        return family == "generic" or self.family == "generic" or family == self.family
