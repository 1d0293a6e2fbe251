"""Sentence spans over the original text, robust to abbreviations, bullets and headings.

Every line is a paragraph break (news copy puts one paragraph per line), so a heading
without final punctuation ends at its line break. Spans are (start, end) offsets into
``Document.text``; debris spans are skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reegraph.extract.hints import sentence_hints

ABBREVIATIONS = frozenset(
    [
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "u.s.a",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "rep",
        "sen",
        "gov",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "ltd",
        "co",
        "plc",
        "llc",
        "no",
        "nos",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "approx",
        "dept",
        "est",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "mln",
        "bn",
        "excl",
        "incl",
        "al",
        "p.m",
        "a.m",
        "cf",
        "op",
        "ed",
        "ft",
        "vol",
        "pp",
        "ca",
    ]
)
# After "U.S." a sentence only starts with one of these; otherwise "U.S. Steel" continues.
_STARTERS = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "In",
        "On",
        "At",
        "But",
        "And",
        "However",
        "Meanwhile",
        "Both",
        "China",
        "Japan",
        "He",
        "She",
        "They",
        "We",
        "I",
        "A",
        "An",
        "As",
        "For",
        "With",
        "While",
        "If",
        "When",
        "After",
        "Before",
        "Under",
        "Such",
        "Some",
    ]
)
# "[.!?…][.!?…]*" rather than "[.!?…]+": the same matches, but a pattern that starts with a
# plain character set lets re skip ahead to the next candidate (5x faster on a paragraph).
_BOUNDARY = re.compile(r"[.!?…][.!?…]*[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
# _BOUNDARY for a line without "!", "?" or "…": the same matches, and a pattern that starts
# with one literal character makes re skip ahead faster still than a character set does.
_BOUNDARY_DOT = re.compile(r"\.\.*[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_WORD_STOP = re.compile(r'[\s("“]')  # what a word before a full stop starts after
_LEAD = re.compile(r"[-•●▪◦*·–—\s]+")  # bullets and dashes before a sentence (matched at it)
_LEAD_CHARS = frozenset("-•●▪◦*·–—")  # what _LEAD starts with, besides whitespace


# Not frozen: a frozen dataclass's __init__ costs four times as much, and sentences are
# made by the thousand (nothing changes one once split).
@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    para: int
    heading: bool  # a line without final punctuation: a title or section heading
    hints: int  # which rules' keyword checks it passes (see reegraph.extract.hints)


def _word_start(line: str, dot: int) -> int:
    """Where the word ending at ``dot`` starts: after whitespace, "(" or a quote. Mostly
    after the last space, found by one search in C rather than a step per character."""
    j = line.rfind(" ", 0, dot) + 1
    if _WORD_STOP.search(line, j, dot) is None:
        return j
    j = dot
    while j > 0 and not line[j - 1].isspace() and line[j - 1] not in '("“':
        j -= 1
    return j


def _is_abbrev(line: str, dot: int) -> bool:
    """Is the full stop at ``dot`` part of an abbreviation or initial, not an ending?"""
    j = _word_start(line, dot)
    word = line[j:dot].lower().strip("'’")
    if not word:
        return False
    if word in ABBREVIATIONS:
        if word in {
            "u.s",
            "u.k",
            "u.n",
            "e.u",
            "u.s.a",
            "etc",
            "inc",
            "corp",
            "ltd",
            "co",
            "plc",
            "llc",
        }:
            nxt = line[dot + 1 :].split(None, 1)
            return not (nxt and nxt[0].strip('"“') in _STARTERS)
        return True
    if len(word) == 1 and word.isalpha():  # initials "J. Smith"
        return True
    if line[j:dot].isdigit() and (j == 0 or line[:j].isspace()):  # "2. Heading"
        return True
    return "." in word and len(word) <= 6  # "a.m", "i.e" style


def _split_line(line: str, offset: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    plain = "!" not in line and "?" not in line and "…" not in line
    for m in (_BOUNDARY_DOT if plain else _BOUNDARY).finditer(line):
        dot = m.start()
        if line[dot] == "." and m.end() - dot == 1 and _is_abbrev(line, dot):
            continue
        out.append((start, m.end()))  # never blank: it ends with the boundary's punctuation
        start = m.end()
    if line[start:].strip():
        out.append((start, len(line)))
    spans = []
    for s, e in out:
        first = line[s]
        lead = 0
        if (first in _LEAD_CHARS or first.isspace()) and (lm := _LEAD.match(line, s, e)):
            lead = lm.end() - s
        seg_end = e - s if not line[e - 1].isspace() else len(line[s:e].rstrip())
        if seg_end > lead:
            spans.append((offset + s + lead, offset + s + seg_end))
    return spans


def split_sentences(
    text: str,
    debris: Sequence[tuple[int, int]] = (),
    hints: Callable[[int, int], int | None] | None = None,
) -> list[Sentence]:
    """Sentences of ``text`` outside ``debris`` spans, in order. ``hints`` gives the
    keyword hints of a span (see :class:`reegraph.extract.phrases.Scan`); by default
    they are read from the sentence text."""
    starts = [d[0] for d in debris]
    ends = {d[0]: d[1] for d in debris}
    sentences: list[Sentence] = []
    pos = 0
    for para, raw in enumerate(text.split("\n")):
        line_start = pos
        pos += len(raw) + 1
        if not raw.strip():
            continue
        k = bisect_right(starts, line_start + len(raw) - 1) - 1
        if k >= 0 and starts[k] <= line_start + len(raw) and ends[starts[k]] > line_start:
            # Whole-line debris (the cleaner works on lines).
            continue
        for s, e in _split_line(raw, line_start):
            heading = text[e - 1] not in '.!?:;"”’)…' and e - s < 160
            found = hints(s, e) if hints else None
            if found is None:
                found = sentence_hints(text[s:e])
            sentences.append(Sentence(len(sentences), s, e, para, heading, found))
    return sentences
