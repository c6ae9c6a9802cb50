"""Nothing leaked, in real Chromium: the server as the project configures it (no command-line
overrides) listens on loopback only and the page talks to no one but it; hostile text typed into
every field is stored exactly and shown literally, with no script run, no element injected, no
remote image fetched and nothing rendered as markdown, emoji or maths.

Every request the page makes is recorded by the ``page`` fixture and must go to the app's own
origin.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import (
    ROOT,
    SERVER_START_SECONDS,
    STARTED_PORTS,
    AppServer,
    assert_no_exception,
    free_port,
    healthy,
    open_page,
    screenshot,
    stop_process,
    wait_for_app,
)

from assessment import storage

pytestmark = pytest.mark.browser
# Collected (and skipped) even where Playwright is not installed: `-m "not browser"` works there.
expect = pytest.importorskip("playwright.sync_api").expect

PWNED_IMG = '<img src=x onerror="window.__pwned=1">'
PWNED_SCRIPT = "<script>window.__pwned=1</script>"
REMOTE_IMAGE = "![tracker](https://example.com/pixel.png)"
# One payload per field. Single-line fields get no newlines (the browser's <input> drops them).
COMPANY = f"{PWNED_IMG} :smile: $x^2$ Ltd"
ROLE = f"{PWNED_SCRIPT} **Analyst** \u202eright-to-left\u202c"
CONTACT = "[Priya](https://example.com/) \u200fmark 👩\u200d👩\u200d👧 \x07bell"
REASON = (
    f"{REMOTE_IMAGE}\r\n# Not a heading\n**not bold** _not italic_\r"
    '$$\\int_0^1 x\\,dx$$ :smile: :+1:\n<b>not bold</b> <iframe src="https://example.com">'
)
WENT_WELL = (
    "tab\tthen \x1b[31mescape\x1b[0m, zero\u200bwidth, \u202eRTL\u202c and emoji 😀🏳️\u200d🌈"
)
DO_DIFFERENTLY = f'<a href="javascript:window.__pwned=1">click</a> {PWNED_SCRIPT} \\(x\\) $y$'
OUTSIDE = f"<style>body{{display:none}}</style> {PWNED_IMG}\n:smile:\n`code`"
FEEDBACK = f"{PWNED_SCRIPT} {REMOTE_IMAGE} :smile: $x^2$\r\nSecond line with \u202eRTL\u202c."
TOO_LONG = "x" * 100_000


def _listening_addresses(port: int) -> set[str]:
    """The local addresses with a socket listening on ``port`` (from /proc/net/tcp{,6})."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError), open(table) as f:
            for line in f.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                address, hex_port = local.split(":")
                if state == "0A" and int(hex_port, 16) == port:  # 0A = LISTEN
                    raw = bytes.fromhex(address)
                    if len(raw) == 4:
                        found.add(socket.inet_ntop(socket.AF_INET, raw[::-1]))
                    else:
                        words = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
                        found.add(socket.inet_ntop(socket.AF_INET6, words))
    return found


@contextlib.contextmanager
def configured_server(db_path: Path, log_dir: Path) -> Iterator[AppServer]:
    """``streamlit run app.py`` with only a port on the command line: everything else (address,
    usage statistics, XSRF) comes from the project's ``.streamlit/config.toml``."""
    port = free_port()
    STARTED_PORTS.add(port)
    log_path = log_dir / f"streamlit-configured-{port}.log"
    env = {**os.environ, "REBOUND_DB": str(db_path), "PYTHONUNBUFFERED": "1"}
    env.pop("STREAMLIT_SERVER_ADDRESS", None)
    env.pop("STREAMLIT_BROWSER_GATHER_USAGE_STATS", None)
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        server = AppServer(port=port, db_path=db_path, log_path=log_path, process=process)
        try:
            deadline = time.monotonic() + SERVER_START_SECONDS
            while not healthy(port):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not start:\n{server.log_tail()}")
                time.sleep(0.2)
            yield server
        finally:
            stop_process(process)


@pytest.fixture(scope="module")
def server(chromium_executable, tmp_path_factory, server_logs) -> Iterator[AppServer]:
    db_path = tmp_path_factory.mktemp("hostile") / "rebound.db"
    with configured_server(db_path, server_logs) as running:
        yield running


