"""What views select and write: filters, focus, query subgraphs, conflicts, escaping, CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from reegraph.cli import app
from reegraph.errors import ReegraphError, UnknownEntityError
from reegraph.model import (
    Document,
    Entity,
    EntityProperties,
    GraphBundle,
    Label,
    Relation,
    RelationProperties,
    RelationType,
)
from reegraph.store.embedded import EmbeddedStore
from reegraph.views import (
    ViewFilters,
    ViewOptions,
    entities_in_rows,
    parse_request,
    render_focus,
    render_html,
    view_data,
)
from reegraph.views.select import published_since
from sample_bundle import ev, make_bundle

runner = CliRunner()
PAYLOAD = "<script>window.__pwned=1</script>"


def page_data(html_path: Path) -> dict[str, Any]:
    """The JSON a written page carries."""
    html = html_path.read_text(encoding="utf-8")
    match = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', html, re.S)
    assert match, "the page carries no graph data"
    data: dict[str, Any] = json.loads(match[1])
    return data


def ids(data: dict[str, Any]) -> set[str]:
    return {n["id"] for n in data["nodes"]}


def share_bundle(*claims: tuple[str, float, str]) -> GraphBundle:
    """China CONTROLS_SHARE rare earths, once per (stage, share, document)."""
    docs = [
        Document(id=d, title=f"Article {d}", published="2025-10-2" + d[-1], text="x")
        for d in sorted({c[2] for c in claims})
    ]
    ents = [Entity(label="Country", name="China"), Entity(label="Mineral", name="Rare earths")]
    rels = [
        Relation(
            type="CONTROLS_SHARE",
            source="country:china",
            target="mineral:rare-earths",
            properties=RelationProperties(stage=stage, share=share),
            evidence=[ev(doc, f"China holds {share:.0%} of {stage} ({doc}).")],
        )
        for stage, share, doc in claims
    ]
    return GraphBundle(documents=docs, entities=ents, relations=rels)


# -- selection -----------------------------------------------------------------


def test_whole_view_draws_every_claim_but_not_mentions() -> None:
    data = view_data(make_bundle())
    assert ids(data) == {
        "mineral:dysprosium",
        "mineral:rare-earth-elements",
        "sector:defense",
        "sector:wind-turbines",
        "country:china",
        "country:united-states",
    }
    assert {e["rel"] for e in data["edges"]} == {"MEMBER_OF", "DEPENDS_ON", "CONTROLS_SHARE"}
    assert len(data["edges"]) == 6
    assert data["meta"] == data["meta"] | {"nodes": 6, "edges": 6, "truncated": False}
    defense = next(e for e in data["edges"] if e["from"] == "sector:defense")
    assert defense["evidence"] == [
        {
            "sentence": "Defense systems need dysprosium.",
            "document": "d1",
            "title": "Test article",
            "published": "2025-10-29",
        }
    ]


def test_focus_depth_counts_steps_in_either_direction() -> None:
    bundle = make_bundle()
    one = view_data(bundle, ViewOptions(focus=("mineral:dysprosium",), depth=1))
    assert ids(one) == {"mineral:dysprosium", "mineral:rare-earth-elements", "sector:defense"}
    assert one["meta"]["focus"] == ["mineral:dysprosium"]
    two = view_data(bundle, ViewOptions(focus=("mineral:dysprosium",), depth=2))
    assert ids(two) == ids(one) | {"sector:wind-turbines", "country:china"}
    zero = view_data(bundle, ViewOptions(focus=("mineral:dysprosium",), depth=0))
    assert ids(zero) == {"mineral:dysprosium"}
    assert zero["edges"] == []


def test_label_relation_and_since_filters() -> None:
    bundle = make_bundle()
    countries = view_data(
        bundle, ViewOptions(filters=ViewFilters(labels=frozenset({Label.COUNTRY})))
    )
    assert ids(countries) == {"country:china", "country:united-states"}
    depends = view_data(
        bundle, ViewOptions(filters=ViewFilters(relations=frozenset({RelationType.DEPENDS_ON})))
    )
    assert {e["rel"] for e in depends["edges"]} == {"DEPENDS_ON"}
    assert "mineral:rare-earth-elements" in ids(depends)
    # The lexicon claim has no dated article behind it; d1 was published 2025-10-29.
    since = view_data(bundle, ViewOptions(filters=ViewFilters(since="2025-10-29")))
    assert "MEMBER_OF" not in {e["rel"] for e in since["edges"]}
    assert len(since["edges"]) == 5
    later = view_data(bundle, ViewOptions(filters=ViewFilters(since="2025-11")))
    assert later["nodes"] == []
    assert later["edges"] == []


def test_published_since_compares_at_the_coarser_precision() -> None:
    assert published_since("2025-10", "2025-10-15")
    assert published_since("2025-11-02", "2025-10")
    assert not published_since("2025-09-30", "2025-10-01")
    assert not published_since(None, "2025")


def test_size_cap_keeps_the_most_connected_and_warns(tmp_path: Path) -> None:
    bundle = make_bundle()
    report = render_html(bundle, tmp_path / "capped.html", ViewOptions(max_nodes=2))
    data = page_data(tmp_path / "capped.html")
    # Rare earth elements (4 claims) and China (3) are the two best connected.
    assert ids(data) == {"mineral:rare-earth-elements", "country:china"}
    assert {(e["from"], e["to"]) for e in data["edges"]} == {
        ("country:china", "mineral:rare-earth-elements")
    }
    assert report.truncated
    assert report.total_nodes == 6
    assert report.nodes == 2
    assert report.warning
    assert "6 nodes" in report.warning
    assert "degree" in report.warning
    assert data["meta"]["truncated"] is True


def test_importance_uses_pagerank_when_analytics_wrote_it() -> None:
    bundle = make_bundle()
    ranked = [
        e.model_copy(
            update={
                "properties": e.properties.model_copy(
                    update={"pagerank": 0.9 if e.id == "sector:defense" else 0.01}
                )
            }
        )
        for e in bundle.entities
    ]
    data = view_data(bundle.model_copy(update={"entities": ranked}), ViewOptions(max_nodes=1))
    assert data["meta"]["metric"] == "pagerank"
    assert ids(data) == {"sector:defense"}
    sizes = {
        n["id"]: n["value"]
        for n in view_data(bundle.model_copy(update={"entities": ranked}))["nodes"]
    }
    assert sizes["sector:defense"] > sizes["country:china"]


def test_hedged_and_inferred_claims_are_dashed() -> None:
    bundle = make_bundle()
    rels = list(bundle.relations)
    rels[1] = rels[1].model_copy(update={"properties": RelationProperties(modality="hedged")})
    rels[2] = rels[2].model_copy(
        update={"properties": RelationProperties(inferred=True, origin="inferred")}
    )
    data = view_data(bundle.model_copy(update={"relations": rels}))
    dashed = {e["from"] for e in data["edges"] if e["dashes"]}
    assert dashed == {"sector:defense", "sector:wind-turbines"}


# -- conflicting claims --------------------------------------------------------


def test_different_shares_for_one_stage_from_two_articles_conflict() -> None:
    data = view_data(
        share_bundle(("mining", 0.6, "a1"), ("mining", 0.7, "a2"), ("processing", 0.9, "a1"))
    )
    marked = {e["summary"]: e for e in data["edges"] if "conflicts" in e}
    assert set(marked) == {"stage mining, share 60%", "stage mining, share 70%"}
    assert marked["stage mining, share 60%"]["conflicts"] == [
        {"summary": "stage mining, share 70%", "documents": ["Article a2"]}
    ]
    assert all(e["label"] == "conflicting" for e in marked.values())
    assert data["legend"]["conflicts"] == 2


def test_other_stages_and_one_article_are_not_conflicts() -> None:
    assert not any(
        "conflicts" in e
        for e in view_data(share_bundle(("mining", 0.6, "a1"), ("processing", 0.9, "a2")))["edges"]
    )
    assert not any(
        "conflicts" in e
        for e in view_data(share_bundle(("mining", 0.6, "a1"), ("mining", 0.7, "a1")))["edges"]
    )


# -- query subgraphs -----------------------------------------------------------


def test_entities_in_rows_match_names_ids_and_parameters() -> None:
    bundle = make_bundle()
    rows = [
        {
            "dependent": "Defense",
            "via": "Dysprosium",
            "sentences": ["Defense systems need dysprosium."],
        },
        {"dependent": "sector:wind-turbines", "documents": ["d1"], "share": 0.7},
    ]
    found = entities_in_rows(bundle, rows, {"mineral": "Dy"})
    assert found == {"sector:defense", "mineral:dysprosium", "sector:wind-turbines"}


# -- the written page ----------------------------------------------------------


def malicious_bundle() -> GraphBundle:
    doc = Document(
        id="evil",
        title=f"{PAYLOAD} Breaking news",
        source='<img src=x onerror="window.__pwned=1">',
        url="javascript:window.__pwned=1",
        published="2025-10-30",
        text="x",
    )
    sentence = (
        f'Acme {PAYLOAD} buys <img src=x onerror="window.__pwned=1">'
        ' <a href="javascript:window.__pwned=1">more</a>.'
    )
    ents = [
        Entity(label="Organization", name='Acme <img src=x onerror="window.__pwned=1">'),
        Entity(
            label="Mineral", name="Dysprosium", properties=EntityProperties(description=PAYLOAD)
        ),
    ]
    rel = Relation(
        type="DEPENDS_ON",
        source=ents[0].id,
        target="mineral:dysprosium",
        evidence=[ev("evil", sentence)],
    )
    return GraphBundle(documents=[doc], entities=ents, relations=[rel])


def test_page_is_standalone_and_escapes_article_text(tmp_path: Path) -> None:
    out = render_html(malicious_bundle(), tmp_path / "evil.html").path
    html = out.read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html
    assert re.search(r"<script[^>]+src=|<link[^>]+href=|@import|fonts\.googleapis", html) is None
    assert "vis.Network" in html
    assert ".vis-network" in html
    data = page_data(out)
    edge = data["edges"][0]
    assert edge["evidence"][0]["title"] == f"{PAYLOAD} Breaking news"
    assert "url" not in edge["evidence"][0]  # only http(s) links reach the page


# -- requests and the CLI ------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"labels": ["Planet"]}, "unknown label 'Planet'"),
        ({"relations": ["LIKES"]}, "unknown relation type 'LIKES'"),
        ({"since": "last week"}, "--since expects a date"),
        ({"since": "2025-13"}, "--since expects a date"),
        ({"focus": "x", "query": "y"}, "not both"),
        ({"query": "who_depends_on", "params": ["mineral"]}, "name=value"),
        ({"params": ["mineral=dy"]}, "only goes with --query"),
        ({"max_nodes": 0}, "--max-nodes"),
    ],
)
def test_bad_requests_are_refused_with_a_reason(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ReegraphError, match=re.escape(message)):
        parse_request(**kwargs)


def test_parse_request_reads_filters() -> None:
    request = parse_request(
        labels=["country", "Mineral"], relations=["depends_on"], since="2025-10"
    )
    assert request.filters == ViewFilters(
        labels=frozenset({Label.COUNTRY, Label.MINERAL}),
        relations=frozenset({RelationType.DEPENDS_ON}),
        since="2025-10",
    )


def test_render_focus_accepts_names_and_ids(tmp_path: Path) -> None:
    report = render_focus(make_bundle(), "Dy", 1, tmp_path / "dy.html")
    assert report.nodes == 3
    assert page_data(tmp_path / "dy.html")["heading"] == "reegraph: Dysprosium and its neighbours"
    with pytest.raises(UnknownEntityError, match="Dysprosium"):
        render_focus(make_bundle(), "dysprosum", 1, tmp_path / "no.html")


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("views") / "sample.lbdb"
    with EmbeddedStore(path) as store:
        store.write_bundle(make_bundle())
    return path


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_view_focus(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "focus.html"
    code, stdout, stderr = invoke(
        "view", "--db", sample_db, "--focus", "dysprosium", "--depth", "2", "-o", out
    )
    assert code == 0, stderr
    assert "5 nodes" in stdout
    assert ids(page_data(out)) == {
        "mineral:dysprosium",
        "mineral:rare-earth-elements",
        "sector:defense",
        "sector:wind-turbines",
        "country:china",
    }


def test_cli_view_query_draws_the_answer(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "query.html"
    code, _, stderr = invoke(
        "view",
        "--db",
        sample_db,
        "--query",
        "who_depends_on",
        "--param",
        "mineral=dysprosium",
        "-o",
        out,
    )
    assert code == 0, stderr
    data = page_data(out)
    # Defense directly; Wind turbines through rare earths, the group dysprosium belongs
    # to; the United States through China, which controls rare earths.
    assert ids(data) == {
        "sector:defense",
        "sector:wind-turbines",
        "mineral:dysprosium",
        "mineral:rare-earth-elements",
        "country:united-states",
        "country:china",
    }
    assert data["heading"] == "reegraph: who_depends_on (mineral=dysprosium)"
    out = tmp_path / "suppliers.html"
    code, _, stderr = invoke(
        "view",
        "--db",
        sample_db,
        "--query",
        "suppliers_of",
        "--param",
        "mineral=rare earths",
        "-o",
        out,
    )
    assert code == 0, stderr
    assert ids(page_data(out)) == {"country:china", "mineral:rare-earth-elements"}


def test_cli_view_warns_once_when_capped(sample_db: Path, tmp_path: Path) -> None:
    code, stdout, stderr = invoke(
        "view", "--db", sample_db, "--max-nodes", "3", "-o", tmp_path / "cap.html"
    )
    assert code == 0
    assert stderr.count("\n") == 1
    assert stderr.startswith("Warning: the view has 6 nodes")
    assert "3 nodes" in stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--focus", "unobtainium"], "No entity named 'unobtainium'"),
        (["--label", "Planet"], "unknown label"),
        (["--query", "no_such_query"], "no canned query"),
        (["--focus", "china", "--label", "Mineral"], "leaves out"),
    ],
)
def test_cli_view_errors_are_one_line(
    sample_db: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "never.html"
    code, _, stderr = invoke("view", "--db", sample_db, *args, "-o", out)
    assert code != 0
    assert stderr.startswith("Error: ")
    assert message in stderr
    assert stderr.count("\n") == 1
    assert not out.exists()
