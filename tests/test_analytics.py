"""Supply-risk analytics on hand-built graphs whose answers are worked out by hand."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from datetime import date
from pathlib import Path

import pytest

import reegraph.analytics
from analytics_graphs import supply_bundle, terms_bundle, treaty_bundle
from reegraph.analytics.api import agreements_in_force, analyze_store, what_if_store
from reegraph.analytics.centrality import (
    actor_network,
    betweenness,
    centrality,
    communities,
    pagerank,
)
from reegraph.analytics.concentration import concentration_by_mineral, hhi
from reegraph.analytics.criticality import criticality
from reegraph.analytics.exposure import exposure
from reegraph.analytics.graph import to_networkx
from reegraph.analytics.stages import normalise_stage, parse_stage
from reegraph.analytics.terms import agreements_on
from reegraph.analytics.whatif import what_if
from reegraph.errors import ReegraphError, UnknownEntityError
from reegraph.store.embedded import EmbeddedStore

GRAPHITE, REE, DY = "mineral:graphite", "mineral:rare-earth-elements", "mineral:dysprosium"
CHINA = "country:china"


@pytest.fixture(scope="module")
def graph():  # type: ignore[no-untyped-def]
    return to_networkx(supply_bundle())


def test_doctests_run_and_pass() -> None:
    failed = attempted = 0
    for module in pkgutil.iter_modules(reegraph.analytics.__path__, "reegraph.analytics."):
        result = doctest.testmod(importlib.import_module(module.name))
        failed += result.failed
        attempted += result.attempted
    assert failed == 0
    assert attempted >= 25


def test_hhi_by_hand() -> None:
    assert hhi([0.6, 0.4]) == 0.52
    assert hhi([0.5, 0.5]) == 0.5
    assert hhi([1.0]) == 1.0
    assert hhi([0.3]) == 0.09  # the unnamed 70% is taken as fragmented


@pytest.mark.parametrize(
    ("raw", "stages"),
    [
        ("mining", ("mining",)),
        ("global production", ("mining",)),
        ("mine output", ("mining",)),
        ("refining", ("processing",)),
        ("separation and processing", ("processing",)),
        ("production and refining", ("mining", "processing")),
        ("magnet manufacturing", ("magnets",)),
        ("permanent magnet production", ("magnets",)),
        ("", ("unspecified",)),
    ],
)
def test_stages_fold_to_buckets(raw: str, stages: tuple[str, ...]) -> None:
    assert normalise_stage(raw) == stages


def test_unknown_stage_is_a_clear_error() -> None:
    assert parse_stage("Refining") == "processing"
    with pytest.raises(ReegraphError, match="unknown stage 'retail'"):
        parse_stage("retail")


def test_concentration_two_suppliers(graph) -> None:  # type: ignore[no-untyped-def]
    (mining,) = concentration_by_mineral(graph)[GRAPHITE]
    assert (mining.stage, mining.hhi, mining.top_supplier, mining.top_share) == (
        "mining",
        0.52,
        "China",
        0.6,
    )
    assert [(s.supplier, s.share) for s in mining.suppliers] == [
        ("China", 0.6),
        ("Mozambique", 0.4),
    ]
    assert not mining.inferred


def test_conflicting_claims_give_a_range_with_documents(graph) -> None:  # type: ignore[no-untyped-def]
    (processing,) = concentration_by_mineral(graph)[REE]
    (china,) = processing.suppliers
    assert (china.share, china.low, china.high) == (0.85, 0.8, 0.9)
    assert (china.low_documents, china.high_documents) == (("a",), ("b",))
    assert china.conflicting
    assert (processing.hhi, processing.hhi_low, processing.hhi_high) == (0.7225, 0.64, 0.81)
    assert {h.properties["stage"] for h in china.claims} == {"processing", "refining"}


def test_group_shares_apply_to_members_as_inferred(graph) -> None:  # type: ignore[no-untyped-def]
    (row,) = concentration_by_mineral(graph)[DY]
    assert (row.stage, row.top_supplier, row.top_share) == ("processing", "China", 0.85)
    assert row.inferred
    assert row.via == "Rare earth elements"
    assert [(h.source, h.relation, h.target) for h in row.membership] == [
        ("Dysprosium", "MEMBER_OF", "Rare earth elements")
    ]


def test_criticality_formula_by_hand(graph) -> None:  # type: ignore[no-untyped-def]
    scores = {c.mineral_id: c for c in criticality(graph)}
    graphite = scores[GRAPHITE]
    # HHI 0.52 (mining); D = Batteries, Germany, Japan (through China, topic "graphite
    # supply"); South Korea's dependence on China is about soybeans and does not count.
    assert graphite.sectors == ("Batteries",)
    assert graphite.countries == ("Germany", "Japan")
    assert graphite.criticality == pytest.approx(0.52 * 3 / 4)
    # Dysprosium inherits HHI 0.7225 from its group; D = Wind turbines (through the group).
    assert scores[DY].criticality == pytest.approx(0.7225 * 1 / 2)
    assert scores[DY].inferred
    assert scores["commodity:soybeans"].criticality is None


def test_exposure_shares_per_supplier_country(graph) -> None:  # type: ignore[no-untyped-def]
    found = {e.entity: e for e in exposure(graph)}
    (germany,) = found["Germany"].minerals
    assert germany.route == "direct"
    assert [(s.country, s.share) for s in germany.by_country] == [
        ("China", 0.6),
        ("Mozambique", 0.4),
    ]
    # The Chinese producer is a route too, with no share given.
    assert ("Graphite Co", "China", None) in [
        (c.supplier, c.supplier_country, c.share) for c in germany.chains
    ]
    (japan,) = found["Japan"].minerals
    assert (japan.mineral, japan.route, japan.via) == ("Graphite", "supplier", "China")
    assert [h.relation for h in japan.dependence] == ["DEPENDS_ON"]
    assert [h.documents for h in japan.chains[0].hops] == [("a",)]
    assert "South Korea" not in found


def test_centrality_by_hand() -> None:
    graph = to_networkx(treaty_bundle())
    net = actor_network(graph)
    assert net.number_of_edges() == 7  # two triangles and the A-D bridge
    # A lies on the 6 shortest paths from {B, C} to {D, E, F}: 6 / C(5, 2) = 0.6.
    assert betweenness(net)["country:a"] == pytest.approx(0.6)
    assert betweenness(net, budget=1)["country:b"] == 0.0  # sampled still runs
    ranks = pagerank(net)
    assert sum(ranks.values()) == pytest.approx(1.0)
    assert ranks["country:a"] == pytest.approx(ranks["country:d"])
    assert ranks["country:a"] > ranks["country:b"]
    rows = {r.name: r for r in centrality(graph)}
    assert {rows[n].community for n in "ABC"} == {0}
    assert {rows[n].community for n in "DEF"} == {1}
    assert [r.community for r in centrality(graph)] == [r.community for r in centrality(graph)]


def test_pagerank_matches_the_path_graph_by_hand() -> None:
    import networkx as nx

    # Path a-b-c: x = ((1-d)/3 + d/2) / (1+d) for the ends, d = 0.85.
    ranks = pagerank(nx.path_graph(["a", "b", "c"]))
    end = ((1 - 0.85) / 3 + 0.85 / 2) / 1.85
    assert ranks["a"] == pytest.approx(end)
    assert ranks["b"] == pytest.approx(1 - 2 * end)


def test_betweenness_matches_networkx_exactly_under_budget() -> None:
    import networkx as nx

    net = nx.relabel_nodes(nx.gnm_random_graph(60, 150, seed=3), lambda i: f"n{i}")
    ours, theirs = betweenness(net), nx.betweenness_centrality(net)
    assert max(abs(ours[n] - theirs[n]) for n in net) < 1e-12
    assert max(theirs.values()) > 0.05  # a graph where betweenness says something


def test_large_networks_get_blocs_from_label_propagation() -> None:
    import networkx as nx

    # Four planted blocs of 30, dense inside, a few ties across.
    net = nx.relabel_nodes(
        nx.planted_partition_graph(4, 30, 0.5, 0.01, seed=5), lambda i: f"n{i:03d}"
    )
    nx.set_edge_attributes(net, 1, "weight")
    planted = [{f"n{i:03d}" for i in range(k * 30, k * 30 + 30)} for k in range(4)]
    for max_ties in (0, 10_000):  # label propagation path, then the Louvain path
        blocs = communities(net, louvain_max_ties=max_ties)
        found: dict[int, set[str]] = {}
        for node, bloc in blocs.items():
            found.setdefault(bloc, set()).add(node)
        assert sorted(map(sorted, found.values())) == sorted(map(sorted, planted))
        assert communities(net, louvain_max_ties=max_ties) == blocs  # seeded: stable


def test_criticality_counts_the_dependents_dependence_finds() -> None:
    from reegraph.analytics.criticality import COUNTED_LABELS, counted_dependents
    from reegraph.analytics.dependence import TopicMatcher, dependents_of
    from reegraph.analytics.graph import graph_index
    from sample_bundle import make_bundle

    for bundle in (supply_bundle(), make_bundle()):
        graph = to_networkx(bundle)
        index = graph_index(graph)
        matcher = TopicMatcher(graph)
        counted = counted_dependents(index, matcher)
        assert any(counted.values())
        for mineral, found in counted.items():
            routes = dependents_of(index, mineral, matcher=matcher)
            assert found == {d.dependent_id for d in routes if d.label in COUNTED_LABELS}


def test_what_if_ranks_the_exposed_with_evidence(graph) -> None:  # type: ignore[no-untyped-def]
    result = what_if(graph, [CHINA], GRAPHITE)
    (mineral,) = result.minerals
    assert (mineral.stage, mineral.lost_share, mineral.severity) == ("mining", 0.6, "exposed")
    assert set(mineral.stages[0].suppliers) == {"China", "Graphite Co"}
    assert [(a.entity, a.inferred) for a in result.sectors] == [("Batteries", False)]
    assert [(a.entity, a.routes[0].route) for a in result.countries] == [
        ("Germany", "direct"),
        ("Japan", "supplier"),
    ]
    assert [(a.entity, a.routes[0].via) for a in result.organisations] == [
        ("Cell Maker", "Batteries")
    ]
    batteries = result.sectors[0].routes[0]
    assert [(h.source, h.relation, h.target) for h in batteries.hops][:2] == [
        ("Batteries", "DEPENDS_ON", "Graphite"),
        ("China", "CONTROLS_SHARE", "Graphite"),
    ]
    (pact,) = result.agreements
    assert (pact.name, pact.exposed_parties, pact.aimed_at_exposure) == (
        "Germany-Mozambique graphite pact",
        ("Germany",),
        True,
    )
    # The Chinese company is not an alternative: it is based in the restricting country.
    assert [(a.name, a.share) for a in result.alternatives] == [("Mozambique", 0.4)]


def test_what_if_through_a_group_and_by_stage(graph) -> None:  # type: ignore[no-untyped-def]
    result = what_if(graph, [CHINA], DY)
    (turbines,) = result.sectors
    assert (turbines.entity, turbines.severity, turbines.lost_share) == (
        "Wind turbines",
        "cut off",
        0.85,
    )
    assert turbines.inferred
    assert turbines.routes[0].via == "Rare earth elements"
    assert what_if(graph, [CHINA], GRAPHITE, stage="processing").minerals == ()


def test_what_if_without_a_mineral_takes_everything_supplied(graph) -> None:  # type: ignore[no-untyped-def]
    result = what_if(graph, ["country:mozambique"])
    assert [(m.mineral, m.lost_share) for m in result.minerals] == [("Graphite", 0.4)]
    assert result.countries[0].entity == "Germany"
    # Mozambique is party to the pact: it is listed, but not as aimed at the exposure.
    assert [(a.name, a.aimed_at_exposure) for a in result.agreements] == [
        ("Germany-Mozambique graphite pact", False)
    ]


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (
            date(2026, 6, 1),
            {
                "Truce": "in force",
                "Pact": "ended",
                "Framework": "in force",
                "Paused deal": "suspended",
                "Future accord": "not yet started",
                "Rumoured deal": "undated",
            },
        ),
        (date(2027, 1, 1), {"Truce": "ended", "Framework": "in force"}),
    ],
)
def test_agreements_in_force(on: date, expected: dict[str, str]) -> None:
    terms = {t.name: t for t in agreements_on(to_networkx(terms_bundle()), on)}
    assert {name: terms[name].state for name in expected} == expected
    assert (terms["Truce"].end_date, terms["Truce"].end_from) == ("2026-10-30", "duration")
    assert terms["Framework"].end_date is None


@pytest.fixture
def supply_store(db_path: Path):  # type: ignore[no-untyped-def]
    with EmbeddedStore(db_path) as store:
        store.write_bundle(supply_bundle())
        yield store


def test_analyze_writes_scores_to_the_store(supply_store: EmbeddedStore) -> None:
    supply_store.run("MATCH (n:Commodity) SET n.hhi = 0.5, n.pagerank = 0.1")
    run = analyze_store(supply_store)
    rows = {
        r["id"]: r
        for r in supply_store.run(
            "MATCH (n) WHERE n.label IN ['Mineral', 'Commodity', 'Country'] "
            "RETURN n.id AS id, n.hhi AS hhi, n.top_share AS top, n.criticality AS crit, "
            "n.pagerank AS pr, n.community AS bloc"
        )
    }
    assert (rows[GRAPHITE]["hhi"], rows[GRAPHITE]["top"]) == (0.52, 0.6)
    assert rows[GRAPHITE]["crit"] == pytest.approx(0.39)
    assert rows["commodity:soybeans"]["hhi"] is None  # a stale score is cleared
    assert rows[CHINA]["pr"] > 0
    assert rows[GRAPHITE]["pr"] is None
    assert rows["country:germany"]["bloc"] == rows["country:mozambique"]["bloc"] is not None
    assert run.written == len(supply_bundle().entities)
    scored = {e.id: e.properties for e in run.bundle.entities}
    assert scored[GRAPHITE].criticality == pytest.approx(0.39)
    # Read back through the ordinary reader, the scores are entity properties.
    stored = {e.id: e.properties for e in supply_store.read_bundle().entities}
    assert stored[GRAPHITE].hhi == 0.52


def test_what_if_resolves_names_as_typed(supply_store: EmbeddedStore) -> None:
    run = what_if_store(supply_store, ["china"], "graphite", "mine")
    assert run.result.restricted == ("China",)
    assert run.result.stage == "mining"
    ids = {e.id for e in run.subgraph.entities}
    assert {GRAPHITE, CHINA, "sector:batteries", "country:mozambique"} <= ids
    assert "commodity:soybeans" not in ids
    with pytest.raises(UnknownEntityError, match="Did you mean: China"):
        what_if_store(supply_store, ["Chinaa"])
    with pytest.raises(ReegraphError, match="at least one supplier"):
        what_if_store(supply_store, [])


def test_in_force_rejects_a_bad_date(supply_store: EmbeddedStore) -> None:
    with pytest.raises(ReegraphError, match="not a date: '2026-02-30'"):
        agreements_in_force(supply_store, "2026-02-30")
    assert agreements_in_force(supply_store, "2026-02-28")[0].state == "undated"


def test_score_statement_passes_neo4j_lint() -> None:
    from cypherlint import lint_statements, require_linter
    from reegraph.model import Label
    from reegraph.store.statements import set_entity_scores

    require_linter()
    statements = [set_entity_scores(label.value) for label in Label]
    found = lint_statements(
        [{"name": s.name, "query": s.text, "parameters": s.parameters} for s in statements]
    )
    assert found == {s.name: [] for s in statements}
