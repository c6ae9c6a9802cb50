"""Capacity without browsers: how many sessions one server holds at a p95 rerun under 500 ms.

    python benchmarks/capacity.py                  # levels up to 120 sessions, 60 s each
    python benchmarks/capacity.py --quick          # up to 80 sessions, 20 s each: a smoke run
    python benchmarks/capacity.py --max-sessions 60 --seconds 45 --processes 1 2

Run by hand, not part of the test run. ``load_client.py`` opens the sessions over Streamlit's
own websocket protocol, so the client costs little next to the server (its own CPU is
reported). The app runs as a shared deployment (``REBOUND_SHARED=1``, an ``[auth]`` section),
each simulated user logged in as their own account through a signed login cookie, so no
identity provider is called and no two users share data or drafts. The bare radar app
(``plain_radar_app.py``, the plain plotly radar behind a router like ``app.py``'s, if it
exists, else ``plain_radar_page.py`` or ``baseline_page.py``) runs under the same client and
think time: eight reruns of its radar page per path.

Every server is started first: the app, the bare app, and for each K of ``--processes``
(1 and 2; 1, 2 and 3 in the full run) K processes of ``app.py`` over the same SQLite file
(WAL) behind nginx on a free loopback port, sticky by client address (``ip_hash``; each
simulated user connects from its own 127.0.N.1 address). Then, level by level (1, 2, 3, 5,
10, 15, 20, 30, 40, 60, 80, 100, 120 sessions), each server in turn gets that many new users
for ``--seconds``, so that all of them share whatever else the machine is doing. A server
stops after two levels in a row whose p95 rerun was 500 ms or more (or had errors); it holds
the largest level it held. Reported: that level, the server's CPU per rerun
(``/proc/<pid>/stat``) and memory per session there, and memory after the sessions end: the
servers run with ``server.disconnectedSessionTTL`` = 10 s instead of 120 s, and one new
visitor opens and closes a tab after it, which is when Streamlit drops the expired sessions.

Every server and nginx are stopped in ``finally``. Results go to stdout and to
``benchmarks/results/capacity.json``, with the machine it ran on; the exit code is 1 when a
target is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import platform
import random
import secrets
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import streamlit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE))

import load_client  # noqa: E402
from load_test import make_database, percentile, rss_bytes  # noqa: E402

sys.path.insert(0, str(ROOT / "tests" / "browser"))
from browser_helpers import free_port, healthy  # noqa: E402

P95_LIMIT = 0.5  # seconds
CAPACITY_RATIO = 0.70  # the app holds at least this share of the bare app's sessions
MEMORY_BACK = 1.10  # memory after the sessions end, over memory before
SESSION_TTL = 10  # server.disconnectedSessionTTL for the benchmark (Streamlit's default: 120)
LEVELS = (1, 2, 3, 5, 10, 15, 20, 30, 40, 60, 80, 100, 120)
TICKS = os.sysconf("SC_CLK_TCK")


def bare_script() -> Path:
    """The bare radar app: plain plotly behind a router like ``app.py``'s, if it is there."""
    for name in ("plain_radar_app.py", "plain_radar_page.py"):
        if (HERE / name).exists():
            return HERE / name
    return HERE / "baseline_page.py"


# ---- processes ------------------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def streamlit_servers(
    script: Path, db_path: Path, count: int, folder: Path, cookie_secret: str | None = None
) -> Iterator[list]:
    """``count`` Streamlit processes of ``script`` on free loopback ports: [(process, port)].
    With ``cookie_secret``, a shared deployment (``REBOUND_SHARED=1`` and an ``[auth]``
    section whose identity provider is never called: the client brings signed cookies)."""
    env = {**os.environ, "REBOUND_DB": str(db_path)}
    options: list[str] = []
    if cookie_secret:
        env["REBOUND_SHARED"] = "1"
        secrets_file = folder / "secrets.toml"
        secrets_file.write_text(SECRETS.format(cookie_secret=cookie_secret))
        options = ["--secrets.files", str(secrets_file)]
    started: list[tuple[subprocess.Popen, int]] = []
    try:
        for _ in range(count):
            port = free_port()
            command = [
                sys.executable, "-m", "streamlit", "run", str(script),
                "--server.address", "127.0.0.1",
                "--server.port", str(port),
                "--server.headless", "true",
                "--server.fileWatcherType", "none",
                "--server.disconnectedSessionTTL", str(SESSION_TTL),
                "--browser.gatherUsageStats", "false",
                *options,
            ]  # fmt: skip
            log = open(folder / f"server-{script.stem}-{port}.log", "wb")  # noqa: SIM115
            process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
            log.close()
            started.append((process, port))
        deadline = time.monotonic() + 90
        for process, port in started:
            while not healthy(port):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"a server did not start; see the logs in {folder}")
                time.sleep(0.2)
        yield started
    finally:
        for process, _port in started:
            stop(process)


