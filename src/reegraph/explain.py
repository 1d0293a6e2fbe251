"""Why the graph believes what it does about one entity: names, documents, claims, rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reegraph.model import GraphBundle, RelationType
from reegraph.names import NamedEntity, resolve_name


@dataclass
class Explanation:
    id: str
    label: str
    name: str
    aliases: list[str]
    properties: dict[str, Any]
    documents: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)


def explain(bundle: GraphBundle, name: str) -> Explanation:
    """An entity's aliases, the documents that mention it, and each relation with its
    evidence sentence and the rule that read it."""
    candidates = [
        NamedEntity(e.id, e.label.value, e.name, tuple(e.lookup)) for e in bundle.entities
    ]
    target = resolve_name(candidates, name)
    entities = bundle.entity_index()
    entity = entities[target.id]
    titles = {d.id: d for d in bundle.documents}
    names = {**{i: e.name for i, e in entities.items()}, **{d: t.title for d, t in titles.items()}}
    result = Explanation(
        id=entity.id,
        label=entity.label.value,
        name=entity.name,
        aliases=entity.aliases,
        properties=entity.properties.model_dump(exclude_none=True),
    )
    for rel in bundle.relations:
        if target.id not in (rel.source, rel.target):
            continue
        if rel.type is RelationType.MENTIONS:
            doc = titles.get(rel.source)
            result.documents.append(
                {
                    "document": rel.source,
                    "title": doc.title if doc else rel.source,
                    "published": doc.published if doc else None,
                    "mentions": rel.properties.count,
                }
            )
            continue
        result.relations.append(
            {
                "source": names.get(rel.source, rel.source),
                "type": rel.type.value,
                "target": names.get(rel.target, rel.target),
                "properties": rel.properties.model_dump(
                    exclude_none=True, exclude={"origin", "inferred"}
                ),
                "evidence": [
                    {"document": ev.document, "sentence": ev.sentence, "rule": ev.rule}
                    for ev in rel.evidence
                ],
            }
        )
    result.documents.sort(key=lambda d: d["document"])
    result.relations.sort(key=lambda r: (r["type"], r["source"], r["target"]))
    return result
