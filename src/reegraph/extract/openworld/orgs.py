"""Organisations no lexicon lists: acronyms, designators, descriptors, coordination."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left

from reegraph.extract import hints
from reegraph.extract import labels as L
from reegraph.extract.openworld.base import OpenWorldBase
from reegraph.extract.openworld.patterns import (
    ACRONYM_AFTER,
    ACRONYM_BEFORE,
    AGREEMENT_WORD,
    APPOSITION,
    APPOSITION_CUE,
    DESCRIPTOR,
    LIST_CUE,
    PAREN_CAP,
    PNP_LIST,
    PNP_MULTI,
    TITLE,
    split_list,
    strip_name,
)
from reegraph.extract.openworld.words import (
    DESIGNATOR_WORDS,
    DESIGNATORS,
    GENERIC,
    GOV_FIRST,
    MONTHS,
    STOP_FIRST,
)
from reegraph.extract.sentences import Sentence

_AGREEMENT_NAME = re.compile(r"\b(?:Framework|Agreement|Accord|Treaty|Pact|Memorandum)\b")
_EVENT_NAME = re.compile(r"\b(?:Summit|Conference|Forum|Dialogue)\b")
_LIST_GAP = re.compile(r"\s*,?\s*(?:and\s+)?")


class OrgRules(OpenWorldBase):
    def _country_from_names(self) -> None:
        """ "China Northern Rare Earth Group": a name opening with a country places it there;
        a name listed among such names takes their country when they all agree."""
        orgs = [m for m in [*self.lex, *self.found] if m.label is L.ORGANIZATION]
        for o in orgs:
            if o.country:
                continue
            words = self.text[o.start : o.end].split()
            for n in (3, 2, 1):
                if len(words) > n and (cid := self.country_names.get(" ".join(words[:n]))):
                    o.country, o.country_from = cid, "name_prefix"
                    break
        orgs.sort(key=lambda o: o.start)
        starts = [o.start for o in orgs]
        for s in self.sentences:
            listed = orgs[bisect_left(starts, s.start) : bisect_left(starts, s.end)]
            if len(listed) < 3:
                continue
            gaps = [self.text[a.end : b.start] for a, b in itertools.pairwise(listed)]
            if not all(_LIST_GAP.fullmatch(g) for g in gaps):
                continue
            countries = {o.country for o in listed if o.country}
            if len(countries) == 1 and sum(1 for o in listed if o.country) >= 2:
                for o in listed:
                    if not o.country:
                        o.country, o.country_from = next(iter(countries)), "list"

    def _acronyms(self, s: Sentence, text: str) -> None:
        if not PAREN_CAP.search(text):  # both patterns need "(" before a capital
            return
        for rx in (ACRONYM_AFTER, ACRONYM_BEFORE):
            for m in rx.finditer(text):
                start, long = strip_name(m["long"], s.start + m.start("long"))
                acr = m["acr"]
                if len(long.split()) < 2 or acr[0] != long[0].upper():
                    continue
                if self._lex_at(start, start + len(long)) and any(
                    x.start <= start and x.end >= start + len(long)
                    for x in self._lex_at(start, start + len(long))
                ):
                    continue
                label = L.ORGANIZATION
                if _AGREEMENT_NAME.search(long):
                    continue  # agreements are found by the agreement rules
                if _EVENT_NAME.search(long):
                    label = L.EVENT
                mm = self._add(
                    start,
                    long,
                    label,
                    s.index,
                    "org.acronym_definition",
                    0.9,
                    sense="name",
                    kind="organisation",
                )
                if mm is not None:
                    self.acronyms[acr] = (long, label)
                    a_start = s.start + m.start("acr")
                    self._add(
                        a_start,
                        acr,
                        label,
                        s.index,
                        "org.acronym_definition",
                        0.9,
                        sense="acronym",
                        long_form=long,
                    )

    def _designators(self, s: Sentence, text: str) -> None:
        for m in PNP_MULTI.finditer(text):
            # A name needs two words, one of them a designator (government bodies start
            # with one: "Ministry of ..."); most phrases are single capitalised words.
            phrase = m.group(0)
            if DESIGNATOR_WORDS.isdisjoint(hints.WORD.findall(phrase)):
                continue
            for at, part in split_list(phrase):
                # "Veltrona Mining Chief Executive Oskar Lindqvist": the name ends at a title.
                if s.hints & hints.TITLE and (t := TITLE.search(part)):
                    part = part[: t.start()].rstrip()
                start, name = strip_name(part, s.start + m.start() + at)
                words = name.split()
                if len(words) < 2:
                    continue
                last, first = words[-1], words[0]
                gov = first in GOV_FIRST and len(words) >= 3 and words[1] == "of"
                if not (last in DESIGNATORS or gov) or AGREEMENT_WORD.search(name):
                    continue
                if (
                    all(
                        w in GENERIC or w in DESIGNATORS or w in {"of", "and", "the", "&"}
                        for w in words
                    )
                    and not gov
                ):
                    continue
                country = self._country_before(start)
                if country is None and self.text[max(0, start - 7) : start] == "-based ":
                    based = [x for x in self.lex if x.end == start - 7 and x.country]
                    country_id = based[0].country if based else None
                else:
                    country_id = country.entry.id if country and country.entry else None
                self._add(
                    start,
                    name,
                    L.ORGANIZATION,
                    s.index,
                    "org.designator",
                    0.8,
                    kind="government body" if gov else "company",
                    country=country_id,
                )

    def _descriptors(self, s: Sentence, text: str) -> None:
        for m in DESCRIPTOR.finditer(text) if s.hints & hints.DESCRIPTOR_NOUN else ():
            desc_at = s.start + m.start("desc")
            country = self._country_before(desc_at, 40)
            based = None
            if country is None and "-based" in text:
                based = self._based_country(desc_at - 40, desc_at, before=desc_at)
            kind = "agency" if "agency" in m["desc"] else "company"
            for at, part in split_list(m["list"]):
                start, name = strip_name(part, s.start + m.start("list") + at)
                if not name or name.split()[0] in MONTHS:
                    continue
                inner = self._lex_at(start, start + len(name))
                if inner and any(
                    x.label is not L.ORGANIZATION
                    for x in inner
                    if x.start <= start and x.end >= start + len(name)
                ):
                    continue
                self._annotate(start, start + len(name), country, "descriptor", based)
                self._add(
                    start,
                    name,
                    L.ORGANIZATION,
                    s.index,
                    "org.descriptor",
                    0.8,
                    kind=kind,
                    country=country.entry.id if country and country.entry else based,
                )
        for m in APPOSITION.finditer(text) if APPOSITION_CUE.search(text) else ():
            start, name = strip_name(m["name"], s.start + m.start("name"))
            inner = self._lex_at(start, start + len(name))
            desc_at = s.start + m.start("desc")
            desc_end = s.start + m.end("desc")
            country = next(
                (
                    x
                    for x in self._lex_at(desc_at, desc_end)
                    if x.label is L.COUNTRY and desc_at <= x.start
                ),
                None,
            )
            # "X, a Perth-based miner": the place's country ("-based" is a cheap test first).
            based = None
            if country is None and "-based" in m["desc"]:
                based = self._based_country(desc_at, desc_end)
            self._annotate(start, start + len(name), country, "apposition", based)
            if len(name.split()) <= 5:
                self._add(
                    start,
                    name,
                    L.ORGANIZATION,
                    s.index,
                    "org.apposition",
                    0.8,
                    kind="company",
                    country=country.entry.id if country and country.entry else based,
                    country_from="apposition" if based else "",
                )

    def _coordination(self) -> None:
        """Unknown names listed together with a known organisation are organisations too."""
        orgs = [m for m in [*self.lex, *self.found] if m.label is L.ORGANIZATION]
        starts = sorted(o.start for o in orgs)
        for s in self.sentences:
            # Only sentences naming an organisation, with a list ("..., and X").
            if s.heading or bisect_left(starts, s.start) == bisect_left(starts, s.end):
                continue
            text = self.text[s.start : s.end]
            if not LIST_CUE.search(text):
                continue
            for m in PNP_LIST.finditer(text):
                items = list(split_list(m.group(0)))
                spans = [
                    (s.start + m.start() + a, s.start + m.start() + a + len(p)) for a, p in items
                ]
                if not any(
                    o.start <= a < o.end or a <= o.start < b for o in orgs for a, b in spans
                ):
                    continue
                for (a, _b), (_, part) in zip(spans, items, strict=True):
                    start, name = strip_name(part, a)
                    if self._lex_at(start, start + len(name)) or not name:
                        continue
                    if any(f.start < start + len(name) and f.end > start for f in self.found):
                        continue
                    if (
                        name.split()[0] in STOP_FIRST
                        or name in MONTHS
                        or all(w in GENERIC for w in name.split())
                    ):
                        continue
                    self._add(
                        start,
                        name,
                        L.ORGANIZATION,
                        s.index,
                        "org.coordination",
                        0.6,
                        kind="company",
                    )

    def _acronym_uses(self) -> None:
        if not self.acronyms:
            return
        rx = re.compile(r"\b(" + "|".join(map(re.escape, self.acronyms)) + r")\b")
        for s in self.sentences:
            for m in rx.finditer(self.text, s.start, s.end):
                long, label = self.acronyms[m.group(0)]
                self._add(
                    m.start(),
                    m.group(0),
                    label,
                    s.index,
                    "org.acronym_use",
                    0.85,
                    sense="acronym",
                    long_form=long,
                )
