"""Fast paths of extraction give exactly what the slow ones give.

Lexicon matching without spaCy Docs gives what spaCy's own matching gives.

The extractor tokenises each whitespace-separated piece of text once (spaCy's rules,
re-implemented in ``reegraph.extract.splitter``) and matches lexicon phrases in tries
(``reegraph.extract.phrases``). These tests compare both with spaCy itself on the
bundled articles, the unseen-text fixture and variants built to stress whitespace,
case and punctuation. Sentence keyword hints read from pieces equal those read from
the sentence; case-insensitive patterns run over lower-cased text find the same spans.
"""

from __future__ import annotations

import re
import string
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reegraph.corpus import read_article
from reegraph.extract.clean import clean
from reegraph.extract.folding import UNFOLDABLE, Folded, folds
from reegraph.extract.hints import sentence_hints
from reegraph.extract.mentions import MentionFinder, make_tokenizer
from reegraph.extract.phrases import Phrases
from reegraph.extract.pipeline import Extractor
from reegraph.extract.sentences import split_sentences
from reegraph.extract.splitter import PieceSplitter

ROOT = Path(__file__).resolve().parents[1]

# Pieces spaCy treats specially: emoticons, abbreviations, clitics, URLs, currencies.
AWKWARD = (
    ":) (:) :-))) <3<3 a.m., 10a.m. (U.S.) U.S.-China U.S.'s http://x.com/a?b=1. e.g.,"
    " ''hello'' ’s China’s rock' 's' US$5bn 5km 3.5% $4.5bn. (Inc.) Co., Ltd.) —Beijing"
    " “The end.” x.y.z A. J. Mr.X don't Don't cannot, i.e. U.K.'s No. vs. St., (c) ©2025"
    " #tag @user 1st 2nd. '90s ’90s 5-6 1,000,000. -5 +5 a/b and/or ... ?! ¿Qué naïve"
    " Zürich's O'Neill rock'n'roll EU-China Sino-US rare-earth non-Chinese (REE) ¥300"
)


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    return Extractor(ROOT / "ingest/lexicon").finder


@pytest.fixture(scope="module")
def texts() -> list[str]:
    base = [read_article(p).text for p in sorted((ROOT / "ingest/articles").glob("*.txt"))]
    base.append((ROOT / "tests/fixtures/unseen_nordic.txt").read_text(encoding="utf-8"))
    base.append(AWKWARD)
    variants = [
        *(t.replace(" ", "  ") for t in base[:2]),
        *(t.replace(" ", "\n") for t in base[:2]),
        *(t.replace(" ", "\t") for t in base[:2]),
        *(t.replace(" ", " \n ") for t in base[:2]),
        *(t.replace(" ", "\xa0", 40) for t in base[:2]),
        *(t.upper() for t in base[:2]),
        *(t.lower() for t in base[:2]),
        "  United  States\n\nUnited\nStates United States ",
        "",
        " ",
    ]
    return base + variants


@pytest.fixture(scope="module")
def spacy_matches(finder: MentionFinder) -> Callable[[str], list[tuple[int, int, str]]]:
    """What spaCy's PhraseMatcher finds for the same lexicon keys."""
    from spacy.matcher import PhraseMatcher

    nlp: Any = make_tokenizer()
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    for key in finder.by_key:
        (exact if key.startswith("cs:") else lower).add(key, [nlp.make_doc(key[3:])])

    def find(text: str) -> list[tuple[int, int, str]]:
        doc = nlp.make_doc(text)
        return [
            (doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), nlp.vocab.strings[key])
            for matcher in (exact, lower)
            for key, s, e in matcher(doc)
        ]

    return find


def test_matches_are_spacys(
    finder: MentionFinder,
    texts: list[str],
    spacy_matches: Callable[[str], list[tuple[int, int, str]]],
) -> None:
    total = 0
    for text in texts:
        expected = spacy_matches(text)
        assert finder.scan(text).matches == expected, text[:60]
        total += len(expected)
    assert total > 500


def test_pieces_split_as_spacy_splits_them(texts: list[str]) -> None:
    nlp: Any = make_tokenizer()
    splitter = PieceSplitter(nlp)
    pieces = {p for t in texts for p in t.split()} | set(nlp.tokenizer.rules)
    pieces = {p for p in pieces if p and not any(c.isspace() for c in p)}
    asked_spacy = 0
    for piece in sorted(pieces):
        tokens = splitter.split(piece)
        if tokens is None:
            asked_spacy += 1
            continue
        assert tokens == [t.text for t in nlp.tokenizer(piece)], piece
    assert len(pieces) > 2000
    assert asked_spacy < len(pieces) // 100


