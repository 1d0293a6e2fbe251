"""Relation rules over masked sentences: dependence, shares, export restrictions, leadership.

Each rule names itself in the evidence (``rule``) and sets a confidence; modality and
negation come from :mod:`reegraph.extract.emit`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from reegraph.extract import hints
from reegraph.extract import labels as L
from reegraph.extract.dates import find_date, reference_date
from reegraph.extract.emit import Emitter
from reegraph.extract.folding import Folded, folds
from reegraph.extract.mentions import Mention
from reegraph.extract.numbers import Value, shares
from reegraph.extract.views import View
from reegraph.model import RelationType as T
from reegraph.model import entity_id

# The words a USE_AFTER match starts with (see Folded).
_USE_STARTS = (
    "use", "essential", "vital", "indispensable", "crucial", "critical", "key", "central",
    "necessary", "needed", "required", "important", "input", "make possible", "power",
    "found in", "go", "underpin", "enabl", "derivative products", "component", "application",
)  # fmt: skip
USE_AFTER = Folded(
    re.compile(
        r"\b(?:used|use)\s+(?:\w+\s+){0,2}?(?:in|for|to make)\b|"
        r"\buse of\b[^⟨]{0,20}⟨M\d+⟩[^⟨]{0,10}\bin\b|"
        r"\b(?:essential|vital|indispensable|crucial|critical|key|central|necessary|needed|"
        r"required|important)\s+(?:\w+\s+)?(?:to|for|in)\b|\binputs?\s+(?:for|to|in|into)\b|"
        r"\bmake possible\b|"
        r"\bpower(?:s|ing)?\b|\bfound in\b|\bgo(?:es)? into\b|\bunderpin\w*\b|\benabl\w+\b|"
        r"\bderivative products\b|\bcomponents? (?:of|for|in)\b|\bapplications? in\b",
        re.I,
    ),
    starts=_USE_STARTS,
)
DEPEND_BEFORE = Folded(
    re.compile(
        r"\b(?:depend\w*|rel(?:y|ies|ied|ying|iant|iance))\s+(?:\w+\s+){0,2}?on\b|\b(?:need|require)s?\b|"
        r"\bdependent on\b",
        re.I,
    )
)
ANAPHOR = re.compile(r"^(?:\W*)(?:They|These|Such|Those|Their|These unseen)\b(?:\s+\w+){0,2}", re.I)
DEPENDENCE = Folded(
    re.compile(
        r"\b(?:dependence|dependency|dependencies|reliance|dependent|reliant|"
        r"depend(?:s|ing)?|rel(?:y|ies|ying))\s+on\s+(?P<t>⟨C\d+⟩)",
        re.I,
    ),
    starts=("depend", "relian", "rely", "reli"),
)
EXPORT_CUE = Folded(
    re.compile(
        r"\bexport\s+(?:restrictions?|controls?|curbs?|bans?|limits?|licen[cs](?:es?|ing)|quotas?|"
        r"measures)\b|\b(?:curbs|restrictions|controls|bans)\s+on\s+(?:\w+\s+){0,3}exports?\b|"
        r"\brestrict(?:ed|s|ing)?\s+(?:\w+\s+){0,3}exports?\b|⟨[MS]\d+⟩\s+curbs\b",
        re.I,
    ),
    starts=("export", "curbs", "restrict", "controls", "bans", "⟨m", "⟨s"),
)
# A licence requirement on shipments abroad is an export restriction ("exporters would
# need licences for shipments of gallium"); a licence granted to export is not.
LICENCE_CUE = Folded(
    re.compile(
        r"\b(?:need|needs|needed|require|requires|required|requiring|must\s+(?:obtain|seek|apply"
        r"\s+for)|subject\s+to)\s+(?:\w+\s+){0,3}?(?:export\s+)?licen[cs](?:es?|ing)\s+"
        r"(?:\w+\s+){0,2}?(?:for|to|on)\s+(?:\w+\s+){0,2}?(?:shipments?|exports?|ship|overseas"
        r"\s+sales|sales\s+abroad)\b",
        re.I,
    ),
    starts=("need", "requir", "must", "subject"),
)
# When a restriction takes effect: "starting June 1", "effective from 1 December".
_EFFECTIVE = re.compile(
    r"\b(?:starting|effective|beginning|from|as of|takes? effect|taking effect)\s+"
    r"(?:from\s+|on\s+)?(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d",
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SUSPENDED_STARTS = (
    "suspen", "paus", "delay", "halt", "temporar", "truce", "reprieve", "stop to", "lift", "eas",
)  # fmt: skip
SUSPENDED = Folded(
    re.compile(
        r"\b(?:suspen\w+|paus\w+|delay\w*|halt\w*|temporar\w+ stop|truce|reprieve|"
        r"stop to|lift\w*|eas\w+)\b",
        re.I,
    ),
    starts=_SUSPENDED_STARTS,
)
STAGE_AFTER = re.compile(
    r"^\s*(?:of\s+)?(?:the\s+)?(?:global|world(?:’s|'s)?|worldwide|total|its|world)?\s*"
    r"(?:\w+\s+){0,2}?(?P<w>production|output|mining|processing|refining|refined|supply|capacity|"
    r"reserves|exports|magnets?|magnet production|separation)\b",
    re.I,
)
STAGE_BEFORE = re.compile(
    r"\b(?P<w>produc\w*|refin\w*|process\w*|min(?:e|es|ed|ing)|output|"
    r"separat\w*|supply|supplies)\b",
    re.I,
)
_STAGE = {
    "produc": "production",
    "output": "production",
    "min": "production",
    "mining": "production",
    "refin": "processing",
    "process": "processing",
    "separat": "processing",
    "supply": "supply",
    "supplies": "supply",
    "capacity": "processing",
    "reserves": "reserves",
    "exports": "exports",
    "magnet": "magnets",
}
_NOISE_STARTS = (
    "tariff", "dut", "increase", "rise", "rose", "fell", "drop", "growth", "stake", "shares",
    "interest rate", "inflation", "gdp", "decline",
)  # fmt: skip
SHARE_NOISE = Folded(
    re.compile(
        r"tariff|dut(?:y|ies)|increase|rise|rose|fell|drop|growth|stake|shares\b|"
        r"interest rate|inflation|gdp|decline",
        re.I,
    ),
    starts=_NOISE_STARTS,
)
HEAD_OF = Folded(
    re.compile(
        r"\b(?:CEO|chief executive|chairman|chairwoman|president|head|founder)\s+of\s+"
        r"(?P<o>⟨O\d+⟩)",
        re.I,
    )
)

# Words one of which every match of DEPEND_BEFORE / HEAD_OF holds (lower-cased).
_DEPEND_STEMS = ("depend", "rely", "relie", "relian", "need", "require")
_HEAD_STEMS = ("ceo", "chief executive", "chair", "president", "head", "founder")


_ADMINISTRATION = re.compile(r"\badministration\b")


def _stage(word: str) -> str:
    word = word.lower()
    for prefix, stage in _STAGE.items():
        if word.startswith(prefix):
            return stage
    return word


def paragraph_topics(views: list[View]) -> dict[int, list[Mention]]:
    """Most-mentioned minerals per paragraph (implicit mineral of a sentence)."""
    counts: dict[int, Counter[str]] = {}
    first: dict[str, Mention] = {}
    for v in views:
        for m in v.mentions:
            if m.label is L.MINERAL:
                counts.setdefault(v.sentence.para, Counter())[m.entity] += 1
                first.setdefault(m.entity, m)
    return {p: [first[e] for e, _ in c.most_common(2)] for p, c in counts.items()}


def topic_of(view: View, topics: dict[int, list[Mention]], doc_topic: list[Mention]) -> str | None:
    minerals = (
        [m for m in view.mentions if m.label is L.MINERAL]
        or topics.get(view.sentence.para, [])
        or doc_topic[:1]
    )
    if not minerals:
        return None
    for m in minerals:
        if "rare earth" in m.name.lower() or (
            m.entry is not None and any("rare earth" in g.lower() for g in m.entry.groups)
        ):
            return "rare earth supply"
    return f"{minerals[0].name.lower()} supply"


def dependence_on_minerals(views: list[View], em: Emitter) -> None:
    prev: View | None = None
    for v in views:
        minerals, sectors = "⟨m" in v.low, "⟨s" in v.low
        if sectors:
            for cue in v.finditer(USE_AFTER):
                before = v.slots(v.masked[: cue.start()], "M")
                after = v.slots(v.masked[cue.end() :], "S")
                conf = 0.8
                if not before and ANAPHOR.match(v.masked) and prev is not None:
                    before = [m for m in prev.mentions if m.label is L.MINERAL]
                    conf = 0.6
                for s in after:
                    for m in before[-4:]:
                        em.emit(T.DEPENDS_ON, s, m, v, "depends_on.used_in", conf)
                if before and after:
                    break
            for cue in v.finditer(DEPEND_BEFORE) if v.may_match(_DEPEND_STEMS) else ():
                for s in v.slots(v.masked[: cue.start()], "S")[-4:]:
                    for m in v.slots(v.masked[cue.end() :], "M")[:4]:
                        em.emit(T.DEPENDS_ON, s, m, v, "depends_on.sector_relies", 0.8)
        if minerals or sectors or not prev:
            prev = v if minerals else prev
        if v.sentence.heading:
            prev = None


def country_dependence(
    views: list[View],
    em: Emitter,
    leaders: dict[str, str],
    topics: dict[int, list[Mention]],
    doc_topic: list[Mention],
    main_country: str | None,
) -> None:
    for v in views:
        if not (v.sentence.hints & hints.DEPEND and v.search(hints.DEPEND_CHECK)):
            continue
        for m in v.finditer(DEPENDENCE):
            target = v.slots(v.group(m, "t") or "")[0]
            head = v.masked[: m.start()]
            subject = None
            if main_country and _ADMINISTRATION.search(head):
                subject = main_country
            if subject is None:
                for p in v.slots(head, "P"):
                    if p.entity in leaders:
                        subject = leaders[p.entity]
                        break
            if subject is None:
                # Countries that are not objects of a preposition ("across Japan, ...").
                for c in v.slots(head, "C"):
                    pos = head.find(f"⟨C{v.mentions.index(c)}⟩")
                    word = head[:pos].split()[-1:]
                    if not word or word[0].lower().strip(":,") in {"for", "the"}:
                        subject = c.entity
                        break
            if subject is None or subject == target.entity:
                continue
            portion = _dependent_share(v)
            em.emit(
                T.DEPENDS_ON,
                subject,
                target,
                v,
                "depends_on.country_reliance",
                0.75,
                topic=topic_of(v, topics, doc_topic),
                share=portion.value if portion else None,
                qualifier=portion.qualifier if portion else None,
            )


def _dependent_share(v: View) -> Value | None:
    """How much of its supply a dependent country gets from the other: "depends on China
    for more than 85 percent of its magnet imports" (the share is of the dependence)."""
    if not v.sentence.hints & hints.SHARE:
        return None
    for sh in shares(v.text):
        if v.text[max(0, sh.start - 5) : sh.start].rstrip().endswith("for"):
            return sh
    return None


