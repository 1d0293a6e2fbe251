"""Tests of the Cypher lint harness itself (tests/cypherlint.py + tests/cypher_lint/).

Each node run costs ~1-2 s of start-up and warm-up, so the cases are linted in
two batches (with and without a schema) and the tests inspect the results.
"""

from __future__ import annotations

from typing import Any

import pytest

from cypherlint import format_diagnostics, lint_statements, require_linter

Diagnostics = list[dict[str, Any]]

SCHEMA: dict[str, Any] = {
    "labels": ["Mineral", "Country"],
    "relationshipTypes": ["MINED_IN"],
    "propertyKeys": ["id", "name", "aliases_text"],
}

PARAM_QUERY = "MATCH (n:Mineral) WHERE n.id = $id RETURN n.name AS name"

SCHEMA_FILE = (
    "// reegraph schema\n"
    "// second comment line\n"
    "CREATE CONSTRAINT mineral_id IF NOT EXISTS FOR (n:Mineral) REQUIRE n.id IS UNIQUE;\n"
    "\n"
    "/* block comment */\n"
    "CREATE INDEX mineral_name IF NOT EXISTS FOR (n:Mineral) ON (n.name); // trailing\n"
    "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS\n"
    "  FOR (n:Mineral|Country) ON EACH [n.name, n.aliases_text];\n"
)

# name -> (query, parameters or None for "no parameters key")
WITH_SCHEMA: dict[str, tuple[str, dict[str, Any] | None]] = {
    "param_declared": (PARAM_QUERY, {"id": "mineral:ndy"}),
    "param_declared_null": (PARAM_QUERY, {"id": None}),
    "param_undeclared": (PARAM_QUERY, {}),
    "param_no_key": (PARAM_QUERY, None),
    "syntax_error": ("MATCH (n:Mineral RETURN n", None),
    "semantic_error": ("MATCH (n:Mineral) RETURN m", None),
    "upsert": (
        (
            "UNWIND $rows AS row MERGE (n:Mineral {id: row.id}) "
            "ON CREATE SET n.name = row.name ON MATCH SET n.name = row.name"
        ),
        {"rows": [{"id": "mineral:ndy", "name": "Neodymium"}]},
    ),
    "constraint": (
        ("CREATE CONSTRAINT mineral_id IF NOT EXISTS FOR (n:Mineral) REQUIRE n.id IS UNIQUE"),
        None,
    ),
    "fulltext": (
        (
            "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS "
            "FOR (n:Mineral|Country) ON EACH [n.name, n.aliases_text]"
        ),
        None,
    ),
    "undeclared_read": ("MATCH (n:Nope)-[:NOPE_REL]->(m:Mineral) RETURN n", None),
    "undeclared_merge": ("MERGE (n:Nope {id: 1}) RETURN n", None),
    "undeclared_constraint": (
        "CREATE CONSTRAINT c IF NOT EXISTS FOR (n:Nope) REQUIRE n.id IS UNIQUE",
        None,
    ),
    "undeclared_property": ("MATCH (n:Mineral) RETURN n.no_such_key", None),
    "deprecated_id": ("MATCH (n:Mineral) WHERE id(n) = 1 RETURN n", None),
    "deprecated_call": ("CALL { MATCH (n:Mineral) RETURN n } RETURN n", None),
    "cartesian": ("MATCH (a:Mineral), (b:Country) RETURN a, b", None),
    "removed_syntax": ("CREATE CONSTRAINT ON (n:Mineral) ASSERT n.id IS UNIQUE", None),
    "schema_file": (SCHEMA_FILE, None),
    "schema_file_bad": (SCHEMA_FILE + "MATCH (n:Mineral RETURN n;\n", None),
}

WITHOUT_SCHEMA: dict[str, tuple[str, dict[str, Any] | None]] = {
    "undeclared_read": ("MATCH (n:Nope) RETURN n", None),
    "cypher25_only": ("LET x = 1 RETURN x", None),
    "cypher25_prefix": ("CYPHER 25 RETURN 1", None),
    "cypher5_prefix": ("CYPHER 5 RETURN 1", None),
    "comment_after_last": ("RETURN 1;\n// the end\n", None),
    "double_semicolon": ("RETURN 1;;", None),
    "comment_only": ("// only a comment", None),
    "empty": ("  \n", None),
}


def _statements(
    cases: dict[str, tuple[str, dict[str, Any] | None]],
) -> list[dict[str, Any]]:
    statements = []
    for name, (query, parameters) in cases.items():
        stmt: dict[str, Any] = {"name": name, "query": query}
        if parameters is not None:
            stmt["parameters"] = parameters
        statements.append(stmt)
    return statements


@pytest.fixture(scope="module")
def with_schema() -> dict[str, Diagnostics]:
    require_linter()
    return lint_statements(_statements(WITH_SCHEMA), schema=SCHEMA)


@pytest.fixture(scope="module")
def without_schema() -> dict[str, Diagnostics]:
    require_linter()
    return lint_statements(_statements(WITHOUT_SCHEMA))


def _messages(diagnostics: Diagnostics) -> list[str]:
    return [d["message"] for d in diagnostics]


def test_results_keyed_by_name_in_order(with_schema: dict[str, Diagnostics]) -> None:
    assert list(with_schema) == list(WITH_SCHEMA)


