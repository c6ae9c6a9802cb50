"""Plain helpers for the browser tests: find Chromium, run the app, wait for Streamlit, check pages.

Fixtures live in ``conftest.py``; everything here is an ordinary function or context manager so
a test can start a server of its own (a fresh database, an empty state) when it needs one.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def page_paths() -> list[str]:
    """The URL path of every page of the app, in the sidebar's order (Home is ``/``), from the
    one page registry, so a new page is screened and checked without a list to keep."""
    import ui

    return ["/" if spec.name == "home" else "/" + Path(spec.file).stem for spec in ui.PAGE_SPECS]


SERVER_START_SECONDS = 60
# Every port a test server was started on in this run: the only origins a page may talk to.
STARTED_PORTS: set[int] = set()
APP_READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
APP_CONNECTED = '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
EXCEPTION = '[data-testid="stException"]'

# Counts Streamlit script runs in the page, so ``wait_for_app`` can tell a finished new run
# from the state the page was in before a click.
RUN_COUNTER_SCRIPT = """
window.__reboundRuns = 0;
window.__reboundSeen = 0;
new MutationObserver((mutations) => {
  for (const m of mutations) {
    if (m.target.getAttribute('data-test-script-state') === 'running') {
      window.__reboundRuns += 1;
    }
  }
}).observe(document, {attributes: true, subtree: true,
                      attributeFilter: ['data-test-script-state']});
"""


def find_chromium() -> str | None:
    """``REBOUND_CHROMIUM``, else the usual Debian paths, else ``chromium`` on PATH."""
    configured = os.environ.get("REBOUND_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class AppServer:
    """A running ``streamlit run`` subprocess."""

    port: int
    db_path: Path
    log_path: Path
    process: subprocess.Popen = field(repr=False)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.base_url + path

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])

    def log_has_traceback(self) -> bool:
        try:
            return "Traceback (most recent call last)" in self.log_path.read_text(errors="replace")
        except OSError:
            return False


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as resp:
            return resp.read().decode().strip() == "ok"
    except (urllib.error.URLError, OSError):
        return False


def stop_process(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@contextlib.contextmanager
def run_app(
    db_path: Path,
    log_dir: Path,
    script: Path | str = "app.py",
    cwd: Path = ROOT,
) -> Iterator[AppServer]:
    """Start ``streamlit run <script>`` on a free port with ``REBOUND_DB=db_path``; wait for
    ``/_stcore/health``; always stop it again."""
    port = free_port()
    STARTED_PORTS.add(port)
    log_path = log_dir / f"streamlit-{port}.log"
    env = {**os.environ, "REBOUND_DB": str(db_path), "PYTHONUNBUFFERED": "1"}
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
    ]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        server = AppServer(port=port, db_path=db_path, log_path=log_path, process=process)
        try:
            deadline = time.monotonic() + SERVER_START_SECONDS
            while not healthy(port):
                if process.poll() is not None:
                    raise RuntimeError(
                        f"streamlit exited with {process.returncode}:\n{server.log_tail()}"
                    )
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"streamlit did not answer /_stcore/health within "
                        f"{SERVER_START_SECONDS} s:\n{server.log_tail()}"
                    )
                time.sleep(0.2)
            yield server
        finally:
            stop_process(process)


# ---- waiting for Streamlit --------------------------------------------------------------


def _state(page) -> str | None:
    return page.evaluate(
        "() => document.querySelector('[data-testid=\"stApp\"]')"
        "?.getAttribute('data-test-script-state') ?? null"
    )


def wait_for_app(page, timeout: float = 30_000, start_grace: float = 1_000) -> None:
    """Wait until the script run caused by the last navigation or click has finished.

    A click may start a run a moment later, so first give it ``start_grace`` ms to begin
    (returns at once if a new run was already seen), then wait for ``notRunning`` and make sure
    it stays there briefly (a ``st.rerun`` or ``st.switch_page`` starts another run).
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(
            "() => (window.__reboundRuns || 0) > (window.__reboundSeen || 0)",
            timeout=start_grace,
        )
    deadline = time.monotonic() + timeout / 1000
    while True:
        runs = page.evaluate("() => window.__reboundRuns || 0")
        remaining = max(1.0, (deadline - time.monotonic()) * 1000)
        page.wait_for_selector(APP_CONNECTED, state="attached", timeout=remaining)
        page.wait_for_selector(APP_READY, state="attached", timeout=remaining)
        page.wait_for_timeout(100)
        settled = page.evaluate("() => window.__reboundRuns || 0") == runs
        if settled and _state(page) == "notRunning":
            break
        if time.monotonic() > deadline:
            raise AssertionError(f"The app did not settle within {timeout / 1000:.0f} s")
    page.evaluate("() => { window.__reboundSeen = window.__reboundRuns || 0; }")