# What a share is of, when it is not the world's: someone's imports or needs ("85 percent
# of its magnet imports"), or one country's own mines ("80 percent of the country's mines").
_NOT_WORLD_SHARE = re.compile(
    r"^\s*of\s+(?:its|their|the\s+(?:country|nation)(?:’s|'s)|[A-Z][\w.]*(?:’s|'s))\s|"
    r"\b(?:imports?|imported|purchases|consumption|demand|needs|requirements)\b"
)
_CONJUNCT = re.compile(r",|;|\band\b|\bwhile\b")
# A new clause between two figures: the second does not share the first one's stage.
_NEW_CLAUSE = re.compile(r"\b(?:while|whereas|but|although|though)\b|;")


def _share_scope(text: str, end: int) -> str:
    """The words after a share up to the end of its phrase (a comma or a full stop)."""
    tail = text[end : end + 70]
    cut = min((i for i in (tail.find(","), tail.find(";"), tail.find(". ")) if i >= 0), default=-1)
    return tail if cut < 0 else tail[:cut]


def _share_stage(text: str, start: int, end: int, floor: int = 0) -> str | None:
    """The stage named just before a share (not before ``floor``: the previous figure's
    words are its own) or just after it."""
    after = STAGE_AFTER.match(text[end : end + 60])
    lead = text[max(0, floor, start - 45) : start]
    if floor:  # only this figure's conjunct: "60% of mining and 85% of refining"
        lead = _CONJUNCT.split(lead)[-1]
    before = list(STAGE_BEFORE.finditer(lead))
    if before:
        words = (
            {_stage(b["w"]) for b in before[-2:]}
            if re.search(r"\band\b", lead)
            else {_stage(before[-1]["w"])}
        )
        return "production and refining" if {"production", "processing"} <= words else min(words)
    return _stage(after["w"]) if after else None


