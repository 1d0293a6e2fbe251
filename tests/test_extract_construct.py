"""Models built without per-object validation equal what validation builds, and the
scan-then-qualify number search finds what the full patterns find."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from reegraph.corpus import bundled_articles_dir
from reegraph.extract import numbers
from reegraph.extract.construct import RelationBuilder
from reegraph.extract.emit import Draft
from reegraph.extract.pipeline import Extractor
from reegraph.extract.resolve import Registry
from reegraph.ingest import read_documents
from reegraph.model import Relation
from reegraph.model import RelationType as T


@pytest.fixture(scope="module")
def drafts_and_registry() -> tuple[list[Draft], Registry]:
    documents, _ = read_documents([bundled_articles_dir()])
    extractor = Extractor()
    reg = Registry()
    founds = [extractor.find(d.text) for d in documents]
    return extractor._drafts(documents, founds, reg), reg


def test_relations_equal_validated_ones(drafts_and_registry: tuple[list[Draft], Registry]) -> None:
    drafts, _ = drafts_and_registry
    built = RelationBuilder().relations(drafts)
    assert len(built) == len(drafts) > 300
    for draft, relation in zip(drafts, built, strict=True):
        validated = Relation.model_validate(draft.as_dict())
        assert relation == validated
        assert relation.model_dump_json() == validated.model_dump_json()
        assert relation.model_fields_set == validated.model_fields_set


def test_entities_equal_validated_ones(drafts_and_registry: tuple[list[Draft], Registry]) -> None:
    _, reg = drafts_and_registry
    builder = RelationBuilder()
    records = list(reg.entities.values())
    assert len(records) > 100
    for record in records:
        assert builder.entity(record).model_dump_json() == record.entity().model_dump_json()


def test_bad_values_are_still_refused() -> None:
    builder = RelationBuilder()
    evidence = {("d", 0, 5): ("text.", "rule")}
    with pytest.raises(ValidationError):
        builder.relations([Draft(T.CONTROLS_SHARE, "a", "b", {"share": 1.5}, evidence)])
    with pytest.raises(ValueError, match="out of order"):
        builder.relations([Draft(T.MENTIONS, "d", "b", {}, {("d", 5, 2): ("x", "rule")})])
    with pytest.raises(ValueError, match="no evidence"):
        builder.relations([Draft(T.MENTIONS, "d", "b", {}, {})])


def test_equal_property_values_share_one_validated_model() -> None:
    builder = RelationBuilder()
    first = builder.properties({"confidence": 1, "count": 2})
    again = builder.properties({"confidence": 1.0, "count": 2})
    assert first is again
    assert first.confidence == 1.0
    assert isinstance(first.confidence, float)


TRICKY = [
    "over 70 percent of output; 90 % of it",
    "Moreover 70% of it, just over 12 per cent and just  under 5%",
    "about\t1234 percent, some 45.5%, approximately  3% and up to 100 %",
    "up to $400 billion USD and 5 billion yen, more than US$ 3 bn, at least €2m",
    "buy 12 million metric tons of soybeans, roughly 5 t, nearly 300,000 tonnes",
    "ſome 5%, \u212aelvin 3%, OVER 7%, Over\u00a08%",
    "50% over 60% under70%",
]


@pytest.mark.parametrize("text", TRICKY)
def test_qualified_numbers_match_the_full_patterns(text: str) -> None:
    pairs = [
        (numbers.SHARE, numbers._SHARE_RE),
        (numbers.MONEY_PREFIX, numbers._MONEY_PREFIX_RE),
        (numbers.MONEY_SUFFIX, numbers._MONEY_SUFFIX_RE),
        (numbers.TONNAGE, numbers._TONNAGE_RE),
    ]
    for full, rest in pairs:
        expected = [(m.start(), m.end(), m["q"]) for m in full.finditer(text)]
        found = [(start, m.end(), q) for start, q, m in numbers.qualified(rest, text)]
        assert found == expected, (full.pattern, text)


def test_clause_end_matches_the_single_pattern() -> None:
    from reegraph.extract.agreements.deals import _clause_end

    pattern = re.compile(r"[;:]|\bwhile\b|\bbut\b")
    for tail in ["on rare earths; and", " covering buttons while", "but", "attributes: x", "none"]:
        m = pattern.search(tail)
        assert _clause_end(tail) == (m.start() if m else -1)
