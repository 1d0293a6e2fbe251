"""Every analysis at once, and the scores it leaves on entity nodes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reegraph.analytics.centrality import ActorCentrality, centrality
from reegraph.analytics.concentration import StageConcentration, concentration
from reegraph.analytics.criticality import MineralCriticality, criticality
from reegraph.analytics.exposure import Exposure, exposure
from reegraph.analytics.graph import Graph
from reegraph.gcpause import paused_gc
from reegraph.model import EntityProperties, GraphBundle

SCORE_FIELDS = ("pagerank", "betweenness", "community", "hhi", "top_share", "criticality")


@dataclass(frozen=True)
class AnalysisReport:
    concentration: tuple[StageConcentration, ...]
    criticality: tuple[MineralCriticality, ...]
    exposure: tuple[Exposure, ...]
    centrality: tuple[ActorCentrality, ...]

    def scores(self) -> dict[str, dict[str, Any]]:
        """entity id -> the node properties this analysis sets (only scored entities)."""
        found: dict[str, dict[str, Any]] = {}
        for c in self.criticality:
            if c.hhi is not None:
                found[c.mineral_id] = {
                    "hhi": c.hhi,
                    "top_share": c.top_share,
                    "criticality": c.criticality,
                }
        for a in self.centrality:
            found.setdefault(a.id, {}).update(
                pagerank=a.pagerank, betweenness=a.betweenness, community=a.community
            )
        return found


def analyze(graph: Graph) -> AnalysisReport:
    """Concentration, criticality, exposure and centrality of one graph.

    >>> from sample_bundle import make_bundle
    >>> from reegraph.analytics.graph import to_networkx
    >>> report = analyze(to_networkx(make_bundle()))
    >>> report.scores()["mineral:rare-earth-elements"]
    {'hhi': 0.81, 'top_share': 0.9, 'criticality': 0.54}
    """
    with paused_gc():  # results are large trees of small objects, none cyclic
        return AnalysisReport(
            concentration=tuple(concentration(graph)),
            criticality=tuple(criticality(graph)),
            exposure=tuple(exposure(graph)),
            centrality=tuple(centrality(graph)),
        )


def score_rows(
    bundle: GraphBundle, scores: dict[str, dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """label -> one row per entity with every score (None clears what an older run left)."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for entity in bundle.entities:
        values = scores.get(entity.id, {})
        rows.setdefault(entity.label.value, []).append(
            {"id": entity.id, **{f: values.get(f) for f in SCORE_FIELDS}}
        )
    return rows


def with_scores(bundle: GraphBundle, scores: dict[str, dict[str, Any]]) -> GraphBundle:
    """A copy of ``bundle`` whose entities carry the scores (for views and exports)."""
    entities = []
    for entity in bundle.entities:
        props = entity.properties.model_dump()
        props.update({f: scores.get(entity.id, {}).get(f) for f in SCORE_FIELDS})
        entities.append(entity.model_copy(update={"properties": EntityProperties(**props)}))
    return bundle.model_copy(update={"entities": entities})
