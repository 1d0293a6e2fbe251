"""Analytics over a store: read the graph, resolve the names people type, run, write back.

These are the functions the CLI calls; everything below them is pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from reegraph.analytics.graph import to_networkx
from reegraph.analytics.report import AnalysisReport, analyze, score_rows, with_scores
from reegraph.analytics.stages import parse_stage
from reegraph.analytics.subgraph import subgraph_bundle
from reegraph.analytics.terms import AgreementTerm, agreements_on, parse_on
from reegraph.analytics.whatif import WhatIf, what_if
from reegraph.errors import ReegraphError
from reegraph.model import GOODS, STATES, GraphBundle, Label
from reegraph.names import NamedEntity, resolve_name
from reegraph.store.base import CypherStore
from reegraph.store.scores import write_entity_scores


@dataclass(frozen=True)
class AnalysisRun:
    report: AnalysisReport
    bundle: GraphBundle  # the store's graph with the new scores on its entities
    written: int


def analyze_store(store: CypherStore) -> AnalysisRun:
    """Analyse the stored graph and write the scores back onto its nodes."""
    bundle = store.read_bundle()
    report = analyze(to_networkx(bundle))
    scores = report.scores()
    written = write_entity_scores(store, score_rows(bundle, scores))
    return AnalysisRun(report, with_scores(bundle, scores), written)


def _candidates(bundle: GraphBundle, labels: frozenset[Label]) -> list[NamedEntity]:
    return [
        NamedEntity(e.id, e.label.value, e.name, tuple(e.lookup))
        for e in bundle.entities
        if e.label in labels
    ]


@dataclass(frozen=True)
class WhatIfRun:
    result: WhatIf
    subgraph: GraphBundle  # the claims the answer rests on, for a view


def what_if_store(
    store: CypherStore,
    restrict: list[str],
    mineral: str | None = None,
    stage: str | None = None,
) -> WhatIfRun:
    """``what_if`` with names as typed: ``restrict=["China"], mineral="Dy", stage="refining"``."""
    if not restrict:
        raise ReegraphError("name at least one supplier to restrict, e.g. --restrict China")
    bundle = store.read_bundle()
    suppliers = _candidates(bundle, STATES)
    restricted = list(dict.fromkeys(resolve_name(suppliers, n, "supplier").id for n in restrict))
    mineral_id = (
        resolve_name(_candidates(bundle, GOODS), mineral, "mineral").id if mineral else None
    )
    result = what_if(
        to_networkx(bundle), restricted, mineral_id, parse_stage(stage) if stage else None
    )
    return WhatIfRun(result, subgraph_bundle(bundle, result.relations))


def agreements_in_force(store: CypherStore, on: str) -> list[AgreementTerm]:
    """Every agreement's state on ``on`` (YYYY-MM-DD)."""
    day = parse_on(on)
    return agreements_on(to_networkx(store.read_bundle()), day)
