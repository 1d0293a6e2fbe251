"""Dates: normalise absolute forms to ISO and resolve relative ones against publication."""

from __future__ import annotations

import datetime as dt
import re

from reegraph.extract.folding import Folded, folds

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")
US_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})")
DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?\b", re.I
)
MONTH_DAY = re.compile(
    rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I
)
MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{4}})\b", re.I)


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    try:
        if day is None:
            dt.date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def normalise_date(text: str) -> str | None:
    """ISO date (``YYYY-MM-DD``) or month (``YYYY-MM``) from common written forms.

    >>> normalise_date("10/29/2025, 09:18:15 EDT")
    '2025-10-29'
    >>> normalise_date("28 October 2025")
    '2025-10-28'
    >>> normalise_date("2025-11")
    '2025-11'
    """
    text = text.strip()
    if m := ISO.match(text):
        return _iso(int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
    if m := US_NUMERIC.match(text):
        return _iso(int(m[3]), int(m[1]), int(m[2]))
    if (m := DAY_MONTH.search(text)) and m[3]:
        return _iso(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    if (m := MONTH_DAY.search(text)) and m[3]:
        return _iso(int(m[3]), MONTHS[m[1].lower()], int(m[2]))
    if m := MONTH_YEAR.search(text):
        return _iso(int(m[2]), MONTHS[m[1].lower()])
    return None


def reference_date(published: str | None) -> dt.date | None:
    """The day relative dates are counted from: publication day, or the 1st of its month."""
    if not published:
        return None
    parts = [int(p) for p in published.split("-")]
    return dt.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)


RELATIVE_WEEKDAY = re.compile(
    r"\b(?:(last|this|next|on|on last)\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.I
)


_DIGIT = re.compile(r"\d")
_DAY = re.compile("day", re.I)
# find_date's patterns over the lower-cased sentence (see folding); the groups it reads
# (numbers, month and weekday names, lower-cased anyway) are the same either way.
_FOLDED_DAY_MONTH = Folded(DAY_MONTH)
_FOLDED_MONTH_DAY = Folded(MONTH_DAY)
_FOLDED_WEEKDAY = Folded(RELATIVE_WEEKDAY)


def find_date(sentence: str, published: str | None) -> str | None:
    """The first date a sentence states, resolved against the publication date.

    >>> find_date("On October 28, in Tokyo, they signed.", "2025-11")
    '2025-10-28'
    >>> find_date("The meeting last Thursday led to a deal.", "2025-11")
    '2025-10-30'
    >>> find_date("On Tuesday, the leaders signed.", "2025-10-29")
    '2025-10-28'
    """
    ref = reference_date(published)
    low = sentence.lower() if folds(sentence) else None
    # Day-month forms need a day number, weekdays end in "day": most sentences have neither.
    forms = ((_FOLDED_DAY_MONTH, "dm"), (_FOLDED_MONTH_DAY, "md"))
    for pattern, order in forms if _DIGIT.search(sentence) else ():
        m = pattern.search(sentence, low)
        if not m:
            continue
        day_s, month_s = (m[1], m[2]) if order == "dm" else (m[2], m[1])
        year = int(m[3]) if m[3] else None
        month = MONTHS[month_s.lower()]
        if year is None:
            if ref is None:
                continue
            # A day-month with no year is the most recent such day not long after publication.
            recent = (month, int(day_s)) <= (ref.month, ref.day) or month - ref.month < 2
            year = ref.year if recent else ref.year - 1
        found = _iso(year, month, int(day_s))
        if found:
            return found
    has_day = "day" in low if low is not None else _DAY.search(sentence)
    if ref is not None and has_day and (m := _FOLDED_WEEKDAY.search(sentence, low)):
        target = WEEKDAYS.index(m[2].lower())
        delta = (ref.weekday() - target) % 7
        if m[1] and m[1].lower() == "next":
            return (ref + dt.timedelta(days=(target - ref.weekday()) % 7 or 7)).isoformat()
        return (ref - dt.timedelta(days=delta or 7)).isoformat()
    return None


_NUMBER_WORDS = {
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "eighteen": 18,
    "twenty-four": 24,
    "thirty": 30,
    "sixty": 60,
    "ninety": 90,
}
_WORDS_OF = {n: w for w, n in _NUMBER_WORDS.items() if w not in {"a", "an"}}
DURATION = re.compile(
    r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|a|an)"
    r"[\s-](?P<u>year|month|week|day)s?\b(?![\s-]old)",
    re.I,
)


def find_duration(sentence: str) -> str | None:
    """ISO 8601 duration of the first "one-year"/"six-month"/"90-day" phrase.

    >>> find_duration("a one-year suspension of export controls")
    'P1Y'
    >>> find_duration("within a six-month window")
    'P6M'
    >>> find_duration("continued shipments for at least a year") is None
    True
    """
    for m in DURATION.finditer(sentence):
        n_raw = m["n"].lower()
        if n_raw in {"a", "an"} and m.group(0)[len(n_raw)] != "-":
            continue  # "a year ago" is not a duration; "a one-year" is
        n = int(n_raw) if n_raw.isdigit() else _NUMBER_WORDS[n_raw]
        return f"P{n}{m['u'][0].upper()}" if m["u"].lower() != "week" else f"P{n * 7}D"
    return None


def iso_duration(number: str, unit: str) -> str | None:
    """ISO 8601 duration from a written number and unit: ("one", "year") -> P1Y.

    >>> iso_duration("six", "months"), iso_duration("a", "week"), iso_duration("many", "days")
    ('P6M', 'P7D', None)
    """
    raw = number.lower()
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw)
    u = unit.lower().rstrip("s")
    if n is None or u not in {"year", "month", "week", "day"}:
        return None
    return f"P{n * 7}D" if u == "week" else f"P{n}{u[0].upper()}"


def duration_adjective(duration: str) -> str | None:
    """The attributive form of an ISO duration: P1Y -> "one-year", P90D -> "90-day".

    >>> duration_adjective("P1Y"), duration_adjective("P6M"), duration_adjective("P90D")
    ('one-year', 'six-month', '90-day')
    """
    m = re.fullmatch(r"P(\d+)([YMD])", duration)
    if not m:
        return None
    n = int(m[1])
    unit = {"Y": "year", "M": "month", "D": "day"}[m[2]]
    return f"{_WORDS_OF.get(n, str(n)) if n <= 12 else n}-{unit}"


def add_duration(start: str, duration: str) -> str | None:
    """End date of a period: ISO start date plus an ISO duration (Y, M or D).

    >>> add_duration("2025-10-30", "P1Y")
    '2026-10-30'
    >>> add_duration("2025-10-30", "P6M")
    '2026-04-30'
    """
    m = re.fullmatch(r"P(\d+)([YMD])", duration)
    if not m or len(start) != 10:
        return None
    day = dt.date.fromisoformat(start)
    n, unit = int(m[1]), m[2]
    if unit == "D":
        return (day + dt.timedelta(days=n)).isoformat()
    months = n * 12 if unit == "Y" else n
    year, month = divmod(day.month - 1 + months, 12)
    for d in (day.day, 30, 29, 28):
        found = _iso(day.year + year, month + 1, d)
        if found:
            return found
    return None
