"""Delete everything: no trace of the deleted text in the database, its -wal file or backups."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from assessment import erase, examples, storage
from assessment.models import Feedback, Reflection, Settings

MARKER = "zq-unique-marker-7f3a"
OTHER = "kept-by-another-owner-91c2"


def traces(db_path: Path, text: str) -> list[str]:
    """The files (database, -wal, automatic backups) whose raw bytes contain ``text``."""
    files = [db_path, Path(f"{db_path}-wal"), *storage.copies_dir(db_path).glob("*")]
    needle = text.encode()
    return [f.name for f in files if f.exists() and needle in f.read_bytes()]


def secret_rejection():
    base = examples.example_rejections()[0]
    return dataclasses.replace(
        base,
        company=f"Company {MARKER}",
        reason_given=f"{MARKER} " * 300,
        reflection=Reflection(went_well=f"went well {MARKER}", mood=2),
        feedback=Feedback(status="received", text=f"feedback {MARKER} " * 50),
    )


@pytest.fixture
def filled(db, db_path):
    examples.load_examples(db)
    for _ in range(20):
        storage.insert_rejection(db, secret_rejection())
    storage.copies_dir(db_path).mkdir()
    storage.copy_file(db_path, "20261125T120000").write_text(f"copy {MARKER}")
    return db


def test_the_marker_is_there_before(filled, db_path):
    assert traces(db_path, MARKER)  # otherwise the test below proves nothing


def test_a_plain_vacuum_leaves_deleted_text_in_the_wal(filled, db_path):
    """Why delete_everything does more than DELETE and VACUUM."""
    with storage.write(filled):
        filled.execute("DELETE FROM findings")
        for table in storage.CHILD_TABLES:
            filled.execute(f"DELETE FROM {table}")
        filled.execute("DELETE FROM rejections")
    filled.execute("VACUUM")
    assert f"{db_path.name}-wal" in traces(db_path, MARKER)


def test_delete_everything_leaves_no_trace(filled, db_path):
    reader = storage.connect(db_path)  # another window with the database open, idle
    erase.delete_everything(filled, "local", db_path)
    assert traces(db_path, MARKER) == []
    assert storage.migration_copies(db_path) == []
    for table in ("rejections", *storage.CHILD_TABLES):
        assert filled.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert storage.count_rejections(reader) == 0
    # the app still works afterwards
    examples.load_examples(filled)
    assert storage.count_rejections(filled) == 3


def test_other_owners_keep_their_rows_and_lose_nothing(filled, db_path):
    other = dataclasses.replace(examples.example_rejections()[1], reason_given=OTHER)
    storage.insert_rejection(filled, other, "someone@else")
    erase.delete_everything(filled, "local", db_path)
    assert traces(db_path, MARKER) == []
    assert storage.count_rejections(filled, "someone@else") == 1
    assert f"{db_path.name}" in traces(db_path, OTHER)


def test_tables_added_later_are_emptied_too(filled, db_path):
    filled["notes"].insert({"rejection_id": 1, "text": f"note {MARKER}"})
    filled["added_later"].insert({"owner": "local", "value": f"setting {MARKER}"})
    filled["added_later"].insert({"owner": "someone@else", "value": "theirs"})
    erase.delete_everything(filled, "local", db_path)
    assert traces(db_path, MARKER) == []
    assert filled.execute("SELECT value FROM added_later").fetchall() == [("theirs",)]


def test_the_users_settings_are_erased_and_others_kept(filled, db_path):
    storage.save_settings(filled, Settings(name=f"Sam {MARKER}", sign_off="Best"), "local")
    storage.save_settings(filled, Settings(name="Alex", sign_off="Cheers"), "someone@else")
    erase.delete_everything(filled, "local", db_path)
    assert traces(db_path, MARKER) == []
    assert storage.get_settings(filled, "someone@else").name == "Alex"


def test_full_text_index_keeps_no_deleted_terms(filled, db_path):
    filled["rejections"].enable_fts(["company", "reason_given"], create_triggers=True)
    erase.delete_everything(filled, "local", db_path)
    assert traces(db_path, MARKER) == []


def test_backups_of_other_databases_stay(filled, db_path):
    unrelated = storage.copies_dir(db_path) / "other.db.1.bak"
    unrelated.write_text("not ours")
    erase.delete_everything(filled, "local", db_path)
    assert unrelated.exists()


def test_a_reader_in_the_middle_of_a_read_is_reported_not_ignored(filled, db_path):
    reader = sqlite3.connect(db_path, timeout=0.1)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM rejections").fetchone()
    filled.execute("PRAGMA busy_timeout = 100")
    with pytest.raises(storage.StorageError, match="another window"):
        erase.delete_everything(filled, "local", db_path)
    reader.rollback()
    reader.close()
    erase.delete_everything(filled, "local", db_path)  # trying again finishes the job
    assert traces(db_path, MARKER) == []


def test_backup_helpers_share_one_place(tmp_path):
    path = tmp_path / "data" / "rebound.db"
    assert storage.copies_dir(path) == tmp_path / "data" / "backups"
    stamp = storage.copy_file(path, "20261125")
    assert stamp.name == "rebound.db.20261125.bak"
    assert storage.migration_copies(path) == []
