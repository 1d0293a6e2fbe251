"""Views in a real headless Chromium: offline, complete, clickable, inert to hostile text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import Browser, require_chromium
from reegraph.model import GraphBundle
from reegraph.views import render_focus, render_html, view_data
from test_views import PAYLOAD, malicious_bundle

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
PANEL = "document.getElementById('details')"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with Browser(require_chromium()) as b:
        yield b


def open_view(browser: Browser, page: Path) -> None:
    browser.goto(page.as_uri())
    browser.wait_for("window.reegraph && window.reegraph.stabilized", timeout=60)
    browser.settle(0.3)


def node_point(browser: Browser, node_id: str) -> tuple[float, float]:
    """Where a node is drawn, in page coordinates."""
    x, y = browser.evaluate(
        f"""(function () {{
          var net = window.reegraph.network, id = {node_id!r};
          var p = net.canvasToDOM(net.getPositions([id])[id]);
          var box = document.getElementById('graph').getBoundingClientRect();
          return [p.x + box.left, p.y + box.top];
        }})()"""
    )
    return float(x), float(y)


def assert_offline_and_clean(browser: Browser, page: Path) -> None:
    assert browser.requests() == [page.as_uri()], "the page fetched something besides itself"
    assert browser.errors() == []


def test_seed_view_draws_everything_offline_and_explains_dysprosium(
    browser: Browser, seed_bundle: GraphBundle, tmp_path: Path
) -> None:
    page = render_html(seed_bundle, tmp_path / "seed.html").path
    open_view(browser, page)
    expected = view_data(seed_bundle)
    assert browser.evaluate("window.reegraph.nodes.length") == len(expected["nodes"])
    assert browser.evaluate("window.reegraph.edges.length") == len(expected["edges"])
    assert browser.evaluate("window.reegraph.network.physics.physicsEnabled") is False
    browser.click(*node_point(browser, "mineral:dysprosium"))
    browser.settle(0.3)
    assert browser.evaluate("window.reegraph.network.getSelectedNodes()") == ["mineral:dysprosium"]
    panel = browser.evaluate(f"{PANEL}.textContent")
    assert panel.startswith("DysprosiumMineral")
    # The seed articles say defense depends on dysprosium; the panel quotes the sentence.
    defense = next(
        r
        for r in seed_bundle.relations
        if r.type == "DEPENDS_ON"
        and r.source == "sector:defense"
        and r.target == "mineral:dysprosium"
    )
    assert defense.evidence[0].sentence in panel
    assert "Strategic Shifts in Rare Earth Diplomacy" in panel
    legend = browser.evaluate("document.getElementById('legend').textContent")
    assert "Mineral" in legend
    assert "DEPENDS_ON" in legend
    browser.mouse("mouseMoved", 5, 890)
    browser.settle(0.3)
    browser.screenshot(ARTIFACTS / "view-seed-dysprosium.png")
    assert_offline_and_clean(browser, page)


def test_focus_view_opens_on_its_entity(
    browser: Browser, seed_bundle: GraphBundle, tmp_path: Path
) -> None:
    page = render_focus(seed_bundle, "mineral:dysprosium", 2, tmp_path / "dy.html").path
    open_view(browser, page)
    drawn = set(browser.evaluate("window.reegraph.nodes.getIds()"))
    assert {"mineral:dysprosium", "sector:defense", "mineral:rare-earth-elements"} <= drawn
    assert browser.evaluate("window.reegraph.network.getSelectedNodes()") == ["mineral:dysprosium"]
    assert browser.evaluate(f"{PANEL}.querySelector('h2').textContent") == "Dysprosium"
    browser.screenshot(ARTIFACTS / "view-focus-dysprosium.png")
    assert_offline_and_clean(browser, page)


def test_search_box_finds_and_focuses_a_node(
    browser: Browser, seed_bundle: GraphBundle, tmp_path: Path
) -> None:
    page = render_html(seed_bundle, tmp_path / "search.html").path
    open_view(browser, page)
    box = browser.evaluate(
        "(function () { var r = document.getElementById('search').getBoundingClientRect();"
        " return [r.left + 20, r.top + r.height / 2]; })()"
    )
    browser.click(*box)
    browser.send("Input.insertText", {"text": "japan"})
    for kind in ("keyDown", "keyUp"):
        browser.send(
            "Input.dispatchKeyEvent",
            {"type": kind, "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13},
        )
    browser.settle(0.6)
    assert browser.evaluate("window.reegraph.network.getSelectedNodes()") == ["country:japan"]
    assert browser.evaluate(f"{PANEL}.querySelector('h2').textContent") == "Japan"


def test_hostile_article_text_stays_text(browser: Browser, tmp_path: Path) -> None:
    bundle = malicious_bundle()
    page = render_html(bundle, tmp_path / "evil.html").path
    open_view(browser, page)
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    source, target = bundle.relations[0].source, bundle.relations[0].target
    (x1, y1), (x2, y2) = node_point(browser, source), node_point(browser, target)
    browser.click((x1 + x2) / 2, (y1 + y2) / 2)
    browser.settle(0.3)
    assert browser.evaluate("window.reegraph.network.getSelectedEdges().length") == 1
    panel = browser.evaluate(f"{PANEL}.textContent")
    assert PAYLOAD in panel
    assert '<img src=x onerror="window.__pwned=1">' in panel
    assert (
        browser.evaluate(f"{PANEL}.querySelectorAll('script, img, a[href^=\"javascript\"]').length")
        == 0
    )
    # Hovering shows vis-network's tooltip: text too.
    browser.hover(x1, y1)
    shown = "(document.querySelector('div.vis-tooltip') || {style: {}}).style.visibility"
    browser.wait_for(f"{shown} === 'visible'", timeout=10)
    tooltip = browser.evaluate("document.querySelector('div.vis-tooltip').textContent")
    assert 'Acme <img src=x onerror="window.__pwned=1">' in tooltip
    # innerText turns line breaks into <br>; nothing else may become an element.
    assert (
        browser.evaluate(
            "document.querySelector('div.vis-tooltip').querySelectorAll(':not(br)').length"
        )
        == 0
    )
    browser.click(x1, y1)
    browser.settle(0.3)
    assert 'Acme <img src=x onerror="window.__pwned=1">' in browser.evaluate(f"{PANEL}.textContent")
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    browser.screenshot(ARTIFACTS / "view-hostile-article.png")
    assert_offline_and_clean(browser, page)
