from __future__ import annotations

import pytest
from pydantic import ValidationError

from reegraph.model import Entity, GraphBundle, Relation, RelationProperties, entity_id
from sample_bundle import ev, make_bundle


def test_entity_id_is_a_stable_slug_of_label_and_name() -> None:
    assert entity_id("Person", "Lenaïg Deslande") == "person:lenaig-deslande"
    assert Entity(label="Mineral", name="Rare earth elements").id == "mineral:rare-earth-elements"


def test_lookup_folds_case_punctuation_and_symbols() -> None:
    ent = Entity(label="Country", name="United States", aliases=["U.S.", "USA"])
    assert {"united states", "u s", "usa"} <= set(ent.lookup)
    dy = make_bundle().entity_index()["mineral:dysprosium"]
    assert "dy" in dy.lookup


def test_relation_without_evidence_is_rejected() -> None:
    with pytest.raises(ValidationError):
        Relation(type="LEADS", source="person:a", target="country:b", evidence=[])


def test_bundle_rejects_unknown_nodes_and_illegal_endpoints() -> None:
    bundle = make_bundle()
    bad_target = Relation(
        type="DEPENDS_ON", source="sector:defense", target="mineral:nope", evidence=[ev("d1", "x")]
    )
    with pytest.raises(ValidationError, match="unknown node"):
        GraphBundle(entities=bundle.entities, relations=[bad_target])
    wrong_kind = Relation(
        type="LEADS", source="sector:defense", target="country:china", evidence=[ev("d1", "x")]
    )
    with pytest.raises(ValidationError, match="cannot join"):
        GraphBundle(entities=bundle.entities, relations=[wrong_kind])


def test_claims_with_different_shares_are_distinct_relations() -> None:
    shares = [r for r in make_bundle().relations if r.type == "CONTROLS_SHARE"]
    assert len({r.key for r in shares}) == 2
    same = shares[0].model_copy(
        update={"properties": shares[0].properties.model_copy(update={"confidence": 0.1})}
    )
    assert same.key == shares[0].key  # confidence is not part of a claim's identity


def test_export_round_trips_through_the_model() -> None:
    bundle = make_bundle()
    exported = bundle.to_export()
    assert set(exported) >= {"documents", "entities", "relations"}
    assert exported["relations"][0].keys() >= {"type", "source", "target", "properties", "evidence"}
    assert exported["relations"][0]["evidence"][0].keys() >= {
        "document",
        "sentence",
        "start",
        "end",
    }
    again = GraphBundle.from_export(exported)
    assert again.to_export() == exported


def test_evidence_is_deduplicated_by_document_and_offsets() -> None:
    rel = Relation(
        type="DEPENDS_ON",
        source="sector:defense",
        target="mineral:dysprosium",
        properties=RelationProperties(),
        evidence=[ev("d1", "same"), ev("d1", "same")],
    )
    assert len(rel.evidence) == 1
