"""Where the shipped data lives: ``cypher/`` and ``ingest/`` in a checkout or inside the wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reegraph.errors import ReegraphError

_PACKAGE = Path(__file__).resolve().parent
# In a wheel the top-level folders are copied to reegraph/_data/ (see pyproject.toml);
# in a source checkout they sit two levels above the package.
_CANDIDATES = (_PACKAGE / "_data", _PACKAGE.parent.parent)


@cache
def resource_dir(relative: str) -> Path:
    """Absolute path of a shipped folder such as ``"cypher"`` or ``"ingest/lexicon"``."""
    for root in _CANDIDATES:
        candidate = root / relative
        if candidate.is_dir():
            return candidate
    raise ReegraphError(f"installation is missing its {relative}/ folder; reinstall reegraph")
