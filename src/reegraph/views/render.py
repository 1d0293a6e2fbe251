"""From a bundle to an HTML file, with a short report of what was drawn."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from reegraph.model import GraphBundle
from reegraph.names import NamedEntity, resolve_name
from reegraph.views.data import view_data_for
from reegraph.views.page import write_page
from reegraph.views.select import ViewOptions, select


@dataclass(frozen=True)
class ViewReport:
    path: Path
    nodes: int
    edges: int
    total_nodes: int
    metric: str

    @property
    def truncated(self) -> bool:
        return self.total_nodes > self.nodes

    @property
    def warning(self) -> str | None:
        if not self.truncated:
            return None
        return (
            f"the view has {self.total_nodes:,} nodes; showing the {self.nodes:,} most important"
            f" (by {self.metric}). Narrow it with --focus, --label or --relation,"
            " or raise --max-nodes."
        )


def render_html(
    bundle: GraphBundle, output: Path, options: ViewOptions | None = None
) -> ViewReport:
    """Write a standalone interactive HTML view of ``bundle`` to ``output``."""
    options = options or ViewOptions()
    data = view_data_for(select(bundle, options), bundle.relations, options)
    write_page(data, output)
    meta = data["meta"]
    return ViewReport(output, meta["nodes"], meta["edges"], meta["total_nodes"], meta["metric"])


def render_focus(
    bundle: GraphBundle, name: str, depth: int, output: Path, options: ViewOptions | None = None
) -> ViewReport:
    """Write the neighbourhood of one entity (an id such as ``mineral:dysprosium``, or a name)."""
    candidates = [
        NamedEntity(e.id, e.label.value, e.name, tuple(e.lookup)) for e in bundle.entities
    ]
    target = resolve_name(candidates, name)
    base = options or ViewOptions(heading=f"reegraph: {target.name} and its neighbours")
    return render_html(bundle, output, replace(base, focus=(target.id,), depth=depth, only=None))
