"""Agreements in invented news copy: the nouns deals go by, who the parties are, where
the signing took place and what is asserted about it (not what the deal is for)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reegraph.extract.pipeline import Extractor
from reegraph.model import Document, Entity, GraphBundle, Relation, lookup_key
from reegraph.model import RelationType as T

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(ROOT / "ingest/lexicon")


def run(extractor: Extractor, text: str, published: str = "2026-05-08") -> GraphBundle:
    return extractor.extract([Document(id="d", title="t", published=published, text=text)])


def ent(bundle: GraphBundle, name: str) -> Entity:
    key = lookup_key(name)
    found = [e for e in bundle.entities if key in e.lookup]
    assert found, f"{name} not found among {[e.name for e in bundle.entities]}"
    return found[0]


def agreements(bundle: GraphBundle) -> list[Entity]:
    return [e for e in bundle.entities if e.label == "Agreement"]


def rels(bundle: GraphBundle, rtype: T, source: str | None = None) -> list[Relation]:
    """Relations of a type (from one entity, by name) with the target's name in ``target``."""
    sid = ent(bundle, source).id if source else None
    return [r for r in bundle.relations if r.type is rtype and (sid is None or r.source == sid)]


def names(bundle: GraphBundle, ids: list[str]) -> set[str]:
    by_id = {e.id: e.name for e in bundle.entities}
    return {by_id[i] for i in ids}


PARTNERSHIP = (
    "WINDHOEK — The European Union and Namibia on Wednesday signed a strategic partnership "
    "on battery raw materials, covering lithium, manganese and graphite.\n\n"
    "Namibian President Netumbo Nandi-Ndaitwah and European Commission officials attended "
    "the signing ceremony in Windhoek. The partnership is not legally binding.\n\n"
    "Separately, Canada joined the Minerals Security Partnership, while lithium producers "
    "are forging partnerships with carmakers across Europe."
)


def test_a_signed_strategic_partnership_is_an_agreement_of_a_bloc_and_a_country(
    extractor: Extractor,
) -> None:
    b = run(extractor, PARTNERSHIP)
    [deal] = agreements(b)  # the named initiative and loose "partnerships" make none
    assert deal.properties.kind == "partnership"
    assert deal.properties.date == "2026-05-06"
    assert deal.properties.binding is False  # "The partnership is not legally binding."
    parties = names(b, [r.source for r in rels(b, T.PARTY_TO)])
    assert parties == {"European Union", "Namibia"}
    assert names(b, [r.source for r in rels(b, T.SIGNED)]) == parties
    covered = names(b, [r.target for r in rels(b, T.COVERS)])
    assert {"Lithium", "Manganese", "Graphite"} <= covered
    # The ceremony sentence names the place; the dateline alone would not.
    [held] = rels(b, T.HELD_IN)
    assert names(b, [held.target]) == {"Windhoek"}
    assert deal.properties.place == "Windhoek"


@pytest.mark.parametrize(
    ("sentence", "kind", "parties"),
    [
        (
            "Ganfeng Lithium signed an offtake agreement with Pilbara Minerals for spodumene.",
            "agreement",
            {"Ganfeng Lithium", "Pilbara Minerals"},
        ),
        (
            "Lynas Rare Earths struck a supply deal with Sojitz for neodymium oxide.",
            "deal",
            {"Lynas Rare Earths", "Sojitz"},
        ),
        (
            "Albemarle signed a joint venture agreement with Tianqi Lithium on lithium hydroxide.",
            "agreement",
            {"Albemarle", "Tianqi Lithium"},
        ),
        (
            "Zambia and Saudi Arabia signed a partnership agreement on copper on Monday.",
            "partnership",
            {"Zambia", "Saudi Arabia"},
        ),
        (
            "Chile and Japan sealed a critical minerals partnership on Tuesday.",
            "partnership",
            {"Chile", "Japan"},
        ),
        (
            "Vietnam and India concluded an accord on rare earth refining.",
            "accord",
            {"Vietnam", "India"},
        ),
    ],
)
def test_agreement_nouns_signed_by_two_sides(
    extractor: Extractor, sentence: str, kind: str, parties: set[str]
) -> None:
    b = run(extractor, sentence)
    [deal] = agreements(b)
    assert deal.properties.kind == kind
    assert names(b, [r.source for r in rels(b, T.PARTY_TO)]) == parties


