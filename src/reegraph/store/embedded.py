"""The embedded default: a LadybugDB database file, no server.

LadybugDB allows one read-write handle per database file across processes, so a
store is opened for one unit of work and closed (the CLI does exactly that).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reegraph.errors import StoreError
from reegraph.store.base import CypherStore, Row
from reegraph.store.schema import embedded_ddl

DEFAULT_DB = Path("reegraph.lbdb")


def default_db_path() -> Path:
    """``$REEGRAPH_DB`` or ``./reegraph.lbdb``."""
    return Path(os.environ.get("REEGRAPH_DB") or DEFAULT_DB)


class EmbeddedStore(CypherStore):
    backend = "embedded"
    dialect = "embedded"

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        import real_ladybug as lb  # heavy native module: import only when a store is opened

        self.path = Path(path or default_db_path())
        if read_only and not self.path.exists():
            raise StoreError(
                f"no graph at {self.path}; run `reegraph ingest PATH` or `reegraph demo` first"
            )
        if self.path.is_dir() and not any(self.path.iterdir()):
            self.path.rmdir()
        try:
            self._db = lb.Database(str(self.path), read_only=read_only)
            self._conn = lb.Connection(self._db)
        except RuntimeError as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if "lock" in first.lower():
                first = "the database is in use by another reegraph process"
            raise StoreError(f"cannot open {self.path}: {first}") from None
        if not read_only:
            self.ensure_schema()

    @property
    def location(self) -> str:
        return str(self.path)

    def run(self, text: str, parameters: dict[str, Any] | None = None) -> list[Row]:
        try:
            result = self._conn.execute(text, parameters or {})
        except RuntimeError as exc:
            raise StoreError(f"embedded query failed: {str(exc).splitlines()[0]}") from None
        if isinstance(result, list):  # several statements: keep the last result
            result = result[-1]
        names = result.get_column_names()
        rows: list[Row] = []
        while result.has_next():
            rows.append(dict(zip(names, result.get_next(), strict=True)))
        return rows

    def ensure_schema(self) -> None:
        for ddl in embedded_ddl():
            self.run(ddl)

    def close(self) -> None:
        conn, db = getattr(self, "_conn", None), getattr(self, "_db", None)
        if conn is not None:
            conn.close()
        if db is not None:
            db.close()
        self._conn = self._db = None
