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
from collections.abc import Iterator
from pathlib import Path

import pytest

import reegraph.extract as extract_pkg
from reegraph.corpus import read_article
from reegraph.extract.folding import Folded, folds
from reegraph.extract.gated import Gated, gated_finditer, gated_search, literal_gate
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


# A gate of two words, a lookbehind and a match that needs the character before it.
_TRICKY = re.compile(r"\b(?<!to )(?:ab|abc|b)\b|(?<=x)ab")
_TRICKY_GATE = literal_gate(("ab", "b"))


def _tricky_texts(seed: int) -> Iterator[tuple[str, int, int]]:
    """Random texts over the gate's letters, with an end and a start before it."""
    rnd = random.Random(seed)
    for _ in range(3000):
        text = "".join(rnd.choice("abcx to") for _ in range(rnd.randint(0, 14)))
        end = rnd.randint(0, len(text))
        yield text, end, rnd.randint(0, end)


def test_gated_finditer_is_finditer_on_tricky_gates() -> None:
    for text, end, _ in _tricky_texts(3):
        expected = [m.span() for m in _TRICKY.finditer(text, 0, end)]
        assert [m.span() for m in gated_finditer(_TRICKY, _TRICKY_GATE, text, end)] == expected


def test_gated_search_from_a_start_is_search_from_it() -> None:
    rx, gate = _TRICKY, _TRICKY_GATE
    for text, end, start in _tricky_texts(4):
        expected = [m.span() for m in rx.finditer(text, start, end)]
        assert [m.span() for m in gated_finditer(rx, gate, text, end, start)] == expected
        first = rx.search(text, start, end)
        assert (first and first.span()) == (
            (m := gated_search(rx, gate, text, end, start)) and m.span()
        )


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


def test_definite_searched_from_the_last_words_finds_what_a_full_search_finds(
    masked: list[str],
) -> None:
    from reegraph.extract.agreements.deals import last_words
    from reegraph.extract.agreements.patterns import DEFINITE

    heads = [s[:i] for s in masked for i in range(0, len(s), 5)]
    rnd = random.Random(12)
    pieces = ["the", "The", "its", "both", "⟨C1⟩", "⟨P2⟩’s", "x", "new-deal", " ", "  ", "\t", ","]
    heads += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))) for _ in range(5000)]
    found = 0
    for head in heads:
        low = head.lower() if folds(head) else None
        full = DEFINITE.search(head, low)
        late = DEFINITE.search(head, low, None, last_words(head, 4))
        assert (full and full.span()) == (late and late.span()), head
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


def test_masked_sentence_names_every_mention_by_code_and_index() -> None:
    from reegraph.extract.mentions import Mention
    from reegraph.extract.sentences import Sentence
    from reegraph.extract.views import CODE, SLOT, View
    from reegraph.model import Label

    labels = list(CODE)
    words = [f"w{i}" for i in range(70)]  # more mentions than placeholders made ahead
    text = "x " + " ".join(words) + "."
    base = 100
    sentence = Sentence(0, base, base + len(text), 0, False, 0)
    mentions, expected, pos = [], ["x "], 2
    for i, w in enumerate(words):
        label = labels[i % len(labels)]
        sense = "adj" if label is Label.COUNTRY and i % 2 else "name"
        mentions.append(Mention(base + pos, base + pos + len(w), label, w, 0, sense=sense))
        code = "J" if sense == "adj" else CODE[label]
        expected.append(f"⟨{code}{i}⟩" + (" " if i < len(words) - 1 else "."))
        pos += len(w) + 1
    view = View(sentence, text, mentions)
    assert view.masked == "".join(expected)
    assert view.low == view.masked.lower()
    assert view.fold == view.low
    assert view.unmask(view.masked) == text
    for codes in ("", "C", "J", "CJPO", "MKS", "L"):
        chunk = view.masked[7:-9]
        expected_slots = [
            mentions[int(n)] for c, n in SLOT.findall(chunk) if not codes or c in codes
        ]
        assert view.slots(chunk, codes) == expected_slots, codes


def test_sentence_lead_is_skipped_as_the_lead_pattern_says() -> None:
    from reegraph.extract import sentences as S

    def reference(line: str) -> list[tuple[int, int]]:
        # _split_line with the bullet pattern tried at every sentence start.
        out, start = [], 0
        plain = not any(c in line for c in "!?…")
        for m in (S._BOUNDARY_DOT if plain else S._BOUNDARY).finditer(line):
            dot = m.start()
            if line[dot] == "." and m.end() - dot == 1 and S._is_abbrev(line, dot):
                continue
            out.append((start, m.end()))
            start = m.end()
        if line[start:].strip():
            out.append((start, len(line)))
        spans = []
        for s, e in out:
            lead = lm.end() - s if (lm := S._LEAD.match(line, s, e)) else 0
            seg_end = e - s if not line[e - 1].isspace() else len(line[s:e].rstrip())
            if seg_end > lead:
                spans.append((s + lead, s + seg_end))
        return spans

    pieces = ["- ", "• ", "•", "*", "—", " ", "\u00a0", "\t", "A.", "b ", "Xy. ", "Z? ", "1 ", "–a"]
    rnd = random.Random(9)
    lines = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12))) for _ in range(5000)]
    lines += [line for t in _texts() for line in t.splitlines() if line.strip()]
    led = 0
    for line in lines:
        expected = reference(line)
        assert S._split_line(line, 0) == expected, line
        # Spans that start after a bullet, dash or whitespace the lead pattern skipped.
        led += any(s > 0 and S._LEAD.match(line, s - 1, s) for s, _ in expected)
    assert led > 100


def test_word_before_a_full_stop_starts_where_a_character_walk_finds_it() -> None:
    from reegraph.extract.sentences import _word_start

    def walk(line: str, dot: int) -> int:
        j = dot
        while j > 0 and not line[j - 1].isspace() and line[j - 1] not in '("“':
            j -= 1
        return j

    pieces = [
        "U.S",
        "Inc",
        "J",
        "12",
        " ",
        "  ",
        "\t",
        "\u00a0",
        "\u2003",
        "(",
        '"',
        "“",
        "’",
        "x",
        ".",
    ]
    rnd = random.Random(13)
    lines = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10))) for _ in range(5000)]
    lines += [line for t in _texts() for line in t.splitlines()][:300]
    for line in lines:
        for dot in range(len(line) + 1):
            assert _word_start(line, dot) == walk(line, dot), (line, dot)


def test_only_three_characters_lower_to_the_end_of_anti_or_non() -> None:
    import sys

    from reegraph.extract.mentions import _PREFIX_ENDS

    # str.lower works character by character, so a window lowers to "anti" or "...non-"
    # only when its last character lowers to something ending in "i" or "-".
    ends = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).lower()[-1:] in ("i", "-")}
    assert ends == _PREFIX_ENDS
