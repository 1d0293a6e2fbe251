"""Small hand-built graphs whose analytics can be worked out on paper."""

from __future__ import annotations

from reegraph.model import (
    Entity,
    EntityProperties,
    Evidence,
    GraphBundle,
    Relation,
    RelationProperties,
)


def claim(rel_type: str, source: str, target: str, doc: str = "a", **props: object) -> Relation:
    sentence = f"{source} {rel_type} {target} ({doc})."
    return Relation(
        type=rel_type,
        source=source,
        target=target,
        properties=RelationProperties(**props),
        evidence=[Evidence(document=doc, sentence=sentence, start=0, end=len(sentence), rule="t")],
    )


def supply_bundle() -> GraphBundle:
    """Graphite: China 60% / Mozambique 40% of mining (HHI 0.52), three dependents.

    Rare earths: China's processing share is 80% in document a and 90% in b;
    dysprosium is a member and inherits it. A German–Mozambican pact covers graphite.
    """
    entities = [
        Entity(label="Mineral", name="Graphite"),
        Entity(
            label="Mineral", name="Rare earth elements", properties=EntityProperties(kind="group")
        ),
        Entity(label="Mineral", name="Dysprosium", properties=EntityProperties(symbol="Dy")),
        Entity(label="Commodity", name="Soybeans"),
        Entity(label="Sector", name="Batteries"),
        Entity(label="Sector", name="Wind turbines"),
        Entity(label="Country", name="China"),
        Entity(label="Country", name="Mozambique"),
        Entity(label="Country", name="Germany"),
        Entity(label="Country", name="Japan"),
        Entity(label="Country", name="South Korea"),
        Entity(
            label="Organization", name="Graphite Co", properties=EntityProperties(kind="company")
        ),
        Entity(label="Organization", name="Cell Maker"),
        Entity(label="Agreement", name="Germany-Mozambique graphite pact"),
    ]
    relations = [
        claim(
            "CONTROLS_SHARE", "country:china", "mineral:graphite", "a", stage="mining", share=0.6
        ),
        claim(
            "CONTROLS_SHARE",
            "country:mozambique",
            "mineral:graphite",
            "a",
            stage="mine output",
            share=0.4,
        ),
        claim("DEPENDS_ON", "sector:batteries", "mineral:graphite"),
        claim("DEPENDS_ON", "country:germany", "mineral:graphite"),
        claim("DEPENDS_ON", "country:japan", "country:china", topic="graphite supply"),
        claim("DEPENDS_ON", "country:south-korea", "country:china", topic="soybeans"),
        claim("INVOLVED_IN", "organization:cell-maker", "sector:batteries"),
        claim("BASED_IN", "organization:graphite-co", "country:china"),
        claim("PRODUCES", "organization:graphite-co", "mineral:graphite"),
        claim("PARTY_TO", "country:germany", "agreement:germany-mozambique-graphite-pact"),
        claim("PARTY_TO", "country:mozambique", "agreement:germany-mozambique-graphite-pact"),
        claim("COVERS", "agreement:germany-mozambique-graphite-pact", "mineral:graphite"),
        claim("MEMBER_OF", "mineral:dysprosium", "mineral:rare-earth-elements", "lexicon"),
        claim(
            "CONTROLS_SHARE",
            "country:china",
            "mineral:rare-earth-elements",
            "a",
            stage="processing",
            share=0.8,
        ),
        claim(
            "CONTROLS_SHARE",
            "country:china",
            "mineral:rare-earth-elements",
            "b",
            stage="refining",
            share=0.9,
        ),
        claim("DEPENDS_ON", "sector:wind-turbines", "mineral:rare-earth-elements", "b"),
    ]
    return GraphBundle(entities=entities, relations=relations)


def treaty_bundle() -> GraphBundle:
    """Two treaties, {A, B, C} and {D, E, F}, bridged by A partnering with D."""
    names = "ABCDEF"
    entities = [Entity(label="Country", name=n) for n in names]
    entities += [Entity(label="Agreement", name="West"), Entity(label="Agreement", name="East")]
    relations = [claim("PARTY_TO", f"country:{n.lower()}", "agreement:west") for n in "ABC"]
    relations += [claim("PARTY_TO", f"country:{n.lower()}", "agreement:east") for n in "DEF"]
    relations.append(claim("PARTNERS_WITH", "country:a", "country:d"))
    return GraphBundle(entities=entities, relations=relations)


def terms_bundle() -> GraphBundle:
    """Agreements with a duration, an end date, no end, a suspension and no date."""

    def agreement(name: str, **props: object) -> Entity:
        return Entity(label="Agreement", name=name, properties=EntityProperties(**props))

    return GraphBundle(
        entities=[
            agreement("Truce", date="2025-10-30", duration="P1Y", status="signed"),
            agreement("Pact", date="2024-01-01", end_date="2025-01-01"),
            agreement("Framework", date="2025-10-28", binding=False),
            agreement("Paused deal", date="2025-01-01", status="suspended"),
            agreement("Future accord", date="2027-03-01"),
            agreement("Rumoured deal"),
        ]
    )
