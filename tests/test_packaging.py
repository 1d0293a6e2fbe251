"""The wheel carries cypher/ and ingest/ so an installed reegraph works anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    return next(out.glob("reegraph-*.whl"))


def test_wheel_ships_queries_lexicons_and_articles(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for query in (ROOT / "cypher").glob("*.cypher"):
        assert f"reegraph/_data/cypher/{query.name}" in names
    for lexicon in (ROOT / "ingest" / "lexicon").glob("*.yaml"):
        assert f"reegraph/_data/ingest/lexicon/{lexicon.name}" in names
    assert sum(n.startswith("reegraph/_data/ingest/articles/") for n in names) == 5
    assert "reegraph/templates/view.html" in names


def test_installed_package_finds_its_data_outside_the_repository(
    wheel: Path, tmp_path: Path
) -> None:
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from reegraph.queries import load_queries;"
        "from reegraph.resources import resource_dir;"
        "print(resource_dir('cypher')); print(sorted(load_queries()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(target) in result.stdout
    assert "who_depends_on" in result.stdout
