"""Every canned query, run on a real LadybugDB file, with its answer asserted.

The same assertions run on two graphs: a hand-built miniature of the seed graph
(``query_bundle.py``) and the bundled articles as extracted (``seed_store``), since
both must hold the facts ``/work/shared/spec/seed-graph.yaml`` lists.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from query_bundle import FRAMEWORK, TRUCE, make_query_bundle
from reegraph.errors import AmbiguousEntityError, QueryError, UnknownEntityError
from reegraph.model import RelationType, node_labels
from reegraph.queries import get_query, load_queries, parse_query_file, query_names
from reegraph.questions import Answer, ask, resolve_parameters, who_depends_on
from reegraph.store.base import CypherStore
from reegraph.store.embedded import EmbeddedStore

Row = dict[str, Any]
HAVE_EXTRACTION = importlib.util.find_spec("reegraph.extract.pipeline") is not None


@pytest.fixture(scope="module")
def hand_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("queries") / "hand.lbdb"
    with EmbeddedStore(path) as store:
        store.write_bundle(make_query_bundle())
    return path


@pytest.fixture(params=["hand", "seed"])
def store(request: pytest.FixtureRequest, hand_db: Path) -> Iterator[CypherStore]:
    if request.param == "seed":
        if not HAVE_EXTRACTION:
            pytest.skip("extraction (reegraph.extract.pipeline) is not there yet")
        path = request.getfixturevalue("seed_db")
    else:
        path = hand_db
    with EmbeddedStore(path, read_only=True) as opened:
        yield opened


def by(rows: list[Row], **match: Any) -> list[Row]:
    return [r for r in rows if all(r.get(k) == v for k, v in match.items())]


def one(rows: list[Row], **match: Any) -> Row:
    found = by(rows, **match)
    assert len(found) == 1, (match, rows)
    return found[0]


# -- the files -------------------------------------------------------------------


def test_every_required_query_has_a_file() -> None:
    required = {
        "who_depends_on", "suppliers_of", "chokepoints", "agreements_covering",
        "agreements_of", "partners_of", "leaders_of", "profile", "path_between",
        "exposure", "timeline", "conflicting_claims", "sources",
    }  # fmt: skip
    assert required <= set(query_names())


def test_headers_name_only_model_labels_and_types() -> None:
    labels, types = set(node_labels()), {t.value for t in RelationType}
    for query in load_queries().values():
        assert query.description.endswith("."), query.name
        for param in query.params:
            assert set(param.entity_labels or ()) <= labels
        code = "\n".join(line for line in query.text.splitlines() if not line.startswith("//"))
        for token in __import__("re").findall(r"\[\w*:([A-Z_|]+)", code):
            assert set(token.split("|")) <= types, (query.name, token)


def test_dialect_twins_share_name_params_and_say_why() -> None:
    neo4j, embedded = get_query("path_between", "neo4j"), get_query("path_between", "embedded")
    assert neo4j.path.name == "path_between.cypher"
    assert embedded.path.name == "path_between.embedded.cypher"
    assert neo4j.params == embedded.params
    assert neo4j.extra["why"]
    assert embedded.extra["why"]


def test_embedded_paths_cross_every_relationship_type_but_mentions() -> None:
    """The embedded twin names the types a path may use (cheaper than filtering on
    predicate): a type added to the model must not silently drop out of paths."""
    code = get_query("path_between", "embedded").text
    (allowed,) = __import__("re").findall(r"\(a\)-\[:([A-Z_|]+)\*", code)
    assert set(allowed.split("|")) == {t.value for t in RelationType} - {"MENTIONS"}


def test_header_parsing_optional_params_and_undeclared_use(tmp_path: Path) -> None:
    good = tmp_path / "q.cypher"
    good.write_text(
        "// name: q\n// description: A test.\n"
        "// param: since: string = null -- optional: a date like 2025-10-01\n"
        "// param: who: entity(Country) = united states -- a country\n"
        "// order: b, a\n// sets: c\n"
        "MATCH (n:Country) WHERE n.id = $who AND ($since IS NULL OR n.date >= $since)\n"
        "RETURN n.id AS a, n.name AS b, n.aliases AS c, n.aliases AS d\n"
    )
    query = parse_query_file(good)
    since, who = query.params
    assert (since.optional, since.help) == (True, "optional: a date like 2025-10-01")
    assert (who.default, who.entity_labels) == ("united states", ("Country",))
    assert query.bind({}) == {"since": None, "who": "united states"}
    assert query.sort([{"a": 2, "b": "y"}, {"a": 1, "b": "x"}]) == [
        {"a": 1, "b": "x"},
        {"a": 2, "b": "y"},
    ]
    # Set columns come out sorted (case-blind, then exactly), other lists as returned.
    (row,) = query.finish([{"a": 1, "b": "x", "c": ["b", "B", None, "a"], "d": ["b", "a"]}])
    assert row == {"a": 1, "b": "x", "c": [None, "a", "B", "b"], "d": ["b", "a"]}
    tied = [{"a": 1, "b": "x", "c": [2]}, {"a": 1, "b": "x", "c": [1]}]
    assert query.sort(tied) == query.sort(tied[::-1]) == tied[::-1]
    with pytest.raises(QueryError, match="has no parameter nope"):
        query.bind({"nope": "1"})
    bad = tmp_path / "bad.cypher"
    bad.write_text("// name: bad\nMATCH (n) WHERE n.id = $x RETURN n\n")
    with pytest.raises(QueryError, match="parameters used"):
        parse_query_file(bad)


# -- the answers -----------------------------------------------------------------


def test_who_depends_on_dysprosium(store: CypherStore) -> None:
    answer = who_depends_on(store, "Dy")
    rows = answer["dependents"]
    for sector in ("Clean energy technologies", "Advanced electronics", "Defense"):
        row = one(rows, dependent=sector, inferred=False)
        assert row["via"] == "Dysprosium"
        assert "000" in row["documents"]
        assert row["sentences"]
    for sector in ("Electric vehicles", "Wind turbines", "Automotive"):
        assert by(rows, dependent=sector, inferred=True, via="Rare earth elements"), sector
    us = one(rows, dependent="United States")
    assert us["inferred"]
    assert us["via"] == "China"
    assert us["documents"]
    shares = {(r["supplier"], r["stage"], r["share"]) for r in answer["supply"]}
    assert {("China", "production", 0.7), ("China", "processing", 0.9)} <= shares


def test_suppliers_of_rare_earths_keeps_conflicting_figures(store: CypherStore) -> None:
    rows = ask(store, "suppliers_of", {"mineral": "rare earths"}).rows
    china = by(rows, supplier="China", relation="CONTROLS_SHARE")
    production = {r["share"]: r for r in china if "production" in (r["stage"] or "")}
    assert {0.7, 0.8} <= set(production)
    assert "000" in production[0.7]["documents"]
    assert "000" in production[0.8]["documents"]
    assert one(china, stage="processing")["share"] == 0.9
    assert {0.7, 0.8, 0.9} <= set(china[0]["figures"])
    assert all(r["date"] and r["titles"] for r in china)
    assert by(rows, supplier="China", relation="RESTRICTS_EXPORT")
    assert by(rows, supplier="Energy Fuels", relation="PRODUCES")


def test_chokepoints_ranked_by_share(store: CypherStore) -> None:
    rows = ask(store, "chokepoints", {"threshold": "0.85"}).rows
    assert rows[0]["mineral"] == "Rare earth elements"
    assert rows[0]["country"] == "China"
    assert rows[0]["stage"] == "processing"
    assert rows[0]["share"] == 0.9
    assert all(r["share"] >= 0.85 for r in rows)
    lower = ask(store, "chokepoints", {"threshold": "0.5"}).rows
    assert [r["share"] for r in lower] == sorted((r["share"] for r in lower), reverse=True)
    assert {0.7, 0.9} <= {r["share"] for r in by(lower, mineral="Rare earth elements")}


def test_agreements_covering_dysprosium(store: CypherStore) -> None:
    rows = ask(store, "agreements_covering", {"mineral": "dysprosium"}).rows
    framework = one(rows, agreement=FRAMEWORK)
    assert framework["date"] == "2025-10-28"
    assert "Tokyo" in framework["place"]
    assert {"Donald Trump", "Sanae Takaichi"} <= set(framework["signatories"])
    assert {"United States", "Japan"} <= set(framework["parties"])
    assert {"Dysprosium", "Neodymium", "Cobalt"} <= set(framework["covers"])
    assert framework["inferred"] is False
    assert framework["binding"] is not True
    for column in ("parties", "signatories", "covers", "via", "documents"):
        assert framework[column] == sorted(framework[column], key=str.lower), column
    truce = one(rows, agreement=TRUCE)  # covers the rare earth group, so inferred
    assert truce["inferred"] is True
    assert truce["date"] == "2025-10-30"
    assert {"Donald Trump", "Xi Jinping"} <= set(truce["signatories"])


def test_agreements_of_a_person_and_a_country(store: CypherStore) -> None:
    takaichi = ask(store, "agreements_of", {"party": "Takaichi"}).rows
    assert one(takaichi, agreement=FRAMEWORK)["roles"] == ["SIGNED"]
    china = ask(store, "agreements_of", {"party": "china"}).rows
    truce = one(china, agreement=TRUCE)
    assert {"Lanthanum", "Terbium", "Yttrium"} & set(truce["covers"])
    assert not by(china, agreement=FRAMEWORK)


def test_partners_of_jogmec(store: CypherStore) -> None:
    rows = ask(store, "partners_of", {"entity": "JOGMEC"}).rows
    direct = one(rows, partner="REAlloys", relation="PARTNERS_WITH")
    assert "004" in direct["documents"]
    japan = ask(store, "partners_of", {"entity": "Japan"}).rows
    assert by(japan, partner="United States", relation="PARTY_TO", through=FRAMEWORK)


def test_leaders_of(store: CypherStore) -> None:
    for country, leader in (("Japan", "Sanae Takaichi"), ("China", "Xi Jinping")):
        rows = ask(store, "leaders_of", {"country": country}).rows
        assert one(rows, person=leader, relation="LEADS")["documents"]


def test_profile_of_an_acronym(store: CypherStore) -> None:
    answer = ask(store, "profile", {"entity": "MHI"})
    (row,) = answer.rows
    assert (row["name"], row["label"]) == ("Mitsubishi Heavy Industries", "Organization")
    assert row["properties"]["kind"] == "company"
    assert {"relation": "BASED_IN", "direction": "out", "id": "country:japan",
            "name": "Japan", "label": "Country"} in row["outgoing"]  # fmt: skip
    assert "004" in {d["id"] for d in row["documents"] if d}


def test_profile_neighbours_come_from_the_neighbours_query(store: CypherStore) -> None:
    (japan,) = ask(store, "profile", {"entity": "Japan"}).rows
    assert {"relation": "LEADS", "direction": "in", "id": "person:sanae-takaichi",
            "name": "Sanae Takaichi", "label": "Person"} in japan["incoming"]  # fmt: skip
    links = ask(store, "neighbours", {"entity": "Japan"}).rows
    assert japan["outgoing"] == [r for r in links if r["direction"] == "out"]
    assert japan["incoming"] == [r for r in links if r["direction"] == "in"]
    assert "MENTIONS" not in {r["relation"] for r in links}
    assert list(japan) == [
        "id", "name", "label", "aliases", "properties", "outgoing", "incoming", "documents"
    ]  # fmt: skip


def test_path_between_jogmec_and_energy_fuels(store: CypherStore) -> None:
    rows = ask(store, "path_between", {"a": "JOGMEC", "b": "Energy Fuels"}).rows
    assert rows
    lengths = {len(r["relations"]) for r in rows}
    assert len(lengths) == 1, "all shortest paths have one length"
    for row in rows:
        assert row["nodes"][0] == "JOGMEC"
        assert row["nodes"][-1] == "Energy Fuels"
        assert "MENTIONS" not in row["relations"]
        assert len(row["sentences"]) == len(row["relations"])
        assert all(row["sentences"])
    assert any(r["relations"][0] == "PARTNERS_WITH" for r in rows) or min(lengths) < 3


def test_embedded_table_names_are_the_stored_predicates_and_labels(store: CypherStore) -> None:
    """The embedded path_between names hops and nodes by the engine's table names
    (cheaper than carrying ``predicate``/``label`` along every path searched)."""
    rows = store.run(
        "MATCH (n)-[r]->(m) RETURN count(*) AS links, sum(CASE WHEN label(r) <> r.predicate"
        " OR label(n) <> n.label OR label(m) <> m.label THEN 1 ELSE 0 END) AS mismatched"
    )
    assert rows[0]["links"] > 0
    assert rows[0]["mismatched"] == 0
    path = ask(store, "path_between", {"a": "JOGMEC", "b": "Energy Fuels"}).rows[0]
    assert path["labels"][0] == "Organization"
    assert set(path["relations"]) <= {t.value for t in RelationType}


def test_exposure_of_the_united_states(store: CypherStore) -> None:
    rows = ask(store, "exposure", {"entity": "USA"}).rows
    china = by(rows, mineral="Rare earth elements", how="supplier", via="China")
    assert ("processing", 0.9) in {(r["stage"], r["share"]) for r in china}
    assert all(r["documents"] and r["sentences"] for r in china)
    defense = ask(store, "exposure", {"entity": "defence"}).rows
    assert one(defense, mineral="Dysprosium", how="direct")["documents"]
    # Who controls what defence depends on, the mineral's group included, once each.
    controllers = by(defense, how="controlled by", via="China")
    assert ("Rare earth elements", "processing", 0.9) in {
        (r["mineral"], r["stage"], r["share"]) for r in controllers
    }
    keys = [(r["mineral"], r["via"], r["stage"], r["share"]) for r in controllers]
    assert len(keys) == len(set(keys))


def test_limit_keeps_the_strongest_rows_of_each_kind(store: CypherStore) -> None:
    every = ask(store, "who_depends_on", {"mineral": "dysprosium", "limit": "1000"}).rows
    direct = [r for r in every if not r["inferred"]]
    assert len(direct) > 1
    one_each = ask(store, "who_depends_on", {"mineral": "dysprosium", "limit": "1"}).rows
    kept = [r for r in one_each if not r["inferred"]]
    assert len(kept) == 1
    assert kept[0]["sources"] == max(r["sources"] for r in direct)
    assert len(one_each) <= 2, "one row per kind of dependent"


def test_timeline_in_date_order_with_filters(store: CypherStore) -> None:
    rows = ask(store, "timeline").rows
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    assert one(rows, what=FRAMEWORK)["date"] == "2025-10-28"
    china = ask(store, "timeline", {"entity": "China", "since": "2025-10-29"}).rows
    assert by(china, what=TRUCE)
    assert not by(china, what=FRAMEWORK)
    assert by(china, kind="RESTRICTS_EXPORT")
    assert all(r["date"] >= "2025-10-29" for r in china)
    until = ask(store, "timeline", {"until": "2025-10-28"}).rows
    assert by(until, what=FRAMEWORK)
    assert not by(until, what=TRUCE)


def test_conflicting_claims_show_70_against_80(store: CypherStore) -> None:
    rows = ask(store, "conflicting_claims").rows
    china = by(rows, subject="China", relation="CONTROLS_SHARE", object="Rare earth elements")
    pairs = [{r["value_a"], r["value_b"]} for r in china]
    assert {0.7, 0.8} in pairs
    assert {0.7, 0.9} not in pairs, "production and processing are different stages"
    assert all(r["sentences_a"] and r["sentences_b"] for r in china)


def test_sources_of_an_entity_and_of_a_relation(store: CypherStore) -> None:
    rows = ask(store, "sources", {"ref": "Japan"}).rows
    assert by(rows, relation="MENTIONS", target="Japan")
    leads = one(rows, relation="LEADS", source="Sanae Takaichi")
    assert leads["sentences"]
    assert leads["documents"]
    (again,) = ask(store, "sources", {"ref": leads["key"]}).rows
    assert again == leads


@pytest.mark.parametrize("name", sorted(n for n in query_names() if n != "relation_sources"))
def test_anchoring_on_the_id_label_keeps_the_answer(store: CypherStore, name: str) -> None:
    query = get_query(name, store.dialect)
    values, resolved = resolve_parameters(store, query, {})
    narrowed = query.anchored(values)
    if resolved:  # each anchor is matched under its entity's one label
        assert narrowed != query.text
        for entity in resolved.values():
            assert f":{entity.label})" in narrowed
    assert query.finish(store.run(narrowed, values)) == query.finish(store.run(query.text, values))


def test_anchoring_leaves_disjunctions_alone(tmp_path: Path) -> None:
    path = tmp_path / "either.cypher"
    path.write_text(
        "// name: either\n// description: Claims by an entity, or every claim.\n"
        "// param: entity: entity = null -- optional: an entity's id\n"
        "MATCH (y:Country|Organization)-[:PARTNERS_WITH]-(o:Country|Organization)\n"
        "WHERE y.id = $entity AND o <> y\nRETURN o.id AS id\nUNION ALL\n"
        "MATCH (s:Country|Region|Organization)-[r:RESTRICTS_EXPORT]->(t:Mineral)\n"
        "WHERE $entity IS NULL OR s.id = $entity\nRETURN t.id AS id\n",
        encoding="utf-8",
    )
    text = parse_query_file(path).anchored({"entity": "country:china"})
    assert "MATCH (y:Country)-" in text
    assert "(o:Country|Organization)" in text
    assert "(s:Country|Region|Organization)-[r:RESTRICTS_EXPORT" in text, "s.id is not an anchor"


def test_names_resolve_before_the_query_runs(store: CypherStore) -> None:
    answer: Answer = ask(store, "suppliers_of", {"mineral": "REEs"})
    assert answer.parameters == {"mineral": "mineral:rare-earth-elements", "limit": 100}
    with pytest.raises(UnknownEntityError, match="Did you mean"):
        ask(store, "suppliers_of", {"mineral": "dysprosum"})
    with pytest.raises(UnknownEntityError):  # a country is not a mineral
        ask(store, "suppliers_of", {"mineral": "China"})
    with pytest.raises(QueryError, match="no canned query"):
        ask(store, "no_such_query")


def test_ambiguous_names_list_candidates(tmp_path: Path) -> None:
    bundle = make_query_bundle()
    from reegraph.model import Entity

    bundle.entities += [Entity(label="Person", name=n) for n in ("Jane Smith", "John Smith")]
    with EmbeddedStore(tmp_path / "g.lbdb") as store:
        store.write_bundle(bundle)
        with pytest.raises(AmbiguousEntityError, match=r"Jane Smith.*John Smith"):
            ask(store, "profile", {"entity": "Smith"})
        assert ask(store, "profile", {"entity": "Xi"}).rows[0]["name"] == "Xi Jinping"


def test_exposure_controllers_reach_through_a_sector(tmp_path: Path) -> None:
    # Mitsui depends on nothing itself; it takes part in defence, which depends on
    # dysprosium, a rare earth: China's control of rare earths reaches it.
    from query_bundle import _ID, _ev
    from reegraph.model import Relation, RelationProperties

    bundle = make_query_bundle()
    bundle.relations.append(
        Relation(
            type=RelationType.INVOLVED_IN,
            source=_ID["Mitsui"],
            target=_ID["Defense"],
            properties=RelationProperties(origin="text"),
            evidence=[_ev("003", "Mitsui supplies the defence industry.")],
        )
    )
    with EmbeddedStore(tmp_path / "g.lbdb") as store:
        store.write_bundle(bundle)
        rows = ask(store, "exposure", {"entity": "Mitsui"}).rows
    assert not by(rows, how="direct")
    assert by(rows, how="sector", mineral="Dysprosium", via="Defense")
    controllers = by(rows, how="controlled by", via="China")
    assert ("Rare earth elements", "processing", 0.9) in {
        (r["mineral"], r["stage"], r["share"]) for r in controllers
    }


def test_profile_documents_are_the_latest_first(store: CypherStore) -> None:
    (japan,) = ask(store, "profile", {"entity": "Japan"}).rows
    keys = [(d["published"] or "", d["id"]) for d in japan["documents"]]
    assert len(keys) > 1
    assert [k[0] for k in keys] == sorted((k[0] for k in keys), reverse=True)
    (capped,) = ask(store, "profile", {"entity": "Japan", "limit": 1}).rows
    assert capped["documents"] == japan["documents"][:1]


def test_rows_without_mentions_parties_or_coverage_are_kept(tmp_path: Path) -> None:
    # Mentions, parties and what an agreement covers are each gathered by a match of
    # their own: none may drop the entity or agreement that has none of them.
    from query_bundle import _ID, _ev
    from reegraph.model import Entity, Relation, RelationProperties

    bundle = make_query_bundle()
    quiet = Entity(label="Organization", name="Quiet Minerals Ltd")
    pact = Entity(label="Agreement", name="Dysprosium offtake pact")
    memo = Entity(label="Agreement", name="JOGMEC staffing memo")
    bundle.entities += [quiet, pact, memo]
    bundle.relations += [
        Relation(
            type=kind, source=source, target=target,
            properties=RelationProperties(origin="text"), evidence=[_ev("003", sentence)],
        )
        for kind, source, target, sentence in [
            (RelationType.COVERS, pact.id, _ID["Dysprosium"], "The pact covers dysprosium."),
            (RelationType.PARTY_TO, _ID["JOGMEC"], memo.id, "JOGMEC signed a staffing memo."),
        ]
    ]  # fmt: skip
    with EmbeddedStore(tmp_path / "g.lbdb") as store:
        store.write_bundle(bundle)
        (profile,) = ask(store, "profile", {"entity": "Quiet Minerals Ltd"}).rows
        covering = ask(store, "agreements_covering", {"mineral": "Dysprosium"}).rows
        of_jogmec = ask(store, "agreements_of", {"party": "JOGMEC"}).rows
    assert profile["name"] == "Quiet Minerals Ltd"
    assert profile["documents"] == []
    assert profile["incoming"] == []
    offtake = one(covering, agreement="Dysprosium offtake pact")
    assert offtake["parties"] == offtake["signatories"] == []
    assert (offtake["covers"], offtake["inferred"]) == (["Dysprosium"], False)
    staffing = one(of_jogmec, agreement="JOGMEC staffing memo")
    assert (staffing["parties"], staffing["roles"]) == (["JOGMEC"], ["PARTY_TO"])
    assert (staffing["covers"], staffing["documents"]) == ([], ["003"])
