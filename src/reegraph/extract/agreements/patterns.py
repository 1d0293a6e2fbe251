"""Trigger words and patterns of agreement and meeting frames, over masked sentences."""

from __future__ import annotations

import re

from reegraph.extract.folding import Folded

# The words a TRIGGER match starts with (see Folded).
_TRIGGER_STARTS = (
    "framework", "agreement", "deal", "pact", "accord", "treat", "memorand", "mou", "truce",
    "pause", "suspension", "reprieve", "détente", "ceasefire", "partnership",
)  # fmt: skip
# \b before the look-behind: the same position, but the cheap test fails first inside words.
TRIGGER = Folded(
    re.compile(
        r"\b(?<!to )(?P<k>framework agreements?|frameworks?|agreements?|deals?|pacts?|accords?|"
        r"treat(?:y|ies)|memorand(?:um|a)(?: of understanding)?|MOUs?|MoUs?|truce|pause|suspension|"
        r"reprieve|détente|ceasefire|partnership agreements?|partnerships?)\b",
        re.I,
    ),
    starts=_TRIGGER_STARTS,
)
SKIP = r"(?:(?:[\w’'-]+|⟨J\d+⟩)\s+)"
FAMILY = {
    "framework": "framework",
    "truce": "truce",
    "pause": "truce",
    "suspension": "truce",
    "reprieve": "truce",
    "détente": "truce",
    "ceasefire": "truce",
    "memorandum": "memorandum",
    "memoranda": "memorandum",
    "mou": "memorandum",
}
RANK = [
    "agreement",
    "partnership",
    "deal",
    "pact",
    "accord",
    "treaty",
    "framework",
    "memorandum",
    "MOU",
    "truce",
]
KIND = {
    "pause": "truce",
    "suspension": "truce",
    "reprieve": "truce",
    "détente": "truce",
    "ceasefire": "truce",
    "framework agreement": "framework",
    "partnership agreement": "partnership",
}
DEFINITE = Folded(
    re.compile(
        r"(?:\b(?:the|this|that|these|those|its|their|both)\s+(?:[\w’'-]+\s+){0,3}|"
        r"⟨[CP]\d+⟩(?:[’']s)?\s+(?:[\w-]+\s+){0,2})$",
        re.I,
    ),
    starts=("the", "this", "that", "these", "those", "its", "their", "both", "⟨c", "⟨p"),
)
INDEFINITE = re.compile(r"\b(?:a|an|another|one|new|similar)\s+(?:[\w’'-]+,?\s+){0,3}$", re.I)
SIGN = Folded(
    re.compile(
        r"\b(?:signed|sign|signing|inked|ink|concluded|struck|reached|sealed|agreed|agree|"
        r"secured|finali[sz]ed)\b",
        re.I,
    ),
    starts=(
        "sign",
        "ink",
        "concluded",
        "struck",
        "reached",
        "sealed",
        "agree",
        "secured",
        "finali",
    ),
)
BETWEEN = re.compile(
    r"\bbetween\s+(?:the\s+)?(?:Presidents\s+)?(?P<a>⟨[CPOR]\d+⟩)\s+and\s+(?:the\s+)?(?:his\s+)?(?P<b>⟨[JCPOR]\d+⟩)"
)
PAIR = re.compile(r"(?P<a>⟨[JCR]\d+⟩)\s*[-–—/]\s*(?P<b>⟨[JCR]\d+⟩)")
WITH = re.compile(
    # "with ⟨C1⟩'s provincial miner ⟨O2⟩": the company, not its country.
    r"^\s*(?:[\w-]+\s+){0,4}?with\s+(?:the\s+)?(?:⟨J\d+⟩\s+)?"
    r"(?:⟨[CR]\d+⟩[’']s\s+(?:[\w-]+\s+){0,3}?(?=⟨O\d+⟩))?(?:[\w-]+\s+){0,2}?(?P<w>⟨[COR]\d+⟩(?:\s*,\s*(?:and\s+)?⟨[COR]\d+⟩)*(?:\s*,?\s*and\s+⟨[COR]\d+⟩)?)"
)
BOTH_SIDES = re.compile(
    r"\b(?:both (?:sides|nations|countries|leaders|governments)|"
    r"the two (?:sides|nations|countries|leaders))\b",
    re.I,
)
TITLE_Q = re.compile(
    r"[“\"](?P<t>[^”\"]{0,200}?(?:Framework|Agreement|Accord|Treaty|Memorandum|Pact|Partnership)[^”\"]{0,160}?)[”\"]"
)
# TITLE_CAP needs one of these (substring tests: cheaper than a regex search).
TITLE_WORDS = ("Framework", "Agreement", "Accord", "Treaty", "Memorandum", "Pact")
TITLE_CAP = re.compile(
    r"\b(?P<t>(?:[A-Z][\w.]*[-–\s]+){0,4}(?:Framework|Agreement|Accord|Treaty|Memorandum|Pact)"
    r"(?:\s+(?:for|on|of|to|through|and|the|in|[A-Z][\w-]*))*[A-Z][\w-]*)"
)
MEETING = Folded(
    re.compile(
        rf"(?P<a>⟨P\d+⟩)(?:[’']s)?\s+{SKIP}{{0,2}}?(?:meeting|talks|summit)\s+with\s+{SKIP}{{0,3}}?(?P<b>⟨P\d+⟩)|"
        rf"(?:meeting|talks|summit)\s+between\s+{SKIP}{{0,3}}?(?P<c>⟨P\d+⟩)\s+and\s+{SKIP}{{0,3}}?(?P<d>⟨[PJ]\d+⟩)|"
        rf"(?P<e>⟨P\d+⟩)\s+and\s+{SKIP}{{0,3}}?(?P<f>⟨P\d+⟩)(?:[’']s)?\s+{SKIP}{{0,3}}?(?:meeting|met|talks)\b|"
        rf"(?P<g>⟨P\d+⟩)\s*[-–]\s*(?P<h>⟨P\d+⟩)\s+(?:meet|meeting|summit|talks)\b|"
        rf"(?P<i>⟨P\d+⟩)\s+(?:is\s+scheduled\s+to\s+|will\s+|to\s+)?(?:meets?|met)\s+(?:with\s+)?{SKIP}{{0,3}}?(?P<j>⟨P\d+⟩)",
        re.I,
    ),
    starts=("⟨p", "meeting", "talks", "summit"),
)
CONTINUES = re.compile(
    r"^(?:In (?:practical|other) terms|In effect|Under (?:it|the deal|the agreement)|"
    r"As a result|This means|That means)\b|^\W*(?:[\w’']+\s+){0,4}?(?:this|that|it)\s+"
    r"(?:meant|means|will mean|would mean|allows|requires)\b",
    re.I,
)
LIST_CUE = re.compile(r"\b(?:like|such as|including|namely)\b", re.I)
NON_BINDING = re.compile(
    r"\bnon-binding\b|\bnot\s+(?:\w+\s+){0,2}(?:legally\s+)?binding\b|\bMOUs?\b", re.I
)


