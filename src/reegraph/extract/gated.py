"""Patterns tried only where a match can start.

A pattern that opens with ``\\b`` (or a look-behind) makes Python's ``re`` try a match
at every position of the text, each try costing tests of every branch. When every
match starts with one of a few literals, a search for the literals (a trie: ``re``
skips ahead to the characters they start with) finds the positions worth trying, and
the pattern is matched at those alone. ``\\b`` and look-behinds still see the text
before a position, so the matches are those of a search of the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reegraph.extract.trie import trie_pattern


def literal_gate(starts: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern finding where one of ``starts`` occurs."""
    if not starts or not all(starts):
        raise ValueError("a gate needs non-empty literals")
    return re.compile(trie_pattern((s, "") for s in starts))


def gated_finditer(
    rx: re.Pattern[str],
    gate: re.Pattern[str],
    text: str,
    end: int | None = None,
    start: int = 0,
) -> Iterator[re.Match[str]]:
    """``rx.finditer(text, start, end)`` for a pattern whose every match starts where
    ``gate`` matches (its matches are never empty: they start with a literal)."""
    stop = len(text) if end is None else end
    pos = start
    while (g := gate.search(text, pos, stop)) is not None:
        at = g.start()
        if (m := rx.match(text, at, stop)) is None:
            pos = at + 1
        else:
            yield m
            pos = max(m.end(), at + 1)


def gated_search(
    rx: re.Pattern[str],
    gate: re.Pattern[str],
    text: str,
    end: int | None = None,
    start: int = 0,
) -> re.Match[str] | None:
    """``rx.search(text, start, end)``, trying only where ``gate`` matches."""
    # The loop of gated_finditer without a generator: most searches are tried once.
    stop = len(text) if end is None else end
    pos = start
    while (g := gate.search(text, pos, stop)) is not None:
        if (m := rx.match(text, g.start(), stop)) is not None:
            return m
        pos = g.start() + 1
    return None


class Gated:
    """A pattern each of whose matches starts with one of ``starts`` (case as written)."""

    def __init__(self, rx: re.Pattern[str], starts: tuple[str, ...]) -> None:
        self.rx = rx
        self.starts = starts
        self.gate = literal_gate(starts)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return gated_finditer(self.rx, self.gate, text)

    def search(self, text: str) -> re.Match[str] | None:
        return gated_search(self.rx, self.gate, text)
