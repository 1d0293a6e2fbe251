"""Supply stages: the free-text ``stage`` of CONTROLS_SHARE claims folded to a few buckets.

Articles say "production", "mining", "refining", "processing capacity", "magnet
manufacturing", "production and refining"... Concentration is compared per bucket:

- ``mining``: mining, extraction, production, output, ore (upstream);
- ``processing``: processing, refining, separation, smelting (midstream);
- ``magnets``: magnets, alloys and other derivatives (downstream);
- ``unspecified``: a share with no stage ("controls 60% of the supply").

A claim naming two stages ("production and refining") counts in both.
"""

from __future__ import annotations

import re

MINING = "mining"
PROCESSING = "processing"
MAGNETS = "magnets"
UNSPECIFIED = "unspecified"
STAGES = (MINING, PROCESSING, MAGNETS, UNSPECIFIED)

# Word stems per stage; downstream words win ("magnet production" is not mining).
_DOWNSTREAM = re.compile(r"\b(magnet|alloy|derivativ|downstream|manufactur|component)")
_MIDSTREAM = re.compile(r"\b(process|refin|separat|smelt|midstream|chemical|oxide)")
_UPSTREAM = re.compile(r"\b(min(e|ed|es|ing)\b|extract|produc|output|ore\b|upstream)")


def normalise_stage(raw: str | None) -> tuple[str, ...]:
    """The stage buckets a claim's ``stage`` text belongs to.

    >>> normalise_stage("production")
    ('mining',)
    >>> normalise_stage("Production and refining")
    ('mining', 'processing')
    >>> normalise_stage("magnet production")
    ('magnets',)
    >>> normalise_stage("processing")
    ('processing',)
    >>> normalise_stage(None), normalise_stage("global supply")
    (('unspecified',), ('unspecified',))
    """
    text = (raw or "").lower()
    if _DOWNSTREAM.search(text):
        return (MAGNETS,)
    found = tuple(
        stage
        for stage, pattern in ((MINING, _UPSTREAM), (PROCESSING, _MIDSTREAM))
        if pattern.search(text)
    )
    return found or (UNSPECIFIED,)


def parse_stage(text: str) -> str:
    """A stage bucket from user input (``--stage refining`` means processing).

    >>> parse_stage("refining"), parse_stage("mining")
    ('processing', 'mining')
    """
    low = text.strip().lower()
    if low in STAGES:
        return low
    found = normalise_stage(low)
    if len(found) != 1 or found[0] == UNSPECIFIED:
        from reegraph.errors import ReegraphError

        raise ReegraphError(f"unknown stage {text!r}: use one of {', '.join(STAGES[:3])}")
    return found[0]
