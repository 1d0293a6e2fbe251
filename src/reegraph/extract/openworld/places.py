"""Places no lexicon lists: "Busan, South Korea", "Tokyo's Akasaka Palace", "gas projects in X"."""

from __future__ import annotations

from reegraph.extract import hints
from reegraph.extract import labels as L
from reegraph.extract.openworld.base import OpenWorldBase
from reegraph.extract.openworld.patterns import (
    PLACE_COUNTRY,
    PLACE_IN,
    POSSESSIVE_PLACE,
)
from reegraph.extract.openworld.words import DESIGNATORS, MONTHS, STOP_FIRST
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
