"""Views of what a store holds: resolve the focus name, run the canned query, then draw."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reegraph.model import GraphBundle, lookup_key
from reegraph.store.base import CypherStore
from reegraph.views.render import ViewReport, render_html
from reegraph.views.request import ViewError, ViewRequest
from reegraph.views.select import ViewOptions


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def entities_in_rows(
    bundle: GraphBundle, rows: list[dict[str, Any]], params: dict[str, str] | None = None
) -> set[str]:
    """Ids of the entities a query's rows name (by id or exact name), plus those its
    parameters name (by id, name, alias or symbol, as the query itself matched them)."""
    by_text: dict[str, set[str]] = {}
    for entity in bundle.entities:
        for text in (entity.id, entity.name):
            by_text.setdefault(text, set()).add(entity.id)
    found = {
        i for row in rows for v in row.values() for s in _strings(v) for i in by_text.get(s, ())
    }
    by_lookup: dict[str, set[str]] = {}
    for entity in bundle.entities:
        for key in entity.lookup:
            by_lookup.setdefault(key, set()).add(entity.id)
    for value in (params or {}).values():
        found |= by_text.get(value, set()) | by_lookup.get(lookup_key(value), set())
    return found


def _heading(request: ViewRequest, focus_name: str | None) -> str:
    if focus_name:
        steps = f"{request.depth} step{'s' if request.depth != 1 else ''}"
        return f"reegraph: {focus_name} and its neighbours ({steps})"
    if request.query:
        given = ", ".join(f"{k}={v}" for k, v in request.params.items())
        return f"reegraph: {request.query}" + (f" ({given})" if given else "")
    return "reegraph: the whole graph"


def render_store_view(store: CypherStore, request: ViewRequest, output: Path) -> ViewReport:
    """Write the view ``request`` asks for of the graph in ``store`` to ``output``."""
    from reegraph.model import Label
    from reegraph.names import find_entity
    from reegraph.questions import run_canned

    focus: tuple[str, ...] = ()
    only: frozenset[str] | None = None
    focus_name = None
    if request.focus:
        target = find_entity(store, [label.value for label in Label], request.focus)
        if request.filters.labels and target.label not in request.filters.labels:
            raise ViewError(
                f"{target.name} is a {target.label}, which the --label filter leaves out"
            )
        focus, focus_name = (target.id,), target.name
    rows = run_canned(store, request.query, request.params) if request.query else []
    bundle = store.read_bundle()
    if request.query:
        only = frozenset(entities_in_rows(bundle, rows, request.params))
    options = ViewOptions(
        heading=_heading(request, focus_name),
        filters=request.filters,
        focus=focus,
        depth=request.depth,
        only=only,
        max_nodes=request.max_nodes,
    )
    return render_html(bundle, output, options)