def _world_shares(v: View) -> list[tuple[Value, str | None]]:
    """The sentence's figures, each with the world supply stage it is a share of (None
    when it is not a world share). A figure coordinated with an earlier one ("65 percent
    of lithium and 90 percent of graphite") takes the earlier one's stage when it names
    none."""
    out: list[tuple[Value, str | None]] = []
    for sh in shares(v.text):
        window = v.text[max(0, sh.start - 30) : min(len(v.text), sh.end + 30)]
        if SHARE_NOISE.search(window, window.lower() if folds(window) else None):
            continue
        stage = None
        if not _NOT_WORLD_SHARE.search(_share_scope(v.text, sh.end)):
            stage = _share_stage(v.text, sh.start, sh.end, out[-1][0].end if out else 0)
            if stage is None and out and (prev := out[-1])[1] is not None:
                gap = v.text[prev[0].end : sh.start]
                if len(gap) < 80 and not _NEW_CLAUSE.search(gap):
                    stage = prev[1]
        out.append((sh, stage))
    return out


def _minerals_by_share(v: View, found: list[tuple[Value, str | None]]) -> list[list[Mention]]:
    """The minerals each figure is of: with several figures in a sentence, each mineral
    goes to the nearest figure before it (else the first one), and a world share left
    without one is of the minerals of the world share before it ("produces 70% of rare
    earths, as well as processing 90%")."""
    minerals = [m for m in v.mentions if m.label is L.MINERAL]
    if len(found) < 2:
        return [minerals[:2] for _ in found]
    base = v.sentence.start
    out: list[list[Mention]] = [[] for _ in found]
    for m in minerals:
        at = m.start - base
        before = [i for i, (sh, _) in enumerate(found) if sh.end <= at]
        out[before[-1] if before else 0].append(m)
    for i in range(1, len(out)):
        if not out[i] and found[i - 1][1] is not None:
            out[i] = out[i - 1]
    # Figures before the first named mineral are of it ("60% of mining and 85% of rare
    # earth refining").
    first = next((i for i, ms in enumerate(out) if ms), 0)
    for i in range(first):
        out[i] = out[first] if found[i][1] is not None else []
    return [ms[:2] for ms in out]


