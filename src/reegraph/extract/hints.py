"""Cheap keyword checks that run before a rule's regular expressions.

Each check is a superset of what its rule can match (lower-cased substrings of the
rule's trigger words), so skipping a sentence that fails it never loses a match. Most
sentences introduce nobody new and state no relation; they cost a few ``in`` tests.
"""

from __future__ import annotations

import re

WORD = re.compile(r"\w+")


def any_in(low: str, needles: tuple[str, ...]) -> bool:
    """Does the lower-cased text contain one of the (lower-case) needles?"""
    # A plain loop: a generator would cost more than the tests themselves.
    for n in needles:  # noqa: SIM110
        if n in low:
            return True
    return False


AGREEMENT = (
    "framework", "agreement", "deal", "pact", "accord", "treat", "memorand", "mou",
    "truce", "pause", "suspension", "reprieve", "détente", "ceasefire", "agree",
)  # fmt: skip
MEETING = ("meet", "met", "talks", "summit")
TITLE = (
    "president", "minister", "prime", "pm", "premier", "chancellor", "king", "queen", "emir",
    "sultan", "leader", "secretary", "ceo", "chief", "chair", "governor", "senator",
    "ambassador", "commissioner", "director", "dr.", "mr.", "ms.", "mrs.",
)  # fmt: skip
SPEECH = frozenset(["said", "says", "told", "added", "noted", "stated", "announced", "wrote"])
