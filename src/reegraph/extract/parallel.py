"""Finding mentions in worker processes, chunk by chunk, in document order.

Only the stage without cross-document state runs in the workers (cleaning, sentences,
lexicon and open-world mentions: about a third of the cost). At most two chunks are in
flight, so memory stays bounded while the calling process resolves and relates the
previous chunk.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reegraph.extract.pipeline import Extractor, Found
    from reegraph.model import Document

_WORKER: Extractor | None = None


def _init(extractor: Extractor | None, lexicon_dir: Path) -> None:
    """Worker start-up: reuse the parent's matchers when forked, else build them."""
    global _WORKER
    if extractor is None:
        from reegraph.extract.pipeline import Extractor

        extractor = Extractor(lexicon_dir)
    _WORKER = extractor


def _find_all(texts: list[str]) -> list[Found]:
    assert _WORKER is not None, "worker not initialised"
    from reegraph.gcpause import paused_gc

    with paused_gc():
        return [_WORKER.find(t) for t in texts]


def found_in_workers(
    extractor: Extractor, chunks: Iterator[list[Document]], workers: int
) -> Iterator[tuple[list[Document], list[Found]]]:
    """(documents, what was found in each) per chunk, computed by ``workers`` processes."""
    methods = multiprocessing.get_all_start_methods()
    fork = "fork" in methods
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    # A forked worker inherits the parent's matchers; a spawned one rebuilds them.
    initargs = (extractor if fork else None, extractor.lexicon_dir)
    with ProcessPoolExecutor(workers, ctx, initializer=_init, initargs=initargs) as pool:
        pending: deque[tuple[list[Document], list[Future[list[Found]]]]] = deque()
        for docs in chunks:
            step = max(1, -(-len(docs) // (workers * 2)))
            parts = [
                pool.submit(_find_all, [d.text for d in docs[i : i + step]])
                for i in range(0, len(docs), step)
            ]
            pending.append((docs, parts))
            if len(pending) > 1:
                yield _first_done(pending)
        while pending:
            yield _first_done(pending)


def _first_done(
    pending: deque[tuple[list[Document], list[Future[list[Found]]]]],
) -> tuple[list[Document], list[Found]]:
    """The oldest chunk's results (a helper, so no reference to them outlives the yield)."""
    docs, futures = pending.popleft()
    return docs, [f for fut in futures for f in fut.result()]
