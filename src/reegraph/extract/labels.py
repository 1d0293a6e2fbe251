"""The entity labels as plain module attributes, for loops over every mention.

On Python 3.11 each ``Label.PERSON`` goes through a Python-level hook (``EnumType``
defines ``__getattr__``), three times the cost of a module attribute; the rules read
labels for every mention of every sentence. Same objects: ``L.PERSON is Label.PERSON``.
"""

from __future__ import annotations

from reegraph.model import Label

COUNTRY = Label.COUNTRY
REGION = Label.REGION
PERSON = Label.PERSON
ORGANIZATION = Label.ORGANIZATION
MINERAL = Label.MINERAL
COMMODITY = Label.COMMODITY
SECTOR = Label.SECTOR
AGREEMENT = Label.AGREEMENT
EVENT = Label.EVENT
PLACE = Label.PLACE
# Labels of the mentions that can be parties to an agreement themselves.
PARTY_LABELS = frozenset({COUNTRY, ORGANIZATION, REGION})
