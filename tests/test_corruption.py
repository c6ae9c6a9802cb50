"""A damaged database file: the app still starts, every page and the command line say what
happened, where the file is and how to restore a backup, and the file is never changed."""

from __future__ import annotations

import datetime as dt
import gc
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assessment import backup, cli, examples, storage
from tests.helpers import PAGES, new_app

ROOT = Path(__file__).resolve().parent.parent


def garbage_from_page(first_page: Callable[[int], int]) -> Callable[[Path], None]:
    """Write random bytes from page ``first_page(page count)`` (1-based) to the end."""

    def damage(path: Path) -> None:
        data = bytearray(path.read_bytes())
        page_size = int.from_bytes(data[16:18], "big")
        start = (first_page(len(data) // page_size) - 1) * page_size
        data[start:] = random.Random(start).randbytes(len(data) - start)
        path.write_bytes(bytes(data))

    return damage


def truncate_to_half(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def not_a_database(path: Path) -> None:
    path.write_text("These are my interview notes, not a database.\n" * 200)


DAMAGE = {
    "not a database": not_a_database,
    "garbage over page 2 on": garbage_from_page(lambda pages: 2),
    # Page 1 and the migrations table survive, so the file opens; reads fail later.
    "garbage over the later pages": garbage_from_page(lambda pages: 4),
    "truncated": truncate_to_half,
}


@pytest.fixture(params=list(DAMAGE))
def damaged(request, tmp_path, monkeypatch) -> tuple[Path, bytes]:
    """A real database with the example data, then damaged; REBOUND_DB points at it."""
    path = tmp_path / "rebound.db"
    db = storage.connect(path)
    examples.load_examples(db, today=dt.date.today())
    db.close()
    assert not Path(f"{path}-wal").exists()  # everything is in the file itself
    DAMAGE[request.param](path)
    monkeypatch.setenv("REBOUND_DB", str(path))
    monkeypatch.chdir(ROOT)
    return path, path.read_bytes()


def assert_explained(at: AppTest, path: Path, page: str) -> None:
    assert not at.exception, (page, [e.value for e in at.exception])
    assert at.error, f"{page} shows no error"
    message = at.error[0].value
    assert "could not be opened" in message, (page, message)
    assert str(path) in message, (page, message)
    assert "restore a backup" in message and "copy a backup file over it" in message, message
    assert "did not change or delete that file" in message, message


def test_every_page_explains_a_damaged_database_and_leaves_it_alone(damaged):
    path, before = damaged
    at = new_app().run()
    assert_explained(at, path, "app_pages/home.py")
    for page in PAGES[1:]:  # Home is the first page app.py shows
        at.switch_page(page).run()
        assert_explained(at, path, page)
    assert path.read_bytes() == before
    assert not (path.parent / "backups").exists()


def test_the_command_line_explains_a_damaged_database_in_one_line(damaged, capsys, tmp_path):
    path, before = damaged
    export = subprocess.run(
        [sys.executable, "-m", "assessment", "export", "--db", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert export.returncode == cli.INVALID
    assert export.stdout == ""
    assert "Traceback" not in export.stderr
    assert export.stderr.count("\n") == 1 and export.stderr.startswith("error: "), export.stderr
    assert str(path) in export.stderr and "could not be opened" in export.stderr
    # Importing into it (the command that writes) refuses too, and writes nothing.
    source = storage.memory_db()
    examples.load_examples(source, today=dt.date.today())
    file = tmp_path / "backup.json"
    file.write_text(backup.dumps_backup(backup.export_backup(source)))
    for args in (["import", str(file)], ["plan"]):
        assert cli.main([*args, "--db", str(path)]) == cli.INVALID
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1 and str(path) in err, err
    assert path.read_bytes() == before


# ---- a -wal beside the damaged file, and a healthy file that another program has locked ----


def files_of(path: Path) -> dict[str, bytes]:
    return {name: Path(f"{path}{name}").read_bytes() for name in ("", "-wal")}


@pytest.fixture
def damaged_with_wal(tmp_path, monkeypatch) -> tuple[Path, dict[str, bytes]]:
    """A database whose latest changes are still in its ``-wal``, then damaged from page 4."""
    source = tmp_path / "source.db"
    db = storage.connect(source)
    examples.load_examples(db, today=dt.date.today())
    db.execute("PRAGMA wal_autocheckpoint = 0")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with storage.write(db):
        db.execute("UPDATE rejections SET company = company || ' (edited)'")
    path = tmp_path / "rebound.db"
    path.write_bytes(source.read_bytes())  # a copy taken while the -wal held the edit
    Path(f"{path}-wal").write_bytes(Path(f"{source}-wal").read_bytes())
    db.close()
    garbage_from_page(lambda pages: 4)(path)
    monkeypatch.setenv("REBOUND_DB", str(path))
    monkeypatch.chdir(ROOT)
    return path, files_of(path)


def test_a_damaged_file_and_its_wal_are_left_byte_identical(damaged_with_wal):
    path, before = damaged_with_wal
    assert len(before["-wal"]) > 0
    for _ in range(2):
        with pytest.raises(storage.DatabaseDamaged):
            storage.connect(path)
    gc.collect()  # a refusing connection, once collected, must not checkpoint into the file
    assert files_of(path) == before
    at = new_app().run()
    assert_explained(at, path, "app_pages/home.py")
    del at
    gc.collect()
    assert files_of(path) == before


@pytest.fixture
def locked(tmp_path, monkeypatch):
    """A healthy database that another program holds an exclusive lock on."""
    path = tmp_path / "rebound.db"
    db = storage.connect(path)
    examples.load_examples(db, today=dt.date.today())
    db.close()
    other = sqlite3.connect(path)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    monkeypatch.setenv("REBOUND_DB", str(path))
    monkeypatch.chdir(ROOT)
    yield path
    other.rollback()
    other.close()


def test_a_locked_database_is_reported_as_in_use_never_as_damaged(locked):
    before = locked.read_bytes()
    at = new_app().run()
    assert not at.exception
    message = at.error[0].value
    assert "in use by another program" in message and str(locked) in message, message
    assert "backup" not in message  # a restore would replace a healthy file with an older copy
    assert "damaged" not in message and "could not be opened (" not in message
    assert locked.read_bytes() == before


def test_the_command_line_reports_a_lock_in_one_line(locked, capsys):
    assert cli.main(["export", "--db", str(locked)]) == cli.INVALID
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "in use by another program" in err, err
    assert "backup" not in err
