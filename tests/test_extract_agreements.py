"""Agreement frames: which sentences create an agreement, what it is called, its aliases
and its term. Invented news copy for the general rules, then the seed corpus against
the reference (`tests/fixtures/expected_seed.yaml`, names and aliases from the spec)."""

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


def extract(extractor: Extractor, *texts: str) -> GraphBundle:
    docs = [
        Document(id=f"d{i}", title="t", published="2025-11-14", text=t) for i, t in enumerate(texts)
    ]
    return extractor.extract(docs)


def agreements(bundle: GraphBundle) -> list[Entity]:
    return [e for e in bundle.entities if e.label is Label.AGREEMENT]


def parties(bundle: GraphBundle, agreement: Entity) -> set[str]:
    index = bundle.entity_index()
    return {
        index[r.source].name
        for r in bundle.relations
        if r.type is T.PARTY_TO and r.target == agreement.id
    }


def answers_to(e: Entity, name: str) -> bool:
    return lookup_key(name) in e.lookup


# -- names -------------------------------------------------------------------------------


def test_title_named_agreement_takes_short_party_prefix_and_keeps_the_title(
    extractor: Extractor,
) -> None:
    b = extract(
        extractor,
        "On March 3, in Canberra, President Donald Trump and Prime Minister Anthony Albanese "
        "signed the “United States–Australia Framework for Securing Supply in the Mining and "
        "Processing of Critical Minerals and Rare Earths”. The framework covers lithium.",
    )
    (a,) = agreements(b)
    assert a.name == (
        "US-Australia Framework for Securing Supply in the Mining and Processing of "
        "Critical Minerals and Rare Earths"
    )
    assert "–" not in a.name
    assert answers_to(
        a,
        "United States–Australia Framework for Securing Supply in the Mining and Processing "
        "of Critical Minerals and Rare Earths",
    )
    assert answers_to(a, "Trump-Albanese framework")
    assert parties(b, a) == {"United States", "Australia"}


def test_unnamed_truce_is_named_after_what_it_suspends_with_its_term_and_end(
    extractor: Extractor,
) -> None:
    b = extract(
        extractor,
        "On November 10, Washington and Beijing agreed to a 90-day suspension of China's "
        "export restrictions on gallium. The truce eases pressure on chipmakers.",
    )
    (a,) = agreements(b)
    assert a.name == "US-China 90-day suspension of gallium export controls"
    p = a.properties
    assert (p.kind, p.duration, p.date, p.end_date) == ("truce", "P90D", "2025-11-10", "2026-02-08")
    assert parties(b, a) == {"United States", "China"}
    assert answers_to(a, "90-day suspension")
    assert not answers_to(a, "truce")  # too generic to be an alias


# -- what creates an agreement -------------------------------------------------------------


def test_definite_description_with_a_party_hint_refers_back_and_creates_nothing(
    extractor: Extractor,
) -> None:
    b = extract(
        extractor,
        "U.S. President Donald Trump and Chinese President Xi Jinping agreed to a one-year "
        "truce on rare earth exports. "
        "Japan welcomed the news.\n\n"
        "Together, the Japan framework and the China truce show two sides of the strategy.",
    )
    (a,) = agreements(b)  # no Japan-China truce, no framework that was never introduced
    assert parties(b, a) == {"United States", "China"}
    assert answers_to(a, "China truce")
    assert a.properties.duration == "P1Y"


def test_party_hint_resolves_to_an_agreement_already_stored(extractor: Extractor) -> None:
    first = extract(
        extractor,
        "U.S. President Donald Trump and Chinese President Xi Jinping agreed to a one-year "
        "suspension of China's export restrictions on rare earths.",
    )
    (truce,) = agreements(first)
    later = extractor.extract(
        [Document(id="later", title="t", published="2025-12-01", text=(
            "Japan said little. Analysts said the China truce covers gallium."
        ))],
        known=first.entities,
    )  # fmt: skip
    assert not [a for a in agreements(later) if a.id != truce.id]
    gallium = next(e for e in later.entities if e.name == "Gallium")
    assert any(
        r.type is T.COVERS and r.source == truce.id and r.target == gallium.id
        for r in later.relations
    )


