"""Lexicons: YAML files (+ pycountry) turned into alias tables the matchers are built from.

Lexicons say what exists and what it is called; they never state who did what.
Missing files are tolerated (the lexicon is grown by other people in parallel).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from reegraph.model import Label, entity_id

_MINOR_WORDS = frozenset({"of", "the", "and"})

# Words that pycountry knows as territory names but that are ordinary words/names in text.
_PYCOUNTRY_SKIP = frozenset({"Jersey", "Guernsey", "Man", "Georgia", "Chad", "Jordan", "Niue"})


@dataclass(frozen=True)
class Entry:
    """One thing a lexicon says exists."""

    label: Label
    name: str
    kind: str | None = None
    symbol: str | None = None
    country: str | None = None  # entity id of its country (capitals, lexicon orgs)
    groups: tuple[str, ...] = ()  # minerals: names of the groups it belongs to

    @cached_property
    def id(self) -> str:
        return entity_id(self.label, self.name)


@dataclass(frozen=True)
class Alias:
    """A surface form that names an entry."""

    text: str
    entry: Entry
    sense: str = "name"  # name | adj (demonym) | capital
    case_sensitive: bool = True
    ambiguous: bool = False


@dataclass
class Lexicon:
    entries: dict[str, Entry] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)
    # Lexicon-declared ambiguous person aliases (e.g. a surname shared by many people).
    capitals: dict[str, Entry] = field(default_factory=dict)  # capital name -> country entry

    def add(self, entry: Entry) -> Entry:
        return self.entries.setdefault(entry.id, entry)

    def alias(self, text: str, entry: Entry, **kw: Any) -> None:
        text = text.strip()
        if text:
            self.aliases.append(Alias(text, entry, **kw))

    @cached_property
    def prefix_forms(self) -> dict[str, str]:
        """Entity id -> the initialism used before other names ("US-Japan", "EU-China").

        Only countries and blocs whose name has two or more words and an alias spelling
        exactly their initials (United States -> US, European Union -> EU).
        """
        out: dict[str, str] = {}
        for a in self.aliases:
            if a.entry.label in {Label.COUNTRY, Label.REGION}:
                form = initialism(a.entry.name, [a.text])
                if form:
                    out.setdefault(a.entry.id, form)
        return out

    def group_chain(self, entry: Entry) -> Iterator[tuple[Entry, Entry]]:
        """(member, group) taxonomy pairs reachable from a mineral, transitively."""
        seen: set[tuple[str, str]] = set()
        todo = [entry]
        while todo:
            cur = todo.pop()
            for gname in cur.groups:
                group = self.entries.get(entity_id(Label.MINERAL, gname))
                if group is None or (cur.id, group.id) in seen:
                    continue
                seen.add((cur.id, group.id))
                yield cur, group
                todo.append(group)


def initialism(name: str, aliases: Iterable[str]) -> str | None:
    """The alias (dots dropped) that spells the initials of a multi-word name, if any.

    >>> initialism("United States", ["U.S.", "America"])
    'US'
    >>> initialism("China", ["PRC"]) is None
    True
    """
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _MINOR_WORDS]
    if len(words) < 2:
        return None
    initials = "".join(w[0] for w in words).upper()
    for alias in aliases:
        form = alias.replace(".", "")
        if form == initials and 2 <= len(form) <= 3:
            return form
    return None


def _common_noun_case(alias: str) -> bool:
    """Acronyms and mixed-case forms (EVs, LNG, NdPr) must match exactly; words need not."""
    return any(c.isupper() for c in alias[1:]) or (len(alias) <= 3 and alias.isupper())


def _load(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if v]


def _load_countries(lex: Lexicon, directory: Path) -> None:
    import pycountry

    data = _load(directory / "countries.yaml").get("countries") or {}
    for code, spec in data.items():
        spec = spec or {}
        pyc = pycountry.countries.get(alpha_2=str(code))
        name = spec.get("name") or (getattr(pyc, "common_name", None) or pyc.name if pyc else None)
        if not name:
            continue
        entry = lex.add(Entry(Label.COUNTRY, name, kind="country"))
        ambiguous = set(_as_list(spec.get("ambiguous")))
        names = {name, *_as_list(spec.get("aliases"))}
        if pyc is not None:
            names.update(
                n
                for n in (
                    pyc.name,
                    getattr(pyc, "common_name", None),
                    getattr(pyc, "official_name", None),
                )
                if n and "," not in n
            )
        for alias in names:
            lex.alias(alias, entry, ambiguous=alias in ambiguous)
        for dem in _as_list(spec.get("demonyms")):
            lex.alias(dem, entry, sense="adj", ambiguous=dem in ambiguous)
        capital = spec.get("capital")
        if capital:
            lex.capitals[capital] = entry
            lex.alias(
                capital, entry, sense="capital", ambiguous=bool(spec.get("capital_ambiguous"))
            )
    known = {e.name for e in lex.entries.values()}
    for pyc in pycountry.countries:
        if pyc.alpha_2 in data:
            continue
        name = getattr(pyc, "common_name", None) or pyc.name
        if "," in name or name in known or name in _PYCOUNTRY_SKIP:
            continue
        lex.alias(name, lex.add(Entry(Label.COUNTRY, name, kind="territory")))


def _load_minerals(lex: Lexicon, directory: Path) -> None:
    data = _load(directory / "minerals.yaml")
    for spec in data.get("groups") or []:
        entry = lex.add(
            Entry(
                Label.MINERAL,
                spec["name"],
                kind="group",
                groups=tuple(_as_list(spec.get("member_of"))),
            )
        )
        for alias in {spec["name"], *_as_list(spec.get("aliases"))}:
            lex.alias(alias, entry, case_sensitive=_common_noun_case(alias))
    for spec in data.get("minerals") or []:
        entry = lex.add(
            Entry(
                Label.MINERAL,
                spec["name"],
                kind=spec.get("kind") or "element",
                symbol=spec.get("symbol"),
                groups=tuple(_as_list(spec.get("groups"))),
            )
        )
        for alias in {spec["name"], *_as_list(spec.get("aliases"))}:
            lex.alias(alias, entry, case_sensitive=_common_noun_case(alias))


def _load_simple(
    lex: Lexicon, directory: Path, file: str, key: str, label: Label, case_sensitive: bool | None
) -> None:
    for spec in _load(directory / file).get(key) or []:
        if not isinstance(spec, dict) or not spec.get("name"):
            continue
        country = spec.get("country")
        entry = lex.add(
            Entry(
                label,
                spec["name"],
                kind=spec.get("kind"),
                country=entity_id(Label.COUNTRY, country) if country else None,
            )
        )
        ambiguous = set(_as_list(spec.get("ambiguous_aliases")))
        if spec.get("ambiguous") is True:  # the name itself is shared (Georgia, Victoria)
            ambiguous.add(spec["name"])
        for alias in {spec["name"], *_as_list(spec.get("aliases")), *ambiguous}:
            cs = _common_noun_case(alias) if case_sensitive is None else case_sensitive
            lex.alias(alias, entry, case_sensitive=cs, ambiguous=alias in ambiguous)


def load_lexicon(directory: Path) -> Lexicon:
    """Read every lexicon file of a folder (absent files are simply empty)."""
    lex = Lexicon()
    _load_countries(lex, directory)
    _load_minerals(lex, directory)
    _load_simple(lex, directory, "commodities.yaml", "commodities", Label.COMMODITY, None)
    _load_simple(lex, directory, "sectors.yaml", "sectors", Label.SECTOR, None)
    _load_simple(lex, directory, "regions.yaml", "regions", Label.REGION, True)
    _load_simple(lex, directory, "organizations.yaml", "organizations", Label.ORGANIZATION, True)
    _load_simple(lex, directory, "people.yaml", "people", Label.PERSON, True)
    _load_simple(lex, directory, "places.yaml", "places", Label.PLACE, True)
    return lex
