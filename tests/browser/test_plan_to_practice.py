"""From the plan to practice in real Chromium: accept a shore-up step of the Data Analyst case,
schedule three drills before the next interview, find them in the calendar file with a
reminder each, and follow "Start a drill on ..." to the Practise page on that skill."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_helpers import assert_no_exception, open_page, screenshot, wait_for_app
from icalendar import Calendar

from assessment import storage
from assessment.plan import drills, strategies
from tests.cases import data_analyst_case

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

SHORE_UP = strategies.shore_up_title("role_knowledge")


def new_case(db_path: Path) -> int:
    db = storage.connect(db_path)
    try:
        today = dt.date.today()
        case = replace(
            data_analyst_case(),
            id=None,
            rejected_on=today - dt.timedelta(days=2),
            interviewed_on=today - dt.timedelta(days=6),
        )
        return storage.insert_rejection(db, case)
    finally:
        db.close()


def drill_actions(db_path: Path, rejection_id: int) -> list:
    db = storage.connect(db_path)
    try:
        return [a for a in storage.get_rejection(db, rejection_id).actions if drills.is_drill(a)]
    finally:
        db.close()


def card(page, title: str):
    """The bordered box of the step titled ``title`` (the innermost block holding its heading)."""
    heading = page.get_by_role("heading", name=title, exact=True)
    return page.get_by_test_id("stVerticalBlock").filter(has=heading).last


def test_accept_schedule_drills_download_them_and_start_one(fresh_server, page, screenshot_dir):
    server = fresh_server
    rid = new_case(server.db_path)
    today = dt.date.today()
    interview = today + dt.timedelta(days=10)
    open_page(page, server, f"/next_steps?rejection={rid}")
    assert_no_exception(page, server)

    step = card(page, SHORE_UP)
    expect(
        step.get_by_role("link", name="Write the story that answers this concern")
    ).to_be_visible()
    step.get_by_role("button", name="Accept: add to my plan").click()
    wait_for_app(page)
    assert_no_exception(page, server)

    step = card(page, SHORE_UP)
    step.get_by_text("Schedule practice drills", exact=True).click()
    # Streamlit's date field is a row of year, month and day segments; typing moves along.
    step.get_by_role("spinbutton", name="year, Next interview date (optional)").click()
    page.keyboard.type(interview.strftime("%Y%m%d"))
    page.keyboard.press("Tab")
    expect(step.get_by_label("Sessions")).to_have_value("3")
    step.get_by_role("button", name="Schedule drills").click()
    wait_for_app(page)
    assert_no_exception(page, server)

    wanted = drills.drill_dates(today, 3, interview)
    expect(page.get_by_text("Scheduled 3 practice drills", exact=False)).to_be_visible()
    stored = drill_actions(server.db_path, rid)
    assert [a.due_on for a in stored] == wanted
    for n in (1, 2, 3):
        heading = f"Practice drill on Role knowledge ({n} of 3)"
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    step = card(page, SHORE_UP)
    step.scroll_into_view_if_needed()
    print(screenshot(page, screenshot_dir, "plan-drills-scheduled"))

    with page.expect_download() as download:
        page.get_by_role("button", name="Download reminders (calendar .ics)").click()
    cal = Calendar.from_ical(Path(download.value.path()).read_bytes())
    events = [e for e in cal.walk("VEVENT") if "Practice drill" in str(e["summary"])]
    assert [e["dtstart"].dt for e in events] == wanted
    assert all(len(e.walk("VALARM")) == 1 for e in events)
    wait_for_app(page)

    card(page, SHORE_UP).get_by_role("link", name="Start a drill on Role knowledge").click()
    page.wait_for_url(re.compile(r"/practise\?"))
    wait_for_app(page, start_grace=5_000)
    parts = urlsplit(page.url)
    assert parts.path.endswith("/practise"), page.url
    query = parse_qs(parts.query)
    assert query["rejection"] == [str(rid)] and query["skill"] == ["role_knowledge"], page.url
    assert_no_exception(page, server)