SECRETS = """\
[auth]
redirect_uri = "http://127.0.0.1/oauth2callback"
cookie_secret = "{cookie_secret}"
client_id = "capacity-benchmark"
client_secret = "capacity-benchmark"
server_metadata_url = "http://127.0.0.1:9/.well-known/openid-configuration"
"""

NGINX_CONF = """\
worker_processes 1;
error_log {folder}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    upstream rebound {{
        ip_hash;  # sticky: one client address, one Streamlit process
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://rebound;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection "upgrade";
            proxy_set_header Host $http_host;  # with the port: the Origin check compares it
            proxy_read_timeout 86400;
        }}
    }}
}}
"""


@contextlib.contextmanager
def nginx(ports: list[int], folder: Path) -> Iterator[tuple[int, int]]:
    """nginx on a free loopback port in front of ``ports``: (its port, its pid)."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        raise RuntimeError("nginx is not installed (apt-get install -y nginx)")
    port = free_port()
    folder = folder / f"nginx-{port}"
    folder.mkdir()
    servers = "\n".join(f"        server 127.0.0.1:{p};" for p in ports)
    conf = folder / "nginx.conf"
    conf.write_text(NGINX_CONF.format(folder=folder, servers=servers, port=port))
    log = open(folder / "nginx.log", "wb")  # noqa: SIM115
    process = subprocess.Popen(
        [binary, "-c", str(conf), "-p", str(folder), "-g", f"daemon off; pid {folder}/nginx.pid;"],
        stdout=log,
        stderr=log,
    )
    log.close()
    try:
        deadline = time.monotonic() + 20
        while not healthy(port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nginx did not start; see {folder}/nginx-error.log")
            time.sleep(0.2)
        yield port, process.pid
    finally:
        stop(process)


# ---- the search -----------------------------------------------------------------------


@dataclass
class Target:
    name: str
    path: str  # a key of load_client.PATHS
    ws_url: str
    pids: list[int]  # the Streamlit processes behind ws_url
    cookie_secret: str | None = None  # each user logs in as their own account ...
    accounts: str = "user"  # ... named <accounts>-<level>-<seed>-<n>
    spread_addresses: bool = False  # one 127.0.N.1 source address per user (for ip_hash)


def address_of(n: int) -> str:
    return f"127.0.{n % 250 + 1}.1"


def rss_total(pids: list[int]) -> int:
    return sum(rss_bytes(pid) for pid in pids)


def cpu_total(pids: list[int]) -> float:
    return sum(cpu_seconds(pid) for pid in pids)


async def one_visit(target: Target) -> None:
    """A new visitor opens a tab and closes it (a write to Streamlit's session storage, which
    is when it drops the expired sessions)."""
    login = load_client.Login(target.cookie_secret, "visitor") if target.cookie_secret else None
    session = load_client.Session(target.ws_url, login=login)
    try:
        await session.open()
    finally:
        await session.close()


async def one_level(target: Target, level: int, seconds: float, seed: int, before: int) -> dict:
    """``level`` new users on ``target`` for ``seconds`` (after they have opened the app)."""
    stats, stop_users = load_client.Stats(), asyncio.Event()
    tasks: list[asyncio.Task] = []
    try:
        ramp = max(2.0, level * 0.1)
        for n in range(level):
            tasks.append(
                asyncio.create_task(
                    load_client.user(
                        target.ws_url,
                        target.path,
                        n,
                        stats,
                        stop_users,
                        local_address=address_of(n) if target.spread_addresses else None,
                        cookie_secret=target.cookie_secret,
                        accounts=f"{target.accounts}-{level}",
                        seed=seed,
                    )
                )
            )
            await asyncio.sleep(ramp / level)
        await asyncio.sleep(3)  # every user has opened the app
        start, cpu_at, client_at = time.monotonic(), cpu_total(target.pids), time.process_time()
        memory: list[int] = []
        while time.monotonic() < start + seconds:
            await asyncio.sleep(0.5)
            memory.append(rss_total(target.pids))
        end = time.monotonic()
        cpu = cpu_total(target.pids) - cpu_at
        client = time.process_time() - client_at
    finally:
        stop_users.set()
        await asyncio.gather(*tasks, return_exceptions=True)
    timed = [(took, name) for ended, took, name in stats.reruns if start <= ended < end]
    window = [took for took, _name in timed]
    by_action: dict[str, list[float]] = {}
    for took, name in timed:
        by_action.setdefault(name, []).append(took)
    p95 = percentile(window, 0.95) if window else None
    errors = stats.errors
    row = {
        "sessions": level,
        "reruns": len(window),
        "reruns_per_s": round(len(window) / (end - start), 1),
        "p50_ms": round(statistics.median(window) * 1000) if window else None,
        "p95_ms": round(p95 * 1000) if p95 is not None else None,
        "server_cpu_ms_per_rerun": round(cpu / len(window) * 1000, 1) if window else None,
        "server_cpu_share": round(cpu / (end - start) / (os.cpu_count() or 1), 2),
        "client_cpu_share": round(client / (end - start) / (os.cpu_count() or 1), 2),
        "load_average_1min": round(os.getloadavg()[0], 1),
        "memory_mb": mb(statistics.median(memory)),
        "memory_per_session_mb": round((statistics.median(memory) - before) / level / 2**20, 2),
        "p95_ms_by_action": {
            name: round(percentile(values, 0.95) * 1000) for name, values in by_action.items()
        },
        "error_count": len(errors),
        "errors": errors[:5],
    }
    row["held"] = bool(window) and p95 < P95_LIMIT and not errors
    return row


async def idle_memory(targets: list[Target]) -> list[int]:
    """Each target's memory once its disconnected sessions have expired and been dropped."""
    await asyncio.sleep(SESSION_TTL + 2)
    for target in targets:
        await one_visit(target)
    await asyncio.sleep(5)
    return [rss_total(target.pids) for target in targets]


