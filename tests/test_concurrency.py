"""Many sessions and processes writing one database at once lose nothing and never fail
with "database is locked"; processes opening a new file at once migrate it exactly once."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from assessment import backup, storage
from assessment.models import Action, Feedback, Finding, Reflection, Rejection
from assessment.skills import SKILL_KEYS

pytestmark = pytest.mark.slow  # 20 threads and 20 processes

ROOT = Path(__file__).resolve().parent.parent
AT_ONCE = Path(__file__).parent / "workers" / "at_once.py"
SESSIONS = 20
SAVES_PER_SESSION = 5
IMPORTS = 20
REJECTIONS_PER_FILE = 10
OPENERS = 10

WHOLE_SQL = """
    SELECT r.company,
        (SELECT count(*) FROM reflections x WHERE x.rejection_id = r.id),
        (SELECT count(*) FROM ratings g WHERE g.rejection_id = r.id AND g.source = 'self'),
        (SELECT count(*) FROM feedback f WHERE f.rejection_id = r.id),
        (SELECT count(*) FROM ratings g
            WHERE g.rejection_id = r.id AND g.source = 'interviewer'),
        (SELECT count(*) FROM findings f WHERE f.rejection_id = r.id),
        (SELECT count(*) FROM actions a WHERE a.rejection_id = r.id)
    FROM rejections r
"""
WHOLE = (1, 8, 1, 8, 2, 1)


def reflection_of(company: str) -> Rejection:
    return Rejection(
        company=company,
        role="Analyst",
        stage="technical",
        rejected_on=dt.date(2026, 10, 9),
        reflection=Reflection("went well", "numbers", "timing", 3, 3),
        self_ratings={key: 1 + i % 5 for i, key in enumerate(SKILL_KEYS)},
    )


FEEDBACK = Feedback(
    status="received",
    text="Clear answers. No numbers.",
    findings=(Finding("communication", 1, "Clear answers."), Finding("evidence", -1, "No.")),
    ratings={key: 1 + i % 4 for i, key in enumerate(SKILL_KEYS)},
)
ACTION = Action("keep_door_open", "Thank them")


def whole_rejections(db) -> dict[str, tuple]:
    return {row[0]: tuple(row[1:]) for row in db.execute(WHOLE_SQL)}


def test_twenty_sessions_saving_at_once_lose_nothing(db_path):
    storage.connect(db_path).close()  # the app has been started before
    barrier = threading.Barrier(SESSIONS)
    failures: list[BaseException] = []

    def session(n: int) -> None:
        db = storage.connect(db_path)  # one connection per browser session, as ui.py does
        try:
            barrier.wait(timeout=30)
            for i in range(SAVES_PER_SESSION):
                rejection_id = storage.save_reflection(db, reflection_of(f"session {n}-{i}"))
                storage.save_feedback(db, rejection_id, FEEDBACK)
                storage.add_action(db, rejection_id, ACTION)
        except BaseException as exc:
            failures.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=session, args=(n,)) for n in range(SESSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    assert failures == []
    db = storage.connect(db_path)
    expected = {
        f"session {n}-{i}": WHOLE for n in range(SESSIONS) for i in range(SAVES_PER_SESSION)
    }
    assert whole_rejections(db) == expected
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def run_at_once(count: int, args: list[str], outdir: Path) -> list[tuple[int, str]]:
    """Run ``args`` in ``count`` processes released at the same moment (see
    ``workers/at_once.py``); return each one's exit status and stderr. On return every
    process is gone."""
    outdir.mkdir()
    proc = subprocess.Popen(
        [sys.executable, str(AT_ONCE), str(count), str(outdir), *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, so that finally can end them all
    )
    try:
        out, _ = proc.communicate("go\n", timeout=120)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert out.startswith("ready\n"), out
    statuses = dict(line.split()[1:] for line in out.splitlines()[1:])
    assert len(statuses) == count, out
    return [(int(statuses[str(n)]), (outdir / f"stderr-{n}.txt").read_text()) for n in range(count)]


def write_backup(path: Path, companies: list[str]) -> None:
    rejections = [
        dataclasses.replace(reflection_of(c), feedback=FEEDBACK, actions=(ACTION,))
        for c in companies
    ]
    source = storage.memory_db()
    backup.import_rejections(source, rejections)
    path.write_text(backup.dumps_backup(backup.export_backup(source)))


def test_twenty_imports_at_once_lose_nothing(db_path, tmp_path):
    storage.connect(db_path).close()
    for n in range(IMPORTS):
        companies = [f"import {n}-{i}" for i in range(REJECTIONS_PER_FILE)]
        write_backup(tmp_path / f"backup-{n}.json", companies)
    backup_file = str(tmp_path / "backup-{n}.json")
    results = run_at_once(
        IMPORTS,
        ["-m", "assessment", "import", backup_file, "--db", str(db_path)],
        tmp_path / "out",
    )
    for status, err in results:
        assert "locked" not in err and "Traceback" not in err, err
        assert status == 0, err
        assert f"Added {REJECTIONS_PER_FILE} rejections; skipped 0" in err
    db = storage.connect(db_path)
    expected = {
        f"import {n}-{i}": WHOLE for n in range(IMPORTS) for i in range(REJECTIONS_PER_FILE)
    }
    assert whole_rejections(db) == expected
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_processes_opening_a_new_file_at_once_migrate_it_once(tmp_path):
    path = tmp_path / "new" / "rebound.db"
    results = run_at_once(OPENERS, ["connect", str(path)], tmp_path / "out")
    for status, err in results:
        assert "locked" not in err, err
        assert status == 0, err
    db = storage.connect(path)
    applied = db.execute(
        "SELECT name, count(*) FROM _sqlite_migrations GROUP BY name ORDER BY min(rowid)"
    ).fetchall()
    assert applied == [(m.name, 1) for m in storage.migrations._migrations]
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert storage.migration_copies(path) == []  # a new file has nothing to back up
