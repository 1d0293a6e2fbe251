"""Frames across documents: merge, name, turn into Agreement/Event entities, write claims."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reegraph.extract.agreements import Frame
from reegraph.extract.agreements.naming import (
    agreement_aliases,
    agreement_name,
    kind_of,
    short_name,
)
from reegraph.extract.dates import add_duration
from reegraph.extract.emit import Emitter
from reegraph.extract.resolve import Registry
from reegraph.extract.views import View
from reegraph.model import Document, EntityProperties, Label
from reegraph.model import RelationType as T


@dataclass(slots=True)
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


def _absorb(target: Frame, f: Frame) -> None:
    """Everything ``f`` says goes to ``target`` (same agreement or meeting)."""
    if target.family == "generic":
        target.family = f.family
    target.kinds |= f.kinds
    target.titles += [t for t in f.titles if t not in target.titles]
    target.topics += [t for t in f.topics if t not in target.topics]
    target.surfaces += [t for t in f.surfaces if t not in target.surfaces]
    target.measures += [t for t in f.measures if t not in target.measures]
    target.signers += f.signers
    target.date = target.date or f.date
    target.place = target.place or f.place
    target.duration = target.duration or f.duration
    target.binding = target.binding if target.binding is not None else f.binding
    target.status = target.status or f.status
    target.claims += f.claims


def _merge(frames: list[Frame]) -> list[Frame]:
    out: list[Frame] = []
    by_parties: dict[frozenset[str], list[Frame]] = {}  # the frames of ``out``, by parties
    for f in frames:
        same_parties = by_parties.setdefault(frozenset(f.parties), [])
        target = next(
            (
                g
                for g in same_parties
                if g.compatible(f.family)
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
            same_parties.append(f)
        else:
            _absorb(target, f)  # parties stay as they were
    return out


_FAMILIES = ("truce", "framework", "memorandum", "generic")


def _party_keys(reg: Registry) -> list[tuple[str, set[str], str]]:
    """(agreement id, party names, family) of every agreement registered so far."""
    out = []
    for eid in reg.by_label[Label.AGREEMENT]:
        e = reg.entities[eid]
        for alias in e.aliases:
            head, _, family = alias.rpartition(" ")
            if family in _FAMILIES and "–" in head:
                out.append((e.id, set(head.split("–")), family))
    return out


def _stored_agreement(p: Frame, reg: Registry, keys: list[tuple[str, set[str], str]]) -> str | None:
    """The one agreement of earlier chunks or of the store (``known``) that a partial
    frame can mean: found through the party keys ("China–United States truce")."""
    names = {reg.entities[x].name for x in p.parties}
    found: dict[str, bool] = {}  # entity id -> same family
    for eid, party_names, family in keys:
        if (family == p.family or "generic" in {family, p.family}) and names <= party_names:
            found[eid] = found.get(eid, False) or family == p.family
    same = [i for i, s in found.items() if s] or list(found)
    return same[0] if len(same) == 1 else None


def _join_partials(full: list[Frame], partials: list[Frame], reg: Registry) -> list[Frame]:
    """A partial frame ("the China truce") joins the one full frame of its kind whose
    parties include its hints, else the one stored agreement that fits; with none or
    several, what it says is dropped. Returns the partial frames that found a stored one."""
    stored = []
    keys: list[tuple[str, set[str], str]] | None = None
    for p in partials:
        fits = [f for f in full if set(p.parties) <= set(f.parties) and f.compatible(p.family)]
        same = [f for f in fits if f.family == p.family] or fits
        if len(same) == 1:
            _absorb(same[0], p)
        elif not fits:
            keys = _party_keys(reg) if keys is None else keys
            if not (eid := _stored_agreement(p, reg, keys)):
                continue
            p.entity = eid
            p.claims = [c for c in p.claims if c.rtype is not T.PARTY_TO]  # hints only
            stored.append(p)
    return stored


def _agreement_entity(f: Frame, reg: Registry, prefixes: Mapping[str, str]) -> str:
    kind = kind_of(f)
    key_alias = "–".join(sorted(reg.entities[p].name for p in f.parties)) + f" {f.family}"
    name = agreement_name(f, reg, prefixes)
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
    aliases = [a for a in agreement_aliases(f, reg, prefixes) if a != name] + [key_alias]
    # An agreement already stored answers to its party key: keep its id.
    known = reg.find(Label.AGREEMENT, key_alias)
    if known:
        entity = reg.entities[known]
        reg.merge_into(entity, aliases, props)
        return entity.id
    return reg.ensure(Label.AGREEMENT, name, aliases, props).id


def _meeting_entity(f: Frame, reg: Registry) -> str:
    who = "–".join(short_name(reg, p, {}) for p in f.parties)
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
    docs: list[DocFrames],
    reg: Registry,
    emitters: dict[str, Emitter],
    prefixes: Mapping[str, str] | None = None,
) -> None:
    """Merge the frames of a chunk of documents into entities and write their claims.

    ``prefixes`` maps entity ids to the initialism used in agreement names (US, EU)."""
    frames = [f for d in docs for f in d.agreements]
    agreements = _merge([f for f in frames if not f.partial and (len(f.parties) >= 2 or f.titles)])
    stored = _join_partials(agreements, [f for f in frames if f.partial], reg)
    meetings = _merge([f for d in docs for f in d.meetings])
    for f in agreements:
        f.entity = _agreement_entity(f, reg, prefixes or {})
    for f in meetings:
        f.entity = _meeting_entity(f, reg)
    for f in [*agreements, *stored, *meetings]:
        for c in f.claims:
            src = f.entity if c.source == "@frame" else c.source
            tgt = f.entity if c.target == "@frame" else c.target
            props = {k: v for k, v in c.props.items() if v is not None}
            emitters[c.doc].emit(c.rtype, src, tgt, c.view, c.rule, c.conf, mod=c.mod, **props)
