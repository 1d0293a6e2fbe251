"""Big graphs: the size cap, the precomputed layout, and a 5,000-node page in a real browser."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import Browser, require_chromium
from reegraph.model import Document, Entity, Evidence, GraphBundle, Label, Relation, RelationType
from reegraph.views import PHYSICS_LIMIT, ViewOptions, render_html, view_data
from reegraph.views.layout import layout_positions

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
ACTOR_LABELS = (Label.ORGANIZATION,) * 7 + (Label.COUNTRY, Label.PERSON)


def synthetic_bundle(n: int, seed: int = 1) -> GraphBundle:
    """A scale-free graph of ``n`` entities (actors and minerals) with ~1.5 claims per entity.

    Each new entity links to earlier ones chosen in proportion to their degree, so a
    few hubs emerge, as in real news graphs; relation types follow the model's rules.
    """
    rng = random.Random(seed)
    docs = [
        Document(id=f"s{i}", title=f"Synthetic article {i}", published="2025-10-01", text="")
        for i in range(50)
    ]
    entities: list[Entity] = []
    for i in range(n):
        label = Label.MINERAL if i % 10 == 0 else rng.choice(ACTOR_LABELS)
        entities.append(Entity(id=f"{label.lower()}:n{i}", label=label, name=f"{label.value} {i}"))
    relations: list[Relation] = []
    ends: list[int] = [0]
    for i in range(1, n):
        for j in {rng.choice(ends) for _ in range(2 if i % 2 else 1)}:
            a, b = entities[i], entities[j]
            if a.label is Label.MINERAL and b.label is Label.MINERAL:
                kind, source, target = RelationType.MEMBER_OF, a, b
            elif Label.MINERAL in (a.label, b.label):
                kind = RelationType.DEPENDS_ON
                source, target = (b, a) if a.label is Label.MINERAL else (a, b)
            else:
                kind, source, target = RelationType.PARTNERS_WITH, a, b
            sentence = f"{source.name} and {target.name} were linked in report {i}."
            evidence = Evidence(
                document=f"s{i % 50}",
                sentence=sentence,
                start=0,
                end=len(sentence),
                rule="synthetic",
            )
            relations.append(
                Relation(type=kind, source=source.id, target=target.id, evidence=[evidence])
            )
            ends += [i, j]
    return GraphBundle.model_construct(documents=docs, entities=entities, relations=relations)


def test_synthetic_bundle_is_valid() -> None:
    bundle = synthetic_bundle(300)
    GraphBundle.model_validate(bundle.model_dump())
    assert len(bundle.relations) > 400


def test_layout_places_every_node_apart_quickly() -> None:
    bundle = synthetic_bundle(3000)
    ids = [e.id for e in bundle.entities]
    start = time.perf_counter()
    positions = layout_positions(ids, [(r.source, r.target) for r in bundle.relations])
    elapsed = time.perf_counter() - start
    assert set(positions) == set(ids)
    assert len(set(positions.values())) == len(ids)
    assert elapsed < 20, f"layout of 3,000 nodes took {elapsed:.1f}s"


def test_big_view_is_capped_laid_out_and_static() -> None:
    bundle = synthetic_bundle(1500)
    data = view_data(bundle, ViewOptions(max_nodes=PHYSICS_LIMIT + 200))
    assert data["meta"]["truncated"]
    assert data["meta"]["nodes"] == PHYSICS_LIMIT + 200
    assert data["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])
    kept = {n["id"] for n in data["nodes"]}
    assert all(e["from"] in kept and e["to"] in kept for e in data["edges"])
    # The first entities are the hubs of a preferential-attachment graph.
    assert {"mineral:n0", "organization:n1", "country:n1", "person:n1"} & kept


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with Browser(require_chromium()) as b:
        yield b


@pytest.mark.browser
def test_five_thousand_nodes_open_and_stay_responsive(browser: Browser, tmp_path: Path) -> None:
    out = render_html(synthetic_bundle(5000), tmp_path / "big.html").path
    browser.goto(out.as_uri())
    waited = browser.wait_for("window.reegraph && window.reegraph.stabilized", timeout=60)
    assert waited < 30, f"5,000 nodes took {waited:.1f}s to settle"
    assert browser.evaluate("window.reegraph.nodes.length") == 5000
    assert browser.evaluate("window.reegraph.network.physics.physicsEnabled") is False
    start = time.perf_counter()
    hit = browser.evaluate("window.reegraph.search('Mineral 4990')")
    assert hit == "mineral:n4990"
    assert browser.evaluate("window.reegraph.network.getSelectedNodes()") == ["mineral:n4990"]
    assert time.perf_counter() - start < 5
    assert browser.errors() == []
    browser.screenshot(ARTIFACTS / "view-5000-nodes.png")
