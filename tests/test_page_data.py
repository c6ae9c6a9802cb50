"""The Your data page in AppTest: backup, import with preview, example data, delete."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from streamlit.testing.v1 import AppTest

from assessment import backup, examples, storage
from assessment.models import Rerating, Story
from assessment.practice import bank
from tests.cases import load_as_own, practised
from tests.helpers import app_page

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


def page() -> AppTest:
    return app_page("app_pages/data.py")


def upload(at: AppTest, content: bytes, name: str = "backup.json") -> AppTest:
    at.get("file_uploader")[0].set_value((name, content, "application/json"))
    return at.run()


def example_backup() -> bytes:
    """A backup of three rejections of the user's own (the example set, stored unmarked)."""
    db = storage.memory_db()
    load_as_own(db)
    return backup.dumps_backup(backup.export_backup(db)).encode()


@pytest.fixture
def own_db(db):
    load_as_own(db)
    return db


def test_empty_database_offers_example_data_and_import(db_path):
    at = page()
    assert not at.exception
    assert any("Nothing to back up yet" in i.value for i in at.info)
    assert not at.get("download_button")
    at.button(key="data_load_examples").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Loaded 3 example rejections, each marked Example.")
    # the examples are not the user's data: still nothing to back up, and no second load
    assert not at.get("download_button")
    assert any("never part of a backup" in i.value for i in at.info)
    assert not [b for b in at.button if b.key == "data_load_examples"]
    assert any("3 example rejections are loaded" in m.value for m in at.markdown)
    assert storage.count_rejections(storage.connect(db_path)) == 3


def test_loading_examples_twice_says_so_and_adds_nothing(db):
    assert examples.load_examples(db) == 3
    assert examples.load_examples(db) == 0
    assert examples.loaded_message(0) == (
        "The example rejections are already here; nothing was added."
    )
    assert storage.count_rejections(db) == 3


def test_remove_the_examples_asks_first_then_keeps_the_users_own(own_db):
    examples.load_examples(own_db)
    before = backup.dumps_backup(backup.export_backup(own_db, now=NOW))
    at = page()
    assert not at.exception
    assert any("left out of both" in m.value for m in at.markdown)
    at.button(key="examples_remove").click().run()
    assert not at.exception
    at.button(key="examples_remove_cancel").click().run()
    assert storage.count_examples(own_db) == 3
    at.button(key="examples_remove").click().run()
    at.button(key="examples_remove_go").click().run()
    assert not at.exception
    assert at.success[0].value == "Removed 3 example rejections. Your own data is as it was."
    assert storage.count_examples(own_db) == 0 and storage.count_rejections(own_db) == 3
    assert backup.dumps_backup(backup.export_backup(own_db, now=NOW)) == before
    assert at.button(key="data_load_examples").label == "Load example data"


def test_upload_shows_a_preview_then_imports(db_path):
    at = page()
    upload(at, example_backup())
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {
        "Rejections in the file": "3",
        "New": "3",
        "Already here (will be skipped)": "0",
    }
    assert storage.count_rejections(storage.connect(db_path)) == 0  # nothing written yet
    at.button(key="import_go").click().run()
    assert not at.exception
    assert at.success[0].value == "Imported 3 rejections; skipped 0 already here."
    assert storage.count_rejections(storage.connect(db_path)) == 3


def test_upload_of_what_is_already_there_says_so(own_db):
    at = page()
    upload(at, example_backup())
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["New"] == "0" and metrics["Already here (will be skipped)"] == "3"
    assert " · Northwind Logistics · " in list(at.dataframe[0].value["Rejection"])[0]
    assert at.button(key="import_go").disabled


def practice_backup() -> bytes:
    """A version 2 backup: the three rejections with 1 story, 2 drills and 1 re-rating."""
    db = storage.memory_db()
    load_as_own(db)
    first = storage.latest_rejection_id(db)
    bank.add_story(
        db, Story("The report I sped up", result="4 hours to 20 minutes", skills=("evidence",))
    )
    practised(db, "evidence", dt.date(2026, 10, 1), first)
    practised(db, "composure", dt.date(2026, 10, 2))
    bank.add_rerating(db, Rerating("evidence", 4, dt.date(2026, 10, 3)))
    return backup.dumps_backup(backup.export_backup(db)).encode()


