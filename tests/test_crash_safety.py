"""Killing the app in the middle of a save loses nothing saved and leaves nothing half-saved.

A worker process (``tests/workers/save_loop.py``) saves in a loop; the test kills it with
SIGKILL 5-80 ms after it starts, until 20 kills per kind of save have landed inside a save (60
in all). After every kill it reopens the database as the app would and checks it: ``PRAGMA
integrity_check`` is ok, no row points to a missing rejection, every save the worker reported
as done is there, and every rejection is whole.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from assessment import storage
from assessment.models import Feedback

pytestmark = pytest.mark.slow  # dozens of SIGKILLed processes

ROOT = Path(__file__).resolve().parent.parent
WORKER = Path(__file__).parent / "workers" / "save_loop.py"
KILLS_PER_MODE = 20
DELAY_SECONDS = (0.005, 0.080)

_spec = importlib.util.spec_from_file_location("save_loop", WORKER)
shape = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shape)

COUNTS_SQL = """
    SELECT r.id, r.company,
        (SELECT count(*) FROM reflections x WHERE x.rejection_id = r.id),
        (SELECT count(*) FROM ratings g WHERE g.rejection_id = r.id AND g.source = 'self'),
        (SELECT count(*) FROM feedback f WHERE f.rejection_id = r.id),
        (SELECT count(*) FROM ratings g
            WHERE g.rejection_id = r.id AND g.source = 'interviewer'),
        (SELECT count(*) FROM findings f WHERE f.rejection_id = r.id),
        (SELECT count(*) FROM actions a WHERE a.rejection_id = r.id)
    FROM rejections r ORDER BY r.id
"""
# reflection, self ratings, feedback, interviewer ratings, findings, actions
WHOLE = (1, 8, 1, 8, 3, 2)
REFLECTION_ONLY = (1, 8, 0, 0, 0, 0)
REFLECTION_AND_FEEDBACK = (1, 8, 1, 8, 3, 0)


class ForkServer:
    """The worker process; it forks one saving child per :meth:`start`."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.child: int | None = None
        assert self.line(timeout=60) == "ready"

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put("<eof>")

    def line(self, timeout: float = 20) -> str:
        line = self.lines.get(timeout=timeout)
        assert line != "<eof>", "the worker process ended"
        return line

    def start(self, mode: str, path: Path, tag: str, log: Path) -> int:
        self.proc.stdin.write(f"{mode} {path} {tag} {log}\n")
        self.proc.stdin.flush()
        line = self.line()
        assert line.startswith("started "), line
        self.child = int(line.split()[1])
        return self.child

    def kill_child(self) -> None:
        if self.child is not None:
            try:
                os.kill(self.child, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def until_ended(self, pid: int) -> str:
        """How the child ended."""
        line = self.line()
        assert line.startswith(f"ended {pid} "), line
        self.child = None
        return line

    def close(self) -> None:
        self.kill_child()
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            pass
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture(scope="module")
def server():
    fork_server = ForkServer()
    try:
        yield fork_server
    finally:
        fork_server.close()


def plain_actions(rejection) -> tuple:
    return tuple(dataclasses.replace(a, id=None) for a in rejection.actions)


@dataclasses.dataclass
class Progress:
    """What the worker reported as saved so far, and the last rejection checked in detail."""

    saved: set[str] = dataclasses.field(default_factory=set)
    feedback_saved: set[str] = dataclasses.field(default_factory=set)
    checked_up_to: int = 0

    def read_log(self, log: Path) -> list[str]:
        lines = log.read_text().splitlines()
        log.unlink()
        for line in lines:
            assert not line.startswith("error "), line
            if line.startswith("saved feedback "):
                self.feedback_saved.add(line.removeprefix("saved feedback "))
            elif line.startswith("saved "):
                self.saved.add(line.removeprefix("saved "))
        return lines


def check_counts(db, mode: str, progress: Progress) -> int:
    """Everything reported saved is there, and every rejection is whole (or, for the
    Reflect path, a whole reflection with or without whole feedback)."""
    rows = db.execute(COUNTS_SQL).fetchall()
    companies = {row[1] for row in rows}
    if mode == "import":
        reported = {f"{name}-{j}" for name in progress.saved for j in range(shape.BATCH)}
    else:
        reported = progress.saved
    missing = reported - companies
    assert not missing, f"saved but not there: {sorted(missing)[:5]}"
    batches: dict[str, int] = {}
    for row in rows:
        company, counts = row[1], tuple(row[2:])
        if mode == "reflect":
            allowed = {REFLECTION_ONLY, REFLECTION_AND_FEEDBACK}
            if company in progress.feedback_saved:
                allowed = {REFLECTION_AND_FEEDBACK}
            assert counts in allowed, (company, counts)
        else:
            assert counts == WHOLE, (company, counts)
        batch = company.rsplit("-", 1)[0]
        batches[batch] = batches.get(batch, 0) + 1
    if mode == "import":  # one import is one transaction: a whole batch or nothing of it
        assert set(batches.values()) <= {shape.BATCH}, batches
    return len(rows)


def check_contents(db, mode: str, progress: Progress) -> None:
    """The rejections added since the last check hold exactly what the worker saved."""
    ids = [
        r[0] for r in db.execute("SELECT id FROM rejections WHERE id > ?", [progress.checked_up_to])
    ]
    for rid in ids:
        loaded = storage.get_rejection(db, rid)
        expected = shape.full_rejection(loaded.company)
        assert loaded.reflection == expected.reflection
        assert loaded.self_ratings == expected.self_ratings
        if mode == "reflect":
            not_yet = Feedback(ratings=dict.fromkeys(expected.self_ratings))
            assert loaded.feedback in (not_yet, expected.feedback)
            assert loaded.actions == ()
        else:
            assert loaded.feedback == expected.feedback
            assert plain_actions(loaded) == expected.actions
    progress.checked_up_to = max(ids, default=progress.checked_up_to)


def check_after_crash(path: Path, mode: str, progress: Progress) -> int:
    db = storage.connect(path)  # as the app reopens the file after a crash
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        count = check_counts(db, mode, progress)
        check_contents(db, mode, progress)
        return count
    finally:
        db.close()


@pytest.mark.parametrize("mode", ["insert", "import", "reflect"])
def test_a_save_killed_at_any_point_leaves_whole_rejections_or_none(server, tmp_path, mode):
    path = tmp_path / "rebound.db"
    log = tmp_path / "worker.log"
    storage.connect(path).close()
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    progress = Progress()
    kills_inside_a_save = 0
    attempts = 0
    # A kill counts when it lands inside a save (the worker began one and had not finished
    # it); on a busy machine a kill may come before the worker got going, so try a bit more.
    while kills_inside_a_save < KILLS_PER_MODE and attempts < 3 * KILLS_PER_MODE:
        attempts += 1
        pid = server.start(mode, path, f"{mode}{attempts}", log)
        try:
            time.sleep(rng.uniform(*DELAY_SECONDS))
        finally:
            server.kill_child()
        ended = server.until_ended(pid)
        lines = progress.read_log(log)
        assert ended == f"ended {pid} signal {signal.SIGKILL}", (seed, lines[-3:], ended)
        if lines and lines[-1].startswith("begin "):
            kills_inside_a_save += 1
        count = check_after_crash(path, mode, progress)
    assert kills_inside_a_save == KILLS_PER_MODE, (seed, attempts)
    assert progress.saved and count >= len(progress.saved)
