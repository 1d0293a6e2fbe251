"""Interactive HTML views of the graph that open anywhere, offline.

``render_html`` draws a bundle (the whole graph, or what :class:`ViewOptions` selects),
``render_focus`` one entity's neighbourhood, ``render_store_view`` what a
:class:`ViewRequest` asks of a store (whole graph, ``--focus`` or ``--query``).
Only :mod:`reegraph.views.page` imports pyvis.
"""

from reegraph.views.data import PHYSICS_LIMIT, view_data
from reegraph.views.from_store import entities_in_rows, render_store_view
from reegraph.views.render import ViewReport, render_focus, render_html
from reegraph.views.request import ViewError, ViewRequest, parse_request
from reegraph.views.select import DEFAULT_MAX_NODES, ViewFilters, ViewOptions

__all__ = [
    "DEFAULT_MAX_NODES",
    "PHYSICS_LIMIT",
    "ViewError",
    "ViewFilters",
    "ViewOptions",
    "ViewReport",
    "ViewRequest",
    "entities_in_rows",
    "parse_request",
    "render_focus",
    "render_html",
    "render_store_view",
    "view_data",
]
