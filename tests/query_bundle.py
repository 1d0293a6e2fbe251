"""A hand-built miniature of the seed graph (``/work/shared/spec/seed-graph.yaml``).

It holds the facts the canned-query tests assert, under the spec's canonical names,
so the same expected answers are checked here and on the extracted seed corpus.
"""

from __future__ import annotations

from typing import Any

from reegraph.model import (
    Document,
    Entity,
    EntityProperties,
    Evidence,
    GraphBundle,
    Relation,
    RelationProperties,
    RelationType,
)

FRAMEWORK = (
    "US-Japan Framework for Securing the Supply of Critical Minerals and Rare Earths"
    " through Mining and Processing"
)
TRUCE = "US-China one-year suspension of rare earth export controls"


def _ev(doc: str, sentence: str) -> Evidence:
    return Evidence(document=doc, sentence=sentence, start=0, end=len(sentence), rule="hand")


def _entity(label: str, name: str, aliases: tuple[str, ...] = (), **props: Any) -> Entity:
    return Entity(
        label=label, name=name, aliases=list(aliases), properties=EntityProperties(**props)
    )


ENTITIES = [
    _entity("Country", "United States", ("U.S.", "US", "USA", "America", "Washington")),
    _entity("Country", "Japan", ("Japanese",)),
    _entity("Country", "China", ("Chinese", "Beijing")),
    _entity("Country", "South Korea", ("Korea",)),
    _entity("Country", "Australia"),
    _entity("Person", "Donald Trump", ("Trump", "President Trump"), role="President"),
    _entity("Person", "Sanae Takaichi", ("Takaichi",), role="Prime Minister"),
    _entity("Person", "Xi Jinping", ("Xi", "President Xi"), role="President"),
    _entity(
        "Organization",
        "JOGMEC",
        ("Japan Organisation for Metals and Energy Security",),
        kind="government agency",
    ),
    _entity("Organization", "REAlloys", kind="company"),
    _entity("Organization", "Energy Fuels", kind="company"),
    _entity("Organization", "Mitsubishi Heavy Industries", kind="company"),
    _entity("Organization", "Mitsui", kind="company"),
    _entity("Mineral", "Rare earth elements", ("rare earths", "REEs"), kind="group"),
    _entity("Mineral", "Critical minerals", kind="group"),
    _entity("Mineral", "Dysprosium", symbol="Dy", kind="element"),
    _entity("Mineral", "Neodymium", symbol="Nd", kind="element"),
    _entity("Mineral", "Terbium", symbol="Tb", kind="element"),
    _entity("Mineral", "Lanthanum", symbol="La", kind="element"),
    _entity("Mineral", "Cobalt", symbol="Co", kind="element"),
    _entity("Sector", "Clean energy technologies"),
    _entity("Sector", "Advanced electronics"),
    _entity("Sector", "Defense", ("defence", "defense systems")),
    _entity("Sector", "Electric vehicles", ("EVs",)),
    _entity("Sector", "Wind turbines"),
    _entity("Sector", "Automotive"),
    _entity(
        "Agreement",
        FRAMEWORK,
        ("US-Japan framework",),
        kind="framework",
        binding=False,
        date="2025-10-28",
        place="Tokyo",
        status="signed",
    ),
    _entity(
        "Agreement",
        TRUCE,
        ("one-year truce",),
        kind="truce",
        date="2025-10-30",
        place="Busan",
        status="in force",
        duration="P1Y",
    ),
    _entity("Agreement", "JOGMEC-REAlloys memorandum", kind="memorandum", binding=False),
    _entity("Event", "Trump-Xi meeting at APEC in Busan", date="2025-10-30", place="Busan"),
    _entity("Place", "Tokyo"),
    _entity("Place", "Busan"),
]

_ID = {e.name: e.id for e in ENTITIES}