def test_a_backup_with_practice_says_what_practice_it_holds_and_imports_it(db_path):
    at = page()
    upload(at, practice_backup())
    assert not at.exception
    assert (
        "It also holds your practice: 1 story, 2 drills and 1 re-rating. Any already here "
        "are skipped, never doubled."
    ) in [m.value for m in at.markdown]
    assert at.button(key="import_go").label == "Import 3 rejections and the practice"
    at.button(key="import_go").click().run()
    assert not at.exception
    assert at.success[0].value == (
        "Imported 3 rejections; skipped 0 already here. Practice: added 1 story, 2 drills and "
        "1 re-rating; skipped 0 already here."
    )
    assert len(bank.list_drills(storage.connect(db_path))) == 2
    # the export note says the backup holds the practice
    assert any("your practice too (stories, drills and re-ratings)" in m.value for m in at.markdown)

    # the same file again: nothing new, but the practice can still be brought in
    upload(at, practice_backup())
    assert at.button(key="import_go").label == "Import the practice"
    assert not at.button(key="import_go").disabled
    at.button(key="import_go").click().run()
    assert at.success[0].value == (
        "Imported 0 rejections; skipped 3 already here. Practice: added 0 stories, 0 drills and "
        "0 re-ratings; skipped 4 already here."
    )
    assert len(bank.list_drills(storage.connect(db_path))) == 2


def test_an_invalid_backup_names_the_rejection_and_field_and_writes_nothing(own_db, db_path):
    before = list(own_db.conn.iterdump())
    doc = json.loads(example_backup())
    doc["rejections"][1]["reflection"]["mood"] = 9
    at = page()
    upload(at, json.dumps(doc).encode())
    assert not at.exception
    assert "nothing was changed" in at.error[0].value
    assert at.code[-1].value == (
        "Rejection 2 (BrightPath Health), field reflection.mood: Mood must be from 1 to 5."
    )
    assert not at.get("metric")
    assert list(own_db.conn.iterdump()) == before


def test_a_file_that_is_not_json_is_refused(db_path):
    at = page()
    upload(at, b"\x00\x01 definitely not json")
    assert not at.exception
    assert "not a Rebound backup" in at.code[-1].value


def test_delete_one_rejection(example_db):
    at = page()
    at.checkbox(key="delete_one_sure").check().run()
    at.button(key="delete_one").click().run()
    assert not at.exception
    assert at.success[0].value == "The rejection was deleted."
    assert storage.count_rejections(example_db) == 2


def test_delete_everything_needs_the_typed_word(example_db, db_path):
    storage.copies_dir(db_path).mkdir()
    storage.copy_file(db_path, "1").write_text("old copy")
    at = page()
    at.button(key="erase_open_button").click().run()
    assert not at.exception

    at.text_input(key="erase_confirm").set_value("delete").run()
    at.button(key="erase_go").click().run()
    assert not at.exception
    assert "Type DELETE in capitals" in at.error[0].value
    assert storage.count_rejections(example_db) == 3

    at.text_input(key="erase_confirm").set_value("DELETE").run()
    at.button(key="erase_go").click().run()
    assert not at.exception
    assert at.success[0].value == "Everything was deleted. Rebound is empty again."
    assert storage.count_rejections(example_db) == 0
    assert storage.migration_copies(db_path) == []
    assert any("Nothing to back up yet" in i.value for i in at.info)


def test_cancel_closes_the_dialog_and_keeps_everything(example_db):
    at = page()
    at.button(key="erase_open_button").click().run()
    at.button(key="erase_cancel").click().run()
    assert not at.exception
    assert not at.get("text_input") or all(t.key != "erase_confirm" for t in at.text_input)
    assert storage.count_rejections(example_db) == 3


@pytest.mark.slow
def test_ten_thousand_rejections_import_from_the_page_then_progress_draws_them(db_path):
    from tests.test_backup import many_rejections

    raw = backup.dumps_backup(many_rejections(10_000)).encode()
    at = page()
    upload(at, raw)
    assert {m.label: m.value for m in at.metric}["New"] == "10,000"
    at.button(key="import_go").click().run()
    assert not at.exception
    assert at.success[0].value == "Imported 10,000 rejections; skipped 0 already here."

    at = app_page("app_pages/progress.py")
    assert not at.exception
    assert at.metric[0].value == "10,000"
    assert "each point is the average of one month" in at.caption[0].value
    assert any("The latest 100 of 10,000" in c.value for c in at.caption)
    # the gaps over time are a line per month too, not 10,000 points per skill
    assert "each point is the average gap of one month" in [c.value for c in at.caption][-1]
