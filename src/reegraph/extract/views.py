"""A sentence seen by the relation rules: its text with entity mentions masked.

Each mention becomes a placeholder ``⟨Cn⟩`` (label code + index), so rules are plain
regular expressions over the masked string: ``⟨[CO]\\d+⟩ signed`` and the like.
Adjectival country mentions ("Japanese") use the code ``J``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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


@dataclass
class View:
    sentence: Sentence
    text: str
    mentions: list[Mention]
    masked: str = ""
    para_mentions: list[Mention] = field(default_factory=list)
    low: str = ""  # masked, lower-cased: for the rules' keyword checks

    def __post_init__(self) -> None:
        parts: list[str] = []
        pos = 0
        base = self.sentence.start
        for i, m in enumerate(self.mentions):
            code = "J" if m.label is Label.COUNTRY and m.sense == "adj" else CODE[m.label]
            parts.append(self.text[pos : m.start - base])
            parts.append(f"⟨{code}{i}⟩")
            pos = m.end - base
        parts.append(self.text[pos:])
        self.masked = "".join(parts)
        self.low = self.masked.lower()

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
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        lst = by_sent.setdefault(m.sent, [])
        if lst and m.start < lst[-1].end:
            continue
        lst.append(m)
    return [View(s, text[s.start : s.end], by_sent.get(s.index, [])) for s in sentences]
