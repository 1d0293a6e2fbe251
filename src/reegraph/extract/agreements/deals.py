"""Agreement frames: triggers, parties and signers, definite references, what they cover."""

from __future__ import annotations

import re

from reegraph.extract import hints
from reegraph.extract.agreements.base import FrameFinderBase
from reegraph.extract.agreements.model import Claim, Frame
from reegraph.extract.agreements.patterns import (
    BETWEEN,
    BOTH_SIDES,
    CONTINUES,
    DEFINITE,
    FAMILY,
    KIND,
    LIST_CUE,
    NON_BINDING,
    PAIR,
    SIGN,
    TITLE_CAP,
    TITLE_Q,
    TRIGGER,
    WITH,
    family_of,
)
from reegraph.extract.dates import find_date, find_duration
from reegraph.extract.emit import modality
from reegraph.extract.mentions import Mention
from reegraph.extract.views import View
from reegraph.model import Label
from reegraph.model import RelationType as T


class AgreementRules(FrameFinderBase):
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
            family, word = family_of(trig.group("k"))
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
        f.kinds.add(KIND.get(word, word))
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
