"""Docs that cannot drift: every command is in the README tour, and the README's
example commands name real options."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.main import get_command

from reegraph.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = get_command(app).commands  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_in_the_readme(name: str) -> None:
    assert re.search(rf"reegraph {re.escape(name)}\b", README), name


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(name: str) -> None:
    assert "Example" in (COMMANDS[name].help or ""), name


def test_readme_examples_use_options_that_exist() -> None:
    tour = README.split("## A tour of the command line", 1)[1].split("\n## ", 1)[0]
    for line in re.findall(r"^reegraph ([a-z-]+)([^#\n]*)", tour, re.M):
        name, rest = line
        command = COMMANDS[name]
        known = {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)}
        for option in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", rest):
            assert option in known, f"reegraph {name}: {option}"
