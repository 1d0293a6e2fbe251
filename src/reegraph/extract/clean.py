"""Page debris: navigation, footers, bylines, tag lists, photo credits.

Nothing is rewritten: the cleaner returns character spans of ``Document.text`` to
skip, so evidence offsets stay valid in the original text. Bylines are returned
separately because they name the author (a Person), though not as a fact sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_NAV = re.compile(
    r"^(?:top of page|bottom of page|back to top|contact us|advertisement|sponsored|skip to"
    r" (?:main )?content|share(?: this(?: article)?)?|subscribe.*|sign up.*|read more|related"
    r"(?: articles| stories)?|work email address only\.?|email|print|linkedin|x|facebook|twitter"
    r"|share (?:this(?: \w+)?|on)\s*:?(?:[\s|,·•/]*(?:facebook|twitter|x|linkedin|whatsapp"
    r"|e-?mail|reddit|telegram|threads|bluesky|messenger|pinterest|copy link|print)\b)*[\s|,·•/]*"
    r"|follow us\b.{0,80}"
    r"|instagram|youtube|whatsapp|telegram|reddit|copy link|listen|menu|search|home"
    r"|(?:photo|image|credit|source image|picture)s?\s*:.*|all rights reserved.*|©.*|copyright.*)$",
    re.I,
)
_TIME_AGO = re.compile(
    r"^(?:updated\s*:?\s*)?\d+\s*(?:sec|second|min|minute|hour|hr|day|week)s?"
    r"\s+(?:ago|read)$",
    re.I,
)
_BULLET_ONLY = re.compile(r"^[-•●▪◦*·–—]+$")
_STRAY = re.compile(r"^[a-z]{1,4}$")  # lone lower-case tokens such as "ree"
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_PHONE = re.compile(r"^\+?[\d\s().-]{7,}$")
_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]{2}\s\d{5}(?:-\d{4})?)\b")
_BYLINE = re.compile(
    r"^(?:by|writer|written by|author|words)\s*[:\-]?\s+(?P<name>[^\n]{2,80})$", re.I
)
# A byline's trailing job title ("By Jane Roe, Staff Writer").
_BYLINE_ROLE = re.compile(
    r",\s*(?P<role>(?:[\w-]+\s+){0,3}(?:writer|reporter|correspondent|editor|contributor"
    r"|columnist|journalist|analyst))\s*$",
    re.I,
)
# "Tags: gallium, germanium, China": keyword lists name entities but state nothing.
_TAGS = re.compile(
    r"^(?:tags?|tagged|topics?|keywords?|filed under|related topics)\s*:\s*[^.!?]{0,200}$", re.I
)
_SOURCE = re.compile(r"^source\s*:\s*(?P<name>.+?)\s*(?:published\s*:.*)?$", re.I)
_AUTHOR_TITLE = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}),\s*(?P<role>[^.!?]{2,60}?"
    r"(?:President|CEO|Director|Editor|Chief|Founder|Analyst|Correspondent|Reporter|Fellow"
    r"|Professor|Officer|Chair(?:man|woman)?|Partner|Manager|Economist|Writer)[^.!?]{0,40})$"
)
_FOOTER_CUE = re.compile(r"^(?:contact us|bottom of page|about us|follow us|newsletter)\b", re.I)
_NOT_PERSON = re.compile(
    r"\b(?:desk|staff|news|newsroom|team|editors?|agency|wire|reporters)\b", re.I
)
_SLASH_TAGS = re.compile(
    r"^[A-Z][\w&'’-]*(?:\s+[\w&'’-]+){0,4}(?:\s+/\s+[A-Z][\w&'’-]*(?:\s+[\w&'’-]+){0,4}){2,}$"
)


@dataclass(frozen=True, slots=True)
class Byline:
    """An author, source or writer named by a page's header lines."""

    name: str
    role: str | None
    is_person: bool
    start: int  # span of the line it came from
    end: int


@dataclass(frozen=True, slots=True)
class Cleaned:
    debris: list[tuple[int, int]]
    bylines: list[Byline]


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        yield pos + lead, pos + lead + len(stripped), stripped
        pos += len(raw) + 1


def _titlecase_tag(line: str) -> bool:
    if len(line) > 50:  # before splitting: most lines are paragraphs
        return False
    words = line.split()
    if not 1 <= len(words) <= 6 or line[-1] in '.!?:;,"”':
        return False
    return all(
        w[0].isupper()
        or w.lower() in {"and", "of", "the", "&", "in", "on", "for"}
        or not w[0].isalpha()
        for w in words
    )


def _is_person_name(name: str) -> bool:
    words = name.split()
    return (
        2 <= len(words) <= 4 and not _NOT_PERSON.search(name) and all(w[0].isupper() for w in words)
    )


def clean(text: str) -> Cleaned:
    """Debris spans and bylines of a document text (offsets into ``text``)."""
    lines = list(_lines(text))
    debris: list[tuple[int, int]] = []
    bylines: list[Byline] = []
    names: set[str] = set()
    footer = len(lines)
    for i, (_, _, line) in enumerate(lines):
        if _FOOTER_CUE.match(line) and all(len(x[2]) < 80 for x in lines[i:]):
            footer = i
            break
    # Runs of short title-case lines without punctuation are tag lists.
    tag_lines: set[int] = set()
    run: list[int] = []
    for i, (_, _, line) in enumerate([*lines, (0, 0, "")]):
        if line and _titlecase_tag(line):
            run.append(i)
            continue
        if len(run) >= 3:
            tag_lines.update(run)
        run = []
    for i, (start, end, line) in enumerate(lines):
        if not line:
            continue
        line_n = line.lstrip("•●▪◦*· \t")
        drop = (
            i >= footer
            or i in tag_lines
            or bool(_NAV.match(line_n) or _TIME_AGO.match(line_n))
            or bool(_BULLET_ONLY.match(line))
            or bool(_STRAY.match(line_n))
            or ("@" in line_n and bool(_EMAIL.search(line_n)))
            or bool(_PHONE.match(line_n))
            or (line_n.count("/") >= 2 and bool(_SLASH_TAGS.match(line_n)))  # it needs two
            or (len(line_n) < 80 and bool(_POSTCODE.search(line_n)) and line_n[-1] not in ".!?")
            or line_n in names
            or (":" in line_n and bool(_TAGS.match(line_n)))
        )
        if m := _BYLINE.match(line_n):
            name = m["name"].strip().rstrip(".")
            role = line_n.split(":", 1)[0].strip().title() if ":" in line_n else None
            if titled := _BYLINE_ROLE.search(name):
                name, role = name[: titled.start()].strip(), titled["role"]
            if name not in names:  # a repeated byline names no one new
                bylines.append(Byline(name, role, _is_person_name(name), start, end))
                names.add(name)
            drop = True
        elif (m := _SOURCE.match(line_n)) and len(line_n) < 120:
            bylines.append(Byline(m["name"], "source", False, start, end))
            drop = True
        elif i < 6 and (m := _AUTHOR_TITLE.match(line_n)):
            bylines.append(Byline(m["name"], m["role"].strip(), True, start, end))
            names.add(m["name"])
            drop = True
        if drop:
            debris.append((start, end))
    return Cleaned(debris, bylines)
