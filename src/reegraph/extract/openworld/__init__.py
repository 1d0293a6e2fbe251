"""Open-world mentions: entities no lexicon lists, found from how news copy introduces them.

Acronym definitions, titles before names, corporate designators, descriptors
("American company X", "X, a Swedish magnet maker"), coordination with a known
organisation, speech verbs, and places ("Busan, South Korea", "gas projects in X").
The finder is :class:`reegraph.extract.openworld.finder.OpenWorld`.
"""
