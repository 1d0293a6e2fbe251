"""How long views take to write and to settle in a browser, for 1k, 5k and 20k nodes.

Run: ``python benchmarks/bench_views.py`` (needs Chromium for the browser half).

Writing is compared with ``json.dumps`` of the same nodes and edges (the least any
page format costs); settling in headless Chromium with loading a blank local page.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import Browser, find_chromium  # noqa: E402
from reegraph.model import GraphBundle  # noqa: E402
from reegraph.views import DEFAULT_MAX_NODES, ViewOptions, render_html  # noqa: E402
from test_views_large import synthetic_bundle  # noqa: E402

SIZES = (1_000, 5_000, 20_000)
BROWSER_SIZES = (1_000, 5_000)


def baseline_json(bundle: GraphBundle) -> float:
    start = time.perf_counter()
    json.dumps(
        {
            "nodes": [
                {"id": e.id, "label": e.name, "group": e.label.value} for e in bundle.entities
            ],
            "edges": [
                {
                    "from": r.source,
                    "to": r.target,
                    "rel": r.type.value,
                    "sentence": r.evidence[0].sentence,
                }
                for r in bundle.relations
            ],
        }
    )
    return time.perf_counter() - start


def main() -> None:
    out_dir = Path(tempfile.mkdtemp(prefix="reegraph-bench-views-"))
    pages: dict[int, Path] = {}
    print(f"{'nodes':>7} {'drawn':>6} {'write s':>8} {'json s':>7} {'ratio':>6} {'MB':>6}")
    write_ratios: list[str] = []
    render_html(synthetic_bundle(50), out_dir / "warm-up.html")  # imports and template compile
    baseline_json(synthetic_bundle(50))
    for n in SIZES:
        bundle = synthetic_bundle(n)
        base = baseline_json(bundle)
        for cap in sorted({n, DEFAULT_MAX_NODES} if n > DEFAULT_MAX_NODES else {n}, reverse=True):
            page = out_dir / f"view-{n}-{cap}.html"
            start = time.perf_counter()
            report = render_html(bundle, page, ViewOptions(max_nodes=cap))
            took = time.perf_counter() - start
            size = page.stat().st_size / 1e6
            ratio = took / base
            print(f"{n:>7} {report.nodes:>6} {took:>8.2f} {base:>7.3f} {ratio:>6.0f} {size:>6.1f}")
            if cap == n:
                pages[n] = page
                write_ratios.append(f"{n // 1000}k {took:.1f}s/{size:.0f}MB")
    settle: list[str] = []
    if not find_chromium():
        print("Chromium not found: browser timings skipped")
    else:
        blank = out_dir / "blank.html"
        blank.write_text("<!DOCTYPE html><title>blank</title>", encoding="utf-8")
        with Browser() as browser:
            start = time.perf_counter()
            browser.goto(blank.as_uri())
            base = time.perf_counter() - start
            print(f"\nblank page load: {base * 1000:.0f} ms")
            for n in BROWSER_SIZES:
                start = time.perf_counter()
                browser.goto(pages[n].as_uri(), timeout=300)
                browser.wait_for("window.reegraph && window.reegraph.stabilized", timeout=300)
                took = time.perf_counter() - start
                print(f"{n:>7} nodes: settled after {took:.2f} s ({took / base:.0f}x a blank page)")
                settle.append(f"{n // 1000}k settle {took:.1f}s")
    print(
        "RESULT views: write "
        + ", ".join(write_ratios)
        + (("; " + ", ".join(settle)) if settle else "")
        + " in headless Chromium (physics off above 500 nodes, positions precomputed)"
    )


if __name__ == "__main__":
    main()