def family_of(word: str) -> tuple[str, str]:
    w = word.lower().rstrip("s") if word.lower() not in {"pause", "treaties"} else word.lower()
    w = {"treatie": "treaty", "framework agreement": "framework", "memoranda": "memorandum"}.get(
        w, w
    )
    if w.startswith("memorand"):
        w = "memorandum"
    if w in {"mou", "memorandum of understanding"}:
        return "memorandum", "MOU"
    return FAMILY.get(w, "generic"), w


# "Beijing agreed to pause export controls": a truce introduced by its verb.
VERBAL_TRUCE = Folded(
    re.compile(
        r"\bagree[sd]?\s+(?:on\s+)?to\s+(?:temporarily\s+)?(?P<k>pause|suspend|delay|halt|freeze)\b",
        re.I,
    ),
    starts=("agree",),
)
# "reported the pause as a one-year truce", "the deal is a non-binding framework":
# the indefinite description says more about the frame named just before it.
PREDICATE = Folded(
    re.compile(
        r"\b(?:(?:as|is|was|be|been|becomes?|became)\s+an?|are|were)\s+(?:[\w’'-]+\s+){0,2}$", re.I
    )
)
# Words of a noun phrase that do not modify the agreement word ("the", "its", "a").
NP_STOP = frozenset(
    ("the", "this", "that", "these", "those", "a", "an", "its", "their", "his", "her", "our",
     "your", "both", "another", "such", "any", "each", "every", "some", "no", "all", "of",
     "in", "on", "at", "for", "with", "by", "from", "to", "as", "is", "was", "are", "were",
     "be", "been", "has", "have", "had", "will", "would", "could", "may", "might", "must",
     "can", "should")
)  # fmt: skip
_DUR = (
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|"
    r"twenty-four|thirty|sixty|ninety)"
)
_UNIT = r"(?:year|month|week|day)"
# A duration adjective directly before the agreement word: "a one-year suspension",
# "the 90-day trade truce" (at most two words between).
TERM_BEFORE = re.compile(
    rf"\b(?P<n>{_DUR})[\s-](?P<u>{_UNIT})s?(?:[\s-]long)?\s+(?:[\w-]+\s+){{0,2}}$", re.I
)
# "the one-year duration of the China deal"
TERM_OF = re.compile(
    rf"\b(?P<n>{_DUR})[\s-](?P<u>{_UNIT})s?\s+(?:duration|term|period|length|lifespan)\s+of\s+"
    r"(?:the\s+|this\s+|that\s+|its\s+)?(?:(?:[\w’'-]+|⟨[A-Z]\d+⟩)\s+){0,3}$",
    re.I,
)
# "the deal's one-year term"
TERM_OWN = re.compile(
    rf"^[’']s\s+(?P<n>{_DUR})[\s-](?P<u>{_UNIT})s?\s+(?:duration|term|period|lifespan)\b", re.I
)
# "a truce on rare earth exports for one year", "an accord lasting five years": no clause
# break (punctuation, "to", "that", "and") between the agreement word and its term.
TERM_AFTER = re.compile(
    r"^\s*(?:(?!(?:to|that|which|and|but|while|within|after)\b)(?:[\w’'-]+|⟨[A-Z]\d+⟩)\s+){0,8}?"
    rf"(?:for|lasting)\s+(?:a\s+period\s+of\s+)?(?P<n>{_DUR}|an?)\s+(?P<u>{_UNIT})s?\b",
    re.I,
)
# "a one-year suspension of China's export restrictions on rare earth elements": the
# measure a truce suspends, to name it after ("suspension of rare earth export controls").
SUSPENDED = re.compile(
    r"^\s+of\s+(?:(?:[\w’'-]+|⟨[A-Z]\d+⟩(?:[’']s)?)\s+){0,4}?(?P<dir>export|import)\s+"
    r"(?P<what>controls|restrictions|curbs|bans?|limits|licensing|quotas|tariffs)"
    r"(?P<obj>\s+on\s+(?:(?:[\w’'-]+|⟨[A-Z]\d+⟩)\s*){1,6})?",
    re.I,
)
SUSPENDING = frozenset({"suspension", "pause", "halt", "freeze", "moratorium", "delay"})

