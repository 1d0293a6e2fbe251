"""Canned queries: finds ``cypher/*.cypher``, reads their headers, runs them on a store.

A file starts with ``//`` header lines::

    // name: who_depends_on
    // description: Who depends on a mineral, directly or through its groups.
    // param: mineral: entity(Mineral|Commodity) = dysprosium -- a mineral's name or id
    // example: :param mineral => 'dysprosium'
    // order: inferred, label, dependent

``param`` lines read ``NAME: TYPE [= DEFAULT] [-- help]``. TYPE is ``string``, ``int``,
``float``, ``bool``, ``entity`` (any entity: the caller resolves a typed name to an
id first) or ``entity(Label|Label)`` (an entity of those labels). ``= null`` makes a
parameter optional.

``order`` names the columns rows are sorted by after the query ran (``-column`` for
descending): Cypher cannot order a whole ``UNION`` the same way in both engines, so
the runner does it, and drops the rows that ``UNION ALL`` branches both returned. A
``limit`` parameter bounds each kind of answer: every ``UNION`` branch ranks its own
rows (``ORDER BY`` the strongest first) and keeps ``$limit`` of them, so a hub's answer
stays small and Neo4j Browser shows the same rows.
``sets`` names the list columns that are sets (gathered with ``collect(DISTINCT ...)``):
an engine returns their items in whatever order its plan gives, which differs between
Neo4j and the embedded engine and from one plan to the next, so the runner sorts them.
``dialect: neo4j|embedded`` marks a file written for one engine only; its twin for the
other engine has the same ``name`` and says ``why`` in its header.

Parameters are also read from the query text (``$mineral``), so a header can never
drift from the query it describes: a parameter used but not declared is an error.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from reegraph.errors import QueryError
from reegraph.model import Label, label_of_id
from reegraph.resources import resource_dir

HEADER = re.compile(r"^//\s*(\w+):\s*(.*)$")
PARAM_DECL = re.compile(
    r"^(?P<name>\w+)\s*:\s*(?P<type>\w+(?:\([\w|]+\))?)"
    r"(?:\s*=\s*(?P<default>.*?))?\s*(?:--\s*(?P<help>.*))?$"
)
PARAM_USE = re.compile(r"\$(\w+)")
_UNION_ALL = re.compile(r"\bUNION\s+ALL\b", re.IGNORECASE)
ENTITY_TYPE = re.compile(r"^entity(?:\((?P<labels>[\w|]+)\))?$")
_CASTS: dict[str, Any] = {
    "string": str,
    "int": int,
    "float": float,
    "bool": lambda v: {"true": True, "false": False}[v.lower()],
}
# Example values handed to linters for parameters whose default is null.
_SAMPLES: dict[str, Any] = {"string": "x", "int": 1, "float": 0.5, "bool": True}

Row = dict[str, Any]


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None = None
    help: str = ""

    @property
    def optional(self) -> bool:
        return self.default is None

    @property
    def entity_labels(self) -> tuple[str, ...] | None:
        """Labels an entity parameter resolves to; None for plain values."""
        match = ENTITY_TYPE.match(self.type)
        if not match:
            return None
        if match["labels"]:
            return tuple(match["labels"].split("|"))
        return tuple(label.value for label in Label)

    @property
    def base_type(self) -> str:
        return "string" if self.entity_labels is not None else self.type

    def convert(self, raw: str) -> Any:
        try:
            return _CASTS[self.base_type](raw)
        except (KeyError, ValueError):
            raise QueryError(
                f"parameter {self.name} expects a {self.base_type}, got {raw!r}"
            ) from None

    def sample(self) -> Any:
        """An example value (the default, or a typed placeholder) for linting."""
        return self.convert(self.default) if self.default else _SAMPLES[self.base_type]


@dataclass(frozen=True)
class CannedQuery:
    name: str
    description: str
    text: str
    path: Path
    params: tuple[Param, ...] = ()
    dialect: str = "any"
    example: str = ""
    order: tuple[str, ...] = ()
    sets: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)

    def has_param(self, name: str) -> bool:
        return any(param.name == name for param in self.params)

    def param(self, name: str) -> Param:
        for param in self.params:
            if param.name == name:
                return param
        raise QueryError(f"{self.name} has no parameter {name}")

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
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
            if raw is None or raw in ("", "null"):
                values[name] = None
            elif isinstance(raw, str):
                values[name] = param.convert(raw)
            else:
                values[name] = param.convert(
                    str(raw).lower() if isinstance(raw, bool) else str(raw)
                )
        return values

    def sort(self, rows: list[Row]) -> list[Row]:
        """Rows in the header's ``order`` (nulls first, lists and maps by their text);
        rows the order ties stay in one order whatever the engine returned them in. A
        query with no ``order`` line keeps the order its own ``ORDER BY`` gave."""
        return self._ordered([(_row_key(row), row) for row in rows])

    def finish(self, rows: list[Row]) -> list[Row]:
        """The answer from the rows the query returned: rows repeated across ``UNION
        ALL`` branches once, in the header's order, set columns sorted."""
        if self.sets:
            rows = [self._sorted_sets(row) for row in rows]
        if not self.order and not self.has_union:
            return list(rows)
        keyed = [(_row_key(row), row) for row in rows]  # one key, for both uses
        if self.has_union:
            first: dict[str, Row] = {}
            for key, row in keyed:
                first.setdefault(key, row)
            keyed = list(first.items())
        return self._ordered(keyed)

    @cached_property
    def has_union(self) -> bool:
        return bool(_UNION_ALL.search(_strip_comments(self.text)))

    def _ordered(self, keyed: list[tuple[str, Row]]) -> list[Row]:
        if not self.order:
            return [row for _, row in keyed]
        keyed.sort(key=lambda pair: pair[0])
        ordered = [row for _, row in keyed]
        # Stable sorts from the last column to the first: each may run either way.
        for column in reversed(self.order):
            name = column.lstrip("-")
            ordered.sort(key=lambda r: _sort_key(r.get(name)), reverse=column.startswith("-"))
        return ordered

    def _sorted_sets(self, row: Row) -> Row:
        return {
            column: sorted(value, key=lambda item: (_sort_key(item), str(item)))
            if column in self.sets and isinstance(value, list)
            else value
            for column, value in row.items()
        }

    def anchored(self, values: dict[str, Any]) -> str:
        """The query as the runner sends it: a node anchored on an entity-id parameter
        (``WHERE m.id = $mineral``) is matched under the one label its id names
        (``mineral:dysprosium``) instead of every label the file lists. The answer is
        the same (ids are unique and carry their label); the embedded engine then finds
        the node by its primary key rather than scanning each listed table (0.2 ms
        instead of 6 ms at 100k entities) and plans the rest from a single row."""
        anchors = tuple(
            (param.name, label)
            for param in self.params
            if param.entity_labels is not None
            and isinstance(values.get(param.name), str)
            and (label := label_of_id(values[param.name])) in param.entity_labels
        )
        return _narrow(self.text, anchors) if anchors else self.text

    def lint_parameters(self) -> dict[str, Any]:
        """``{param: example value}`` declaring every parameter to a Cypher linter."""
        return {p.name: p.sample() for p in self.params}


