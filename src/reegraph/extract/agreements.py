"""Agreements and meetings as discourse frames: found, referred back to, merged, named.

A frame collects what sentences say about one agreement (or one meeting): its
parties, signatories, kind, date, place and duration. Definite descriptions ("the
pact", "this truce") attach to the most recent compatible frame of the document;
frames with the same parties, compatible kind and date merge across documents.
Relations are recorded as claims and written once frames have their final entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reegraph.extract import hints
from reegraph.extract.dates import find_date, find_duration
from reegraph.extract.emit import modality
from reegraph.extract.mentions import Mention
from reegraph.extract.views import View
from reegraph.model import Label
from reegraph.model import RelationType as T

TRIGGER = re.compile(
    r"(?<!to )\b(?P<k>framework agreements?|frameworks?|agreements?|deals?|pacts?|accords?|"
    r"treat(?:y|ies)|memorand(?:um|a)(?: of understanding)?|MOUs?|MoUs?|truce|pause|suspension|"
    r"reprieve|détente|ceasefire)\b",
    re.I,
)
SKIP = r"(?:(?:[\w’'-]+|⟨J\d+⟩)\s+)"
FAMILY = {
    "framework": "framework",
    "truce": "truce",
    "pause": "truce",
    "suspension": "truce",
    "reprieve": "truce",
    "détente": "truce",
    "ceasefire": "truce",
    "memorandum": "memorandum",
    "memoranda": "memorandum",
    "mou": "memorandum",
}
RANK = ["agreement", "deal", "pact", "accord", "treaty", "framework", "memorandum", "MOU", "truce"]
_KIND = {
    "pause": "truce",
    "suspension": "truce",
    "reprieve": "truce",
    "détente": "truce",
    "ceasefire": "truce",
    "framework agreement": "framework",
}
DEFINITE = re.compile(
    r"(?:\b(?:the|this|that|these|those|its|their|both)\s+(?:[\w’'-]+\s+){0,3}|"
    r"⟨[CP]\d+⟩(?:[’']s)?\s+(?:[\w-]+\s+){0,2})$",
    re.I,
)
INDEFINITE = re.compile(r"\b(?:a|an|another|one|new|similar)\s+(?:[\w’'-]+\s+){0,3}$", re.I)
SIGN = re.compile(
    r"\b(?:signed|sign|signing|inked|ink|concluded|struck|reached|sealed|agreed|agree|"
    r"secured|finali[sz]ed)\b",
    re.I,
)
BETWEEN = re.compile(
    r"\bbetween\s+(?:the\s+)?(?:Presidents\s+)?(?P<a>⟨[CPO]\d+⟩)\s+and\s+(?:the\s+)?(?:his\s+)?(?P<b>⟨[JCPO]\d+⟩)"
)
PAIR = re.compile(r"(?P<a>⟨[JC]\d+⟩)\s*[-–—/]\s*(?P<b>⟨[JC]\d+⟩)")
WITH = re.compile(
    r"^\s*(?:[\w-]+\s+){0,4}?with\s+(?:the\s+)?(?:⟨J\d+⟩\s+)?(?:[\w-]+\s+){0,2}?(?P<w>⟨[COR]\d+⟩(?:\s*,\s*(?:and\s+)?⟨[COR]\d+⟩)*(?:\s*,?\s*and\s+⟨[COR]\d+⟩)?)"
)
BOTH_SIDES = re.compile(
    r"\b(?:both (?:sides|nations|countries|leaders|governments)|"
    r"the two (?:sides|nations|countries|leaders))\b",
    re.I,
)
TITLE_Q = re.compile(
    r"[“\"](?P<t>[^”\"]{0,200}?(?:Framework|Agreement|Accord|Treaty|Memorandum|Pact|Partnership)[^”\"]{0,160}?)[”\"]"
)
TITLE_CAP = re.compile(
    r"\b(?P<t>(?:[A-Z][\w.]*[-–\s]+){0,4}(?:Framework|Agreement|Accord|Treaty|Memorandum|Pact)"
    r"(?:\s+(?:for|on|of|to|through|and|the|in|[A-Z][\w-]*))*[A-Z][\w-]*)"
)
MEETING = re.compile(
    rf"(?P<a>⟨P\d+⟩)(?:[’']s)?\s+{SKIP}{{0,2}}?(?:meeting|talks|summit)\s+with\s+{SKIP}{{0,3}}?(?P<b>⟨P\d+⟩)|"
    rf"(?:meeting|talks|summit)\s+between\s+{SKIP}{{0,3}}?(?P<c>⟨P\d+⟩)\s+and\s+{SKIP}{{0,3}}?(?P<d>⟨[PJ]\d+⟩)|"
    rf"(?P<e>⟨P\d+⟩)\s+and\s+{SKIP}{{0,3}}?(?P<f>⟨P\d+⟩)(?:[’']s)?\s+{SKIP}{{0,3}}?(?:meeting|met|talks)\b|"
    rf"(?P<g>⟨P\d+⟩)\s*[-–]\s*(?P<h>⟨P\d+⟩)\s+(?:meet|meeting|summit|talks)\b|"
    rf"(?P<i>⟨P\d+⟩)\s+(?:is\s+scheduled\s+to\s+|will\s+|to\s+)?(?:meets?|met)\s+(?:with\s+)?{SKIP}{{0,3}}?(?P<j>⟨P\d+⟩)",
    re.I,
)
CONTINUES = re.compile(
    r"^(?:In (?:practical|other) terms|In effect|Under (?:it|the deal|the agreement)|"
    r"As a result|This means|That means)\b|^\W*(?:[\w’']+\s+){0,4}?(?:this|that|it)\s+"
    r"(?:meant|means|will mean|would mean|allows|requires)\b",
    re.I,
)
LIST_CUE = re.compile(r"\b(?:like|such as|including|namely)\b", re.I)
_MEET_HINT = re.compile(r"\b(?:meet|meets|meeting|met|talks|summit)\b", re.I)
NON_BINDING = re.compile(
    r"\bnon-binding\b|\bnot\s+(?:\w+\s+){0,2}(?:legally\s+)?binding\b|\bMOUs?\b", re.I
)


@dataclass
class Claim:
    rtype: T
    source: str  # entity id or "@frame"
    target: str
    view: View
    rule: str
    conf: float
    mod: str | None = "auto"
    props: dict[str, Any] = field(default_factory=dict)
    doc: str = ""


@dataclass
class Frame:
    kind: str  # "agreement" or "meeting"
    family: str  # truce | memorandum | generic | meeting
    kinds: set[str] = field(default_factory=set)
    parties: list[str] = field(default_factory=list)  # entity ids, in order of mention
    partial: bool = False
    signers: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    date: str | None = None
    place: str | None = None  # entity id of a place
    duration: str | None = None
    binding: bool | None = None
    status: str | None = None
    claims: list[Claim] = field(default_factory=list)
    surfaces: set[str] = field(default_factory=set)
    last: int = 0  # position of the latest reference (for definite descriptions)
    last_para: int = -1
    refs: int = 0
    entity: str = ""

    def compatible(self, family: str) -> bool:
        return family == "generic" or self.family == "generic" or family == self.family


def _family(word: str) -> tuple[str, str]:
    w = word.lower().rstrip("s") if word.lower() not in {"pause", "treaties"} else word.lower()
    w = {"treatie": "treaty", "framework agreement": "framework", "memoranda": "memorandum"}.get(
        w, w
    )
    if w.startswith("memorand"):
        w = "memorandum"
    if w in {"mou", "memorandum of understanding"}:
        return "memorandum", "MOU"
    return FAMILY.get(w, "generic"), w


class FrameFinder:
    """Finds agreement and meeting frames of one document."""

    def __init__(self, doc_id: str, published: str | None, leaders: dict[str, str]) -> None:
        self.doc_id = doc_id
        self.published = published
        self.leaders = leaders
        self.frames: list[Frame] = []
        self.meetings: list[Frame] = []
        self.views: list[View] = []

    def _countries(self, ms: list[Mention]) -> list[str]:
        out: list[str] = []
        for m in ms:
            cid = (
                m.entity
                if m.label in {Label.COUNTRY, Label.ORGANIZATION, Label.REGION}
                else self.leaders.get(m.entity)
            )
            if cid and cid not in out:
                out.append(cid)
        return out

    def _places(self, v: View, lo: int = 0, hi: int = 10**9) -> str | None:
        """The most specific place in the masked span [lo, hi) of a sentence."""
        places = list(v.slots(v.masked[lo:hi], "L"))
        return places[-1].entity if places else None

    def _context_parties(self, v: View) -> list[str]:
        """Parties of "both sides": actors of the last sentences of the paragraph naming two."""
        k = self.views.index(v)
        for back in self.views[max(0, k - 3) : k][::-1]:
            if back.sentence.para != v.sentence.para:
                continue
            # Leaders name the sides best; countries only when no two leaders are named.
            found = self._countries([m for m in back.mentions if m.label is Label.PERSON])
            if len(found) < 2:
                found = self._countries([m for m in back.mentions if m.label is Label.COUNTRY])
            if len(found) >= 2:
                return found
        return []

    def run(self, views: list[View]) -> None:
        self.views = views
        prev: View | None = None
        for v in views:
            if not v.sentence.heading:
                if hints.any_in(v.low, hints.MEETING) and _MEET_HINT.search(v.masked):
                    self._meetings(v, prev)
                if not self._agreements(v, prev):
                    self._continuation(v)
            prev = v
        self._date_from_meetings()

    def _continuation(self, v: View) -> None:
        """ "In practical terms, this meant ... materials like X, Y and Z": what the
        agreement last discussed in this paragraph covers (lower confidence)."""
        if not CONTINUES.match(v.text):
            return
        frames = [f for f in self._recent() if f.last_para == v.sentence.para]
        lst = LIST_CUE.search(v.masked)
        if not frames or not lst:
            return
        for g in v.slots(v.masked[lst.end() :], "MK"):
            frames[0].claims.append(
                Claim(T.COVERS, "@frame", g.entity, v, "covers.continuation", 0.55, doc=self.doc_id)
            )

    def _date_from_meetings(self) -> None:
        """An agreement reached at a meeting of its parties' leaders takes its date and place."""
        for f in self.frames:
            if f.date:
                continue
            for mt in self.meetings:
                sides = {self.leaders.get(p, p) for p in mt.parties}
                if mt.date and set(f.parties) <= sides:
                    f.date, f.place = mt.date, f.place or mt.place
                    break

    # -- meetings ------------------------------------------------------------------------
    def _meetings(self, v: View, prev: View | None) -> None:
        for m in MEETING.finditer(v.masked):
            people = list(v.slots(m.group(0), "PJ"))
            ids = []
            for p in people:
                pid = (
                    p.entity
                    if p.label is Label.PERSON
                    else next((k for k, c in self.leaders.items() if c == p.entity), None)
                )
                if pid and pid not in ids:
                    ids.append(pid)
            if len(ids) < 2:
                continue
            near = v.text[max(0, m.start() - 5) :]
            date = find_date(near[:80], self.published) or find_date(v.text, self.published)
            frame = next(
                (
                    f
                    for f in self.meetings
                    if set(f.parties) == set(ids) and (not f.date or not date or f.date == date)
                ),
                None,
            )
            if frame is None:
                frame = Frame("meeting", "meeting", parties=ids)
                self.meetings.append(frame)
            frame.date = frame.date or date
            frame.place = frame.place or self._places(v, m.start(), m.end() + 60)
            frame.last = v.sentence.start
            for a in ids:
                frame.claims.append(
                    Claim(
                        T.PARTICIPATED_IN,
                        a,
                        "@frame",
                        v,
                        "participated_in.meeting",
                        0.8,
                        doc=self.doc_id,
                    )
                )
            frame.claims.append(
                Claim(
                    T.MET_WITH,
                    ids[0],
                    ids[1],
                    v,
                    "met_with.meeting",
                    0.8,
                    props={"date": date},
                    doc=self.doc_id,
                )
            )
            if frame.place:
                frame.claims.append(
                    Claim(
                        T.HELD_IN,
                        "@frame",
                        frame.place,
                        v,
                        "held_in.meeting",
                        0.75,
                        doc=self.doc_id,
                    )
                )

    # -- agreements ----------------------------------------------------------------------
    def _parties(
        self, v: View, trig: re.Match[str], prev: View | None
    ) -> tuple[list[str], list[Mention]]:
        head, tail = v.masked[: trig.start()], v.masked[trig.end() :]
        parties: list[str] = []
        signers: list[Mention] = []
        if m := BETWEEN.search(v.masked):
            parties += self._countries(v.slots(m.group(0), "CJPO"))
            signers += v.slots(m.group(0), "P")
        if m := PAIR.search(head[-40:] + trig.group(0)):
            parties += self._countries(v.slots(m.group(0)))
        signs = list(SIGN.finditer(head))
        sign = signs[-1] if signs else None  # the verb nearest the agreement word
        if sign is not None:
            subj = v.masked[: sign.start()]
            if BOTH_SIDES.search(subj):
                parties += self._context_parties(v)
            subj = (
                subj[max(subj.rfind(","), subj.rfind(";"), -1) + 1 :]
                if not re.search(r"⟨[CPO]\d+⟩\s*(?:and|,)\s*$", subj)
                else subj
            )
            actors = v.slots(subj, "CPO")
            signers += [a for a in actors if True]
            parties += self._countries(actors)
        if m := WITH.search(tail):
            parties += self._countries(v.slots(m.group("w")))
            if not parties[:-1] and head:
                parties = self._countries(v.slots(head, "CPO")[:1]) + parties
        near = v.slots(head[-30:], "CJ")
        if near and not parties:
            parties += self._countries(near)
        seen: list[str] = []
        for p in parties:
            if p not in seen:
                seen.append(p)
        return seen, signers

    def _agreements(self, v: View, prev: View | None) -> bool:
        if not hints.any_in(v.low, hints.AGREEMENT) or not TRIGGER.search(v.masked):
            return False
        titles = [m.group("t").strip() for m in TITLE_Q.finditer(v.text)]
        if not titles:
            titles = [
                m.group("t").strip()
                for m in TITLE_CAP.finditer(v.text)
                if len(m.group("t").split()) >= 4
            ]
        for trig in TRIGGER.finditer(v.masked):
            family, word = _family(trig.group("k"))
            plural = trig.group("k").lower().endswith(("s", "ies", "memoranda")) and word != "pause"
            head = v.masked[: trig.start()]
            if modality(v.masked[: trig.end()]) is None:
                continue  # "would not sign the draft accord": no agreement is asserted
            parties, signers = self._parties(v, trig, prev)
            named = bool(titles) and any(trig.group("k").lower() in t.lower() for t in titles)
            if named:
                in_title = [
                    m
                    for m in v.mentions
                    if any(
                        v.text.find(t) <= m.start - v.sentence.start < v.text.find(t) + len(t)
                        for t in titles
                    )
                    and m.label is Label.COUNTRY
                ]
                parties = self._countries(in_title) or parties
            definite = bool(DEFINITE.search(head)) and not named
            frame = None
            if len(parties) >= 2 or named:
                frame = next(
                    (
                        f
                        for f in self._recent()
                        if f.compatible(family) and set(parties) == set(f.parties)
                    ),
                    None,
                )
                if frame is None and named:
                    frame = next((f for f in self.frames if set(titles) & set(f.titles)), None)
                if frame is None and named and len(parties) < 2:
                    frame = self._salient(family, v, word)
            elif plural and not parties:
                continue
            elif definite or parties:
                cands = [
                    f
                    for f in self._recent()
                    if f.compatible(family)
                    and (
                        word not in {"framework"} or "framework" in f.kinds or f.family == "generic"
                    )
                ]
                if parties:
                    cands = [f for f in cands if set(parties) <= set(f.parties)] or []
                frame = self._salient(family, v, word, cands) if cands else None
                if frame is None and definite and not plural:
                    ctx = (
                        parties
                        if len(parties) >= 2
                        else self._countries(
                            [
                                m
                                for m in [*v.mentions, *(prev.mentions if prev else [])]
                                if m.label in {Label.PERSON, Label.COUNTRY}
                            ]
                        )
                    )
                    parties = ctx if len(ctx) == 2 else []
                    if len(parties) < 2:
                        continue
            else:
                continue
            if frame is None:
                if len(parties) < 2 and not named:
                    continue
                if plural and len(parties) > 2 and not named:
                    for p in parties[1:]:
                        self._attach(self._new(family), v, trig, word, [parties[0], p], signers, [])
                    continue
                frame = self._new(family)
            self._attach(frame, v, trig, word, parties, signers, titles)
        return True

    def _salient(
        self, family: str, v: View, word: str, cands: list[Frame] | None = None
    ) -> Frame | None:
        """Antecedent of a definite description: the latest compatible frame of this
        paragraph, else the document's most referenced compatible frame."""
        if cands is None:
            cands = [f for f in self._recent() if f.compatible(family)]
        if not cands:
            return None
        same_para = [f for f in cands if f.last_para == v.sentence.para]
        if same_para:
            return same_para[0]
        return max(cands, key=lambda f: (f.refs, f.last))

    def _recent(self) -> list[Frame]:
        return sorted(self.frames, key=lambda f: f.last, reverse=True)

    def _new(self, family: str) -> Frame:
        frame = Frame("agreement", family)
        self.frames.append(frame)
        return frame

    def _attach(
        self,
        f: Frame,
        v: View,
        trig: re.Match[str],
        word: str,
        parties: list[str],
        signers: list[Mention],
        titles: list[str],
    ) -> None:
        if f.family in {"generic", "framework"} and FAMILY.get(word, "generic") not in {
            "generic",
            f.family,
        }:
            f.family = FAMILY.get(word, "generic")
        f.kinds.add(_KIND.get(word, word))
        f.titles += [t.strip(" .,;") for t in titles if t.strip(" .,;") not in f.titles]
        f.last = v.sentence.start + trig.start()
        f.last_para = v.sentence.para
        f.refs += 1
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
        signed = bool(SIGN.search(v.masked))
        for s in signers:
            f.claims.append(
                Claim(
                    T.SIGNED, s.entity, "@frame", v, "signed.subj_verb_obj", 0.85, doc=self.doc_id
                )
            )
        if signed and (date := find_date(v.text, self.published)):
            f.date = f.date or date
        place = self._places(v, trig.start() - 80, trig.end() + 80)
        if place and signed:
            f.place = place
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
        f.duration = f.duration or find_duration(v.text)
        if NON_BINDING.search(v.text) or word in {"framework", "memorandum", "MOU"}:
            f.binding = False
        f.status = f.status or ("signed" if signed else None)
        # What it covers: goods and sectors after the trigger, or just before it.
        tail = re.split(r"[;:]|\bwhile\b|\bbut\b", v.masked[trig.end() :])[0]
        goods = v.slots(tail, "MKS") or v.slots(
            v.masked[max(0, trig.start() - 40) : trig.start()], "MKS"
        )
        for g in goods:
            f.claims.append(
                Claim(
                    T.COVERS,
                    "@frame",
                    g.entity,
                    v,
                    "covers.agreement_sentence",
                    0.75,
                    doc=self.doc_id,
                )
            )
        for m in v.mentions:
            if m.label is Label.MINERAL and m.name not in f.topics:
                f.topics.append(m.name)
