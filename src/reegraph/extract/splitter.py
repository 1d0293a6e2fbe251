"""spaCy's tokenizer rules applied to one whitespace-free piece of text, in Python.

spaCy splits each piece between whitespace on its own: special cases ("cannot",
"U.S."), then prefixes and suffixes peeled off in turn, then infixes inside what is
left (``Tokenizer._split_affixes`` and ``_attach_tokens``); at the end it re-applies
the special cases that affix splitting can break apart (emoticons, "a.m."). This
module follows the same steps with the tokenizer's own rules and patterns, so it
needs no ``Doc`` and adds nothing to spaCy's vocabulary (which keeps every string it
sees). Where a re-applied special case would change the tokens it answers ``None`` and
the caller asks spaCy. ``tests/test_extract_phrases.py`` checks it against spaCy.
"""

from __future__ import annotations

from typing import Any


def _plain(string: str) -> bool:
    """ASCII letters only, or digits only: no prefix, suffix or infix rule applies to such
    a string, so it is one token unless it is a special case (``Phrases`` relies on this
    for whole pieces too; ``tests/test_extract_phrases.py`` checks it against spaCy). Most
    pieces the splitter sees are such a word with punctuation around it ("plant,")."""
    return string.isascii() and (string.isalpha() or string.isdigit())


class PieceSplitter:
    """Tokens of a whitespace-free piece, as ``nlp``'s tokenizer gives them."""

    def __init__(self, nlp: Any) -> None:
        from spacy.symbols import ORTH
        from spacy.tokenizer import Tokenizer

        t = nlp.tokenizer
        self.specials = {s: [sub[ORTH] for sub in subs] for s, subs in t.rules.items()}
        self.prefix_search = t.prefix_search
        self.suffix_search = t.suffix_search
        self.infix_finditer = t.infix_finditer
        self.token_match = t.token_match
        self.url_match = t.url_match
        # Special cases spaCy re-applies after affix splitting, as the token sequences
        # affix splitting leaves of them; only those whose own tokens differ matter.
        bare = Tokenizer(
            nlp.vocab,
            prefix_search=t.prefix_search,
            suffix_search=t.suffix_search,
            infix_finditer=t.infix_finditer,
            token_match=t.token_match,
            url_match=t.url_match,
        )
        self.rejoined: dict[str, list[tuple[str, ...]]] = {}
        for s, orths in self.specials.items():
            if s.isspace() or not (t.find_prefix(s) or t.find_suffix(s) or t.find_infix(s)):
                continue
            split = tuple(tok.text for tok in bare(s))
            if list(split) != orths:
                self.rejoined.setdefault(split[0], []).append(split)

    def _affixes(self, string: str) -> tuple[list[str], str, list[str]]:
        """Prefixes, what is left, suffixes (``Tokenizer._split_affixes``)."""
        specials = self.specials
        prefixes: list[str] = []
        suffixes: list[str] = []
        last_size = 0
        while string and len(string) != last_size:
            if _plain(string) and string not in specials:
                break  # nothing left to peel off: skip the regular expressions
            if self.token_match and self.token_match(string):
                break
            if string in specials:
                break
            last_size = len(string)
            pre = self.prefix_search(string) if self.prefix_search else None
            pre_len = pre.end() - pre.start() if pre else 0
            if pre_len:
                prefix, minus_pre = string[:pre_len], string[pre_len:]
                if minus_pre and minus_pre in specials:
                    string = minus_pre
                    prefixes.append(prefix)
                    break
            suf = self.suffix_search(string[pre_len:]) if self.suffix_search else None
            suf_len = suf.end() - suf.start() if suf else 0
            if suf_len:
                suffix, minus_suf = string[-suf_len:], string[:-suf_len]
                if minus_suf and minus_suf in specials:
                    string = minus_suf
                    suffixes.append(suffix)
                    break
            if pre_len and suf_len and (pre_len + suf_len) <= len(string):
                string = string[pre_len:-suf_len]
                prefixes.append(prefix)
                suffixes.append(suffix)
            elif pre_len:
                string = minus_pre
                prefixes.append(prefix)
            elif suf_len:
                string = minus_suf
                suffixes.append(suffix)
        return prefixes, string, suffixes

    def _core(self, string: str) -> list[str]:
        """What is left after the affixes (``Tokenizer._attach_tokens``)."""
        if string in self.specials:
            return self.specials[string]
        if _plain(string):
            return [string]
        if (self.token_match and self.token_match(string)) or (
            self.url_match and self.url_match(string)
        ):
            return [string]
        matches = list(self.infix_finditer(string)) if self.infix_finditer else []
        if not matches:
            return [string]
        out = []
        start = 0
        for m in matches:
            if m.start() == 0:  # an infix at the very start is not one
                continue
            if m.start() != start:
                out.append(string[start : m.start()])
            if m.start() != m.end():
                out.append(string[m.start() : m.end()])
            start = m.end()
        if string[start:]:
            out.append(string[start:])
        return out

    def split(self, piece: str) -> list[str] | None:
        """The tokens of ``piece`` (no whitespace in it), or None when spaCy's second pass
        over special cases would join some of them."""
        if piece in self.specials:
            return self.specials[piece]
        prefixes, core, suffixes = self._affixes(piece)
        tokens = prefixes + (self._core(core) if core else []) + suffixes[::-1]
        rejoined = self.rejoined
        for i, tok in enumerate(tokens):
            for seq in rejoined.get(tok, ()):
                if tuple(tokens[i : i + len(seq)]) == seq:
                    return None
        return tokens
