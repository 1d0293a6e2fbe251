"""Rows for the loader: the fast row builders agree with the model's own view of each
object, and the plan diffs bundles row by row (only what differs is written)."""

from __future__ import annotations

import gc
import itertools
from pathlib import Path
from typing import Any

import pytest

from reegraph.model import (
    DOCUMENT_LABEL,
    Document,
    Entity,
    EntityProperties,
    Evidence,
    GraphBundle,
    Relation,
    RelationProperties,
    _unicode_key,
    lookup_key,
)
from reegraph.store.base import plan_write
from reegraph.store.embedded import EmbeddedStore
from reegraph.store.rows import document_row, endpoints, entity_row, relation_row
from reegraph.store.schema import DOCUMENT_COLUMNS, ENTITY_COLUMNS, RELATION_COLUMNS
from sample_bundle import ev, make_bundle


def expected_entity_row(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "label": entity.label.value,
        "name": entity.name,
        "aliases": entity.aliases,
        "lookup": entity.lookup,
        "names_text": " | ".join([entity.name, *entity.aliases]),
        "origin": entity.origin,
        **entity.properties.model_dump(),
    }


def expected_document_row(document: Document) -> dict[str, Any]:
    fields = document.model_dump(exclude={"id"})
    return {"id": document.id, "label": DOCUMENT_LABEL, "name": document.title, **fields}


def expected_relation_row(relation: Relation, bundle: GraphBundle) -> dict[str, Any]:
    evidence = relation.evidence
    nodes = {e.id: (e.name, e.label.value) for e in bundle.entities}
    nodes |= {d.id: (d.title, DOCUMENT_LABEL) for d in bundle.documents}
    return {
        "key": relation.key,
        "predicate": relation.type.value,
        **relation.properties.model_dump(),
        "documents": [e.document for e in evidence],
        "sentences": [e.sentence for e in evidence],
        "char_starts": [e.start for e in evidence],
        "char_ends": [e.end for e in evidence],
        "rules": [e.rule for e in evidence],
        "source_id": relation.source,
        "source_name": nodes[relation.source][0],
        "source_label": nodes[relation.source][1],
        "target_id": relation.target,
        "target_name": nodes[relation.target][0],
        "target_label": nodes[relation.target][1],
        "source": relation.source,
        "target": relation.target,
    }


def awkward_bundle() -> GraphBundle:
    """Accents, punctuation, symbols, several evidence, identity properties."""
    docs = [Document(id="d9", title="Société Générale's — “quoted” title", text="x" * 200)]
    ents = [
        Entity(label="Person", name="Lenaïg Deslande", aliases=["L. Deslande", "ÉLODIE"]),
        Entity(label="Organization", name="A&B -- Mining, Co.", aliases=["AB_Mining", "  "]),
        Entity(label="Mineral", name="Neodymium", properties=EntityProperties(symbol="Nd")),
        Entity(label="Country", name="Côte d'Ivoire", aliases=["Ivory Coast"]),
        Entity(
            label="Agreement",
            name="Minerals Security Partnership",
            properties=EntityProperties(date="2022-06-14", binding=False, pagerank=0.25),
        ),
    ]
    rels = [
        Relation(
            type="CONTROLS_SHARE",
            source="country:cote-d-ivoire",
            target="mineral:neodymium",
            properties=RelationProperties(stage="mining", share=0.4, confidence=0.6),
            evidence=[ev("d9", "b"), ev("d9", "second sentence"), ev("lexicon:x", "a")],
        ),
        Relation(
            type="AFFILIATED_WITH",
            source="person:lenaig-deslande",
            target="organization:a-b-mining-co",
            properties=RelationProperties(role="CEO", modality="hedged", count=3),
            evidence=[ev("d9", "She runs A&B.")],
        ),
        Relation(
            type="MENTIONS",
            source="d9",
            target="mineral:neodymium",
            properties=RelationProperties(count=2, inferred=True, origin="inferred"),
            evidence=[Evidence(document="d9", sentence="Nd.", start=5, end=8, rule="mention")],
        ),
    ]
    return GraphBundle(documents=docs, entities=ents, relations=rels)


