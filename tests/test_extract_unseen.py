"""Held-out style checks: invented companies, officials and agreements in news copy, plus
the building blocks (cleaning, sentences, numbers, dates, negation and hedging)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reegraph.corpus import read_article
from reegraph.extract.clean import clean
from reegraph.extract.dates import add_duration, find_date, find_duration
from reegraph.extract.emit import modality
from reegraph.extract.numbers import money, shares, tariff_rates, tonnages
from reegraph.extract.pipeline import Extractor
from reegraph.extract.sentences import split_sentences
from reegraph.model import Document, Entity, GraphBundle, lookup_key
from reegraph.model import RelationType as T

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(ROOT / "ingest/lexicon")


@pytest.fixture(scope="module")
def nordic(extractor: Extractor) -> GraphBundle:
    return extractor.extract([read_article(ROOT / "tests/fixtures/unseen_nordic.txt")])


def doc(text: str, published: str = "2025-11-14", doc_id: str = "t") -> Document:
    return Document(id=doc_id, title="t", published=published, text=text)


def ent(bundle: GraphBundle, name: str) -> Entity:
    key = lookup_key(name)
    found = [e for e in bundle.entities if key in e.lookup]
    assert found, f"{name} not found among {[e.name for e in bundle.entities]}"
    return found[0]


def has(bundle: GraphBundle, rtype: T, s: str, o: str) -> bool:
    sid, oid = ent(bundle, s).id, ent(bundle, o).id
    return any(r.type is rtype and r.source == sid and r.target == oid for r in bundle.relations)


# -- open-world entities ---------------------------------------------------------------


def test_invented_organisations_found_with_labels_and_countries(nordic: GraphBundle) -> None:
    nmw = ent(nordic, "Nordic Magnet Works")
    assert nmw.label == "Organization"
    assert nmw.properties.country == "country:sweden"
    assert has(nordic, T.BASED_IN, "Nordic Magnet Works", "Sweden")
    arm = ent(nordic, "Austral Rare Metals Ltd")
    assert arm.label == "Organization"
    assert arm.properties.country == "country:australia"
    tks = ent(nordic, "Tau-Ken Samruk")
    assert tks.label == "Organization"
    assert tks.properties.country == "country:kazakhstan"


def test_invented_officials_get_roles_and_leads(nordic: GraphBundle) -> None:
    bahlil = ent(nordic, "Bahlil Lahadalia")
    assert bahlil.label == "Person"
    assert bahlil.properties.role == "Energy Minister"
    assert has(nordic, T.AFFILIATED_WITH, "Bahlil Lahadalia", "Indonesia")
    assert has(nordic, T.LEADS, "Olzhas Bektenov", "Kazakhstan")
    assert has(nordic, T.LEADS, "Ulf Kristersson", "Sweden")
    assert not has(nordic, T.LEADS, "Bahlil Lahadalia", "Indonesia")


def test_partnership_memorandum_and_meeting(nordic: GraphBundle) -> None:
    assert has(nordic, T.PARTNERS_WITH, "Nordic Magnet Works", "Korea Zinc")
    mou = [e for e in nordic.entities if e.label == "Agreement"]
    assert len(mou) == 1
    assert mou[0].properties.kind in {"MOU", "memorandum"}
    assert mou[0].properties.binding is False
    assert mou[0].properties.date == "2025-11-12"
    parties = {r.source for r in nordic.relations if r.type is T.PARTY_TO}
    assert parties == {ent(nordic, "Nordic Magnet Works").id, ent(nordic, "Korea Zinc").id}
    assert has(nordic, T.COVERS, mou[0].name, "Terbium")
    met = [r for r in nordic.relations if r.type is T.MET_WITH]
    assert met
    assert met[0].properties.date == "2025-11-12"


def test_shares_investment_and_dependence(nordic: GraphBundle) -> None:
    share = [r for r in nordic.relations if r.type is T.CONTROLS_SHARE]
    assert [(r.properties.share, r.properties.qualifier, r.properties.stage) for r in share] == [
        (0.6, "about", "production")
    ]
    inv = [r for r in nordic.relations if r.type is T.INVESTS_IN]
    assert inv
    assert inv[0].properties.amount == 2.5e8
    assert inv[0].properties.modality == "planned"
    assert has(nordic, T.DEPENDS_ON, "Batteries", "Nickel")
    assert has(nordic, T.DEPENDS_ON, "Electric vehicles", "Cobalt")
    assert has(nordic, T.INVOLVED_IN, "Tau-Ken Samruk", "Batteries")
    inv_mod = next(r for r in nordic.relations if r.type is T.INVOLVED_IN).properties.modality
    assert inv_mod == "hedged"


def test_negated_signing_is_not_asserted(nordic: GraphBundle) -> None:
    indonesia = ent(nordic, "Indonesia").id
    assert not any(
        r.type in {T.SIGNED, T.PARTY_TO} and r.source == indonesia for r in nordic.relations
    )


def test_debris_and_bylines_are_not_entities(nordic: GraphBundle) -> None:
    names = {e.name for e in nordic.entities}
    assert not names & {"Wire Staff", "Advertisement", "LinkedIn", "Share this article"}


def test_known_entities_keep_their_ids(extractor: Extractor) -> None:
    first = extractor.extract(
        [doc("US President Donald Trump met Chinese President Xi Jinping.", doc_id="a")]
    )
    second = extractor.extract([doc("Trump said Xi agreed.", doc_id="b")], known=first.entities)
    ids = {e.id for e in second.entities}
    assert {"person:donald-trump", "person:xi-jinping"} <= ids


def test_surname_merges_into_full_name_across_documents(extractor: Extractor) -> None:
    b = extractor.extract(
        [
            doc(
                "Trade Minister Helga Brandvold said the Norwegian Rare Earths Agency "
                "would expand.",
                doc_id="a",
            ),
            doc("Brandvold said the agency had hired staff.", doc_id="b"),
        ]
    )
    people = [e for e in b.entities if e.label == "Person"]
    assert [p.name for p in people] == ["Helga Brandvold"]


def test_agreements_merge_across_documents_and_resolve_definites(extractor: Extractor) -> None:
    b = extractor.extract(
        [
            doc(
                "On Monday, Canada and Chile signed a framework on lithium supply in Ottawa. "
                "The framework is not legally binding.",
                published="2025-11-19",
                doc_id="a",
            ),
            doc(
                "The Canada–Chile framework covers lithium and copper.",
                published="2025-11-20",
                doc_id="b",
            ),
        ]
    )
    agreements = [e for e in b.entities if e.label == "Agreement"]
    assert len(agreements) == 1
    a = agreements[0]
    assert a.properties.date == "2025-11-17"
    assert a.properties.binding is False
    assert has(b, T.COVERS, a.name, "Copper")
    assert has(b, T.COVERS, a.name, "Lithium")
    assert {r.evidence[0].document for r in b.relations if r.type is T.PARTY_TO} <= {"a", "b"}


def test_truce_with_duration(extractor: Extractor) -> None:
    b = extractor.extract(
        [
            doc(
                "Brazilian President Luiz Inácio Lula da Silva met "
                "South African President Cyril Ramaphosa "
                "in Pretoria on 3 November. "
                "Both leaders agreed to a one-year suspension of Brazil's export "
                "restrictions on niobium.",
                doc_id="a",
            )
        ]
    )
    truce = [e for e in b.entities if e.label == "Agreement"]
    assert truce
    assert truce[0].properties.duration == "P1Y"
    assert truce[0].properties.end_date == "2026-11-03"
    assert has(b, T.RESTRICTS_EXPORT, "Brazil", "Niobium")
    status = [r.properties.status for r in b.relations if r.type is T.RESTRICTS_EXPORT]
    assert status == ["suspended"]


# -- building blocks -------------------------------------------------------------------


def test_sentence_splitting_abbreviations_bullets_headings() -> None:
    text = (
        "Key Takeaways\n●   The U.S. and the U.K. met on Oct. 3 with Dr. Smith of Acme Inc. "
        "in Paris. They agreed.\n-\n2. Supply-chain vulnerability.\n"
        "A heading without a stop\nLast one, e.g. this."
    )
    spans = [text[s.start : s.end] for s in split_sentences(text)]
    assert spans == [
        "Key Takeaways",
        "The U.S. and the U.K. met on Oct. 3 with Dr. Smith of Acme Inc. in Paris.",
        "They agreed.",
        "2. Supply-chain vulnerability.",
        "A heading without a stop",
        "Last one, e.g. this.",
    ]
    assert [s.heading for s in split_sentences(text)][:1] == [True]


def test_cleaning_finds_debris_and_bylines() -> None:
    text = (
        "top of page\nA real sentence here.\n• Writer: Jane Roe\nJane Roe\n• 3 min read\nree\n"
        "Critical Minerals\nRare Earths\nGeopolitical Risk\nPHOTO: unsplash\n"
        "By Newswriters News Desk\n"
        "Body text continues.\nContact Us\nfoo@bar.com\n+44 20 1234 5678\nbottom of page"
    )
    cleaned = clean(text)
    junk = {text[s:e] for s, e in cleaned.debris}
    assert "A real sentence here." not in junk
    assert "Body text continues." not in junk
    assert {
        "top of page",
        "• Writer: Jane Roe",
        "Jane Roe",
        "• 3 min read",
        "ree",
        "Critical Minerals",
        "PHOTO: unsplash",
        "Contact Us",
        "foo@bar.com",
        "+44 20 1234 5678",
        "bottom of page",
    } <= junk
    assert [(b.name, b.is_person) for b in cleaned.bylines] == [
        ("Jane Roe", True),
        ("Newswriters News Desk", False),
    ]


def test_numbers() -> None:
    assert [(v.value, v.qualifier) for v in shares("nearly 85 per cent of refining")] == [
        (0.85, "nearly")
    ]
    assert [(v.value, v.unit) for v in money("a 400 billion yen loan and A$1.2 billion")] == [
        (4e11, "JPY"),
        (1.2e9, "AUD"),
    ]
    assert tonnages("25 million tonnes of ore")[0].value == 25e6
    assert tariff_rates("cut tariffs from 25% to 10%") == (0.25, 0.1)


def test_dates() -> None:
    assert find_date("On Tuesday, the leaders signed.", "2025-10-29") == "2025-10-28"
    assert find_date("The meeting last Thursday was short.", "2025-11") == "2025-10-30"
    assert find_date("talks on 30 October", "2025-11") == "2025-10-30"
    assert find_duration("an 18-month pause") == "P18M"
    assert add_duration("2024-02-29", "P1Y") == "2025-02-28"


def test_modality() -> None:
    assert modality("The firm has not agreed to buy it") is None
    assert modality("no longer supplies") is None
    assert modality("may expand") == "hedged"
    assert modality("aims to build") == "planned"
    assert modality("not only signed but ratified") == "asserted"
