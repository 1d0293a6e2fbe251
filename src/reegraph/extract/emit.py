"""Turning a rule's match into a relation draft: evidence, modality, negation, merging.

Drafts are plain objects; the pydantic models are built once, when a bundle is
assembled (see :mod:`reegraph.extract.construct` and :mod:`reegraph.extract.assemble`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from reegraph.extract.folding import Folded, folds
from reegraph.extract.mentions import Mention
from reegraph.extract.views import View
from reegraph.model import RELATIONS, Document, Label, RelationType

NEGATION = re.compile(
    r"\b(?:not|never|no longer|neither|nor|failed to|refused to|declined to|"
    r"has yet to|have yet to)\b|n[’']t\b",
    re.I,
)
_NOT_NEGATION = re.compile(r"\bnot (?:only|just|necessarily|least)\b", re.I)
HEDGE = re.compile(
    r"\b(?:could|may|might|would|likely|possibly|potentially|expected to|"
    r"reportedly|hopes? to|consider(?:s|ing)?|not necessarily)\b",
    re.I,
)
PLAN = re.compile(
    r"\b(?:plans?(?:ned)? to|planned|plan for|pledge[ds]?|pledging|promise[ds]?|aims? to|aiming|"
    r"intends? to|will|agreed to|commit(?:s|ted)? to|set to|seeks? to|is to)\b",
    re.I,
)

_LOWERED = tuple(Folded(rx).low for rx in (NEGATION, _NOT_NEGATION, HEDGE, PLAN))

EvidenceKey = tuple[str, int, int]  # document, start, end


@dataclass(slots=True)
class Draft:
    """A relation being collected: evidence maps (document, start, end) to (sentence, rule)."""

    type: RelationType
    source: str
    target: str
    props: dict[str, Any]
    evidence: dict[EvidenceKey, tuple[str, str]] = field(default_factory=dict)

    def key(self) -> tuple[object, ...]:
        """Identity of the claim: type, ends and the type's identity properties."""
        ident = tuple(self.props.get(p) for p in RELATIONS[self.type].identity)
        return (self.type, self.source, self.target, ident)

    def as_dict(self) -> dict[str, Any]:
        """The input ``Relation.model_validate`` takes (what ``construct`` builds directly)."""
        return {
            "type": self.type,
            "source": self.source,
            "target": self.target,
            "properties": self.props,
            "evidence": [
                {"document": k[0], "start": k[1], "end": k[2], "sentence": v[0], "rule": v[1]}
                for k, v in self.evidence.items()
            ],
        }


@lru_cache(maxsize=4096)
def modality(chunk: str) -> str | None:
    """None when the chunk is negated; else asserted / hedged / planned.

    >>> modality("JOGMEC did sign a memorandum"), modality("X did not sign a deal")
    ('asserted', None)
    >>> modality("could contribute to"), modality("pledged to invest")
    ('hedged', 'planned')
    """
    if folds(chunk):  # the lower-case twins of the patterns scan faster (see folding)
        chunk = chunk.lower()
        negation, not_negation, hedge, plan = _LOWERED
    else:
        negation, not_negation, hedge, plan = NEGATION, _NOT_NEGATION, HEDGE, PLAN
    if negation.search(not_negation.sub("", chunk)):
        return None
    if hedge.search(chunk):
        return "hedged"
    if plan.search(chunk):
        return "planned"
    return "asserted"


class Emitter:
    """Collects relations of one document; claims with the same key share evidence."""

    def __init__(self, doc: Document, labels: dict[str, Label]) -> None:
        self.doc = doc
        self.labels = labels
        self.relations: dict[tuple[object, ...], Draft] = {}

    def emit(
        self,
        rtype: RelationType,
        source: Mention | str,
        target: Mention | str,
        view: View,
        rule: str,
        conf: float = 0.8,
        mod: str | None = "auto",
        **props: Any,
    ) -> bool:
        src = source.entity if isinstance(source, Mention) else source
        tgt = target.entity if isinstance(target, Mention) else target
        if not src or not tgt or src == tgt:
            return False
        spec = RELATIONS[rtype]
        if self.labels.get(src) not in spec.sources or self.labels.get(tgt) not in spec.targets:
            return False
        if mod == "auto":
            if isinstance(source, Mention) and isinstance(target, Mention):
                base = view.sentence.start
                lo = min(source.start, target.start) - base
                hi = max(source.end, target.end) - base
                chunk = view.text[max(0, lo - 25) : hi]
            else:
                chunk = view.text
            mod = modality(chunk)
        if mod is None:
            return False
        values = {k: v for k, v in props.items() if v is not None} if props else {}
        # Cheap claim key first (type, ends, identity properties): most emits repeat a claim.
        ident = tuple([values.get(p) for p in spec.identity]) if spec.identity else ()
        key = (rtype, src, tgt, ident)
        current = self.relations.get(key)
        s = view.sentence
        ev_key = (self.doc.id, s.start, s.end)
        if current is None:
            values.update(modality=mod, confidence=conf)
            self.relations[key] = Draft(rtype, src, tgt, values, {ev_key: (view.text, rule)})
        elif ev_key not in current.evidence:
            current.evidence[ev_key] = (view.text, rule)
            current.props["confidence"] = max(current.props["confidence"], conf)
        return True