def stored(server: AppServer) -> storage.Rejection | None:
    db = storage.connect(server.db_path)
    try:
        latest = storage.latest_rejection_id(db)
        return storage.get_rejection(db, latest) if latest else None
    finally:
        db.close()


def assert_nothing_rendered_or_run(page) -> None:
    """No script ran, no element was injected, nothing was rendered as markdown or maths."""
    found = page.evaluate(
        """() => ({
            pwned: typeof window.__pwned,
            katex: document.querySelectorAll('.katex, .katex-display, math').length,
            remoteImages: [...document.images].map(i => i.currentSrc || i.src)
                .filter(src => src && !src.startsWith(location.origin)
                        && !src.startsWith('data:') && !src.startsWith('blob:')),
            iframes: [...document.querySelectorAll('iframe')].map(f => f.src),
            // A message's mail link carries the user's text percent-encoded in its body: ours,
            // not injected; any other link that names the hostile text's site would be.
            injectedLinks: [...document.querySelectorAll('a[href]')].map(a => a.href)
                .filter(h => h.startsWith('javascript:')
                        || (h.includes('example.com') && !/^mailto:[^<>"\\s]*$/.test(h))),
            injectedTags: [...document.querySelectorAll('[data-testid="stMain"] h1, b, style')]
                .map(e => e.outerHTML).filter(h => ['not bold', 'Not a heading',
                    'body{display:none}'].some(bad => h.includes(bad))),
            hidden: getComputedStyle(document.body).display,
        })"""
    )
    assert found == {
        "pwned": "undefined",
        "katex": 0,
        "remoteImages": [],
        "iframes": [],
        "injectedLinks": [],
        "injectedTags": [],
        "hidden": "block",
    }, found


def main_text(page) -> str:
    return page.get_by_test_id("stMain").inner_text()


def next_step(page, button: str, server: AppServer) -> None:
    page.get_by_role("button", name=button).click()
    wait_for_app(page)
    assert_no_exception(page, server)


def test_the_server_listens_on_loopback_only(server):
    addresses = _listening_addresses(server.port)
    assert addresses, f"nothing listens on port {server.port}"
    assert addresses <= {"127.0.0.1", "::1"}, addresses


