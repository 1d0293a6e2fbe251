"""Resolving names the way people type them: case, aliases, symbols, acronyms, surnames.

Unknown names get close matches; ambiguous ones list their candidates.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from reegraph.errors import AmbiguousEntityError, UnknownEntityError
from reegraph.model import Label, lookup_key
from reegraph.store.base import CypherStore
from reegraph.store.statements import entity_names


@dataclass(frozen=True)
class NamedEntity:
    id: str
    label: str
    name: str
    lookup: tuple[str, ...]


def load_names(store: CypherStore, labels: Iterable[str] | None = None) -> list[NamedEntity]:
    wanted = list(labels) if labels else [label.value for label in Label]
    return [
        NamedEntity(r["id"], r["label"], r["name"], tuple(r["lookup"] or ()))
        for label in wanted
        for r in store.run(entity_names(label).text)
    ]


def resolve_name(candidates: list[NamedEntity], name: str, kind: str = "entity") -> NamedEntity:
    """The one entity ``name`` means, or a helpful error."""
    key = lookup_key(name)
    exact = [c for c in candidates if name == c.id or key in c.lookup]
    if not exact:
        # A surname alone ("Xi", "Takaichi") means the one person who carries it.
        exact = [
            c for c in candidates
            if c.label == Label.PERSON and key and key == lookup_key(c.name).split(" ")[-1]
        ]
    if len(exact) > 1:
        by_name = [c for c in exact if lookup_key(c.name) == key]
        if len(by_name) == 1:
            return by_name[0]
        raise AmbiguousEntityError(name, sorted(f"{c.name} ({c.label})" for c in exact))
    if exact:
        return exact[0]
    keys = {k: c for c in candidates for k in (lookup_key(c.name), *c.lookup)}
    close = difflib.get_close_matches(key, list(keys), n=5, cutoff=0.6)
    suggestions = list(dict.fromkeys(keys[k].name for k in close))[:3]
    raise UnknownEntityError(kind, name, suggestions)
