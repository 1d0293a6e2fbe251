"""Everything the package sends to Neo4j lints clean with Neo4j's own Cypher front end.

Linted against the schema derived from the model (labels, relationship types,
property keys): ``cypher/schema.cypher`` as one multi-statement file, every canned
query that Neo4j runs (dialect ``any`` or ``neo4j``, parameters from its header),
and every statement in ``reegraph.store.statements.all_statements()``.

The registry holds one MERGE per (type, source label, target label): ~500 statements
that differ only in the model's names. Linting costs ~0.5 s per statement, so one
statement per *shape* (text with model names blanked) is linted; names cannot change
a diagnostic because every one of them is declared in the schema given to the
linter. ``REEGRAPH_LINT_ALL=1`` lints every statement verbatim (~3 minutes).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from cypherlint import format_diagnostics, lint_statements, require_linter
from reegraph.model import RelationType, node_labels
from reegraph.queries import CannedQuery, load_queries, parse_query_file
from reegraph.store.schema import DOCUMENT_COLUMNS, ENTITY_COLUMNS, RELATION_COLUMNS
from reegraph.store.statements import Statement, all_statements, embedded_only_statements

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"
MODEL_NAMES = frozenset(node_labels()) | frozenset(t.value for t in RelationType)
SCHEMA: dict[str, Any] = {
    "labels": node_labels(),
    "relationshipTypes": [t.value for t in RelationType],
    "propertyKeys": sorted(set(ENTITY_COLUMNS) | set(DOCUMENT_COLUMNS) | set(RELATION_COLUMNS)),
}

_NAME_AFTER_COLON = re.compile(r":\s*(\w+(?:\s*\|\s*:?\s*\w+)*)")


def shape(text: str) -> str:
    """The text with every label and relationship type of the model blanked."""
    return re.sub(r":(\w+)", lambda m: ":_" if m[1] in MODEL_NAMES else m[0], text)


def statements_to_lint() -> list[Statement]:
    if os.environ.get("REEGRAPH_LINT_ALL"):
        return all_statements()
    by_shape: dict[str, Statement] = {}
    for statement in all_statements():
        by_shape.setdefault(shape(statement.text), statement)
    return list(by_shape.values())


def example_parameters(query: CannedQuery) -> dict[str, Any]:
    return query.lint_parameters()


def neo4j_queries() -> list[CannedQuery]:
    return [q for q in load_queries(CYPHER_DIR).values() if q.dialect in ("any", "neo4j")]


def named_labels_and_types(text: str) -> tuple[set[str], set[str]]:
    """Labels (``(n:Label)``) and relationship types (``[r:TYPE]``) a Cypher text names.

    Comments, string literals and map literals (``{id: row.id}``) are removed first:
    after that every ``:Name`` is a label or type, and the nearest open bracket
    tells which.
    """
    code = "\n".join(line.split("//", 1)[0] for line in text.splitlines())
    code = re.sub(r"'[^']*'|\"[^\"]*\"", "''", code)
    code = re.sub(r"\{[^{}]*\}", "{}", code)
    labels: set[str] = set()
    types: set[str] = set()
    for match in _NAME_AFTER_COLON.finditer(code):
        names = {n.strip(" :") for n in match[1].split("|")}
        in_relationship = code.rfind("[", 0, match.start()) > code.rfind("(", 0, match.start())
        (types if in_relationship else labels).update(names)
    return labels, types


@pytest.fixture(scope="module")
def diagnostics() -> dict[str, list[dict[str, Any]]]:
    require_linter()
    batch: list[dict[str, Any]] = [
        {"name": "cypher/schema.cypher", "query": (CYPHER_DIR / "schema.cypher").read_text()}
    ]
    batch += [
        {"name": f"cypher/{q.path.name}", "query": q.text, "parameters": example_parameters(q)}
        for q in neo4j_queries()
    ]
    batch += [
        {"name": s.name, "query": s.text, "parameters": s.parameters} for s in statements_to_lint()
    ]
    return lint_statements(batch, schema=SCHEMA)


def test_schema_file_lints_clean(diagnostics: dict[str, list[dict[str, Any]]]) -> None:
    found = {k: v for k, v in diagnostics.items() if k == "cypher/schema.cypher"}
    assert found == {"cypher/schema.cypher": []}, format_diagnostics(found)


def test_every_canned_query_lints_clean(diagnostics: dict[str, list[dict[str, Any]]]) -> None:
    found = {k: v for k, v in diagnostics.items() if k.startswith("cypher/")}
    assert len(found) == 1 + len(neo4j_queries()) >= 3
    assert all(v == [] for v in found.values()), format_diagnostics(found)


def test_every_registry_statement_lints_clean(
    diagnostics: dict[str, list[dict[str, Any]]],
) -> None:
    found = {k: v for k, v in diagnostics.items() if not k.startswith("cypher/")}
    assert len(found) == len(statements_to_lint())
    assert all(v == [] for v in found.values()), format_diagnostics(found)


def test_linting_by_shape_covers_every_registry_statement() -> None:
    linted = {shape(s.text) for s in statements_to_lint()}
    assert all(shape(s.text) in linted for s in all_statements())
    # The blanking only touches model names: a typo'd label would be its own shape.
    assert shape("MATCH (n:Minerall)-[:DEPENDS_ON]->(m:Mineral)") == (
        "MATCH (n:Minerall)-[:_]->(m:_)"
    )


def test_embedded_only_statements_stay_out_of_the_linted_registry() -> None:
    linted = {s.text for s in all_statements()}
    copies = embedded_only_statements()
    assert copies
    assert all(s.text.startswith("COPY ") for s in copies)
    assert not linted & {s.text for s in copies}
    assert not any(s.text.startswith(("COPY", "LOAD")) for s in all_statements())


def test_canned_query_parameters_are_declared_in_headers() -> None:
    for query in neo4j_queries():
        assert set(example_parameters(query)) == set(re.findall(r"\$(\w+)", query.text))


@pytest.mark.parametrize("path", sorted(CYPHER_DIR.glob("*.cypher")), ids=lambda p: p.name)
def test_cypher_files_name_only_model_labels_and_types(path: Path) -> None:
    labels, types = named_labels_and_types(path.read_text(encoding="utf-8"))
    # relation_sources finds any relationship by its key, so it names none.
    if path.name != "relation_sources.cypher":
        assert labels | types, f"{path.name} names no label or type: the parser missed them"
    assert labels <= set(node_labels()), f"unknown labels {labels - set(node_labels())}"
    known_types = {t.value for t in RelationType}
    assert types <= known_types, f"unknown relationship types {types - known_types}"


def test_label_parser_finds_labels_and_types_but_not_maps_or_comments() -> None:
    text = (
        "// param: mineral: string\n"
        "MATCH (m:Mineral {id: $x})-[:MEMBER_OF*0..3]->(g:Mineral|Commodity)\n"
        "MATCH (d)-[r:DEPENDS_ON|:PRODUCES]->(g) WHERE d.name = 'a:B'\n"
        "RETURN collect(DISTINCT {name: d.name}) AS x"
    )
    assert named_labels_and_types(text) == (
        {"Mineral", "Commodity"},
        {"MEMBER_OF", "DEPENDS_ON", "PRODUCES"},
    )
    assert named_labels_and_types("MATCH (n:Minerl) RETURN n")[0] == {"Minerl"}


def test_canned_query_files_parse() -> None:
    for path in sorted(CYPHER_DIR.glob("*.cypher")):
        if path.stem != "schema":
            assert parse_query_file(path).name
