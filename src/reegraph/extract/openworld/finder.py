"""The open-world finder: every rule family, sentence by sentence, then document-wide."""

from __future__ import annotations

from reegraph.extract import hints
from reegraph.extract.mentions import Mention
from reegraph.extract.openworld.orgs import OrgRules
from reegraph.extract.openworld.people import PeopleRules
from reegraph.extract.openworld.places import PlaceRules

_SENTENCE_RULES = (
    hints.PAREN
    | hints.TITLE
    | hints.DESIGNATOR
    | hints.DESCRIPTOR
    | hints.SPEECH
    | hints.PLACE
    | hints.SITE
)


class OpenWorld(OrgRules, PeopleRules, PlaceRules):
    """Finds open-world mentions sentence by sentence, given the lexicon mentions."""

    def run(self) -> list[Mention]:
        for s in self.sentences:
            # Keyword checks first (Sentence.hints): most sentences introduce nobody new.
            found = s.hints
            if s.heading or not found & _SENTENCE_RULES:
                continue
            text = self.text[s.start : s.end]
            if found & hints.PAREN:
                self._acronyms(s, text)
            if found & hints.TITLE:
                self._titles(s, text)
            if found & hints.DESIGNATOR:
                self._designators(s, text)
            if found & hints.DESCRIPTOR:
                self._descriptors(s, text)
            if found & hints.SPEECH:
                self._speech(s, text)
            if found & hints.PLACE:
                self._places(s, text)
            if found & hints.SITE:
                self._facilities(s, text)
        self._coordination()
        self._acronym_uses()
        self._country_from_names()
        return self.found
