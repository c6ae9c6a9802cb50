"""Next steps in Chromium: a click on a step redraws the plan alone (a fragment), and what it
shows stays right (the progress above the steps, the step's own notice); a folded message opens
with its copy button; what the user typed outside the plan is kept."""

from __future__ import annotations

import re

import pytest
from browser_helpers import APP_READY, assert_no_exception, open_page, screenshot

from assessment import storage

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect


def test_accept_redraws_the_plan_with_its_progress_and_a_notice_in_the_card(
    example_server, page, screenshot_dir
):
    db = storage.connect(example_server.db_path)
    latest = storage.latest_rejection_id(db)
    db.close()
    open_page(page, example_server, f"/next_steps?rejection={latest}")
    reply = page.get_by_label("Your reply")
    reply.fill("Thank you for your time.")
    reply.blur()
    page.wait_for_selector(APP_READY, state="attached")
    expect(page.get_by_text(re.compile(r"^0 of \d+ steps done\. Accept a step"))).to_be_visible()

    heading = page.get_by_role("heading", name="Send a thank-you note")
    first = page.get_by_test_id("stVerticalBlock").filter(has=heading).last
    first.get_by_role("button", name="Accept: add to my plan").click()
    expect(first.get_by_role("button", name="Mark as done")).to_be_visible()
    page.wait_for_selector(APP_READY, state="attached")
    assert_no_exception(page, example_server)
    expect(
        page.get_by_text(re.compile(r"^0 of \d+ steps done\. 1 more taken on\."))
    ).to_be_visible()
    expect(
        first.get_by_text("Added to your plan. You can give it a due date here.")
    ).to_be_visible()
    # the message step went on the plan dated today, so it is due this week
    expect(page.get_by_text("Send a thank-you note (due", exact=False)).to_be_visible()
    expect(reply).to_have_value("Thank you for your time.")
    print(screenshot(page, screenshot_dir, "next-steps-accepted"))

    first.get_by_role("button", name="Remove from plan").click()
    expect(first.get_by_role("button", name="Accept: add to my plan")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^0 of \d+ steps done\. Accept a step"))).to_be_visible()


def test_a_folded_message_opens_with_its_copy_button(example_server, page, screenshot_dir):
    db = storage.connect(example_server.db_path)
    latest = storage.latest_rejection_id(db)
    db.close()
    open_page(page, example_server, f"/next_steps?rejection={latest}")
    codes = page.get_by_test_id("stCode")
    expect(codes).to_have_count(1)  # only the message that goes today is open
    later = page.get_by_test_id("stExpander").filter(has_text="Message to adapt and send on")
    expect(later).to_have_count(2)  # the follow-up and the reconnect note go on later days
    folded = later.first
    folded.locator("summary").click()
    expect(codes).to_have_count(2)
    opened = folded.get_by_test_id("stCode")
    expect(opened).to_contain_text("Subject:")
    expect(opened.get_by_role("button", name="Copy to clipboard")).to_be_visible()
    expect(folded.get_by_role("link", name="Open in your mail app")).to_be_visible()
    page.wait_for_selector(APP_READY, state="attached")
    assert_no_exception(page, example_server)
    print(screenshot(page, screenshot_dir, "next-steps-message-opened"))
