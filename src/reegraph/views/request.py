"""Turning what the user typed (names, ``k=v`` pairs, dates) into view options, or a clear error."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from reegraph.errors import ReegraphError
from reegraph.model import Label, RelationType
from reegraph.views.select import DEFAULT_MAX_NODES, ViewFilters

E = TypeVar("E", bound=StrEnum)
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class ViewError(ReegraphError):
    """A view was asked for with options that do not fit together or do not exist."""


@dataclass(frozen=True)
class ViewRequest:
    """A view as asked for: the whole graph, one entity's neighbourhood, or a query's answer."""

    focus: str | None = None
    depth: int = 1
    query: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    filters: ViewFilters = field(default_factory=ViewFilters)
    max_nodes: int = DEFAULT_MAX_NODES


def _members(kind: type[E], given: Sequence[str], what: str) -> frozenset[E]:
    by_key = {m.value.lower(): m for m in kind}
    unknown = [g for g in given if g.lower() not in by_key]
    if unknown:
        names = ", ".join(m.value for m in kind)
        raise ViewError(f"unknown {what} {', '.join(map(repr, unknown))}; use one of: {names}")
    return frozenset(by_key[g.lower()] for g in given)


def parse_since(text: str) -> str:
    """An ISO date, ``YYYY-MM`` or ``YYYY``; anything else is refused."""
    text = text.strip()
    padded = text + "-01" * (2 - text.count("-"))
    try:
        if not DATE.match(text):
            raise ValueError
        dt.date.fromisoformat(padded)
    except ValueError:
        raise ViewError(
            f"--since expects a date like 2025-10-01 or 2025-10, got {text!r}"
        ) from None
    return text


def parse_request(
    *,
    focus: str | None = None,
    depth: int = 1,
    query: str | None = None,
    params: Sequence[str] = (),
    labels: Sequence[str] = (),
    relations: Sequence[str] = (),
    since: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> ViewRequest:
    if focus and query:
        raise ViewError("use --focus or --query, not both")
    if params and not query:
        raise ViewError("--param only goes with --query")
    if depth < 0:
        raise ViewError(f"--depth must be 0 or more, got {depth}")
    if max_nodes < 1:
        raise ViewError(f"--max-nodes must be at least 1, got {max_nodes}")
    pairs: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ViewError(f"--param expects name=value, got {item!r}")
        pairs[key.strip()] = value.strip()
    filters = ViewFilters(
        labels=_members(Label, labels, "label"),
        relations=_members(RelationType, relations, "relation type"),
        since=parse_since(since) if since else None,
    )
    return ViewRequest(focus, depth, query, pairs, filters, max_nodes)