def open_page(page, server: AppServer, path: str) -> None:
    """Go to ``path`` on the app and wait for its first run to finish."""
    page.goto(server.url(path))
    wait_for_app(page, start_grace=5_000)


def assert_no_exception(page, server: AppServer | None = None) -> None:
    boxes = page.locator(EXCEPTION)
    if boxes.count():
        detail = server.log_tail() if server is not None else ""
        raise AssertionError(
            f"{boxes.count()} exception box(es) on {page.url}:\n"
            f"{boxes.first.inner_text()}\n--- server log ---\n{detail}"
        )


CONTENT_HEIGHT = """() => Math.max(document.documentElement.scrollHeight,
  ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stMain"] *')]
    .filter(e => e.scrollHeight > e.clientHeight + 1)
    .map(e => e.scrollHeight))"""
MAX_SCREENSHOT_HEIGHT = 6_000


def screenshot(page, directory: Path, name: str) -> Path:
    """A full-page screenshot. Streamlit scrolls inside its main area, not the document, so the
    viewport is stretched to the content's height for the shot and put back afterwards."""
    path = directory / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)}.png"
    viewport = page.viewport_size
    height = min(int(page.evaluate(CONTENT_HEIGHT)) + 40, MAX_SCREENSHOT_HEIGHT)
    if viewport is not None and height > viewport["height"]:
        page.set_viewport_size({"width": viewport["width"], "height": height})
        page.wait_for_timeout(100)
    try:
        page.screenshot(path=str(path), full_page=True)
    finally:
        if viewport is not None:
            page.set_viewport_size(viewport)
    return path


# ---- where requests go ------------------------------------------------------------------


def is_own_origin(url: str, ports: set[int]) -> bool:
    """The app's own origin (http or ws, 127.0.0.1 or localhost), or an inline data/blob URL."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob"):
        return True
    return (
        parts.scheme in ("http", "ws")
        and parts.hostname in ("127.0.0.1", "localhost")
        and parts.port in ports
    )


def foreign_requests(urls: list[str], ports: set[int] | None = None) -> list[str]:
    """The URLs that left the app's own origin(s), deduplicated."""
    ports = STARTED_PORTS if ports is None else ports
    return sorted({url for url in urls if not is_own_origin(url, ports)})


# ---- themes, layout and charts ------------------------------------------------------------

SCHEMES = ("light", "dark")


def use_scheme(page, scheme: str) -> None:
    """Make the browser prefer ``scheme`` ("light" or "dark"), as a system setting would; the
    app follows it until the user picks a theme in the app menu."""
    page.emulate_media(color_scheme=scheme)


APP_BACKGROUND = """() => getComputedStyle(document.querySelector('[data-testid="stApp"]'))
  .backgroundColor"""


def hex_to_rgb(colour: str) -> str:
    """``#RRGGBB`` as the ``rgb(r, g, b)`` a computed style reports."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


HORIZONTAL_OVERFLOW = """() => {
  const boxes = [document.scrollingElement, document.querySelector('[data-testid="stMain"]')];
  return boxes.filter(Boolean)
    .filter(e => e.scrollWidth > e.clientWidth + 1)
    .map(e => `${e.getAttribute('data-testid') || e.tagName}: ${e.scrollWidth} > ${e.clientWidth}`);
}"""


def horizontal_overflow(page) -> list[str]:
    """The page's scrolling boxes (the document, Streamlit's main area) that scroll sideways."""
    return page.evaluate(HORIZONTAL_OVERFLOW)


# Every text of every plotly chart (axis ticks, legend, titles) against the chart's own box.
CHART_TEXT_OUTSIDE = """() => {
  const out = [];
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')) {
    const box = chart.getBoundingClientRect();
    for (const text of chart.querySelectorAll('svg text')) {
      const r = text.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || !text.textContent.trim()) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1
          || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
        out.push(`${text.textContent}: [${Math.round(r.left)}, ${Math.round(r.right)}] x `
          + `[${Math.round(r.top)}, ${Math.round(r.bottom)}] outside `
          + `[${Math.round(box.left)}, ${Math.round(box.right)}] x `
          + `[${Math.round(box.top)}, ${Math.round(box.bottom)}]`);
      }
    }
  }
  return out;
}"""


def chart_text_outside(page) -> list[str]:
    """Texts of the page's plotly charts that stick out of their chart (clipped on screen)."""
    return page.evaluate(CHART_TEXT_OUTSIDE)


