"""The embedded default: a LadybugDB database file, no server.

LadybugDB allows one read-write handle per database file across processes, so a
store is opened for one unit of work and closed (the CLI does exactly that).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reegraph.errors import StoreError
from reegraph.store import statements as st
from reegraph.store.base import CypherStore, Progress, RelationGroup, Row
from reegraph.store.schema import ENTITY_COLUMNS, RELATION_COLUMNS, columns_for, embedded_ddl

DEFAULT_DB = Path("reegraph.lbdb")


def default_db_path() -> Path:
    """``$REEGRAPH_DB`` or ``./reegraph.lbdb``."""
    return Path(os.environ.get("REEGRAPH_DB") or DEFAULT_DB)


_MISSING_PROPERTY = re.compile(r"Cannot find property (\w+)")


def _older_schema(message: str) -> str | None:
    """A clear message when a database file predates a column the model now has (its
    tables were created by an older reegraph); None for any other failure."""
    found = _MISSING_PROPERTY.search(message)
    if not found or found[1] not in RELATION_COLUMNS | ENTITY_COLUMNS:
        return None
    return (
        f"this graph was written by an older reegraph (its tables lack `{found[1]}`):"
        " ingest into a new database file, or delete this one and ingest again"
    )


class EmbeddedStore(CypherStore):
    """Writes go through ``UNWIND $rows`` MERGE batches, except that a group of at least
    ``bulk_min_rows`` rows sends the rows not stored yet through ``COPY FROM`` a parquet
    file: ~100x faster here (benchmarks/bench_load.py measures both)."""

    backend = "embedded"
    dialect = "embedded"
    # Below this a group is MERGEd: a COPY costs a lookup of the stored keys first.
    bulk_min_rows = 500
    # Rows per COPY: each is one transaction and one progress step. Large, because a
    # COPY into a relationship table that already holds rows costs ~4x per row (99k
    # PARTNERS_WITH rows: 2.75 s in one COPY, 6.55 s in two of 50k).
    copy_chunk_rows = 250_000
    _db: Any
    _conn: Any

    def __init__(
        self, path: Path | None = None, *, read_only: bool = False, batch_size: int | None = None
    ) -> None:
        import real_ladybug as lb  # heavy native module: import only when a store is opened

        if batch_size is None:
            from reegraph.settings import load_settings

            batch_size = load_settings().batch_size
        self.batch_size = batch_size
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
            first = str(exc).splitlines()[0]
            raise StoreError(_older_schema(first) or f"embedded query failed: {first}") from None
        if isinstance(result, list):  # several statements: keep the last result
            result = result[-1]
        names = result.get_column_names()
        # get_all() converts the whole result at once: about twice as fast as row by row.
        return [dict(zip(names, row, strict=True)) for row in result.get_all()]

    # -- bulk loading ----------------------------------------------------------------

    def write_nodes(self, label: str, rows: Sequence[Row], progress: Progress | None) -> None:
        if len(rows) < self.bulk_min_rows:
            super().write_nodes(label, rows, progress)
            return
        from reegraph.store.bulk import arrow_table

        stored = {r["id"] for r in self.run(st.node_ids(label).text)}
        super().write_nodes(label, [r for r in rows if r["id"] in stored], progress)
        columns = columns_for(label)
        self._copy(
            [r for r in rows if r["id"] not in stored],
            lambda chunk: arrow_table(chunk, columns),
            lambda path: st.copy_nodes(label, path),
            progress,
        )

    def write_relations(
        self, group: RelationGroup, rows: Sequence[Row], progress: Progress | None
    ) -> None:
        if len(rows) < self.bulk_min_rows:
            super().write_relations(group, rows, progress)
            return
        from reegraph.store.bulk import relation_table

        stored = {r["key"] for r in self.run(st.relation_keys(*group).text)}
        super().write_relations(group, [r for r in rows if r["key"] in stored], progress)
        self._copy(
            [r for r in rows if r["key"] not in stored],
            relation_table,
            lambda path: st.copy_relations(*group, path),
            progress,
        )

    def _copy(
        self,
        rows: Sequence[Row],
        to_table: Callable[[Sequence[Row]], Any],
        statement: Callable[[Path], st.Statement],
        progress: Progress | None,
    ) -> None:
        """COPY rows known to be missing via parquet, in chunks that each commit alone."""
        from reegraph.store.bulk import write_parquet

        with tempfile.TemporaryDirectory(prefix="reegraph-copy-") as tmp:
            path = Path(tmp) / "rows.parquet"
            for start in range(0, len(rows), self.copy_chunk_rows):
                chunk = rows[start : start + self.copy_chunk_rows]
                write_parquet(to_table(chunk), path)
                self.run(statement(path).text)
                if progress:
                    progress(len(chunk))

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
