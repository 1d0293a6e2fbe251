"""Agreement frames: triggers, parties and signers, definite references, what they cover.

A sentence creates a frame only when it introduces an agreement: an indefinite
description ("a one-year suspension"), a signing verb, a title, a verb of agreeing
("agreed to pause"), or a description naming both parties ("the U.S.-Japan pact").
Other mentions refer back: "the China truce" to a frame with China among its parties,
"the truce" to the latest truce of the document. A description whose kind has no
antecedent yet waits for the end of the document (leads often refer ahead); one that
only hints at a party becomes a partial frame that joins a full frame when frames
are materialised, or is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reegraph.extract import hints
from reegraph.extract import labels as L
from reegraph.extract.agreements.base import FrameFinderBase
from reegraph.extract.agreements.model import Claim, Frame
from reegraph.extract.agreements.naming import topic_words
from reegraph.extract.agreements.patterns import (
    BETWEEN,
    BOTH_SIDES,
    CEREMONY,
    CONTINUES,
    DEFINITE,
    FAMILY,
    GLOSSED,
    INDEFINITE,
    KIND,
    LIST_CUE,
    NON_BINDING,
    NP_STOP,
    PAIR,
    PLACE_AFTER,
    PLACE_LEAD,
    PLACE_TO_SIGN,
    PREDICATE,
    SIGN,
    SUSPENDED,
    SUSPENDING,
    TERM_AFTER,
    TERM_OF,
    TERM_OWN,
    TITLE_CAP,
    TITLE_Q,
    TITLE_WORDS,
    TRIGGER,
    VERBAL_TRUCE,
    WITH,
    family_of,
)
from reegraph.extract.dates import find_date, iso_duration
from reegraph.extract.emit import modality
from reegraph.extract.folding import folds
from reegraph.extract.mentions import Mention
from reegraph.extract.views import SLOT, View
from reegraph.model import RelationType as T

_NP_TOKEN = re.compile(r"(?:⟨[A-Z]\d+⟩|[\w.’'-]+)(?:[-–—/](?:⟨[A-Z]\d+⟩|[\w.’'-]+))*(?:[’']s)?")
_NP_DURATION = re.compile(
    r"(?:^|\s)(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen)"
    r"[\s-](?P<u>year|month|week|day)s?(?:[\s-]long)?(?:\s|$)",
    re.I,
)
# One of which each SIGN match holds.
_SIGN_STEMS = (
    "sign", "ink", "concluded", "struck", "reached", "sealed", "agree", "secured", "finali",
)  # fmt: skip
_UNITS = ("year", "month", "week", "day")  # one of which each TERM_ pattern needs
_PAUSES = ("pause", "suspend", "delay", "halt", "freeze")  # one of which VERBAL_TRUCE needs
_CONJUNCTION = re.compile(r"\bwhile\b|\bbut\b")
_CONTROLS = {"restrictions": "controls", "curbs": "controls", "limits": "controls",
             "licensing": "controls", "bans": "controls", "ban": "controls"}  # fmt: skip


@dataclass(slots=True)  # not frozen: a frozen dataclass costs four times as much to make
class Trigger:
    """An agreement word of a masked sentence ("pact") or a verb of agreeing ("agreed to pause")."""

    start: int
    end: int
    text: str
    verbal: bool = False


@dataclass(slots=True)
class Reference:
    """A definite description waiting for the end of the document to find its antecedent."""

    view: View
    trig: Trigger
    word: str
    family: str
    parties: list[str]
    signers: list[Mention] = field(default_factory=list)
    np: str = ""


_LISTED_SUBJECT = re.compile(r"⟨[CPOR]\d+⟩\s*(?:and|,)\s*$")  # "⟨C1⟩ and ⟨C2⟩ signed"
_QUOTE = frozenset('"“')  # TITLE_Q needs one


def _signs(v: View) -> list[re.Match[str]]:
    """SIGN matches of a masked sentence (computed once per sentence). A match before an
    agreement word is also a match of the text before it: the word starts after a
    non-word character, and SIGN's words end with word characters."""
    if (found := v.memo.get("signs")) is None:
        found = v.memo["signs"] = list(v.finditer(SIGN)) if v.may_match(_SIGN_STEMS) else []
    return found


