"""Case-insensitive patterns run as case-sensitive ones over lower-cased text.

Python's ``re`` scans much faster for lower-case literals than for case-insensitive
ones (3x for the longer cue lists). On a text without "İ", "ı" or "ſ" the two give the
same matches at the same offsets: for every other character ``str.lower`` keeps the
length, the word/digit/space classes and agrees with ``re.IGNORECASE`` about which
ASCII letter it equals (``tests/test_extract_phrases.py`` checks this over all of
Unicode). Matches found in the lower-cased text are read back from the original
through their offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reegraph.extract.gated import gated_finditer, gated_search, literal_gate

UNFOLDABLE = "\u0130\u0131\u017f"  # İ ı ſ


def folds(text: str) -> bool:
    """Can case-insensitive patterns run on ``text.lower()`` instead of ``text``?"""
    # Three substring tests, not a generator over UNFOLDABLE: this runs per sentence and
    # per new token, and the generator cost more than the tests.
    return "\u0130" not in text and "\u0131" not in text and "\u017f" not in text


# Pattern syntax to keep as written: escapes and group names.
_SYNTAX = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)|\(\?[a-zA-Z-]+[:)]")


def lowered(pattern: str) -> str:
    """``pattern`` with its literal letters lower-cased (escapes and group names kept)."""
    out = []
    pos = 0
    for m in _SYNTAX.finditer(pattern):
        syntax = m.group()
        if syntax.startswith("(?") and not syntax.startswith("(?P"):
            raise ValueError(f"inline flags in {pattern!r}")
        if syntax[:2] in {"\\x", "\\u", "\\U", "\\N"} or syntax[1:].isdigit():
            raise ValueError(f"character codes or back-references in {pattern!r}")
        out += [pattern[pos : m.start()].lower(), syntax]
        pos = m.end()
    out.append(pattern[pos:].lower())
    return "".join(out)


class Folded:
    """A case-insensitive pattern and its twin for lower-cased text.

    ``starts``, when given, are lower-case literals one of which every match begins
    with: the lower-cased text is then tried only where one of them occurs (see
    :mod:`reegraph.extract.gated`).
    """

    def __init__(self, rx: re.Pattern[str], starts: tuple[str, ...] = ()) -> None:
        if not rx.flags & re.IGNORECASE:
            raise ValueError(f"{rx.pattern!r} is not case-insensitive")
        self.rx = rx
        self.low = re.compile(lowered(rx.pattern), rx.flags & ~re.IGNORECASE)
        self.starts = starts
        self.gate = literal_gate(starts) if starts else None

    def finditer(self, text: str, low: str | None) -> Iterator[re.Match[str]]:
        """Matches in ``text``; ``low`` is ``text.lower()`` when ``text`` folds safely
        (``UNFOLDABLE`` absent), else None. Offsets are ``text``'s; read group texts
        from ``text``, not from the match."""
        if low is None:
            return self.rx.finditer(text)
        if self.gate is not None:
            return gated_finditer(self.low, self.gate, low)
        return self.low.finditer(low)

    def search(
        self, text: str, low: str | None, end: int | None = None, start: int = 0
    ) -> re.Match[str] | None:
        """The first match in ``text[start:end]`` (searched as if the text ended there;
        ``\\b`` and look-behinds still see the text before ``start``)."""
        stop = len(text) if end is None else end
        if low is None:
            return self.rx.search(text, start, stop)
        if self.gate is not None:
            return gated_search(self.low, self.gate, low, stop, start)
        return self.low.search(low, start, stop)
