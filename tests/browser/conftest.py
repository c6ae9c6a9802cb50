"""Fixtures for the browser tests: headless Chromium through Playwright, and the app as a real
``streamlit run`` subprocess on a free port with its own database.

Chromium is looked for in ``REBOUND_CHROMIUM``, ``/usr/bin/chromium``,
``/usr/bin/chromium-browser`` and on PATH. Without it the browser tests are skipped, unless
``REBOUND_REQUIRE_BROWSER=1`` (CI), where they fail. ``REBOUND_SCREENSHOTS=<dir>`` keeps the
screenshots somewhere a person can look at them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import (
    CHROMIUM_ARGS,
    RUN_COUNTER_SCRIPT,
    AppServer,
    find_chromium,
    foreign_requests,
    run_app,
)

from assessment import examples, storage

SCREENSHOTS_KEY = pytest.StashKey[Path]()


def _unavailable(reason: str) -> None:
    if os.environ.get("REBOUND_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (REBOUND_REQUIRE_BROWSER=1, so this is a failure)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("Playwright for Python is not installed")
    path = find_chromium()
    if path is None:
        _unavailable(
            "No Chromium found (looked at REBOUND_CHROMIUM, /usr/bin/chromium, "
            "/usr/bin/chromium-browser and PATH)"
        )
    return path


@pytest.fixture(scope="module")
def browser(chromium_executable: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=chromium_executable, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def screenshot_dir(request: pytest.FixtureRequest, tmp_path_factory) -> Path:
    configured = os.environ.get("REBOUND_SCREENSHOTS")
    path = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    request.config.stash[SCREENSHOTS_KEY] = path
    print(f"Browser screenshots: {path}")
    return path


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    path = config.stash.get(SCREENSHOTS_KEY, None)
    if path is not None:
        terminalreporter.write_line(f"Browser screenshots: {path}")


@pytest.fixture(scope="session")
def server_logs(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("streamlit-logs")


@pytest.fixture(scope="module")
def example_server(
    chromium_executable: str, tmp_path_factory, server_logs: Path
) -> Iterator[AppServer]:
    """One server per module on a fresh database holding the example data."""
    db_path = tmp_path_factory.mktemp("db") / "rebound.db"
    db = storage.connect(db_path)
    try:
        examples.load_examples(db)
    finally:
        db.close()
    with run_app(db_path, server_logs) as server:
        yield server


@pytest.fixture
def fresh_server(
    chromium_executable: str, tmp_path: Path, server_logs: Path
) -> Iterator[AppServer]:
    """A server of the test's own on an empty database (a brand-new user)."""
    with run_app(tmp_path / "rebound.db", server_logs) as server:
        yield server


@pytest.fixture
def page(browser):
    """A new browser context and page that records every request it makes. After the test,
    every request must have gone to one of the test servers (no third parties)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.add_init_script(RUN_COUNTER_SCRIPT)
    urls: list[str] = []
    context.on("request", lambda req: urls.append(req.url))
    tab = context.new_page()
    tab.on("websocket", lambda ws: urls.append(ws.url))
    try:
        yield tab
    finally:
        context.close()
    foreign = foreign_requests(urls)
    assert not foreign, "Requests to other origins than the app's own:\n" + "\n".join(foreign)
