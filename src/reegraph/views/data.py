"""Everything a view page shows, as plain JSON-ready data: nodes, edges, legend, vis options."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from reegraph.model import GraphBundle, Relation
from reegraph.views.conflicts import conflicting_claims
from reegraph.views.layout import layout_positions
from reegraph.views.select import Selection, ViewOptions, select
from reegraph.views.style import CONFLICT_COLOUR, LABEL_COLOURS, LABEL_SHAPES, RELATION_COLOURS

PHYSICS_LIMIT = 500  # above this many nodes the browser gets fixed positions, physics off
TOOLTIP_SENTENCE = 220
WEB_SCHEMES = ("http://", "https://")


def _figure(value: Any) -> str:
    return f"{value:.0%}" if isinstance(value, float) and 0 < value <= 1 else str(value)


def _claim_summary(rel: Relation) -> str:
    props = rel.properties.model_dump(
        exclude_none=True, exclude={"modality", "confidence", "inferred", "origin", "count"}
    )
    if "share" in props:
        props["share"] = " ".join(
            filter(None, [props.pop("qualifier", None), _figure(props["share"])])
        )
    return ", ".join(f"{k} {v}" for k, v in props.items())


def _documents(selection: Selection) -> dict[str, dict[str, str]]:
    """Document metadata the panel shows; links only for web addresses (no ``javascript:``)."""
    out: dict[str, dict[str, str]] = {}
    for doc in selection.documents.values():
        meta = {"title": doc.title, "source": doc.source, "published": doc.published}
        if doc.url and doc.url.lower().startswith(WEB_SCHEMES):
            meta["url"] = doc.url
        out[doc.id] = {k: v for k, v in meta.items() if v}
    return out


def _node(selection: Selection, entity_id: str, degree: int) -> dict[str, Any]:
    entity = selection.entities[entity_id]
    props = entity.properties.model_dump(exclude_none=True)
    tooltip = [f"{entity.name} ({entity.label.value})"]
    # Aliases that differ from the name only in case say nothing new.
    aliases = [a for a in entity.aliases if a.casefold() != entity.name.casefold()]
    if aliases:
        tooltip.append("Also: " + ", ".join(aliases[:8]))
    tooltip.extend(f"{k}: {v}" for k, v in list(props.items())[:6])
    tooltip.append(f"{degree} claim{'s' if degree != 1 else ''} in this view")
    colour = LABEL_COLOURS[entity.label]
    return {
        "id": entity.id,
        "label": entity.name,
        "group": entity.label.value,
        "title": "\n".join(tooltip),  # vis-network 9 renders string titles as text
        "color": {
            "background": colour,
            "border": "#ffffff",
            "highlight": {"background": colour, "border": "#222222"},
        },
        "shape": LABEL_SHAPES[entity.label],
        # Square root: a hub with 50 claims should not dwarf everything else.
        "value": round(math.sqrt(max(selection.importance.get(entity.id, 0.0), 0.0)), 4),
        "aliases": aliases,
        "props": props,
        "focus": entity.id in selection.focus,
    }


def _edge(
    rel: Relation, selection: Selection, docs: dict[str, dict[str, str]], conflicts: list[Relation]
) -> dict[str, Any]:
    props = rel.properties
    source, target = selection.entities[rel.source].name, selection.entities[rel.target].name
    evidence = [
        {"sentence": ev.sentence, "document": ev.document, **docs.get(ev.document, {})}
        for ev in rel.evidence
    ]
    first = evidence[0]
    cited = " — ".join(filter(None, [first.get("title"), first.get("published")]))
    tooltip = [f"{source} {rel.type.value} {target}"]
    if summary := _claim_summary(rel):
        tooltip.append(summary)
    if props.inferred or props.modality != "asserted":
        tooltip.append("inferred" if props.inferred else props.modality)
    if conflicts:
        tooltip.append("CONFLICTING: other articles give other figures")
    sentence = first["sentence"]
    if len(sentence) > TOOLTIP_SENTENCE:
        sentence = sentence[: TOOLTIP_SENTENCE - 1] + "…"
    tooltip.append(f"“{sentence}”" + (f" ({cited})" if cited else ""))
    if len(evidence) > 1:
        tooltip.append(f"+{len(evidence) - 1} more sentence(s): click for all")
    colour = CONFLICT_COLOUR if conflicts else RELATION_COLOURS[rel.type]
    edge: dict[str, Any] = {
        "id": f"{rel.type.value}:{rel.key}",
        "from": rel.source,
        "to": rel.target,
        "rel": rel.type.value,
        "title": "\n".join(tooltip),
        "color": {"color": colour, "highlight": colour, "hover": colour, "opacity": 0.85},
        "width": 3.5 if conflicts else 1 + min(len(evidence), 4) * 0.5,
        "dashes": props.inferred or props.modality != "asserted",
        "props": props.model_dump(exclude_none=True),
        "summary": _claim_summary(rel),
        "evidence": evidence,
    }
    if conflicts:
        edge["label"] = "conflicting"
        edge["font"] = {"color": CONFLICT_COLOUR, "size": 11, "strokeWidth": 3}
        edge["conflicts"] = [
            {
                "summary": _claim_summary(other),
                "documents": [docs.get(d, {}).get("title", d) for d in other.documents],
            }
            for other in conflicts
        ]
    return edge


def _separate_parallel(edges: list[dict[str, Any]]) -> None:
    """Curve the 2nd, 3rd ... claim between the same two nodes so each stays clickable."""
    seen: Counter[frozenset[str]] = Counter()
    for edge in edges:
        pair = frozenset((edge["from"], edge["to"]))
        n = seen[pair]
        seen[pair] += 1
        if n:
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if n % 2 else "curvedCCW",
                "roundness": 0.2 * ((n + 1) // 2),
            }


def _vis_options(physics: bool, big: bool) -> dict[str, Any]:
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -110,
                "centralGravity": 0.008,
                "springLength": 140,
                "springConstant": 0.06,
                "avoidOverlap": 0.6,
            },
            "stabilization": {
                "enabled": True,
                "iterations": 250,
                "updateInterval": 50,
                "fit": True,
            },
        },
        "nodes": {
            "borderWidth": 1.5,
            "widthConstraint": {
                "maximum": 170
            },  # long agreement names wrap instead of spanning the view
            "scaling": {
                "min": 10,
                "max": 40,
                "label": {
                    "enabled": True,
                    "min": 14,
                    "max": 24,
                    "drawThreshold": 4,
                    "maxVisible": 30,
                },
            },
            "font": {
                "size": 13,
                "face": "system-ui, sans-serif",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": False,
            "font": {
                "size": 11,
                "face": "system-ui, sans-serif",
                "strokeWidth": 3,
                "align": "middle",
            },
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": False,
        },
    }


def view_data_for(
    selection: Selection, all_relations: list[Relation], options: ViewOptions
) -> dict[str, Any]:
    """The page content for an already selected subgraph."""
    docs = _documents(selection)
    conflicts = conflicting_claims(all_relations)
    degree: Counter[str] = Counter()
    for rel in selection.relations:
        degree[rel.source] += 1
        degree[rel.target] += 1
    nodes = [_node(selection, i, degree[i]) for i in selection.entities]
    edges: list[dict[str, Any]] = []
    ids: set[str] = set()
    for rel in selection.relations:
        edge = _edge(rel, selection, docs, conflicts.get(rel.key, []))
        if edge["id"] not in ids:  # the same claim twice would break the page's DataSet
            ids.add(edge["id"])
            edges.append(edge)
    _separate_parallel(edges)
    physics = len(nodes) <= PHYSICS_LIMIT
    positions = layout_positions([n["id"] for n in nodes], [(e["from"], e["to"]) for e in edges])
    for node in nodes:
        node["x"], node["y"] = positions[node["id"]]
    labels_shown = Counter(n["group"] for n in nodes)
    relations_shown = Counter(e["rel"] for e in edges)
    return {
        "heading": options.heading,
        "nodes": nodes,
        "edges": edges,
        "options": _vis_options(physics, big=len(nodes) > PHYSICS_LIMIT),
        "legend": {
            "labels": [
                {
                    "label": label.value,
                    "colour": LABEL_COLOURS[label],
                    "shape": LABEL_SHAPES[label],
                    "count": labels_shown[label.value],
                }
                for label in LABEL_COLOURS
                if labels_shown[label.value]
            ],
            "relations": [
                {"type": t.value, "colour": c, "count": relations_shown[t.value]}
                for t, c in RELATION_COLOURS.items()
                if relations_shown[t.value]
            ],
            "conflict_colour": CONFLICT_COLOUR,
            "conflicts": sum(1 for e in edges if "conflicts" in e),
            "metric": selection.metric,
        },
        "meta": {
            "nodes": len(nodes),
            "edges": len(edges),
            "total_nodes": selection.total_nodes,
            "truncated": selection.truncated,
            "metric": selection.metric,
            "physics": physics,
            "focus": list(selection.focus),
        },
    }


def view_data(bundle: GraphBundle, options: ViewOptions | None = None) -> dict[str, Any]:
    """Nodes, edges, legend and vis options for a bundle: the page's whole content."""
    options = options or ViewOptions()
    return view_data_for(select(bundle, options), bundle.relations, options)
