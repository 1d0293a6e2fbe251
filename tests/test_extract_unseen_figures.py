"""Unseen-text checks for figures and economic claims: coordinated shares, import shares,
export licences, tariff rates before and after, purchases, leading producers, supply,
grants and loans, and page debris that must not become evidence. Each rule has a case
where it must stay silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from reegraph.extract.clean import clean
from reegraph.extract.numbers import tariff_rates
from reegraph.extract.pipeline import Extractor
from reegraph.model import Document, Entity, GraphBundle, Relation, lookup_key
from reegraph.model import RelationType as T

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(ROOT / "ingest/lexicon")


def run(extractor: Extractor, text: str, published: str = "2026-04-14") -> GraphBundle:
    return extractor.extract([Document(id="t", title="t", published=published, text=text)])


def ent(bundle: GraphBundle, name: str) -> Entity:
    key = lookup_key(name)
    found = [e for e in bundle.entities if key in e.lookup]
    assert found, f"{name} not found among {[e.name for e in bundle.entities]}"
    return found[0]


def rels(
    bundle: GraphBundle, rtype: T, s: str | None = None, o: str | None = None
) -> list[Relation]:
    sid = ent(bundle, s).id if s else None
    oid = ent(bundle, o).id if o else None
    return [
        r
        for r in bundle.relations
        if r.type is rtype and (sid is None or r.source == sid) and (oid is None or r.target == oid)
    ]


# -- shares ---------------------------------------------------------------------------------


def test_each_coordinated_figure_goes_to_its_own_mineral(extractor: Extractor) -> None:
    b = run(
        extractor,
        "Indonesia refines roughly 55 percent of the world's nickel and nearly 40 percent of "
        "cobalt intermediates, according to a consultancy in Singapore.",
    )
    nickel = rels(b, T.CONTROLS_SHARE, "Indonesia", "Nickel")
    cobalt = rels(b, T.CONTROLS_SHARE, "Indonesia", "Cobalt")
    assert [(r.properties.share, r.properties.qualifier, r.properties.stage) for r in nickel] == [
        (0.55, "roughly", "processing")
    ]
    assert [(r.properties.share, r.properties.qualifier, r.properties.stage) for r in cobalt] == [
        (0.4, "nearly", "processing")
    ]


def test_figures_before_the_mineral_keep_their_own_stages(extractor: Extractor) -> None:
    b = run(extractor, "Myanmar accounts for 30% of mining and 10% of dysprosium refining.")
    found = rels(b, T.CONTROLS_SHARE, "Myanmar", "Dysprosium")
    assert sorted((r.properties.share, r.properties.stage) for r in found) == [
        (0.1, "processing"),
        (0.3, "production"),
    ]


def test_a_new_clause_keeps_its_own_stage(extractor: Extractor) -> None:
    # The second figure names no stage and follows "while": it is not the first one's.
    b = run(
        extractor,
        "Chile mines about 25 percent of the world's lithium, while Canadian firms hold "
        "60 percent of copper concessions there.",
    )
    assert [r.properties.share for r in rels(b, T.CONTROLS_SHARE)] == [0.25]


def test_import_share_is_a_property_of_the_dependence(extractor: Extractor) -> None:
    b = run(
        extractor,
        "South Korea relies on China for nearly 60 percent of its graphite imports, "
        "customs data showed.",
    )
    dep = rels(b, T.DEPENDS_ON, "South Korea", "China")
    assert [(r.properties.share, r.properties.qualifier) for r in dep] == [(0.6, "nearly")]
    assert rels(b, T.CONTROLS_SHARE) == []


def test_share_of_one_country_s_mines_is_not_a_world_share(extractor: Extractor) -> None:
    b = run(
        extractor,
        "Argentina holds vast brine deposits. Canadian miners control an estimated 60 percent "
        "of the country's lithium mines.",
    )
    assert rels(b, T.CONTROLS_SHARE) == []


# -- export restrictions --------------------------------------------------------------------


def test_export_curbs_target_the_minerals_not_their_uses(extractor: Extractor) -> None:
    b = run(
        extractor,
        "Indonesia on Thursday unveiled new export curbs on nickel and cobalt, two metals "
        "vital for electric vehicles and energy storage.",
    )
    targets = {r.target for r in rels(b, T.RESTRICTS_EXPORT, "Indonesia")}
    assert targets == {ent(b, "Nickel").id, ent(b, "Cobalt").id}


def test_licences_for_shipments_are_export_restrictions(extractor: Extractor) -> None:
    b = run(
        extractor,
        "Vietnam said traders would require licences for shipments of tungsten and antimony "
        "starting September 15.",
    )
    found = rels(b, T.RESTRICTS_EXPORT, "Vietnam")
    assert {r.target for r in found} == {ent(b, "Tungsten").id, ent(b, "Antimony").id}
    assert {r.properties.date for r in found} == {"2026-09-15"}


def test_a_ministry_restricting_speaks_for_its_country(extractor: Extractor) -> None:
    text = (
        "China's Ministry of Commerce said exporters must obtain licences for shipments of "
        "bismuth and indium from May 1."
    )
    b = run(extractor, text + " China refines most of the world's indium.")
    found = rels(b, T.RESTRICTS_EXPORT, "China")
    assert {r.target for r in found} == {ent(b, "Bismuth").id, ent(b, "Indium").id}
    assert {r.properties.date for r in found} == {"2026-05-01"}
    # With the country named nowhere else, the ministry is the state actor.
    alone = run(extractor, text)
    ministry = ent(alone, "Ministry of Commerce of the People's Republic of China")
    assert {r.source for r in rels(alone, T.RESTRICTS_EXPORT)} == {ministry.id}


def test_a_licence_granted_to_export_restricts_nothing(extractor: Extractor) -> None:
    b = run(
        extractor,
        "Chile's mining regulator granted Atacama Salar Holdings a licence to export lithium "
        "carbonate to Japan.",
    )
    assert rels(b, T.RESTRICTS_EXPORT) == []


# -- tariffs --------------------------------------------------------------------------------


def test_tariff_rate_before_the_change(extractor: Extractor) -> None:
    b = run(extractor, "Canada imposed a 30% tariff on Chinese steel in May, up from 10%.")
    found = rels(b, T.IMPOSES_TARIFF, "Canada", "China")
    assert [(r.properties.rate_from, r.properties.rate_to) for r in found] == [(0.1, 0.3)]


def test_tariff_rate_forms() -> None:
    assert tariff_rates("duties were raised to 45% from 20% in June") == (0.2, 0.45)
    assert tariff_rates("a 15% levy on imported cars") == (None, 0.15)
    # A figure "up from" alone names no tariff.
    assert tariff_rates("exports were up from 12% of output last year") == (None, None)


# -- purchases, production, supply ----------------------------------------------------------


def test_planned_purchase_of_a_mineral_with_quantity(extractor: Extractor) -> None:
    b = run(
        extractor,
        "Orinoco Minerals Ltd said it plans to buy 15,000 tonnes of nickel from the mine "
        "each year.",
    )
    found = rels(b, T.PURCHASES, "Orinoco Minerals Ltd", "Nickel")
    assert [(r.properties.quantity, r.properties.unit, r.properties.modality) for r in found] == [
        (15000.0, "t", "planned")
    ]


def test_imports_or_buying_mineral_companies_are_no_purchase(extractor: Extractor) -> None:
    b = run(
        extractor,
        "Orinoco Minerals Ltd said imports of nickel rose sharply in March. "
        "Caldera Capital Group bought nickel stocks and plans to buy cobalt mines in Zambia.",
    )
    assert rels(b, T.PURCHASES) == []


def test_leading_producer_produces(extractor: Extractor) -> None:
    b = run(
        extractor,
        "Zambezi Copper Holdings, the Zambian miner that runs the Kansanshi pit, is the "
        "world's second-largest cobalt producer. In Brazil, Tapira Niobium Ltd is the "
        "largest producer of niobium.",
    )
    assert rels(b, T.PRODUCES, "Zambezi Copper Holdings", "Cobalt")
    assert rels(b, T.PRODUCES, "Tapira Niobium Ltd", "Niobium")
    assert not rels(b, T.PRODUCES, "Brazil")


def test_selling_to_a_leading_producer_or_denying_the_rank_produces_nothing(
    extractor: Extractor,
) -> None:
    b = run(
        extractor,
        "Kafue Holdings Ltd sold its stake to the world's largest cobalt producer. "
        "Luangwa Metals Ltd is not the largest cobalt producer in Zambia.",
    )
    assert rels(b, T.PRODUCES) == []


def test_supplying_a_mineral_to_a_buyer(extractor: Extractor) -> None:
    b = run(
        extractor,
        "Kivu Rare Metals Ltd, which is backed by a state fund, supplies tantalum to "
        "Halvorsen Electronics AS, a Norwegian capacitor maker.",
    )
    assert rels(b, T.PRODUCES, "Kivu Rare Metals Ltd", "Tantalum")
    assert rels(b, T.PURCHASES, "Halvorsen Electronics AS", "Tantalum")


def test_supplies_as_a_noun_state_no_supply(extractor: Extractor) -> None:
    b = run(extractor, "Kivu Rare Metals Ltd said the supplies of tantalum to Norway fell.")
    assert rels(b, T.PRODUCES) == []
    assert rels(b, T.PURCHASES) == []


# -- grants and loans -----------------------------------------------------------------------


def test_grants_and_loans_are_investments_with_amounts(extractor: Extractor) -> None:
    b = run(
        extractor,
        "The Japan Bank for International Cooperation awarded Kestrel Graphite Ltd a "
        "$40 million loan last month. Separately, Pampas Lithium Corp secured a "
        "$2.1 billion loan from the Export-Import Bank of the United States.",
    )
    jbic = rels(b, T.INVESTS_IN, "Japan Bank for International Cooperation", "Kestrel Graphite Ltd")
    assert [(r.properties.amount, r.properties.currency) for r in jbic] == [(40e6, "USD")]
    exim = rels(b, T.INVESTS_IN, "Export-Import Bank of the United States", "Pampas Lithium Corp")
    assert [r.properties.amount for r in exim] == [2.1e9]


def test_repaying_a_loan_or_an_award_without_money_is_no_investment(
    extractor: Extractor,
) -> None:
    b = run(
        extractor,
        "Kestrel Graphite Ltd repaid a $40 million loan to Westpac Banking Corp. "
        "The Japan Bank for International Cooperation awarded Kestrel Graphite Ltd a prize.",
    )
    assert rels(b, T.INVESTS_IN) == []


# -- page debris ----------------------------------------------------------------------------


DEBRIS = [
    "Photo: AFP/Getty Images",
    "Tags: cobalt, Zambia, export controls, mining",
    "By Maria Okafor, Senior Correspondent",
    "Follow us on Threads @minewire",
    "Share this story: Facebook WhatsApp Email",
    "Keywords: lithium; brine; Bolivia",
]


def test_debris_lines_are_dropped_with_offsets_into_the_original() -> None:
    body = "Zambia's mines ministry said output rose. Officials expect more growth."
    text = "\n".join([DEBRIS[2], body, DEBRIS[0], "Analysts agree.", *DEBRIS[1:], DEBRIS[2]])
    cleaned = clean(text)
    dropped = [text[s:e] for s, e in cleaned.debris]
    assert dropped.count(DEBRIS[2]) == 3
    assert set(DEBRIS) <= set(dropped)
    assert body not in dropped
    assert "Analysts agree." not in dropped
    # One author for the repeated byline, with the title split off.
    assert [(b.name, b.role, b.is_person) for b in cleaned.bylines] == [
        ("Maria Okafor", "Senior Correspondent", True)
    ]


def test_sentences_about_tags_sharing_and_following_are_kept() -> None:
    text = (
        "Tags on shipments of cobalt will be checked at the border, officials said.\n"
        "Share on the rise for lithium miners\n"
        "Share this view, said the minister"
    )
    assert clean(text).debris == []


def test_tag_line_is_not_evidence(extractor: Extractor) -> None:
    text = (
        "Zambia's cabinet met on Tuesday to discuss the copper budget.\n"
        "Tags: cobalt, Zambia, export restrictions on cobalt\n"
        "By Maria Okafor, Senior Correspondent\n"
        "By Maria Okafor, Senior Correspondent\n"
    )
    b = run(extractor, text)
    assert rels(b, T.RESTRICTS_EXPORT) == []
    assert all("Tags" not in ev.sentence for r in b.relations for ev in r.evidence)
    author = ent(b, "Maria Okafor")
    assert author.label == "Person"
    assert not any(lookup_key("Senior Correspondent") in e.lookup for e in b.entities)


# -- partners ---------------------------------------------------------------------------


def test_a_partner_named_by_its_country_s_possessive_is_the_company(extractor: Extractor) -> None:
    b = run(
        extractor,
        "Talvik Metals Corp signed an agreement with Chile's state miner Cordillera Litio SA "
        "to explore three salt flats.",
    )
    assert rels(b, T.PARTNERS_WITH, "Talvik Metals Corp", "Cordillera Litio SA")
    assert not rels(b, T.PARTNERS_WITH, "Talvik Metals Corp", "Chile")
