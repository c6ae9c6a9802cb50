"""Every page on a desktop (1400x900) and a phone (390x844), in the light and the dark theme,
with the example data: the theme is the one asked for, nothing breaks, nothing scrolls
sideways, no chart text is clipped, and no heading anchor sits in the tab order. Screenshots of
each go to the screenshot folder. Axe runs in both themes in ``test_accessibility.py``.

Also the theme choice in the app menu, the focus ring and the always-visible copy button.
"""

from __future__ import annotations

import tomllib

import pytest
from browser_helpers import (
    APP_BACKGROUND,
    ROOT,
    SCHEMES,
    assert_no_exception,
    chart_text_outside,
    focusable_heading_anchors,
    hex_to_rgb,
    horizontal_overflow,
    open_page,
    page_paths,
    radar_skill_names,
    screenshot,
    use_scheme,
    wait_for_app,
    wait_for_charts,
)

from assessment.skills import SKILL_NAMES

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

THEMES = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
SCREENS = {"desktop": {"width": 1400, "height": 900}, "phone": {"width": 390, "height": 844}}
PAGES = page_paths()
CHARTS = {"/results": 1, "/progress": 4}  # plotly charts each page draws with the example data


def show(page, server, path: str, screen: str, scheme: str) -> None:
    page.set_viewport_size(SCREENS[screen])
    use_scheme(page, scheme)
    open_page(page, server, path)
    assert_no_exception(page, server)
    wait_for_charts(page)
    page.wait_for_timeout(300)  # plotly lays out its legend and ticks after the first draw


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_reads_on_each_screen_and_theme(
    path, screen, scheme, example_server, page, screenshot_dir
):
    show(page, example_server, path, screen, scheme)
    name = f"{path.strip('/') or 'home'}-{screen}-{scheme}"
    print(screenshot(page, screenshot_dir, name))

    assert page.evaluate(APP_BACKGROUND) == hex_to_rgb(THEMES[scheme]["backgroundColor"])
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(CHARTS.get(path, 0))
    assert not horizontal_overflow(page), horizontal_overflow(page)
    assert not chart_text_outside(page), "\n".join(chart_text_outside(page))
    assert not focusable_heading_anchors(page), focusable_heading_anchors(page)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("screen", SCREENS)
def test_radar_names_every_skill_inside_its_box(screen, scheme, example_server, page):
    show(page, example_server, "/results", screen, scheme)
    chart = page.get_by_test_id("stPlotlyChart").first.locator(".js-plotly-plot")
    assert radar_skill_names(chart) == list(SKILL_NAMES.values())
    box = chart.bounding_box()
    ticks = chart.locator(".angularaxistick text")
    assert ticks.count() == len(SKILL_NAMES)
    for i in range(ticks.count()):
        tick = ticks.nth(i).bounding_box()
        assert tick["x"] >= box["x"] and tick["x"] + tick["width"] <= box["x"] + box["width"]
        assert tick["y"] >= box["y"] and tick["y"] + tick["height"] <= box["y"] + box["height"]
    legend = chart.locator(".legend").first.bounding_box()
    for i in range(ticks.count()):
        tick = ticks.nth(i).bounding_box()
        assert (
            tick["y"] + tick["height"] <= legend["y"]
            or tick["x"] + tick["width"] <= legend["x"]
            or tick["x"] >= legend["x"] + legend["width"]
        ), f"a skill name runs into the legend: {tick} {legend}"
    if screen == "desktop":
        polar = chart.locator(".polarlayer .plotbg path").first
        diameter = polar.bounding_box()["width"]
        assert diameter >= 400, f"the radar is {diameter:.0f} px wide on a desktop"


def test_the_app_menu_offers_the_theme_and_no_developer_options(example_server, page):
    show(page, example_server, "/results", "desktop", "light")
    page.get_by_test_id("stMainMenuButton").click()
    switcher = page.get_by_test_id("stThemeSwitcher")
    expect(switcher).to_be_visible()
    menu = page.get_by_test_id("stMainMenuList")
    for item in ("Rerun", "Clear cache", "Deploy", "Record screen", "Print"):
        expect(menu.get_by_text(item, exact=True)).to_have_count(0)
    expect(switcher.get_by_role("menuitemradio")).to_have_count(3)  # System, Light, Dark
    switcher.get_by_role("menuitemradio", name="Dark").click()
    wait_for_app(page)
    expect(page.get_by_test_id("stApp")).to_have_css(
        "background-color", hex_to_rgb(THEMES["dark"]["backgroundColor"])
    )


FOCUS_OUTLINE = """() => {
  const s = getComputedStyle(document.activeElement);
  return {tag: document.activeElement.tagName, style: s.outlineStyle,
          width: parseFloat(s.outlineWidth), colour: s.outlineColor};
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_keyboard_focus_shows_a_clear_ring_on_links_and_radios(scheme, example_server, page):
    import ui

    show(page, example_server, "/results", "desktop", scheme)
    page.keyboard.press("Shift")  # a key first: focus then counts as keyboard focus
    page.get_by_test_id("stPageLink-NavLink").first.focus()
    ring = page.evaluate(FOCUS_OUTLINE)
    assert ring["tag"] == "A" and ring["style"] == "solid" and ring["width"] >= 2, ring
    assert ring["colour"] == hex_to_rgb(ui.FOCUS_COLOUR), ring

    show(page, example_server, "/feedback", "desktop", scheme)
    radios = page.get_by_role("radiogroup").first
    radios.get_by_role("radio").first.focus()
    page.keyboard.press("ArrowRight")
    option = radios.locator('label[data-testid="stRadioOption"][data-focus-visible]')
    expect(option).to_have_count(1)
    expect(option).to_have_css("outline-style", "solid")


def test_copy_buttons_show_without_hovering(example_server, page):
    show(page, example_server, "/next_steps", "phone", "light")
    page.mouse.move(0, 0)
    copy = page.get_by_test_id("stCode").first.get_by_role("button", name="Copy to clipboard")
    expect(copy).to_be_visible()
