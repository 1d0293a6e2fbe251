"""One root exception; the CLI turns each into a one-line message and an exit code."""

from __future__ import annotations


class ReegraphError(Exception):
    """Base class: anything the user can act on. Never shown with a traceback."""

    exit_code = 1


class InputError(ReegraphError):
    """A file could not be read as an article (binary, empty, bad encoding, too big)."""


class FrontMatterError(InputError):
    """The YAML front matter of an article is malformed."""


class LexiconError(ReegraphError):
    """A lexicon file is missing or malformed."""


class UnknownEntityError(ReegraphError):
    """A name matched no entity; ``suggestions`` holds close matches."""

    def __init__(self, label: str, name: str, suggestions: list[str]) -> None:
        self.label = label
        self.name = name
        self.suggestions = suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"No {label.lower()} named {name!r} in the graph.{hint}")


class AmbiguousEntityError(ReegraphError):
    """A name matched several entities."""

    def __init__(self, name: str, candidates: list[str]) -> None:
        self.name = name
        self.candidates = candidates
        super().__init__(f"{name!r} is ambiguous: {', '.join(candidates)}. Use one of these.")


class StoreError(ReegraphError):
    """The graph store could not be opened or written."""


class BackendUnavailable(StoreError):
    """A server backend is down, unreachable or refused the credentials."""


class QueryError(ReegraphError):
    """A canned or ad-hoc query is unknown, malformed or not allowed."""
