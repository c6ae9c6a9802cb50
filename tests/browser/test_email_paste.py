"""Starting Reflect from the rejection e-mail in real Chromium: paste it, read it, see each
proposal with its words, use them, and save the rejection they filled in."""

from __future__ import annotations

import datetime as dt

import pytest
from browser_helpers import assert_no_exception, horizontal_overflow, open_page, screenshot
from browser_helpers import wait_for_app as settle

import ui
from assessment import examples, storage
from tests.cases import rejection_email

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

SENT = dt.date.today() - dt.timedelta(days=2)
EMAIL = rejection_email(SENT)
PHONE = {"width": 390, "height": 844}


def click(page, server, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()
    settle(page)
    assert_no_exception(page, server)


def paste_and_read(page, server) -> None:
    page.get_by_text("Paste the email you received (optional)").click()
    page.get_by_label("The email", exact=True).fill(EMAIL)
    click(page, server, "Read the email")
    expect(page.get_by_label("Company (from the email)", exact=True)).to_have_value(
        "Acme Analytics"
    )


def test_the_pasted_email_fills_the_form_and_is_saved(fresh_server, page, screenshot_dir):
    server = fresh_server
    open_page(page, server, "/reflect")
    paste_and_read(page, server)
    expect(page.get_by_label("Role (from the email)", exact=True)).to_have_value("Data Analyst")
    expect(page.get_by_label("Contact name (from the email)", exact=True)).to_have_value(
        "Priya Shah"
    )
    expect(page.get_by_text("From the words:", exact=True)).to_have_count(6)
    words = page.get_by_test_id("stText")
    expect(words.filter(has_text="“Date: ")).to_have_count(1)
    expect(words.filter(has_text="“move forward with a candidate”")).to_have_count(1)
    expect(page.get_by_role("checkbox", name="Use for Outside your control: Another candidate"))
    print(screenshot(page, screenshot_dir, "email-proposals-desktop"))

    page.get_by_label("Role (from the email)", exact=True).fill("Senior Data Analyst")
    click(page, server, "Use these in the form")
    expect(page.get_by_text("Filled in 6 fields from the email.")).to_be_visible()
    expect(page.get_by_label("Company", exact=True)).to_have_value("Acme Analytics")
    expect(page.get_by_label("Role", exact=True)).to_have_value("Senior Data Analyst")
    expect(page.get_by_label("Contact name (optional)", exact=True)).to_have_value("Priya Shah")
    expect(page.get_by_label("The reason they gave (optional)", exact=True)).to_have_value(
        "After careful consideration, we decided to move forward with a candidate whose "
        "experience more closely matches the requirements of the role."
    )
    print(screenshot(page, screenshot_dir, "email-applied-desktop"))
    db = storage.connect(server.db_path)
    try:
        assert storage.count_rejections(db) == 0  # nothing is saved until the last step
    finally:
        db.close()

    click(page, server, "Next: your reflection")
    expect(page.get_by_text("Another candidate", exact=True)).to_be_visible()  # a chosen chip
    click(page, server, "Next: rate yourself")
    click(page, server, "Save reflection")
    expect(page.get_by_text("Your reflection is saved.")).to_be_visible()

    db = storage.connect(server.db_path)
    try:
        saved = storage.get_rejection(db, storage.latest_rejection_id(db))
    finally:
        db.close()
    assert (saved.company, saved.role, saved.contact_name) == (
        "Acme Analytics",
        "Senior Data Analyst",
        "Priya Shah",
    )
    assert saved.rejected_on == SENT
    assert saved.fit_factors == ("other_candidate",)
    assert saved.reason_given.endswith("more closely matches the requirements of the role.")


def test_the_proposals_read_on_a_phone(fresh_server, page, screenshot_dir):
    server = fresh_server
    page.set_viewport_size(PHONE)
    open_page(page, server, "/reflect")
    paste_and_read(page, server)
    assert not horizontal_overflow(page), horizontal_overflow(page)
    print(screenshot(page, screenshot_dir, "email-proposals-phone"))


def test_choosing_an_earlier_rejection_shows_its_answers(fresh_server, page):
    """A keyed widget keeps what the browser holds unless its state is set: choosing another
    rejection must show that rejection's answers, not the empty form that was on screen."""
    server = fresh_server
    db = storage.connect(server.db_path)
    try:
        examples.load_examples(db)
        rows = storage.rejection_choices(db, storage.LOCAL_OWNER, limit=2, include=None)
    finally:
        db.close()
    open_page(page, server, "/reflect")
    expect(page.get_by_label("Company", exact=True)).to_have_value("")
    for row in rows:
        page.get_by_label("Which rejection?").click()
        page.get_by_role("option", name="Edit: " + ui.rejection_label(row)).click()
        settle(page)
        assert_no_exception(page, server)
        expect(page.get_by_label("Company", exact=True)).to_have_value(row["company"])
        expect(page.get_by_label("Role", exact=True)).to_have_value(row["role"])
    page.get_by_label("Which rejection?").click()
    page.get_by_role("option", name="A new rejection").click()
    settle(page)
    expect(page.get_by_label("Company", exact=True)).to_have_value("")
