"""A save that cannot be written (a read-only database, a full disk) says so, writes nothing
and keeps everything the user typed, so that saving again once the problem is fixed works.

Tests run as root, who may write a read-only file, so SQLite simulates both faults on the
session's own connection: ``PRAGMA query_only`` and ``PRAGMA max_page_count``.
"""

from __future__ import annotations

import pytest
from sqlite_utils import Database
from streamlit.testing.v1 import AppTest

from assessment import backup, examples, storage
from tests.cases import load_as_own
from tests.helpers import app_page

# Several database pages long, so saving it needs new pages (which a full disk refuses).
WENT_WELL = "I walked them through my case study step by step, with the numbers. " * 120
FEEDBACK_TEXT = "Your answers were clear, but your examples lacked numbers. " * 150
NO_LIMIT = 2**30


def read_only(db: Database) -> None:
    db.execute("PRAGMA query_only = ON")


def disk_full(db: Database) -> None:
    """No page beyond the ones there now (and the one or two on the free list)."""
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")


def fixed(db: Database) -> None:
    db.execute("PRAGMA query_only = OFF")
    db.execute(f"PRAGMA max_page_count = {NO_LIMIT}")


FAULTS = {
    "read-only": (read_only, "read-only, so nothing was saved"),
    "disk full": (disk_full, "disk is full, so nothing was saved"),
}


def session_db(at: AppTest) -> Database:
    """The connection the page keeps for this browser session."""
    (db,) = [
        value
        for key, value in at.session_state.items()
        if key.startswith("_rebound_db::") and isinstance(value, Database)
    ]
    return db


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


@pytest.mark.parametrize("fault", list(FAULTS))
def test_reflection_that_cannot_be_saved_keeps_what_was_typed(db_path, fault):
    break_it, says = FAULTS[fault]
    at = app_page("app_pages/reflect.py")
    at.text_input(key="r_company").input("Globex")
    at.text_input(key="r_role").input("Product Analyst")
    at.button(key="r_next_1").click().run()
    at.text_area(key="r_went_well").input(WENT_WELL)
    at.segmented_control(key="r_mood").set_value(2)
    at.button(key="r_next_2").click().run()
    at.segmented_control(key="r_self_evidence").set_value(4)
    break_it(session_db(at))

    at.button(key="r_save").click().run()

    assert not at.exception
    assert any("could not be saved" in e and says in e for e in errors(at)), errors(at)
    assert "Step 3 of 3" in at.get("progress")[0].proto.text
    assert at.segmented_control(key="r_self_evidence").value == 4
    check = storage.connect(db_path)
    assert storage.count_rejections(check) == 0
    at.button(key="r_back_3").click().run()
    assert at.text_area(key="r_went_well").value == WENT_WELL
    assert at.segmented_control(key="r_mood").value == 2
    at.button(key="r_back_2").click().run()
    assert at.text_input(key="r_company").value == "Globex"
    assert at.text_input(key="r_role").value == "Product Analyst"

    # Once the problem is fixed, the same answers save without typing them again.
    fixed(session_db(at))
    at.button(key="r_next_1").click().run()
    at.button(key="r_next_2").click().run()
    at.button(key="r_save").click().run()
    assert not at.exception and not at.error
    saved = storage.get_rejection(check, storage.latest_rejection_id(check))
    assert (saved.company, saved.reflection.went_well.strip()) == ("Globex", WENT_WELL.strip())
    assert saved.self_ratings["evidence"] == 4


@pytest.mark.parametrize("fault", list(FAULTS))
def test_feedback_that_cannot_be_saved_keeps_what_was_typed(example_db, fault):
    break_it, says = FAULTS[fault]
    rejection_id = storage.latest_rejection_id(example_db)
    before = storage.get_rejection(example_db, rejection_id)
    at = app_page("app_pages/feedback.py")
    at.text_area(key="fb_text").input(FEEDBACK_TEXT)
    at.segmented_control(key="fb_rating_composure").set_value(1)
    break_it(session_db(at))

    at.button(key="fb_save").click().run()

    assert not at.exception
    assert any("could not be saved" in e and says in e for e in errors(at)), errors(at)
    assert at.text_area(key="fb_text").value == FEEDBACK_TEXT
    assert at.segmented_control(key="fb_rating_composure").value == 1
    assert storage.get_rejection(example_db, rejection_id) == before

    fixed(session_db(at))
    at.button(key="fb_save").click().run()
    assert not at.exception and not at.error
    after = storage.get_rejection(example_db, rejection_id).feedback
    assert after.text.strip() == FEEDBACK_TEXT.strip()
    assert after.ratings["composure"] == 1


# ---- every other button that writes: the same sentence, never a crash box ----------------


def example_backup() -> bytes:
    source = storage.memory_db()
    load_as_own(source)
    return backup.dumps_backup(backup.export_backup(source)).encode()


def click_load_examples_on_home(at: AppTest) -> None:
    at.button(key="load_examples").click().run()


def click_load_examples_on_your_data(at: AppTest) -> None:
    at.button(key="data_load_examples").click().run()


def click_import(at: AppTest) -> None:
    at.get("file_uploader")[0].set_value(("b.json", example_backup(), "application/json"))
    at.run()
    at.button(key="import_go").click().run()


def delete_on_your_data(at: AppTest) -> None:
    at.checkbox(key="delete_one_sure").check().run()
    at.button(key="delete_one").click().run()


def delete_in_history(at: AppTest) -> None:
    at.dataframe(key="history_table")  # the page drew its table
    at.session_state["history_confirm_delete"] = storage.latest_rejection_id(session_db(at))
    at.run()
    at.button(key="history_delete_confirm").click().run()


def delete_everything(at: AppTest) -> None:
    at.button(key="erase_open_button").click().run()
    at.text_input(key="erase_confirm").input("DELETE").run()
    at.button(key="erase_go").click().run()


# (page, click, whether the example data is there first). Three small rejections fit in the
# pages a new file already has, so only the read-only fault is sure to refuse the adding
# buttons; both faults go through the same handling (ui.writing).
WRITE_BUTTONS = {
    "Load example data on Home": ("app_pages/home.py", click_load_examples_on_home, False),
    "Load example data on Your data": (
        "app_pages/data.py",
        click_load_examples_on_your_data,
        False,
    ),
    "Import": ("app_pages/data.py", click_import, False),
    "Delete on Your data": ("app_pages/data.py", delete_on_your_data, True),
    "Delete in History's dialog": ("app_pages/history.py", delete_in_history, True),
    "Delete everything": ("app_pages/data.py", delete_everything, True),
}


@pytest.mark.parametrize("button", list(WRITE_BUTTONS))
def test_buttons_on_a_read_only_database_say_so_and_change_nothing(db, button):
    page, click, with_examples = WRITE_BUTTONS[button]
    if with_examples:
        examples.load_examples(db)
    before = storage.count_rejections(db)
    at = app_page(page)
    read_only(session_db(at))
    click(at)
    assert not at.exception, at.exception
    assert any(e.startswith("Nothing was changed") and "read-only" in e for e in errors(at)), (
        errors(at)
    )
    assert storage.count_rejections(db) == before
