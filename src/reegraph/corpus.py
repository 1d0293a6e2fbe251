"""Reading articles from disk: files and folders, front matter, encodings, limits.

Bad input raises :class:`~reegraph.errors.InputError` with a one-line message;
callers decide whether to skip the file or stop.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from reegraph.errors import FrontMatterError, InputError
from reegraph.extract.dates import normalise_date
from reegraph.model import Document, slugify

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
DEFAULT_MAX_BYTES = 5_000_000
FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
PUBLISHED_LINE = re.compile(r"Published:\s*([0-9][0-9/\-\.]+)", re.I)


@dataclass(frozen=True)
class Skipped:
    """A file that was not ingested, and why (one line)."""

    path: Path
    reason: str


def max_bytes() -> int:
    """Largest article accepted, from ``REEGRAPH_MAX_BYTES`` (default 5 MB)."""
    raw = os.environ.get("REEGRAPH_MAX_BYTES", "")
    return int(raw) if raw.isdigit() else DEFAULT_MAX_BYTES


def iter_article_paths(paths: list[Path]) -> Iterator[Path]:
    """Expand folders recursively into article files; explicit files are kept as given."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES and not hidden:
                    yield child
        elif path.exists():
            yield path
        else:
            raise InputError(f"{path}: no such file or folder")


def decode(path: Path, raw: bytes) -> str:
    """UTF-8 (with or without BOM); anything else is refused with the offending offset."""
    if not raw.strip():
        raise InputError(f"{path}: file is empty")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: looks like a binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start});"
            " re-save the file as UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(path: Path, text: str) -> tuple[dict[str, Any], str]:
    """Return (front matter mapping, body). Files without front matter get ``{}``."""
    match = FRONT_MATTER.match(text)
    if not match:
        if text.lstrip("\ufeff").startswith("---\n"):
            raise FrontMatterError(f"{path}: front matter opened with '---' but never closed")
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise FrontMatterError(f"{path}: malformed YAML front matter{where}") from None
    if not isinstance(meta, dict):
        raise FrontMatterError(f"{path}: front matter must be a mapping of key: value")
    return meta, text[match.end() :]


def _text_field(path: Path, meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, (dt.date, int, float)):
        return str(value)
    if not isinstance(value, str):
        raise FrontMatterError(f"{path}: front matter '{key}' must be text")
    return value.strip() or None


def _first_line(body: str) -> str:
    for line in body.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped[:300]
    return ""


def read_article(path: Path) -> Document:
    """Read one article file into a :class:`Document` (text kept verbatim for offsets)."""
    try:
        size = path.stat().st_size
        if size > max_bytes():
            raise InputError(
                f"{path}: {size:,} bytes is over the {max_bytes():,}-byte limit"
                " (set REEGRAPH_MAX_BYTES to raise it)"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    meta, body = split_front_matter(path, decode(path, raw))
    if not body.strip():
        raise InputError(f"{path}: article has no text after its front matter")
    title = _text_field(path, meta, "title") or _first_line(body)
    published = _text_field(path, meta, "published") or _text_field(path, meta, "date")
    if published is None:
        found = PUBLISHED_LINE.search(body[:2000])
        published = found.group(1) if found else None
    doc_id = _text_field(path, meta, "id") or slugify(path.stem)
    return Document(
        id=doc_id,
        title=title,
        published=normalise_date(published) if published else None,
        source=_text_field(path, meta, "source"),
        author=_text_field(path, meta, "author"),
        url=_text_field(path, meta, "url"),
        path=str(path),
        sha256=hashlib.sha256(raw).hexdigest(),
        text=body,
    )


def bundled_articles_dir() -> Path:
    """The sample corpus shipped with the package (``ingest/articles``)."""
    from reegraph.resources import resource_dir

    return resource_dir("ingest/articles")