async def take_turns(targets: list[Target], levels: list[int], seconds: float, seed: int):
    """The capacity search of every target, level by level, the targets taking turns at each
    level so that they share whatever else the machine is doing. A target stops after two
    levels in a row missed the p95 limit; it holds the largest level it held."""
    befores = await idle_memory(targets)
    rows: dict[str, list[dict]] = {t.name: [] for t in targets}
    missed = dict.fromkeys(rows, 0)
    for level in levels:
        for target, before in zip(targets, befores, strict=True):
            if missed[target.name] >= 2:
                continue
            row = await one_level(target, level, seconds, seed, before)
            rows[target.name].append(row)
            missed[target.name] = 0 if row["held"] else missed[target.name] + 1
            print(f"  {target.name}: {row}", flush=True)
        if all(m >= 2 for m in missed.values()):
            break
    afters = await idle_memory(targets)
    results = []
    for target, before, after in zip(targets, befores, afters, strict=True):
        held = [r for r in rows[target.name] if r["held"]]
        best = held[-1] if held else None
        results.append(
            {
                "target": target.name,
                "processes": len(target.pids),
                "levels": rows[target.name],
                "sessions_held": best["sessions"] if best else 0,
                "saturated": missed[target.name] >= 2,
                "at_held": best,
                "memory_before_mb": mb(before),
                "memory_after_mb": mb(after),
                "memory_after_over_before": round(after / before, 3),
            }
        )
    return results


def mb(value: float) -> float:
    return round(value / 2**20, 1)


# ---- checks before measuring ----------------------------------------------------------


