"""Run every benchmark, one after the other, and print their RESULT lines at the end.

    python benchmarks/run_all.py            # full sizes (takes several minutes)
    python benchmarks/run_all.py --quick    # small sizes, to check the scripts run

Each benchmark prints its figures as ratios against a baseline measured in the same run,
because the machines are shared and noisy; absolute times are for orientation only.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FULL: dict[str, list[str]] = {
    "bench_ingest.py": [],
    "bench_load.py": [],
    "bench_queries.py": [],
    "bench_analyze.py": [],
    "bench_views.py": [],
}
QUICK: dict[str, list[str]] = {
    "bench_ingest.py": ["--articles", "100"],
    "bench_load.py": ["--entities", "5000", "--relations", "15000"],
    "bench_queries.py": ["--entities", "5000", "--relations", "15000", "--runs", "3"],
    "bench_analyze.py": ["--entities", "5000", "--relations", "15000"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, no browser")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    results: list[str] = []
    failed = 0
    for script, extra in plan.items():
        print(f"\n=== {script} {' '.join(extra)}", flush=True)
        proc = subprocess.run(
            [sys.executable, str(HERE / script), *extra],
            capture_output=True,
            text=True,
            check=False,
        )
        print(proc.stdout, end="")
        if proc.returncode:
            failed += 1
            print(proc.stderr, end="", file=sys.stderr)
            results.append(f"FAILED {script} (exit {proc.returncode})")
        results += [line for line in proc.stdout.splitlines() if line.startswith("RESULT")]
    print("\n=== summary")
    print("\n".join(results))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
