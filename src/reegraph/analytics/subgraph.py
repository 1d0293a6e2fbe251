"""The part of a bundle an answer rests on: its claims, their ends and their documents."""

from __future__ import annotations

from collections.abc import Iterable

from reegraph.model import GraphBundle, Relation


def subgraph_bundle(bundle: GraphBundle, relations: Iterable[Relation]) -> GraphBundle:
    """A bundle holding only ``relations``, the entities they join and the documents cited.

    >>> from sample_bundle import make_bundle
    >>> full = make_bundle()
    >>> part = subgraph_bundle(full, full.relations[:1])
    >>> [e.id for e in part.entities], [d.id for d in part.documents]
    (['mineral:dysprosium', 'mineral:rare-earth-elements'], [])
    """
    kept = list({id(r): r for r in relations}.values())
    ends = {end for r in kept for end in (r.source, r.target)}
    cited = {ev.document for r in kept for ev in r.evidence}
    return GraphBundle(
        documents=[d for d in bundle.documents if d.id in cited],
        entities=[e for e in bundle.entities if e.id in ends],
        relations=kept,
    )
