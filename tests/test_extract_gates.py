"""Faster forms of the rule patterns find exactly what the patterns themselves find.

Literal tries (``trie_pattern``), patterns tried only where a match can start (``Gated``
and ``Folded`` with ``starts``), multi-word proper-noun phrases (``PNP_MULTI``) and the
sentence boundary of lines without "!", "?" or "…" (``_BOUNDARY_DOT``) are compared with
the plain patterns on the corpus, its masked sentences and tricky inputs.
"""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
from pathlib import Path

import pytest

import reegraph.extract as extract_pkg
from reegraph.corpus import read_article
from reegraph.extract.folding import Folded, folds
from reegraph.extract.gated import Gated, gated_finditer, literal_gate
from reegraph.extract.openworld.patterns import PNP_MULTI, PNP_RE
from reegraph.extract.pipeline import Extractor
from reegraph.extract.resolve import Registry, resolve_document
from reegraph.extract.sentences import _BOUNDARY, _BOUNDARY_DOT
from reegraph.extract.trie import trie_pattern
from reegraph.extract.views import build_views

ROOT = Path(__file__).resolve().parents[1]
TRICKY = [
    "",
    "to deal",
    "To Deal with the pact’s terms",
    "signed the MOU and MoUs, memoranda of understanding",
    "framework agreements and the framework, a détente",
    "⟨C1⟩ and ⟨C2⟩ agreed to pause ⟨M3⟩ export curbs",
    "the ⟨C1⟩-⟨C2⟩ truce was a one-year suspension",
    "ceasefire.deal-pact/accord’s treaty treaties",
    "relies on ⟨C4⟩; dependency on ⟨C5⟩, reliant on ⟨c6⟩",
    "use of ⟨M1⟩ in magnets; used in EVs, powering chips",
    "invested in ⟨O2⟩ stakes; a plan for ⟨L3⟩",
    "İstanbul ı ſ deal",  # texts that do not fold
    "Meet met meeting talks summit-level",
]


def _texts() -> list[str]:
    texts = [read_article(p).text for p in sorted((ROOT / "ingest/articles").glob("*.txt"))]
    texts.append((ROOT / "tests/fixtures/unseen_nordic.txt").read_text(encoding="utf-8"))
    return texts


@pytest.fixture(scope="module")
def masked() -> list[str]:
    """Masked sentences of the corpus (what the relation rules see), in several cases."""
    ex = Extractor()
    reg = Registry()
    out = []
    for text in _texts():
        found = ex.find(text)
        resolve_document(text, found.mentions, reg)
        out += [v.masked for v in build_views(text, found.sentences, found.mentions)]
    return out + [s.upper() for s in out[:100]] + [s.swapcase() for s in out[:100]] + TRICKY


def _gated_patterns() -> list[tuple[str, Folded | Gated]]:
    found: dict[int, tuple[str, Folded | Gated]] = {}
    for info in pkgutil.walk_packages(extract_pkg.__path__, "reegraph.extract."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, Gated) or (isinstance(value, Folded) and value.starts):
                found[id(value)] = (f"{info.name}.{name}", value)
    return list(found.values())


def test_trie_pattern_finds_what_the_alternation_finds() -> None:
    rnd = random.Random(7)
    alphabet = "abc d.'’"
    for _ in range(300):
        words = [
            (
                "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 4))),
                rnd.choice(["", r"\b", "$"]),
            )
            for _ in range(rnd.randint(1, 6))
        ]
        trie = re.compile(trie_pattern(words))
        plain = re.compile("|".join(re.escape(w) + tail for w, tail in words))
        for _ in range(30):
            text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
            m, n = trie.search(text), plain.search(text)
            assert (m and m.start()) == (n and n.start()), (words, text)


def test_gated_finditer_is_finditer_on_tricky_gates() -> None:
    rx = re.compile(r"\b(?<!to )(?:ab|abc|b)\b|(?<=x)ab")
    gate = literal_gate(("ab", "b"))
    rnd = random.Random(3)
    for _ in range(3000):
        text = "".join(rnd.choice("abcx to") for _ in range(rnd.randint(0, 14)))
        end = rnd.randint(0, len(text))
        expected = [m.span() for m in rx.finditer(text, 0, end)]
        assert [m.span() for m in gated_finditer(rx, gate, text, end)] == expected


