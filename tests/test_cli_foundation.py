"""The main job end to end through the real CLI, on real files and a real database."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reegraph.cli import app
from reegraph.model import GraphBundle

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "ingest" / "articles"
DIRECT = {"Clean energy technologies", "Advanced electronics", "Defense"}


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "250"})
    return result.exit_code, result.stdout, result.stderr


def counts(db: Path) -> dict[str, object]:
    code, out, err = invoke("stats", "--db", db, "--json")
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def test_demo_ingests_answers_and_writes_a_view(tmp_path: Path) -> None:
    db, html = tmp_path / "demo.lbdb", tmp_path / "demo.html"
    code, out, err = invoke("demo", "--db", db, "--output", html)
    assert code == 0, err
    assert "Ingested 5 new" in out
    for sector in DIRECT:
        assert sector in out
    page = html.read_text(encoding="utf-8")
    assert "vis.Network" in page
    assert "<script src=" not in page
    assert '<link rel="stylesheet" href=' not in page
    assert "Next:" in out
    focus = html.with_name("demo-dysprosium.html").read_text(encoding="utf-8")
    assert "Dysprosium" in focus


@pytest.mark.parametrize("spelling", ["dysprosium", "Dysprosium", "Dy", "mineral:dysprosium"])
def test_who_depends_on_dysprosium(seed_db: Path, spelling: str) -> None:
    code, out, err = invoke("who-depends-on", spelling, "--db", seed_db, "--json")
    assert code == 0, err
    answer = json.loads(out)
    assert answer["mineral"] == "Dysprosium"
    direct = {r["dependent"]: r for r in answer["dependents"] if not r["inferred"]}
    assert set(direct) >= DIRECT
    for sector in DIRECT:
        row = direct[sector]
        assert "000" in row["documents"]
        assert any("dysprosium" in s for s in row["sentences"])
    inferred = {r["dependent"] for r in answer["dependents"] if r["inferred"]}
    assert {"Electric vehicles", "Wind turbines", "Permanent magnets"} <= inferred
    assert any(r["supplier"] == "China" for r in answer["supply"])


def test_unknown_mineral_suggests_close_matches(seed_db: Path) -> None:
    code, _out, err = invoke("who-depends-on", "dysprosim", "--db", seed_db)
    assert code == 1
    assert "Dysprosium" in err
    assert "Did you mean" in err
    assert len(err.strip().splitlines()) == 1


def test_reingesting_the_same_articles_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "g.lbdb"
    assert invoke("ingest", ARTICLES, "--db", db)[0] == 0
    before = counts(db)
    code, out, _ = invoke("ingest", ARTICLES, "--db", db)
    assert code == 0
    assert "5 unchanged" in out
    assert counts(db) == before


def test_a_changed_article_replaces_its_facts(tmp_path: Path) -> None:
    db, article = tmp_path / "g.lbdb", tmp_path / "000.txt"
    source = next(ARTICLES.glob("000-*.txt")).read_text(encoding="utf-8")
    article.write_text(source, encoding="utf-8")
    assert invoke("ingest", article, "--db", db)[0] == 0
    key = "vital inputs for clean energy technologies"
    assert key in json.dumps(export(db))
    article.write_text(source.replace(key, "inputs"), encoding="utf-8")
    code, out, _ = invoke("ingest", article, "--db", db)
    assert code == 0
    assert "1 changed" in out
    assert key not in json.dumps(export(db))


def export(db: Path) -> dict[str, object]:
    out = db.with_suffix(".json")
    code, _, err = invoke("export", "--format", "json", "--output", out, "--db", db)
    assert code == 0, err
    data: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return data


def test_bad_files_are_reported_and_good_ones_still_ingested(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", tmp_path / "g.lbdb"
    folder.mkdir()
    shutil.copy(next(ARTICLES.glob("001-*.txt")), folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (folder / "latin1.txt").write_bytes("Résumé of the day\nCafé".encode("latin-1"))
    code, out, err = invoke("ingest", folder, "--db", db)
    assert code == 1
    assert "Traceback" not in err
    skipped = [line for line in err.splitlines() if line.startswith("Skipped:")]
    assert len(skipped) == 3
    assert any("empty" in s for s in skipped)
    assert any("binary" in s for s in skipped)
    assert any("UTF-8" in s for s in skipped)
    assert "Ingested 1 new" in out
    assert counts(db)["nodes"]["Document"] == 1  # type: ignore[index]


def test_export_round_trips_through_the_model(seed_db: Path) -> None:
    data = export(seed_db)
    bundle = GraphBundle.from_export(data)
    stats = counts(seed_db)
    assert len(bundle.relations) == sum(stats["relations"].values())  # type: ignore[attr-defined]
    assert {d["id"] for d in data["documents"]} == {"000", "001", "002", "003", "004"}  # type: ignore[index]


def test_graphml_export_is_readable_by_networkx(seed_db: Path, tmp_path: Path) -> None:
    import networkx as nx

    out = tmp_path / "g.graphml"
    assert invoke("export", "-f", "graphml", "-o", out, "--db", seed_db)[0] == 0
    graph = nx.read_graphml(out)
    assert graph.nodes["mineral:dysprosium"]["name"] == "Dysprosium"


def test_real_process_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "reegraph"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "reegraph"]
    result = subprocess.run(
        [*command, "who-depends-on", "dysprosium", "--db", str(tmp_path / "none.lbdb")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "reegraph demo" in result.stderr
