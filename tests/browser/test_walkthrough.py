"""A new user's way through Rebound in real headless Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_helpers import (
    APP_READY,
    assert_no_exception,
    open_page,
    radar_skill_names,
    run_app,
    screenshot,
    wait_for_app,
)

from assessment import examples, storage

pytestmark = pytest.mark.browser
# Collected (and skipped) even where Playwright is not installed: `-m "not browser"` works there.
expect = pytest.importorskip("playwright.sync_api").expect

# (url path, page title as shown in h1)
PAGES = [
    ("/reflect", "Reflect"),
    ("/feedback", "Interviewer feedback"),
    ("/results", "Results"),
    ("/next_steps", "Next steps"),
    ("/practise", "Practise"),
    ("/history", "History"),
    ("/progress", "Progress"),
    ("/data", "Your data"),
]
SKILL_NAMES = [
    "Communication",
    "Role knowledge",
    "Problem solving",
    "Evidence & examples",
    "Preparation & research",
    "Collaboration & leadership",
    "Motivation & fit",
    "Composure & confidence",
]
CHARTS = (
    '[data-testid="stPlotlyChart"], [data-testid="stVegaLiteChart"], '
    '[data-testid="stArrowVegaLiteChart"]'
)


def rejection_rows(db_path: Path) -> list[dict]:
    db = storage.connect(db_path)
    try:
        return storage.list_rejections(db, storage.LOCAL_OWNER, limit=1000)
    finally:
        db.close()


def visit(page, server, path: str, shots: Path, name: str) -> None:
    open_page(page, server, path)
    assert_no_exception(page, server)
    print(screenshot(page, shots, name))


def expect_title(page, title: str) -> None:
    expect(page.locator("h1").filter(has_text=title).first).to_be_visible()


def expect_chosen(page, company: str) -> None:
    """The page's "Rejection" chooser shows ``company`` ("[Example · ]date · company · ...")."""
    chooser = page.get_by_role("combobox", name="Rejection", exact=True)
    label = r"^(?:Example · )?\d{4}-\d{2}-\d{2} · " + re.escape(company) + " · "
    expect(chooser).to_have_value(re.compile(label))


def radar_state(page) -> dict:
    chart = page.get_by_test_id("stPlotlyChart").locator(".js-plotly-plot").first
    ticks = radar_skill_names(chart)
    chart.locator(".legendtext").last.wait_for(state="attached")
    state = chart.evaluate(
        """gd => ({
            traces: gd.data.map(t => t.name),
            legend: [...gd.querySelectorAll('.legendtext')].map(t => t.textContent),
        })"""
    )
    return {**state, "ticks": ticks}


def test_new_user_loads_examples_and_visits_every_page(fresh_server, page, screenshot_dir):
    visit(page, fresh_server, "/", screenshot_dir, "01-home-empty")
    expect_title(page, "Rebound")
    page.get_by_role("button", name="Load example data", exact=True).click()
    wait_for_app(page)
    assert_no_exception(page, fresh_server)
    expect(page.get_by_text("An example rejection")).to_be_visible()
    assert len(rejection_rows(fresh_server.db_path)) == len(examples.example_rejections())
    print(screenshot(page, screenshot_dir, "02-home-examples"))

    for number, (path, title) in enumerate(PAGES, start=3):
        visit(page, fresh_server, path, screenshot_dir, f"{number:02d}-{path.strip('/')}")
        expect_title(page, title)

    # The sidebar takes the user to every page as well.
    open_page(page, fresh_server, "/")
    nav = page.get_by_test_id("stSidebar")
    for _path, title in PAGES:
        nav.get_by_role("link", name=re.compile(re.escape(title))).click()
        wait_for_app(page)
        assert_no_exception(page, fresh_server)
        expect_title(page, title)
    print(screenshot(page, screenshot_dir, "10-data-via-sidebar"))


def test_results_radar_shows_both_views_and_the_previous_rejection(
    example_server, page, screenshot_dir
):
    visit(page, example_server, "/results", screenshot_dir, "results-radar")
    radar = radar_state(page)
    assert radar["ticks"] == SKILL_NAMES
    for name in ("You", "Interviewer", "Previous rejection (combined)"):
        assert name in radar["traces"], radar
        assert name in radar["legend"], radar


