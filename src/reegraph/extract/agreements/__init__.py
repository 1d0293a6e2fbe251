"""Agreements and meetings as discourse frames: found, referred back to, merged, named.

A frame collects what sentences say about one agreement (or one meeting): its
parties, signatories, kind, date, place and duration. Definite descriptions ("the
pact", "this truce") attach to the most recent compatible frame of the document;
frames with the same parties, compatible kind and date merge across documents.
Relations are recorded as claims and written once frames have their final entity.
"""

from __future__ import annotations

from reegraph.extract.agreements.finder import FrameFinder
from reegraph.extract.agreements.model import Claim, Frame
from reegraph.extract.agreements.patterns import RANK

__all__ = ["RANK", "Claim", "Frame", "FrameFinder"]
