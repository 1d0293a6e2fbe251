"""People no lexicon lists: names after titles, names before speech verbs."""

from __future__ import annotations

import re

from reegraph.extract import labels as L
from reegraph.extract.openworld.base import OpenWorldBase
from reegraph.extract.openworld.patterns import PERSON_NAME, SPEECH, TITLE, strip_name
from reegraph.extract.openworld.words import DESIGNATORS, GENERIC, HEAD_TITLES, MONTHS
from reegraph.extract.sentences import Sentence


class PeopleRules(OpenWorldBase):
    def _titles(self, s: Sentence, text: str) -> None:
        pos = 0
        while m := TITLE.search(text, pos):
            pos = self._title(s, text, m)

    def _title(self, s: Sentence, text: str, m: re.Match[str]) -> int:
        """Handle one title match; returns where to look for the next one."""
        title = m["title"]
        key = title.lower()
        if key in {"dr.", "mr.", "ms.", "mrs."}:
            role = None
        else:
            role = HEAD_TITLES.get(key, title)
            role = role[:1].upper() + role[1:]
        head = key in HEAD_TITLES and "vice" not in key and "deputy" not in key
        country = self._country_before(s.start + m.start())
        names = list(re.finditer(PERSON_NAME, m["names"]))
        next_pos = m.end()
        if not title.lower().endswith("s") and not title.lower().startswith("leader"):
            names = names[:1]
            next_pos = m.start("names") + names[0].end()
        for x in names:
            at, raw = x.start(), x.group(0)
            start = s.start + m.start("names") + at
            start, name = strip_name(raw, start)
            # Stop the name at the first word another entity or a verb-like word claims.
            words = []
            for w in name.split():
                if w in MONTHS or w in DESIGNATORS:
                    break
                words.append(w)
            name = " ".join(words)
            if not name:
                continue
            lex = [y for y in self._lex_at(start, start + len(name)) if y.label is L.PERSON]
            for pm in lex:  # a known person: annotate the lexicon mention
                pm.role = pm.role or role
                pm.head = pm.head or head
                # "Australian Resources Minister X": the nationality before any title.
                if country and country.entry and (head or not pm.country):
                    pm.country = country.entry.id
            if lex:
                continue
            if self._lex_at(start, start + len(name)):
                continue
            self._add(
                start,
                name,
                L.PERSON,
                s.index,
                "person.title",
                0.85,
                sense="name",
                role=role,
                head=head,
                country=country.entry.id if country and country.entry else None,
            )
        return next_pos

    def _speech(self, s: Sentence, text: str) -> None:
        for m in SPEECH.finditer(text):
            start, name = strip_name(m["name"], s.start + m.start("name"))
            if (
                len(name.split()) >= 2
                and not any(w in DESIGNATORS or w in GENERIC for w in name.split())
                and not self._lex_at(start, start + len(name))
            ):
                self._add(start, name, L.PERSON, s.index, "person.speech", 0.7)