# ``WHERE x.id = $param`` as the whole condition or its first conjunct: an anchor.
_ANCHOR = re.compile(r"(?m)\bWHERE\s+\(?(\w+)\.id\s*=\s*\$(\w+)\)?\s*(?:$|AND\b)")
_BRANCH = re.compile(r"(?m)^\s*UNION(?:\s+ALL)?\s*$")


@cache
def _narrow(text: str, anchors: tuple[tuple[str, str], ...]) -> str:
    labels = dict(anchors)
    branches, cuts = _BRANCH.split(text), _BRANCH.findall(text)
    for i, branch in enumerate(branches):
        for var, param in _ANCHOR.findall(branch):
            if param in labels:
                pattern = re.compile(rf"\({var}:[\w|]+\)")
                branch = pattern.sub(f"({var}:{labels[param]})", branch)
        branches[i] = branch
    return "".join(b + (cuts[i] if i < len(cuts) else "") for i, b in enumerate(branches))


def _row_key(row: Row) -> str:
    return json.dumps(row, sort_keys=True, default=str, ensure_ascii=False, check_circular=False)


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (0, "")
    if isinstance(value, bool | int | float):
        return (1, float(value))
    return (2, str(value).lower())


def parse_query_file(path: Path) -> CannedQuery:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    params: list[Param] = []
    examples: list[str] = []
    for line in text.splitlines():
        if not line.strip().startswith("//"):
            break
        match = HEADER.match(line.strip())
        if not match:
            continue
        key, value = match[1], match[2].strip()
        if key == "param":
            params.append(_parse_param(path, value))
        elif key == "example":
            examples.append(value)
        else:
            meta[key] = value
    name = meta.pop("name", path.stem)
    used = set(PARAM_USE.findall(_strip_comments(text)))
    declared = {p.name for p in params}
    if used != declared:
        raise QueryError(
            f"{path.name}: parameters used {sorted(used)} but declared {sorted(declared)}"
        )
    order, sets = (_columns(meta.pop(key, "")) for key in ("order", "sets"))
    return CannedQuery(
        name=name,
        description=meta.pop("description", ""),
        text=text,
        path=path,
        params=tuple(params),
        dialect=meta.pop("dialect", "any"),
        example="\n".join(examples),
        order=order,
        sets=sets,
        extra=meta,
    )


