"""A sentence seen by the relation rules: its text with entity mentions masked.

Each mention becomes a placeholder ``⟨Cn⟩`` (label code + index), so rules are plain
regular expressions over the masked string: ``⟨[CO]\\d+⟩ signed`` and the like.
Adjectival country mentions ("Japanese") use the code ``J``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
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
# The index of every placeholder whose code is one of a set (SLOT, filtered in the
# pattern rather than per match), by the codes' string.
_INDEXES: dict[str, re.Pattern[str]] = {}
# The placeholders of a label (adjectival countries under None) by mention index, made
# once: sentences rarely hold more mentions than this.
_PLACEHOLDERS: dict[Label | None, list[str]] = {
    key: [f"⟨{code}{i}⟩" for i in range(48)] for key, code in [*CODE.items(), (None, "J")]
}


@dataclass(slots=True, init=False)
class View:
    sentence: Sentence
    text: str
    mentions: list[Mention]
    masked: str
    low: str  # masked, lower-cased: for the rules' keyword checks
    memo: dict[str, Any]  # what rules computed once per sentence
    # ``low`` when case-insensitive patterns may run on it (see reegraph.extract.folding).
    fold: str | None

    # Written out rather than generated: one call per sentence instead of an __init__
    # handling defaults and then a __post_init__.
    def __init__(self, sentence: Sentence, text: str, mentions: list[Mention]) -> None:
        self.sentence = sentence
        self.text = text
        self.mentions = mentions
        self.memo = {}
        if mentions:
            parts: list[str] = []
            append = parts.append
            pos = 0
            base = sentence.start
            country, placeholders = L.COUNTRY, _PLACEHOLDERS
            for i, m in enumerate(mentions):
                label: Label | None = m.label
                if label is country and m.sense == "adj":
                    label = None
                append(text[pos : m.start - base])
                slots = placeholders[label]
                append(slots[i] if i < len(slots) else f"⟨{slots[0][1]}{i}⟩")
                pos = m.end - base
            append(text[pos:])
            self.masked = masked = "".join(parts)
        else:
            self.masked = masked = text
        self.low = low = masked.lower()
        self.fold = low if folds(masked) else None

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

    def search(self, pattern: Folded, end: int | None = None, start: int = 0) -> Match[str] | None:
        """The first match in ``masked[start:end]``."""
        return pattern.search(self.masked, self.fold, end, start)

    def group(self, m: Match[str], group: int | str = 0) -> str | None:
        """The masked text of a match's group (None when it did not take part)."""
        start, end = m.span(group)
        return self.masked[start:end] if start >= 0 else None

    def slots(self, chunk: str, codes: str = "") -> list[Mention]:
        """Mentions whose placeholders occur in ``chunk`` (optionally only those whose
        code is one of the letters ``codes``)."""
        if (rx := _INDEXES.get(codes)) is None:
            rx = _INDEXES[codes] = re.compile(f"⟨[{codes or 'A-Za-z'}](\\d+)⟩")
        mentions = self.mentions
        return [mentions[int(n)] for n in rx.findall(chunk)]

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
