"""Drafts in real Chromium: what was typed into Reflect and Feedback survives a reload, with a
"Draft restored" notice, and is gone once saved."""

from __future__ import annotations

import re

import pytest
from browser_helpers import assert_no_exception, open_page, screenshot, wait_for_app

from assessment import drafts, storage

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

RESTORED = "Draft restored"


def draft_count(db_path) -> int:
    db = storage.connect(db_path)
    try:
        return drafts.count(db)
    finally:
        db.close()


def reload(page, server) -> None:
    page.reload()
    wait_for_app(page, start_grace=5_000)
    assert_no_exception(page, server)


def click(page, server, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()
    wait_for_app(page)
    assert_no_exception(page, server)


def test_typed_text_survives_a_reload_and_goes_on_save(fresh_server, page, screenshot_dir):
    server = fresh_server
    open_page(page, server, "/reflect")
    expect(page.get_by_text(RESTORED)).to_have_count(0)
    page.get_by_label("Company", exact=True).fill("Globex Drafts")
    page.get_by_label("Role", exact=True).fill("Product Analyst")
    click(page, server, "Next: your reflection")
    page.get_by_label("What went well", exact=True).fill("I kept calm on the SQL task.")
    click(page, server, "Next: rate yourself")
    communication = page.get_by_role("radiogroup", name="Communication")
    sizes = communication.get_by_role("radio").evaluate_all(
        "els => els.map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height])"
    )
    assert len(sizes) == 6 and all(w >= 44 and h >= 44 for w, h in sizes), sizes
    communication.get_by_text("4", exact=True).click()
    assert draft_count(server.db_path) == 1

    reload(page, server)
    expect(page.get_by_text(RESTORED)).to_be_visible()
    expect(page.get_by_text("Step 3 of 3")).to_be_visible()
    expect(page.get_by_role("button", name="Discard draft")).to_be_visible()
    print(screenshot(page, screenshot_dir, "drafts-reflect-restored"))
    click(page, server, "Back")
    expect(page.get_by_label("What went well", exact=True)).to_have_value(
        "I kept calm on the SQL task."
    )
    click(page, server, "Back")
    expect(page.get_by_label("Company", exact=True)).to_have_value("Globex Drafts")
    click(page, server, "Next: your reflection")
    click(page, server, "Next: rate yourself")
    click(page, server, "Save reflection")

    # Saved: the next step Home promises is the feedback, and no draft is left.
    assert re.search(r"/feedback\?rejection=\d+", page.url), page.url
    expect(page.get_by_text("Your reflection is saved.")).to_be_visible()
    expect(page.get_by_text(RESTORED)).to_have_count(0)
    assert draft_count(server.db_path) == 0

    page.get_by_label("Feedback text", exact=True).fill("Strong SQL, but few numbers in stories.")
    click(page, server, "Keep as a draft")
    reload(page, server)
    expect(page.get_by_text(RESTORED)).to_be_visible()
    expect(page.get_by_label("Feedback text", exact=True)).to_have_value(
        "Strong SQL, but few numbers in stories."
    )
    print(screenshot(page, screenshot_dir, "drafts-feedback-restored"))
    click(page, server, "Save feedback")
    expect(page.locator("h1").filter(has_text="Results").first).to_be_visible()
    assert draft_count(server.db_path) == 0

    open_page(page, server, page.url.replace(server.base_url, "").replace("results", "feedback"))
    expect(page.get_by_text(RESTORED)).to_have_count(0)
    expect(page.get_by_label("Feedback text", exact=True)).to_have_value(
        "Strong SQL, but few numbers in stories."
    )
    open_page(page, server, "/reflect")
    expect(page.get_by_text(RESTORED)).to_have_count(0)
    expect(page.get_by_label("Company", exact=True)).to_have_value("")
    print(screenshot(page, screenshot_dir, "drafts-after-save"))
