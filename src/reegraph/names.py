"""Resolving names the way people type them: case, aliases, symbols, acronyms, surnames.

Matching goes in tiers, stopping at the first that finds something: the id or any
normalised name (``model.lookup_key``: case, accents and punctuation folded), the
same without a title or possessive ("President Xi", "China's"), a person's surname
("Xi"), then an acronym of the name ("MHI"). Several hits in one tier are ambiguous
unless exactly one is named that way outright; no hit gives close matches.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reegraph.errors import AmbiguousEntityError, UnknownEntityError
from reegraph.model import Label, lookup_key
from reegraph.store.base import CypherStore
from reegraph.store.statements import entity_by_name, entity_names

# Words a name is often prefixed with that are not part of it.
TITLES = (
    "president",
    "prime minister",
    "pm",
    "premier",
    "chancellor",
    "minister",
    "secretary",
    "ceo",
    "chairman",
    "chair",
    "king",
    "queen",
    "mr",
    "mrs",
    "ms",
    "dr",
    "the",
)
_TITLE = re.compile(rf"^(?:(?:{'|'.join(TITLES)})\s+)+")
# Small words an acronym skips: "Japan Organisation for Metals and Energy Security".
_SKIPPED = frozenset({"of", "for", "and", "the", "de", "du", "la", "des", "und", "on", "in"})


@dataclass(frozen=True)
class NamedEntity:
    id: str
    label: str
    name: str
    lookup: tuple[str, ...]

    def describe(self) -> str:
        return f"{self.name} ({self.label}, {self.id})"


def load_names(store: CypherStore, labels: Iterable[str] | None = None) -> list[NamedEntity]:
    wanted = list(labels) if labels else [label.value for label in Label]
    return [
        NamedEntity(r["id"], r["label"], r["name"], tuple(r["lookup"] or ()))
        for label in wanted
        for r in store.run(entity_names(label).text)
    ]


def find_entity(
    store: CypherStore, labels: Iterable[str], name: str, kind: str = "entity"
) -> NamedEntity:
    """``resolve_name`` against a store. The first tier (the id, or a normalised name)
    is asked of the store itself; only a name it does not settle loads every name of
    the labels for the looser tiers and the suggestions (0.5 s at 100k entities)."""
    wanted = list(labels)
    text = name.strip()
    values = {"id": text, "key": lookup_key(text)}
    exact = [
        NamedEntity(r["id"], r["label"], r["name"], tuple(r["lookup"] or ()))
        for label in wanted
        for r in store.run(entity_by_name(label).text, values)
    ]
    return resolve_name(exact or load_names(store, wanted), name, kind)


def acronym(text: str) -> str:
    """Initials of a name's words: ``"Mitsubishi Heavy Industries"`` -> ``"mhi"``."""
    words = [w for w in lookup_key(text).split() if w not in _SKIPPED]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _bare(key: str) -> str:
    """A key without a leading title or a trailing possessive."""
    key = _TITLE.sub("", key)
    return re.sub(r"\s+s$", "", key)


def _tiers(key: str, text: str) -> list[Callable[[NamedEntity], bool]]:
    bare = _bare(key)
    return [
        lambda c: text == c.id or key in c.lookup,
        lambda c: bool(bare) and bare != key and bare in c.lookup,
        lambda c: (
            c.label == Label.PERSON and bool(bare) and bare == lookup_key(c.name).split(" ")[-1]
        ),
        lambda c: (
            len(bare) > 1
            and " " not in bare
            and any(acronym(n) == bare for n in (c.name, *c.lookup))
        ),
    ]


def resolve_name(candidates: list[NamedEntity], name: str, kind: str = "entity") -> NamedEntity:
    """The one entity ``name`` means, or a helpful error."""
    text = name.strip()
    key = lookup_key(text)
    for matches in _tiers(key, text):
        found = [c for c in candidates if matches(c)]
        if len(found) == 1:
            return found[0]
        if found:
            outright = [c for c in found if lookup_key(c.name) in (key, _bare(key))]
            if len(outright) == 1:
                return outright[0]
            raise AmbiguousEntityError(name, sorted(c.describe() for c in found))
    raise UnknownEntityError(kind, name, suggest(candidates, key))


def _keys(candidate: NamedEntity) -> tuple[str, ...]:
    """Its lookup keys (the name's among them when read from a store or a bundle)."""
    return candidate.lookup or (lookup_key(candidate.name),)


def suggest(candidates: list[NamedEntity], key: str, limit: int = 3) -> list[str]:
    """Names close to ``key``: similar spelling first, then names containing it."""
    if not key:
        return []
    by_key: dict[str, NamedEntity] = {}
    for c in candidates:
        for k in _keys(c):
            by_key.setdefault(k, c)
            # Single words too, so a misspelt first word still finds the whole name.
            for word in k.split():
                if len(word) > 3:
                    by_key.setdefault(word, c)
    close = [by_key[k].name for k in difflib.get_close_matches(key, list(by_key), n=10, cutoff=0.7)]
    words = set(key.split())
    containing = sorted(
        c.name
        for c in candidates
        if len(key) > 2 and any(words <= set(k.split()) for k in _keys(c))
    )
    return list(dict.fromkeys(close + containing))[:limit]
