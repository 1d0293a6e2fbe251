"""Unseen people, organisations and sites in news copy: how titles, descriptors and
appositions introduce them, the country they give, and what must not be read into them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reegraph.extract.pipeline import Extractor
from reegraph.model import Document, Entity, GraphBundle, Label, lookup_key
from reegraph.model import RelationType as T

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(ROOT / "ingest/lexicon")


def extract(extractor: Extractor, text: str) -> GraphBundle:
    document = Document(id="t", title="t", published="2026-02-10", text=text)
    return extractor.extract([document])


def find(bundle: GraphBundle, name: str, label: Label | None = None) -> Entity | None:
    key = lookup_key(name)
    return next(
        (e for e in bundle.entities if key in e.lookup and (label is None or e.label == label)),
        None,
    )


def ent(bundle: GraphBundle, name: str, label: Label | None = None) -> Entity:
    found = find(bundle, name, label)
    assert found is not None, f"{name} not among {[e.name for e in bundle.entities]}"
    return found


def rel(bundle: GraphBundle, rtype: T, source: str, target: str) -> bool:
    s, o = ent(bundle, source).id, ent(bundle, target).id
    return any(r.type is rtype and r.source == s and r.target == o for r in bundle.relations)


def names(bundle: GraphBundle, label: Label) -> set[str]:
    return {e.name for e in bundle.entities if e.label == label}


# -- people: the country of a nationality before a title ------------------------------

TITLES = (
    "SANTIAGO, Feb 10 (Example Wire) - Australian Foreign Minister Penny Wong and Chilean "
    "Mining Minister Aurelia Vantrosa discussed copper supplies on Tuesday.\n\n"
    "Indonesian Energy Minister R. K. Vastrani said exports of nickel ore would stay banned. "
    "Trade Minister Ana Pirelli told U.S. lawmakers the talks would continue."
)


@pytest.fixture(scope="module")
def titles(extractor: Extractor) -> GraphBundle:
    return extract(extractor, TITLES)


def test_known_minister_takes_the_nationality_before_the_title(titles: GraphBundle) -> None:
    wong = ent(titles, "Penny Wong", Label.PERSON)
    assert wong.properties.country == "country:australia"
    assert rel(titles, T.AFFILIATED_WITH, "Penny Wong", "Australia")
    # A minister is no head of government.
    assert not rel(titles, T.LEADS, "Penny Wong", "Australia")


def test_unknown_minister_found_with_country_and_role(titles: GraphBundle) -> None:
    vantrosa = ent(titles, "Aurelia Vantrosa", Label.PERSON)
    assert vantrosa.properties.country == "country:chile"
    assert vantrosa.properties.role == "Mining Minister"
    assert rel(titles, T.AFFILIATED_WITH, "Aurelia Vantrosa", "Chile")


def test_initials_belong_to_the_name_after_a_title(titles: GraphBundle) -> None:
    person = ent(titles, "R. K. Vastrani", Label.PERSON)
    assert person.name == "R. K. Vastrani"
    assert person.properties.country == "country:indonesia"
    assert person.properties.role == "Energy Minister"


def test_abbreviations_are_not_initials(titles: GraphBundle) -> None:
    people = names(titles, Label.PERSON)
    assert "Ana Pirelli" in people
    assert not any("U.S" in p for p in people), people
    # No nationality before her title: no country is guessed.
    assert ent(titles, "Ana Pirelli").properties.country is None


# -- people: a title between an organisation and a name --------------------------------

ORG_TITLES = (
    "Veltrona Mining Chief Executive Oskar Lindqvist said the Kiruna-area project was on "
    "track. Veltrona Mining Chief Financial Officer Mara Dunne said costs had risen.\n\n"
    "Officials at Corvane Resources welcomed the ruling, and President Lydia Mbeki said "
    "more funding would follow."
)


@pytest.fixture(scope="module")
def org_titles(extractor: Extractor) -> GraphBundle:
    return extract(extractor, ORG_TITLES)


def test_head_title_after_an_organisation_leads_it(org_titles: GraphBundle) -> None:
    assert ent(org_titles, "Veltrona Mining").label == Label.ORGANIZATION
    assert rel(org_titles, T.LEADS, "Oskar Lindqvist", "Veltrona Mining")


def test_other_titles_after_an_organisation_are_affiliations(org_titles: GraphBundle) -> None:
    assert rel(org_titles, T.AFFILIATED_WITH, "Mara Dunne", "Veltrona Mining")
    assert not rel(org_titles, T.LEADS, "Mara Dunne", "Veltrona Mining")


def test_title_apart_from_an_organisation_gives_no_leadership(org_titles: GraphBundle) -> None:
    assert ent(org_titles, "Lydia Mbeki").label == Label.PERSON
    assert not rel(org_titles, T.LEADS, "Lydia Mbeki", "Corvane Resources")
    assert not rel(org_titles, T.AFFILIATED_WITH, "Lydia Mbeki", "Corvane Resources")


# -- organisations -----------------------------------------------------------------------

ORGS = (
    "State-owned Pranavi Minerals Ltd (PML) signed an offtake deal with Sakurada Shoji, a "
    "Japanese trading house, on Monday. Pranavi Minerals said the first cargo would sail "
    "in May.\n\n"
    "Narrabeen Lithium, a Perth-based explorer, raised A$40 million. Hong Kong-listed "
    "Kestrel Nickel Holdings bought a stake in the explorer.\n\n"
    "Shares rose in Sydney. Lithium Exploration will resume next year, analysts said. "
    "Australia mined half the world's lithium last year."
)


@pytest.fixture(scope="module")
def orgs(extractor: Extractor) -> GraphBundle:
    return extract(extractor, ORGS)


def test_ownership_words_are_not_part_of_a_name(orgs: GraphBundle) -> None:
    organisations = names(orgs, Label.ORGANIZATION)
    assert not any(n.lower().startswith(("state-owned", "hong kong")) for n in organisations)
    assert "Kestrel Nickel Holdings" in organisations


def test_long_form_short_form_and_acronym_are_one_organisation(orgs: GraphBundle) -> None:
    pml = ent(orgs, "PML", Label.ORGANIZATION)
    assert pml.name == "Pranavi Minerals Ltd"
    assert lookup_key("Pranavi Minerals") in pml.lookup
    same = [e for e in orgs.entities if lookup_key("Pranavi Minerals") in e.lookup]
    assert len(same) == 1


def test_trading_house_apposition_keeps_the_full_name_and_country(orgs: GraphBundle) -> None:
    shoji = ent(orgs, "Sakurada Shoji", Label.ORGANIZATION)
    assert shoji.name == "Sakurada Shoji"
    assert shoji.properties.country == "country:japan"
    assert rel(orgs, T.BASED_IN, "Sakurada Shoji", "Japan")


def test_city_based_gives_the_city_country(orgs: GraphBundle) -> None:
    narrabeen = ent(orgs, "Narrabeen Lithium", Label.ORGANIZATION)
    assert narrabeen.properties.country == "country:australia"
    assert rel(orgs, T.BASED_IN, "Narrabeen Lithium", "Australia")


def test_based_and_sentence_starts_create_no_entities(orgs: GraphBundle) -> None:
    everything = {e.name for e in orgs.entities}
    assert not any("based" in n.lower() for n in everything), everything
    assert names(orgs, Label.PERSON) == set()
    assert not {"Shares", "Lithium Exploration", "Perth"} & names(orgs, Label.ORGANIZATION)


# -- places: sites named before their noun -----------------------------------------------

SITES = (
    "Ferrovia Metals said its Oakhurst plant in Ohio would double output. Zambia's Mwenda "
    "mine and the Kalumbwe Hills mine supply most of its cobalt.\n\n"
    "Rivals such as Corvane Resources run the Dunmore plant, and the company's new plant "
    "opens in March. The Energy Department said its Texas plant was safe. The United States "
    "imports most of its cobalt."
)


@pytest.fixture(scope="module")
def sites(extractor: Extractor) -> GraphBundle:
    return extract(extractor, SITES)


def test_possessed_plant_is_a_place_in_the_country_after_it(sites: GraphBundle) -> None:
    oakhurst = ent(sites, "Oakhurst", Label.PLACE)
    assert oakhurst.properties.country == "country:united-states"
    assert rel(sites, T.LOCATED_IN, "Oakhurst", "United States")


def test_named_mines_are_places(sites: GraphBundle) -> None:
    assert ent(sites, "Kalumbwe Hills", Label.PLACE).properties.country is None
    assert ent(sites, "Mwenda", Label.PLACE).properties.country == "country:zambia"


def test_works_after_the_are_not_places(sites: GraphBundle) -> None:
    # "the Dunmore plant" may name a company's works; a lexicon place stays itself.
    places = names(sites, Label.PLACE)
    assert "Dunmore" not in places
    assert not {"Energy Department", "Texas plant"} & places
    assert find(sites, "Texas", Label.PLACE) is not None