@pytest.mark.parametrize(
    "sentence",
    [
        "President Gustavo Petro did not sign any partnership with China on copper during "
        "his visit to Beijing, aides said.",
        "Lithium producers are forging partnerships with carmakers across Europe.",
        "Canada and Australia are members of the Minerals Security Partnership.",
        "The company's partnership with Umicore goes back a decade.",
    ],
)
def test_partnership_without_a_signing_makes_no_agreement(
    extractor: Extractor, sentence: str
) -> None:
    b = run(extractor, sentence)
    assert agreements(b) == []
    assert rels(b, T.PARTY_TO) == []
    assert rels(b, T.SIGNED) == []


def test_a_company_and_its_short_form_are_one_party_and_a_countrys_miner_is_the_miner(
    extractor: Extractor,
) -> None:
    b = run(
        extractor,
        "Nordkapp Mining Corporation (NMC) has signed an agreement with Peru's state miner "
        "Activos Mineros to explore three copper concessions in Arequipa region.",
    )
    [deal] = agreements(b)
    parties = names(b, [r.source for r in rels(b, T.PARTY_TO)])
    assert "Activos Mineros" in parties
    assert "Peru" not in parties
    assert len(parties) == 2  # the full name and "NMC" are one side
    assert deal.name.startswith("NMC-Activos Mineros")
    assert "Nordkapp" not in deal.name
    # The concessions are in Arequipa; where the deal was signed is not said.
    assert rels(b, T.HELD_IN) == []
    assert deal.properties.place is None


def test_the_signing_is_asserted_though_its_purpose_is_planned(extractor: Extractor) -> None:
    b = run(
        extractor,
        "Canada and the Philippines signed a memorandum of understanding on Friday to jointly "
        "build nickel and cobalt refining capacity, as both governments seek to reduce "
        "reliance on imports.",
    )
    assert len(agreements(b)) == 1
    signed = rels(b, T.SIGNED)
    assert names(b, [r.source for r in signed]) == {"Canada", "Philippines"}
    assert {r.properties.modality for r in signed} == {"asserted"}
    covers = rels(b, T.COVERS)
    assert names(b, [r.target for r in covers]) == {"Nickel", "Cobalt"}
    assert {r.properties.modality for r in covers} == {"asserted"}


def test_a_signing_still_to_come_stays_planned(extractor: Extractor) -> None:
    b = run(
        extractor,
        "Canada and the Philippines plan to sign a memorandum of understanding on nickel "
        "refining next month.",
    )
    signed = rels(b, T.SIGNED)
    assert signed, "the planned signing is still a claim"
    assert {r.properties.modality for r in signed} == {"planned"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Kazakhstan and Germany signed a framework agreement in Astana on Tuesday.", "Astana"),
        ("In Lusaka on Monday, Zambia and Japan signed a memorandum on copper.", "Lusaka"),
        ("The accord between Peru and Canada was signed in Lima on Thursday.", "Lima"),
        ("Chile signed a deal with Japan in Santiago on lithium supplies.", "Santiago"),
        ("Namibia signed the pact with Germany at a ceremony in Windhoek.", "Windhoek"),
    ],
)
def test_the_signing_clause_gives_the_place(extractor: Extractor, text: str, place: str) -> None:
    b = run(extractor, text)
    assert len(agreements(b)) == 1
    assert names(b, [r.target for r in rels(b, T.HELD_IN)]) == {place}


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan and Germany signed a deal on Tuesday to develop a tungsten mine near Astana.",
        "Chile and Japan signed a pact to build a lithium refinery in Antofagasta.",
        "Zambia and Japan signed a memorandum on copper, which Tokyo hopes will lift output "
        "in Lusaka province.",
    ],
)
def test_a_place_of_what_the_deal_is_about_is_not_where_it_was_signed(
    extractor: Extractor, text: str
) -> None:
    b = run(extractor, text)
    assert len(agreements(b)) == 1
    assert rels(b, T.HELD_IN) == []
