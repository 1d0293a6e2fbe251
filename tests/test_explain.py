"""`reegraph explain`: names, documents, and every claim with its evidence and rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reegraph.cli import app
from reegraph.errors import UnknownEntityError
from reegraph.explain import explain
from reegraph.model import GraphBundle


def test_explain_lists_aliases_documents_and_evidenced_claims(seed_bundle: GraphBundle) -> None:
    result = explain(seed_bundle, "Takaichi")
    assert result.name == "Sanae Takaichi"
    assert {"000", "002", "004"} <= {d["document"] for d in result.documents}
    leads = [r for r in result.relations if r["type"] == "LEADS" and r["target"] == "Japan"]
    assert leads
    evidence = leads[0]["evidence"]
    assert all(ev["rule"] and ev["sentence"] for ev in evidence)
    assert any("Takaichi" in ev["sentence"] for ev in evidence)


def test_explain_suggests_close_names(seed_bundle: GraphBundle) -> None:
    with pytest.raises(UnknownEntityError, match="Takaichi"):
        explain(seed_bundle, "Takaichy")


def test_explain_command_prints_json(seed_db: Path) -> None:
    result = CliRunner().invoke(app, ["explain", "JOGMEC", "--db", str(seed_db), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["label"] == "Organization"
    assert any(r["type"] == "PARTNERS_WITH" for r in data["relations"])
