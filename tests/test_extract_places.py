"""The place lexicon: loaded, consistent with the country lexicon, and used in extraction."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reegraph.extract.lexicon import Lexicon, load_lexicon
from reegraph.extract.pipeline import Extractor
from reegraph.model import Document, Entity, GraphBundle, Label, entity_id
from reegraph.model import RelationType as T

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "ingest/lexicon"
KINDS = {"city", "state", "province", "site", "region"}


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon(LEXICON)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(LEXICON)


def extract(extractor: Extractor, text: str) -> GraphBundle:
    return extractor.extract([Document(id="t", title="t", published="2025-11-14", text=text)])


def place(bundle: GraphBundle, name: str) -> Entity | None:
    return next((e for e in bundle.entities if e.id == entity_id(Label.PLACE, name)), None)


def test_every_place_has_a_known_country_and_kind(lexicon: Lexicon) -> None:
    specs = yaml.safe_load((LEXICON / "places.yaml").read_text(encoding="utf-8"))["places"]
    assert len(specs) >= 150
    for spec in specs:
        entry = lexicon.entries[entity_id(Label.PLACE, spec["name"])]
        assert entry.kind in KINDS, spec
        country = lexicon.entries.get(entry.country or "")
        assert country is not None, spec
        assert country.label is Label.COUNTRY, spec
    louisiana = lexicon.entries[entity_id(Label.PLACE, "Louisiana")]
    assert (louisiana.kind, louisiana.country) == ("state", "country:united-states")
    assert lexicon.entries[entity_id(Label.PLACE, "Inner Mongolia")].country == "country:china"


def test_shared_names_are_ambiguous_and_washington_is_not_a_state(lexicon: Lexicon) -> None:
    assert entity_id(Label.PLACE, "Washington") not in lexicon.entries
    georgia = [a for a in lexicon.aliases if a.text == "Georgia" and a.entry.label is Label.PLACE]
    assert georgia
    assert all(a.ambiguous for a in georgia)
    # National capitals stay with their countries (metonymy is decided from context).
    assert entity_id(Label.PLACE, "Tokyo") not in lexicon.entries


def test_listed_places_found_with_country_kind_and_location(extractor: Extractor) -> None:
    bundle = extract(
        extractor,
        "Lynas ships concentrate from Mount Weld to its plant in Kuantan, Malaysia. "
        "Most Chinese separation capacity sits in Baotou, in Inner Mongolia, and in "
        "Ganzhou in Jiangxi province.\n",
    )
    expected = {
        "Mount Weld": ("country:australia", "site"),
        "Kuantan": ("country:malaysia", "city"),
        "Baotou": ("country:china", "city"),
        "Inner Mongolia": ("country:china", "region"),
        "Ganzhou": ("country:china", "city"),
        "Jiangxi": ("country:china", "province"),
    }
    for name, (country, kind) in expected.items():
        found = place(bundle, name)
        assert found is not None, name
        assert (found.properties.country, found.properties.kind) == (country, kind)
    located = {(r.source, r.target) for r in bundle.relations if r.type is T.LOCATED_IN}
    assert ("place:kuantan", "country:malaysia") in located
    # "Mongolia" inside "Inner Mongolia" is not the country.
    assert all(e.id != "country:mongolia" for e in bundle.entities)


def test_ambiguous_place_needs_an_unambiguous_mention(extractor: Extractor) -> None:
    plain = extract(extractor, "Georgia's new battery plant opened near Atlanta last year.\n")
    assert place(plain, "Georgia") is None
    explicit = extract(
        extractor,
        "A recycler opened a plant in the U.S. state of Georgia. Georgia offered tax credits.\n",
    )
    georgia = place(explicit, "Georgia")
    assert georgia is not None
    assert georgia.properties.country == "country:united-states"


def test_washington_stays_the_government(extractor: Extractor) -> None:
    bundle = extract(
        extractor, "Washington imposed new export controls on gallium, officials said.\n"
    )
    assert place(bundle, "Washington") is None
    assert any(e.id == "country:united-states" for e in bundle.entities)