def control_shares(
    views: list[View], em: Emitter, topics: dict[int, list[Mention]], doc_topic: list[Mention]
) -> None:
    for v in views:
        if not (v.sentence.hints & hints.SHARE and hints.SHARE_HINT.search(v.text)):
            continue
        actors = [m for m in v.mentions if m.label is L.COUNTRY]
        if not actors:
            continue
        found = _world_shares(v)
        for (sh, stage), minerals in zip(found, _minerals_by_share(v, found), strict=True):
            if stage is None:
                continue
            pos = v.sentence.start + sh.start
            actor = min(actors, key=lambda c: (c.start > pos, abs(c.start - pos)))
            conf = 0.8
            if not minerals:
                minerals = topics.get(v.sentence.para, [])[:1] or doc_topic[:1]
                conf = 0.6
            for mineral in minerals:
                em.emit(
                    T.CONTROLS_SHARE,
                    actor,
                    mineral,
                    v,
                    "controls_share.percent_of_stage",
                    conf,
                    share=sh.value,
                    qualifier=sh.qualifier,
                    stage=stage,
                )


_GOVERNMENT_KIND = re.compile(r"ministry|department|government|agency|commission|council|customs")


_POSSESSOR = re.compile(r"(?P<c>[A-Z][\w .-]{1,40}?)(?:’s|'s)\s")


