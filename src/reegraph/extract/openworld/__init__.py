"""Open-world mentions: entities no lexicon lists, found from how news copy introduces them.

Acronym definitions, titles before names, corporate designators, descriptors
("American company X", "X, a Swedish magnet maker"), coordination with a known
organisation, speech verbs, and places ("Busan, South Korea", "gas projects in X").
"""

from __future__ import annotations

from reegraph.extract.openworld.finder import OpenWorld
from reegraph.extract.openworld.words import HEAD_TITLES

__all__ = ["HEAD_TITLES", "OpenWorld"]
