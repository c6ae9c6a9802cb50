"""The feedback request kit and the scorecard in real Chromium: choose "EU", get a courteous
access request with its deadline, download it, record it (the deadline goes on the plan and in
its calendar file), then paste the scorecard that comes back and see its lines proposed as
ratings."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from browser_helpers import assert_no_exception, horizontal_overflow, open_page, screenshot
from browser_helpers import wait_for_app as settle

from assessment import storage
from assessment.models import Feedback
from assessment.plan import texts
from tests.cases import data_analyst_case

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

SCORECARD = """Interview scorecard
Communication: Strong yes
Problem solving - 3/4
Technical skills: 2 out of 5
Culture add: Mixed
Recommendation: No hire
She was well prepared, but her SQL was weak."""


def new_case(db_path) -> int:
    db = storage.connect(db_path)
    try:
        case = replace(
            data_analyst_case(),
            id=None,
            feedback=Feedback(),
            actions=(),
            rejected_on=dt.date.today() - dt.timedelta(days=2),
            interviewed_on=dt.date.today() - dt.timedelta(days=6),
        )
        return storage.insert_rejection(db, case)
    finally:
        db.close()


def stored(db_path, rejection_id):
    db = storage.connect(db_path)
    try:
        return storage.get_rejection(db, rejection_id)
    finally:
        db.close()


def click(page, server, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()
    settle(page)
    assert_no_exception(page, server)


def test_an_eu_request_by_right_then_the_scorecard_that_comes_back(
    fresh_server, page, screenshot_dir
):
    server = fresh_server
    rid = new_case(server.db_path)
    open_page(page, server, f"/feedback?rejection={rid}")
    expect(
        page.get_by_text("Haven't asked yet? Three ways to ask for the feedback")
    ).to_be_visible()
    page.get_by_text("Request by right", exact=True).click()
    page.get_by_text("European Union or EEA", exact=True).click()
    settle(page)
    assert_no_exception(page, server)
    expect(page.get_by_text("Under the EU GDPR (Article 15")).to_be_visible()
    expect(page.get_by_text("not legal advice", exact=False)).to_be_visible()
    expect(page.get_by_text("The answer is due by", exact=False)).to_be_visible()
    letter = page.locator('[data-testid="stCode"]').filter(has_text="General Data Protection")
    expect(letter).to_have_count(1)
    print(screenshot(page, screenshot_dir, "kit-eu-request"))

    with page.expect_download() as download:
        page.get_by_role("button", name="Download the request (.txt)").click()
    text = open(download.value.path(), encoding="utf-8").read()
    assert "Article 15 of the General Data Protection Regulation" in text
    assert "Northwind Analytics" in text and "Dear Dana Whitfield" in text

    click(page, server, "I've sent it: record the date")
    expect(page.get_by_text("Recorded: your request by right", exact=False)).to_be_visible()
    saved = stored(server.db_path, rid)
    assert saved.feedback.status == "requested"
    (deadline,) = [a for a in saved.actions if a.title == texts.TITLE_ACCESS_DUE]
    expect(page.get_by_text("Your request by right: the answer is due by")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Add the deadline to your calendar (.ics)").click()
    ics = open(download.value.path(), encoding="utf-8").read()
    assert f"DTSTART;VALUE=DATE:{deadline.due_on:%Y%m%d}" in ics and "BEGIN:VALARM" in ics

    # The notes come back: paste the scorecard and see each line proposed as a rating.
    page.get_by_label("Feedback text", exact=True).fill(SCORECARD)
    click(page, server, "Read the feedback for me")
    expect(page.get_by_text("Scorecard lines", exact=False).first).to_be_visible()
    for line in ("Communication: Strong yes", "Technical skills: 2 out of 5"):
        expect(page.get_by_text(line, exact=True)).to_be_visible()
    expect(page.get_by_text("Read as Concern (2 of 5).")).to_be_visible()
    expect(page.get_by_text("An overall verdict (no hire), not a skill rating.")).to_be_visible()
    role = page.get_by_role("radiogroup", name="Role knowledge")
    expect(role.get_by_role("radio", name="Concern", exact=True)).to_be_checked()
    print(screenshot(page, screenshot_dir, "kit-scorecard-lines"))
    click(page, server, "Save feedback")
    saved = stored(server.db_path, rid)
    assert saved.feedback.ratings["role_knowledge"] == 2
    assert saved.feedback.ratings["communication"] == 4
    assert saved.feedback.status == "received"


def test_the_kit_fits_a_phone(fresh_server, browser, screenshot_dir):
    server = fresh_server
    rid = new_case(server.db_path)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        open_page(page, server, f"/feedback?rejection={rid}")
        page.get_by_text("Request by right", exact=True).click()
        page.get_by_text("United Kingdom", exact=True).click()
        settle(page)
        assert_no_exception(page, server)
        expect(page.get_by_text("Under the UK GDPR (Article 15")).to_be_visible()
        assert horizontal_overflow(page) == []
        print(screenshot(page, screenshot_dir, "kit-uk-request-phone"))
    finally:
        context.close()
