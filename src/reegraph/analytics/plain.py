"""Turning result dataclasses into plain JSON-ready values."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

# Mark a dataclass field ``field(metadata=INTERNAL)`` to keep it out of plain output
# (e.g. the Relation objects a result keeps for drawing its subgraph).
INTERNAL = {"internal": True}


def plain(value: Any) -> Any:
    """Dataclasses, tuples and dicts down to dicts, lists and scalars.

    >>> from dataclasses import dataclass, field
    >>> @dataclass
    ... class Point:
    ...     x: int
    ...     tags: tuple[str, ...] = ()
    ...     cache: object = field(default=None, metadata=INTERNAL)
    >>> plain(Point(1, ("a",)))
    {'x': 1, 'tags': ['a']}
    """
    if is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: plain(getattr(value, f.name))
            for f in fields(value)
            if not f.metadata.get("internal")
        }
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value