def radar_skill_names(chart) -> list[str]:
    """The angular tick labels of a radar (a ``.js-plotly-plot`` locator), the lines of a
    wrapped name joined by a space."""
    chart.locator(".angularaxistick text").last.wait_for(state="attached")
    return chart.evaluate(
        """gd => [...gd.querySelectorAll('.angularaxistick text')].map(t => {
            const lines = [...t.querySelectorAll('tspan.line')].map(s => s.textContent);
            return (lines.length ? lines.join(' ') : t.textContent).trim();
        })"""
    )


HEADING_ANCHORS = """() => [...document.querySelectorAll('h1 a, h2 a, h3 a, h4 a, h5 a, h6 a')]
  .filter(a => a.getAttribute('href')?.startsWith('#') && a.getClientRects().length > 0
    && a.tabIndex >= 0)
  .map(a => a.closest('h1, h2, h3, h4, h5, h6').textContent.trim())"""


def focusable_heading_anchors(page) -> list[str]:
    """Headings whose "link to heading" anchor is shown and in the tab order."""
    return page.evaluate(HEADING_ANCHORS)


# ---- accessibility (axe-core) -------------------------------------------------------------

BLOCKING = ("serious", "critical")

ELEMENT_KIND = """selector => {
  const node = document.querySelector(selector);
  const owner = node && node.closest('[data-testid]');
  return owner ? owner.getAttribute('data-testid') : 'page';
}"""


def blocking_violations(page) -> list[dict]:
    """Axe's serious and critical violations; each node gets ``kind``: the Streamlit element it
    sits in (its nearest ``data-testid``)."""
    from axe_playwright_python.sync_playwright import Axe

    found = [v for v in Axe().run(page).response["violations"] if v.get("impact") in BLOCKING]
    for violation in found:
        for node in violation["nodes"]:
            target = node["target"][-1] if node["target"] else ""
            node["kind"] = page.evaluate(ELEMENT_KIND, target) if isinstance(target, str) else "?"
    return found


def kinds(violations: list[dict]) -> set[tuple[str, str]]:
    return {(v["id"], node["kind"]) for v in violations for node in v["nodes"]}


def split(violations: list[dict], streamlit_kinds: set[tuple[str, str]]):
    """(ours, Streamlit's): violations with only the nodes of each side."""
    ours, theirs = [], []
    for violation in violations:
        for side, keep in ((ours, False), (theirs, True)):
            nodes = [
                n
                for n in violation["nodes"]
                if ((violation["id"], n["kind"]) in streamlit_kinds) == keep
            ]
            if nodes:
                side.append({**violation, "nodes": nodes})
    return ours, theirs


def wait_for_charts(page, timeout: float = 30_000) -> None:
    """Plotly draws after the script run; give every chart its axes before looking at it.
    Elements whose code is still loading show as a placeholder (``stSkeleton``) first, so
    wait for those to be gone."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=timeout
    )
    for chart in page.get_by_test_id("stPlotlyChart").all():
        chart.locator(".main-svg").first.wait_for(state="attached")


def describe(violation: dict) -> str:
    lines = [f"{violation['id']} ({violation['impact']}): {violation['help']}"]
    lines.append(f"  {violation.get('helpUrl', '')}")
    for node in violation["nodes"][:8]:
        lines.append(f"  - in {node.get('kind')} {node['html'][:160]}")
        lines.append(f"    target {node['target']}")
        summary = (node.get("failureSummary") or "").replace("\n", " ")
        if summary:
            lines.append(f"    {summary[:300]}")
    if len(violation["nodes"]) > 8:
        lines.append(f"  ... and {len(violation['nodes']) - 8} more elements")
    return "\n".join(lines)
