"""Names and aliases of agreement entities.

One scheme: the parties' short forms joined by a hyphen ("US-Japan", "JOGMEC-REAlloys"),
then the official title without its own party words ("US-Japan Framework for Securing
..."), or for an unnamed agreement its term, what it suspends or its topic, and its kind
("US-China one-year suspension of rare earth export controls", "US-Australia critical
minerals framework"). Titles as written, the specific descriptions the articles used
("U.S.–Japan agreement", "one-year pause") and the signatories' and place's forms
("Trump-Xi truce", "Busan agreement") become aliases.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from reegraph.extract.agreements.model import Frame
from reegraph.extract.agreements.patterns import RANK
from reegraph.extract.dates import duration_adjective
from reegraph.extract.lexicon import initialism
from reegraph.extract.resolve import Registry
from reegraph.model import Label
from reegraph.model import RelationType as T

# Entities whose name at the start of a title makes it a proper name ("Paris Agreement").
_NAMING_LABELS = (Label.PLACE, Label.PERSON, Label.COUNTRY, Label.REGION, Label.ORGANIZATION)


def topic_words(names: list[str]) -> str:
    """What a list of minerals is about, as a modifier: "rare earth", "critical minerals"."""
    low = [n.lower() for n in names]
    if any("rare earth" in t for t in low):
        return "rare earth"
    if any("critical" in t for t in low) or len(low) > 1:
        return "critical minerals"
    return low[0] if low else ""


def kind_of(f: Frame) -> str:
    """The most specific kind the frame was called ("truce" over "deal")."""
    return max(f.kinds or {"agreement"}, key=lambda k: RANK.index(k) if k in RANK else 0)


def short_name(reg: Registry, eid: str, prefixes: Mapping[str, str]) -> str:
    """How an entity is written before other names: US, EU, Japan, JOGMEC, Trump."""
    e = reg.entities[eid]
    if e.label is Label.PERSON:
        words = e.name.split()
        singles = [a for a in e.aliases if " " not in a and a in words]
        return singles[0] if singles else words[-1]
    if e.label is Label.ORGANIZATION:
        acr = [a for a in e.aliases if a.isupper() and 2 <= len(a) <= 8]
        return acr[0] if acr else e.name
    if e.label in {Label.COUNTRY, Label.REGION}:
        return prefixes.get(eid) or initialism(e.name, e.aliases) or e.name
    return e.name


def _joined(reg: Registry, ids: list[str], prefixes: Mapping[str, str]) -> str:
    return "-".join(short_name(reg, i, prefixes) for i in ids)


def strip_parties(
    title: str, parties: list[str], reg: Registry, prefixes: Mapping[str, str]
) -> str:
    """A title without the party words it starts with:
    "United States-Japan Framework for X" -> "Framework for X"."""
    forms: set[str] = set()
    for p in parties:
        e = reg.entities[p]
        forms.update({e.name, *e.aliases, short_name(reg, p, prefixes)})
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True) if f)
    if not alts:
        return title
    lead = re.compile(rf"^(?:(?:the\s+)?(?:{alts})(?:[’']s)?(?:\s*[-–—/]\s*|\s+and\s+|\s+))+", re.I)
    core = lead.sub("", title)
    return core if core[:1].isupper() else title


def _proper_start(core: str, reg: Registry) -> bool:
    """Does the title start with a name of its own ("Paris Agreement", "Abraham Accords")?"""
    first = core.split()[0] if core.split() else ""
    return any(reg.find(label, first) for label in _NAMING_LABELS)


def agreement_name(f: Frame, reg: Registry, prefixes: Mapping[str, str]) -> str:
    kind = kind_of(f)
    prefix = _joined(reg, f.parties, prefixes) if 2 <= len(f.parties) <= 3 else ""
    if f.titles:
        cores = {t: strip_parties(t, f.parties, reg, prefixes) for t in f.titles}
        title = max(f.titles, key=lambda t: (len(cores[t]), len(t)))
        core = cores[title]
        if prefix and (core != title or not _proper_start(core, reg)):
            return f"{prefix} {core}"
        return title
    term = duration_adjective(f.duration) if f.duration else None
    if f.measures:
        return " ".join(x for x in (prefix, term, f.measures[0]) if x)
    return " ".join(x for x in (prefix, term, topic_words(f.topics), kind) if x)


def agreement_aliases(f: Frame, reg: Registry, prefixes: Mapping[str, str]) -> list[str]:
    """Titles as written, specific descriptions, and the party, signatory and place forms."""
    kind = kind_of(f)
    out = [*f.titles, *f.surfaces]
    if len(f.parties) >= 2:
        parties = _joined(reg, f.parties, prefixes)
        out.append(f"{parties} {kind}")
        if topic := topic_words(f.topics):
            out.append(f"{parties} {topic} {kind}")
    signers: list[str] = []
    for c in f.claims:
        if (
            c.rtype is T.SIGNED
            and c.source in reg.entities
            and reg.entities[c.source].label is Label.PERSON
            and c.source not in signers
        ):
            signers.append(c.source)
    if len(signers) >= 2:
        out.append(f"{_joined(reg, signers, prefixes)} {kind}")
    if f.place:
        place = reg.entities[f.place].name
        out += [f"{place} {kind}", f"{place} agreement"]
    return list(dict.fromkeys(out))
