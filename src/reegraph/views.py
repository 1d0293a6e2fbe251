"""Interactive HTML views of a graph bundle (the only module that imports pyvis).

The page is standalone: vis-network and its CSS are inlined, nothing is fetched.
Article text reaches the page only as JSON data (``tojson`` escapes ``<``, ``>``
and ``&``) and is put on screen with ``textContent``, never as HTML.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reegraph.model import GraphBundle, Label, Relation, RelationType

LABEL_COLOURS: dict[str, str] = {
    Label.COUNTRY: "#1f77b4",
    Label.REGION: "#6baed6",
    Label.PERSON: "#ff7f0e",
    Label.ORGANIZATION: "#2ca02c",
    Label.MINERAL: "#d62728",
    Label.COMMODITY: "#e377c2",
    Label.SECTOR: "#9467bd",
    Label.AGREEMENT: "#8c564b",
    Label.EVENT: "#bcbd22",
    Label.PLACE: "#17becf",
}
LABEL_SHAPES: dict[str, str] = {
    Label.COUNTRY: "dot",
    Label.REGION: "dot",
    Label.PERSON: "diamond",
    Label.ORGANIZATION: "square",
    Label.MINERAL: "hexagon",
    Label.COMMODITY: "hexagon",
    Label.SECTOR: "triangle",
    Label.AGREEMENT: "star",
    Label.EVENT: "star",
    Label.PLACE: "dot",
}
PHYSICS_LIMIT = 2000  # above this, positions come from networkx and physics stays off


@dataclass(frozen=True)
class ViewOptions:
    heading: str = "reegraph"
    include_mentions: bool = False


def _evidence(rel: Relation, docs: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "sentence": ev.sentence,
            "document": ev.document,
            **docs.get(ev.document, {"title": ev.document}),
        }
        for ev in rel.evidence
    ]


def view_data(bundle: GraphBundle, options: ViewOptions | None = None) -> dict[str, Any]:
    """Nodes, edges, legend and vis options for a bundle: the page's whole content."""
    options = options or ViewOptions()
    docs = {
        d.id: {k: v for k, v in (("title", d.title), ("source", d.source), ("published", d.published)) if v}
        for d in bundle.documents
    }
    relations = [
        r for r in bundle.relations if options.include_mentions or r.type is not RelationType.MENTIONS
    ]
    entities = bundle.entity_index()
    degree: Counter[str] = Counter()
    for rel in relations:
        degree[rel.source] += 1
        degree[rel.target] += 1
    nodes = [
        {
            "id": e.id,
            "label": e.name,
            "group": e.label.value,
            "title": f"{e.label.value}: {e.name}",
            "color": LABEL_COLOURS[e.label],
            "shape": LABEL_SHAPES[e.label],
            "value": 1 + degree[e.id],
            "aliases": e.aliases,
            "props": e.properties.model_dump(exclude_none=True),
        }
        for e in entities.values()
        if degree[e.id] or options.include_mentions
    ]
    edges = [
        {
            "id": f"{rel.type.value}:{rel.key}",
            "from": rel.source,
            "to": rel.target,
            "rel": rel.type.value,
            "title": f"{rel.type.value} — {rel.evidence[0].sentence[:200]}",
            "arrows": "to",
            "dashes": rel.properties.modality != "asserted" or rel.properties.inferred,
            "props": rel.properties.model_dump(exclude_none=True),
            "evidence": _evidence(rel, docs),
        }
        for rel in relations
        if rel.source in entities and rel.target in entities
    ]
    physics = len(nodes) <= PHYSICS_LIMIT
    if not physics:
        _precompute_positions(nodes, edges)
    vis_options = {
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "stabilization": {"enabled": True, "iterations": 300},
        },
        "nodes": {"scaling": {"min": 8, "max": 40}, "font": {"size": 12}},
        "edges": {"smooth": False, "font": {"size": 9}},
        "interaction": {"hover": True, "tooltipDelay": 150},
    }
    return {
        "nodes": nodes,
        "edges": edges,
        "options": vis_options,
        "legend": {label.value: LABEL_COLOURS[label] for label in Label},
        "meta": {"nodes": len(nodes), "edges": len(edges)},
    }


def _precompute_positions(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> None:
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(n["id"] for n in nodes)
    graph.add_edges_from((e["from"], e["to"]) for e in edges)
    positions = nx.spring_layout(graph, iterations=30, seed=7, scale=2000)
    for node in nodes:
        x, y = positions[node["id"]]
        node.update(x=float(x), y=float(y), physics=False)


def render_html(bundle: GraphBundle, output: Path, options: ViewOptions | None = None) -> Path:
    """Write a standalone interactive HTML view of ``bundle`` to ``output``."""
    import jinja2
    import pyvis
    from pyvis.network import Network

    options = options or ViewOptions()
    data = view_data(bundle, options)
    net = Network(cdn_resources="in_line")
    net.nodes, net.edges = data["nodes"], data["edges"]  # add_edge() is O(E) per call
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(
            [str(Path(__file__).parent / "templates"), str(Path(pyvis.__file__).parent / "templates")]
        ),
        autoescape=True,
    )
    html = env.get_template("view.html").render(heading=options.heading, data=data)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    return output
