"""State and helpers shared by the frame rules of one document."""

from __future__ import annotations

from typing import Any

from reegraph.extract import labels as L
from reegraph.extract.agreements.model import Frame
from reegraph.extract.mentions import Mention
from reegraph.extract.views import View


class FrameFinderBase:
    """One document's frames so far, its views and its leaders."""

    def __init__(self, doc_id: str, published: str | None, leaders: dict[str, str]) -> None:
        self.doc_id = doc_id
        self.published = published
        self.leaders = leaders
        self.frames: list[Frame] = []
        self.meetings: list[Frame] = []
        self.views: list[View] = []
        # Definite descriptions waiting for the end of the document (see deals.py).
        self.pending: list[Any] = []
        # The frames last introduced together ("deals with A, B and C"): view index, frames.
        self.group: tuple[int, list[Frame]] | None = None
        self._ranks: dict[int, int] = {}
        self._ranks_for = -1

    def _countries(self, ms: list[Mention]) -> list[str]:
        out: list[str] = []
        for m in ms:
            cid = m.entity if m.label in L.PARTY_LABELS else self.leaders.get(m.entity)
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
            found = self._countries([m for m in back.mentions if m.label is L.PERSON])
            if len(found) < 2:
                found = self._countries([m for m in back.mentions if m.label is L.COUNTRY])
            if len(found) >= 2:
                return found
        return []

    def _salient(
        self, family: str, v: View, word: str, cands: list[Frame] | None = None
    ) -> Frame | None:
        """Antecedent of a definite description: the latest compatible frame of this
        paragraph or the one before, else the document's most referenced compatible frame."""
        if cands is None:
            cands = [f for f in self._recent() if f.compatible(family) and not f.partial]
        if not cands:
            return None
        cands = sorted(cands, key=lambda f: f.last, reverse=True)
        rank = self._para_rank()
        here = rank.get(v.sentence.para, 0)
        near = [f for f in cands if 0 <= here - rank.get(f.last_para, -9) <= 1]
        if near:
            return near[0]
        return max(cands, key=lambda f: (f.refs, f.last))

    def _para_rank(self) -> dict[int, int]:
        """Paragraph number -> its position among the paragraphs that have sentences."""
        if self._ranks_for != len(self.views):
            paras = sorted({w.sentence.para for w in self.views})
            self._ranks = {p: i for i, p in enumerate(paras)}
            self._ranks_for = len(self.views)
        return self._ranks

    def _recent(self) -> list[Frame]:
        return sorted(self.frames, key=lambda f: f.last, reverse=True)

    def _new(self, family: str) -> Frame:
        frame = Frame("agreement", family)
        self.frames.append(frame)
        return frame
