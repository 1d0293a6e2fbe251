"""The open-world finder: every rule family, sentence by sentence, then document-wide."""

from __future__ import annotations

from reegraph.extract import hints
from reegraph.extract.mentions import Mention
from reegraph.extract.openworld.orgs import OrgRules
from reegraph.extract.openworld.patterns import DESCRIPTOR_HINT, PLACE_HINT, TITLE_HINT
from reegraph.extract.openworld.people import PeopleRules
from reegraph.extract.openworld.places import PlaceRules
from reegraph.extract.openworld.words import DESIGNATOR_WORDS


class OpenWorld(OrgRules, PeopleRules, PlaceRules):
    """Finds open-world mentions sentence by sentence, given the lexicon mentions."""

    def run(self) -> list[Mention]:
        for s in self.sentences:
            if s.heading:
                continue
            text = self.text[s.start : s.end]
            low = text.lower()
            words = set(hints.WORD.findall(text))
            # Cheap keyword checks first: most sentences introduce nobody new.
            if "(" in text:
                self._acronyms(s, text)
            if hints.any_in(low, hints.TITLE) and TITLE_HINT.search(text):
                self._titles(s, text)
            if not DESIGNATOR_WORDS.isdisjoint(words):
                self._designators(s, text)
            if DESCRIPTOR_HINT.search(text):
                self._descriptors(s, text)
            if not hints.SPEECH.isdisjoint(words):
                self._speech(s, text)
            if PLACE_HINT.search(text):
                self._places(s, text)
        self._coordination()
        self._acronym_uses()
        self._country_from_names()
        return self.found