def test_deep_link_to_a_rejection_on_a_fresh_server(page, tmp_path, server_logs, screenshot_dir):
    db_path = tmp_path / "rebound.db"
    db = storage.connect(db_path)
    try:
        examples.load_examples(db)
        oldest = storage.list_rejections(db, storage.LOCAL_OWNER, limit=100)[-1]
    finally:
        db.close()
    with run_app(db_path, server_logs) as server:
        visit(page, server, f"/results?rejection={oldest['id']}", screenshot_dir, "deep-link")
        expect_title(page, "Results")
        expect_chosen(page, oldest["company"])
        assert page.url.endswith(f"rejection={oldest['id']}")
        expect(page.get_by_test_id("stPlotlyChart")).to_be_visible()
        # The sidebar is the router's, by page title, not a list of file names.
        nav_links = page.get_by_test_id("stSidebar").get_by_role("link")
        titles = ["Home"] + [title for _path, title in PAGES]
        # An icon's ligature name may come before the title ("homeHome").
        expect(nav_links).to_have_text([re.compile(re.escape(t) + "$") for t in titles])


def test_a_new_reflection_through_the_form(example_server, page, screenshot_dir):
    before = len(rejection_rows(example_server.db_path))
    open_page(page, example_server, "/reflect")
    page.get_by_label("Company", exact=True).fill("Globex")
    page.get_by_label("Role", exact=True).fill("Product Analyst")
    page.get_by_role("button", name="Next: your reflection").click()
    wait_for_app(page)
    assert_no_exception(page, example_server)

    page.get_by_label("What went well", exact=True).fill("I explained my dashboard project well.")
    page.get_by_role("button", name="Next: rate yourself").click()
    wait_for_app(page)
    assert_no_exception(page, example_server)

    page.get_by_role("radiogroup", name="Communication").get_by_text("4", exact=True).click()
    page.get_by_role("button", name="Save reflection").click()
    wait_for_app(page)
    assert_no_exception(page, example_server)
    print(screenshot(page, screenshot_dir, "reflection-saved-feedback"))

    # The next step Home promises: the interviewer's feedback.
    assert re.search(r"/feedback\?rejection=\d+", page.url), page.url
    expect_title(page, "Interviewer feedback")
    expect(page.get_by_text("Your reflection is saved.")).to_be_visible()
    expect_chosen(page, "Globex")
    rows = rejection_rows(example_server.db_path)
    assert len(rows) == before + 1
    globex = next(r for r in rows if r["company"] == "Globex")
    assert globex["role"] == "Product Analyst"
    assert page.url.endswith(f"rejection={globex['id']}")

    visit(page, example_server, "/history", screenshot_dir, "history-after-reflection")
    expect(page.get_by_text(f"{before + 1} rejections, newest first")).to_be_visible()
    expect(page.get_by_test_id("stDataFrame")).to_contain_text("Globex")

    visit(page, example_server, f"/results?rejection={globex['id']}", screenshot_dir, "globex")
    expect_chosen(page, "Globex")


def test_an_empty_company_is_refused_and_nothing_is_saved(example_server, page):
    before = len(rejection_rows(example_server.db_path))
    open_page(page, example_server, "/reflect")
    page.get_by_label("Role", exact=True).fill("Product Analyst")
    page.get_by_role("button", name="Next: your reflection").click()
    wait_for_app(page)
    assert_no_exception(page, example_server)
    # Company is required in the browser: the message shows under it, the form is not sent,
    # and the message goes as soon as the field is filled in.
    required = page.get_by_test_id("stForm").get_by_text("This field is required.")
    expect(required).to_be_visible()
    expect(page.get_by_text("Step 1 of 3")).to_be_visible()
    expect(page.get_by_label("Role", exact=True)).to_have_value("Product Analyst")
    assert len(rejection_rows(example_server.db_path)) == before
    page.get_by_label("Company", exact=True).fill("Globex")
    expect(required).to_have_count(0)


def test_progress_page_shows_its_charts(example_server, page, screenshot_dir):
    visit(page, example_server, "/progress", screenshot_dir, "progress")
    expect_title(page, "Progress")
    charts = page.locator(CHARTS)
    expect(charts.first).to_be_visible()
    assert charts.count() >= 1


def test_next_steps_shows_progress_and_downloads_the_plan(example_server, page, screenshot_dir):
    latest = rejection_rows(example_server.db_path)[0]
    visit(page, example_server, f"/next_steps?rejection={latest['id']}", screenshot_dir, "next")
    expect(page.get_by_test_id("stProgress").first).to_be_visible()
    button = page.get_by_role("button", name=re.compile(r"plan.*Markdown", re.IGNORECASE))
    with page.expect_download() as download_info:
        button.click()
    download = download_info.value
    text = Path(download.path()).read_text(encoding="utf-8")
    assert download.suggested_filename.endswith(".md")
    assert text.strip()
    assert latest["company"] in text
    page.wait_for_selector(APP_READY, state="attached")
    assert_no_exception(page, example_server)