def test_declared_parameter_is_clean(with_schema: dict[str, Diagnostics]) -> None:
    assert with_schema["param_declared"] == []
    # Only presence matters; the example value (even null) is not type-checked.
    assert with_schema["param_declared_null"] == []


def test_undeclared_parameter_is_an_error(with_schema: dict[str, Diagnostics]) -> None:
    for name in ("param_undeclared", "param_no_key"):
        assert with_schema[name] == [
            {
                "message": "Parameter $id is not defined.",
                "severity": "error",
                "line": 1,
                "column": 32,
            }
        ]
    assert "param_undeclared:1:32: error: Parameter $id is not defined." in (
        format_diagnostics(with_schema)
    )


def test_syntax_error(with_schema: dict[str, Diagnostics]) -> None:
    diagnostics = with_schema["syntax_error"]
    assert len(diagnostics) >= 1
    first = diagnostics[0]
    assert first["severity"] == "error"
    assert first["message"].startswith("Invalid input 'RETURN'")
    assert (first["line"], first["column"]) == (1, 18)


def test_semantic_error(with_schema: dict[str, Diagnostics]) -> None:
    assert _messages(with_schema["semantic_error"]) == ["Variable `m` not defined"]


def test_neo4j5_statements_lint_clean(with_schema: dict[str, Diagnostics]) -> None:
    clean = {k: with_schema[k] for k in ("upsert", "constraint", "fulltext")}
    assert all(d == [] for d in clean.values()), format_diagnostics(clean)


def test_undeclared_label(
    with_schema: dict[str, Diagnostics], without_schema: dict[str, Diagnostics]
) -> None:
    # Real behaviour (language-support 2.0.0-next.20): a label or relationship
    # type that is *read* (MATCH, WHERE, ...) but not in the schema gives a
    # WARNING "Label Nope is not present in the database. ..."; warnings count
    # as failures for us. Labels a clause may create (CREATE/MERGE/SET) and
    # labels in schema commands (CREATE CONSTRAINT/INDEX) are never flagged,
    # and without a schema the check is off.
    diagnostics = with_schema["undeclared_read"]
    assert [(d["severity"], d["message"].split(" is not present")[0]) for d in diagnostics] == [
        ("warning", "Label Nope"),
        ("warning", "Relationship type NOPE_REL"),
    ]
    assert with_schema["undeclared_merge"] == []
    assert with_schema["undeclared_constraint"] == []
    assert without_schema["undeclared_read"] == []
    # Undeclared property keys are not flagged (propertyKeys only feed completion).
    assert with_schema["undeclared_property"] == []


def test_deprecations_and_notifications_are_warnings(
    with_schema: dict[str, Diagnostics],
) -> None:
    # id(): deprecated function; CALL {} without a scope clause: deprecated
    # in 5.x; disconnected MATCH patterns: cartesian-product notification.
    for name in ("deprecated_id", "deprecated_call", "cartesian"):
        assert [d["severity"] for d in with_schema[name]] == ["warning"], name


def test_removed_syntax_is_an_error(with_schema: dict[str, Diagnostics]) -> None:
    assert [d["severity"] for d in with_schema["removed_syntax"]] == ["error"]


def test_cypher5_dialect_enforced(without_schema: dict[str, Diagnostics]) -> None:
    # LET exists only in Cypher 25; the default dialect is Cypher 5.
    assert without_schema["cypher25_only"] != []
    # An explicit CYPHER 25 prefix would switch dialect; lint.mjs rejects it.
    assert _messages(without_schema["cypher25_prefix"]) == [
        "CYPHER 25 is not allowed: statements must be CYPHER 5 (Neo4j 5.26 LTS)."
    ]
    assert without_schema["cypher5_prefix"] == []


def test_multi_statement_file_with_comments(
    with_schema: dict[str, Diagnostics],
) -> None:
    # A schema.cypher-style file (leading // comments, a block comment,
    # several ;-separated statements) lints clean as one query string.
    assert with_schema["schema_file"] == []
    # An error in a later statement is reported at its line in the file.
    assert [d["line"] for d in with_schema["schema_file_bad"]] == [9]


def test_comment_after_last_statement_is_an_error(
    without_schema: dict[str, Diagnostics],
) -> None:
    # Real behaviour: text after the final ';' holding no statement (only a
    # comment) is parsed as an empty statement -> "Expected any of CYPHER,
    # EXPLAIN, PROFILE or a statement". Same for ';;' and comment-only input.
    expected = "Expected any of CYPHER, EXPLAIN, PROFILE or a statement"
    for name in ("comment_after_last", "double_semicolon", "comment_only"):
        assert without_schema[name], name
        assert without_schema[name][0]["message"] == expected, name


def test_empty_query_is_an_error(without_schema: dict[str, Diagnostics]) -> None:
    assert _messages(without_schema["empty"]) == ["Empty query."]


def test_bad_input_raises_with_stderr() -> None:
    require_linter()
    duplicate = [{"name": "x", "query": "RETURN 1"}, {"name": "x", "query": "RETURN 2"}]
    with pytest.raises(RuntimeError, match="duplicate statement name: x"):
        lint_statements(duplicate)