async def verify_app(ws_url: str, db_path: Path, cookie_secret: str) -> str:
    """One user through the whole path with no think time: no exception on any page, the
    reflection saved under their own account, a step accepted. Returns what was checked."""
    session = load_client.Session(ws_url, login=load_client.Login(cookie_secret, "check"))
    try:
        await session.open()
        for _name, action in await load_client.app_path(session, random.Random(0), 9999, 0):
            await action()
        rejection_id = int(session.query("rejection"))
    finally:
        await session.close()
    with contextlib.closing(sqlite3.connect(db_path)) as db:
        row = db.execute("SELECT company, owner FROM rejections WHERE id = ?", (rejection_id,))
        company, owner = row.fetchone() or (None, None)
        accepted = db.execute(
            "SELECT count(*) FROM actions WHERE rejection_id = ?", (rejection_id,)
        ).fetchone()[0]
    if company != "Load 9999-0" or owner != "oidc:https://load.invalid#check" or accepted < 1:
        raise RuntimeError(f"the path did not save: rejection {rejection_id} {company!r} of "
                           f"{owner!r}, {accepted} accepted steps")  # fmt: skip
    return (
        f"rejection {rejection_id} ({company}) saved for {owner}, {accepted} step accepted, "
        "no exceptions"
    )


async def warm_bare(ws_url: str) -> None:
    session = load_client.Session(ws_url)
    try:
        await session.open()
        for _name, action in await load_client.bare_path(session, random.Random(0), 0, 0):
            await action()
    finally:
        await session.close()


# ---- the run --------------------------------------------------------------------------


def machine() -> dict:
    model = ""
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as f:
        model = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), "")
    memory = 0
    with contextlib.suppress(OSError), open("/proc/meminfo") as f:
        memory = int(next(ln for ln in f if ln.startswith("MemTotal")).split()[1]) * 1024
    nginx_version = ""
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        nginx_version = subprocess.run(
            ["nginx", "-v"], capture_output=True, text=True, timeout=10
        ).stderr.strip()
    return {
        "cpu": model,
        "cpus": os.cpu_count(),
        "memory_gb": round(memory / 2**30, 1),
        "load_average_at_start": os.getloadavg(),
        "system": platform.platform(),
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "nginx": nginx_version,
        "shared": "the machine was shared with other work during the run",
    }


async def run(folder: Path, db_path: Path, args, levels: list[int]) -> tuple[list, str]:
    """Start every server (the app, the bare app, K app processes behind nginx for each K),
    check and warm them, then search their capacity taking turns."""
    secret = secrets.token_urlsafe(32)
    with contextlib.ExitStack() as stack:
        ((app, app_port),) = stack.enter_context(  # fmt: skip
            streamlit_servers(ROOT / "app.py", db_path, 1, folder, secret)
        )
        ((bare, bare_port),) = stack.enter_context(  # fmt: skip
            streamlit_servers(bare_script(), db_path, 1, folder)
        )
        targets = [
            Target("app", "app", ws(app_port), [app.pid], secret, "app"),
            Target("bare", "bare", ws(bare_port), [bare.pid], None, "bare"),
        ]
        checked = await verify_app(ws(app_port), db_path, secret)
        print(f"app: {checked}", flush=True)
        await warm_bare(ws(bare_port))
        for k in args.processes:
            servers = stack.enter_context(
                streamlit_servers(ROOT / "app.py", db_path, k, folder, secret)
            )
            proxy_port, _pid = stack.enter_context(nginx([p for _s, p in servers], folder))
            for _server, port in servers:  # each process has run every page once
                await verify_app(ws(port), db_path, secret)
            pids = [server.pid for server, _port in servers]
            targets.append(
                Target(f"app x{k} behind nginx", "app", ws(proxy_port), pids, secret, f"k{k}", True)
            )
        return await take_turns(targets, levels, args.seconds, args.seed), checked


def ws(port: int) -> str:
    return f"ws://127.0.0.1:{port}/_stcore/stream"


