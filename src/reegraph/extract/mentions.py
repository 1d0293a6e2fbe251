"""Entity mentions: lexicon matches over spaCy's tokens (see :mod:`reegraph.extract.phrases`).

The phrase tries are built once per :class:`MentionFinder`.
Case matters: names and acronyms match exactly, common nouns (minerals, sectors,
commodities) case-insensitively.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from reegraph.extract.lexicon import Alias, Entry, Lexicon
from reegraph.extract.phrases import Scan
from reegraph.extract.sentences import Sentence
from reegraph.model import Label, entity_id

# Words before a capital city that make it the place rather than the government.
_LOCATIVE = frozenset(
    [
        "in",
        "at",
        "to",
        "from",
        "near",
        "outside",
        "visit",
        "visited",
        "visiting",
        "around",
        "across",
        "into",
        "via",
        "toward",
        "towards",
        "arrived",
        "leaves",
        "left",
        "landed",
        "held",
        "hosted",
        "host",
        "based",
        "the",
    ]
)
_PREFIX_ENDS = frozenset(["i", "I", "-"])
_PLACE_NOUNS = re.compile(
    r"^[’']s\s+[A-Z][\w-]+\s+(?:Palace|Hall|House|Centre|Center|Airport|Port"
    r"|Station|Square|Hotel|Building|Tower|Park|Plant|Mine|Refinery|Summit)\b"
)


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    label: Label
    name: str  # canonical candidate: lexicon name or the surface form
    sent: int
    entry: Entry | None = None
    sense: str = "name"  # name | adj | capital | acronym | surname | descriptor
    role: str | None = None
    kind: str | None = None
    country: str | None = None  # country entity id
    rule: str = "lexicon"
    conf: float = 0.9
    entity: str = ""  # resolved entity id (set by resolve)
    head: bool = False  # head-of-state/government title seen
    long_form: str | None = None  # an acronym's definition
    country_from: str = ""  # how an organisation's country was read (descriptor, name, list)

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


class SentenceIndex:
    """Which sentence a character offset falls in (bisect over sentence starts)."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = sentences
        self._starts = [s.start for s in sentences]

    def find(self, start: int, end: int) -> int | None:
        k = bisect_right(self._starts, start) - 1
        if k >= 0 and end <= self.sentences[k].end:
            return k
        return None


def make_tokenizer() -> Any:
    """spaCy's blank English pipeline, with dashes split after abbreviations."""
    import spacy
    from spacy.util import compile_infix_regex

    nlp = spacy.blank("en")
    # "U.S.-Japan" is one token by default; split dashes after an abbreviation.
    infixes = [
        *(nlp.Defaults.infixes or ()),
        r"(?<=\.)[-–—](?=[A-Z])",
        r"(?<=[a-z])[–—](?=[A-Za-z])",
    ]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


class MentionFinder:
    """Builds the phrase tries once; finds lexicon mentions in a document."""

    def __init__(self, lexicon: Lexicon) -> None:
        from reegraph.extract.hints import LOCATIVE, POSSESSIVE, pair_hints, piece_hints
        from reegraph.extract.phrases import Phrases

        self.lexicon = lexicon
        self.nlp = make_tokenizer()
        # Names and acronyms match token texts exactly, common nouns lower-cased.
        self.phrases = Phrases(self.nlp, piece_hints, (LOCATIVE | POSSESSIVE, pair_hints))
        self.by_key: dict[str, list[Alias]] = {}
        for alias in lexicon.aliases:
            key = ("cs:" if alias.case_sensitive else "ci:") + (
                alias.text if alias.case_sensitive else alias.text.lower()
            )
            if key not in self.by_key:
                self.by_key[key] = []
                self.phrases.add(key, key[3:], exact=alias.case_sensitive)
            if all(a.entry.id != alias.entry.id for a in self.by_key[key]):
                self.by_key[key].append(alias)
        # Unambiguous country names and demonyms, for "Japan Organisation for ..." style names.
        self.country_names = {
            a.text: a.entry.id
            for a in lexicon.aliases
            if a.entry.label is Label.COUNTRY
            and a.sense in {"name", "adj"}
            and not a.ambiguous
            and a.case_sensitive
        }

    def scan(self, text: str) -> Scan:
        """Lexicon matches of a text, and the keyword hints of its pieces."""
        return self.phrases.scan(text)

    def matches(self, text: str, scan: Scan | None = None) -> list[tuple[int, int, list[Alias]]]:
        """Every lexicon match: (start, end, aliases), case-sensitive ones first."""
        by_key = self.by_key
        found = (scan or self.phrases.scan(text)).matches
        return [(start, end, by_key[key]) for start, end, key in found]

    def lexicon_mentions(
        self, text: str, index: SentenceIndex, scan: Scan | None = None
    ) -> list[Mention]:
        raw = self.matches(text, scan)
        # Longest match wins; among equals, the case-sensitive one (added first).
        # (Two stable sorts, by end descending and then by start: no Python key calls.)
        raw.sort(key=itemgetter(1), reverse=True)
        raw.sort(key=itemgetter(0))
        kept: list[tuple[int, int, list[Alias]]] = []
        last_end = -1
        for start, end, aliases in raw:
            if start >= last_end:
                kept.append((start, end, aliases))
                last_end = end
        mentions: list[Mention] = []
        unambiguous: set[str] = set()
        pending: list[tuple[int, int, int, list[Alias]]] = []
        for start, end, aliases in kept:
            sent = index.find(start, end)
            if sent is None:
                continue
            # "anti-", "non-": only "i", "I" or "-" lowers to what those end with.
            if text[start - 1 : start] in _PREFIX_ENDS:
                before = text[max(0, start - 4) : start].lower()
                if before == "anti" or before.endswith("non-"):
                    continue
            if len(aliases) == 1 and not aliases[0].ambiguous:
                mentions.append(self._make(text, start, end, sent, aliases[0]))
                if aliases[0].sense == "name":
                    unambiguous.add(aliases[0].entry.id)
            else:
                pending.append((start, end, sent, aliases))
        for start, end, sent, aliases in pending:
            # Ambiguous words count only when the document names the entity plainly too.
            fits = [a for a in aliases if a.entry.id in unambiguous]
            if len(fits) == 1:
                mentions.append(self._make(text, start, end, sent, fits[0]))
        return mentions

    def _make(self, text: str, start: int, end: int, sent: int, alias: Alias) -> Mention:
        entry = alias.entry
        if alias.sense == "capital" and self._is_place(text, start, end):
            return Mention(
                start,
                end,
                Label.PLACE,
                alias.text,
                sent,
                None,
                "place",
                kind="city",
                country=entry.id,
                conf=0.85,
            )
        # Positional (start, end, label, name, sent, entry, sense, role, kind, country):
        # cheaper than keywords for the most frequent call.
        return Mention(
            start, end, entry.label, entry.name, sent, entry, alias.sense, None, entry.kind,
            entry.country,
        )  # fmt: skip

    @staticmethod
    def _is_place(text: str, start: int, end: int) -> bool:
        before = text[max(0, start - 30) : start].split()
        prev = before[-1].lower() if before else ""
        if (
            prev in _LOCATIVE
            or _PLACE_NOUNS.match(text[end : end + 60])
            or text[end : end + 6] == "-based"
        ):
            return True
        # "in Washington and Tokyo": a coordinated capital shares the locative.
        return prev in {"and", "or", ","} and len(before) >= 3 and before[-3].lower() in _LOCATIVE


def capital_place_id(name: str) -> str:
    return entity_id(Label.PLACE, name)
