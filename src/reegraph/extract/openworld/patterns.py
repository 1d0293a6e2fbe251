"""Regular expressions of the open-world rules and the name-splitting helpers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reegraph.extract.gated import Gated
from reegraph.extract.openworld.words import DESIGNATORS, SITE_WORDS, STOP_FIRST

UP = r"(?:[A-Z]|[À-ÖØ-Þ])"
WORD = UP + r"[\w’'&.-]*[\w&]|" + UP
# A proper-noun phrase: capitalised words, with lower-case connectors inside.
PNP = rf"(?:{WORD})(?:\s+(?:(?:of|for|and|the|de|du|des|van|von|&)\s+)?(?:{WORD}))*"
NAME = rf"{UP}[\w’'-]*\w(?:\s+{UP}[\w’'-]*\w){{0,2}}"
# A person's name after a title may open with initials ("G. Kishan Reddy"); "U.S." is
# no initial (no space after its first stop).
PERSON_NAME = rf"(?:[A-Z]\.\s+){{0,2}}{NAME}"
PNP_RE = re.compile(PNP)
# The proper-noun phrases of two words or more: exactly the matches of PNP_RE that hold
# whitespace (a word cannot end before whitespace but at its last character, so no
# match starts inside a one-word match of PNP_RE), without stopping at every one-word one.
PNP_MULTI = re.compile(
    rf"(?:{WORD})(?:\s+(?:(?:of|for|and|the|de|du|des|van|von|&)\s+)?(?:{WORD}))+"
)
# A list of proper-noun phrases ending in "and X" / "or X" (see OrgRules._coordination).
PNP_LIST = re.compile(rf"{PNP}(?:\s*,\s*(?:and\s+)?{PNP})*\s*,?\s*(?:and|or)\s+{PNP}")
# What PNP_LIST cannot do without: "and" or "or" before a capitalised word.
LIST_CUE = re.compile(rf"(?:and|or)\s+{UP}")
# What APPOSITION cannot do without: ", a", ", an", ", the".
APPOSITION_CUE = re.compile(r",\s+(?:a|an|the)\s")
PAREN_CAP = re.compile(rf"\({UP}")
_AND = re.compile(r"\s+and\s+")
AGREEMENT_WORD = re.compile(r"\b(?:Framework|Agreement|Accord|Treaty|Pact|Memorandum|Summit)\b")
TITLE = re.compile(
    r"\b(?P<title>(?i:vice president|deputy prime minister|prime minister|presidents|president|"
    r"premier|chancellor|king|queen|emir|sultan|supreme leader)|PM|"
    r"(?:[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?\s+)?(?:Minister|Secretary)(?:\s+of\s+(?:the\s+)?[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?)?|"
    r"(?i:minister)|Chief (?:Executive|Financial|Operating|Technology|Commercial)(?: Officer)?|"
    r"CEO|Chairman|Chairwoman|Chair|Governor|Senator|"
    r"Ambassador|Commissioner|Director(?:-General| General)?|Dr\.|Mr\.|Ms\.|Mrs\.)"
    rf"\s+(?P<names>{PERSON_NAME}(?:\s*(?:,|and)\s+{PERSON_NAME})*)"
)
SPEECH = re.compile(
    rf"(?P<name>{UP}[\w’'-]+\s+{UP}[\w’'-]+(?:\s+{UP}[\w’'-]+)?)\s*,?\s+"
    r"(?:said|says|told|added|noted|stated|announced|wrote)\b"
)
ACRONYM_AFTER = re.compile(rf"(?P<long>{PNP})\s*\((?P<acr>[A-Z][A-Za-z&]*[A-Z][A-Za-z]*)\)")
ACRONYM_BEFORE = re.compile(rf"\b(?P<acr>[A-Z]{{2,10}})\s*\((?P<long>{PNP})\)")
# The words a DESCRIPTOR match starts with: a modifier or the noun itself.
_DESCRIPTOR_STARTS = (
    "state", "mining", "magnet", "battery", "rare", "energy", "trading", "gas", "chemical",
    "tech", "compan", "firm", "miner", "producer", "maker", "manufacturer", "conglomerate",
    "developer", "refiner", "processor", "start", "utilit", "supplier", "carmaker", "automaker",
    "lender", "giant", "agency", "corporations", "businesses",
)  # fmt: skip
_DESCRIPTOR_RX = re.compile(
    r"\b(?P<desc>(?:state[- ]owned\s+|state\s+|mining\s+|magnet\s+|battery\s+|rare[- ]earths?\s+|"
    r"energy\s+|trading\s+|gas\s+|chemical\s+|tech\s+)?(?:company|companies|firm|firms|miner|miners|"
    r"producer|producers|maker|makers|manufacturer|manufacturers|conglomerate|developer|"
    r"refiner|refiners|processor|processors|startup|start-up|utility|utilities|supplier|suppliers|"
    r"carmaker|automaker|lender|giant|agency|corporations|businesses))\s*,?\s+"
    r"(?:(?:such as|like|including|namely)\s+)?(?:the\s+)?"
    rf"(?P<list>{PNP}(?:\s*,\s*(?:and\s+)?{PNP})*"
    rf"(?:\s*,?\s*and\s+{PNP})?)"
)
DESCRIPTOR = Gated(_DESCRIPTOR_RX, _DESCRIPTOR_STARTS)
APPOSITION = re.compile(
    rf"(?P<name>{PNP}),\s+(?:a|an|the)\s+(?P<desc>(?:[\w-]+\s+){{0,3}}?(?:company|firm|miner|"
    r"producer|maker|manufacturer|group|conglomerate|developer|refiner|processor|startup|utility|"
    r"supplier|carmaker|automaker|agency|lender|bank|operator|explorer|smelter|trader|"
    r"trading house))\b"
)
INCLUDING = re.compile(rf"\bincluding\s+(?P<list>{PNP}(?:\s*,\s*(?:and\s+)?{PNP})+)")
PLACE_COUNTRY = re.compile(rf"\b(?:in|at|near|from|to|outside)\s+(?P<name>{NAME}),\s+")
PLACE_IN = re.compile(
    rf"\b(?:in|from|near|outside)\s+(?P<name>{UP}[\w-]+(?:\s+{UP}[\w-]+)?)\b(?!\s*[’']s\b)(?!\s+{UP})"
)
_PLACE_CONTEXT_STARTS = (
    "project", "plant", "mine", "site", "port", "state", "province", "city", "region", "zone",
    "facilit", "refiner", "factor", "headquarter", "based", "located", "held", "gas", "deposit",
    "operations", "smelter", "oil", "LNG",
)  # fmt: skip
PLACE_CONTEXT = Gated(
    re.compile(
        r"\b(?:projects?|plants?|mines?|sites?|ports?|state|province|city|region|"
        r"zone|facilit(?:y|ies)|refiner(?:y|ies)|factor(?:y|ies)|headquarter\w*|"
        r"based|located|held|gas|deposits?|operations|smelters?|oil|LNG)\b"
    ),
    _PLACE_CONTEXT_STARTS,
)
POSSESSIVE_PLACE = re.compile(
    rf"[’']s\s+(?P<name>{UP}[\w-]+\s+(?:Palace|Hall|House|Centre|Center|"
    r"Airport|Port|Square|Hotel|Building|Tower|Park|Mine|Refinery))\b"
)
# The nouns alone, in a sentence holding one (hints.SITE).
SITE_NOUN = re.compile(r"\b(?:" + "|".join(SITE_WORDS) + r")s?\b")
# "its Clarksville plant", "the Tenke Fungurume mine", "Zambia's Kansanshi mine": a site
# named before the noun for it. After "the", only nouns that name sites rather than
# companies' works ("the Boliden smelter" may name the company).
FACILITY = Gated(
    re.compile(
        rf"(?P<det>its|their|the|[’']s)\s+(?:(?:new|planned|proposed|flagship|existing)\s+)?"
        rf"(?P<name>{UP}[\w-]*[a-z][\w-]*(?:\s+{UP}[\w-]*[a-z][\w-]*){{0,2}})\s+"
        r"(?P<noun>mines?|deposits?|fields?|plants?|refinery|smelter|facility|factory|site|"
        r"projects?|complex|operations)\b(?![’'-])"
    ),
    ("its ", "their ", "the ", "’s ", "'s "),
)
SITE_NOUNS = frozenset(["mine", "mines", "deposit", "deposits", "field", "fields"])
BASED = re.compile(rf"(?P<name>{UP}[\w-]*\w(?:\s+{UP}[\w-]*\w)?)-based\b")

_HELD = ("-owned", "-held", "-backed", "-listed", "-controlled", "-run", "-funded")


def split_list(raw: str) -> Iterator[tuple[int, str]]:
    """Items of "A, B and C" with their offsets in ``raw``."""
    for m in PNP_RE.finditer(raw):
        text = m.group(0)
        # "X and Y" inside one PNP: split unless the tail is a designator ("... and Technology").
        parts = _AND.split(text) if "and" in text else [text]  # most names hold no "and"
        if len(parts) > 1 and parts[-1].split()[-1] not in DESIGNATORS:
            pos = m.start()
            for part in parts:
                at = raw.index(part, pos)
                yield at, part
                pos = at + len(part)
        else:
            yield m.start(), text


def strip_name(text: str, start: int) -> tuple[int, str]:
    """Drop leading determiners and a trailing possessive from a name."""
    words = text.split(" ")
    while words and (words[0] in STOP_FIRST or words[0].endswith("-based")):
        start += len(words[0]) + 1
        words = words[1:]
    # "State-owned X Ltd", "Hong Kong-listed X": how the name is held, not the name.
    for i, w in enumerate(words[:3]):
        if i + 1 < len(words) and w.lower().endswith(_HELD):
            start += sum(len(x) + 1 for x in words[: i + 1])
            words = words[i + 1 :]
            break
    name = " ".join(words)
    for suffix in ("’s", "'s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return start, name.rstrip(".,") if not name.endswith(("Co.", "Inc.", "Corp.", "Ltd.")) else name