def table(report: dict) -> list[tuple[str, str, str, str]]:
    app, bare = report["app"], report["bare"]
    rows = []
    ratio = app["sessions_held"] / bare["sessions_held"] if bare["sessions_held"] else 0.0
    note = "" if bare["saturated"] else " (bare not saturated: a lower bound)"
    rows.append(
        (
            "sessions held, p95 rerun < 500 ms: app / bare",
            f"{app['sessions_held']} / {bare['sessions_held']} = {ratio:.2f}{note}",
            f">= {CAPACITY_RATIO:.2f}",
            "pass" if ratio >= CAPACITY_RATIO else "fail",
        )
    )
    for result in (app, bare):
        at = result["at_held"] or {}
        rows.append(
            (
                f"{result['target']}: p95 / CPU per rerun / memory per session at the level held",
                f"{at.get('p95_ms')} ms / {at.get('server_cpu_ms_per_rerun')} ms / "
                f"{at.get('memory_per_session_mb')} MB",
                "reported",
                "",
            )
        )
        back = result["memory_after_over_before"]
        rows.append(
            (
                f"{result['target']}: memory after the sessions end / before",
                f"{result['memory_after_mb']} / {result['memory_before_mb']} MB = {back:.2f}",
                f"<= {MEMORY_BACK:.2f}",
                "pass" if back <= MEMORY_BACK else "fail",
            )
        )
    for result in (app, bare):
        rows.append(
            (
                f"{result['target']}: sessions at one full core (CPU ceiling)",
                f"{cpu_ceiling(result)}",
                "reported",
                "",
            )
        )
    for result in report["proxied"]:
        rows.append(
            (
                f"{result['target']}: sessions held",
                str(result["sessions_held"]) + ("" if result["saturated"] else " (not saturated)"),
                "reported",
                "",
            )
        )
    return rows


def cpu_ceiling(result: dict) -> int | None:
    """How many users one process could serve before its one core (the interpreter lock) is
    full: a core's second over what one user costs a second, that is the reruns a second of
    one user (at the largest level held, where nobody waited long) times the median CPU per
    rerun over the levels. Independent of the p95 limit."""
    rows = [r for r in result["levels"] if r["reruns"] and r["server_cpu_ms_per_rerun"]]
    if not rows:
        return None
    calm = result["at_held"] or rows[0]
    cpu = statistics.median(r["server_cpu_ms_per_rerun"] for r in rows)
    return round(1000 / (calm["reruns_per_s"] / calm["sessions"] * cpu))


def print_table(report: dict) -> None:
    m = report["machine"]
    print(f"\n{m['cpus']} x {m['cpu']}, {m['memory_gb']} GB, Streamlit {m['streamlit']}, "
          f"load average at start {m['load_average_at_start']}; bare app: "
          f"{report['bare_script']}; server tracebacks: {report['server_tracebacks']}")  # fmt: skip
    width = max(len(r[0]) for r in report["table"])
    for figure, value, target, verdict in report["table"]:
        print(f"{figure:<{width}}  {value:<34}  {target:<9}  {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="20 s levels up to 80 sessions")
    parser.add_argument("--max-sessions", type=int, default=None)
    parser.add_argument("--seconds", type=float, default=None, help="seconds per level")
    parser.add_argument("--processes", type=int, nargs="*", default=None, help="K behind nginx")
    parser.add_argument("--rejections", type=int, default=200, help="rows in the database")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--table", action="store_true", help="print the table of the last run's JSON again"
    )
    args = parser.parse_args()
    if args.table:
        report = json.loads((RESULTS / "capacity.json").read_text())
        report["table"] = table(report)
        print_table(report)
        return 0
    args.seconds = args.seconds or (20 if args.quick else 60)
    top = args.max_sessions or (80 if args.quick else 120)
    levels = [n for n in LEVELS if n <= top] or [top]
    if args.processes is None:
        args.processes = [1, 2] if args.quick else [1, 2, 3]
    # ``kill <pid>`` ends the run through the ``finally`` blocks, which stop every server.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    report = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "quick": args.quick,
        "seconds_per_level": args.seconds,
        "levels": levels,
        "think_time_s": load_client.THINK,
        "disconnected_session_ttl_s": SESSION_TTL,
        "rejections_in_db": args.rejections,
        "bare_script": str(bare_script().relative_to(ROOT)),
    }
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        db_path = folder / "rebound.db"
        make_database(db_path, args.rejections)
        results, report["checked"] = asyncio.run(run(folder, db_path, args, levels))
        report["app"], report["bare"], *report["proxied"] = results
        report["server_tracebacks"] = sum(
            log.read_text(errors="replace").count("Traceback (most recent call last)")
            for log in folder.glob("server-*.log")
        )
    report["table"] = table(report)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "capacity.json").write_text(json.dumps(report, indent=2) + "\n")
    print_table(report)
    failed = any(verdict == "fail" for *_, verdict in report["table"])
    return 1 if failed or report["server_tracebacks"] else 0


if __name__ == "__main__":
    sys.exit(main())
