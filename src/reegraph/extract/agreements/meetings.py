"""Meeting frames: who met whom, when and where."""

from __future__ import annotations

from reegraph.extract import labels as L
from reegraph.extract.agreements.base import FrameFinderBase
from reegraph.extract.agreements.model import Claim, Frame
from reegraph.extract.agreements.patterns import MEETING
from reegraph.extract.dates import find_date
from reegraph.extract.views import View
from reegraph.model import RelationType as T


class MeetingRules(FrameFinderBase):
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

    def _meetings(self, v: View, prev: View | None) -> None:
        for m in v.finditer(MEETING):
            people = list(v.slots(v.masked[m.start() : m.end()], "PJ"))
            ids = []
            for p in people:
                pid = (
                    p.entity
                    if p.label is L.PERSON
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