def test_hostile_text_is_stored_exactly_and_shown_literally(server, page, screenshot_dir):
    open_page(page, server, "/reflect")
    assert_no_exception(page, server)

    # Step 1: 100,000 characters are refused with a message, then the hostile payloads.
    page.get_by_label("Company", exact=True).fill(TOO_LONG)
    page.get_by_label("Role", exact=True).fill(ROLE)
    next_step(page, "Next: your reflection", server)
    expect(
        page.get_by_text("Company is 100,000 characters long; the limit is 200.", exact=False)
    ).to_be_visible()
    expect(page.get_by_text("Step 1 of 3")).to_be_visible()
    page.get_by_label("Company", exact=True).fill(COMPANY)
    page.get_by_label("Contact name (optional)", exact=True).fill(CONTACT)
    page.get_by_label("The reason they gave (optional)", exact=True).fill(REASON)
    assert_nothing_rendered_or_run(page)
    next_step(page, "Next: your reflection", server)
    expect(page.get_by_text("Step 2 of 3")).to_be_visible()

    # Step 2: the same for a long text field.
    page.get_by_label("What went well", exact=True).fill(WENT_WELL)
    page.get_by_label("What you would do differently", exact=True).fill(TOO_LONG)
    page.get_by_label("In your own words (optional)", exact=True).fill(OUTSIDE)
    next_step(page, "Next: rate yourself", server)
    expect(
        page.get_by_text(
            "What you would do differently is 100,000 characters long; the limit is 20,000.",
            exact=False,
        )
    ).to_be_visible()
    expect(page.get_by_text("Step 2 of 3")).to_be_visible()
    assert stored(server) is None  # nothing saved, nothing cut
    page.get_by_label("What you would do differently", exact=True).fill(DO_DIFFERENTLY)
    next_step(page, "Next: rate yourself", server)
    page.get_by_role("radiogroup", name="Communication").get_by_text("4", exact=True).click()
    next_step(page, "Save reflection", server)
    print(screenshot(page, screenshot_dir, "hostile-results"))

    # Stored exactly; line endings normalised are the only change.
    saved = stored(server)
    assert saved is not None
    assert (saved.company, saved.role, saved.contact_name) == (COMPANY, ROLE, CONTACT)
    assert saved.reason_given == REASON.replace("\r\n", "\n").replace("\r", "\n")
    assert saved.reflection.went_well == WENT_WELL
    assert saved.reflection.do_differently == DO_DIFFERENTLY
    assert saved.reflection.outside_control == OUTSIDE

    # Saving leads to the feedback, the next step; then Results: shown literally.
    expect(page.locator("h1").filter(has_text="Interviewer feedback")).to_be_visible()
    assert_nothing_rendered_or_run(page)
    page.goto(server.url(f"/results?rejection={saved.id}"))
    wait_for_app(page, start_grace=5_000)
    assert_no_exception(page, server)
    expect(page.locator("h1").filter(has_text="Results")).to_be_visible()
    assert_nothing_rendered_or_run(page)
    text = main_text(page)
    for line in saved.reason_given.split("\n"):
        assert line in text, line
    for line in OUTSIDE.split("\n"):
        assert line in text, line
    chooser = page.get_by_role("combobox", name="Rejection", exact=True)
    expect(chooser).to_have_value(f"{saved.rejected_on} · {COMPANY} · {ROLE} · Onsite")

    # Feedback: hostile feedback text, saved and read back.
    page.goto(server.url(f"/feedback?rejection={saved.id}"))
    wait_for_app(page, start_grace=5_000)
    assert_no_exception(page, server)
    assert f"{COMPANY} · {ROLE}" in main_text(page)
    assert_nothing_rendered_or_run(page)
    page.get_by_label("Feedback text", exact=True).fill(FEEDBACK)
    page.get_by_text("Received", exact=True).click()
    next_step(page, "Save feedback", server)
    assert stored(server).feedback.text == FEEDBACK.replace("\r\n", "\n")
    assert_nothing_rendered_or_run(page)

    page.goto(server.url(f"/feedback?rejection={saved.id}"))
    wait_for_app(page, start_grace=5_000)
    expect(page.get_by_label("Feedback text", exact=True)).to_have_value(
        FEEDBACK.replace("\r\n", "\n")
    )
    assert_nothing_rendered_or_run(page)
    print(screenshot(page, screenshot_dir, "hostile-feedback"))

    # History: the table shows the text as it was typed.
    open_page(page, server, "/history")
    assert_no_exception(page, server)
    table = page.get_by_test_id("stDataFrame")
    expect(table).to_contain_text(COMPANY)
    expect(table).to_contain_text(ROLE)
    assert_nothing_rendered_or_run(page)
    print(screenshot(page, screenshot_dir, "hostile-history"))

    # Every other page with this rejection: no exception, nothing rendered or run.
    for path in ("/", "/next_steps", "/practise", "/progress", "/data"):
        open_page(page, server, f"{path}?rejection={saved.id}")
        assert_no_exception(page, server)
        assert_nothing_rendered_or_run(page)
    assert ":smile:" in stored(server).company and "😄" not in main_text(page)
    assert not server.log_has_traceback(), server.log_tail()


def test_a_foreign_name_resolved_to_loopback_is_refused(server, browser, chromium_executable):
    """DNS rebinding: a web page at ``attacker.test`` whose name now resolves to 127.0.0.1 is
    same-origin with the app, so only the Host check (``server.allowedHosts``) stands between
    it and the data. Its page must never connect; ``localhost`` in the same browser does."""
    from browser_helpers import APP_CONNECTED, CHROMIUM_ARGS

    rule = "--host-resolver-rules=MAP attacker.test 127.0.0.1"
    rebinding = browser.browser_type.launch(
        executable_path=chromium_executable, headless=True, args=[*CHROMIUM_ARGS, rule]
    )
    try:
        tab = rebinding.new_page()
        sockets: list[str] = []
        tab.on("websocket", lambda ws: sockets.append(ws.url))
        tab.goto(f"http://attacker.test:{server.port}/")
        tab.wait_for_timeout(8_000)
        assert any("attacker.test" in url for url in sockets), sockets  # it did try
        assert tab.locator(APP_CONNECTED).count() == 0
        assert tab.get_by_role("heading", name="Rebound").count() == 0
        tab.goto(f"http://localhost:{server.port}/")
        tab.wait_for_selector(APP_CONNECTED, state="attached", timeout=30_000)
        expect(tab.get_by_role("heading", name="Rebound").first).to_be_visible()
    finally:
        rebinding.close()
