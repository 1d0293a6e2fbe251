"""The ingest pipeline: documents in, a validated GraphBundle out.

clean -> sentences -> mentions (lexicon + open world) -> resolution -> relations ->
agreement/meeting frames -> cross-document merge -> MENTIONS and taxonomy edges.

Documents are processed in chunks, so a long stream never holds more than a chunk's
sentences and mentions at once. The first stages (up to mentions) need no state shared
between documents and can run in worker processes; resolution and everything after it
run in order in the calling process, so the result does not depend on ``workers``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, islice
from pathlib import Path

from reegraph.extract import assemble
from reegraph.extract import frames as frames_mod
from reegraph.extract import labels as L
from reegraph.extract import relations as rel
from reegraph.extract import relations_econ as econ
from reegraph.extract.agreements import FrameFinder
from reegraph.extract.clean import Byline, clean
from reegraph.extract.construct import RelationBuilder
from reegraph.extract.emit import Draft, Emitter
from reegraph.extract.lexicon import Lexicon, load_lexicon
from reegraph.extract.mentions import Mention, MentionFinder, SentenceIndex
from reegraph.extract.openworld.finder import OpenWorld
from reegraph.extract.resolve import Registry, resolve_document
from reegraph.extract.sentences import Sentence, split_sentences
from reegraph.extract.views import View, build_views
from reegraph.gcpause import paused_gc
from reegraph.model import Document, Entity, GraphBundle

CHUNK = 64  # documents resolved and related together


@dataclass(slots=True)
class Found:
    """What one document says before resolution: sentences, mentions, bylines."""

    sentences: list[Sentence]
    mentions: list[Mention]
    bylines: list[Byline]


@dataclass(slots=True)
class Parsed(Found):
    doc: Document


def _drop_nested(lex: list[Mention], found: list[Mention]) -> list[Mention]:
    """Open-world spans (e.g. "Namibia Critical Metals") absorb lexicon mentions inside them."""
    spans = sorted((m.start, m.end) for m in found)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # furthest end of spans[: k + 1]
    out = []
    for m in lex:
        k = bisect_right(starts, m.start)  # spans[:k] start at or before the mention
        if (
            k
            and reach[k - 1] >= m.end
            and any(m.end <= e and (s, e) != (m.start, m.end) for s, e in spans[:k])
        ):
            continue
        out.append(m)
    return out + found


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(documents)
    while batch := list(islice(it, size)):
        yield batch


class Extractor:
    """Builds matchers once; ``extract`` turns documents into a GraphBundle."""

    def __init__(self, lexicon_dir: Path | None = None) -> None:
        if lexicon_dir is None:
            from reegraph.resources import resource_dir

            lexicon_dir = resource_dir("ingest/lexicon")
        self.lexicon_dir = lexicon_dir
        self.lexicon: Lexicon = load_lexicon(lexicon_dir)
        self.finder = MentionFinder(self.lexicon)
        self.builder = RelationBuilder()

    # -- stages ----------------------------------------------------------------------------
    def find(self, text: str) -> Found:
        """Sentences and unresolved mentions of one text (no cross-document state)."""
        cleaned = clean(text)
        scan = self.finder.scan(text)
        sentences = split_sentences(text, cleaned.debris, scan.marks)
        lex = self.finder.lexicon_mentions(text, SentenceIndex(sentences), scan)
        found = OpenWorld(text, sentences, lex, self.finder.country_names).run()
        return Found(sentences, _drop_nested(lex, found), cleaned.bylines)

    def _find_all(self, docs: list[Document]) -> list[Found]:
        return [self.find(d.text) for d in docs]

    def parse(self, doc: Document, reg: Registry) -> Parsed:
        found = self.find(doc.text)
        resolve_document(doc.text, found.mentions, reg)
        return Parsed(found.sentences, found.mentions, found.bylines, doc)

    # -- public API ------------------------------------------------------------------------
    def extract(
        self, documents: Iterable[Document], known: Iterable[Entity] = (), workers: int = 1
    ) -> GraphBundle:
        """All documents in one bundle; ``workers`` > 1 finds mentions in that many processes.

        Documents are related in chunks of ``CHUNK``: names resolve across every document,
        agreements and meetings merge across chunks through their party keys.
        """
        reg = Registry(known)
        docs: list[Document] = []
        merged: dict[tuple[object, ...], Draft] = {}
        # Many short-lived objects next to a large lexicon and registry, and no
        # reference cycles: the collector would only rescan them (a tenth to a quarter
        # of the run time) while reference counting frees nearly everything.
        with paused_gc(tenure=True):
            for chunk_docs, founds in self._found(documents, workers):
                docs += chunk_docs
                assemble.merge_drafts(merged, self._drafts(chunk_docs, founds, reg))
            return assemble.bundle(docs, reg, merged.values(), self.builder)

    def extract_stream(
        self,
        documents: Iterable[Document],
        known: Iterable[Entity] = (),
        workers: int = 1,
        chunk: int = CHUNK,
    ) -> Iterator[GraphBundle]:
        """One bundle per chunk of documents (entities resolved across the whole stream).

        No document's sentences or mentions outlive its chunk, so memory grows only with
        the entity registry; merge the bundles (or write them to a store one by one) to
        get the whole graph.
        """
        reg = Registry(known)
        found = self._found(documents, workers, chunk)
        while True:
            # The caller's code between two bundles runs with the collector on; by then
            # only the bundle is left of the chunk, tenured so that it is not rescanned.
            with paused_gc(tenure=True):
                item = next(found, None)
                if item is None:
                    return
                out = self._chunk_bundle(*item, reg)
                del item
            yield out

    # -- internals -------------------------------------------------------------------------
    def _found(
        self, documents: Iterable[Document], workers: int, chunk: int = CHUNK
    ) -> Iterator[tuple[list[Document], list[Found]]]:
        """Each chunk of documents with what was found in each."""
        if workers > 1:
            from reegraph.extract.parallel import found_in_workers

            return found_in_workers(self, _chunks(documents, chunk), workers)
        return ((docs, self._find_all(docs)) for docs in _chunks(documents, chunk))

    def _chunk_bundle(
        self, docs: list[Document], founds: list[Found], reg: Registry
    ) -> GraphBundle:
        merged: dict[tuple[object, ...], Draft] = {}
        assemble.merge_drafts(merged, self._drafts(docs, founds, reg))
        return assemble.bundle(docs, reg, merged.values(), self.builder)

    def _drafts(self, docs: list[Document], founds: list[Found], reg: Registry) -> list[Draft]:
        """Resolve a chunk's mentions, then every relation draft of the chunk."""
        parsed = []
        for doc, f in zip(docs, founds, strict=True):
            resolve_document(doc.text, f.mentions, reg)
            parsed.append(Parsed(f.sentences, f.mentions, f.bylines, doc))
        return self._relate(parsed, reg)

    def _relate(self, parsed: list[Parsed], reg: Registry) -> list[Draft]:
        labels = reg.labels
        leaders = reg.leaders()
        emitters: dict[str, Emitter] = {}
        all_frames: list[frames_mod.DocFrames] = []
        for p in parsed:
            views = build_views(p.doc.text, p.sentences, p.mentions)
            em = emitters[p.doc.id] = Emitter(p.doc, labels)
            _relations(p, views, em, leaders)
            finder = FrameFinder(p.doc.id, p.doc.published, leaders)
            finder.run(views)
            all_frames.append(frames_mod.DocFrames(p.doc, finder.frames, finder.meetings, views))
        frames_mod.materialise(all_frames, reg, emitters, self.lexicon.prefix_forms)
        drafts: list[Draft] = []
        for p in parsed:
            em = emitters[p.doc.id]
            drafts += assemble.mention_drafts(p.doc, p.sentences, p.mentions, p.bylines, reg, em)
            drafts += em.relations.values()
        drafts += assemble.taxonomy_drafts(self.lexicon, reg)
        return drafts


def _relations(p: Parsed, views: list[View], em: Emitter, leaders: dict[str, str]) -> None:
    topics = rel.paragraph_topics(views)
    doc_topic = _doc_topic(p.mentions)
    main = _main_country(p.mentions, leaders)
    rel.leadership(views, em)
    rel.dependence_on_minerals(views, em)
    rel.country_dependence(views, em, leaders, topics, doc_topic, main)
    rel.control_shares(views, em, topics, doc_topic)
    rel.export_restrictions(views, em)
    econ.run_all(views, em, leaders, main)


def _doc_topic(mentions: list[Mention]) -> list[Mention]:
    counts: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.label is L.MINERAL:
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
    documents: Iterable[Document],
    known: Iterable[Entity] = (),
    lexicon_dir: Path | None = None,
    workers: int = 1,
) -> GraphBundle:
    """Convenience wrapper: build an Extractor and run it once."""
    return Extractor(lexicon_dir).extract(documents, known, workers)
