"""Places no lexicon lists: "Busan, South Korea", "Tokyo's Akasaka Palace", "gas projects in X"."""

from __future__ import annotations

import re

from reegraph.extract import hints
from reegraph.extract import labels as L
from reegraph.extract.mentions import Mention
from reegraph.extract.openworld.base import OpenWorldBase
from reegraph.extract.openworld.patterns import (
    FACILITY,
    PLACE_COUNTRY,
    PLACE_IN,
    POSSESSIVE_PLACE,
    SITE_NOUN,
    SITE_NOUNS,
)
from reegraph.extract.openworld.words import DESIGNATORS, GENERIC, MONTHS, STOP_FIRST
from reegraph.extract.sentences import Sentence


class PlaceRules(OpenWorldBase):
    def _places(self, s: Sentence, text: str) -> None:
        for m in PLACE_COUNTRY.finditer(text) if "," in text else ():
            start, name = s.start + m.start("name"), m["name"]
            after = self._lex_at(s.start + m.end(), s.start + m.end() + 40)
            country = next(
                (x for x in after if x.label is L.COUNTRY and x.start == s.start + m.end()),
                None,
            )
            if country is not None and not self._lex_at(start, start + len(name)):
                self._add(
                    start,
                    name,
                    L.PLACE,
                    s.index,
                    "place.city_country",
                    0.85,
                    kind="city",
                    country=country.entry.id if country.entry else None,
                )
        for m in POSSESSIVE_PLACE.finditer(text) if "’" in text or "'" in text else ():
            start = s.start + m.start("name")
            owner = self._lex_ending(start - 3, start)
            owner_country = owner[-1].country if owner and owner[-1].label is L.PLACE else None
            self._add(
                start,
                m["name"],
                L.PLACE,
                s.index,
                "place.possessive",
                0.8,
                kind="site",
                country=owner_country,
            )
        if s.hints & hints.PLACE_CONTEXT:  # PLACE_CONTEXT.search(text), read off the words
            for m in PLACE_IN.finditer(text):
                start, name = s.start + m.start("name"), m["name"]
                if (
                    name in MONTHS
                    or name.split()[0] in STOP_FIRST
                    or name.split()[-1] in DESIGNATORS
                ):
                    continue
                if not self._lex_at(start, start + len(name)) and name.upper() != name:
                    self._add(start, name, L.PLACE, s.index, "place.locative", 0.6, kind="place")

    def _facilities(self, s: Sentence, text: str) -> None:
        """Sites named before their noun: "its Clarksville plant in Tennessee". The pattern
        runs on the words before a noun only, when the word just before it is capitalised."""
        for hit in SITE_NOUN.finditer(text):
            at = hit.start()
            before = text.rfind(" ", 0, at - 1) + 1
            if text[at - 1 : at] != " " or not text[before : before + 1].isupper():
                continue
            lo = max(0, at - 80)
            for m in FACILITY.finditer(text[lo : hit.end()]):
                if m.start("noun") + lo == at:
                    self._facility(s, m, lo)

    def _facility(self, s: Sentence, m: re.Match[str], lo: int) -> None:
        det, name = m["det"], m["name"]
        if det == "the" and m["noun"] not in SITE_NOUNS:
            return
        start = s.start + lo + m.start("name")
        words = name.split()
        if (
            words[0] in STOP_FIRST
            or any(w in MONTHS or w in DESIGNATORS for w in words)
            or all(w in GENERIC for w in words)
            or self._lex_at(start, start + len(name))
        ):
            return
        country, owner = self._site_country(s.start + lo + m.end(), s.start + lo + m.start())
        # "its X plant in Ohio", "Zambia's X mine": where it lies is said.
        possessive = det != "the" and (country or owner) is not None
        self._add(
            start,
            name,
            L.PLACE,
            s.index,
            "place.possessive" if possessive else "place.facility",
            0.75,
            kind="site",
            country=country or owner,
        )

    def _site_country(self, end: int, start: int) -> tuple[str | None, str | None]:
        """The country of "... plant in Tennessee" (after the noun), and that of an owner
        written just before ("Zambia's Kansanshi mine")."""
        after = None
        gap = _IN_PLACE.match(self.text, end)
        if gap is not None:
            for x in self._lex_at(gap.end(), gap.end() + 1):
                if x.start == gap.end():
                    after = _country_of(x)
        owner = None
        if self.text.startswith(("’s", "'s"), start):
            for x in self._lex_ending(start, start):
                owner = _country_of(x)
        return after, owner


_IN_PLACE = re.compile(r",?\s+(?:in|near)\s+(?:the\s+)?")


def _country_of(m: Mention) -> str | None:
    """The country a country or place mention stands for."""
    if m.label is L.COUNTRY:
        return m.entry.id if m.entry is not None else None
    return m.country if m.label in (L.PLACE, L.REGION) else None
