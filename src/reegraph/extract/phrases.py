"""Phrase matching over spaCy's tokens without building a spaCy ``Doc`` per document.

spaCy's tokenizer cuts a text at whitespace and then splits each piece on its own
(prefixes, suffixes, infixes, special cases): a piece's tokens never depend on its
neighbours, and whitespace other than the single space after a token is a token of its
own. News copy repeats most pieces ("the", "China's", "rare"), so :class:`Phrases`
tokenises each piece it has not seen once, with spaCy's rules
(:mod:`reegraph.extract.splitter`), and keeps only what phrase matching needs: nothing
for a piece without a token of any phrase, else its tokens. Phrases are then found
token by token in tries, as spaCy's ``PhraseMatcher`` finds them (same tokens, same
matches: ``tests/test_extract_phrases.py`` compares the two), at a fraction of the cost
of building and matching a ``Doc``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import reduce
from itertools import accumulate, compress, repeat
from operator import is_, itemgetter, or_
from typing import Any

from reegraph.extract.splitter import PieceSplitter

_RUNS = re.compile(r"\s+|\S+")
_END = ""  # trie key under which a node lists the phrases ending there (no token is empty)
BREAK = " "  # stands for tokens no phrase contains (whitespace, other words)

# A phrase starting in a piece, followed through the piece once and for all: 0 for
# token texts or 1 for lower-cased ones, its offset in the piece, the phrases that end
# within the piece (end offset, key), and the trie node reached at the piece's end when
# the phrase may go on in the next piece (else None).
Walk = tuple[int, int, tuple[tuple[int, str], ...], dict[str, Any] | None]
# What is kept of a piece: its token texts, lower-cased texts and offsets (runs of
# tokens no phrase contains made one BREAK), the walks of the phrases that start in it,
# its mark (see Phrases), and whether a scan has anything to do with it.
Piece = tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...], tuple[Walk, ...], int, bool]
_NOTHING: Piece = ((), (), (), (), 0, False)  # a piece none of whose tokens is in a phrase
_MIXED = -1  # the mark of a piece with whitespace inside (a tab, a no-break space)
Match = tuple[int, int, str]  # start, end (character offsets), phrase key
_VISIT = itemgetter(5)  # does a scan have anything to do with a piece


def _no_pair(mark: int, following: str) -> int:
    return 0


def fresh_tokenizer(nlp: Any) -> Any:
    """A tokenizer configured like ``nlp``'s, with a vocabulary of its own."""
    from spacy.tokenizer import Tokenizer
    from spacy.vocab import Vocab

    t = nlp.tokenizer
    return Tokenizer(
        Vocab(),
        rules=t.rules,
        prefix_search=t.prefix_search,
        suffix_search=t.suffix_search,
        infix_finditer=t.infix_finditer,
        token_match=t.token_match,
        url_match=t.url_match,
        faster_heuristics=t.faster_heuristics,
    )


class Scan:
    """What :meth:`Phrases.scan` found in a text: the matches, and the marks of its
    pieces, to be united over spans of the text."""

    __slots__ = ("_bits", "_ends", "_mixed_ends", "_mixed_starts", "matches")

    def __init__(
        self,
        matches: list[Match],
        ends: list[int],
        bits: list[int],
        mixed: list[tuple[int, int]],
    ) -> None:
        self.matches = matches
        self._ends = ends  # end offsets of the pieces with a mark
        self._bits = bits
        # Pieces with whitespace inside (a tab, a no-break space): (start, end) offsets.
        self._mixed_starts = [a for a, _ in mixed]
        self._mixed_ends = [b for _, b in mixed]

    def marks(self, start: int, end: int) -> int | None:
        """The union of the marks of the pieces that end in (start, end]: the pieces
        of a span of text that starts after whitespace (or after leading punctuation
        of its piece) and ends before whitespace. None when a piece with whitespace
        inside reaches into the span (the caller marks the span itself)."""
        if self._mixed_ends:
            k = bisect_right(self._mixed_ends, start)  # the first such piece ending after start
            if k < len(self._mixed_ends) and self._mixed_starts[k] < end:
                return None
        lo, hi = bisect_right(self._ends, start), bisect_right(self._ends, end)
        return reduce(or_, self._bits[lo:hi], 0)


