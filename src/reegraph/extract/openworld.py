"""Open-world mentions: entities no lexicon lists, found from how news copy introduces them.

Acronym definitions, titles before names, corporate designators, descriptors
("American company X", "X, a Swedish magnet maker"), coordination with a known
organisation, speech verbs, and places ("Busan, South Korea", "gas projects in X").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from reegraph.extract.mentions import Mention
from reegraph.extract.sentences import Sentence
from reegraph.model import Label

_UP = r"(?:[A-Z]|[À-ÖØ-Þ])"
WORD = _UP + r"[\w’'&.-]*[\w&]|" + _UP
# A proper-noun phrase: capitalised words, with lower-case connectors inside.
PNP = rf"(?:{WORD})(?:\s+(?:(?:of|for|and|the|de|du|des|van|von|&)\s+)?(?:{WORD}))*"
NAME = rf"{_UP}[\w’'-]*\w(?:\s+{_UP}[\w’'-]*\w){{0,2}}"

DESIGNATORS = frozenset(
    [
        "Inc",
        "Inc.",
        "Corp",
        "Corp.",
        "Corporation",
        "Ltd",
        "Ltd.",
        "Limited",
        "LLC",
        "PLC",
        "plc",
        "AG",
        "SA",
        "NV",
        "GmbH",
        "Co",
        "Co.",
        "Company",
        "Group",
        "Holdings",
        "Holding",
        "Resources",
        "Metals",
        "Materials",
        "Mining",
        "Minerals",
        "Earths",
        "Energy",
        "Industries",
        "Technologies",
        "Technology",
        "Partners",
        "Capital",
        "Bank",
        "Agency",
        "Ministry",
        "Department",
        "Commission",
        "Council",
        "Authority",
        "Works",
        "Motors",
        "Chemicals",
        "Chemical",
        "Steel",
        "Petroleum",
        "Fuels",
        "Magnetics",
        "Magnets",
        "Electric",
        "Systems",
        "Ventures",
        "Exploration",
        "Institute",
        "Association",
        "Federation",
        "Organisation",
        "Organization",
        "Office",
        "Administration",
        "Bureau",
        "Fund",
        "Securities",
        "Investments",
        "Enterprises",
        "Solutions",
        "Laboratories",
        "Shipping",
        "Trading",
        "Refining",
        "Smelting",
        "Alloys",
        "Lithium",
        "Nickel",
        "Cobalt",
        "Graphite",
        "Uranium",
    ]
)
_DESIGNATOR_HINT = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, DESIGNATORS))) + r")(?!\w)")
_GENERIC = frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Critical",
        "Rare",
        "Earth",
        "Earths",
        "Strategic",
        "Global",
        "National",
        "International",
        "New",
        "Energy",
        "Green",
        "Clean",
        "Supply",
        "Chain",
        "Minerals",
        "Metals",
        "Materials",
        "Mining",
        "Resources",
        "Group",
        "Key",
        "Security",
        "Economic",
        "Trade",
        "Industry",
        "Industries",
        "Technology",
        "Technologies",
        "Market",
        "Markets",
        "Risk",
        "Chinese",
        "American",
        "Japanese",
        "Western",
        "Eastern",
        "Northern",
        "Southern",
        "Asian",
        "European",
        "Allied",
        "Joint",
        "Processing",
        "Production",
        "Policy",
        "Policies",
        "Alliance",
        "Bank",
        "Department",
        "Ministry",
        "Council",
        "Agency",
        "State",
        "Federal",
        "Government",
        "Capital",
        "Partners",
        "Advanced",
        "Mineral",
        "Rare-Earth",
    ]
)
_GOV_FIRST = frozenset(
    [
        "Ministry",
        "Department",
        "Bank",
        "Office",
        "Bureau",
        "Agency",
        "Commission",
        "Council",
        "Institute",
    ]
)
_STOP_FIRST = frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "Its",
        "Their",
        "Our",
        "Both",
        "Such",
        "Several",
        "Some",
        "Many",
        "Most",
        "All",
        "In",
        "On",
        "At",
        "For",
        "By",
        "With",
        "From",
        "As",
        "While",
        "If",
        "When",
        "After",
        "Before",
        "But",
        "And",
        "Or",
        "Yet",
        "So",
        "Also",
        "However",
        "Meanwhile",
    ]
)
_AGREEMENT_WORD = re.compile(r"\b(?:Framework|Agreement|Accord|Treaty|Pact|Memorandum|Summit)\b")
_TITLE_HINT = re.compile(
    r"President|Minister|minister|Prime|president|PM\b|Premier|Chancellor|King|Queen|Emir|Sultan|"
    r"[Ll]eader|Secretary|CEO|Chief|Chair|Governor|Senator|Ambassador|Commissioner|Director|"
    r"\b(?:Dr|Mr|Ms|Mrs)\."
)
_DESCRIPTOR_HINT = re.compile(
    r"compan|firm|miner|produc|maker|manufactur|conglomerate|developer|refiner|processor|start"
    r"|utilit|supplier|lender|giant|agency|corporations|businesses|group|bank|operator|explorer"
    r"|smelter"
)
_SPEECH_HINT = re.compile(r"\b(?:said|says|told|added|noted|stated|announced|wrote)\b")
_PLACE_HINT = re.compile(r"\b(?:in|at|near|from|to|outside) [A-ZÀ-Þ]|[’']s [A-Z]")
_MONTHS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
)

HEAD_TITLES = {
    "president": "President",
    "prime minister": "Prime Minister",
    "pm": "Prime Minister",
    "premier": "Premier",
    "chancellor": "Chancellor",
    "king": "King",
    "queen": "Queen",
    "emir": "Emir",
    "sultan": "Sultan",
    "supreme leader": "Supreme Leader",
    "presidents": "President",
    "leader": "Leader",
}
TITLE = re.compile(
    r"\b(?P<title>(?i:vice president|deputy prime minister|prime minister|presidents|president|"
    r"premier|chancellor|king|queen|emir|sultan|supreme leader)|PM|"
    r"(?:[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?\s+)?(?:Minister|Secretary)(?:\s+of\s+(?:the\s+)?[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?)?|"
    r"(?i:minister)|Chief Executive(?: Officer)?|CEO|Chairman|Chairwoman|Chair|Governor|Senator|"
    r"Ambassador|Commissioner|Director(?:-General| General)?|Dr\.|Mr\.|Ms\.|Mrs\.)"
    rf"\s+(?P<names>{NAME}(?:\s*(?:,|and)\s+{NAME})*)"
)
SPEECH = re.compile(
    rf"(?P<name>{_UP}[\w’'-]+\s+{_UP}[\w’'-]+(?:\s+{_UP}[\w’'-]+)?)\s*,?\s+"
    r"(?:said|says|told|added|noted|stated|announced|wrote)\b"
)
ACRONYM_AFTER = re.compile(rf"(?P<long>{PNP})\s*\((?P<acr>[A-Z][A-Za-z&]*[A-Z][A-Za-z]*)\)")
ACRONYM_BEFORE = re.compile(rf"\b(?P<acr>[A-Z]{{2,10}})\s*\((?P<long>{PNP})\)")
DESCRIPTOR = re.compile(
    r"\b(?P<desc>(?:state[- ]owned\s+|state\s+|mining\s+|magnet\s+|battery\s+|rare[- ]earths?\s+|"
    r"energy\s+|trading\s+|gas\s+|chemical\s+|tech\s+)?(?:company|companies|firm|firms|miner|miners|"
    r"producer|producers|maker|makers|manufacturer|manufacturers|conglomerate|developer|"
    r"refiner|refiners|processor|processors|startup|start-up|utility|utilities|supplier|suppliers|"
    r"carmaker|automaker|lender|giant|agency|corporations|businesses))\s*,?\s+"
    r"(?:(?:such as|like|including|namely)\s+)?(?:the\s+)?"
    rf"(?P<list>{PNP}(?:\s*,\s*(?:and\s+)?{PNP})*"
    rf"(?:\s*,?\s*and\s+{PNP})?)"
)
APPOSITION = re.compile(
    rf"(?P<name>{PNP}),\s+(?:a|an|the)\s+(?P<desc>(?:[\w-]+\s+){{0,3}}?(?:company|firm|miner|"
    r"producer|maker|manufacturer|group|conglomerate|developer|refiner|processor|startup|utility|"
    r"supplier|carmaker|automaker|agency|lender|bank|operator|explorer|smelter))\b"
)
INCLUDING = re.compile(rf"\bincluding\s+(?P<list>{PNP}(?:\s*,\s*(?:and\s+)?{PNP})+)")
PLACE_COUNTRY = re.compile(rf"\b(?:in|at|near|from|to|outside)\s+(?P<name>{NAME}),\s+")
PLACE_IN = re.compile(
    rf"\b(?:in|from|near|outside)\s+(?P<name>{_UP}[\w-]+(?:\s+{_UP}[\w-]+)?)\b(?!\s*[’']s\b)(?!\s+{_UP})"
)
_PLACE_CONTEXT = re.compile(
    r"\b(?:projects?|plants?|mines?|sites?|ports?|state|province|city|region|"
    r"zone|facilit(?:y|ies)|refiner(?:y|ies)|factor(?:y|ies)|headquarter\w*|"
    r"based|located|held|gas|deposits?|operations|smelters?|oil|LNG)\b"
)
POSSESSIVE_PLACE = re.compile(
    rf"[’']s\s+(?P<name>{_UP}[\w-]+\s+(?:Palace|Hall|House|Centre|Center|"
    r"Airport|Port|Square|Hotel|Building|Tower|Park|Mine|Refinery))\b"
)
BASED = re.compile(rf"(?P<name>{_UP}[\w-]*\w(?:\s+{_UP}[\w-]*\w)?)-based\b")


def _split_list(raw: str) -> Iterator[tuple[int, str]]:
    """Items of "A, B and C" with their offsets in ``raw``."""
    for m in re.finditer(rf"{PNP}", raw):
        text = m.group(0)
        # "X and Y" inside one PNP: split unless the tail is a designator ("... and Technology").
        parts = re.split(r"\s+and\s+", text)
        if len(parts) > 1 and parts[-1].split()[-1] not in DESIGNATORS:
            pos = m.start()
            for part in parts:
                at = raw.index(part, pos)
                yield at, part
                pos = at + len(part)
        else:
            yield m.start(), text


def _strip(text: str, start: int) -> tuple[int, str]:
    """Drop leading determiners and a trailing possessive from a name."""
    words = text.split(" ")
    while words and (words[0] in _STOP_FIRST or words[0].endswith("-based")):
        start += len(words[0]) + 1
        words = words[1:]
    name = " ".join(words)
    for suffix in ("’s", "'s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return start, name.rstrip(".,") if not name.endswith(("Co.", "Inc.", "Corp.", "Ltd.")) else name


class OpenWorld:
    """Finds open-world mentions sentence by sentence, given the lexicon mentions."""

    def __init__(
        self,
        text: str,
        sentences: list[Sentence],
        lexicon_mentions: list[Mention],
        country_names: dict[str, str] | None = None,
    ) -> None:
        self.country_names = country_names or {}
        self.text = text
        self.sentences = sentences
        self.lex = sorted(lexicon_mentions, key=lambda m: m.start)
        self.found: list[Mention] = []
        self.acronyms: dict[str, tuple[str, Label]] = {}

    # -- helpers -------------------------------------------------------------------------
    def _lex_at(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.lex if m.start < end and m.end > start]

    def _country_before(self, pos: int, window: int = 24) -> Mention | None:
        """A country mention (name, adjective, possessive) ending just before ``pos``."""
        best = None
        for m in self.lex:
            if m.label is Label.COUNTRY and pos - window <= m.end <= pos:
                gap = self.text[m.end : pos]
                if re.fullmatch(
                    r"(?:[’']s)?[\s-]*(?:(?:the|state|state-owned|government|"
                    r"[a-z-]+)\s+){0,2}",
                    gap,
                ) and not self.text[max(0, m.start - 4) : m.start].lower().endswith("non-"):
                    best = m
        return best

    def _annotate(self, start: int, end: int, country: Mention | None, how: str) -> None:
        """Give organisations already found inside [start, end) the country a descriptor names."""
        if country is None or country.entry is None:
            return
        for x in [*self.lex, *self.found]:
            if (
                x.label is Label.ORGANIZATION
                and start <= x.start
                and x.end <= end
                and not x.country
            ):
                x.country, x.country_from = country.entry.id, how

    def _add(
        self, start: int, name: str, label: Label, sent: int, rule: str, conf: float, **kw: object
    ) -> Mention | None:
        end = start + len(name)
        if not name or name in _MONTHS or len(name) < 2:
            return None
        if any(f.start < end and f.end > start for f in self.found):
            return None
        inner = self._lex_at(start, end)
        # A lexicon entity covering the whole span already names it.
        if any(m.start <= start and m.end >= end for m in inner):
            return None
        m = Mention(start, end, label, name, sent, None, rule=rule, conf=conf, **kw)  # type: ignore[arg-type]
        self.found.append(m)
        return m

    # -- rules ---------------------------------------------------------------------------
    def run(self) -> list[Mention]:
        for s in self.sentences:
            if s.heading:
                continue
            text = self.text[s.start : s.end]
            # Cheap keyword checks first: most sentences introduce nobody new.
            if "(" in text:
                self._acronyms(s, text)
            if _TITLE_HINT.search(text):
                self._titles(s, text)
            if _DESIGNATOR_HINT.search(text):
                self._designators(s, text)
            if _DESCRIPTOR_HINT.search(text):
                self._descriptors(s, text)
            if _SPEECH_HINT.search(text):
                self._speech(s, text)
            if _PLACE_HINT.search(text):
                self._places(s, text)
        self._coordination()
        self._acronym_uses()
        self._country_from_names()
        return self.found

    def _country_from_names(self) -> None:
        """ "China Northern Rare Earth Group": a name opening with a country places it there;
        a name listed among such names takes their country when they all agree."""
        orgs = [m for m in [*self.lex, *self.found] if m.label is Label.ORGANIZATION]
        for o in orgs:
            if o.country:
                continue
            words = self.text[o.start : o.end].split()
            for n in (3, 2, 1):
                if len(words) > n and (cid := self.country_names.get(" ".join(words[:n]))):
                    o.country, o.country_from = cid, "name_prefix"
                    break
        for s in self.sentences:
            listed = sorted((o for o in orgs if s.start <= o.start < s.end), key=lambda o: o.start)
            if len(listed) < 3:
                continue
            gaps = [self.text[a.end : b.start] for a, b in itertools.pairwise(listed)]
            if not all(re.fullmatch(r"\s*,?\s*(?:and\s+)?", g) for g in gaps):
                continue
            countries = {o.country for o in listed if o.country}
            if len(countries) == 1 and sum(1 for o in listed if o.country) >= 2:
                for o in listed:
                    if not o.country:
                        o.country, o.country_from = next(iter(countries)), "list"

    def _acronyms(self, s: Sentence, text: str) -> None:
        for rx in (ACRONYM_AFTER, ACRONYM_BEFORE):
            for m in rx.finditer(text):
                start, long = _strip(m["long"], s.start + m.start("long"))
                acr = m["acr"]
                if len(long.split()) < 2 or acr[0] != long[0].upper():
                    continue
                if self._lex_at(start, start + len(long)) and any(
                    x.start <= start and x.end >= start + len(long)
                    for x in self._lex_at(start, start + len(long))
                ):
                    continue
                label = Label.ORGANIZATION
                if re.search(r"\b(?:Framework|Agreement|Accord|Treaty|Pact|Memorandum)\b", long):
                    continue  # agreements are found by the agreement rules
                if re.search(r"\b(?:Summit|Conference|Forum|Dialogue)\b", long):
                    label = Label.EVENT
                mm = self._add(
                    start,
                    long,
                    label,
                    s.index,
                    "org.acronym_definition",
                    0.9,
                    sense="name",
                    kind="organisation",
                )
                if mm is not None:
                    self.acronyms[acr] = (long, label)
                    a_start = s.start + m.start("acr")
                    self._add(
                        a_start,
                        acr,
                        label,
                        s.index,
                        "org.acronym_definition",
                        0.9,
                        sense="acronym",
                        long_form=long,
                    )

    def _titles(self, s: Sentence, text: str) -> None:
        pos = 0
        while m := TITLE.search(text, pos):
            pos = self._title(s, text, m)

    def _title(self, s: Sentence, text: str, m: re.Match[str]) -> int:
        """Handle one title match; returns where to look for the next one."""
        title = m["title"]
        key = title.lower()
        if key in {"dr.", "mr.", "ms.", "mrs."}:
            role = None
        else:
            role = HEAD_TITLES.get(key, title)
            role = role[:1].upper() + role[1:]
        head = key in HEAD_TITLES and "vice" not in key and "deputy" not in key
        country = self._country_before(s.start + m.start())
        names = list(re.finditer(NAME, m["names"]))
        next_pos = m.end()
        if not title.lower().endswith("s") and not title.lower().startswith("leader"):
            names = names[:1]
            next_pos = m.start("names") + names[0].end()
        for x in names:
            at, raw = x.start(), x.group(0)
            start = s.start + m.start("names") + at
            start, name = _strip(raw, start)
            # Stop the name at the first word another entity or a verb-like word claims.
            words = []
            for w in name.split():
                if w in _MONTHS or w in DESIGNATORS:
                    break
                words.append(w)
            name = " ".join(words)
            if not name:
                continue
            lex = [y for y in self._lex_at(start, start + len(name)) if y.label is Label.PERSON]
            for pm in lex:  # a known person: annotate the lexicon mention
                pm.role = pm.role or role
                pm.head = pm.head or head
                if country and head:
                    pm.country = country.entry.id if country.entry else pm.country
            if lex:
                continue
            if self._lex_at(start, start + len(name)):
                continue
            self._add(
                start,
                name,
                Label.PERSON,
                s.index,
                "person.title",
                0.85,
                sense="name",
                role=role,
                head=head,
                country=country.entry.id if country and country.entry else None,
            )
        return next_pos

    def _designators(self, s: Sentence, text: str) -> None:
        for m in re.finditer(PNP, text):
            for at, part in _split_list(m.group(0)):
                start, name = _strip(part, s.start + m.start() + at)
                words = name.split()
                if len(words) < 2:
                    continue
                last, first = words[-1], words[0]
                gov = first in _GOV_FIRST and len(words) >= 3 and words[1] == "of"
                if not (last in DESIGNATORS or gov) or _AGREEMENT_WORD.search(name):
                    continue
                if (
                    all(
                        w in _GENERIC or w in DESIGNATORS or w in {"of", "and", "the", "&"}
                        for w in words
                    )
                    and not gov
                ):
                    continue
                country = self._country_before(start)
                if country is None and self.text[max(0, start - 7) : start] == "-based ":
                    based = [x for x in self.lex if x.end == start - 7 and x.country]
                    country_id = based[0].country if based else None
                else:
                    country_id = country.entry.id if country and country.entry else None
                self._add(
                    start,
                    name,
                    Label.ORGANIZATION,
                    s.index,
                    "org.designator",
                    0.8,
                    kind="government body" if gov else "company",
                    country=country_id,
                )

    def _descriptors(self, s: Sentence, text: str) -> None:
        for m in DESCRIPTOR.finditer(text):
            country = self._country_before(s.start + m.start("desc"), 40)
            kind = "agency" if "agency" in m["desc"] else "company"
            for at, part in _split_list(m["list"]):
                start, name = _strip(part, s.start + m.start("list") + at)
                if not name or name.split()[0] in _MONTHS:
                    continue
                inner = self._lex_at(start, start + len(name))
                if inner and any(
                    x.label is not Label.ORGANIZATION
                    for x in inner
                    if x.start <= start and x.end >= start + len(name)
                ):
                    continue
                self._annotate(start, start + len(name), country, "descriptor")
                self._add(
                    start,
                    name,
                    Label.ORGANIZATION,
                    s.index,
                    "org.descriptor",
                    0.8,
                    kind=kind,
                    country=country.entry.id if country and country.entry else None,
                )
        for m in APPOSITION.finditer(text):
            start, name = _strip(m["name"], s.start + m.start("name"))
            inner = self._lex_at(start, start + len(name))
            desc_at = s.start + m.start("desc")
            country = next(
                (
                    x
                    for x in self.lex
                    if x.label is Label.COUNTRY and desc_at <= x.start < s.start + m.end("desc")
                ),
                None,
            )
            self._annotate(start, start + len(name), country, "apposition")
            if len(name.split()) <= 5:
                self._add(
                    start,
                    name,
                    Label.ORGANIZATION,
                    s.index,
                    "org.apposition",
                    0.8,
                    kind="company",
                    country=country.entry.id if country and country.entry else None,
                )

    def _speech(self, s: Sentence, text: str) -> None:
        for m in SPEECH.finditer(text):
            start, name = _strip(m["name"], s.start + m.start("name"))
            if (
                len(name.split()) >= 2
                and not any(w in DESIGNATORS or w in _GENERIC for w in name.split())
                and not self._lex_at(start, start + len(name))
            ):
                self._add(start, name, Label.PERSON, s.index, "person.speech", 0.7)

    def _places(self, s: Sentence, text: str) -> None:
        for m in PLACE_COUNTRY.finditer(text):
            start, name = s.start + m.start("name"), m["name"]
            after = self._lex_at(s.start + m.end(), s.start + m.end() + 40)
            country = next(
                (x for x in after if x.label is Label.COUNTRY and x.start == s.start + m.end()),
                None,
            )
            if country is not None and not self._lex_at(start, start + len(name)):
                self._add(
                    start,
                    name,
                    Label.PLACE,
                    s.index,
                    "place.city_country",
                    0.85,
                    kind="city",
                    country=country.entry.id if country.entry else None,
                )
        for m in POSSESSIVE_PLACE.finditer(text):
            start = s.start + m.start("name")
            owner = [x for x in self.lex if x.end <= start and start - x.end <= 3]
            owner_country = owner[-1].country if owner and owner[-1].label is Label.PLACE else None
            self._add(
                start,
                m["name"],
                Label.PLACE,
                s.index,
                "place.possessive",
                0.8,
                kind="site",
                country=owner_country,
            )
        if _PLACE_CONTEXT.search(text):
            for m in PLACE_IN.finditer(text):
                start, name = s.start + m.start("name"), m["name"]
                if (
                    name in _MONTHS
                    or name.split()[0] in _STOP_FIRST
                    or name.split()[-1] in DESIGNATORS
                ):
                    continue
                if not self._lex_at(start, start + len(name)) and name.upper() != name:
                    self._add(
                        start, name, Label.PLACE, s.index, "place.locative", 0.6, kind="place"
                    )

    def _coordination(self) -> None:
        """Unknown names listed together with a known organisation are organisations too."""
        orgs = [m for m in [*self.lex, *self.found] if m.label is Label.ORGANIZATION]
        for s in self.sentences:
            if s.heading or not any(s.start <= o.start < s.end for o in orgs):
                continue
            text = self.text[s.start : s.end]
            for m in re.finditer(
                rf"{PNP}(?:\s*,\s*(?:and\s+)?{PNP})*\s*,?\s*(?:and|or)\s+{PNP}", text
            ):
                items = list(_split_list(m.group(0)))
                spans = [
                    (s.start + m.start() + a, s.start + m.start() + a + len(p)) for a, p in items
                ]
                if not any(
                    o.start <= a < o.end or a <= o.start < b for o in orgs for a, b in spans
                ):
                    continue
                for (a, _b), (_, part) in zip(spans, items, strict=True):
                    start, name = _strip(part, a)
                    if self._lex_at(start, start + len(name)) or not name:
                        continue
                    if any(f.start < start + len(name) and f.end > start for f in self.found):
                        continue
                    if (
                        name.split()[0] in _STOP_FIRST
                        or name in _MONTHS
                        or all(w in _GENERIC for w in name.split())
                    ):
                        continue
                    self._add(
                        start,
                        name,
                        Label.ORGANIZATION,
                        s.index,
                        "org.coordination",
                        0.6,
                        kind="company",
                    )

    def _acronym_uses(self) -> None:
        if not self.acronyms:
            return
        rx = re.compile(r"\b(" + "|".join(map(re.escape, self.acronyms)) + r")\b")
        for s in self.sentences:
            for m in rx.finditer(self.text, s.start, s.end):
                long, label = self.acronyms[m.group(0)]
                self._add(
                    m.start(),
                    m.group(0),
                    label,
                    s.index,
                    "org.acronym_use",
                    0.85,
                    sense="acronym",
                    long_form=long,
                )
