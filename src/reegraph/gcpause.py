"""Pausing the cyclic garbage collector around bulk building of acyclic data."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector while building large acyclic structures.

    Building a graph or a load plan allocates millions of small containers; each
    allocation burst triggers collections that rescan everything built so far
    (quadratic overall). Reference counting still frees memory meanwhile; collection
    resumes on exit.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
