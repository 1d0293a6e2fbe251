"""State and helpers shared by the open-world rules of one document."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import pairwise
from operator import attrgetter

from reegraph.extract import labels as L
from reegraph.extract.mentions import Mention
from reegraph.extract.openworld.words import MONTHS
from reegraph.extract.sentences import Sentence
from reegraph.model import Label

# What may stand between a country and the name it describes ("China's state-owned ").
_GAP = re.compile(r"(?:[’']s)?[\s-]*(?:(?:the|state|state-owned|government|[a-z-]+)\s+){0,2}")
# Between "X-based" and the noun it describes ("Perth-based lithium miner").
_LOWER_GAP = re.compile(r"\s+(?:[a-z-]+\s+){0,2}")


class OpenWorldBase:
    """The document, its lexicon mentions and what the rules have found so far."""

    def __init__(
        self,
        text: str,
        sentences: list[Sentence],
        lexicon_mentions: list[Mention],
        country_names: dict[str, str] | None = None,
    ) -> None:
        self.country_names = country_names or {}
        self.text = text
        self.sentences = sentences
        self.lex = sorted(lexicon_mentions, key=attrgetter("start"))
        self.found: list[Mention] = []
        self.acronyms: dict[str, tuple[str, Label]] = {}
        # Lexicon mentions do not overlap, so their starts and ends are both sorted and
        # the mentions near a span are found by bisection rather than by a scan.
        self._starts = [m.start for m in self.lex]
        self._ends = [m.end for m in self.lex]
        self._disjoint = all(a.end <= b.start for a, b in pairwise(self.lex))

    # -- helpers -------------------------------------------------------------------------
    def _lex_at(self, start: int, end: int) -> list[Mention]:
        """Lexicon mentions overlapping [start, end), in order."""
        if not self._disjoint:
            return [m for m in self.lex if m.start < end and m.end > start]
        return self.lex[bisect_right(self._ends, start) : bisect_left(self._starts, end)]

    def _lex_ending(self, lo: int, hi: int) -> list[Mention]:
        """Lexicon mentions ending in [lo, hi], in order."""
        if not self._disjoint:
            return [m for m in self.lex if lo <= m.end <= hi]
        return self.lex[bisect_left(self._ends, lo) : bisect_right(self._ends, hi)]

    def _country_before(self, pos: int, window: int = 24) -> Mention | None:
        """A country mention (name, adjective, possessive) ending just before ``pos``."""
        best = None
        for m in self._lex_ending(pos - window, pos):
            if m.label is L.COUNTRY:
                gap = self.text[m.end : pos]
                if _GAP.fullmatch(gap) and not self.text[
                    max(0, m.start - 4) : m.start
                ].lower().endswith("non-"):
                    best = m
        return best

    def _based_country(self, lo: int, hi: int, before: int | None = None) -> str | None:
        """The country of a place or country in [lo, hi) written "X-based" ("Perth-based");
        with ``before``, only one followed by at most two lower-case words up to there."""
        for m in self._lex_at(lo, hi):
            if (
                self.text.startswith("-based", m.end)
                and m.start >= lo
                and (before is None or _LOWER_GAP.fullmatch(self.text, m.end + 6, before))
            ):
                if m.label is L.COUNTRY and m.entry is not None:
                    return m.entry.id
                if m.label is L.PLACE and m.country:
                    return m.country
        return None

    def _annotate(
        self, start: int, end: int, country: Mention | None, how: str, country_id: str | None = None
    ) -> None:
        """Give organisations already found inside [start, end) the country a descriptor names."""
        if country is not None and country.entry is not None:
            country_id = country.entry.id
        if country_id is None:
            return
        for x in [*self.lex, *self.found]:
            if x.label is L.ORGANIZATION and start <= x.start and x.end <= end and not x.country:
                x.country, x.country_from = country_id, how

    def _add(
        self, start: int, name: str, label: Label, sent: int, rule: str, conf: float, **kw: object
    ) -> Mention | None:
        end = start + len(name)
        if not name or name in MONTHS or len(name) < 2:
            return None
        if any(f.start < end and f.end > start for f in self.found):
            return None
        inner = self._lex_at(start, end)
        # A lexicon entity covering the whole span already names it.
        if any(m.start <= start and m.end >= end for m in inner):
            return None
        m = Mention(start, end, label, name, sent, None, rule=rule, conf=conf, **kw)  # type: ignore[arg-type]
        self.found.append(m)
        return m
