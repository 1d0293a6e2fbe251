"""The analyst's questions: resolve names, run the canned query, return plain rows."""

from __future__ import annotations

from typing import Any

from reegraph.model import Label
from reegraph.names import load_names, resolve_name
from reegraph.queries import get_query
from reegraph.store.base import CypherStore


def run_canned(store: CypherStore, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    query = get_query(name, store.dialect)
    return store.run(query.text, query.bind({k: str(v) for k, v in params.items()}))


def who_depends_on(store: CypherStore, mineral: str) -> dict[str, Any]:
    """Dependents of a mineral (direct and inferred) and who controls its supply."""
    target = resolve_name(load_names(store, [Label.MINERAL]), mineral, "mineral")
    dependents = run_canned(store, "who_depends_on", {"mineral": target.id})
    dependents.sort(key=lambda r: (r["inferred"], r["label"], r["dependent"]))
    supply = run_canned(store, "supply_of", {"mineral": target.id})
    return {"mineral": target.name, "id": target.id, "dependents": dependents, "supply": supply}