# Where an agreement was signed: a place the signing clause puts it in, not any place
# near the agreement word ("a deal to explore blocks in Catamarca" says where the
# blocks are). After the agreement word only dates, "of understanding", "was signed"
# and the counterpart may come between: "signed the pact on Tuesday in Canberra",
# "signed an MOU with ⟨C1⟩ in Seoul", "signed the deal at a ceremony in Lima".
_WHEN = (
    r"on\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)|(?:last|this)\s+week|yesterday|today"
)
_AT = r"(?:[Aa]t\s+an?\s+(?:[\w-]+\s+)?ceremony\s+)?(?:[Ii]n|[Aa]t)\s+(?:the\s+)?⟨L(?P<n>\d+)⟩"
PLACE_AFTER = re.compile(
    r"(?:\s+(?:of\s+(?:understanding|cooperation|intent)|"
    rf"{_WHEN}|(?:was|were|has\s+been|had\s+been|is|are)\s+signed|"
    r"(?:with|between)\s+(?:the\s+)?⟨[CROP]\d+⟩(?:\s*,?\s*and\s+(?:the\s+)?⟨[CROP]\d+⟩)?))*"
    rf",?\s+{_AT}"
)
# Before the signing verb: a fronted adverbial ("On October 28, in Tokyo, X signed",
# "In Canberra on Tuesday, X and Y signed") or the place of a meeting held to sign
# ("met in Tokyo to agree on a framework"); matched against the text before the verb.
PLACE_LEAD = re.compile(rf"^(?:[^,;:]{{0,40}},\s*)?{_AT}[^,;:]{{0,30}},")
PLACE_TO_SIGN = re.compile(rf"\b{_AT}(?:\s+{_WHEN})?\s+to\s+$")
# "attended the signing ceremony in Brussels": the place of the agreement just signed.
CEREMONY = re.compile(rf"\bsigning\s+ceremony\s+(?:(?:held\s+)?(?:{_WHEN})\s+)?{_AT}")
# "⟨O1⟩ (⟨O2⟩)": a name and its short form in brackets, one party.
GLOSSED = re.compile(r"⟨([COP])(\d+)⟩\s*\(\s*⟨\1(\d+)⟩\s*\)")