def test_gated_patterns_find_what_the_plain_ones_find(masked: list[str]) -> None:
    patterns = _gated_patterns()
    assert len(patterns) >= 15
    hits = 0
    for name, p in patterns:
        for text in masked:
            if isinstance(p, Gated):
                plain = [(m.span(), m.groups()) for m in p.rx.finditer(text)]
                assert [(m.span(), m.groups()) for m in p.finditer(text)] == plain, name
                first = p.rx.search(text)
                assert (first and first.span()) == ((m := p.search(text)) and m.span()), name
                continue
            low = text.lower()
            # Every match starts with one of the literals (the claim the gate relies on).
            for m in p.low.finditer(low):
                assert low.startswith(p.starts, m.start()), (name, text)
            plain = [(m.span(), m.groups()) for m in p.low.finditer(low)]
            assert [(m.span(), m.groups()) for m in p.finditer(text, low)] == plain, name
            end = len(text) // 2
            first = p.low.search(low, 0, end)
            assert (first and first.span()) == ((m := p.search(text, low, end)) and m.span()), name
            hits += len(plain)
    assert hits > 100


def test_multi_word_phrases_are_the_phrases_with_whitespace() -> None:
    texts = [line for t in _texts() for line in t.splitlines()]
    pieces = ["A", "b", "Ab", "McX", " ", "  ", "\t", "of", "and", "the", "&", ".", "-", "’", "É"]
    pieces += ["X.Y", "\xa0", "U.S.", "9", ",", "de ", "'"]
    rnd = random.Random(1)
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12))) for _ in range(20000)]
    for text in texts:
        expected = [m.span() for m in PNP_RE.finditer(text) if len(m.group().split()) >= 2]
        assert [m.span() for m in PNP_MULTI.finditer(text)] == expected, text


def test_boundary_of_plain_lines_is_the_boundary() -> None:
    lines = [line for t in _texts() for line in t.splitlines()]
    pieces = [".", "..", " ", "A", "a", "1", '"', "”", "’", ")", "]", "“", "(", "\n", "x."]
    rnd = random.Random(5)
    lines += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 14))) for _ in range(20000)]
    plain = [line for line in lines if not any(c in line for c in "!?…")]
    assert len(plain) > 20000
    for line in plain:
        expected = [m.span() for m in _BOUNDARY.finditer(line)]
        assert [m.span() for m in _BOUNDARY_DOT.finditer(line)] == expected, line


def test_indefinite_searched_from_the_last_words_finds_what_a_full_search_finds(
    masked: list[str],
) -> None:
    from reegraph.extract.agreements.deals import last_words
    from reegraph.extract.agreements.patterns import INDEFINITE

    heads = [s[:i] for s in masked for i in range(0, len(s), 7)]
    rnd = random.Random(11)
    pieces = ["a", "an", "A", "new", "one", "x-", " ", "  ", "\t", ",", "deal", "’s", "similar"]
    heads += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))) for _ in range(5000)]
    found = 0
    for head in heads:
        full = INDEFINITE.search(head)
        assert (full and full.span()) == (
            (m := INDEFINITE.search(head, last_words(head, 4))) and m.span()
        ), head
        found += full is not None
    assert found > 100


def test_find_date_patterns_on_lowered_text_find_what_the_originals_find() -> None:
    from reegraph.extract import dates

    folded = [x for x in vars(dates).values() if isinstance(x, Folded)]
    assert len(folded) == 3
    lines = [line for t in _texts() for line in t.splitlines() if line.strip()]
    lines += [
        "On MONDAY 3rd March, 2025",
        "next tuesday",
        "Oct. 28, 2025 and 1 Nov 2024",
        "İ Monday",
    ]
    lines += [line.swapcase() for line in lines[:200]]
    hits = 0
    for p in folded:
        for line in lines:
            low = line.lower() if folds(line) else None
            expected = [(m.span(), m.groups()) for m in p.rx.finditer(line)]
            got = [(m.span(), m.groups()) for m in p.finditer(line, low)]
            lower = [(span, tuple(g and g.lower() for g in groups)) for span, groups in expected]
            assert got in (expected, lower), line
            hits += len(expected)
    assert hits > 20
