"""Canned queries: finds ``cypher/*.cypher``, reads their headers, runs them on a store.

A file starts with ``//`` header lines::

    // name: who_depends_on
    // description: Who depends on a mineral, directly or through its groups.
    // param: mineral: string = dysprosium -- a mineral's name, alias, symbol or id
    // example: :param mineral => 'dysprosium'

Parameters are also read from the query text (``$mineral``), so a header can never
drift from the query it describes: a parameter used but not declared is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from reegraph.errors import QueryError
from reegraph.resources import resource_dir

HEADER = re.compile(r"^//\s*(\w+):\s*(.*)$")
PARAM_DECL = re.compile(r"^(\w+)\s*:\s*(\w+)(?:\s*=\s*([^-]*?))?\s*(?:--\s*(.*))?$")
PARAM_USE = re.compile(r"\$(\w+)")
_CASTS = {"string": str, "int": int, "float": float, "bool": lambda v: v.lower() == "true"}


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None = None
    help: str = ""

    def convert(self, raw: str) -> Any:
        try:
            return _CASTS[self.type](raw)
        except (KeyError, ValueError):
            raise QueryError(f"parameter {self.name} expects a {self.type}, got {raw!r}") from None


@dataclass(frozen=True)
class CannedQuery:
    name: str
    description: str
    text: str
    path: Path
    params: tuple[Param, ...] = ()
    dialect: str = "any"
    example: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def bind(self, given: dict[str, str]) -> dict[str, Any]:
        """Typed parameter values from CLI strings, defaults filled, unknown names refused."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise QueryError(
                f"{self.name} has no parameter {', '.join(unknown)};"
                f" it takes: {', '.join(known) or 'none'}"
            )
        values: dict[str, Any] = {}
        for name, param in known.items():
            raw = given.get(name, param.default)
            values[name] = None if raw in (None, "", "null") else param.convert(str(raw))
        return values


def parse_query_file(path: Path) -> CannedQuery:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        match = HEADER.match(line.strip())
        if not line.strip().startswith("//"):
            break
        if not match:
            continue
        key, value = match[1], match[2].strip()
        if key == "param":
            decl = PARAM_DECL.match(value)
            if not decl:
                raise QueryError(f"{path.name}: cannot read parameter line {value!r}")
            params.append(Param(decl[1], decl[2], (decl[3] or "").strip() or None, decl[4] or ""))
        else:
            meta[key] = value
    name = meta.pop("name", path.stem)
    used = set(PARAM_USE.findall(_strip_comments(text)))
    declared = {p.name for p in params}
    if used != declared:
        raise QueryError(
            f"{path.name}: parameters used {sorted(used)} but declared {sorted(declared)}"
        )
    return CannedQuery(
        name=name,
        description=meta.pop("description", ""),
        text=text,
        path=path,
        params=tuple(params),
        dialect=meta.pop("dialect", "any"),
        example=meta.pop("example", ""),
        extra=meta,
    )


def _strip_comments(text: str) -> str:
    return "\n".join(line.split("//", 1)[0] for line in text.splitlines())


@cache
def load_queries(directory: Path | None = None) -> dict[str, CannedQuery]:
    """Every canned query, by name. Files for one dialect only are keyed ``name@dialect``."""
    directory = directory or resource_dir("cypher")
    found: dict[str, CannedQuery] = {}
    for path in sorted(directory.glob("*.cypher")):
        if path.stem == "schema":
            continue
        query = parse_query_file(path)
        key = query.name if query.dialect == "any" else f"{query.name}@{query.dialect}"
        found[key] = query
    return found


def get_query(name: str, dialect: str = "embedded") -> CannedQuery:
    """The query called ``name`` for a backend's dialect (a dialect-specific file wins)."""
    queries = load_queries()
    query = queries.get(f"{name}@{dialect}") or queries.get(name)
    if query is None:
        names = sorted({k.split("@")[0] for k in queries})
        raise QueryError(f"no canned query {name!r}; available: {', '.join(names)}")
    return query
