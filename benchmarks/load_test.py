"""Load test: many real browser sessions against one running Rebound server, for a bounded time.

    python benchmarks/load_test.py                       # 30 sessions for 60 s
    python benchmarks/load_test.py --sessions 40 --seconds 120 --rejections 500

Run by hand, not part of the test run. The script makes a database with example data, starts
``streamlit run app.py`` on 127.0.0.1 (a free port), opens ``--sessions`` headless Chromium
pages (one browser context each, so each is its own Streamlit session) and has every session
go round Home, Results, Next steps (with a tone check), History and Progress until the time is
up. A *rerun* is one user action (a page switch from the sidebar, a chooser change or a button
press) measured from the click until the app reports that the script run finished.

It reports the median and 95th percentile rerun times, and the server's resident memory: "cold"
(started, app not run yet), "before" (after one warm-up session went through every page, so
the app's modules are loaded), during the load (median and peak) and after the sessions end
(5 s later, and ``--settle`` seconds later, past Streamlit's 120 s disconnected-session TTL),
with whether memory came back within 25 % of "before". The server is always stopped.
Results go to stdout and to ``benchmarks/results/load_test.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT))

from assessment import backup, examples, storage  # noqa: E402
from assessment.models import Rejection  # noqa: E402

sys.path.insert(0, str(ROOT / "tests" / "browser"))
from browser_helpers import CHROMIUM_ARGS, find_chromium, free_port, healthy  # noqa: E402

CHROMIUM = find_chromium() or "/usr/bin/chromium"
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
# Counts finished script runs in the page so a finished *new* run can be told from the old
# state. It reads each record's old value: a fast run can go running -> notRunning before the
# observer is called, and by then the attribute itself says notRunning again.
RUN_COUNTER = """
window.__runs = 0;
new MutationObserver((ms) => {
  for (const m of ms) {
    if (m.oldValue === 'running') window.__runs += 1;
  }
}).observe(document, {attributes: true, subtree: true, attributeOldValue: true,
                      attributeFilter: ['data-test-script-state']});
"""
NEAR_START = 1.25  # "back near its start": within 25 % of the memory before the load
NAV = ["Home", "Results", "Next steps", "History", "Progress"]


# ---- the server ------------------------------------------------------------------------


def rss_bytes(pid: int) -> int:
    """Resident memory of the server process (psutil if installed, else /proc)."""
    try:
        import psutil

        return psutil.Process(pid).memory_info().rss
    except ImportError:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    return 0


def make_database(path: Path, rejections: int) -> None:
    """The example data set plus generated rejections, all of the local owner."""
    db = storage.connect(path)
    try:
        examples.load_examples(db)
        rng = random.Random(7)
        extra = []
        for i in range(max(0, rejections - 3)):
            day = dt.date.today() - dt.timedelta(days=3 + i)
            base = rng.choice(examples.example_rejections(day + dt.timedelta(days=60)))
            extra.append(
                Rejection(
                    **{
                        **{f: getattr(base, f) for f in base.__dataclass_fields__},
                        "id": None,
                        "company": f"{base.company} {i}",
                        "rejected_on": day,
                        "interviewed_on": day - dt.timedelta(days=5),
                        "actions": (),
                    }
                )
            )
        backup.import_rejections(db, extra)
    finally:
        db.close()


@contextlib.contextmanager
def running_server(db_path: Path, log_path: Path):
    port = free_port()
    env = {**os.environ, "REBOUND_DB": str(db_path)}
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
        try:
            deadline = time.monotonic() + 60
            while not healthy(port):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start; see {log_path}")
                time.sleep(0.2)
            yield process, port
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


class MemorySampler(threading.Thread):
    """Samples the server's resident memory every ``every`` seconds, labelled by phase."""

    def __init__(self, pid: int, every: float = 0.5):
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.phase = "cold"
        self.samples: list[tuple[str, float, int]] = []
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            with contextlib.suppress(OSError):
                self.samples.append((self.phase, time.monotonic(), rss_bytes(self.pid)))
            self._halt.wait(self.every)

    def stop(self) -> None:
        self._halt.set()
        self.join()

    def of(self, phase: str) -> list[int]:
        return [rss for p, _t, rss in self.samples if p == phase]


