"""The analyst's questions: resolve names, run a canned query, return an answer of plain rows.

Names are resolved here, in Python, before a query runs: a canned query then only
ever receives ids, and every value travels as a query parameter.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from reegraph.errors import QueryError
from reegraph.names import NamedEntity, find_entity
from reegraph.queries import CannedQuery, Param, check_read_only, get_query
from reegraph.store.base import CypherStore

Row = dict[str, Any]
RELATION_KEY = re.compile(r"^[0-9a-f]{16}$")


@dataclass
class Answer:
    """What a question returned: the query, the values it ran with, and its rows."""

    query: str
    description: str
    parameters: dict[str, Any]
    rows: list[Row]
    resolved: dict[str, NamedEntity] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "parameters": self.parameters,
            "resolved": {
                k: {"id": e.id, "name": e.name, "label": e.label} for k, e in self.resolved.items()
            },
            "rows": self.rows,
        }


def _kind(param: Param) -> str:
    labels = param.entity_labels or ()
    if len(labels) == 1:
        return labels[0]
    return "entity" if len(labels) > 4 else " or ".join(label.lower() for label in labels)


def resolve_parameters(
    store: CypherStore, query: CannedQuery, given: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, NamedEntity]]:
    """Bound parameter values, with every entity name replaced by the entity's id."""
    values = query.bind(given)
    resolved: dict[str, NamedEntity] = {}
    for param in query.params:
        raw, labels = values[param.name], param.entity_labels
        if raw is None or labels is None:
            continue
        entity = find_entity(store, labels, raw, _kind(param))
        values[param.name] = entity.id
        resolved[param.name] = entity
    return values, resolved


def ask(store: CypherStore, name: str, given: dict[str, Any] | None = None) -> Answer:
    """Run the canned query ``name`` with names resolved; rows in the header's order."""
    ref = (given or {}).get("ref")
    if name == "sources" and isinstance(ref, str) and RELATION_KEY.match(ref):
        # `sources` of a relation's key: the query for one relation.
        extra = {k: v for k, v in (given or {}).items() if k not in ("ref", "limit")}
        return ask(store, "relation_sources", {"key": ref, **extra})
    query = get_query(name, store.dialect)
    given = dict(given or {})
    # A query without a limit of its own (one relation's sources) is cut here.
    cap = None if "limit" not in given or query.has_param("limit") else given.pop("limit")
    values, resolved = resolve_parameters(store, query, given)
    rows = run_question(store, query, values)
    if cap is not None:
        rows = rows[: int(cap)]
    return Answer(query.name, query.description, values, rows, resolved)


def run_question(store: CypherStore, query: CannedQuery, values: dict[str, Any]) -> list[Row]:
    """Rows of a canned query run with bound values (ids), completed by the queries
    that answer the rest of its question, in the header's order."""
    rows = query.finish(store.run(query.anchored(values), values))
    complete = _COMPLETIONS.get(query.name)
    return complete(store, rows, values) if complete else rows


def _with_neighbours(store: CypherStore, rows: list[Row], values: dict[str, Any]) -> list[Row]:
    """A profile with its neighbours: collected in the profile query itself they would
    be regrouped by every list before them (seconds for a hub such as China)."""
    if not rows:
        return rows
    neighbours = get_query("neighbours", store.dialect)
    links = neighbours.finish(store.run(neighbours.anchored(values), values))
    row = dict(rows[0])
    documents = row.pop("documents")
    row["outgoing"] = [link for link in links if link["direction"] == "out"]
    row["incoming"] = [link for link in links if link["direction"] == "in"]
    row["documents"] = documents
    return [row]


# Questions one canned query starts and others complete, joined here.
_COMPLETIONS = {"profile": _with_neighbours}


def run_cypher(
    store: CypherStore, text: str, parameters: dict[str, str], *, write: bool = False
) -> Answer:
    """Ad-hoc Cypher, refused when it could write unless ``write`` is set."""
    if not text.strip():
        raise QueryError("empty query")
    if not write:
        check_read_only(text)
    values = {k: parse_value(v) for k, v in parameters.items()}
    return Answer("cypher", text.strip(), values, store.run(text, values))


def parse_value(raw: str) -> Any:
    """A ``--param`` value: JSON numbers, booleans, null, lists and maps; else the string."""
    try:
        value = json.loads(raw)
    except ValueError:
        return raw
    return value if not isinstance(value, str) else raw


def parse_assignments(pairs: list[str]) -> dict[str, str]:
    """``["k=v", ...]`` from the command line into a dict."""
    found: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param expects NAME=VALUE, got {pair!r}")
        found[key.strip()] = value
    return found


def with_limit(params: dict[str, Any], limit: int | None) -> dict[str, Any]:
    """``params`` with a ``limit`` added when one is given."""
    return params if limit is None else {**params, "limit": limit}


def who_depends_on(store: CypherStore, mineral: str, limit: int | None = None) -> dict[str, Any]:
    """Dependents of a mineral (direct and inferred) and who controls its supply."""
    dependents = ask(store, "who_depends_on", with_limit({"mineral": mineral}, limit))
    target = dependents.resolved["mineral"]
    supply = ask(store, "suppliers_of", with_limit({"mineral": target.id}, limit))
    return {
        "mineral": target.name,
        "id": target.id,
        "dependents": dependents.rows,
        "supply": supply.rows,
    }


def agreements(store: CypherStore, name: str, limit: int | None = None) -> Answer:
    """Agreements covering a mineral, or those of a country, person or organisation."""
    covering = get_query("agreements_covering", store.dialect).param("mineral")
    party = get_query("agreements_of", store.dialect).param("party")
    labels = (covering.entity_labels or ()) + (party.entity_labels or ())
    entity = find_entity(store, labels, name, "mineral, country, person or organisation")
    if entity.label in (covering.entity_labels or ()):
        return ask(store, "agreements_covering", with_limit({"mineral": entity.id}, limit))
    return ask(store, "agreements_of", with_limit({"party": entity.id}, limit))


def run_canned(store: CypherStore, name: str, params: dict[str, Any]) -> list[Row]:
    """Rows of the canned query ``name`` (names in ``params`` resolved to ids first)."""
    return ask(store, name, params).rows
