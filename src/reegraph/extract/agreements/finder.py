"""The frame finder of one document: meetings and agreements, sentence by sentence."""

from __future__ import annotations

from reegraph.extract import hints
from reegraph.extract.agreements.deals import AgreementRules
from reegraph.extract.agreements.meetings import MeetingRules
from reegraph.extract.views import View


class FrameFinder(MeetingRules, AgreementRules):
    """Finds agreement and meeting frames of one document."""

    def run(self, views: list[View]) -> None:
        self.views = views
        prev: View | None = None
        for v in views:
            if not v.sentence.heading:
                if (
                    v.sentence.hints & hints.MEETING
                    and hints.any_in(v.low, hints.MEETING_WORDS)
                    and v.search(hints.MEET_CHECK)
                ):
                    self._meetings(v, prev)
                if not self._agreements(v, prev):
                    self._continuation(v)
                    self._ceremony(v)
            prev = v
        self.resolve_pending()
        self._date_from_meetings()