class Phrases:
    """Token sequences under keys, matched by exact tokens (``exact=True``) or by
    lower-cased tokens, like spaCy's ``PhraseMatcher`` with ``attr="ORTH"``/``"LOWER"``.

    Memory stays bounded on an endless stream: the piece cache holds two generations of
    at most ``limit`` pieces each (a piece seen again moves to the young one, the old
    one is dropped when the young one is full), and the tokenizer kept for the rare
    pieces the splitter leaves (its vocabulary keeps every string it has seen) is
    replaced past ``max_strings``.
    """

    def __init__(
        self,
        nlp: Any,
        mark: Callable[[str], int] | None = None,
        pair: tuple[int, Callable[[int, str], int]] | None = None,
        limit: int = 1 << 14,
        max_strings: int = 1 << 13,
    ) -> None:
        self.nlp = nlp
        self.mark = mark  # a number each piece is marked with (bits to unite over spans)
        # Marks that depend on the next piece as well: for a piece whose mark has one of
        # these bits, followed by a single space, pair(mark, next piece) is added to it.
        self.pair_bits, self.pair = pair or (0, _no_pair)
        self.tokenizer = fresh_tokenizer(nlp)  # for the rare pieces the splitter leaves
        self.splitter = PieceSplitter(nlp)
        self.rules = frozenset(nlp.tokenizer.rules)  # special cases ("cannot" -> can, not)
        self.exact: dict[str, Any] = {}  # trie over token texts
        self.lower: dict[str, Any] = {}  # trie over lower-cased token texts
        self.vocabulary: set[str] = set()  # every token of a phrase (as matched)
        self.limit = limit
        self.max_strings = max_strings
        self.cache: dict[str, Piece] = {}
        self.old: dict[str, Piece] = {}

    def add(self, key: str, text: str, exact: bool) -> None:
        """Add a phrase: ``text`` tokenised as documents are."""
        tokens = [t.text if exact else t.lower_ for t in self.nlp.make_doc(text)]
        if any(t.isspace() for t in tokens):
            raise ValueError(f"phrase {text!r} holds a whitespace token")
        node = self.exact if exact else self.lower
        for tok in tokens:
            node = node.setdefault(tok, {})
        node.setdefault(_END, []).append(key)
        self.vocabulary.update(tokens)
        self.cache.clear()
        self.old.clear()

    # -- pieces ----------------------------------------------------------------------------
    def _learn(self, unseen: list[str], pieces: list[str]) -> None:
        """Bring the pieces of a text not in the young generation into it: from the old
        one, or tokenised."""
        new = list(dict.fromkeys(unseen))
        if len(self.cache) + len(new) > self.limit:
            self.old, self.cache = self.cache, {}
            new = list(dict.fromkeys(pieces))
        old = self.old
        for piece in new:
            if (known := old.get(piece)) is not None:
                self.cache[piece] = known
                continue
            # ASCII letters only, or digits only: no prefix, suffix or infix rule applies,
            # so the piece is one token unless it is a special case ("cannot").
            if piece.isascii() and (piece.isalpha() or piece.isdigit()) and piece not in self.rules:
                self._store(piece, [(0, piece)])
            else:
                self._store(piece, self._tokens(piece))

    def _tokens(self, piece: str) -> list[tuple[int, str]]:
        """(offset, text) of each token of a piece; whitespace other than spaces (tabs,
        no-break spaces) is a token of its own, as in spaCy."""
        out: list[tuple[int, str]] = []
        at = 0
        for run in _RUNS.findall(piece):
            if run.isspace():
                out.append((at, run))
            else:
                texts = self.splitter.split(run)
                if texts is None:  # a special case spaCy re-joins: ask spaCy itself
                    texts = [t.text for t in self._spacy(run)]
                pos = at
                for text in texts:
                    out.append((pos, text))
                    pos += len(text)
            at += len(run)
        return out

    def _spacy(self, text: str) -> Any:
        if len(self.tokenizer.vocab.strings) > self.max_strings:
            self.tokenizer = fresh_tokenizer(self.nlp)
        return self.tokenizer(text)

    def _store(self, piece: str, tokens: list[tuple[int, str]]) -> None:
        """Keep a piece's tokens, runs of tokens no phrase contains made one ``BREAK``."""
        mark = self.mark(piece) if self.mark else 0
        if mark and any(c.isspace() for c in piece):
            mark = _MIXED
        vocabulary = self.vocabulary
        orth: list[str] = []
        offsets: list[int] = []
        for at, text in tokens:
            if text.isspace() or (text not in vocabulary and text.lower() not in vocabulary):
                if orth and orth[-1] is BREAK:
                    continue
                text = BREAK
            orth.append(text)
            offsets.append(at)
        if all(t is BREAK for t in orth):
            self.cache[piece] = ((), (), (), (), mark, True) if mark else _NOTHING
            return
        lower = tuple(t if t is BREAK else t.lower() for t in orth)
        walks = [
            self._walk(seq, k, tokens, offsets)
            for seq, trie, tokens in ((0, self.exact, orth), (1, self.lower, lower))
            for k, t in enumerate(tokens)
            if t in trie
        ]
        self.cache[piece] = (
            tuple(orth),
            lower,
            tuple(offsets),
            tuple(walks),
            mark,
            bool(walks or mark),
        )

    def _walk(self, seq: int, k: int, tokens: Sequence[str], offsets: list[int]) -> Walk:
        """Follow the trie from token ``k`` of a piece to the piece's end."""
        node: dict[str, Any] = self.lower if seq else self.exact
        ends: list[tuple[int, str]] = []
        for i in range(k, len(tokens)):
            if (step := node.get(tokens[i])) is None:
                return (seq, offsets[k], tuple(ends), None)
            node = step
            if _END in node:
                ends += [(offsets[i] + len(tokens[i]), key) for key in node[_END]]
        return (seq, offsets[k], tuple(ends), node)

    # -- matching --------------------------------------------------------------------------
    def scan(self, text: str) -> Scan:
        """Every match in ``text`` (exact phrases first, then lower-cased ones, each by
        start and then end: the order of spaCy's two matchers, one after the other),
        and the marks of its pieces."""
        # Pieces end at spaces and line breaks (a line break is a token of its own, and
        # pieces that do not run across lines recur far more often: "said." rather
        # than "said.\nThe"). Only pieces in which a phrase can start are visited.
        pieces = text.replace("\n", " ").split(" ")
        known = list(map(self.cache.get, pieces))
        if None in known:
            # Index loops run in C (itertools), not per piece in Python: a text has about a
            # thousand pieces, and only a few are new.
            missing = list(compress(range(len(known)), map(is_, known, repeat(None))))
            self._learn([pieces[i] for i in missing], pieces)
            cache = self.cache
            for i in missing:
                known[i] = cache[pieces[i]]
        found: list[Piece] = known  # type: ignore[assignment]  # all known now
        ends = list(accumulate(map(len, pieces)))  # piece i ends at ends[i] + i
        last = len(pieces) - 1
        out: tuple[list[Match], list[Match]] = ([], [])
        mark_ends: list[int] = []
        marks: list[int] = []
        mixed: list[tuple[int, int]] = []
        pair_bits, pair = self.pair_bits, self.pair
        for i in list(compress(range(len(found)), map(_VISIT, found))):
            _, _, _, walks, mark, _ = found[i]
            piece_end = ends[i] + i
            if mark:
                if mark == _MIXED:
                    mixed.append((piece_end - len(pieces[i]), piece_end))
                else:
                    if mark & pair_bits and i < last and text[piece_end] == " ":
                        mark |= pair(mark, pieces[i + 1])
                    mark_ends.append(piece_end)
                    marks.append(mark)
            if not walks:
                continue
            base = piece_end - len(pieces[i])
            for seq, offset, local, open_node in walks:
                start = base + offset
                for end, key in local:  # mostly one: a loop costs less than a comprehension
                    out[seq].append((start, base + end, key))
                if open_node is None:
                    continue
                # The phrase may go on: follow the trie across the next pieces while only
                # a single space separates them, recording every phrase that ends.
                node = open_node
                p, at = i, base
                while True:
                    after = at + len(pieces[p])  # the separator after piece p
                    if p == last or text[after] != " " or not found[p + 1][0]:
                        break
                    p, at = p + 1, after + 1
                    current = found[p]
                    tokens = current[1] if seq else current[0]
                    for k, tok in enumerate(tokens):
                        if (step := node.get(tok)) is None:
                            break
                        node = step
                        if _END in node:
                            end = at + current[2][k] + len(current[0][k])
                            out[seq].extend([(start, end, key) for key in node[_END]])
                    else:
                        continue  # every token of piece p fits: on to the next piece
                    break
        return Scan(out[0] + out[1], mark_ends, marks, mixed)
