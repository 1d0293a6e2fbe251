"""Pure operations on graph bundles: merging, dropping a document's facts, pruning."""

from __future__ import annotations

from collections.abc import Iterable

from reegraph.model import (
    Entity,
    EntityProperties,
    GraphBundle,
    Relation,
    RelationType,
    merge_evidence,
)

_MODALITY_RANK = {"asserted": 2, "planned": 1, "hedged": 0}


def merge_entities(first: Entity, second: Entity) -> Entity:
    """One entity from two records of it: names united, the first's properties win."""
    props = second.properties.model_dump(exclude_none=True)
    props.update(first.properties.model_dump(exclude_none=True))
    origin = "text" if "text" in (first.origin, second.origin) else first.origin
    return first.model_copy(
        update={
            "aliases": sorted({*first.aliases, *second.aliases, second.name} - {first.name}),
            "properties": EntityProperties(**props),
            "origin": origin,
        }
    )


def merge_relations(first: Relation, second: Relation) -> Relation:
    """One claim from two sightings: evidence united, the stronger reading kept."""

    def strength(rel: Relation) -> tuple[int, float]:
        return (_MODALITY_RANK[rel.properties.modality], rel.properties.confidence)

    best = first if strength(first) >= strength(second) else second
    props = best.properties
    if props.count is not None:
        props = props.model_copy(
            update={"count": (first.properties.count or 0) + (second.properties.count or 0)}
        )
    return best.model_copy(
        update={"properties": props, "evidence": merge_evidence(first.evidence, second.evidence)}
    )


def merge_bundles(*bundles: GraphBundle) -> GraphBundle:
    """Union of bundles; later documents replace earlier ones with the same id."""
    documents = {d.id: d for b in bundles for d in b.documents}
    entities: dict[str, Entity] = {}
    for bundle in bundles:
        for ent in bundle.entities:
            entities[ent.id] = merge_entities(entities[ent.id], ent) if ent.id in entities else ent
    relations: dict[str, Relation] = {}
    for bundle in bundles:
        for rel in bundle.relations:
            key = rel.key
            relations[key] = merge_relations(relations[key], rel) if key in relations else rel
    return GraphBundle(
        documents=list(documents.values()),
        entities=list(entities.values()),
        relations=list(relations.values()),
    )


def drop_documents(bundle: GraphBundle, doc_ids: Iterable[str]) -> GraphBundle:
    """The bundle without these documents and every fact only they supported."""
    gone = set(doc_ids)
    if not gone:
        return bundle
    relations = []
    for rel in bundle.relations:
        if rel.source in gone:
            continue
        kept = [e for e in rel.evidence if e.document not in gone]
        if kept:
            relations.append(rel.model_copy(update={"evidence": kept}))
    documents = [d for d in bundle.documents if d.id not in gone]
    return prune(
        GraphBundle.model_construct(
            documents=documents, entities=bundle.entities, relations=relations
        )
    )


def prune(bundle: GraphBundle) -> GraphBundle:
    """Drop entities no text supports any more (taxonomy alone does not keep a node)."""
    by_id = {e.id: e for e in bundle.entities}
    supported = {
        end
        for rel in bundle.relations
        if rel.properties.origin != "lexicon"
        for end in (rel.source, rel.target)
    }
    # A mentioned mineral keeps its groups, transitively.
    parents: dict[str, set[str]] = {}
    for rel in bundle.relations:
        if rel.type is RelationType.MEMBER_OF:
            parents.setdefault(rel.source, set()).add(rel.target)
    frontier = list(supported)
    while frontier:
        for parent in parents.get(frontier.pop(), ()):
            if parent not in supported:
                supported.add(parent)
                frontier.append(parent)
    entities = [e for i, e in by_id.items() if i in supported]
    keep = supported | {d.id for d in bundle.documents}
    relations = [r for r in bundle.relations if r.source in keep and r.target in keep]
    return GraphBundle(documents=bundle.documents, entities=entities, relations=relations)
