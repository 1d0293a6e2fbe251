"""Reading article files: front matter, encodings and every kind of bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from reegraph.corpus import read_article
from reegraph.errors import FrontMatterError, InputError
from reegraph.ingest import read_documents

ARTICLE = "---\nid: a1\ntitle: A title\npublished: 2025-10-29\nsource: Wire\n---\nBody text here.\n"


def test_front_matter_is_read_and_offsets_point_into_the_body(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = read_article(path)
    assert (doc.id, doc.title, doc.published, doc.source) == ("a1", "A title", "2025-10-29", "Wire")
    assert doc.text == "Body text here.\n"
    assert len(doc.sha256) == 64


def test_without_front_matter_the_first_line_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "no-meta.txt"
    path.write_text("\n\n  Headline of the day\nSource: X Published: 10/29/2025\nBody.", "utf-8")
    doc = read_article(path)
    assert doc.title == "Headline of the day"
    assert doc.id == "no-meta"
    assert doc.published == "2025-10-29"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Caf\u00e9 au lait".encode("latin-1"), "not valid UTF-8"),
        (b"---\ntitle: [unclosed\n---\nBody", "malformed YAML front matter"),
        (b"---\n- a list\n---\nBody", "must be a mapping"),
        (b"---\ntitle: x\n", "never closed"),
        (b"---\ntitle: only meta\n---\n", "no text"),
    ],
)
def test_bad_input_is_refused_with_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        read_article(path)
    assert "\n" not in str(caught.value)
    assert str(path) in str(caught.value)


def test_front_matter_errors_are_input_errors() -> None:
    assert issubclass(FrontMatterError, InputError)


def test_huge_files_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REEGRAPH_MAX_BYTES", "100")
    path = tmp_path / "huge.txt"
    path.write_text("word " * 100, encoding="utf-8")
    with pytest.raises(InputError, match="over the 100-byte limit"):
        read_article(path)


def test_a_folder_keeps_good_files_and_reports_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    docs, skipped = read_documents([tmp_path, tmp_path / "missing.txt"])
    assert [d.id for d in docs] == ["a1"]
    reasons = sorted(s.reason for s in skipped)
    assert any("empty" in r for r in reasons)
    assert any("no such file" in r for r in reasons)
    assert len(skipped) == 2
