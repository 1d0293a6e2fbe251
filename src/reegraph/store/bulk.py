"""Rows as Arrow tables and parquet files, for the embedded engine's bulk ``COPY FROM``.

The column order is the table's: ``columns_for(label)`` for nodes, and source id,
target id, then ``RELATION_COLUMNS`` for relationships.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reegraph.store.schema import RELATION_COLUMNS

if TYPE_CHECKING:
    import pyarrow as pa

Row = dict[str, Any]


def _arrow_type(kind: str) -> pa.DataType:
    import pyarrow as pa

    scalar = {
        "STRING": pa.string(),
        "DOUBLE": pa.float64(),
        "INT64": pa.int64(),
        "BOOLEAN": pa.bool_(),
    }
    if kind.endswith("[]"):
        return pa.list_(scalar[kind[:-2]])
    return scalar[kind]


def arrow_table(rows: Sequence[Row], columns: dict[str, str]) -> pa.Table:
    """Rows -> an Arrow table with exactly ``columns`` (name -> engine type), in order."""
    import pyarrow as pa

    return pa.table(
        {
            name: pa.array([row[name] for row in rows], type=_arrow_type(kind))
            for name, kind in columns.items()
        }
    )


def relation_table(rows: Sequence[Row]) -> pa.Table:
    return arrow_table(rows, {"source": "STRING", "target": "STRING"} | RELATION_COLUMNS)


def write_parquet(table: pa.Table, path: Path) -> None:
    import pyarrow.parquet as pq

    # Uncompressed: the file lives for one COPY, so compressing it is wasted work.
    pq.write_table(table, path, compression="none")
