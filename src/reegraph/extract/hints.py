"""Cheap keyword checks that run before a rule's regular expressions.

Each check is a superset of what its rule can match, so skipping a sentence that fails
it never loses a match. Most sentences introduce nobody new and state no relation.

The checks are made once per sentence, from its whitespace-separated tokens: each
distinct token's hints are computed once (news copy repeats its tokens) and a
sentence's hints are the union of its tokens' (``Sentence.hints``, a bit set). A check
whose pattern cannot run across whitespace gives the same answer on a sentence as on
its tokens, so its bit is exact; ``PLACE``, whose pattern runs across one space, is
made exact from two neighbouring tokens (``pair_hints``). The checks rules make on
masked sentences are supersets: the rule still makes its own check after the bit.
The extractor reads the bits from the pieces of text it has already looked up for
lexicon matching (``reegraph.extract.phrases.Scan.marks``); ``sentence_hints`` gives
the same bits from a sentence's text.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache, reduce
from operator import or_

from reegraph.extract.folding import Folded, folds
from reegraph.extract.openworld.patterns import PLACE_CONTEXT as _PLACE_CONTEXT
from reegraph.extract.openworld.words import DESIGNATOR_WORDS, SITE_WORDS
from reegraph.extract.trie import trie_pattern

# "\w\w*", not "\w+": the same matches, and a leading character set lets re skip ahead.
WORD = re.compile(r"\w\w*")


def any_in(low: str, needles: tuple[str, ...]) -> bool:
    """Does the lower-cased text contain one of the (lower-case) needles?"""
    # A plain loop: a generator would cost more than the tests themselves.
    for n in needles:  # noqa: SIM110
        if n in low:
            return True
    return False


AGREEMENT_WORDS = (
    "framework", "agreement", "deal", "pact", "accord", "treat", "memorand", "mou",
    "truce", "pause", "suspension", "reprieve", "détente", "ceasefire", "agree", "partnership",
)  # fmt: skip
MEETING_WORDS = ("meet", "met", "talks", "summit")
SPEECH_WORDS = frozenset(["said", "says", "told", "added", "noted", "stated", "announced", "wrote"])

# Sentence-level checks of the rules (see the bits below for where each runs).
TITLE_HINT = re.compile(
    r"President|Minister|minister|Prime|president|PM\b|Premier|Chancellor|King|Queen|Emir|Sultan|"
    r"[Ll]eader|Secretary|CEO|Chief|Chair|Governor|Senator|Ambassador|Commissioner|Director|"
    r"\b(?:Dr|Mr|Ms|Mrs)\."
)
DESCRIPTOR_HINT = re.compile(
    r"compan|firm|miner|produc|maker|manufactur|conglomerate|developer|refiner|processor|start"
    r"|utilit|supplier|lender|giant|agency|corporations|businesses|group|bank|operator|explorer"
    r"|smelter|trader|trading"
)
PLACE_HINT = re.compile(r"\b(?:in|at|near|from|to|outside) [A-ZÀ-Þ]|[’']s [A-Z]")
MEET_HINT = re.compile(r"\b(?:meet|meets|meeting|met|talks|summit)\b", re.I)
DEPEND_HINT = re.compile(r"depend|relian|rely|relie", re.I)
EXPORT_HINT = re.compile(r"export|curbs", re.I)
SHARE_HINT = re.compile(r"%|percent|per cent", re.I)
# The checks above for masked sentences (``View.search``): tried only where a word occurs.
MEET_CHECK = Folded(MEET_HINT, starts=("meet", "met", "talks", "summit"))
DEPEND_CHECK = Folded(DEPEND_HINT, starts=("depend", "relian", "rely", "relie"))
EXPORT_CHECK = Folded(EXPORT_HINT, starts=("export", "curbs"))

# Bits of ``Sentence.hints``. Exact: PAREN, TITLE, DESIGNATOR, DESCRIPTOR, SPEECH,
# PLACE_CONTEXT.
PAREN = 1  # "(": acronym definitions
TITLE = 1 << 1  # TITLE_HINT: names after titles
DESIGNATOR = 1 << 2  # a corporate designator word ("Ltd", "Metals")
DESCRIPTOR = 1 << 3  # DESCRIPTOR_HINT: "company", "producer" ...
SPEECH = 1 << 4  # a speech verb
PLACE = 1 << 5  # a locative before a capitalised word: PLACE_HINT matches (exact)
MEETING = 1 << 6  # may match MEET_HINT
AGREEMENT = 1 << 7  # may contain an agreement word
DEPEND = 1 << 8  # may match DEPEND_HINT
EXPORT = 1 << 9  # may match EXPORT_HINT
SHARE = 1 << 10  # may match SHARE_HINT
DESCRIPTOR_NOUN = 1 << 11  # a noun that can introduce a list of companies ("producers")
CONTINUES = 1 << 12  # a word agreements.patterns.CONTINUES needs ("means", "result")
# Token bits from which PLACE is made: a token ending in a locative ("in", "near") or a
# possessive ("Tokyo's"), before a single space and a capital (see pair_hints).
LOCATIVE = 1 << 13
POSSESSIVE = 1 << 14
PLACE_CONTEXT = 1 << 15  # openworld.patterns.PLACE_CONTEXT matches (exact: one word)
SITE = 1 << 16  # a noun naming a site ("mine", "plant"): openworld.patterns.FACILITY

# Token-level forms of the checks whose pattern spans whitespace.
_LOCATIVE_TOKEN = re.compile(r"\b(?:in|at|near|from|to|outside)$")
_POSSESSIVE_TOKEN = re.compile(r"[’']s$")
# What may follow them in PLACE_HINT: [A-ZÀ-Þ] after a locative, [A-Z] after a possessive.
_CAPITALS = frozenset(string.ascii_uppercase)
_LOCATIVE_CAPITALS = _CAPITALS | {chr(c) for c in range(0xC0, 0xDF)}
# The nouns of openworld.patterns.FACILITY, as a whole token (perhaps before punctuation).
_SITE_TOKEN = re.compile(r"^(?:" + "|".join(SITE_WORDS) + r")s?\W*$")
_SHARE_TOKEN = re.compile(r"%|percent|\bper\b", re.I)
# The nouns of openworld.patterns.DESCRIPTOR, ending a token (they are followed by
# whitespace there, perhaps after a comma).
_DESCRIPTOR_NOUN = re.compile(
    r"\b(?:company|companies|firms?|miners?|producers?|makers?|manufacturers?|conglomerate"
    r"|developer|refiners?|processors?|startup|start-up|utility|utilities|suppliers?|carmaker"
    r"|automaker|lender|giant|agency|corporations|businesses),?$"
)


_CONTINUES_WORD = re.compile(
    r"\b(?:terms|effect|under|result|means?|meant|allows|requires)\b", re.I
)
# A superset of every pattern below at once, over the lower-cased token: a token matching
# none of them (most new names and numbers) sets no bit, and costs one search instead of
# a dozen. Each pattern's matches hold one of these literals, followed by its tail (a
# leading "\b" is left out: it would cost a test at every position; each descriptor noun
# holds a DESCRIPTOR_HINT word). Laid out as a trie, the search costs a fifth of the
# alternation of the patterns themselves. A test checks every hinted token gets through.
_B = r"\b"
_GATE_WORDS = (
    [("(", ""), ("pm", _B), ("%", ""), ("percent", ""), ("per", _B)]
    + [(w, "") for w in ("president", "minister", "prime", "premier", "chancellor", "king")]
    + [(w, "") for w in ("queen", "emir", "sultan", "leader", "secretary", "ceo", "chief")]
    + [(w, "") for w in ("chair", "governor", "senator", "ambassador", "commissioner")]
    + [(w, "") for w in ("director", "dr.", "mr.", "ms.", "mrs.")]
    + [(w.lower(), _B) for w in DESIGNATOR_WORDS]
    + [(w, "") for w in DESCRIPTOR_HINT.pattern.split("|")]
    + [(w, _B) for w in SPEECH_WORDS]
    + [(w, "$") for w in ("in", "at", "near", "from", "to", "outside", "’s", "'s")]
    + [(w, _B) for w in ("meet", "meets", "meeting", "met", "talks", "summit")]
    + [(w, "") for w in AGREEMENT_WORDS]
    + [(w, "") for w in ("depend", "relian", "rely", "relie", "export", "curbs")]
    + [(w, _B) for w in ("terms", "effect", "under", "result", "mean", "means", "meant")]
    + [(w, _B) for w in ("allows", "requires")]
    + [(w.lower(), "") for w in _PLACE_CONTEXT.starts]
    + [(w, "") for w in SITE_WORDS]
)
_ANY = re.compile(trie_pattern(_GATE_WORDS))


def _token_hints(token: str) -> int:
    """The hint bits one whitespace-free token sets."""
    if folds(token) and not _ANY.search(token.lower()):
        return 0
    return token_bits(token)


def token_bits(token: str) -> int:
    """The hint bits of a token, each tested on its own."""
    low = token.lower()
    words = WORD.findall(token)
    return (
        (PAREN if "(" in token else 0)
        | (TITLE if TITLE_HINT.search(token) else 0)
        | (DESIGNATOR if any(w in DESIGNATOR_WORDS for w in words) else 0)
        | (DESCRIPTOR if DESCRIPTOR_HINT.search(token) else 0)
        | (SPEECH if any(w in SPEECH_WORDS for w in words) else 0)
        | (LOCATIVE if _LOCATIVE_TOKEN.search(token) else 0)
        | (POSSESSIVE if _POSSESSIVE_TOKEN.search(token) else 0)
        | (MEETING if MEET_HINT.search(token) else 0)
        | (AGREEMENT if any_in(low, AGREEMENT_WORDS) else 0)
        | (DEPEND if DEPEND_HINT.search(token) else 0)
        | (EXPORT if EXPORT_HINT.search(token) else 0)
        | (SHARE if _SHARE_TOKEN.search(token) else 0)
        | (DESCRIPTOR_NOUN if _DESCRIPTOR_NOUN.search(token) else 0)
        | (CONTINUES if _CONTINUES_WORD.search(token) else 0)
        | (PLACE_CONTEXT if _PLACE_CONTEXT.search(token) else 0)
        | (SITE if _SITE_TOKEN.match(token) else 0)
    )


token_hints = lru_cache(maxsize=1 << 14)(_token_hints)


def sentence_hints(text: str) -> int:
    """The hint bits of a sentence: the union of its tokens', and PLACE."""
    found: int = reduce(or_, map(token_hints, text.split()), 0)
    if found & (LOCATIVE | POSSESSIVE) and PLACE_HINT.search(text):
        found |= PLACE
    return found


def pair_hints(mark: int, following: str) -> int:
    """PLACE, for a piece of text marked ``mark`` followed by one space and ``following``
    (PLACE_HINT's match runs across exactly that space)."""
    first = following[:1]
    if (mark & LOCATIVE and first in _LOCATIVE_CAPITALS) or (
        mark & POSSESSIVE and first in _CAPITALS
    ):
        return PLACE
    return 0


def piece_hints(piece: str) -> int:
    """The hint bits of a piece of text, for callers that keep them per piece."""
    return reduce(or_, map(_token_hints, piece.split()), 0)