# (type, source name, target name, document, sentence, properties)
_FACTS: list[tuple[str, str, str, str, str, dict[str, Any]]] = [
    ("LEADS", "Donald Trump", "United States", "000", "President Trump of the United States", {}),
    ("LEADS", "Sanae Takaichi", "Japan", "000", "Japanese Prime Minister Sanae Takaichi", {}),
    ("LEADS", "Xi Jinping", "China", "000", "Chinese President Xi Jinping", {}),
    (
        "SIGNED",
        "Donald Trump",
        FRAMEWORK,
        "000",
        "President Trump and Japanese Prime Minister Sanae Takaichi signed the framework.",
        {},
    ),
    (
        "SIGNED",
        "Sanae Takaichi",
        FRAMEWORK,
        "000",
        "President Trump and Japanese Prime Minister Sanae Takaichi signed the framework.",
        {},
    ),
    ("PARTY_TO", "United States", FRAMEWORK, "002", "The U.S.-Japan framework was signed.", {}),
    ("PARTY_TO", "Japan", FRAMEWORK, "002", "The U.S.-Japan framework was signed.", {}),
    (
        "COVERS",
        FRAMEWORK,
        "Dysprosium",
        "000",
        "The framework secures neodymium, dysprosium, and cobalt.",
        {},
    ),
    (
        "COVERS",
        FRAMEWORK,
        "Neodymium",
        "000",
        "The framework secures neodymium, dysprosium, and cobalt.",
        {},
    ),
    (
        "COVERS",
        FRAMEWORK,
        "Cobalt",
        "000",
        "The framework secures neodymium, dysprosium, and cobalt.",
        {},
    ),
    ("COVERS", FRAMEWORK, "Rare earth elements", "002", "A pact on rare earths.", {}),
    ("HELD_IN", FRAMEWORK, "Tokyo", "000", "They signed it in Tokyo.", {}),
    ("SIGNED", "Donald Trump", TRUCE, "000", "Trump and Xi agreed a one-year truce.", {}),
    ("SIGNED", "Xi Jinping", TRUCE, "000", "Trump and Xi agreed a one-year truce.", {}),
    ("PARTY_TO", "United States", TRUCE, "000", "Washington and Beijing agreed a pause.", {}),
    ("PARTY_TO", "China", TRUCE, "000", "Washington and Beijing agreed a pause.", {}),
    ("COVERS", TRUCE, "Lanthanum", "000", "The pause covers lanthanum and terbium.", {}),
    ("COVERS", TRUCE, "Terbium", "000", "The pause covers lanthanum and terbium.", {}),
    ("COVERS", TRUCE, "Rare earth elements", "003", "China paused rare earth controls.", {}),
    ("HELD_IN", TRUCE, "Busan", "000", "They met in Busan.", {}),
    ("PARTY_TO", "JOGMEC", "JOGMEC-REAlloys memorandum", "004", "JOGMEC signed a memorandum.", {}),
    (
        "PARTY_TO",
        "REAlloys",
        "JOGMEC-REAlloys memorandum",
        "004",
        "JOGMEC signed a memorandum.",
        {},
    ),
    (
        "PARTICIPATED_IN",
        "Donald Trump",
        "Trump-Xi meeting at APEC in Busan",
        "000",
        "Trump met Xi at APEC in Busan.",
        {},
    ),
    (
        "PARTICIPATED_IN",
        "Xi Jinping",
        "Trump-Xi meeting at APEC in Busan",
        "000",
        "Trump met Xi at APEC in Busan.",
        {},
    ),
    (
        "MET_WITH",
        "Donald Trump",
        "Xi Jinping",
        "000",
        "Trump met Xi at APEC in Busan.",
        {"date": "2025-10-30"},
    ),
    (
        "CONTROLS_SHARE",
        "China",
        "Rare earth elements",
        "000",
        "Beijing controlling over 70 percent of global production",
        {"stage": "production", "share": 0.7, "qualifier": "over"},
    ),
    (
        "CONTROLS_SHARE",
        "China",
        "Rare earth elements",
        "000",
        "China accounts for 80 percent of rare earth production and refining.",
        {"stage": "production and refining", "share": 0.8},
    ),
    (
        "CONTROLS_SHARE",
        "China",
        "Rare earth elements",
        "002",
        "over 90 % of the world's processing occurs in China",
        {"stage": "processing", "share": 0.9, "qualifier": "over"},
    ),
    (
        "RESTRICTS_EXPORT",
        "China",
        "Rare earth elements",
        "003",
        "China suspended its rare earth export restrictions for one year.",
        {"status": "suspended", "date": "2025-10-30"},
    ),
    (
        "PRODUCES",
        "Energy Fuels",
        "Rare earth elements",
        "004",
        "Energy Fuels promised to boost American rare earths production.",
        {},
    ),
    (
        "PARTNERS_WITH",
        "JOGMEC",
        "REAlloys",
        "004",
        "JOGMEC did sign a memorandum with American company REAlloys.",
        {},
    ),
    ("BASED_IN", "JOGMEC", "Japan", "004", "Japan's JOGMEC", {}),
    ("BASED_IN", "REAlloys", "United States", "004", "American company REAlloys", {}),
    ("BASED_IN", "Energy Fuels", "United States", "004", "US firm Energy Fuels", {}),
    ("BASED_IN", "Mitsubishi Heavy Industries", "Japan", "004", "Japan's MHI", {}),
    (
        "INVESTS_IN",
        "Japan",
        "United States",
        "004",
        "Japan will invest up to $400 billion.",
        {"amount": 400e9, "currency": "USD", "qualifier": "up to"},
    ),
    (
        "DEPENDS_ON",
        "Clean energy technologies",
        "Dysprosium",
        "000",
        "dysprosium is a vital input for clean energy technologies",
        {},
    ),
    (
        "DEPENDS_ON",
        "Advanced electronics",
        "Dysprosium",
        "000",
        "dysprosium is a vital input for advanced electronics",
        {},
    ),
    ("DEPENDS_ON", "Defense", "Dysprosium", "000", "dysprosium is vital for defense systems", {}),
    (
        "DEPENDS_ON",
        "Clean energy technologies",
        "Neodymium",
        "000",
        "neodymium is a vital input for clean energy technologies",
        {},
    ),
    (
        "DEPENDS_ON",
        "Electric vehicles",
        "Rare earth elements",
        "002",
        "Electric vehicles need rare earths.",
        {},
    ),
    (
        "DEPENDS_ON",
        "Wind turbines",
        "Rare earth elements",
        "002",
        "Wind turbines need rare earths.",
        {},
    ),
    (
        "DEPENDS_ON",
        "Automotive",
        "Rare earth elements",
        "004",
        "the global automotive industry that essentially relies on rare earths",
        {},
    ),
    (
        "DEPENDS_ON",
        "United States",
        "China",
        "001",
        "to reduce dependence on Beijing",
        {"topic": "rare earth supply"},
    ),
    (
        "DEPENDS_ON",
        "Japan",
        "China",
        "002",
        "Japan relies on China for rare earths",
        {"topic": "rare earth supply"},
    ),
    ("MEMBER_OF", "Dysprosium", "Rare earth elements", "lexicon:minerals", "lexicon", {}),
    ("MEMBER_OF", "Neodymium", "Rare earth elements", "lexicon:minerals", "lexicon", {}),
    ("MEMBER_OF", "Terbium", "Rare earth elements", "lexicon:minerals", "lexicon", {}),
    ("MEMBER_OF", "Lanthanum", "Rare earth elements", "lexicon:minerals", "lexicon", {}),
    ("MEMBER_OF", "Rare earth elements", "Critical minerals", "lexicon:minerals", "lexicon", {}),
    ("MEMBER_OF", "Cobalt", "Critical minerals", "lexicon:minerals", "lexicon", {}),
]

