"""A small hand-built bundle whose answers can be worked out by hand."""

from __future__ import annotations

from reegraph.model import (
    Document,
    Entity,
    EntityProperties,
    Evidence,
    GraphBundle,
    Relation,
    RelationProperties,
)


def ev(doc: str, sentence: str, rule: str = "test") -> Evidence:
    return Evidence(document=doc, sentence=sentence, start=0, end=len(sentence), rule=rule)


def make_bundle() -> GraphBundle:
    docs = [Document(id="d1", title="Test article", published="2025-10-29", text="abc")]
    ents = [
        Entity(label="Mineral", name="Dysprosium", properties=EntityProperties(symbol="Dy")),
        Entity(
            label="Mineral",
            name="Rare earth elements",
            aliases=["rare earths", "REEs"],
            properties=EntityProperties(kind="group"),
        ),
        Entity(label="Sector", name="Defense", aliases=["defence"]),
        Entity(label="Sector", name="Wind turbines"),
        Entity(label="Country", name="China"),
        Entity(label="Country", name="United States", aliases=["U.S."]),
    ]
    rels = [
        Relation(
            type="MEMBER_OF",
            source="mineral:dysprosium",
            target="mineral:rare-earth-elements",
            properties=RelationProperties(origin="lexicon"),
            evidence=[ev("lexicon:minerals", "Dysprosium is a rare earth element", "lexicon")],
        ),
        Relation(
            type="DEPENDS_ON",
            source="sector:defense",
            target="mineral:dysprosium",
            evidence=[ev("d1", "Defense systems need dysprosium.")],
        ),
        Relation(
            type="DEPENDS_ON",
            source="sector:wind-turbines",
            target="mineral:rare-earth-elements",
            evidence=[ev("d1", "Wind turbines depend on rare earths.")],
        ),
        Relation(
            type="DEPENDS_ON",
            source="country:united-states",
            target="country:china",
            properties=RelationProperties(topic="rare earth supply"),
            evidence=[ev("d1", "The U.S. depends on China for rare earths.")],
        ),
        Relation(
            type="CONTROLS_SHARE",
            source="country:china",
            target="mineral:rare-earth-elements",
            properties=RelationProperties(stage="production", share=0.7, qualifier="over"),
            evidence=[ev("d1", "China controls over 70 percent of production.")],
        ),
        Relation(
            type="CONTROLS_SHARE",
            source="country:china",
            target="mineral:rare-earth-elements",
            properties=RelationProperties(stage="processing", share=0.9),
            evidence=[ev("d1", "China processes 90% of rare earths.")],
        ),
        Relation(
            type="MENTIONS",
            source="d1",
            target="country:china",
            properties=RelationProperties(count=2),
            evidence=[ev("d1", "China controls over 70 percent of production.")],
        ),
    ]
    return GraphBundle(documents=docs, entities=ents, relations=rels)
