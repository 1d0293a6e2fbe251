"""From resolved documents and relation drafts to one validated GraphBundle.

MENTIONS edges (document -> entity, with up to three sentences each), lexicon taxonomy
edges, merging of drafts that state the same claim, and the single validation pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reegraph.extract.clean import Byline
from reegraph.extract.construct import RelationBuilder
from reegraph.extract.emit import Draft, Emitter, EvidenceKey
from reegraph.extract.lexicon import Lexicon
from reegraph.extract.mentions import Mention
from reegraph.extract.resolve import Registry
from reegraph.extract.sentences import Sentence
from reegraph.model import Document, EntityProperties, GraphBundle, Label
from reegraph.model import RelationType as T

MAX_MENTION_EVIDENCE = 3
_FRAME_LABELS = frozenset({Label.AGREEMENT, Label.EVENT})


_MENTION_RULES: dict[str, str] = {}  # a mention's rule -> its MENTIONS evidence rule


def _rule(rule: str) -> str:
    """One string per rule name, not one per evidence record (fewer strings to hash)."""
    return _MENTION_RULES.setdefault(rule, "mentions." + rule)


def mention_drafts(
    doc: Document,
    sentences: list[Sentence],
    mentions: list[Mention],
    bylines: list[Byline],
    reg: Registry,
    em: Emitter,
) -> list[Draft]:
    """MENTIONS edges of one document: entities, byline authors and sources, frames."""
    by_entity: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.entity:
            by_entity.setdefault(m.entity, []).append(m)
    out = []
    text = doc.text
    evidence: dict[int, tuple[EvidenceKey, str]] = {}  # sentence index -> key, text
    for eid, ms in by_entity.items():
        seen: dict[EvidenceKey, tuple[str, str]] = {}
        for m in ms:
            if len(seen) == MAX_MENTION_EVIDENCE:  # one per sentence, the first three
                break
            if (sentence := evidence.get(m.sent)) is None:
                s = sentences[m.sent]
                sentence = evidence[m.sent] = ((doc.id, s.start, s.end), text[s.start : s.end])
            if sentence[0] not in seen:
                seen[sentence[0]] = (sentence[1], _MENTION_RULES.get(m.rule) or _rule(m.rule))
        props = {"count": len(ms), "confidence": max([m.conf for m in ms])}
        out.append(Draft(T.MENTIONS, doc.id, eid, props, seen))
    for b in bylines:
        if not b.is_person and b.role != "source":
            continue
        label = Label.PERSON if b.is_person else Label.ORGANIZATION
        props_e = EntityProperties(
            role=b.role if b.is_person else None, kind=None if b.is_person else "media"
        )
        ent = reg.ensure(label, b.name, [], props_e)
        ev = {(doc.id, b.start, b.end): (text[b.start : b.end], "mentions.byline")}
        out.append(Draft(T.MENTIONS, doc.id, ent.id, {"count": 1, "confidence": 0.9}, ev))
    # Frames (agreements, meetings) the document talks about.
    for eid, evs in frame_evidence(em).items():
        first = dict(list(evs.items())[:MAX_MENTION_EVIDENCE])
        out.append(Draft(T.MENTIONS, doc.id, eid, {"count": len(evs), "confidence": 0.8}, first))
    return out


def frame_evidence(em: Emitter) -> dict[str, dict[EvidenceKey, tuple[str, str]]]:
    """Frame entities a document refers to, with the sentences that do."""
    out: dict[str, dict[EvidenceKey, tuple[str, str]]] = {}
    for r in em.relations.values():
        for end in (r.source, r.target):
            if em.labels.get(end) in _FRAME_LABELS:
                evs = out.setdefault(end, {})
                for key in sorted(r.evidence):
                    evs.setdefault(key, r.evidence[key])
    return out


def taxonomy_drafts(lexicon: Lexicon, reg: Registry) -> list[Draft]:
    """MEMBER_OF edges from the mineral lexicon, for the minerals the corpus names."""
    out = []
    minerals = [reg.entities[i] for i in list(reg.by_label[Label.MINERAL])]
    for e in minerals:
        entry = lexicon.entries.get(e.id)
        if entry is None:
            continue
        for member, group in lexicon.group_chain(entry):
            g = reg.ensure(Label.MINERAL, group.name, [], {"kind": "group"}, "lexicon")
            m = reg.entities.get(member.id) or reg.ensure(
                Label.MINERAL, member.name, [], {"kind": member.kind}
            )
            sentence = f"{member.name} is a member of {group.name} (lexicon)"
            ev = {("lexicon:minerals", 0, 0): (sentence, "lexicon.taxonomy")}
            props = {"origin": "lexicon", "confidence": 1.0}
            out.append(Draft(T.MEMBER_OF, m.id, g.id, props, ev))
    return out


def merge_drafts(into: dict[tuple[object, ...], Draft], drafts: Iterable[Draft]) -> None:
    """Claims with the same identity share evidence (the first sighting's properties stay)."""
    for d in drafts:
        key = d.key()
        cur = into.get(key)
        if cur is None:
            into[key] = d
        elif cur is not d:
            cur.evidence.update(d.evidence)


def bundle(
    documents: list[Document], reg: Registry, drafts: Iterable[Draft], builder: RelationBuilder
) -> GraphBundle:
    """The one validation pass: relations are built from drafts (see ``construct``), the
    bundle validator checks that every relation joins known nodes of allowed labels."""
    relations = builder.relations(drafts)
    used = {r.source for r in relations} | {r.target for r in relations}
    kept = reg.ordered(i for i in used if i in reg.entities)
    data: dict[str, Any] = {
        "documents": documents,
        "entities": [builder.entity(r) for r in kept],
        "relations": relations,
    }
    return GraphBundle.model_validate(data)
