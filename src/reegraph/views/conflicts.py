"""Claims that contradict each other: same type, same ends, different figures, different articles.

Two claims of one type between the same two entities conflict when they agree on
their descriptive identity properties (a supply ``stage``, a tariff ``topic``) but
give different figures for a numeric one (a ``share``, a ``rate_to``, an
``amount``), and the figures come from different documents. Which properties are
identity properties, and which of those are numeric, is read from the model.
"""

from __future__ import annotations

import types
import typing
from collections import defaultdict
from functools import cache

from reegraph.model import RELATIONS, Relation, RelationProperties, RelationType


@cache
def _split_identity(rel_type: RelationType) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(descriptive, numeric) identity properties of a relation type."""
    descriptive: list[str] = []
    numeric: list[str] = []
    for prop in RELATIONS[rel_type].identity:
        annotation = RelationProperties.model_fields[prop].annotation
        args = typing.get_args(annotation) if isinstance(annotation, types.UnionType) else ()
        kinds = set(args) or {annotation}
        (numeric if kinds & {int, float} else descriptive).append(prop)
    return tuple(descriptive), tuple(numeric)


def _conflict(
    a: Relation, b: Relation, descriptive: tuple[str, ...], numeric: tuple[str, ...]
) -> bool:
    pa, pb = a.properties, b.properties
    if any(getattr(pa, p) != getattr(pb, p) for p in descriptive):
        return False
    differs = any(
        getattr(pa, p) is not None
        and getattr(pb, p) is not None
        and getattr(pa, p) != getattr(pb, p)
        for p in numeric
    )
    different_sources = any(x != y for x in a.documents for y in b.documents)
    return differs and different_sources


def conflicting_claims(relations: list[Relation]) -> dict[str, list[Relation]]:
    """For each claim (by ``key``) that is contradicted, the claims contradicting it."""
    groups: dict[tuple[RelationType, str, str], list[Relation]] = defaultdict(list)
    for rel in relations:
        if _split_identity(rel.type)[1]:
            groups[(rel.type, rel.source, rel.target)].append(rel)
    found: dict[str, list[Relation]] = defaultdict(list)
    for (rel_type, _, _), claims in groups.items():
        descriptive, numeric = _split_identity(rel_type)
        for i, a in enumerate(claims):
            for b in claims[i + 1 :]:
                if _conflict(a, b, descriptive, numeric):
                    found[a.key].append(b)
                    found[b.key].append(a)
    return dict(found)
