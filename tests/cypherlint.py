"""Test-side harness: lint Cypher with Neo4j's own Cypher front end.

Runs ``tests/cypher_lint/lint.mjs`` (npm package ``@neo4j-cypher/language-support``,
function ``lintCypherQuery``, Cypher 5 dialect) under node. Install once with::

    npm ci --prefix tests/cypher_lint

Each statement is ``{"name": str, "query": str, "parameters": {"p": <example value>}}``;
every ``$p`` a query uses must be declared in ``parameters`` (any JSON value,
including ``None``). The optional schema ``{"labels": [...], "relationshipTypes": [...],
"propertyKeys": [...]}`` enables warnings for labels/relationship types that are
read (MATCH, WHERE, ...) but not declared; see ``lint.mjs`` for the details.

A diagnostic is ``{"message": str, "severity": "error" | "warning" | "information" |
"hint", "line": int, "column": int}`` (1-based). Tests should require zero
diagnostics of any severity.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

LINT_DIR = Path(__file__).parent / "cypher_lint"

_PACKAGE = "@neo4j-cypher/language-support"
_INSTALL_HINT = "run `npm ci --prefix tests/cypher_lint`"
_MIN_NODE_MAJOR = 20
_TIMEOUT_S = 600

Diagnostic = dict[str, Any]


def _pinned_version() -> str | None:
    try:
        manifest = json.loads((LINT_DIR / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    version = manifest.get("dependencies", {}).get(_PACKAGE)
    return version if isinstance(version, str) else None


def _installed_version() -> str | None:
    manifest_path = LINT_DIR / "node_modules" / _PACKAGE / "package.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    version = manifest.get("version")
    return version if isinstance(version, str) else None


def linter_available() -> str | None:
    """Return None if the linter can run, else a human-readable reason."""
    node = shutil.which("node")
    if node is None:
        return f"node not on PATH (need node >= {_MIN_NODE_MAJOR}), then {_INSTALL_HINT}"
    try:
        out = subprocess.run(
            [node, "--version"], capture_output=True, text=True, timeout=30, check=True
        ).stdout.strip()
        major = int(out.lstrip("v").split(".")[0])
    except (OSError, subprocess.SubprocessError, ValueError):
        return "could not determine the node version (`node --version` failed)"
    if major < _MIN_NODE_MAJOR:
        return f"node {out} is too old, need >= {_MIN_NODE_MAJOR}"
    installed = _installed_version()
    if installed is None:
        return f"{_PACKAGE} is not installed: {_INSTALL_HINT}"
    pinned = _pinned_version()
    if pinned is not None and installed != pinned:
        return f"{_PACKAGE} {installed} is installed but {pinned} is pinned: {_INSTALL_HINT}"
    return None


def lint_statements(
    statements: list[dict[str, Any]], schema: dict[str, Any] | None = None
) -> dict[str, list[Diagnostic]]:
    """Lint a batch of statements in one node run; return name -> diagnostics."""
    payload: dict[str, Any] = {"statements": statements}
    if schema is not None:
        payload["schema"] = schema
    node = shutil.which("node") or "node"
    try:
        proc = subprocess.run(
            [node, str(LINT_DIR / "lint.mjs")],
            input=json.dumps(payload),
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=LINT_DIR,
            timeout=_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise RuntimeError(f"could not run node lint.mjs: {exc}") from exc
    if proc.returncode != 0:
        raise RuntimeError(f"node lint.mjs exited with {proc.returncode}:\n{proc.stderr.strip()}")
    try:
        results = json.loads(proc.stdout)
        return {item["name"]: item["diagnostics"] for item in results}
    except (ValueError, KeyError, TypeError) as exc:
        raise RuntimeError(
            f"unexpected output from node lint.mjs: {exc}\n"
            f"stdout: {proc.stdout[:2000]}\nstderr: {proc.stderr.strip()}"
        ) from exc


def format_diagnostics(results: dict[str, list[Diagnostic]]) -> str:
    """Render the non-empty entries of lint_statements' result for assertion messages."""
    lines = [
        f"{name}:{d['line']}:{d['column']}: {d['severity']}: {d['message']}"
        for name, diagnostics in results.items()
        for d in diagnostics
    ]
    return "\n".join(lines)


def require_linter() -> None:
    """Fail (when $CI is set) or skip the calling test if the linter cannot run."""
    reason = linter_available()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"Cypher linter unavailable in CI: {reason}", pytrace=False)
    pytest.skip(f"Cypher linter unavailable: {reason}")
