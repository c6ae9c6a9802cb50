"""Progress's Practice section in real Chromium, with practice and enough interviewer ratings
for a trend: on a desktop and a 390 px phone, in the light and the dark theme, nothing breaks,
nothing scrolls sideways and no chart text is clipped. Screenshots go to the screenshot folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import (
    SCHEMES,
    AppServer,
    assert_no_exception,
    chart_text_outside,
    horizontal_overflow,
    open_page,
    run_app,
    screenshot,
    use_scheme,
    wait_for_charts,
)

from assessment import examples, storage
from assessment.models import Rerating
from assessment.practice import bank
from tests.cases import practised, rated_rejection

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

SCREENS = {"desktop": {"width": 1400, "height": 900}, "phone": {"width": 390, "height": 844}}


def _practice_data(db) -> None:
    """Four rated rejections of the user's own, two skills drilled between them, and the
    example set (which must not change anything in the Practice section)."""
    today = dt.date.today()
    examples.load_examples(db)
    for weeks, own, theirs in (
        (16, {"evidence": 5, "composure": 3}, {"evidence": 2, "composure": 2}),
        (12, {"evidence": 4, "composure": 3}, {"evidence": 2, "composure": 2}),
        (6, {"evidence": 4, "composure": 4}, {"evidence": 3, "composure": 2}),
        (2, {"evidence": 3, "composure": 4}, {"evidence": 3, "composure": 3}),
    ):
        day = today - dt.timedelta(weeks=weeks)
        rated_rejection(db, day, own, theirs, day - dt.timedelta(days=4), company=f"Co {weeks}")
    practised(db, "evidence", today - dt.timedelta(weeks=10))
    practised(db, "evidence", today - dt.timedelta(weeks=9))
    practised(db, "composure", today - dt.timedelta(weeks=5))
    bank.add_rerating(db, Rerating("evidence", 4, today - dt.timedelta(weeks=9)))


@pytest.fixture(scope="module")
def practice_server(
    chromium_executable: str, tmp_path_factory, server_logs: Path
) -> Iterator[AppServer]:
    db_path = tmp_path_factory.mktemp("db") / "rebound.db"
    db = storage.connect(db_path)
    try:
        _practice_data(db)
    finally:
        db.close()
    with run_app(db_path, server_logs) as server:
        yield server


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("screen", SCREENS)
def test_practice_section_reads_on_each_screen_and_theme(
    screen, scheme, practice_server, page, screenshot_dir
):
    page.set_viewport_size(SCREENS[screen])
    use_scheme(page, scheme)
    open_page(page, practice_server, "/progress")
    assert_no_exception(page, practice_server)
    wait_for_charts(page)
    page.wait_for_timeout(300)  # plotly lays out its ticks after the first draw

    expect(page.get_by_role("heading", name="Practice", exact=True)).to_be_visible()
    # the skills' charts, mood, radar, stages and the gaps
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(5)
    expect(
        page.get_by_text("Evidence & examples: rated higher at the next interview")
    ).to_be_visible()
    expect(page.get_by_text("Evidence & examples: converging")).to_be_visible()
    expect(page.get_by_text("Too little data yet")).to_have_count(0)
    page.get_by_role("heading", name="Practice", exact=True).scroll_into_view_if_needed()
    print(screenshot(page, screenshot_dir, f"progress-practice-{screen}-{scheme}"))

    assert not horizontal_overflow(page), horizontal_overflow(page)
    assert not chart_text_outside(page), "\n".join(chart_text_outside(page))
