"""File exports of a bundle: the JSON contract and GraphML (for Gephi, yEd, networkx)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from reegraph.model import GraphBundle

if TYPE_CHECKING:
    import networkx as nx


def write_export(bundle: GraphBundle, output: Path, fmt: Literal["json", "graphml"]) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        text = json.dumps(bundle.to_export(), indent=2, ensure_ascii=False)
        output.write_text(text + "\n", encoding="utf-8")
    else:
        import networkx as nx

        nx.write_graphml(to_networkx(bundle), output)
    return output


def to_networkx(bundle: GraphBundle) -> nx.MultiDiGraph[str]:
    """A networkx multigraph with scalar attributes only (GraphML cannot hold lists)."""
    import networkx as nx

    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for doc in bundle.documents:
        graph.add_node(doc.id, label="Document", name=doc.title, published=doc.published or "")
    for ent in bundle.entities:
        props = ent.properties.model_dump(exclude_none=True)
        graph.add_node(
            ent.id, label=ent.label.value, name=ent.name, aliases="|".join(ent.aliases), **props
        )
    for rel in bundle.relations:
        props = rel.properties.model_dump(exclude_none=True)
        graph.add_edge(
            rel.source,
            rel.target,
            key=rel.key,
            type=rel.type.value,
            documents="|".join(rel.documents),
            sentence=rel.evidence[0].sentence,
            **props,
        )
    return graph
