"""Rebound's speed suite: each figure is a ratio to Streamlit's own floor, measured side by side.

    python benchmarks/run.py                          # every figure; table + results/results.json
    python benchmarks/run.py --only rerun interaction # some figures
    python benchmarks/run.py --quick                  # fewer repeats (a smoke run, noisier)
    python benchmarks/run.py --profile results        # pyinstrument profile of one page's reruns

Figures (see benchmarks/README.md): rerun cost per page, history scaling, cold start, time to
radar in the browser, interaction latency in the browser against the bare twins, memory over
500 reruns, and absolute domain timings. Page reruns go through AppTest on ``app.py`` (switched
to the page, as a user's rerun is), against the plain-radar floor through its own router; the
browser figures use real ``streamlit run`` servers on free ports and headless Chromium.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import gc
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "tests" / "browser"))
from browser_helpers import (  # noqa: E402 - the browser tests' own helpers, shared
    APP_READY,
    CHROMIUM_ARGS,
    find_chromium,
    free_port,
    healthy,
    stop_process,
)

import ui  # noqa: E402 - after the path set-up above

# Every page of the registry, opened through app.py and st.navigation as a user's rerun is.
PAGES = {spec.name: spec.file for spec in ui.PAGE_SPECS}
APP = str(ROOT / "app.py")
# Pages drawing a questionnaire's worth of widgets (or Progress's charts) get the wider target;
# Practise is one: two forms (an answer, a STAR story) in tabs drawn on every run.
HEAVY_PAGES = ("reflect", "feedback", "progress", "practise")
# The honest floor: the same radar with plain plotly, through a router with the same sidebar.
PLAIN_RADAR_APP = str(HERE / "plain_radar_app.py")
PLAIN_RADAR_PAGE = "plain_radar_page.py"  # relative to the router, for AppTest.switch_page
TWINS_APP = str(HERE / "twins" / "app.py")
BASELINE = str(HERE / "baseline_page.py")  # the old floor: Rebound's own figure builder
BARE_FORM = str(HERE / "bare_form_page.py")
HELLO = str(HERE / "hello_app.py")

TARGET_RERUN = 2.0
TARGET_RERUN_HEAVY = 3.0
TARGET_SCALING = 1.5
TARGET_COLD = 1.5
TARGET_RADAR = 1.3
TARGET_INTERACTION = 1.3
TARGET_MEMORY_MB = 10.0
TARGET_READER_MS = 50.0  # issue 12: the feedback reader on a 5,000-character email
TARGET_DEGENERATE = 10.0  # the worst degenerate 50,000 characters against ordinary ones
DEGENERATE_UNITS = ("<p>", "a ", "- \n", "e.g. ", "but ", "and you ")
PAGE_TIMEOUT = 60  # seconds for one AppTest run

CHROMIUM = find_chromium() or "/usr/bin/chromium"
RADAR_DRAWN = '[data-testid="stPlotlyChart"] .scatterlayer .trace'
RUN_COUNTER = """
window.__runs = 0;
new MutationObserver((mutations) => {
  for (const m of mutations) {
    if (m.target.getAttribute('data-test-script-state') === 'notRunning') window.__runs += 1;
  }
}).observe(document, {attributes: true, subtree: true,
                      attributeFilter: ['data-test-script-state']});
