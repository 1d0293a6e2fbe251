"""A regular expression for a set of literal words, laid out as a trie.

Python's ``re`` tries the branches of an alternation one after the other at every
position: a hundred keywords cost a hundred tests per character. Sharing prefixes
("pre(?:sident|mier)") leaves one test per distinct next character, and a top-level
alternation of literals lets ``re`` skip ahead to the characters words start with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_END = ""  # trie key holding the tails of the words that end at a node


def trie_pattern(words: Iterable[tuple[str, str]]) -> str:
    """A pattern matching where one of the ``(literal, tail)`` pairs matches: the
    literal followed by the tail, itself a pattern (``""``, ``r"\\b"``, ``"$"``)."""
    root: dict[str, Any] = {}
    for literal, tail in words:
        if not literal:
            raise ValueError("empty literal")
        node = root
        for ch in literal:
            node = node.setdefault(ch, {})
        node.setdefault(_END, set()).add(tail)
    return _pattern(root)


def _pattern(node: dict[str, Any]) -> str:
    tails: set[str] = node.get(_END, set())
    if "" in tails:
        return ""  # a word ends here whatever follows: longer words add no match
    alternatives = [re.escape(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch]
    alternatives += sorted(tails)
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"
