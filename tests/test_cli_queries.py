"""The query verbs through the real CLI on a real LadybugDB file."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from query_bundle import FRAMEWORK, make_query_bundle
from reegraph.cli import app
from reegraph.store.embedded import EmbeddedStore

runner = CliRunner(env={"COLUMNS": "200"})

INJECTIONS = [
    "dysprosium' OR 1=1 //",
    'x"}) DETACH DELETE n //',
    "}) DETACH DELETE n //",
    "`Mineral`) DETACH DELETE n RETURN 1 //",
    "dy'; MATCH (n) DETACH DELETE n; //",
]


@pytest.fixture(scope="module")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "graph.lbdb"
    with EmbeddedStore(path) as store:
        store.write_bundle(make_query_bundle())
    return path


@pytest.fixture
def db(built_db: Path, tmp_path: Path) -> Path:
    """A private copy, so a test that writes cannot disturb another."""
    copy = tmp_path / "graph.lbdb"
    shutil.copy(built_db, copy)
    return copy


def run(db: Path, *args: str) -> Any:
    return runner.invoke(app, [*args, "--db", str(db)])


def data(db: Path, *args: str) -> Any:
    result = run(db, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def snapshot(db: Path) -> tuple[Any, Any]:
    with EmbeddedStore(db, read_only=True) as store:
        return store.counts(), store.read_bundle().to_export()


def test_queries_lists_every_canned_query() -> None:
    listing = json.loads(runner.invoke(app, ["queries", "--json"]).stdout)
    names = {q["name"]: q for q in listing}
    assert "path_between" in names
    assert names["path_between"]["dialects"] == ["embedded", "neo4j"]
    assert names["timeline"]["parameters"][0] == "entity: entity (optional)"
    table = runner.invoke(app, ["queries"])
    assert "suppliers_of" in table.stdout
    assert "chokepoints" in table.stdout


def test_verbs_answer_with_names_as_typed(db: Path) -> None:
    agreements = data(db, "agreements", "Dy")
    assert agreements["query"] == "agreements_covering"
    assert agreements["rows"][0]["agreement"] == FRAMEWORK
    assert agreements["rows"][0]["signatories"] == ["Sanae Takaichi", "Donald Trump"] or set(
        agreements["rows"][0]["signatories"]
    ) == {"Sanae Takaichi", "Donald Trump"}
    of_person = data(db, "agreements", "Takaichi")
    assert of_person["query"] == "agreements_of"
    assert data(db, "profile", "MHI")["rows"][0]["name"] == "Mitsubishi Heavy Industries"
    assert data(db, "profile", "JOGMEC")["resolved"]["entity"]["id"] == "organization:jogmec"
    assert data(db, "leaders-of", "japan")["rows"][0]["person"] == "Sanae Takaichi"
    assert data(db, "partners-of", "jogmec")["rows"][0]["partner"] == "REAlloys"
    chokepoints = data(db, "chokepoints", "--threshold", "0.85")["rows"]
    assert [(r["country"], r["share"]) for r in chokepoints] == [("China", 0.9)]
    timeline = data(db, "timeline", "--to", "2025-10-28")["rows"]
    assert [r["what"] for r in timeline] == [FRAMEWORK]
    conflicts = data(db, "conflicts")["rows"]
    assert {conflicts[0]["value_a"], conflicts[0]["value_b"]} == {0.7, 0.8}
    assert data(db, "exposure", "defence")["rows"][0]["mineral"] == "Dysprosium"
    sources = data(db, "sources", "Xi")["rows"]
    assert {r["relation"] for r in sources} >= {"LEADS", "SIGNED", "MENTIONS"}
    path = data(db, "path", "Xi", "MHI")["rows"]
    assert path[0]["nodes"][0] == "Xi Jinping"
    assert path[0]["nodes"][-1].startswith("Mitsubishi")


def test_table_output_shows_shares_and_shortened_evidence(db: Path) -> None:
    result = run(db, "suppliers-of", "rare earths")
    assert result.exit_code == 0, result.output
    assert "Suppliers of Rare earth elements" in result.stdout
    assert "over 90%" in result.stdout
    assert "80%" in result.stdout
    path = run(db, "path", "JOGMEC", "Energy Fuels")
    assert "JOGMEC —PARTNERS_WITH→ REAlloys —BASED_IN→ United States" in path.stdout
    depends = run(db, "who-depends-on", "Dy")
    assert "inferred via Rare earth elements" in depends.stdout
    assert "over 90%" in depends.stdout
    profile = run(db, "profile", "Japan")
    assert "Japan (Country, country:japan)" in profile.stdout
    assert "BASED_IN" in profile.stdout


def test_csv_and_limit(db: Path) -> None:
    result = run(db, "suppliers-of", "rare earths", "--csv", "--limit", "2")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 2
    assert rows[0]["supplier"] == "China"
    assert sorted(rows[0]["figures"].split(" | ")) == ["0.7", "0.8", "0.9"]
    both = run(db, "conflicts", "--csv", "--json")
    assert both.exit_code == 1
    assert "one of --json and --csv" in both.output


def test_query_by_name_with_params(db: Path) -> None:
    answer = data(db, "query", "suppliers_of", "--param", "mineral=REEs")
    assert answer["parameters"] == {"mineral": "mineral:rare-earth-elements", "limit": 100}
    assert data(db, "query", "who-depends-on", "-p", "mineral=Dy")["rows"]
    bad = run(db, "query", "suppliers_of", "--param", "metal=Dy")
    assert bad.exit_code == 1
    assert "has no parameter metal" in bad.output
    unknown = run(db, "query", "nope")
    assert unknown.exit_code == 1
    assert "no canned query 'nope'" in unknown.output
    malformed = run(db, "query", "chokepoints", "--param", "threshold=high")
    assert malformed.exit_code == 1
    assert "expects a float" in malformed.output


def test_unknown_and_ambiguous_names(db: Path) -> None:
    result = run(db, "suppliers-of", "dysprosum")
    assert result.exit_code == 1
    assert "No mineral or commodity named 'dysprosum'" in result.output
    assert "Did you mean: Dysprosium" in result.output
    assert "Traceback" not in result.output


def test_injection_strings_are_only_ever_names(db: Path) -> None:
    before = snapshot(db)
    verbs: list[tuple[str, ...]] = [
        ("who-depends-on", "{}"),
        ("suppliers-of", "{}"),
        ("profile", "{}"),
        ("path", "{}", "China"),
        ("timeline", "{}"),
        ("sources", "{}"),
        ("agreements", "{}"),
    ]
    # Every string through `query NAME --param`, and the verbs in turn.
    cases: list[tuple[str, ...]] = [
        ("query", "agreements_of", "--param", "party={}") for _ in INJECTIONS
    ]
    cases += verbs
    for n, args in enumerate(cases):
        text = INJECTIONS[n % len(INJECTIONS)]
        result = run(db, *(a.replace("{}", text) for a in args))
        assert result.exit_code == 1, (args, result.output)
        assert "named" in result.output
        assert "Traceback" not in result.output
    cypher = run(db, "cypher", "MATCH (n:Mineral) WHERE n.id = $x RETURN n.id AS id",
                 "--param", f"x={INJECTIONS[1]}", "--json")  # fmt: skip
    assert cypher.exit_code == 0
    assert json.loads(cypher.stdout)["rows"] == []
    assert snapshot(db) == before


def test_cypher_is_read_only_unless_asked(db: Path) -> None:
    before = snapshot(db)
    for text in (
        "MATCH (n) DETACH DELETE n",
        "MATCH (n:Country) SET n.status = 'gone'",
        "CREATE (n:Country {id: 'x'})",
        "MATCH (n) /* harmless? */ REMOVE n.status",
        "COPY Country FROM 'x.csv'",
        "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})",
    ):
        result = run(db, "cypher", text)
        assert result.exit_code == 1, text
        assert "--write" in result.output
        assert "Traceback" not in result.output
    quoted = run(db, "cypher",
                 "MATCH (n:Country) WHERE n.name <> 'delete me' // set nothing\n"
                 "RETURN count(n) AS countries", "--json")  # fmt: skip
    assert json.loads(quoted.stdout)["rows"] == [{"countries": 5}]
    assert snapshot(db) == before
    written = run(db, "cypher", "MATCH (n:Country {id: $id}) SET n.status = $s RETURN n.id AS id",
                  "--param", "id=country:japan", "--param", "s=watched", "--write")  # fmt: skip
    assert written.exit_code == 0, written.output
    after = data(db, "profile", "Japan")["rows"][0]["properties"]["status"]
    assert after == "watched"


def test_help_has_an_example_on_every_query_verb() -> None:
    verbs = [
        "who-depends-on", "suppliers-of", "chokepoints", "agreements", "partners-of",
        "leaders-of", "profile", "path", "exposure", "timeline", "conflicts", "sources",
        "queries", "query", "cypher",
    ]  # fmt: skip
    for verb in verbs:
        result = runner.invoke(app, [verb, "--help"])
        assert result.exit_code == 0, verb
        assert "Example" in result.stdout, verb