DOCUMENTS = [
    Document(id="000", title="Strategic Shifts in Rare Earth Diplomacy", published="2025-11"),
    Document(id="001", title="Rare earth diplomacy", published="2025-10-29"),
    Document(id="002", title="US-Japan Rare-Earths Pact", published="2025-10"),
    Document(
        id="003", title="U.S.-Japan rare earth pact and China's one-year pause", published="2025-11"
    ),
    Document(id="004", title="Trump on Expanding East Asian Rare Earth Deals", published="2025-11"),
]


def make_query_bundle() -> GraphBundle:
    relations = [
        Relation(
            type=RelationType(kind),
            source=_ID[source],
            target=_ID[target],
            properties=RelationProperties(
                origin="lexicon" if doc.startswith("lexicon") else "text", **props
            ),
            evidence=[_ev(doc, sentence)],
        )
        for kind, source, target, doc, sentence, props in _FACTS
    ]
    mentions: dict[tuple[str, str], str] = {}
    for kind, source, target, doc, sentence, _props in _FACTS:
        if doc.startswith("lexicon") or kind == "MEMBER_OF":
            continue
        for name in (source, target):
            mentions.setdefault((doc, _ID[name]), sentence)
    relations += [
        Relation(
            type=RelationType.MENTIONS,
            source=doc,
            target=entity,
            properties=RelationProperties(count=1),
            evidence=[_ev(doc, sentence)],
        )
        for (doc, entity), sentence in sorted(mentions.items())
    ]
    return GraphBundle(documents=DOCUMENTS, entities=ENTITIES, relations=relations)