def _restricting_state(v: View, head: str, em: Emitter) -> Mention | str | None:
    """Who restricts: the last country named before the cue, else a government body
    ("China's Ministry of Commerce said exporters would need licences"), by its
    country when that is known (its own, or a country its name is the possession of)."""
    if actors := v.slots(head, "CJ"):
        return actors[-1]
    for m in reversed(v.slots(head, "O")):
        kind = m.kind or (m.entry.kind if m.entry else None)
        if not kind or not _GOVERNMENT_KIND.search(kind):
            continue
        country = m.country or (m.entry.country if m.entry else None)
        surface = v.text[m.start - v.sentence.start : m.end - v.sentence.start]
        if country is None and (owner := _POSSESSOR.match(surface)):
            cid = entity_id(L.COUNTRY, owner["c"])
            country = cid if em.labels.get(cid) is L.COUNTRY else None
        return country or m
    return None


def _effective_date(text: str, published: str | None) -> str | None:
    """When a measure takes effect. A day and month without a year is the nearest such
    day to publication: measures are announced for the months ahead ("starting June 1")."""
    eff = _EFFECTIVE.search(text)
    if eff is None:
        return None
    rest = text[eff.start() :]
    found = find_date(rest, published)
    ref = reference_date(published)
    if found is None or ref is None or len(found) != 10:
        return found
    if _YEAR.search(rest[: eff.end() - eff.start() + 12]):
        return found
    day = dt.date.fromisoformat(found)
    if (ref - day).days > 183 and (day.month, day.day) != (2, 29):
        return day.replace(year=day.year + 1).isoformat()
    return found


def export_restrictions(views: list[View], em: Emitter) -> None:
    for v in views:
        cues: tuple[Folded, ...] = (EXPORT_CUE,) if v.sentence.hints & hints.EXPORT else ()
        if "licen" in v.low:
            cues += (LICENCE_CUE,)
        if not cues or (cues[0] is EXPORT_CUE and not v.search(hints.EXPORT_CHECK)):
            continue
        date: str | None = ""  # when the restriction takes effect, once looked for
        for cue in (c for pattern in cues for c in v.finditer(pattern)):
            head, tail = v.masked[: cue.start()], v.masked[cue.end() :]
            actor = _restricting_state(v, head, em)
            if actor is None:
                continue
            cue_text = v.masked[cue.start() : cue.end()]
            # Minerals named after the cue are what is restricted; a sector after them
            # only says what the minerals are for ("gallium, a metal critical for chips").
            after = v.slots(tail[:80], "MS")
            goods = [g for g in after if g.label is L.MINERAL] or after
            goods = goods[:3] or v.slots(head[-60:] + cue_text, "MS")[-2:]
            status = "suspended" if v.search(SUSPENDED) else None
            if date == "":
                date = _effective_date(v.text, em.doc.published)
            for g in goods:
                em.emit(
                    T.RESTRICTS_EXPORT,
                    actor,
                    g,
                    v,
                    "restricts_export.controls_on",
                    0.8,
                    status=status,
                    date=date,
                )


