"""A small driver for headless Chromium over the Chrome DevTools Protocol.

Starts ``chromium`` with a fresh profile and ``--remote-debugging-port=0``, reads the
port from the profile's ``DevToolsActivePort`` file and talks to one page over a
websocket (PyPI ``websocket-client``). It records console errors, uncaught
exceptions and every network request the page makes, and can evaluate JavaScript,
click, hover and take screenshots: enough to test the views in a real browser.

Tests call :func:`require_chromium`: it skips with the reason when Chromium is not
installed, and fails instead when the ``CI`` environment variable is set.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-dev-shm-usage",
    "--mute-audio",
    "--hide-scrollbars",
    "--remote-debugging-port=0",
]
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class BrowserError(RuntimeError):
    pass


def find_chromium() -> str | None:
    explicit = os.environ.get("REEGRAPH_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    """The Chromium executable; skip the test without one (fail under CI)."""
    import pytest

    exe = find_chromium()
    problem = None
    if exe is None:
        problem = "headless Chromium not found (apt-get install chromium, or set REEGRAPH_CHROMIUM)"
    else:
        try:
            import websocket  # noqa: F401
        except ImportError:
            problem = "the websocket-client package is missing (pip install websocket-client)"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"{problem}; CI must run the browser tests")
        pytest.skip(problem)
    assert exe is not None
    return exe


class Browser:
    """One headless Chromium with one page. Use as a context manager."""

    def __init__(self, executable: str | None = None, width: int = 1400, height: int = 900) -> None:
        self.executable = executable or find_chromium()
        if not self.executable:
            raise BrowserError("Chromium not found")
        self.width, self.height = width, height
        self._ids = itertools.count(1)
        self._profile = tempfile.TemporaryDirectory(prefix="reegraph-chromium-")
        self._proc: subprocess.Popen[bytes] | None = None
        self._ws: Any = None
        self._session: str | None = None
        self.events: list[dict[str, Any]] = []

    # -- lifecycle ---------------------------------------------------------------

    def __enter__(self) -> Browser:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def start(self, timeout: float = 30.0) -> None:
        import websocket

        profile = Path(self._profile.name)
        assert self.executable is not None
        self._proc = subprocess.Popen(
            [
                self.executable,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={self.width},{self.height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while not (port_file.exists() and len(port_file.read_text().splitlines()) >= 2):
            if self._proc.poll() is not None:
                raise BrowserError(f"Chromium exited with code {self._proc.returncode}")
            if time.monotonic() > deadline:
                raise BrowserError("Chromium did not open its DevTools port")
            time.sleep(0.05)
        port, path = port_file.read_text().splitlines()[:2]
        self._ws = websocket.create_connection(
            f"ws://127.0.0.1:{port}{path}", timeout=timeout, suppress_origin=True
        )
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)
        attached = self.send(
            "Target.attachToTarget",
            {"targetId": target["targetId"], "flatten": True},
            session=False,
        )
        self._session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.send(f"{domain}.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False},
        )

    def close(self) -> None:
        if self._ws is not None:
            # The browser may already be gone; closing is best effort.
            with contextlib.suppress(Exception):
                self.send("Browser.close", session=False, timeout=5)
            self._ws.close()
            self._ws = None
        if self._proc is not None:
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
            self._proc = None
        self._profile.cleanup()

    # -- protocol ----------------------------------------------------------------

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        session: bool = True,
        timeout: float = 60.0,
    ) -> dict[str, Any]:
        message_id = next(self._ids)
        message: dict[str, Any] = {"id": message_id, "method": method, "params": params or {}}
        if session and self._session:
            message["sessionId"] = self._session
        self._ws.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == message_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result

    def _receive(self, deadline: float) -> dict[str, Any]:
        import websocket

        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError("timed out waiting for Chromium")
            self._ws.settimeout(remaining)
            try:
                reply: dict[str, Any] = json.loads(self._ws.recv())
            except websocket.WebSocketTimeoutException:
                raise BrowserError("timed out waiting for Chromium") from None
            if "method" in reply and "id" not in reply:
                self.events.append(reply)
                continue
            return reply

    def settle(self, seconds: float = 0.2) -> None:
        """Let the page run for ``seconds`` and collect the events it sent meanwhile."""
        time.sleep(seconds)
        self.send("Runtime.evaluate", {"expression": "0"})

    # -- page --------------------------------------------------------------------

    def goto(self, url: str, timeout: float = 60.0) -> None:
        self.events.clear()
        self.send("Page.navigate", {"url": url})
        self.wait_for("document.readyState === 'complete'", timeout=timeout)

    def evaluate(self, expression: str, timeout: float = 60.0) -> Any:
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            timeout=timeout,
        )
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression!r} threw: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 60.0, interval: float = 0.05) -> float:
        """Poll until ``expression`` is truthy; return the seconds it took."""
        start = time.monotonic()
        while not self.evaluate(f"Boolean({expression})"):
            if time.monotonic() - start > timeout:
                raise BrowserError(f"timed out after {timeout}s waiting for {expression}")
            time.sleep(interval)
        return time.monotonic() - start

    def mouse(self, kind: str, x: float, y: float, button: str = "none", clicks: int = 0) -> None:
        self.send(
            "Input.dispatchMouseEvent",
            {"type": kind, "x": x, "y": y, "button": button, "clickCount": clicks},
        )

    def click(self, x: float, y: float) -> None:
        self.mouse("mouseMoved", x, y)
        self.mouse("mousePressed", x, y, "left", 1)
        self.mouse("mouseReleased", x, y, "left", 1)

    def hover(self, x: float, y: float) -> None:
        self.mouse("mouseMoved", x - 3, y - 3)
        self.mouse("mouseMoved", x, y)

    def screenshot(self, path: Path) -> Path:
        shot = self.send("Page.captureScreenshot", {"format": "png"})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    # -- what happened -----------------------------------------------------------

    def requests(self) -> list[str]:
        """URLs of every request the page made since the last ``goto``."""
        return [
            e["params"]["request"]["url"]
            for e in self.events
            if e["method"] == "Network.requestWillBeSent"
        ]

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and browser log errors since the last ``goto``."""
        found = []
        for e in self.events:
            p = e["params"]
            if e["method"] == "Runtime.consoleAPICalled" and p["type"] in ("error", "assert"):
                found.append(" ".join(str(a.get("value", a.get("description"))) for a in p["args"]))
            elif e["method"] == "Runtime.exceptionThrown":
                details = p["exceptionDetails"]
                found.append(details.get("exception", {}).get("description") or details["text"])
            elif e["method"] == "Log.entryAdded" and p["entry"]["level"] == "error":
                found.append(p["entry"]["text"])
        return found
