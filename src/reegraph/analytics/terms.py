"""Which agreements apply on a date, from their ``date``, ``end_date``, ``duration`` and ``status``.

An agreement's term starts on its ``date`` and ends on its ``end_date`` or, failing
that, on ``date + duration`` (ISO 8601: ``P1Y`` for "one-year"); the end day itself
is outside the term. With neither, the agreement is open-ended. A status saying it
was suspended or terminated overrides the dates; a planned one has not started.
Partial dates ("2025-10") count from the first day of the period.

States: ``in force``, ``ended``, ``not yet started``, ``suspended``, ``terminated``,
``planned`` and ``undated`` (no start date: the graph cannot say).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from reegraph.analytics.graph import Graph, graph_index
from reegraph.analytics.whatif import agreement_parties
from reegraph.errors import ReegraphError
from reegraph.model import Label

IN_FORCE, ENDED, NOT_STARTED = "in force", "ended", "not yet started"
SUSPENDED, TERMINATED, PLANNED, UNDATED = "suspended", "terminated", "planned", "undated"
_STATUS_STATE = {
    "suspended": SUSPENDED,
    "paused": SUSPENDED,
    "terminated": TERMINATED,
    "cancelled": TERMINATED,
    "canceled": TERMINATED,
    "withdrawn": TERMINATED,
    "revoked": TERMINATED,
    "expired": TERMINATED,
    "lapsed": TERMINATED,
    "planned": PLANNED,
    "proposed": PLANNED,
    "under negotiation": PLANNED,
    "negotiating": PLANNED,
    "draft": PLANNED,
}
_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


def parse_date(text: str | None) -> date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` -> the first day it can mean; else None.

    >>> parse_date("2025-10-30"), parse_date("2025-10"), parse_date("soon")
    (datetime.date(2025, 10, 30), datetime.date(2025, 10, 1), None)
    """
    if not text:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text.strip())
    if not match:
        return None
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_on(text: str) -> date:
    """A user-given ``--on`` date, or a one-line error."""
    found = parse_date(text)
    if found is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise ReegraphError(f"not a date: {text!r} (use YYYY-MM-DD, e.g. 2026-06-01)")
    return found


def add_duration(start: date, duration: str) -> date | None:
    """``start`` plus an ISO 8601 duration (years, months, weeks, days); None if unreadable.

    >>> add_duration(date(2025, 10, 30), "P1Y"), add_duration(date(2024, 1, 31), "P1M")
    (datetime.date(2026, 10, 30), datetime.date(2024, 2, 29))
    >>> add_duration(date(2025, 1, 1), "P2W3D"), add_duration(date(2025, 1, 1), "one year")
    (datetime.date(2025, 1, 18), None)
    """
    match = _DURATION.match(duration.strip().upper())
    if not match or not any(match.groups()):
        return None
    years, months, weeks, days = (int(g or 0) for g in match.groups())
    month_index = start.month - 1 + months
    year = start.year + years + month_index // 12
    month = month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) + timedelta(weeks=weeks, days=days)


@dataclass(frozen=True)
class AgreementTerm:
    id: str
    name: str
    kind: str | None
    date: str | None
    end_date: str | None
    end_from: str | None  # end_date | duration | None (open-ended)
    duration: str | None
    status: str | None
    binding: bool | None
    parties: tuple[str, ...]
    state: str
    in_force: bool


def term_state(on: date, start: date | None, end: date | None, status: str | None) -> str:
    """The state of one term on a date.

    >>> d = date(2025, 10, 30)
    >>> term_state(date(2026, 6, 1), d, date(2026, 10, 30), "signed")
    'in force'
    >>> term_state(date(2027, 1, 1), d, date(2026, 10, 30), None)
    'ended'
    >>> term_state(date(2025, 1, 1), d, None, None), term_state(date(2030, 1, 1), d, None, None)
    ('not yet started', 'in force')
    >>> term_state(date(2026, 1, 1), d, None, "Suspended")
    'suspended'
    >>> term_state(date(2026, 1, 1), None, None, None)
    'undated'
    """
    by_status = _STATUS_STATE.get((status or "").strip().lower())
    if by_status in (SUSPENDED, TERMINATED):
        return by_status
    if start is None:
        return PLANNED if by_status == PLANNED else UNDATED
    if on < start:
        return NOT_STARTED
    if by_status == PLANNED:
        return PLANNED
    if end is not None and on >= end:
        return ENDED
    return IN_FORCE


def agreements_on(graph: Graph, on: date) -> list[AgreementTerm]:
    """Every agreement's state on ``on``: in force first, then by name.

    >>> from reegraph.analytics.graph import to_networkx
    >>> from reegraph.analytics.centrality import tiny_treaty_bundle
    >>> graph = to_networkx(tiny_treaty_bundle())
    >>> [(t.name, t.state) for t in agreements_on(graph, date(2026, 1, 1))]
    [('T', 'undated')]
    """
    index = graph_index(graph)
    terms = []
    for node in index.with_label(Label.AGREEMENT):
        props = graph.nodes[node]["entity"].properties
        start = parse_date(props.date)
        end, end_from = parse_date(props.end_date), "end_date" if props.end_date else None
        if end is None and start is not None and props.duration:
            end = add_duration(start, props.duration)
            end_from = "duration" if end else None
        state = term_state(on, start, end, props.status)
        parties, _ = agreement_parties(index, node)
        terms.append(
            AgreementTerm(
                id=node,
                name=index.names[node],
                kind=props.kind,
                date=props.date,
                end_date=end.isoformat() if end else None,
                end_from=end_from if end else None,
                duration=props.duration,
                status=props.status,
                binding=props.binding,
                parties=tuple(index.names[p] for p in parties),
                state=state,
                in_force=state == IN_FORCE,
            )
        )
    return sorted(terms, key=lambda t: (not t.in_force, t.state, t.name))