def _signed_before(v: View, pos: int) -> bool:
    signs = _signs(v)
    return bool(signs) and signs[0].end() <= pos


def _between(v: View) -> re.Match[str] | None:
    if "between" not in v.memo:
        v.memo["between"] = BETWEEN.search(v.masked) if "between" in v.masked else None
    return v.memo["between"]  # type: ignore[no-any-return]


def _non_binding(v: View) -> bool:
    if "non_binding" not in v.memo:
        # NON_BINDING needs "binding" or "MOU" in some case (exact when the text folds).
        low = v.text.lower() if folds(v.text) else None
        possible = low is None or "binding" in low or "mou" in low
        v.memo["non_binding"] = possible and bool(NON_BINDING.search(v.text))
    return v.memo["non_binding"]  # type: ignore[no-any-return]


def _date(v: View, published: str | None) -> str | None:
    if "date" not in v.memo:
        v.memo["date"] = find_date(v.text, published)
    return v.memo["date"]  # type: ignore[no-any-return]


def _glossed(v: View) -> set[str]:
    """Entities named just before their short form in brackets ("⟨O1⟩ (⟨O2⟩)"): one
    party, the one the short form names (the form the article goes on using)."""
    out: set[str] = set()
    for m in GLOSSED.finditer(v.masked):
        full, short = v.mentions[int(m[2])].entity, v.mentions[int(m[3])].entity
        if full != short:
            out.add(full)
    return out


def _signing_mod(v: View, trig: Trigger) -> str | None:
    """Modality of the signing itself: the sentence up to the agreement word, or up to
    the signing verb after it ("the pact was signed"); a purpose or a reason later in
    the sentence ("to develop", "as both seek to cut") is not the signing's."""
    end = trig.end
    if not _signed_before(v, trig.start):
        end = next((s.end() for s in _signs(v) if s.start() >= trig.end), end)
    return modality(v.masked[:end])


def signing_place(v: View, trig: Trigger) -> int | None:
    """Index of the mention of the place the signing clause puts the agreement in."""
    masked = v.masked
    if "⟨L" not in masked:
        return None
    if m := PLACE_AFTER.match(masked, trig.end):
        return int(m["n"])
    signs = [s for s in _signs(v) if s.end() <= trig.start]
    if signs:
        head = masked[: signs[-1].start()]
        if m := PLACE_LEAD.match(head) or PLACE_TO_SIGN.search(head, last_words(head, 10)):
            return int(m["n"])
    return None


def triggers(v: View) -> list[Trigger]:
    masked = v.masked
    found = [
        Trigger(m.start("k"), m.end("k"), masked[m.start("k") : m.end("k")])
        for m in v.finditer(TRIGGER)
    ]
    if "agree" not in v.low or not v.may_match(_PAUSES):
        return found  # in order already: no verbal triggers to sort in
    found += [
        Trigger(m.start("k"), m.end("k"), masked[m.start("k") : m.end("k")], verbal=True)
        for m in v.finditer(VERBAL_TRUCE)
    ]
    return sorted(found, key=lambda t: t.start)


def last_words(text: str, n: int) -> int:
    """Where the last ``n`` whitespace-separated words of ``text`` start, or just before
    (the whitespace ahead of them); 0 when it has fewer. A pattern anchored at the end
    that spans at most ``n`` words matches no earlier: searching from here finds what a
    search of the whole text finds, without trying every position before."""
    parts = text.rsplit(None, n)
    return len(parts[0]) if len(parts) > n else 0


def _clause_end(tail: str) -> int:
    """Where the first clause of ``tail`` ends (";", ":", "while", "but"), else -1. String
    searches first: a regex for all four costs more than these on every agreement word."""
    ends = [i for i in (tail.find(";"), tail.find(":")) if i >= 0]
    if ("while" in tail or "but" in tail) and (m := _CONJUNCTION.search(tail)):
        ends.append(m.start())
    return min(ends, default=-1)


