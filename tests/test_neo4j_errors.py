"""Neo4j failures without a server: one line naming the problem, non-zero exit, no traceback.

A closed local port stands in for a server that is down (the real CLI, in a
subprocess); a wrong password needs a server, so its mapping is tested directly.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j import exceptions as ne

from reegraph.errors import BackendUnavailable, ReegraphError, StoreError
from reegraph.settings import load_settings
from reegraph.store.neo4j import backend_error


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port  # closed again: nothing listens there


def reegraph(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    return subprocess.run(
        [sys.executable, "-m", "reegraph", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
        env=environment | env,
    )


@pytest.mark.parametrize(
    "command",
    [
        ["stats", "--backend", "neo4j"],
        ["load"],
        ["ingest", "--backend", "neo4j", "article.md"],
        ["who-depends-on", "dysprosium", "--backend", "neo4j"],
    ],
    ids=lambda c: c[0],
)
def test_server_down_is_one_line_naming_the_uri(tmp_path: Path, command: list[str]) -> None:
    uri = f"bolt://127.0.0.1:{closed_port()}"
    (tmp_path / "article.md").write_text("China restricts exports of dysprosium.\n")
    done = reegraph(*command, "--neo4j-uri", uri, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        f"Error: cannot reach Neo4j at {uri}; is the server running? Try `docker compose up -d`."
    ]


def test_uri_from_the_environment_and_the_flag_overrides_it(tmp_path: Path) -> None:
    from_env, from_flag = f"bolt://127.0.0.1:{closed_port()}", f"neo4j://127.0.0.1:{closed_port()}"
    done = reegraph("stats", "--backend", "neo4j", cwd=tmp_path, NEO4J_URI=from_env)
    assert f"at {from_env};" in done.stderr
    assert done.returncode == 1
    done = reegraph(
        "stats", "--backend", "neo4j", "--neo4j-uri", from_flag, cwd=tmp_path, NEO4J_URI=from_env
    )
    assert f"at {from_flag};" in done.stderr
    assert done.returncode == 1


def test_dot_env_is_read(tmp_path: Path) -> None:
    uri = f"neo4j+s://127.0.0.1:{closed_port()}"
    (tmp_path / ".env").write_text(f"NEO4J_URI={uri}\nNEO4J_USER=analyst\n")
    done = reegraph("stats", "--backend", "neo4j", cwd=tmp_path)
    assert done.stderr.strip() == (
        f"Error: cannot reach Neo4j at {uri}; is the server running? Try `docker compose up -d`."
    )


def test_not_a_neo4j_uri_is_refused(tmp_path: Path) -> None:
    done = reegraph("stats", "--backend", "neo4j", "--neo4j-uri", "http://x:7474", cwd=tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "'http://x:7474' is not a Neo4j address" in done.stderr


def test_bad_batch_size_setting_is_one_line(tmp_path: Path) -> None:
    done = reegraph("load", cwd=tmp_path, REEGRAPH_BATCH_SIZE="lots")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("Error: invalid setting REEGRAPH_BATCH_SIZE:")


def test_wrong_password_names_the_user_and_says_authentication_failed() -> None:
    error = backend_error(
        ne.AuthError("The client is unauthorized due to authentication failure."),
        "bolt://db.example:7687",
        "analyst",
    )
    assert isinstance(error, BackendUnavailable)
    assert str(error) == (
        "Neo4j at bolt://db.example:7687: authentication failed for user 'analyst';"
        " check NEO4J_USER and NEO4J_PASSWORD."
    )


def test_other_driver_errors_become_store_errors() -> None:
    down = backend_error(ne.ServiceUnavailable("gone"), "neo4j://h:1", "neo4j")
    assert isinstance(down, BackendUnavailable)
    assert "docker compose up -d" in str(down)
    failed = backend_error(ne.Neo4jError("first line\nsecond"), "neo4j://h:1", "neo4j")
    assert type(failed) is StoreError
    assert "\n" not in str(failed)


def test_settings_read_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://aura.example:7687")
    monkeypatch.setenv("NEO4J_PASSWORD", "not-shown")
    monkeypatch.setenv("REEGRAPH_BATCH_SIZE", "250")
    settings = load_settings()
    assert (settings.neo4j_uri, settings.batch_size) == ("neo4j+s://aura.example:7687", 250)
    assert "not-shown" not in repr(settings)
    monkeypatch.setenv("REEGRAPH_BATCH_SIZE", "0")
    with pytest.raises(ReegraphError, match="REEGRAPH_BATCH_SIZE"):
        load_settings()
