"""Pausing the cyclic garbage collector around bulk building of acyclic data."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc(tenure: bool = False) -> Iterator[None]:
    """Hold the cyclic garbage collector while building large acyclic structures.

    Building a graph or a load plan allocates millions of small containers; each
    allocation burst triggers collections that rescan everything built so far
    (quadratic overall). Reference counting still frees memory meanwhile; collection
    resumes on exit.

    With ``tenure``, every object alive on exit moves to the collector's oldest
    generation, which only full collections scan, and the young generation's count
    starts afresh: otherwise the first allocation after the pause makes the collector
    scan everything built during it (a bundle of thousands of models, a few percent of
    extraction time), although it is acyclic and about to be handed over. Cyclic garbage
    among those objects is still found, by the next full collection. Skipped when the
    caller has frozen objects (``gc.freeze``), which this would release.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if tenure and gc.get_freeze_count() == 0:
            # freeze() moves every generation into the permanent one and resets the
            # young count; unfreeze() moves it all into the oldest generation.
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()
