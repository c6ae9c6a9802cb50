"""Practise in real Chromium: opened from the plan's link, the story for the concern written,
a three-question drill answered, checked (the draft survives a reload) and kept, and a
re-rating saved; on a phone, every tab without sideways scrolling."""

from __future__ import annotations

import pytest
from browser_helpers import (
    RUN_COUNTER_SCRIPT,
    assert_no_exception,
    horizontal_overflow,
    open_page,
    run_app,
    screenshot,
)
from browser_helpers import wait_for_app as settle

from assessment import drafts, storage
from assessment.practice import bank
from tests.cases import data_analyst_case

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

PHONE = {"width": 390, "height": 844}
NO_RESULT = "At my last job the weekly report took two days. I wrote a query that built it."
COMPLETE = (
    "At my last job as a data analyst our weekly sales report took two days to build by hand. "
    "I wrote a SQL query that pulled the numbers and I set up a scheduled job to run it every "
    "Monday. As a result the report took ten minutes instead of two days, and the sales team "
    "used the time to call customers."
)


@pytest.fixture(scope="module")
def case_server(chromium_executable, tmp_path_factory, server_logs):
    """A server on a database holding the Data Analyst rejection as the user's own."""
    db_path = tmp_path_factory.mktemp("practise") / "rebound.db"
    db = storage.connect(db_path)
    try:
        rid = storage.insert_rejection(db, data_analyst_case(id=None), storage.LOCAL_OWNER)
    finally:
        db.close()
    with run_app(db_path, server_logs) as server:
        server.rejection_id = rid
        yield server


def stored(server, read):
    db = storage.connect(server.db_path)
    try:
        return read(db)
    finally:
        db.close()


def click(page, server, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()
    settle(page)
    assert_no_exception(page, server)


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name, exact=True).click()
    page.wait_for_timeout(200)


def test_a_story_a_drill_and_a_re_rating_from_the_plan(case_server, page, screenshot_dir):
    server = case_server
    path = f"/practise?rejection={server.rejection_id}&skill=evidence&story=new"
    open_page(page, server, path)
    assert_no_exception(page, server)

    # The link opens the story form for the concern.
    title = page.get_by_label("Title", exact=True)
    expect(title).to_have_value("The story that answers the quantified impact concern")
    page.get_by_label("Situation: when and where it was, and your role").fill(
        "Our weekly sales report took two days by hand."
    )
    page.get_by_label("Action: what you did yourself").fill(
        "I wrote a SQL query and scheduled it for Monday mornings."
    )
    page.get_by_label("Result: what came of it, with a number where there is one").fill(
        "It took ten minutes, and sales called 30 more customers a week."
    )
    print(screenshot(page, screenshot_dir, "practise-story-form-desktop"))
    click(page, server, "Save story")
    expect(page.get_by_text("Your story is saved.", exact=False)).to_be_visible()
    assert [s.title for s in stored(server, bank.list_stories)] == [
        "The story that answers the quantified impact concern"
    ]

    # The drill: the topic question first; the checklist says what is missing.
    open_tab(page, "Drill")
    expect(
        page.get_by_text("The interviewer mentioned quantified impact.", exact=False)
    ).to_be_visible()
    page.get_by_label("Your answer", exact=True).fill(NO_RESULT)
    click(page, server, "Check my answer")
    expect(page.get_by_text("\u25cb Result", exact=True)).to_be_visible()
    expect(page.get_by_text("Add the result: what changed", exact=False)).to_be_visible()
    print(screenshot(page, screenshot_dir, "practise-checklist-desktop"))
    assert stored(server, drafts.count) == 1

    # A reload keeps the answer that was checked.
    page.reload()
    settle(page, start_grace=5_000)
    assert_no_exception(page, server)
    expect(page.get_by_text("Draft restored", exact=False)).to_be_visible()
    expect(page.get_by_label("Your answer", exact=True)).to_have_value(NO_RESULT)

    click(page, server, "Keep this drill")
    expect(page.get_by_label("Your answer", exact=True)).to_have_value("")
    expect(page.get_by_text("Question 2 of 3", exact=False)).to_be_visible()
    for _ in range(2):
        page.get_by_label("Your answer", exact=True).fill(COMPLETE)
        click(page, server, "Keep this drill")
    expect(page.get_by_text("last question of this drill", exact=False)).to_be_visible()

    rate = page.get_by_role("radiogroup", name="Re-rate yourself on Evidence & examples")
    rate.get_by_text("4", exact=True).click()
    settle(page)
    click(page, server, "Save my re-rating")
    expect(page.get_by_text("you rate your evidence & examples 4 now", exact=False)).to_be_visible()
    print(screenshot(page, screenshot_dir, "practise-rerate-desktop"))

    drills = stored(server, bank.list_drills)
    assert len(drills) == 3 and drills[0].checklist["result"]["present"] is False
    assert [r.rating for r in stored(server, bank.list_reratings)] == [4]
    assert stored(server, drafts.count) == 0

    open_tab(page, "Practice log")
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
    print(screenshot(page, screenshot_dir, "practise-log-desktop"))
    open_tab(page, "Your stories")
    print(screenshot(page, screenshot_dir, "practise-stories-desktop"))


def test_on_a_phone_nothing_scrolls_sideways(case_server, browser, screenshot_dir):
    server = case_server
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.add_init_script(RUN_COUNTER_SCRIPT)
    phone = context.new_page()
    try:
        open_page(phone, server, f"/practise?rejection={server.rejection_id}&skill=evidence")
        assert_no_exception(phone, server)
        phone.get_by_label("Your answer", exact=True).fill(NO_RESULT)
        click(phone, server, "Check my answer")
        expect(phone.get_by_text("\u25cb Result", exact=True)).to_be_visible()
        assert horizontal_overflow(phone) == []
        print(screenshot(phone, screenshot_dir, "practise-drill-phone"))
        for tab in ("Your stories", "Practice log"):
            open_tab(phone, tab)
            assert horizontal_overflow(phone) == [], tab
            print(screenshot(phone, screenshot_dir, f"practise-{tab}-phone"))
    finally:
        context.close()