def noun_phrase(head: str) -> str:
    """The modifiers of the agreement word that ends ``head`` (masked): "⟨C1⟩-⟨C2⟩",
    "one-year", "⟨C4⟩ and ⟨J5⟩". Stops at determiners, prepositions and punctuation."""
    if not head[-1:].isspace():
        return ""
    out: list[str] = []
    for tok in reversed(head.split()[-6:]):
        if tok.lower() in NP_STOP or not _NP_TOKEN.fullmatch(tok):
            break
        out.append(tok)
    out.reverse()
    while out and out[0].lower() == "and":
        out.pop(0)
    return " ".join(out)


def specific_part(np: str) -> str:
    """The part of a noun phrase that makes it name one agreement: from its first
    entity or duration on ("landmark ⟨C1⟩-⟨C2⟩" -> "⟨C1⟩-⟨C2⟩"); empty when none."""
    toks = np.split()
    for i, tok in enumerate(toks):
        if SLOT.search(tok) or _NP_DURATION.search(f" {tok} "):
            return " ".join(toks[i:])
    return ""


def np_duration(np: str) -> str | None:
    m = _NP_DURATION.search(np)
    return iso_duration(m["n"], m["u"]) if m else None


class AgreementRules(FrameFinderBase):
    def _continuation(self, v: View) -> None:
        """ "In practical terms, this meant ... materials like X, Y and Z": what the
        agreement last discussed in this paragraph covers (lower confidence)."""
        if not (v.sentence.hints & hints.CONTINUES and CONTINUES.match(v.text)):
            return
        frames = [f for f in self._recent() if f.last_para == v.sentence.para]
        lst = LIST_CUE.search(v.masked)
        if not frames or not lst:
            return
        for g in v.slots(v.masked[lst.end() :], "MK"):
            frames[0].claims.append(
                Claim(T.COVERS, "@frame", g.entity, v, "covers.continuation", 0.55, doc=self.doc_id)
            )

    def _ceremony(self, v: View) -> None:
        """ "attended the signing ceremony in Brussels": where the agreement this
        paragraph or the one before introduced was signed."""
        if not ("ceremony" in v.low and "signing" in v.low) or not (m := CEREMONY.search(v.masked)):
            return
        rank = self._para_rank()
        here = rank.get(v.sentence.para, 0)
        near = [f for f in self._recent() if 0 <= here - rank.get(f.last_para, -9) <= 1]
        if not near or near[0].place:
            return
        f = near[0]
        f.place = v.mentions[int(m["n"])].entity
        f.claims.append(
            Claim(T.HELD_IN, "@frame", f.place, v, "held_in.ceremony", 0.75, doc=self.doc_id)
        )

    def _parties(self, v: View, trig: Trigger, np: str) -> tuple[list[str], list[Mention], bool]:
        """Parties and signers of the agreement word at ``trig``; the flag says whether
        the description itself names two parties ("the US-Japan pact", "the agreement
        between X and Y") rather than the sentence's actors suggesting them."""
        head, tail = v.masked[: trig.start], v.masked[trig.end :]
        parties: list[str] = []
        signers: list[Mention] = []
        if m := _between(v):
            parties += self._countries(v.slots(m.group(0), "CJPOR"))
            signers += v.slots(m.group(0), "P")
        named_here = self._countries(v.slots(np, "CJPOR"))
        explicit = len(named_here) >= 2 or bool(
            m and trig.end <= m.start() <= trig.end + 12 and len(parties) >= 2
        )
        if m := PAIR.search(np):
            parties += self._countries(v.slots(m.group(0)))
        signs = [s for s in _signs(v) if s.end() <= trig.start]  # the verbs before it
        sign = signs[-1] if signs else None  # the verb nearest the agreement word
        if sign is not None:
            subj = v.masked[: sign.start()]
            if BOTH_SIDES.search(subj):
                parties += self._context_parties(v)
            subj = (
                subj[max(subj.rfind(","), subj.rfind(";"), -1) + 1 :]
                if not _LISTED_SUBJECT.search(subj)
                else subj
            )
            actors = v.slots(subj, "CPOR")
            signers += actors
            parties += self._countries(actors)
        if m := WITH.search(tail):
            parties += self._countries(v.slots(m.group("w")))
            if not parties[:-1] and head:
                parties = self._countries(v.slots(head, "CPOR")[:1]) + parties
        parties += named_here
        if "(⟨" in v.masked and (glossed := _glossed(v)):
            parties = [p for p in parties if p not in glossed]
            signers = [s for s in signers if s.entity not in glossed]
        seen: list[str] = []
        for p in parties:
            if p not in seen:
                seen.append(p)
        return seen, signers, explicit

    def _agreements(self, v: View, prev: View | None) -> bool:
        if not (v.sentence.hints & hints.AGREEMENT and hints.any_in(v.low, hints.AGREEMENT_WORDS)):
            return False
        trigs = triggers(v)
        if not trigs:
            return False
        titles = (
            [m.group("t").strip() for m in TITLE_Q.finditer(v.text)]
            if not _QUOTE.isdisjoint(v.text)
            else []
        )
        if not titles and hints.any_in(v.text, TITLE_WORDS):
            titles = [
                m.group("t").strip()
                for m in TITLE_CAP.finditer(v.text)
                if len(m.group("t").split()) >= 4
            ]
        before: list[Frame] = []  # frames of the previous agreement word of this sentence
        for trig in trigs:
            if trig.verbal:
                family, word = "truce", "pause" if trig.text.lower() == "pause" else "suspension"
                plural = False
            else:
                family, word = family_of(trig.text)
                plural = trig.text.lower().endswith(("s", "ies", "memoranda")) and word != "pause"
            # "partnership" is loose talk ("forge partnerships") unless signed: it refers
            # back, and introduces an agreement only after a signing verb or in a title.
            loose = word == "partnership" and not _signed_before(v, trig.start)
            # A name's word ("the Minerals Security Partnership") unless a title holds it.
            name_word = trig.text[0] == "P" and not any("Partnership" in t for t in titles)
            if loose and (plural or name_word):
                continue  # and "forge new partnerships" is no agreement
            head = v.masked[: trig.start]
            if modality(v.masked[: trig.end]) is None:
                continue  # "would not sign the draft accord": no agreement is asserted
            np = noun_phrase(head)
            if before and v.search(PREDICATE, trig.start):
                # "reported the pause as a one-year truce": more about the same frame
                for f in before:
                    self._attach(f, v, trig, word, [], [], [], np, plural)
                continue
            parties, signers, explicit = self._parties(v, trig, np)
            named = bool(titles) and any(trig.text.lower() in t.lower() for t in titles)
            if named:
                in_title = [
                    m
                    for m in v.mentions
                    if any(
                        v.text.find(t) <= m.start - v.sentence.start < v.text.find(t) + len(t)
                        for t in titles
                    )
                    and m.label is L.COUNTRY
                ]
                parties = self._countries(in_title) or parties
            # DEFINITE spans its determiner and at most three words (or a placeholder
            # and two words) before the agreement word.
            definite = not named and bool(v.search(DEFINITE, trig.start, last_words(head, 4)))
            introduces = named or (
                not loose
                and (
                    explicit
                    or trig.verbal
                    or _signed_before(v, trig.start)
                    # INDEFINITE spans its determiner and at most three words.
                    or (not definite and bool(INDEFINITE.search(head, last_words(head, 4))))
                )
            )
            found = self._frames_for(
                v, trig, word, family, plural, parties, signers, np, titles if named else [],
                definite, introduces,
            )  # fmt: skip
            for f, its_parties in found:
                own_titles = titles if len(found) == 1 else []
                self._attach(f, v, trig, word, its_parties, signers, own_titles, np, plural)
            before = [f for f, _ in found] or before
        return True

    def _frames_for(
        self,
        v: View,
        trig: Trigger,
        word: str,
        family: str,
        plural: bool,
        parties: list[str],
        signers: list[Mention],
        np: str,
        titles: list[str],
        definite: bool,
        introduces: bool,
    ) -> list[tuple[Frame, list[str]]]:
        """The frames one agreement word is about, each with the parties the sentence
        gives it: found, created, or none (deferred to the end of the document)."""
        named = bool(titles)
        if named or (len(parties) >= 2 and introduces):
            frame = next(
                (
                    f
                    for f in self._recent()
                    if f.compatible(family) and not f.partial and set(parties) == set(f.parties)
                ),
                None,
            )
            if frame is None and named:
                frame = next((f for f in self.frames if set(titles) & set(f.titles)), None)
                if frame is None and len(parties) < 2:
                    frame = self._salient(family, v, word)
            if frame is not None:
                return [(frame, parties)]
            if plural and len(parties) > 2 and not named:
                return self._introduce_group(v, family, parties)
            if len(parties) < 2 and not named:
                return []
            return [(self._new(family), parties)]
        if plural and not parties:
            if definite and self.group and self.views.index(v) - self.group[0] <= 3:
                return [(f, []) for f in self.group[1]]  # "the deals", "these agreements"
            return []
        if not (definite or parties):
            return []
        cands = [
            f
            for f in self._recent()
            if f.compatible(family)
            and not f.partial
            and (word not in {"framework"} or "framework" in f.kinds or f.family == "generic")
        ]
        if parties:
            cands = [f for f in cands if set(parties) <= set(f.parties)]
        same = [f for f in cands if family == "generic" or f.family == family]
        if same:
            found = self._salient(family, v, word, same)
            return [(found, parties)] if found else []
        if not plural:
            self.pending.append(Reference(v, trig, word, family, parties, signers, np))
        return []

    def _introduce_group(
        self, v: View, family: str, parties: list[str]
    ) -> list[tuple[Frame, list[str]]]:
        """ "secured deals with Japan, Malaysia and Vietnam": one frame per counterpart;
        a counterpart that already has a frame of this document keeps it."""
        out, fresh = [], []
        for p in parties[1:]:
            pair = {parties[0], p}
            f = next(
                (g for g in self._recent() if g.compatible(family) and set(g.parties) == pair),
                None,
            )
            if f is None:
                f = self._new(family)
                fresh.append(f)
            out.append((f, [parties[0], p]))
        self.group = (self.views.index(v), fresh)
        return out

    def resolve_pending(self) -> None:
        """Definite descriptions with no antecedent of their kind when read: the frame of
        that kind the document introduced later, else any compatible one; a description
        that names a party becomes a partial frame; the rest are dropped."""
        for ref in self.pending:
            cands = [
                f
                for f in self._recent()
                if f.compatible(ref.family)
                and not f.partial
                and set(ref.parties) <= set(f.parties)
                and (ref.word != "framework" or "framework" in f.kinds or f.family == "generic")
            ]
            same = [f for f in cands if ref.family == "generic" or f.family == ref.family]
            frame = max(same or cands, key=lambda f: (f.refs, f.last), default=None)
            if frame is None and ref.parties:
                frame = next(
                    (
                        f
                        for f in self.frames
                        if f.partial and f.family == ref.family and f.parties == ref.parties
                    ),
                    None,
                ) or self._new(ref.family)
                frame.partial = True
            if frame is not None:
                self._attach(
                    frame, ref.view, ref.trig, ref.word, ref.parties, ref.signers, [], ref.np, False
                )
        self.pending = []

    def _attach(
        self,
        f: Frame,
        v: View,
        trig: Trigger,
        word: str,
        parties: list[str],
        signers: list[Mention],
        titles: list[str],
        np: str = "",
        plural: bool = False,
    ) -> None:
        if f.family in {"generic", "framework"} and FAMILY.get(word, "generic") not in {
            "generic",
            f.family,
        }:
            f.family = FAMILY.get(word, "generic")
        f.kinds.add(KIND.get(word, word))
        f.titles += [t.strip(" .,;") for t in titles if t.strip(" .,;") not in f.titles]
        f.last = v.sentence.start + trig.start
        f.last_para = v.sentence.para
        f.refs += 1
        if not plural and not trig.verbal and (spec := specific_part(np)):
            surface = f"{v.unmask(spec)} {v.unmask(trig.text)}"
            if surface not in f.surfaces:
                f.surfaces.append(surface)
        for p in parties:
            if p not in f.parties:
                f.parties.append(p)
                f.claims.append(
                    Claim(
                        T.PARTY_TO,
                        p,
                        "@frame",
                        v,
                        "party_to.parties",
                        0.8,
                        mod="asserted",
                        doc=self.doc_id,
                    )
                )
        signed = bool(_signs(v))
        sign_mod = _signing_mod(v, trig) if signers or signed else None
        for s in signers:
            f.claims.append(
                Claim(
                    T.SIGNED,
                    s.entity,
                    "@frame",
                    v,
                    "signed.subj_verb_obj",
                    0.85,
                    mod=sign_mod,
                    doc=self.doc_id,
                )
            )
        if signed and (date := _date(v, self.published)):
            f.date = f.date or date
        at = signing_place(v, trig) if signed else None
        if at is not None:
            f.place = place = v.mentions[at].entity
            f.claims.append(
                Claim(
                    T.HELD_IN,
                    "@frame",
                    place,
                    v,
                    "held_in.signed_at",
                    0.8,
                    mod="asserted",
                    doc=self.doc_id,
                )
            )
        f.duration = f.duration or self._term(v, trig, np)
        measure = self._measure(v, trig, word) if word in SUSPENDING and not trig.verbal else None
        if measure and measure not in f.measures:
            f.measures.append(measure)
        if word in {"framework", "memorandum", "MOU"} or _non_binding(v):
            f.binding = False
        f.status = f.status or ("signed" if signed else None)
        # What it covers: goods and sectors after the trigger, or just before it.
        tail = v.masked[trig.end :]
        if (end := _clause_end(tail)) >= 0:
            tail = tail[:end]
        # Each good with the modality of the sentence up to it: "signed an MOU to develop
        # lithium" covers lithium as surely as it was signed; "as both seek to" later
        # says nothing about it.
        goods = [
            (v.mentions[int(g[2])], trig.end + g.end())
            for g in SLOT.finditer(tail)
            if g[1] in "MKS"
        ] or [(g, trig.end) for g in v.slots(v.masked[max(0, trig.start - 40) : trig.start], "MKS")]
        for g, upto in goods:
            f.claims.append(
                Claim(
                    T.COVERS,
                    "@frame",
                    g.entity,
                    v,
                    "covers.agreement_sentence",
                    0.75,
                    mod=modality(v.masked[:upto]),
                    doc=self.doc_id,
                )
            )
        for m in v.mentions:
            if m.label is L.MINERAL and m.name not in f.topics:
                f.topics.append(m.name)

    @staticmethod
    def _term(v: View, trig: Trigger, np: str) -> str | None:
        """The agreement's own term: "a one-year suspension", "the one-year duration of
        the deal", "the deal's five-year term", "a truce for one year". A period inside a
        clause about something else ("support within six months") is not its term."""
        if found := np_duration(np):
            return found
        if not v.may_match(_UNITS):
            return None
        head, tail = v.masked[: trig.start], v.masked[trig.end :]
        for m in (TERM_OF.search(head), TERM_OWN.match(tail), TERM_AFTER.match(tail)):
            if m:
                return iso_duration(m["n"], m["u"])
        return None

    @staticmethod
    def _measure(v: View, trig: Trigger, word: str) -> str | None:
        """ "suspension of China's export restrictions on rare earth elements" ->
        "suspension of rare earth export controls": what a truce suspends, normalised."""
        m = SUSPENDED.match(v.masked[trig.end :])
        if not m:
            return None
        what = m["what"].lower()
        goods = [g.name for g in v.slots(m["obj"] or "", "MK")] or [
            g.name for g in v.slots(m.group(0), "MK")
        ]
        topic = topic_words(goods)
        words = [word, "of", topic, m["dir"].lower(), _CONTROLS.get(what, what)]
        return " ".join(w for w in words if w)
