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
        value = (
            value[0]
            if len(value) == 1
            else "; ".join(str(v) for v in value[:2])
            + (f" (+{len(value) - 2})" if len(value) > 2 else "")
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


# -- answers to questions --------------------------------------------------------

# Which columns each canned query shows in a table, in order (JSON and CSV keep all).
VIEWS: dict[str, tuple[str, ...]] = {
    "suppliers_of": (
        "supplier",
        "supplier_label",
        "relation",
        "mineral",
        "stage",
        "share",
        "figures",
        "status",
        "date",
        "documents",
        "sentences",
    ),
    "chokepoints": ("mineral", "country", "stage", "share", "claims", "documents"),
    "agreements_covering": (
        "agreement",
        "date",
        "place",
        "kind",
        "binding",
        "status",
        "parties",
        "signatories",
        "covers",
        "via",
        "documents",
    ),
    "agreements_of": (
        "agreement",
        "date",
        "place",
        "kind",
        "binding",
        "status",
        "parties",
        "signatories",
        "covers",
        "roles",
    ),
    "partners_of": ("partner", "label", "relation", "through", "documents", "sentences"),
    "leaders_of": ("person", "role", "relation", "documents", "sentences"),
    "exposure": ("mineral", "how", "via", "stage", "share", "documents", "sentences"),
    "timeline": ("date", "kind", "what", "status", "who"),
    "conflicting_claims": (
        "subject",
        "relation",
        "object",
        "stage_a",
        "value_a",
        "documents_a",
        "sentences_a",
        "stage_b",
        "value_b",
        "documents_b",
        "sentences_b",
    ),
    "sources": ("relation", "source", "target", "documents", "sentences", "key"),
    "relation_sources": ("relation", "source", "target", "documents", "sentences", "key"),
}
_FRACTIONS = frozenset({"share", "figures", "value_a", "value_b", "threshold"})
_HIDDEN = frozenset({"node_refs", "source_refs"})


def cell(column: str, value: Any, row: dict[str, Any] | None = None) -> str:
    """One value as table text: shares as percentages, lists joined, maps spelled out."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and column in _FRACTIONS and 0 <= value <= 1:
        qualifier = (row or {}).get("qualifier") if column == "share" else None
        return f"{qualifier + ' ' if qualifier else ''}{value:.0%}"
    if isinstance(value, dict):
        return " ".join(cell(k, v) for k, v in value.items() if v is not None)
    if isinstance(value, list):
        if column.startswith("sentences"):
            return shorten([shorten(v, 70) for v in value], 150)
        return "; ".join(cell(column, v) for v in value)
    return str(value)


def print_rows(rows: Sequence[dict[str, Any]], title: str, columns: Sequence[str] = ()) -> None:
    """A table of the chosen columns (default: all but internal ones), evidence shortened."""
    if rows and not columns:
        columns = [c for c in rows[0] if c not in _HIDDEN]
    cells = [{c: shorten(cell(c, r.get(c), r), 60) for c in columns} for r in rows]
    # Columns empty in every row only take room from the evidence.
    shown = [c for c in columns if any(row[c] for row in cells)]
    print_table([{c: row[c] for c in shown} for row in cells], title)


def print_csv(rows: Sequence[dict[str, Any]]) -> None:
    """Every column; lists joined with `` | ``, maps as JSON."""
    import csv

    if not rows:
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_cell(v) for k, v in row.items()})


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        return " | ".join(str(_csv_cell(v)) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def print_profile(row: dict[str, Any]) -> None:
    """An entity's card: names and properties, neighbours by relation, documents."""
    from rich.console import Console

    console = Console()
    console.print(f"[bold]{row['name']}[/bold] ({row['label']}, {row['id']})")
    if row.get("aliases"):
        console.print(f"also: {', '.join(row['aliases'])}")
    for key, value in (row.get("properties") or {}).items():
        if value is not None:
            console.print(f"{key}: {cell(key, value)}")
    grouped: dict[tuple[str, str], list[str]] = {}
    for n in (row.get("outgoing") or []) + (row.get("incoming") or []):
        if n:
            grouped.setdefault((n["relation"], n["direction"]), []).append(n["name"])
    neighbours = [
        {"relation": rel, "direction": "→" if way == "out" else "←", "neighbours": sorted(names)}
        for (rel, way), names in sorted(grouped.items())
    ]
    print_rows(neighbours, "Neighbours by relation")
    documents = sorted((d for d in row.get("documents") or [] if d), key=lambda d: d["id"])
    print_rows(documents, "Documents mentioning it")


def path_text(row: dict[str, Any]) -> str:
    """``A —REL→ B ←REL— C``: arrows follow each relation's direction."""
    nodes, relations = row["nodes"], row["relations"]
    parts = [nodes[0]]
    for i, rel in enumerate(relations):
        forward = row["source_refs"][i] == row["node_refs"][i]
        parts.append(f" —{rel}→ " if forward else f" ←{rel}— ")
        parts.append(nodes[i + 1])
    return "".join(parts)


def print_paths(rows: Sequence[dict[str, Any]], title: str) -> None:
    hops = [
        {
            "path": n + 1,
            "hop": f"{row['nodes'][i]} · {rel} · {row['nodes'][i + 1]}",
            "documents": row["documents"][i],
            "sentences": row["sentences"][i],
        }
        for n, row in enumerate(rows)
        for i, rel in enumerate(row["relations"])
    ]
    for n, row in enumerate(rows):
        typer.echo(f"{n + 1}. {path_text(row)}")
    print_rows(hops, title)