@pytest.mark.parametrize("which", ["sample", "awkward", "seed"])
def test_rows_agree_with_the_model(which: str, seed_bundle: GraphBundle) -> None:
    bundle = {"sample": make_bundle(), "awkward": awkward_bundle(), "seed": seed_bundle}[which]
    assert bundle.entities
    assert bundle.relations
    assert bundle.documents
    for entity in bundle.entities:
        row = entity_row(entity)
        assert row == expected_entity_row(entity)
        assert set(row) == set(ENTITY_COLUMNS)
    for document in bundle.documents:
        row = document_row(document)
        assert row == expected_document_row(document)
        assert set(row) == set(DOCUMENT_COLUMNS)
    ends = endpoints(bundle.entities, bundle.documents)
    for relation in bundle.relations:
        row = relation_row(relation, ends)
        assert row == expected_relation_row(relation, bundle)
        assert set(row) == set(RELATION_COLUMNS) | {"source", "target"}


def test_lookup_keys_ascii_pass_is_the_full_normalisation() -> None:
    ascii_chars = [chr(c) for c in range(128)]
    samples = [a + b for a, b in itertools.product(ascii_chars, repeat=2)]
    samples += [f"  Mc{a}Donald{b}-Co. " for a, b in itertools.product("A.-_ 9\t\x1f", repeat=2)]
    samples += ["Lenaïg", "Ærø", "ｆｕｌｌ-ｗｉｄｔｈ", "北京", "naïve—dash", "", "   "]
    for text in samples:
        assert lookup_key(text) == _unicode_key(text), repr(text)


def changed_bundle(bundle: GraphBundle) -> GraphBundle:
    """One entity renamed, one dropped (with its relations), one relation re-sourced."""
    dropped = "sector:wind-turbines"
    entities = [
        e.model_copy(update={"aliases": ["PRC"]}) if e.id == "country:china" else e
        for e in bundle.entities
        if e.id != dropped
    ]
    relations = []
    for rel in bundle.relations:
        if dropped in (rel.source, rel.target):
            continue
        if rel.type == "DEPENDS_ON" and rel.source == "sector:defense":
            # Same claim seen again: its evidence is merged, the first sentence once.
            evidence = [*rel.evidence, ev("d2", "Defense needs it."), rel.evidence[0]]
            rel = Relation(type=rel.type, source=rel.source, target=rel.target, evidence=evidence)
        relations.append(rel)
    docs = [*bundle.documents, Document(id="d2", title="Second", text="y")]
    return GraphBundle(documents=docs, entities=entities, relations=relations)


def test_plan_writes_only_what_differs() -> None:
    old = make_bundle()
    new = changed_bundle(old)
    plan = plan_write(new, old)
    written = {label: [r["id"] for r in rows] for label, rows in plan.node_writes}
    assert written == {"Document": ["d2"], "Country": ["country:china"]}
    [(group, rows)] = plan.relation_writes
    assert group == ("DEPENDS_ON", "Sector", "Mineral")
    assert rows[0]["documents"] == ["d1", "d2"]  # merged, no duplicate
    assert plan.node_deletes == [("Sector", ["sector:wind-turbines"])]
    [(rel_type, keys)] = plan.relation_deletes
    assert rel_type == "DEPENDS_ON"
    assert len(keys) == 1
    assert plan.rows == 3
    again = plan_write(new, new)
    assert (again.rows, again.node_deletes, again.relation_deletes) == (0, [], [])


def test_writing_the_changed_bundle_stores_exactly_it(tmp_path: Path) -> None:
    old = make_bundle()
    new = changed_bundle(old)
    with EmbeddedStore(tmp_path / "graph.lbdb") as store:
        store.write_bundle(old)
        summary = store.write_bundle(new, store.read_bundle())
        assert (summary.nodes_written, summary.relations_written) == (2, 1)
        assert (summary.nodes_deleted, summary.relations_deleted) == (1, 1)
        assert store.read_bundle().to_export() == new.to_export()
        assert store.write_bundle(new, store.read_bundle()).relations_written == 0


def test_the_collector_resumes_after_a_write_even_a_failed_one(tmp_path: Path) -> None:
    def fail(rows: int) -> None:
        assert not gc.isenabled(), "paused while the plan's rows are alive"
        raise RuntimeError("stop")

    assert gc.isenabled()
    with EmbeddedStore(tmp_path / "graph.lbdb") as store:
        with pytest.raises(RuntimeError, match="stop"):
            store.write_bundle(make_bundle(), progress=fail)
        assert gc.isenabled()
        store.write_bundle(make_bundle())
    assert gc.isenabled()
