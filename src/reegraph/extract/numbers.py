"""Numbers as typed values: shares, money, tonnage and tariff rates found in a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_QUALIFIERS = (
    r"over|more than|about|around|nearly|almost|roughly|approximately|some|"
    r"up to|at least|close to|less than|under|above|below|just over|just under"
)
QUALIFIER = rf"(?:(?P<q>{_QUALIFIERS})\s+)?"
# A qualifier ending where a span of text does (it ends with a letter, and whitespace
# follows it); each alternative matches exactly as many characters as it has.
_QUALIFIER_END = re.compile(rf"(?P<q>{_QUALIFIERS})\Z", re.I)
_LONGEST_QUALIFIER = max(map(len, _QUALIFIERS.split("|")))
_SCALE = {
    "trillion": 1e12,
    "tn": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "thousand": 1e3,
    "k": 1e3,
}
_CURRENCY = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "a$": "AUD",
    "aud": "AUD",
    "c$": "CAD",
    "€": "EUR",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "pounds": "GBP",
    "¥": "JPY",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "won": "KRW",
    "rupees": "INR",
}

# The qualifier prefix makes these patterns slow to scan; a number is needed anyway.
_DIGIT = re.compile(r"\d")
# The patterns below without QUALIFIER: qualified() finds what QUALIFIER + pattern finds,
# scanning for the rest first and then for a qualifier just before it.
# "\d\d{0,2}" is "\d{1,3}" with a leading character set, which lets re skip ahead.
_SHARE = r"(?P<n>\d\d{0,2}(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)"
_NUM = r"(?P<n>\d[\d,]*(?:\.\d+)?)"
_SCALE_RE = r"(?:\s*(?P<s>trillion|billion|million|thousand|bn|mn|mln|tn|b|m|k)\b)?"
_MONEY_PREFIX = (
    r"(?P<c>US\$|A\$|C\$|\$|€|£|¥)\s?" + _NUM + _SCALE_RE + r"(?:\s*(?P<c2>USD|dollars)\b)?"
)
_MONEY_SUFFIX = (
    _NUM + r"\s*(?P<s>trillion|billion|million|thousand|bn|mn)?\s*"
    r"(?P<c>yen|euros?|dollars|USD|yuan|renminbi|RMB|won|pounds|rupees|AUD|EUR)\b"
)
_TONNAGE = _NUM + _SCALE_RE + r"\s*(?:metric\s+)?(?P<u>tonnes|tons|tonne|ton|mt|t)\b"
SHARE = re.compile(QUALIFIER + _SHARE, re.I)
MONEY_PREFIX = re.compile(QUALIFIER + _MONEY_PREFIX, re.I)
MONEY_SUFFIX = re.compile(QUALIFIER + _MONEY_SUFFIX, re.I)
TONNAGE = re.compile(QUALIFIER + _TONNAGE, re.I)
_SHARE_RE, _MONEY_PREFIX_RE, _MONEY_SUFFIX_RE, _TONNAGE_RE = (
    re.compile(p, re.I) for p in (_SHARE, _MONEY_PREFIX, _MONEY_SUFFIX, _TONNAGE)
)
RATE_FROM_TO = re.compile(
    r"from\s+(?P<a>\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per cent)?\s+to\s+(?P<b>\d{1,3}(?:\.\d+)?)"
    r"\s*(?:%|percent|per cent)",
    re.I,
)
RATE_HALVE = re.compile(
    r"halve[sd]?\s+(?:the\s+|its\s+|a\s+)?(?P<a>\d{1,3}(?:\.\d+)?)\s*(?:%|percent)", re.I
)
# The rate before a change, named after the new one: "25%, up from 7.5%", "to 25% from 10%".
RATE_PRIOR = re.compile(
    r"(?:\bup|\bdown|%|\bpercent|\bper cent)\s+from\s+(?:an?\s+|the\s+)?(?:previous\s+|earlier\s+)?"
    r"(?P<a>\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)",
    re.I,
)
RATE_TO = re.compile(r"\bto\s+(?P<b>\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per cent)", re.I)
RATE_AT = re.compile(
    r"(?P<b>\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per cent)\s+(?:tariffs?|dut(?:y|ies)|levy|levies)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Value:
    start: int
    end: int
    value: float
    unit: str | None = None  # currency for money, "t" for tonnage, None for shares
    qualifier: str | None = None


def _num(raw: str) -> float:
    return float(raw.replace(",", ""))


def qualified(rest: re.Pattern[str], text: str) -> Iterator[tuple[int, str | None, re.Match[str]]]:
    """(start, qualifier, match of ``rest``) for each match ``QUALIFIER + rest`` finds in
    ``text``, at the same offsets, but without trying the qualifiers at every position.

    ``rest`` starts with a digit or a currency sign ("$", "US$"), which neither a
    qualifier nor the whitespace after it contains: so each match of the whole pattern
    holds a match of ``rest`` that a scan for ``rest`` alone finds too, and its qualifier,
    if any, is the leftmost one ending where the whitespace before that match starts
    (after the end of the previous match)."""
    prev = 0
    for m in rest.finditer(text):
        start, found = m.start(), None
        gap_end = len(text[prev:start].rstrip()) + prev  # where whitespace before m starts
        if gap_end < start:
            q = _QUALIFIER_END.search(text, max(prev, gap_end - _LONGEST_QUALIFIER), gap_end)
            if q is not None:
                start, found = q.start(), q["q"]
        yield start, found, m
        prev = m.end()


def shares(text: str) -> list[Value]:
    """Percentages as fractions.

    >>> [(v.value, v.qualifier) for v in shares("over 70 percent of output; 90 % of it")]
    [(0.7, 'over'), (0.9, None)]
    """
    out: list[Value] = []
    if not _DIGIT.search(text):
        return out
    for start, q, m in qualified(_SHARE_RE, text):
        value = _num(m["n"]) / 100
        if 0 <= value <= 1:
            out.append(Value(start, m.end(), round(value, 4), None, q.lower() if q else None))
    return out


def money(text: str) -> list[Value]:
    """Money amounts with ISO currency.

    >>> [(v.value, v.unit, v.qualifier) for v in money("up to $400 billion USD and 5 billion yen")]
    [(400000000000.0, 'USD', 'up to'), (5000000000.0, 'JPY', None)]
    """
    out: list[Value] = []
    if not _DIGIT.search(text):
        return out
    for start, q, m in qualified(_MONEY_PREFIX_RE, text):
        scale = _SCALE.get((m["s"] or "").lower(), 1.0)
        out.append(
            Value(
                start,
                m.end(),
                _num(m["n"]) * scale,
                _CURRENCY[m["c"].lower()],
                q.lower() if q else None,
            )
        )
    for start, q, m in qualified(_MONEY_SUFFIX_RE, text):
        if any(v.start <= start < v.end for v in out):
            continue
        scale = _SCALE.get((m["s"] or "").lower(), 1.0)
        cur = m["c"].lower().rstrip("s") if m["c"].lower() in {"euros"} else m["c"].lower()
        out.append(
            Value(
                start,
                m.end(),
                _num(m["n"]) * scale,
                _CURRENCY.get(cur, cur.upper()),
                q.lower() if q else None,
            )
        )
    return sorted(out, key=lambda v: v.start)


def tonnages(text: str) -> list[Value]:
    """Quantities in tonnes.

    >>> [(v.value, v.unit) for v in tonnages("buy 12 million metric tons of soybeans")]
    [(12000000.0, 't')]
    """
    out: list[Value] = []
    if not _DIGIT.search(text):
        return out
    for start, q, m in qualified(_TONNAGE_RE, text):
        if m["u"].lower() == "t" and not m["s"]:
            continue  # "5 t" alone is too easily something else
        scale = _SCALE.get((m["s"] or "").lower(), 1.0)
        out.append(Value(start, m.end(), _num(m["n"]) * scale, "t", q.lower() if q else None))
    return out


def tariff_rates(text: str) -> tuple[float | None, float | None]:
    """(rate_from, rate_to) as fractions.

    >>> tariff_rates("reduce average tariffs on Chinese imports from 57 to 47 percent")
    (0.57, 0.47)
    >>> tariff_rates("halve the 20% tariff on Chinese goods, reducing it to 10% on duties")
    (0.2, 0.1)
    >>> tariff_rates("Tariffs on cars were lowered to 15%")
    (None, 0.15)
    >>> tariff_rates("a 25% tariff on battery parts, up from 7.5%")
    (0.075, 0.25)
    """
    if m := RATE_FROM_TO.search(text):
        return _num(m["a"]) / 100, _num(m["b"]) / 100
    rate_from = None
    if m := RATE_HALVE.search(text):
        rate_from = _num(m["a"]) / 100
        if m := RATE_TO.search(text):
            return rate_from, _num(m["b"]) / 100
        return rate_from, round(rate_from / 2, 4)
    prior = RATE_PRIOR.search(text) if "from" in text else None
    if prior is not None:
        rate_from = _num(prior["a"]) / 100
    for rx in (RATE_TO, RATE_AT):
        for m in rx.finditer(text):
            if prior is None or m.start("b") != prior.start("a"):
                return rate_from, _num(m["b"]) / 100
    return None, None