def test_sentence_hints_read_from_pieces(finder: MentionFinder, texts: list[str]) -> None:
    checked = 0
    for text in texts:
        debris = clean(text).debris
        from_pieces = split_sentences(text, debris, finder.scan(text).marks)
        from_text = split_sentences(text, debris)
        assert from_pieces == from_text
        assert all(s.hints == sentence_hints(text[s.start : s.end]) for s in from_pieces)
        checked += len(from_pieces)
    assert checked > 200


def test_place_context_bit_is_the_pattern(finder: MentionFinder, texts: list[str]) -> None:
    from reegraph.extract import hints
    from reegraph.extract.openworld.patterns import PLACE_CONTEXT

    spans = []
    for text in texts:
        for s in split_sentences(text, clean(text).debris, finder.scan(text).marks):
            spans.append((text[s.start : s.end], s.hints))
    extra = ["the LNG plant", "(projects) held", "Projects", "export port.", "statewide", "x-oil"]
    spans += [(t, sentence_hints(t)) for t in extra]
    hits = 0
    for sentence, found in spans:
        expected = PLACE_CONTEXT.search(sentence) is not None
        assert bool(found & hints.PLACE_CONTEXT) == expected, sentence
        hits += expected
    assert hits > 50


def test_piece_cache_and_tokenizer_stay_bounded() -> None:
    nlp: Any = make_tokenizer()
    phrases = Phrases(nlp, limit=500, max_strings=2000)
    phrases.add("cs:Rare Earths", "Rare Earths", exact=True)
    first = phrases.tokenizer
    # "w7:)" ends in an emoticon spaCy re-joins after splitting: spaCy tokenises those.
    words = [f"w{i}:) x{i}" for i in range(3000)]
    for i in range(0, len(words), 50):
        text = " ".join(words[i : i + 50]) + " Rare Earths."
        assert [text[s:e] for s, e, _ in phrases.scan(text).matches] == ["Rare Earths"]
        assert len(phrases.cache) <= 500
        assert len(phrases.old) <= 500
        assert len(phrases.tokenizer.vocab.strings) <= 2000 + 200
    assert phrases.tokenizer is not first
    assert [t for _, t in phrases._tokens("w7:)")] == ["w7", ":)"]


def test_case_folding_agrees_with_ignorecase_outside_three_letters() -> None:
    """Only İ, ı and ſ make ``str.lower`` and ``re.IGNORECASE`` disagree (see folding)."""
    classes = [re.compile(p) for p in (r"\w", r"\d", r"\s")]
    disagree = set()
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if low == c and c.upper() == c:
            continue  # no case: str.lower leaves it and re.IGNORECASE folds it to nothing
        if (
            len(low) != 1
            or any(bool(rx.match(c)) != bool(rx.match(low)) for rx in classes)
            or any(bool(re.fullmatch(x, c, re.I)) != (low == x) for x in string.ascii_lowercase)
        ):
            disagree.add(c)
    assert disagree == set(UNFOLDABLE)


def test_folded_patterns_find_what_the_originals_find(texts: list[str]) -> None:
    from reegraph.extract import relations, relations_econ
    from reegraph.extract.agreements import patterns

    folded = [
        x
        for module in (relations, relations_econ, patterns)
        for x in vars(module).values()
        if isinstance(x, Folded)
    ]
    assert len(folded) >= 10
    lines = [line for t in texts for line in t.splitlines() if line.strip()]
    lines += [line.swapcase() for line in lines[:200]] + ["Agreed to PAUSE ⟨C1⟩ EXPORT curbs"]
    for pattern in folded:
        for line in lines:
            expected = [m.span() for m in pattern.rx.finditer(line)]
            assert [m.span() for m in pattern.finditer(line, line.lower())] == expected


def test_token_prefilter_lets_every_hinted_token_through(texts: list[str]) -> None:
    from reegraph.extract.hints import _ANY, token_bits

    tokens = {t for text in texts for t in text.split()}
    tokens |= {t.swapcase() for t in tokens} | {"(per", "5%", "Ltd,", "MoU", "Deal’s", "CEO."}
    hinted = [t for t in tokens if token_bits(t)]
    assert len(hinted) > 300
    assert all(_ANY.search(t.lower()) for t in hinted if folds(t))
