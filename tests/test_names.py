"""Name resolution over entity names as the store returns them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from query_bundle import make_query_bundle
from reegraph.errors import AmbiguousEntityError, UnknownEntityError
from reegraph.model import Label
from reegraph.names import NamedEntity, acronym, find_entity, load_names, resolve_name
from reegraph.store.embedded import EmbeddedStore

CANDIDATES = [
    NamedEntity(e.id, e.label.value, e.name, tuple(e.lookup)) for e in make_query_bundle().entities
]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("dysprosium", "mineral:dysprosium"),
        ("Dy", "mineral:dysprosium"),  # symbol
        ("  RARE EARTHS ", "mineral:rare-earth-elements"),  # alias, case, spaces
        ("MHI", "organization:mitsubishi-heavy-industries"),  # acronym of the name
        ("JOGMEC", "organization:jogmec"),
        ("Takaichi", "person:sanae-takaichi"),  # alias
        ("Jinping", "person:xi-jinping"),  # surname without an alias
        ("President Xi", "person:xi-jinping"),
        ("Prime Minister Takaichi", "person:sanae-takaichi"),  # title dropped
        ("China's", "country:china"),  # possessive dropped
        ("U.S.", "country:united-states"),
        ("country:japan", "country:japan"),  # an id
    ],
)
def test_resolves_names_as_people_type_them(typed: str, expected: str) -> None:
    assert resolve_name(CANDIDATES, typed).id == expected


def test_acronym_skips_small_words() -> None:
    assert acronym("Japan Organisation for Metals and Energy Security") == "jomes"
    assert acronym("Toyota") == ""


def test_unknown_names_suggest_close_ones() -> None:
    with pytest.raises(UnknownEntityError) as caught:
        resolve_name(CANDIDATES, "Mitsubshi", "organisation")
    assert caught.value.suggestions[0] == "Mitsubishi Heavy Industries"
    assert "No organisation named 'Mitsubshi'" in str(caught.value)
    with pytest.raises(UnknownEntityError) as nothing:
        resolve_name(CANDIDATES, "}) DETACH DELETE n //")
    assert nothing.value.suggestions == []


def test_ambiguous_names_list_every_candidate() -> None:
    twins = [*CANDIDATES, NamedEntity("person:ann-mitsui", "Person", "Ann Mitsui", ("ann mitsui",))]
    assert resolve_name(twins, "Mitsui").id == "organization:mitsui"  # named so outright
    people = [
        NamedEntity("person:a-smith", "Person", "A Smith", ("a smith",)),
        NamedEntity("person:b-smith", "Person", "B Smith", ("b smith",)),
    ]
    with pytest.raises(AmbiguousEntityError) as caught:
        resolve_name(people, "Smith")
    assert caught.value.candidates == [
        "A Smith (Person, person:a-smith)",
        "B Smith (Person, person:b-smith)",
    ]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    path = tmp_path_factory.mktemp("names") / "g.lbdb"
    with EmbeddedStore(path) as writer:
        writer.write_bundle(make_query_bundle())
    with EmbeddedStore(path, read_only=True) as reader:
        yield reader


@pytest.mark.parametrize(
    "typed", ["dysprosium", "Dy", " RARE EARTHS ", "MHI", "Jinping", "country:japan", "China's"]
)
def test_the_store_resolves_a_name_as_the_loaded_names_do(store: EmbeddedStore, typed: str) -> None:
    labels = [label.value for label in Label]
    assert find_entity(store, labels, typed) == resolve_name(load_names(store, labels), typed)


def test_the_store_lookup_keeps_labels_and_suggestions(store: EmbeddedStore) -> None:
    with pytest.raises(UnknownEntityError):  # a country is not a mineral
        find_entity(store, ["Mineral", "Commodity"], "China")
    with pytest.raises(UnknownEntityError, match="Dysprosium"):
        find_entity(store, ["Mineral", "Commodity"], "dysprosum")
