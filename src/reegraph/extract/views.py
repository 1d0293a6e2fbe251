"""A sentence seen by the relation rules: its text with entity mentions masked.

Each mention becomes a placeholder ``⟨Cn⟩`` (label code + index), so rules are plain
regular expressions over the masked string: ``⟨[CO]\\d+⟩ signed`` and the like.
Adjectival country mentions ("Japanese") use the code ``J``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from re import Match
from typing import Any

from reegraph.extract import labels as L
from reegraph.extract.folding import Folded, folds
from reegraph.extract.mentions import Mention
from reegraph.extract.sentences import Sentence
from reegraph.model import Label

CODE = {
    Label.COUNTRY: "C",
    Label.REGION: "R",
    Label.PERSON: "P",
    Label.ORGANIZATION: "O",
    Label.MINERAL: "M",
    Label.COMMODITY: "K",
    Label.SECTOR: "S",
    Label.AGREEMENT: "A",
    Label.EVENT: "E",
    Label.PLACE: "L",
}
SLOT = re.compile(r"⟨([A-Za-z])(\d+)⟩")


@dataclass(slots=True)
class View:
    sentence: Sentence
    text: str
    mentions: list[Mention]
    masked: str = ""
    low: str = ""  # masked, lower-cased: for the rules' keyword checks
    memo: dict[str, Any] = field(default_factory=dict)  # what rules computed once per sentence
    # ``low`` when case-insensitive patterns may run on it (see reegraph.extract.folding).
    fold: str | None = None

    def __post_init__(self) -> None:
        if self.mentions:
            parts: list[str] = []
            pos = 0
            base = self.sentence.start
            text = self.text
            for i, m in enumerate(self.mentions):
                code = "J" if m.label is L.COUNTRY and m.sense == "adj" else CODE[m.label]
                parts += (text[pos : m.start - base], f"⟨{code}{i}⟩")
                pos = m.end - base
            parts.append(text[pos:])
            self.masked = "".join(parts)
        else:
            self.masked = self.text
        self.low = self.masked.lower()
        self.fold = self.low if folds(self.masked) else None

    def may_match(self, words: tuple[str, ...]) -> bool:
        """False when a case-insensitive pattern each of whose matches holds one of
        ``words`` (lower-case) cannot match ``masked``: a substring test instead of a scan.
        Exact when ``masked`` folds (see reegraph.extract.folding); else it may match."""
        if self.fold is None:
            return True
        for w in words:  # noqa: SIM110  (a generator costs more than the tests)
            if w in self.fold:
                return True
        return False

    def finditer(self, pattern: Folded) -> Iterator[Match[str]]:
        """Matches of a case-insensitive pattern in ``masked``."""
        return pattern.finditer(self.masked, self.fold)

    def search(self, pattern: Folded, end: int | None = None) -> Match[str] | None:
        """The first match in ``masked[:end]``."""
        return pattern.search(self.masked, self.fold, end)

    def group(self, m: Match[str], group: int | str = 0) -> str | None:
        """The masked text of a match's group (None when it did not take part)."""
        start, end = m.span(group)
        return self.masked[start:end] if start >= 0 else None

    def slots(self, chunk: str, codes: str = "") -> list[Mention]:
        """Mentions whose placeholders occur in ``chunk`` (optionally only these codes)."""
        return [self.mentions[int(n)] for c, n in SLOT.findall(chunk) if not codes or c in codes]

    def unmask(self, chunk: str) -> str:
        """The sentence text behind a piece of the masked string."""
        base = self.sentence.start

        def surface(m: re.Match[str]) -> str:
            mention = self.mentions[int(m.group(2))]
            return self.text[mention.start - base : mention.end - base]

        return SLOT.sub(surface, chunk)

    def has(self, label: Label) -> bool:
        return any(m.label is label for m in self.mentions)


def build_views(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[View]:
    """One view per sentence; overlapping mentions keep the longest."""
    by_sent: dict[int, list[Mention]] = {}
    # By start, longest first: two stable sorts on attributes (no Python key calls).
    ordered = sorted(mentions, key=attrgetter("end"), reverse=True)
    ordered.sort(key=attrgetter("start"))
    for m in ordered:
        lst = by_sent.setdefault(m.sent, [])
        if lst and m.start < lst[-1].end:
            continue
        lst.append(m)
    return [View(s, text[s.start : s.end], by_sent.get(s.index, [])) for s in sentences]
