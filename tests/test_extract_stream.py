"""Extraction in chunks and in worker processes gives the same graph as one pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reegraph.corpus import read_article
from reegraph.extract.pipeline import Extractor
from reegraph.model import Document, GraphBundle

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(ROOT / "ingest/lexicon")


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return [read_article(p) for p in sorted((ROOT / "ingest/articles").glob("*.txt"))]


def dump(bundle: GraphBundle) -> tuple[list[str], list[str]]:
    return (
        sorted(e.model_dump_json() for e in bundle.entities),
        sorted(r.model_dump_json() for r in bundle.relations),
    )


def test_workers_give_the_same_bundle(extractor: Extractor, docs: list[Document]) -> None:
    one = extractor.extract(docs)
    two = extractor.extract(docs, workers=2)
    assert len(one.relations) > 300
    assert dump(two) == dump(one)
    assert [d.id for d in two.documents] == [d.id for d in one.documents]


def test_stream_yields_one_valid_bundle_per_chunk(
    extractor: Extractor, docs: list[Document]
) -> None:
    bundles = list(extractor.extract_stream(docs, chunk=2))
    assert [[d.id for d in b.documents] for b in bundles] == [
        [d.id for d in docs[i : i + 2]] for i in range(0, len(docs), 2)
    ]
    for b in bundles:
        own = {d.id for d in b.documents} | {"lexicon:minerals"}
        assert b.relations
        assert all(ev.document in own for r in b.relations for ev in r.evidence)
    # One chunk holding every document is exactly the one-pass result.
    (whole,) = extractor.extract_stream(docs)
    assert dump(whole) == dump(extractor.extract(docs))


def test_stream_resolves_names_across_chunks(extractor: Extractor) -> None:
    first = Document(
        id="a", title="a", published="2025-11-01",
        text="Veltrana Minerals Ltd signed a supply contract, chief executive Ilse Marwood said.\n",
    )  # fmt: skip
    second = Document(
        id="b", title="b", published="2025-11-02",
        text="Ms. Marwood told reporters the company would expand its lithium refinery.\n",
    )  # fmt: skip
    a, b = extractor.extract_stream([first, second], chunk=1)
    person = next(e for e in a.entities if e.name == "Ilse Marwood")
    assert any(r.target == person.id and r.source == "b" for r in b.relations)


def test_cli_ingest_with_workers_stores_the_same_graph(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from reegraph.cli import app

    articles = ROOT / "ingest/articles"
    stats = {}
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.lbug"
        result = CliRunner().invoke(
            app, ["ingest", str(articles), "--db", str(db), "--workers", workers]
        )
        assert result.exit_code == 0, result.stderr
        assert "Ingested 5 new" in result.stdout
        out = CliRunner().invoke(app, ["stats", "--db", str(db), "--json"])
        stats[workers] = json.loads(out.stdout)
    assert stats["2"]["nodes"] == stats["1"]["nodes"]
    assert stats["2"]["relations"] == stats["1"]["relations"]
    bad = CliRunner().invoke(
        app, ["ingest", str(articles), "--db", str(tmp_path / "x"), "--workers", "0"]
    )
    assert bad.exit_code != 0