# ---- one session -----------------------------------------------------------------------


async def wait_for_run(page, runs_before: int, timeout: float = 300_000) -> None:
    """Until a script run that started after ``runs_before`` has finished."""
    await page.wait_for_function(
        """(before) => window.__runs > before && document.querySelector(
            '[data-testid="stApp"][data-test-script-state="notRunning"]') !== null""",
        arg=runs_before,
        timeout=timeout,
        polling=25,
    )


class NoRerun(Exception):
    """An action after which no script run came (counted, then the session reloads)."""


async def timed(page, action) -> float:
    before = await page.evaluate("() => window.__runs")
    start = time.perf_counter()
    await action()
    try:
        await wait_for_run(page, before, timeout=60_000)
    except Exception as exc:
        raise NoRerun from exc
    return time.perf_counter() - start


async def session(browser, base_url: str, n: int, out: dict, ready, go, clock: dict) -> None:
    """Open the app, say ready, wait for the others, then act until the time is up."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    await context.add_init_script(RUN_COUNTER)
    page = await context.new_page()
    page.set_default_timeout(300_000)
    rng = random.Random(n)
    try:
        try:
            await page.goto(base_url + "/", timeout=300_000)
            await page.wait_for_selector(READY, state="attached", timeout=300_000)
            out["connected"] += 1
        finally:
            ready.set_result(None)
        await go.wait()
        until = clock["until"]
        current = "Home"
        while time.monotonic() < until:
            name = rng.choice([n for n in NAV if n != current])  # the page shown runs nothing
            link = page.get_by_test_id("stSidebar").get_by_role("link", name=name)
            try:
                out["reruns"].append(await timed(page, link.click))
                current = name
            except NoRerun:
                out["no_rerun"].append(f"{current} -> {name}")
                await page.goto(base_url + "/")
                await page.wait_for_selector(READY, state="attached")
                current = "Home"
                continue
            if name == "Next steps" and time.monotonic() < until:
                box = page.get_by_label("Your reply", exact=True)
                await box.fill("Thank you for your time. I would love any feedback you can share.")
                button = page.get_by_role("button", name="Check tone")
                out["reruns"].append(await timed(page, button.click))
            if name == "Results" and time.monotonic() < until:
                chooser = page.get_by_role("combobox", name="Rejection", exact=True)
                await chooser.click()
                option = page.get_by_role("option", selected=False).nth(rng.randrange(5))
                out["reruns"].append(await timed(page, option.click))
            exceptions = await page.get_by_test_id("stException").count()
            out["exceptions"] += exceptions
    except Exception as exc:  # a session that fails is counted, the others go on
        out["errors"].append(f"session {n}: {type(exc).__name__}: {str(exc)[:200]}")
    finally:
        await context.close()


async def warm_up(browser, base_url: str) -> None:
    """One session through every page, so that "before" is a server with the app loaded."""
    context = await browser.new_context()
    await context.add_init_script(RUN_COUNTER)
    page = await context.new_page()
    await page.goto(base_url + "/")
    await page.wait_for_selector(READY, state="attached", timeout=120_000)
    for name in [*NAV[1:], NAV[0]]:  # starts on Home: a link to the page shown runs nothing
        link = page.get_by_test_id("stSidebar").get_by_role("link", name=name)
        await timed(page, link.click)
    await context.close()


async def load(base_url: str, sessions: int, seconds: float, sampler: MemorySampler) -> dict:
    from playwright.async_api import async_playwright

    out: dict = {"reruns": [], "errors": [], "exceptions": 0, "connected": 0, "no_rerun": []}
    async with async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            await warm_up(browser, base_url)
            sampler.phase = "before"
            await asyncio.sleep(5)
            # Ramp up: every session opens the app (a page load is not a rerun), then all of
            # them start acting at once, so the measured time has every session live.
            sampler.phase = "ramp_up"
            loop = asyncio.get_running_loop()
            go, clock, readies, tasks = asyncio.Event(), {}, [], []
            for n in range(sessions):
                ready = loop.create_future()
                readies.append(ready)
                tasks.append(
                    asyncio.create_task(session(browser, base_url, n, out, ready, go, clock))
                )
                await asyncio.sleep(0.5)
            await asyncio.gather(*readies)
            sampler.phase = "during"
            out["started"] = time.monotonic()
            clock["until"] = out["started"] + seconds
            go.set()
            await asyncio.gather(*tasks)
            out["ended"] = time.monotonic()
        finally:
            await browser.close()
    return out


# ---- report ----------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def mb(value: float) -> float:
    return round(value / 1024 / 1024, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--rejections", type=int, default=200, help="rows in the database")
    parser.add_argument(
        "--settle",
        type=float,
        default=150,
        help="seconds to watch memory after the sessions end (Streamlit keeps a disconnected "
        "session for server.disconnectedSessionTTL, 120 s by default)",
    )
    args = parser.parse_args()
    # ``kill <pid>`` ends the run through the ``finally`` blocks, which stop the server.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "rebound.db"
        make_database(db_path, args.rejections)
        log_path = Path(folder) / "server.log"
        with running_server(db_path, log_path) as (process, port):
            sampler = MemorySampler(process.pid)
            sampler.start()
            time.sleep(3)  # an idle server that has not run the app yet ("cold")
            result = asyncio.run(
                load(f"http://127.0.0.1:{port}", args.sessions, args.seconds, sampler)
            )
            load_seconds = result["ended"] - result["started"]
            sampler.phase = "after_5s"
            time.sleep(5)
            sampler.phase = "after_settle"
            time.sleep(max(0.0, args.settle - 10))
            sampler.phase = "end"
            time.sleep(5)
            sampler.stop()
            log_text = log_path.read_text(errors="replace")
        # the server is stopped here
    reruns = result["reruns"]
    cold = statistics.median(sampler.of("cold"))
    before = statistics.median(sampler.of("before"))
    during = sampler.of("during")
    after_5 = statistics.median(sampler.of("after_5s"))
    after = statistics.median(sampler.of("end") or sampler.of("after_settle"))
    report = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "sessions": args.sessions,
        "seconds": args.seconds,
        "load_seconds": round(load_seconds, 1),
        "rejections_in_db": args.rejections,
        "cpus": os.cpu_count(),
        "sessions_connected": result["connected"],
        "reruns": len(reruns),
        "rerun_median_s": round(statistics.median(reruns), 3) if reruns else None,
        "rerun_p95_s": round(percentile(reruns, 0.95), 3) if reruns else None,
        "rerun_max_s": round(max(reruns), 3) if reruns else None,
        "memory_cold_mb": mb(cold),
        "memory_before_mb": mb(before),
        "memory_during_median_mb": mb(statistics.median(during)),
        "memory_during_peak_mb": mb(max(during)),
        "memory_after_5s_mb": mb(after_5),
        "memory_after_mb": mb(after),
        "memory_after_seconds": args.settle,
        "memory_back_near_start": after <= before * NEAR_START,
        "session_errors": result["errors"],
        "clicks_without_rerun": result["no_rerun"],
        "exception_boxes_seen": result["exceptions"],
        "server_tracebacks": log_text.count("Traceback (most recent call last)"),
        "server_traceback_samples": [
            "Traceback" + block[:3000]
            for block in log_text.split("Traceback")[1:4]  # the first three, to look into
        ],
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "load_test.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))
    print(
        f"\n{result['connected']} of {args.sessions} sessions live, {len(reruns)} reruns in "
        f"{load_seconds:.0f} s: "
        f"median {report['rerun_median_s']} s, p95 {report['rerun_p95_s']} s. Server memory "
        f"{report['memory_before_mb']} MB before, {report['memory_during_median_mb']} MB during "
        f"(peak {report['memory_during_peak_mb']} MB), {report['memory_after_mb']} MB "
        f"{args.settle:.0f} s after: "
        + ("back near its start." if report["memory_back_near_start"] else "NOT back near start.")
    )
    return 0 if not result["errors"] and not report["server_tracebacks"] else 1


if __name__ == "__main__":
    sys.exit(main())
