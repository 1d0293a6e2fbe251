"""Turning library results into terminal output: rich tables, JSON, one-line errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

import typer


def shorten(value: Any, width: int = 90) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0] if len(value) == 1 else "; ".join(str(v) for v in value[:2]) + (
            f" (+{len(value) - 2})" if len(value) > 2 else ""
        )
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def print_table(rows: Sequence[dict[str, Any]], title: str | None = None, width: int = 90) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not rows:
        console.print(f"[dim]{title + ': ' if title else ''}no rows[/dim]")
        return
    table = Table(title=title, show_lines=False, expand=False)
    columns = list(rows[0].keys())
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(shorten(row.get(c), width) for c in columns))
    console.print(table)


def fail(message: str, code: int = 1) -> None:
    """One line on stderr and a non-zero exit: never a traceback."""
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    typer.echo(f"Warning: {message}", err=sys.stderr.isatty() or True)
