"""Ingest: files -> documents -> extraction -> merged bundle -> store.

Re-ingesting an unchanged article does nothing (content hash); a changed article's
old facts are dropped before its new ones are merged in; a file that cannot be
read is reported and skipped while the others go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reegraph.bundle_ops import drop_documents, merge_bundles
from reegraph.corpus import Skipped, iter_article_paths, read_article
from reegraph.errors import InputError
from reegraph.model import Document, GraphBundle
from reegraph.store.base import CypherStore, WriteSummary

if TYPE_CHECKING:
    from reegraph.extract.pipeline import Extractor


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    written: WriteSummary = field(default_factory=WriteSummary)


def read_documents(
    paths: Sequence[Path], on_file: Callable[[Path], None] | None = None
) -> tuple[list[Document], list[Skipped]]:
    """Read every article under ``paths``; unreadable files become ``Skipped`` entries."""
    documents: dict[str, Document] = {}
    skipped: list[Skipped] = []
    for path in paths:
        try:
            files = list(iter_article_paths([path]))
        except InputError as exc:
            skipped.append(Skipped(path, str(exc)))
            continue
        for file in files:
            try:
                doc = read_article(file)
            except InputError as exc:
                skipped.append(Skipped(file, str(exc)))
            else:
                if doc.id in documents:
                    skipped.append(
                        Skipped(file, f"{file}: same document id {doc.id!r} as an earlier file")
                    )
                else:
                    documents[doc.id] = doc
            if on_file:
                on_file(file)
    return list(documents.values()), skipped


def _announce(
    documents: Sequence[Document], on_document: Callable[[Document], None] | None
) -> Iterator[Document]:
    for doc in documents:
        yield doc
        if on_document:
            on_document(doc)


def build_bundle(
    documents: Sequence[Document],
    base: GraphBundle | None = None,
    extractor: Extractor | None = None,
    on_document: Callable[[Document], None] | None = None,
    workers: int = 1,
) -> GraphBundle:
    """Extract ``documents`` and merge the result into ``base`` (the stored graph).

    ``workers`` > 1 finds mentions in that many processes (same result, less wall time).
    """
    from reegraph.extract.pipeline import Extractor

    base = base or GraphBundle()
    extractor = extractor or Extractor()
    extracted = extractor.extract(
        _announce(documents, on_document), known=base.entities, workers=workers
    )
    return merge_bundles(base, extracted)


def ingest_documents(
    store: CypherStore,
    documents: Sequence[Document],
    extractor: Extractor | None = None,
    on_document: Callable[[Document], None] | None = None,
    workers: int = 1,
) -> IngestReport:
    """Bring the store up to date with ``documents``."""
    report = IngestReport()
    stored = store.document_hashes()
    fresh = []
    for doc in documents:
        if stored.get(doc.id) == doc.sha256:
            report.unchanged.append(doc.id)
        else:
            (report.replaced if doc.id in stored else report.added).append(doc.id)
            fresh.append(doc)
    if not fresh:
        return report
    old = store.read_bundle()
    base = drop_documents(old, report.replaced)
    new = build_bundle(fresh, base, extractor, on_document, workers)
    report.written = store.write_bundle(new, old)
    return report
