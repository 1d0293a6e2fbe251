"""The ingest pipeline: documents in, a validated GraphBundle out.

clean -> sentences -> mentions (lexicon + open world) -> resolution -> relations ->
agreement/meeting frames -> cross-document merge -> MENTIONS and taxonomy edges.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reegraph.extract import frames as frames_mod
from reegraph.extract import relations as rel
from reegraph.extract import relations_econ as econ
from reegraph.extract.agreements import FrameFinder
from reegraph.extract.clean import Byline, clean
from reegraph.extract.emit import Emitter
from reegraph.extract.lexicon import Lexicon, load_lexicon
from reegraph.extract.mentions import Mention, MentionFinder, SentenceIndex
from reegraph.extract.openworld import HEAD_TITLES, OpenWorld
from reegraph.extract.resolve import Registry, resolve_document
from reegraph.extract.sentences import Sentence, split_sentences
from reegraph.extract.views import View, build_views
from reegraph.model import (
    Document,
    Entity,
    EntityProperties,
    Evidence,
    GraphBundle,
    Label,
    Relation,
    RelationProperties,
    RelationType,
)

MAX_MENTION_EVIDENCE = 3
_HEAD_ROLES = frozenset(HEAD_TITLES.values())


@dataclass
class Parsed:
    doc: Document
    sentences: list[Sentence]
    mentions: list[Mention]
    bylines: list[Byline]


def _drop_nested(lex: list[Mention], found: list[Mention]) -> list[Mention]:
    """Open-world spans (e.g. "Namibia Critical Metals") absorb lexicon mentions inside them."""
    spans = sorted((m.start, m.end) for m in found)
    out = [
        m
        for m in lex
        if not any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in spans)
    ]
    return out + found


class Extractor:
    """Builds matchers once; ``extract`` turns documents into a GraphBundle."""

    def __init__(self, lexicon_dir: Path | None = None) -> None:
        if lexicon_dir is None:
            from reegraph.resources import resource_dir

            lexicon_dir = resource_dir("ingest/lexicon")
        self.lexicon: Lexicon = load_lexicon(lexicon_dir)
        self.finder = MentionFinder(self.lexicon)

    def parse(self, doc: Document, reg: Registry) -> Parsed:
        cleaned = clean(doc.text)
        sentences = split_sentences(doc.text, cleaned.debris)
        lex = self.finder.lexicon_mentions(doc.text, SentenceIndex(sentences))
        found = OpenWorld(doc.text, sentences, lex, self.finder.country_names).run()
        mentions = _drop_nested(lex, found)
        resolve_document(doc.text, mentions, reg)
        return Parsed(doc, sentences, mentions, cleaned.bylines)

    def extract(self, documents: Iterable[Document], known: Iterable[Entity] = ()) -> GraphBundle:
        reg = Registry(known)
        parsed = [self.parse(doc, reg) for doc in documents]
        labels: dict[str, Label] = {}
        emitters: dict[str, Emitter] = {}
        all_frames: list[frames_mod.DocFrames] = []
        for p in parsed:
            labels.update({e.id: e.label for e in reg.entities.values()})
            leaders = {
                e.id: e.properties.country
                for e in reg.entities.values()
                if e.label is Label.PERSON
                and e.properties.country
                and e.properties.role in _HEAD_ROLES
            }
            views = build_views(p.doc.text, p.sentences, p.mentions)
            em = emitters[p.doc.id] = Emitter(p.doc, labels)
            self._relations(p, views, em, leaders, reg)
            finder = FrameFinder(p.doc.id, p.doc.published, leaders)
            finder.run(views)
            all_frames.append(frames_mod.DocFrames(p.doc, finder.frames, finder.meetings, views))
        frames_mod.materialise(all_frames, reg, emitters, labels)
        relations: list[Relation] = []
        for p in parsed:
            relations += self._mentions(p, reg, emitters[p.doc.id])
            relations += emitters[p.doc.id].relations.values()
        relations += self._taxonomy(reg)
        merged: dict[str, Relation] = {}
        for r in relations:
            cur = merged.get(r.key)
            if cur is None:
                merged[r.key] = r
            else:
                cur.evidence = sorted(
                    {e.key: e for e in [*cur.evidence, *r.evidence]}.values(), key=lambda e: e.key
                )
        used = {r.source for r in merged.values()} | {r.target for r in merged.values()}
        entities = [e for e in reg.entities.values() if e.id in used]
        return GraphBundle(
            documents=[p.doc for p in parsed], entities=entities, relations=list(merged.values())
        )

    def _relations(
        self, p: Parsed, views: list[View], em: Emitter, leaders: dict[str, str], reg: Registry
    ) -> None:
        topics = rel.paragraph_topics(views)
        doc_topic = _doc_topic(p.mentions)
        main = _main_country(p.mentions, leaders)
        rel.leadership(views, em)
        rel.dependence_on_minerals(views, em)
        rel.country_dependence(views, em, leaders, topics, doc_topic, main)
        rel.control_shares(views, em, topics, doc_topic)
        rel.export_restrictions(views, em)
        econ.run_all(views, em, leaders, main)

    def _mentions(self, p: Parsed, reg: Registry, em: Emitter) -> list[Relation]:
        by_entity: dict[str, list[Mention]] = {}
        for m in p.mentions:
            if m.entity:
                by_entity.setdefault(m.entity, []).append(m)
        out = []
        text = p.doc.text
        sent_by_index = {s.index: s for s in p.sentences}
        for eid, ms in by_entity.items():
            seen: dict[int, Evidence] = {}
            for m in ms:
                s = sent_by_index[m.sent]
                if m.sent not in seen and len(seen) < MAX_MENTION_EVIDENCE:
                    seen[m.sent] = Evidence(
                        document=p.doc.id,
                        sentence=text[s.start : s.end],
                        start=s.start,
                        end=s.end,
                        rule=f"mentions.{m.rule}",
                    )
            out.append(
                Relation(
                    type=RelationType.MENTIONS,
                    source=p.doc.id,
                    target=eid,
                    properties=RelationProperties(
                        count=len(ms), confidence=max(m.conf for m in ms)
                    ),
                    evidence=list(seen.values()),
                )
            )
        for b in p.bylines:
            label = Label.PERSON if b.is_person else Label.ORGANIZATION
            if not b.is_person and b.role != "source":
                continue
            props = EntityProperties(
                role=b.role if b.is_person else None, kind=None if b.is_person else "media"
            )
            ent = reg.ensure(label, b.name, [], props)
            ev = Evidence(
                document=p.doc.id,
                sentence=text[b.start : b.end],
                start=b.start,
                end=b.end,
                rule="mentions.byline",
            )
            out.append(
                Relation(
                    type=RelationType.MENTIONS,
                    source=p.doc.id,
                    target=ent.id,
                    properties=RelationProperties(count=1, confidence=0.9),
                    evidence=[ev],
                )
            )
        # Frames (agreements, meetings) the document talks about.
        for eid, evs in em_frames(em).items():
            out.append(
                Relation(
                    type=RelationType.MENTIONS,
                    source=p.doc.id,
                    target=eid,
                    properties=RelationProperties(count=len(evs), confidence=0.8),
                    evidence=evs[:MAX_MENTION_EVIDENCE],
                )
            )
        return out

    def _taxonomy(self, reg: Registry) -> list[Relation]:
        out = []
        minerals = [e for e in list(reg.entities.values()) if e.label is Label.MINERAL]
        for e in minerals:
            entry = self.lexicon.entries.get(e.id)
            if entry is None:
                continue
            for member, group in self.lexicon.group_chain(entry):
                g = reg.ensure(
                    Label.MINERAL, group.name, [], EntityProperties(kind="group"), "lexicon"
                )
                m = reg.entities.get(member.id) or reg.ensure(
                    Label.MINERAL, member.name, [], EntityProperties(kind=member.kind)
                )
                kind = "group" if member.kind == "group" else "element"
                sentence = f"{member.name} is a member of {group.name} (lexicon)"
                del kind
                out.append(
                    Relation(
                        type=RelationType.MEMBER_OF,
                        source=m.id,
                        target=g.id,
                        properties=RelationProperties(origin="lexicon", confidence=1.0),
                        evidence=[
                            Evidence(
                                document="lexicon:minerals",
                                sentence=sentence,
                                start=0,
                                end=0,
                                rule="lexicon.taxonomy",
                            )
                        ],
                    )
                )
        return out


def em_frames(em: Emitter) -> dict[str, list[Evidence]]:
    """Frame entities each document refers to, with the sentences that do."""
    out: dict[str, list[Evidence]] = {}
    for r in em.relations.values():
        for end in (r.source, r.target):
            if em.labels.get(end) in {Label.AGREEMENT, Label.EVENT}:
                lst = out.setdefault(end, [])
                for ev in r.evidence:
                    if all(ev.key != x.key for x in lst):
                        lst.append(ev)
    return out


def _doc_topic(mentions: list[Mention]) -> list[Mention]:
    counts: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.label is Label.MINERAL:
            counts.setdefault(m.entity, []).append(m)
    return [ms[0] for ms in sorted(counts.values(), key=len, reverse=True)]


def _main_country(mentions: list[Mention], leaders: dict[str, str]) -> str | None:
    """The country whose leader the document mentions most (for "the administration")."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.entity in leaders:
            counts[leaders[m.entity]] = counts.get(leaders[m.entity], 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def extract_documents(
    documents: Iterable[Document], known: Iterable[Entity] = (), lexicon_dir: Path | None = None
) -> GraphBundle:
    """Convenience wrapper: build an Extractor and run it once."""
    return Extractor(lexicon_dir).extract(documents, known)