def test_truce_word_waits_for_the_truce_the_article_introduces_later(
    extractor: Extractor,
) -> None:
    b = extract(
        extractor,
        "The U.S.–Japan agreement on rare earths highlights how valuable the metals are "
        "to U.S. President Donald Trump and Chinese President Xi Jinping. "
        "The coming year will decide whether this fragile truce holds.\n\n"
        "Beijing agreed to pause new export controls on rare earths after talks between "
        "Presidents Trump and Xi.",
    )
    by_parties = {frozenset(parties(b, a)): a for a in agreements(b)}
    assert set(by_parties) == {
        frozenset({"United States", "Japan"}),
        frozenset({"United States", "China"}),
    }
    assert by_parties[frozenset({"United States", "Japan"})].properties.kind != "truce"
    assert by_parties[frozenset({"United States", "China"})].properties.kind == "truce"


def test_a_deadline_inside_the_agreement_is_not_its_duration(extractor: Extractor) -> None:
    b = extract(
        extractor,
        "Japan and the United States signed a framework on critical minerals on Tuesday. "
        "The two nations pledged to allocate financial support within six months. "
        "The agreement sets a six-month marker for selected projects, and the framework's "
        "six-month target is ambitious.",
    )
    (a,) = agreements(b)
    assert a.properties.duration is None
    assert a.properties.end_date is None


def test_the_agreements_own_term_is_its_duration(extractor: Extractor) -> None:
    for text in (
        "China and the United States reached a deal on rare earths. "
        "The one-year duration of the deal highlights its fragility.",
        "China and the United States signed a trade truce for one year.",
    ):
        (a,) = agreements(extract(extractor, text))
        assert a.properties.duration == "P1Y", text


# -- the seed corpus -----------------------------------------------------------------------

FRAMEWORK = (
    "US-Japan Framework for Securing the Supply of Critical Minerals and Rare Earths "
    "through Mining and Processing"
)
TRUCE = "US-China one-year suspension of rare earth export controls"


def test_seed_corpus_yields_exactly_the_reference_agreements(seed_bundle: GraphBundle) -> None:
    found = sorted(sorted(parties(seed_bundle, a)) for a in agreements(seed_bundle))
    expected = sorted(
        [
            ["Japan", "United States"],
            ["China", "United States"],
            ["JOGMEC", "REAlloys"],
            ["Australia", "United States"],
            *(sorted(["United States", c]) for c in ("Malaysia", "Thailand", "Vietnam")),
            ["Cambodia", "United States"],
        ]
    )
    assert found == expected


def test_seed_agreement_names_and_aliases_follow_the_reference(seed_bundle: GraphBundle) -> None:
    by_name = {a.name: a for a in agreements(seed_bundle)}
    framework, truce = by_name[FRAMEWORK], by_name[TRUCE]
    for alias in (
        "Framework for Securing the Supply of Critical Minerals and Rare Earths through "
        "Mining and Processing",
        "US-Japan framework",
        "U.S.–Japan agreement",
        "rare earths framework",
    ):
        assert answers_to(framework, alias), alias
    for alias in ("Trump-Xi truce", "one-year truce", "Busan agreement", "one-year pause"):
        assert answers_to(truce, alias), alias
    generic = {"truce", "deal", "the deal", "agreement", "framework", "pact"}
    for a in agreements(seed_bundle):
        assert not {lookup_key(g) for g in generic} & set(a.lookup), a.name
        assert not any(alias.lower().startswith(("the ", "this ")) for alias in a.aliases)
    assert "US-Australia critical minerals framework" in by_name


def test_seed_terms_and_end_dates(seed_bundle: GraphBundle) -> None:
    by_name = {a.name: a.properties for a in agreements(seed_bundle)}
    assert by_name[FRAMEWORK].duration is None  # "support within six months" is a term of it
    assert by_name[FRAMEWORK].date == "2025-10-28"
    truce = by_name[TRUCE]
    assert (truce.date, truce.duration, truce.end_date) == ("2025-10-30", "P1Y", "2026-10-30")
