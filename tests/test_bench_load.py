"""benchmarks/bench_load.py at a tiny size: its figures, its RESULT line, and its Neo4j
half, which runs when NEO4J_URI is set (a closed port: one line naming the server)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_load.py"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_bench_load_reports_ratios_and_tries_neo4j_when_asked() -> None:
    uri = f"bolt://127.0.0.1:{closed_port()}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    size = ["--entities", "300", "--relations", "900", "--rounds", "1", "--merge-sample", "20"]
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *size],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env | {"NEO4J_URI": uri},
    )
    out = done.stdout
    # 300 entities + 1000 documents + 900 relations.
    assert "= 2200 rows" in out
    ratios = [float(r) for r in re.findall(r"ratio (\d+\.\d\d)", out)]
    assert len(ratios) == 2
    assert all(0 < r < 5 for r in ratios)
    [result] = [line for line in out.splitlines() if line.startswith("RESULT")]
    assert re.fullmatch(
        r"RESULT embedded load \(write_bundle end to end\) [\d,]+ rows/s = \d+% of COPY FROM"
        r" parquet \([\d,]+ rows/s\); store writes alone \d+%; 2,200 rows",
        result,
    ), result
    assert len(re.findall(r"batch +\d+: +[\d,]+ rows/s", out)) == 3
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"neo4j: cannot reach Neo4j at {uri}; is the server running? Try `docker compose up -d`."
    ]
