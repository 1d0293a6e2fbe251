"""Relation rules over masked sentences: dependence, shares, export restrictions, leadership.

Each rule names itself in the evidence (``rule``) and sets a confidence; modality and
negation come from :mod:`reegraph.extract.emit`.
"""

from __future__ import annotations

import re
from collections import Counter

from reegraph.extract import hints
from reegraph.extract import labels as L
from reegraph.extract.emit import Emitter
from reegraph.extract.folding import Folded, folds
from reegraph.extract.mentions import Mention
from reegraph.extract.numbers import shares
from reegraph.extract.views import View
from reegraph.model import RelationType as T

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
            em.emit(
                T.DEPENDS_ON,
                subject,
                target,
                v,
                "depends_on.country_reliance",
                0.75,
                topic=topic_of(v, topics, doc_topic),
            )


def control_shares(
    views: list[View], em: Emitter, topics: dict[int, list[Mention]], doc_topic: list[Mention]
) -> None:
    for v in views:
        if not (v.sentence.hints & hints.SHARE and hints.SHARE_HINT.search(v.text)):
            continue
        actors = [m for m in v.mentions if m.label is L.COUNTRY]
        if not actors:
            continue
        for sh in shares(v.text):
            window = v.text[max(0, sh.start - 30) : min(len(v.text), sh.end + 30)]
            if SHARE_NOISE.search(window, window.lower() if folds(window) else None):
                continue
            after = STAGE_AFTER.match(v.text[sh.end : sh.end + 60])
            before = list(STAGE_BEFORE.finditer(v.text[max(0, sh.start - 45) : sh.start]))
            stage = None
            if before:
                words = (
                    {_stage(b["w"]) for b in before[-2:]}
                    if re.search(r"\band\b", v.text[max(0, sh.start - 45) : sh.start])
                    else {_stage(before[-1]["w"])}
                )
                stage = (
                    "production and refining"
                    if {"production", "processing"} <= words
                    else sorted(words)[0]
                )
            elif after:
                stage = _stage(after["w"])
            if stage is None:
                continue
            pos = v.sentence.start + sh.start
            actor = min(actors, key=lambda c: (c.start > pos, abs(c.start - pos)))
            minerals = [m for m in v.mentions if m.label is L.MINERAL]
            conf = 0.8
            if not minerals:
                minerals = topics.get(v.sentence.para, [])[:1] or doc_topic[:1]
                conf = 0.6
            for mineral in minerals[:1] if len(minerals) > 1 and conf < 0.8 else minerals[:2]:
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


def export_restrictions(views: list[View], em: Emitter) -> None:
    for v in views:
        if not (v.sentence.hints & hints.EXPORT and v.search(hints.EXPORT_CHECK)):
            continue
        for cue in v.finditer(EXPORT_CUE):
            head, tail = v.masked[: cue.start()], v.masked[cue.end() :]
            actors = v.slots(head, "CJ")
            if not actors:
                continue
            actor = actors[-1]
            cue_text = v.masked[cue.start() : cue.end()]
            goods = v.slots(tail[:80], "MS")[:3] or v.slots(head[-60:] + cue_text, "MS")[-2:]
            status = "suspended" if v.search(SUSPENDED) else None
            for g in goods:
                em.emit(
                    T.RESTRICTS_EXPORT,
                    actor,
                    g,
                    v,
                    "restricts_export.controls_on",
                    0.8,
                    status=status,
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
    return leaders
