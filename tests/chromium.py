"""A real browser for the tests: Debian's Chromium driven by Selenium, with axe-core inside.

Like :mod:`tests.postgres` and :mod:`tests.servers`: found on the machine (``make test``
installs Debian's ``chromium`` and ``chromium-driver`` with apt, and axe-core from npm into
``var/node/``), run headless with a fresh profile in a temporary folder, removed at the end.
Without them the browser tests are skipped, except in CI (``STATKG_REQUIRE_POSTGRES=1`` or
``CI`` set), where every server and tool the suite uses is required.

Nothing here reaches the network: Selenium is given the driver's path (its Selenium Manager,
which would download one, never runs; ``SE_OFFLINE`` says so twice), and Chromium starts with
its background networking, component updates and sync turned off (this machine's closed
network refuses those connections, and they would show as console errors).

Widths are set by device emulation (Chrome DevTools' ``Emulation.setDeviceMetricsOverride``),
not by resizing the window: a phone width is emulated as a phone (``mobile``), so the page's
viewport meta is honoured as on a real phone.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
AXE = ROOT / "var" / "node" / "node_modules" / "axe-core" / "axe.min.js"
#: The flags this machine needs (a closed network, no screen, root): see the module's doc.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
)
#: gunicorn's options for a server a browser talks to directly. A browser opens connections
#: ahead of need (preconnects) and leaves them idle; a sync worker takes one and waits on it
#: until its timeout (30 s), so two of them stop a two-worker server (seen here: "WORKER
#: TIMEOUT … no URI read"). Threaded workers wait on idle connections without blocking. In
#: production a buffering proxy in front of the sync workers does the same.
SERVER_OPTIONS = ("--worker-class", "gthread", "--threads", "4")
PHONE, DESKTOP = 360, 1280
HEIGHT = {PHONE: 780, DESKTOP: 900}
#: axe-core's impacts that fail a page (the issue: zero serious or critical violations).
FAILING_IMPACTS = ("serious", "critical")


def required() -> bool:
    """In CI every tool the suite uses must be there: a missing one fails, never skips."""
    return os.environ.get("STATKG_REQUIRE_POSTGRES") == "1" or bool(os.environ.get("CI"))


def missing() -> str | None:
    """What the browser tests lack on this machine, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (make test installs requirements-dev.txt)"
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not path.exists():
            return f"no {path} (Debian's {package}; make test installs it)"
    if not AXE.exists():
        return f"no {AXE.relative_to(ROOT)} (axe-core from npm; make test installs it)"
    return None


def require_browser() -> None:
    """Skip the calling test (or fail it in CI) when the browser tests cannot run here."""
    lack = missing()
    if lack is None:
        return
    if required():
        pytest.fail(f"the browser tests are required in CI: {lack}")
    pytest.skip(lack)


@dataclass
class Violation:
    """One axe-core rule a page breaks, with the elements that break it."""

    id: str
    impact: str
    help: str
    nodes: list[str]

    def __str__(self) -> str:
        shown = "; ".join(self.nodes[:5]) + (" …" if len(self.nodes) > 5 else "")
        return f"{self.id} ({self.impact}: {self.help}) on {len(self.nodes)} node(s): {shown}"


class Browser:
    """One headless Chromium, a page at a time; see the module's doc."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver
        self._axe = AXE.read_text(encoding="utf-8")

    def width(self, width: int, height: int | None = None) -> None:
        """Lay pages out at ``width`` CSS pixels (a phone below 600, a desktop above)."""
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {
                "width": width,
                "height": height or HEIGHT.get(width, 900),
                "deviceScaleFactor": 1,
                "mobile": width < 600,
            },
        )

    def get(self, url: str) -> None:
        """Load ``url`` and wait for it (Selenium waits for the load event)."""
        self.driver.get(url)

    def wait_for_new_page(self, old: Any, seconds: float = 30) -> None:
        """Wait until the page holding the element ``old`` is gone (a form was sent)."""
        from selenium.webdriver.support.expected_conditions import staleness_of
        from selenium.webdriver.support.wait import WebDriverWait

        wait = WebDriverWait(self.driver, seconds)
        wait.until(staleness_of(old))
        # gone is not yet loaded: the new document may still be parsing
        wait.until(lambda d: d.execute_script("return document.readyState") == "complete")

    def console_errors(self) -> list[str]:
        """The browser console's errors (SEVERE) since the last call: script errors,
        failed loads (a 404 stylesheet or icon), CSP refusals."""
        return [
            entry["message"]
            for entry in self.driver.get_log("browser")
            if entry.get("level") == "SEVERE"
        ]

    def axe(self) -> list[Violation]:
        """Run axe-core in the current page (every rule it runs by default: WCAG 2 A and AA,
        and its best practices); the violations, most severe first."""
        if not self.driver.execute_script("return typeof window.axe === 'object'"):
            self.driver.execute_script(self._axe)
        found = self.driver.execute_async_script(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(
              (result) => done(result.violations.map((v) => ({
                id: v.id, impact: v.impact || '', help: v.help,
                nodes: v.nodes.map((n) => n.target.join(' ') + ' ' + n.html.slice(0, 120)),
              }))),
              (error) => done({error: String(error)}),
            );
            """
        )
        if isinstance(found, dict):
            raise RuntimeError(f"axe-core failed: {found['error']}")
        order = {"critical": 0, "serious": 1, "moderate": 2, "minor": 3}
        out = [Violation(**v) for v in found]
        return sorted(out, key=lambda v: (order.get(v.impact, 4), v.id))

    def serious(self) -> list[Violation]:
        """The violations that fail a page: serious or critical."""
        return [v for v in self.axe() if v.impact in FAILING_IMPACTS]

    def screenshot(self, path: Path, width: int, longest: int = 8000) -> None:
        """A PNG of the whole page (not only the viewport) at ``width``, up to ``longest``
        pixels high; the viewport is put back afterwards."""
        height = int(
            self.driver.execute_script(
                "return Math.max(document.documentElement.scrollHeight,"
                " document.body ? document.body.scrollHeight : 0)"
            )
        )
        self.width(width, min(max(height, HEIGHT.get(width, 900)), longest))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.driver.save_screenshot(str(path))
        finally:
            self.width(width)


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium with a fresh profile, stopped and removed at the end."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager download
    profile = Path(tempfile.mkdtemp(prefix="statkg-chromium-"))
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={DESKTOP},{HEIGHT[DESKTOP]}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        driver.set_page_load_timeout(30)
        driver.set_script_timeout(30)
        yield Browser(driver)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