"""


# ---- the machine ------------------------------------------------------------------------


def machine() -> dict:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram_gb = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    import streamlit

    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": ram_gb,
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "platform": platform.platform(),
    }


# ---- data -------------------------------------------------------------------------------


def history(count: int, seed: int = 7) -> list:
    """``count`` varied rejections over about ten years, built from the example set (ratings,
    feedback, findings, actions); the latest is the example set's latest, so Results and Next
    steps show the same rejection whatever the history length."""
    from assessment.examples import example_rejections
    from assessment.skills import FIT_FACTOR_KEYS, SKILL_KEYS, STAGE_KEYS

    rng = random.Random(seed)
    today = dt.date.today()
    templates = example_rejections(today)
    older = []
    for i in range(max(0, count - len(templates))):
        base = templates[i % len(templates)]
        rejected = today - dt.timedelta(days=70 + (i * 3650) // max(1, count))
        self_ratings = {k: rng.choice([None, 1, 2, 3, 4, 5]) for k in SKILL_KEYS}
        interviewer = {k: rng.choice([None, None, 1, 2, 3, 4]) for k in SKILL_KEYS}
        older.append(
            dataclasses.replace(
                base,
                company=f"{base.company} {i}",
                stage=rng.choice(STAGE_KEYS),
                rejected_on=rejected,
                interviewed_on=rejected - dt.timedelta(days=5),
                fit_factors=tuple(rng.sample(FIT_FACTOR_KEYS, rng.randint(0, 2))),
                reflection=dataclasses.replace(
                    base.reflection, mood=rng.randint(1, 5), confidence=rng.randint(1, 5)
                ),
                self_ratings=self_ratings,
                feedback=dataclasses.replace(
                    base.feedback, ratings=interviewer, requested_on=rejected
                ),
                actions=(),
            )
        )
    keep = templates[-min(count, len(templates)) :]
    return older + keep


def make_db(path: Path, count: int) -> float:
    """A database with ``count`` rejections; returns the seconds the import took."""
    from assessment import backup, storage

    db = storage.connect(path)
    rejections = history(count)
    start = time.perf_counter()
    backup.import_rejections(db, rejections)
    took = time.perf_counter() - start
    db.close()
    return took


# ---- timing helpers ---------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values)


def median_ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 2)


class Page:
    """One AppTest of one script with its own database, rerun on demand. With ``page``, the
    script is the router and the first run switches to that page (as a user's rerun is).

    AppTest makes a new ``ScriptCache`` for every run, so it compiles the page's source again
    each time (50-65 ms for the longest pages here, under a millisecond for the floor); a
    server compiles a script once and keeps its bytecode. Each Page keeps one cache across its
    runs, so a rerun costs what a user's rerun costs the server."""

    def __init__(self, script: str, db_path: Path | None, page: str | None = None) -> None:
        from streamlit.runtime.scriptrunner.script_cache import ScriptCache
        from streamlit.testing.v1 import AppTest

        self.db_path = db_path
        self.at = AppTest.from_file(script, default_timeout=PAGE_TIMEOUT)
        self.page = page
        self.times: list[float] = []
        self.cache = ScriptCache()

    def _run(self) -> None:
        from streamlit.testing.v1 import app_test, local_script_runner

        modules = (app_test, local_script_runner)
        made = [module.ScriptCache for module in modules]
        for module in modules:
            module.ScriptCache = lambda: self.cache
        try:
            self.at.run()
        finally:
            for module, original in zip(modules, made, strict=True):
                module.ScriptCache = original

    def run(self) -> float:
        if self.db_path is not None:
            os.environ["REBOUND_DB"] = str(self.db_path)
        if self.page is not None:
            self._run()
            self.at.switch_page(self.page)
            self.page = None
        start = time.perf_counter()
        self._run()
        took = time.perf_counter() - start
        if self.at.exception:
            raise RuntimeError(f"{self.at._script_path}: {self.at.exception[0].message}")
        return took


def interleaved(pages: dict[str, Page], warmup: int, repeats: int) -> dict[str, float]:
    """Median seconds of ``repeats`` reruns of each page, taking turns so drift hits all."""
    for page in pages.values():
        for _ in range(warmup):
            page.run()
    for _ in range(repeats):
        for page in pages.values():
            page.times.append(page.run())
    gc.collect()
    return {name: median(page.times) for name, page in pages.items()}


def row(figure: str, value: float, target: float | None, unit: str = "x", **extra) -> dict:
    passed = None if target is None else value <= target
    return {"figure": figure, "value": round(value, 3), "unit": unit, "target": target,
            "pass": passed, **extra}  # fmt: skip


# ---- 1. rerun cost per page -------------------------------------------------------------


def check_twins() -> None:
    """The twins' and the floor's sidebar must be the app's: same pages, titles, icons, sections."""
    sys.path.insert(0, str(HERE))
    from twins import nav

    app = [(spec.name, spec.title, spec.icon, spec.section) for spec in ui.PAGE_SPECS]
    if list(nav.PAGES) != app:
        raise RuntimeError("benchmarks/twins/nav.py PAGES no longer matches ui.PAGE_SPECS")


def check_floor(db_path: Path) -> None:
    """The floor must draw what Results draws for the example set's latest rejection."""
    import plain_radar_page

    from assessment import storage
    from assessment.views import report

    db = storage.connect(db_path)
    try:
        latest = storage.latest_rejection_id(db)
        results = report.radar_of(db, latest, storage.LOCAL_OWNER).to_plotly_json()
    finally:
        db.close()
    if plain_radar_page.radar().to_plotly_json() != results:
        raise RuntimeError("plain_radar_page.py no longer draws the radar Results draws")


def rerun_cost(work: Path, repeats: int) -> list[dict]:
    from assessment import examples, storage

    check_twins()
    db_path = work / "examples.db"
    db = storage.connect(db_path)
    examples.load_examples(db, today=dt.date.today())
    db.close()
    check_floor(db_path)
    os.environ["REBOUND_DB"] = str(db_path)
    pages = {
        "plain_radar": Page(PLAIN_RADAR_APP, None, PLAIN_RADAR_PAGE),
        "baseline": Page(BASELINE, None),
        "bare_form": Page(BARE_FORM, None),
    }
    pages |= {name: Page(APP, db_path, path) for name, path in PAGES.items()}
    medians = interleaved(pages, warmup=3, repeats=repeats)
    floor, old = medians["plain_radar"], medians["baseline"]
    rows = [
        row("rerun: plain radar floor (through its router)", floor * 1000, None, "ms"),
        row("rerun: old floor (Rebound's own figure builder)", old * 1000, None, "ms"),
        row("rerun: bare 25-input form / plain radar", medians["bare_form"] / floor, None),
    ]
    for name in PAGES:
        target = TARGET_RERUN_HEAVY if name in HEAVY_PAGES else TARGET_RERUN
        rows.append(
            row(
                f"rerun: {name} / plain radar",
                medians[name] / floor,
                target,
                ms=round(medians[name] * 1000, 2),
                old_floor_ratio=round(medians[name] / old, 3),
            )
        )
    rows += [
        row(f"rerun: {name} / old floor (Rebound's figure builder)", medians[name] / old, None)
        for name in PAGES
    ]
    return rows


# ---- 2. history scaling -----------------------------------------------------------------


def history_scaling(work: Path, repeats: int) -> list[dict]:
    small, large = work / "h10.db", work / "h10000.db"
    make_db(small, 10)
    make_db(large, 10_000)
    rows = []
    for name, path in PAGES.items():
        pages = {"small": Page(APP, small, path), "large": Page(APP, large, path)}
        try:
            medians = interleaved(pages, warmup=2, repeats=repeats)
        except RuntimeError as exc:  # a page too slow to finish is a failure, not a crash
            rows.append(
                {"figure": f"history: {name} 10,000 / 10", "value": "timed out", "unit": "",
                 "target": TARGET_SCALING, "pass": False, "error": str(exc)[-300:]}
            )  # fmt: skip
            continue
        rows.append(
            row(
                f"history: {name} 10,000 / 10",
                medians["large"] / medians["small"],
                TARGET_SCALING,
                ms_10=round(medians["small"] * 1000, 2),
                ms_10000=round(medians["large"] * 1000, 2),
            )
        )
    return rows


# ---- servers and the browser ------------------------------------------------------------


@contextlib.contextmanager
def server(script: str, db_path: Path, log: Path) -> Iterator[tuple[subprocess.Popen, int]]:
    """``streamlit run script`` from the repository root on a free port; always stopped."""
    port = free_port()
    env = {**os.environ, "REBOUND_DB": str(db_path), "PYTHONUNBUFFERED": "1"}
    command = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.headless", "true", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with open(log, "ab") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)
    try:
        yield process, port
    finally:
        stop_process(process)


def wait_healthy(process: subprocess.Popen, port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not healthy(port):
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError("streamlit did not answer /_stcore/health in time")
        time.sleep(0.01)


@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


# ---- 3. cold start ----------------------------------------------------------------------


def cold_start_once(browser, script: str, db_path: Path, log: Path) -> float:
    start = time.perf_counter()
    with server(script, db_path, log) as (process, port):
        wait_healthy(process, port)
        page = browser.new_page()
        try:
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("h1", timeout=60_000)
            page.wait_for_selector(APP_READY, timeout=60_000)
            took = time.perf_counter() - start
        finally:
            page.close()
    return took


def cold_start(work: Path, repeats: int) -> list[dict]:
    from assessment import examples, storage

    db_path = work / "cold.db"
    db = storage.connect(db_path)
    examples.load_examples(db, today=dt.date.today())
    db.close()
    log = work / "cold.log"
    app, hello = [], []
    with chromium() as browser:
        cold_start_once(browser, HELLO, db_path, log)  # warm the disk cache for both
        cold_start_once(browser, "app.py", db_path, log)
        for _ in range(repeats):
            hello.append(cold_start_once(browser, HELLO, db_path, log))
            app.append(cold_start_once(browser, "app.py", db_path, log))
    return [
        row("cold start: hello app", median(hello) * 1000, None, "ms"),
        row(
            "cold start: app.py / hello app",
            median(app) / median(hello),
            TARGET_COLD,
            ms=round(median(app) * 1000, 1),
        ),
        import_check(),
    ]


def import_check() -> dict:
    """``import assessment`` (and the modules every page imports) without streamlit or plotly."""
    code = (
        "import sys; import assessment, assessment.storage, assessment.views.report, "
        "assessment.views.figures, assessment.scoring, assessment.plan.steps; "
        "print(sorted(m for m in ('streamlit', 'plotly') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    loaded = json.loads(out.replace("'", '"'))
    return {"figure": "import assessment loads streamlit/plotly", "value": ", ".join(loaded)
            or "neither", "unit": "", "target": "neither", "pass": not loaded}  # fmt: skip


# ---- 4. time to radar -------------------------------------------------------------------


def time_to_radar(work: Path, repeats: int) -> list[dict]:
    from assessment import examples, storage

    db_path = work / "radar.db"
    db = storage.connect(db_path)
    examples.load_examples(db, today=dt.date.today())
    latest = storage.latest_rejection_id(db)
    db.close()
    log = work / "radar.log"
    times: dict[str, list[float]] = {"app": [], "plain": [], "baseline": []}
    with (
        server("app.py", db_path, log) as (app, app_port),
        server(PLAIN_RADAR_APP, db_path, log) as (plain, plain_port),
        server(BASELINE, db_path, log) as (base, base_port),
        chromium() as browser,
    ):
        for process, port in ((app, app_port), (plain, plain_port), (base, base_port)):
            wait_healthy(process, port)
        urls = {
            "app": f"http://127.0.0.1:{app_port}/results?rejection={latest}",
            "plain": f"http://127.0.0.1:{plain_port}/results",
            "baseline": f"http://127.0.0.1:{base_port}/",
        }

        def once(name: str) -> float:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            try:
                start = time.perf_counter()
                page.goto(urls[name])
                page.wait_for_selector(RADAR_DRAWN, timeout=60_000)
                return time.perf_counter() - start
            finally:
                context.close()

        for name in urls:
            for _ in range(2):
                once(name)
        for _ in range(repeats):
            for name in urls:
                times[name].append(once(name))
    app_ms = round(median(times["app"]) * 1000, 1)
    return [
        row("radar in browser: plain radar page", median(times["plain"]) * 1000, None, "ms"),
        row(
            "radar in browser: Results / plain radar page",
            median(times["app"]) / median(times["plain"]),
            TARGET_RADAR,
            ms=app_ms,
        ),
        row(
            "radar in browser: Results / old floor (Rebound's builder)",
            median(times["app"]) / median(times["baseline"]),
            None,
            ms=app_ms,
            floor_ms=round(median(times["baseline"]) * 1000, 1),
        ),
    ]


# ---- 4b. interaction latency against the bare twins -------------------------------------

INTERACTION_TIMEOUT = 30_000  # ms for one interaction to settle
CHARTS_DRAWN = """() => !document.querySelector('[data-testid="stSkeleton"]')
  && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
       .every(c => c.querySelector('.main-svg'))"""
# (figure, what the user waits for): the order the report lists them in
INTERACTIONS = (
    ("open Reflect", "the Company field"),
    ("Reflect: Next 1", "step 2's form"),
    ("Reflect: Next 2", "step 3's form"),
    ("Reflect: Save to the drawn radar", "the radar's traces on Results"),
    ("Next steps: Accept on a plan step", "the step's Mark as done"),
    ("sidebar: Home to History", "History's table"),
    ("Progress: a filter change", "every chart drawn again"),
)


class Frames:
    """Counts the messages the page received on Streamlit's websocket. The browser tests'
    run counter (``RUN_COUNTER_SCRIPT``) watches ``data-test-script-state``, but a run that
    starts and ends within one React render (a twin's often does) never changes that
    attribute, so "a run answered the action" is: a message arrived after it."""

    def __init__(self, page) -> None:
        self.count = 0
        page.on("websocket", lambda ws: ws.on("framereceived", self._received))

    def _received(self, _payload) -> None:
        self.count += 1


def wait_until(page, check: Callable[[], bool], what: str, step_ms: int = 5) -> None:
    deadline = time.monotonic() + INTERACTION_TIMEOUT / 1000
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        page.wait_for_timeout(step_ms)  # lets Playwright deliver the websocket events


def settled(page, frames: Frames, before: int, ready=None, charts: bool = False) -> None:
    """Settled after an action: the server answered (a websocket message after it), what the
    user waits for is visible (drawn only by the last run of a chain: ``st.rerun``,
    ``st.switch_page``), and Streamlit's script state is notRunning."""
    wait_until(page, lambda: frames.count > before, "a message from the server")
    if ready is not None:
        ready.wait_for(state="visible", timeout=INTERACTION_TIMEOUT)
    page.wait_for_selector(APP_READY, state="attached", timeout=INTERACTION_TIMEOUT)
    if charts:
        page.wait_for_function(CHARTS_DRAWN, timeout=INTERACTION_TIMEOUT)


def quiet(page, frames: Frames, still_ms: int = 200) -> None:
    """Untimed, before an action: notRunning and no message for ``still_ms`` (a page's first
    load may run twice; an action during a run merges into it)."""
    deadline = time.monotonic() + INTERACTION_TIMEOUT / 1000
    while time.monotonic() < deadline:
        before = frames.count
        page.wait_for_selector(APP_READY, state="attached", timeout=INTERACTION_TIMEOUT)
        page.wait_for_timeout(still_ms)
        if frames.count == before and page.locator(APP_READY).count():
            return
    raise RuntimeError("the page did not come to rest before an action")


PAGE_STATE = """() => ({
  state: document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state'),
  skeletons: document.querySelectorAll('[data-testid="stSkeleton"]').length,
  exceptions: document.querySelectorAll('[data-testid="stException"]').length,
  errors: [...document.querySelectorAll('[data-testid="stAlert"]')].map(a => a.innerText)})"""


def timed_action(page, frames: Frames, action: Callable[[], object], ready=None,
                 charts: bool = False) -> float:  # fmt: skip
    if frames.count:
        quiet(page, frames)
    before = frames.count
    start = time.perf_counter()
    action()
    try:
        settled(page, frames, before, ready, charts)
    except Exception as exc:
        raise RuntimeError(
            f"{page.url}: not settled ({type(exc).__name__}: {exc}); messages before {before}, "
            f"now {frames.count}; page {page.evaluate(PAGE_STATE)}; waited for {ready}"
        ) from exc
    return time.perf_counter() - start


@contextlib.contextmanager
def fresh_page(browser) -> Iterator[tuple]:
    """A new browser context (a new user's session) and its websocket message count."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    frames = Frames(page)
    try:
        yield page, frames
    finally:
        context.close()


def interaction_round(browser, base: str, query: str) -> dict[str, float]:
    """Every interaction once on one server (the app or the twin); ``query`` names the
    example's latest rejection on the app (the twin has no rejections)."""
    took: dict[str, float] = {}
    button = "button"
    with fresh_page(browser) as (page, frames):
        company = page.get_by_label("Company", exact=True)
        took["open Reflect"] = timed_action(
            page, frames, lambda: page.goto(f"{base}/reflect{query}"), company
        )
        step2 = page.get_by_role(button, name="Next: rate yourself")
        took["Reflect: Next 1"] = timed_action(
            page, frames, page.get_by_role(button, name="Next: your reflection").click, step2
        )
        save = page.get_by_role(button, name="Save reflection")
        took["Reflect: Next 2"] = timed_action(page, frames, step2.click, save)
        radar = page.locator(RADAR_DRAWN).first
        took["Reflect: Save to the drawn radar"] = timed_action(page, frames, save.click, radar)
    with fresh_page(browser) as (page, frames):
        accept = page.get_by_role(button, name="Accept: add to my plan").first
        timed_action(page, frames, lambda: page.goto(f"{base}/next_steps{query}"), accept)
        done = page.get_by_role(button, name="Mark as done").first
        took["Next steps: Accept on a plan step"] = timed_action(page, frames, accept.click, done)
        # put the plan back as it was (the app wrote an action): the next round starts the same
        remove = page.get_by_role(button, name="Remove from plan").first
        timed_action(page, frames, remove.click, accept)
    with fresh_page(browser) as (page, frames):
        timed_action(page, frames, lambda: page.goto(f"{base}/{query}"), page.locator("h1").first)
        link = page.get_by_test_id("stSidebarNav").get_by_role("link", name="History")
        table = page.get_by_test_id("stDataFrame").first
        took["sidebar: Home to History"] = timed_action(page, frames, link.click, table)
    with fresh_page(browser) as (page, frames):
        field = page.get_by_label("Company contains")
        timed_action(page, frames, lambda: page.goto(f"{base}/progress"), field, charts=True)
        field.fill("i")  # every example company has an "i": the same charts, computed again
        took["Progress: a filter change"] = timed_action(
            page, frames, lambda: field.press("Enter"), charts=True
        )
    return took


def put_back(db_path: Path, rejection_id: int) -> None:
    """After a round that broke off: no Reflect draft kept and no step accepted, as before."""
    from assessment import drafts, storage

    db = storage.connect(db_path)
    try:
        drafts.discard(db, drafts.REFLECT, rejection_id)
        for action in storage.get_rejection(db, rejection_id).actions:
            storage.remove_action(db, action.id)
    finally:
        db.close()


def interaction(work: Path, repeats: int) -> list[dict]:
    """Each interaction on the app against the same on its bare twin (``twins/``), taking
    turns round by round (the side that goes first alternates), medians over ``repeats``
    rounds after one warm-up round. Every round is a new browser session on each server."""
    from assessment import examples, storage

    check_twins()
    db_path = work / "interaction.db"
    db = storage.connect(db_path)
    examples.load_examples(db, today=dt.date.today())
    latest = storage.latest_rejection_id(db)
    db.close()
    log = work / "interaction.log"
    times: dict[str, dict[str, list[float]]] = {
        name: {"app": [], "twin": []} for name, _ in INTERACTIONS
    }
    with (
        server("app.py", db_path, log) as (app, app_port),
        server(TWINS_APP, db_path, log) as (twin, twin_port),
        chromium() as browser,
    ):
        wait_healthy(app, app_port)
        wait_healthy(twin, twin_port)
        sides = {
            "app": (f"http://127.0.0.1:{app_port}", f"?rejection={latest}"),
            "twin": (f"http://127.0.0.1:{twin_port}", ""),
        }
        retried = 0
        for i in range(repeats + 1):
            order = ["app", "twin"] if i % 2 == 0 else ["twin", "app"]
            for side in order:
                try:
                    took = interaction_round(browser, *sides[side])
                except RuntimeError as exc:  # a busy machine: one more go, then give up
                    print(f"[interaction: {side} round {i} again: {exc}]", file=sys.stderr)
                    retried += 1
                    put_back(db_path, latest)
                    took = interaction_round(browser, *sides[side])
                if i == 0:
                    continue  # warm-up: first imports, first figures, the example save
                for name, seconds in took.items():
                    times[name][side].append(seconds)
    rows = []
    for name, waited_for in INTERACTIONS:
        app_s, twin_s = median(times[name]["app"]), median(times[name]["twin"])
        rows.append(
            row(
                f"interaction: {name} / twin",
                app_s / twin_s,
                TARGET_INTERACTION,
                ms=round(app_s * 1000, 1),
                twin_ms=round(twin_s * 1000, 1),
                until=waited_for,
                rounds_retried=retried,
            )
        )
    return rows


# ---- 5. memory --------------------------------------------------------------------------


def rerun(page, i: int, attempts: int = 4) -> None:
    """Rerun the page in the same session with Streamlit's "r" shortcut (the main menu's
    Rerun) and wait for the run to finish; a key press that brought no rerun is repeated."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _attempt in range(attempts):
        before = page.evaluate("() => window.__runs")
        page.locator("h1").first.click()  # focus the page, not a widget
        page.keyboard.press("r")
        try:
            page.wait_for_function(f"() => window.__runs > {before}", timeout=10_000)
        except PlaywrightTimeout:
            continue
        page.wait_for_selector(APP_READY, timeout=60_000)
        return
    raise RuntimeError(f"rerun {i}: the page did not rerun")


def memory(work: Path, reruns: int = 500, settle: int = 50) -> list[dict]:
    """Server RSS after ``reruns`` reruns of Results in one browser session, minus after the
    first ``settle``. Each rerun is Streamlit's "r" shortcut: the whole page runs again."""
    from assessment import examples, storage

    db_path = work / "memory.db"
    db = storage.connect(db_path)
    examples.load_examples(db, today=dt.date.today())
    latest = storage.latest_rejection_id(db)
    db.close()
    log = work / "memory.log"
    with server("app.py", db_path, log) as (process, port), chromium() as browser:
        wait_healthy(process, port)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.add_init_script(RUN_COUNTER)
        page.goto(f"http://127.0.0.1:{port}/results?rejection={latest}")
        page.wait_for_selector(RADAR_DRAWN, timeout=60_000)
        page.wait_for_selector(APP_READY, timeout=60_000)
        samples = {}
        started = time.perf_counter()
        for i in range(1, reruns + 1):
            rerun(page, i)
            if i in (settle, reruns):
                time.sleep(0.5)
                gc_hint = rss_mb(process.pid)
                samples[i] = gc_hint
        took = time.perf_counter() - started
        page.close()
    growth = samples[reruns] - samples[settle]
    return [
        row(
            f"memory: RSS after {reruns} Results reruns - after {settle}",
            growth,
            TARGET_MEMORY_MB,
            "MB",
            rss_after_settle_mb=round(samples[settle], 1),
            rss_after_all_mb=round(samples[reruns], 1),
            seconds_per_rerun=round(took / reruns, 3),
        )
    ]


# ---- 6. domain speed --------------------------------------------------------------------


def timed(fn: Callable[[], object], repeats: int) -> float:
    fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return median(times)


def feedback_email(chars: int = 5_000) -> str:
    from assessment.examples import example_rejections

    parts = [r.feedback.text for r in example_rejections()]
    text, i = "Hello,\n\n", 0
    while len(text) < chars:
        text += parts[i % len(parts)] + "\n\n"
        i += 1
    return text[:chars]


def domain(work: Path, repeats: int) -> list[dict]:
    from assessment import examples, storage
    from assessment.plan import steps
    from assessment.reading.reader import read_feedback
    from assessment.scoring import assess

    db = storage.connect(work / "domain.db")
    examples.load_examples(db, today=dt.date.today())
    rid = storage.latest_rejection_id(db)
    rejection = storage.get_rejection(db, rid)
    today = dt.date.today()
    score = timed(lambda: assess(rejection.self_ratings, rejection.feedback.ratings), repeats * 10)
    plan = timed(lambda: steps.build_plan(db, rid, today=today), repeats)
    db.close()
    email = feedback_email()
    read = timed(lambda: read_feedback(email), repeats)
    long_text = feedback_email(50_000)
    ordinary = timed(lambda: read_feedback(long_text), max(1, repeats // 3))
    worst_unit, worst = "", 0.0
    for unit in DEGENERATE_UNITS:
        text = (unit * 50_000)[:50_000]
        took = timed(lambda text=text: read_feedback(text), 1)
        if took > worst:
            worst_unit, worst = unit, took
    imports = []
    for i in range(3):
        imports.append(make_db(work / f"import{i}.db", 10_000))
    return [
        row("domain: scoring one rejection", score * 1000, None, "ms"),
        row("domain: next steps (build_plan) for one rejection", plan * 1000, None, "ms"),
        row(
            "domain: feedback reader on a 5,000-character email",
            read * 1000,
            TARGET_READER_MS,
            "ms",
        ),
        row(
            "domain: feedback reader, worst degenerate 50,000 characters vs ordinary ones",
            worst / ordinary,
            TARGET_DEGENERATE,
            unit=repr(worst_unit),
        ),
        row("domain: import of 10,000 rejections", median(imports), None, "s"),
    ]


# ---- profiling --------------------------------------------------------------------------


def profile(name: str, work: Path, count: int, reruns: int) -> Path:
    """A pyinstrument profile of ``reruns`` AppTest reruns of one page (or the baseline).

    The page runs in Streamlit's script thread, so the profiler is started and stopped there,
    around each run of the script, and the runs' sessions are combined."""
    from pyinstrument import Profiler
    from pyinstrument.renderers import ConsoleRenderer
    from pyinstrument.session import Session
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

    db_path = work / f"profile{count}.db"
    make_db(db_path, count)
    if name in ("baseline", "bare_form"):
        page = Page({"baseline": BASELINE, "bare_form": BARE_FORM}[name], db_path)
    else:
        page = Page(APP, db_path, PAGES[name])
    for _ in range(3):
        page.run()
    sessions: list[Session] = []
    original = ScriptRunner._run_script

    def profiled(self, rerun_data):
        profiler = Profiler(interval=0.0005, async_mode="disabled")
        profiler.start()
        try:
            return original(self, rerun_data)
        finally:
            sessions.append(profiler.stop())

    ScriptRunner._run_script = profiled
    try:
        for _ in range(reruns):
            page.run()
    finally:
        ScriptRunner._run_script = original
    combined = sessions[0]
    for more in sessions[1:]:
        combined = Session.combine(combined, more)
    profiler = Profiler()
    profiler._last_session = combined
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"profile-{name}-{count}.txt"
    out.write_text(profiler.output_text(unicode=False, color=False, show_all=False))
    (RESULTS / f"profile-{name}-{count}.html").write_text(profiler.output_html())
    # The same, every frame shown, as a flat list of where the time is spent (the tree hides
    # Streamlit's and plotly's own frames, which is where most of a page's rerun goes).
    flat = ConsoleRenderer(show_all=True, flat=True, flat_time="self", unicode=False, color=False)
    (RESULTS / f"profile-{name}-{count}-flat.txt").write_text(flat.render(combined))
    return out


# ---- the report -------------------------------------------------------------------------

FIGURES = {
    "rerun": rerun_cost,
    "scaling": history_scaling,
    "cold": cold_start,
    "radar": time_to_radar,
    "interaction": interaction,
    "memory": memory,
    "domain": domain,
}


def table(rows: list[dict]) -> str:
    lines = [f"{'figure':<62} {'value':>10} {'target':>8}  result  detail", "-" * 110]
    for r in rows:
        value = r["value"]
        shown = f"{value:.2f} {r['unit']}" if isinstance(value, float | int) else str(value)
        target = r["target"]
        target_text = "" if target is None else (f"<= {target}" if not isinstance(target, str)
                                                  else target)  # fmt: skip
        result = "" if r["pass"] is None else ("pass" if r["pass"] else "FAIL")
        detail = ", ".join(f"{k} {r[k]}" for k in ("ms", "twin_ms", "floor_ms", "ms_10", "ms_10000")
                           if k in r)  # fmt: skip
        lines.append(f"{r['figure']:<62} {shown:>10} {target_text:>8}  {result:<6}  {detail}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=list(FIGURES), help="figures to measure")
    parser.add_argument("--pages", nargs="+", choices=list(PAGES), help="pages to measure")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, for a smoke run")
    parser.add_argument("--profile", metavar="PAGE", help="profile one page's reruns and stop")
    parser.add_argument("--rejections", type=int, default=10_000, help="history for --profile")
    parser.add_argument("--out", type=Path, default=RESULTS / "results.json")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    if args.pages:
        for name in set(PAGES) - set(args.pages):
            del PAGES[name]
    import logging

    # AppTest's main thread touches the script context outside a run; that warning is noise.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(
        logging.ERROR
    )
    with tempfile.TemporaryDirectory(prefix="rebound-bench-") as tmp:
        work = Path(tmp)
        if args.profile:
            out = profile(args.profile, work, args.rejections, 10 if args.quick else 30)
            print(out.read_text())
            print(f"Profile written to {out} (and .html)")
            return 0
        repeats = {
            "rerun": 5 if args.quick else 25,
            "scaling": 3 if args.quick else 15,
            "cold": 2 if args.quick else 7,
            "radar": 3 if args.quick else 11,
            "interaction": 3 if args.quick else 7,
            "domain": 5 if args.quick else 25,
        }
        rows: list[dict] = []
        for name in args.only or list(FIGURES):
            started = time.perf_counter()
            try:
                if name == "memory":
                    rows += memory(work, reruns=100 if args.quick else 500, settle=50)
                else:
                    rows += FIGURES[name](work, repeats[name])
            except Exception as exc:  # one broken figure must not lose the others
                rows.append(
                    {"figure": f"{name}: did not finish", "value": type(exc).__name__,
                     "unit": "", "target": None, "pass": False, "error": str(exc)[-500:]}
                )  # fmt: skip
            print(f"[{name}: {time.perf_counter() - started:.0f} s]", file=sys.stderr)
    print(table(rows))
    checked = [r for r in rows if r["pass"] is not None]
    failed = [r for r in checked if not r["pass"]]
    print(f"\n{len(checked) - len(failed)} of {len(checked)} targets met.")
    report = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "quick": args.quick,
        "figures": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"Written to {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