def leadership(views: list[View], em: Emitter) -> dict[str, str]:
    """LEADS from head-of-state titles with a country; returns person id -> country id."""
    leaders: dict[str, str] = {}
    for v in views:
        for m in v.mentions if "⟨p" in v.low else ():
            if m.label is L.PERSON and m.country and m.role:
                rtype = T.LEADS if m.head else T.AFFILIATED_WITH
                if (
                    em.emit(
                        rtype,
                        m,
                        m.country,
                        v,
                        f"{rtype.value.lower()}.title",
                        0.85,
                        mod="asserted",
                        role=m.role,
                    )
                    and m.head
                ):
                    leaders[m.entity] = m.country
        for hm in v.finditer(HEAD_OF) if "⟨o" in v.low and v.may_match(_HEAD_STEMS) else ():
            people = v.slots(v.masked[: hm.start()][-40:] + v.masked[hm.end() :][:40], "P")
            org = v.slots(v.masked[hm.start("o") : hm.end("o")])[0]
            role = v.masked[hm.start() : hm.end()].split()[0]
            for p in people[:1]:
                em.emit(T.LEADS, p, org, v, "leads.head_of", 0.75, role=role)
        if "⟨o" in v.low and "⟨p" in v.low and v.may_match(_ORG_TITLE_STEMS):
            organisation_titles(v, em)
    return leaders


# "European Commission President Ursula von der Leyen", "Glencore's chief executive Gary
# Nagle": a title between an organisation and a person, nothing else between them.
_ORG_TITLE = re.compile(
    r"(?P<o>⟨O\d+⟩)(?:[’']s)?\s+(?P<title>(?:(?P<deputy>vice|deputy|acting|executive vice)"
    r"\s+|executive\s+|senior vice\s+)?(?:president|chairman|chairwoman|chairperson|chair|"
    r"chief executive(?: officer)?|ceo|managing director|director[- ]general|"
    r"secretary[- ]general|governor|head|founder|commissioner|spokes(?:man|woman|person)|"
    r"chief (?:financial|operating|economist|strategist)(?: officer)?|cfo|coo))"
    r"\s+(?P<p>⟨P\d+⟩)",
    re.I,
)
# Every match holds one of these (lower-case): the gate before the pattern.
_ORG_TITLE_STEMS = (
    "president", "chair", "chief", "ceo", "director", "general", "governor", "head", "founder",
    "commissioner", "spokes", "cfo", "coo",
)  # fmt: skip
# Titles that head the organisation (LEADS); the rest hold a role in it (AFFILIATED_WITH).
_ORG_HEADS = (
    "president", "chairman", "chairwoman", "chairperson", "chair", "chief executive", "ceo",
    "managing director", "director", "secretary", "governor", "head", "founder",
)  # fmt: skip


def organisation_titles(v: View, em: Emitter) -> None:
    """LEADS or AFFILIATED_WITH from an organisation's name before a person's title."""
    for m in _ORG_TITLE.finditer(v.masked):
        title = m["title"]
        low = title.lower()
        heads = m["deputy"] is None and low.removeprefix("executive ").startswith(_ORG_HEADS)
        org = v.slots(m["o"])[0]
        person = v.slots(m["p"])[0]
        rtype = T.LEADS if heads else T.AFFILIATED_WITH
        role = title[:1].upper() + title[1:]
        em.emit(rtype, person, org, v, f"{rtype.value.lower()}.organisation_title", 0.8, role=role)
