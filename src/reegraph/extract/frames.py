"""Frames across documents: merge, name, turn into Agreement/Event entities, write claims."""

from __future__ import annotations

from dataclasses import dataclass

from reegraph.extract.agreements import RANK, Frame
from reegraph.extract.dates import add_duration
from reegraph.extract.emit import Emitter
from reegraph.extract.resolve import Registry
from reegraph.extract.views import View
from reegraph.model import Document, EntityProperties, Label


@dataclass
class DocFrames:
    doc: Document
    agreements: list[Frame]
    meetings: list[Frame]
    views: list[View]


def _dates_fit(a: str | None, b: str | None) -> bool:
    return (
        not a or not b or (a[:7] == b[:7] and abs(int(a[8:10] or 0) - int(b[8:10] or 0)) <= 3)
        if (a and b and len(a) == len(b) == 10)
        else (not a or not b or a[:7] == b[:7])
    )


def _merge(frames: list[Frame]) -> list[Frame]:
    out: list[Frame] = []
    for f in frames:
        target = next(
            (
                g
                for g in out
                if set(g.parties) == set(f.parties)
                and g.compatible(f.family)
                and _dates_fit(g.date, f.date)
                and (
                    not g.titles
                    or not f.titles
                    or set(g.titles) & set(f.titles)
                    or g.date == f.date
                )
            ),
            None,
        )
        if target is None:
            out.append(f)
            continue
        if target.family == "generic":
            target.family = f.family
        target.kinds |= f.kinds
        target.titles += [t for t in f.titles if t not in target.titles]
        target.topics += [t for t in f.topics if t not in target.topics]
        target.signers += f.signers
        target.date = target.date or f.date
        target.place = target.place or f.place
        target.duration = target.duration or f.duration
        target.binding = target.binding if target.binding is not None else f.binding
        target.status = target.status or f.status
        target.claims += f.claims
    return out


def _short(reg: Registry, eid: str) -> str:
    e = reg.entities[eid]
    if e.label is Label.PERSON:
        words = e.name.split()
        singles = [a for a in e.aliases if " " not in a and a in words]
        return singles[0] if singles else words[-1]
    if e.label is Label.ORGANIZATION:
        acr = [a for a in e.aliases if a.isupper() and 2 <= len(a) <= 8]
        return acr[0] if acr else e.name
    return e.name


def _topic(f: Frame) -> str:
    low = [t.lower() for t in f.topics]
    if any("rare earth" in t for t in low):
        return "rare earth"
    if any("critical" in t for t in low) or len(low) > 1:
        return "critical minerals"
    return low[0] if low else ""


def _kind(f: Frame) -> str:
    return max(f.kinds or {"agreement"}, key=lambda k: RANK.index(k) if k in RANK else 0)


def _agreement_entity(f: Frame, reg: Registry, published: str | None) -> str:
    kind = _kind(f)
    parties = "–".join(_short(reg, p) for p in f.parties)
    descriptive = " ".join(x for x in (parties, _topic(f), kind) if x)
    key_alias = "–".join(sorted(reg.entities[p].name for p in f.parties)) + f" {f.family}"
    name = max(f.titles, key=len) if f.titles else descriptive
    end = add_duration(f.date, f.duration) if f.date and f.duration else None
    props = EntityProperties(
        kind=kind,
        date=f.date,
        end_date=end,
        duration=f.duration,
        place=reg.entities[f.place].name if f.place else None,
        status=f.status,
        binding=f.binding,
    )
    aliases = [t for t in f.titles if t != name] + [descriptive, key_alias]
    # An agreement already stored answers to its party key: keep its id.
    known = reg.find(Label.AGREEMENT, key_alias)
    if known:
        entity = reg.entities[known]
        reg.merge_into(entity, aliases, props)
        return entity.id
    return reg.ensure(Label.AGREEMENT, name, aliases, props).id


def _meeting_entity(f: Frame, reg: Registry) -> str:
    who = "–".join(_short(reg, p) for p in f.parties)
    place = reg.entities[f.place].name if f.place else None
    name = f"{who} meeting" + (f" in {place}" if place else "")
    key_alias = (
        "–".join(sorted(reg.entities[p].name for p in f.parties)) + f" meeting {f.date or ''}"
    )
    props = EntityProperties(kind="meeting", date=f.date, place=place)
    known = reg.find(Label.EVENT, key_alias)
    if known:
        reg.merge_into(reg.entities[known], [name], props)
        return known
    return reg.ensure(Label.EVENT, name, [key_alias], props).id


def materialise(
    docs: list[DocFrames], reg: Registry, emitters: dict[str, Emitter], labels: dict[str, Label]
) -> None:
    agreements = _merge([f for d in docs for f in d.agreements if len(f.parties) >= 2 or f.titles])
    meetings = _merge([f for d in docs for f in d.meetings])
    published = docs[0].doc.published if docs else None
    for f in agreements:
        f.entity = _agreement_entity(f, reg, published)
    for f in meetings:
        f.entity = _meeting_entity(f, reg)
    labels.update({e.id: e.label for e in reg.entities.values()})
    for f in [*agreements, *meetings]:
        for c in f.claims:
            src = f.entity if c.source == "@frame" else c.source
            tgt = f.entity if c.target == "@frame" else c.target
            props = {k: v for k, v in c.props.items() if v is not None}
            emitters[c.doc].emit(c.rtype, src, tgt, c.view, c.rule, c.conf, mod=c.mod, **props)