def _columns(value: str) -> tuple[str, ...]:
    return tuple(column.strip() for column in value.split(",") if column.strip())


def _parse_param(path: Path, value: str) -> Param:
    decl = PARAM_DECL.match(value)
    if not decl:
        raise QueryError(f"{path.name}: cannot read parameter line {value!r}")
    kind = decl["type"]
    if kind not in _CASTS and not ENTITY_TYPE.match(kind):
        raise QueryError(f"{path.name}: unknown parameter type {kind!r}")
    default = (decl["default"] or "").strip().strip("'\"")
    param = Param(
        decl["name"], kind, None if default in ("", "null") else default, decl["help"] or ""
    )
    labels = param.entity_labels or ()
    unknown = sorted(set(labels) - {label.value for label in Label})
    if unknown:
        raise QueryError(f"{path.name}: parameter {param.name} names unknown labels {unknown}")
    return param


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
        if key in found:
            raise QueryError(f"{path.name}: a second query named {key!r}")
        found[key] = query
    return found


def query_names() -> list[str]:
    """Names of the canned queries, each once whatever its dialects."""
    return sorted({key.split("@")[0] for key in load_queries()})


def get_query(name: str, dialect: str = "embedded") -> CannedQuery:
    """The query called ``name`` for a backend's dialect (a dialect-specific file wins)."""
    queries = load_queries()
    query = queries.get(f"{name}@{dialect}") or queries.get(name)
    if query is None:
        hint = name.replace("-", "_")
        if hint != name and (f"{hint}@{dialect}" in queries or hint in queries):
            return get_query(hint, dialect)
        raise QueryError(f"no canned query {name!r}; available: {', '.join(query_names())}")
    return query


# -- ad-hoc Cypher ---------------------------------------------------------------

# Clauses that change the graph, the schema, files or settings in either engine.
WRITE_CLAUSES = (
    "CREATE",
    "MERGE",
    "SET",
    "DELETE",
    "DETACH",
    "REMOVE",
    "DROP",
    "COPY",
    "LOAD",
    "ALTER",
    "INSTALL",
    "UNINSTALL",
    "ATTACH",
    "IMPORT",
    "EXPORT",
    "CHECKPOINT",
    "FOREACH",
    "GRANT",
    "DENY",
    "REVOKE",
)
# Procedures that only read (both engines); any other CALL is refused.
READ_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
        "db.indexes",
        "db.index.fulltext.querynodes",
        "db.index.fulltext.queryrelationships",
        "db.constraints",
        "dbms.components",
        "show_tables",
        "table_info",
        "show_connection",
        "show_functions",
        "db_version",
    }
)
_LITERALS = re.compile(
    r"//[^\n]*|/\*.*?\*/|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`", re.DOTALL
)
# A keyword, not a property (`n.set`), parameter (`$delete`), label or map key.
_WRITE = re.compile(rf"(?<![\w.$:])\b({'|'.join(WRITE_CLAUSES)})\b(?!\s*:)", re.IGNORECASE)
_CALL = re.compile(r"(?<![\w.$:])\bCALL\b\s*(\{|[\w.]+)?", re.IGNORECASE)


def strip_literals(text: str) -> str:
    """Cypher text with comments, strings and quoted names blanked out."""
    return _LITERALS.sub(" ", text)


def check_read_only(text: str) -> None:
    """Refuse Cypher that could change anything; names in quotes may say anything."""
    code = strip_literals(text)
    if match := _WRITE.search(code):
        raise QueryError(
            f"{match[1].upper()} can change the graph; this runs read-only queries"
            " (add --write to allow changes)"
        )
    for call in _CALL.finditer(code):
        procedure = (call[1] or "").lower()
        if procedure != "{" and procedure not in READ_PROCEDURES:
            raise QueryError(
                f"CALL {call[1] or '(nothing)'} is not a known read-only procedure"
                " (add --write to allow it)"
            )


def describe_queries() -> list[dict[str, Any]]:
    """Name, description, parameters and dialects of every canned query, for listings."""
    listing: dict[str, dict[str, Any]] = {}
    for key, query in load_queries().items():
        entry = listing.setdefault(
            query.name,
            {
                "name": query.name,
                "description": query.description,
                "parameters": [
                    f"{p.name}: {p.type}{' (optional)' if p.optional else ''}" for p in query.params
                ],
                "dialects": [],
                "files": [],
            },
        )
        entry["dialects"] = sorted([*entry["dialects"], key.partition("@")[2] or "any"])
        entry["files"].append(query.path.name)
    return [listing[name] for name in sorted(listing)]
