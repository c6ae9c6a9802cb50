"""Accessibility: axe-core on every page with the example data loaded, in the light and the
dark theme (the browser's preferred colour scheme, which the app follows).

No violation of impact "serious" or "critical" may be ours. Streamlit's own ones are found by
running axe on a bare Streamlit app with a plotly radar (``baseline_app.py``, Streamlit's default
theme in the same colour scheme); exactly the rule ids that page also breaks are excluded, and
printed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import (
    RUN_COUNTER_SCRIPT,
    SCHEMES,
    AppServer,
    assert_no_exception,
    blocking_violations,
    describe,
    foreign_requests,
    kinds,
    open_page,
    page_paths,
    run_app,
    split,
    use_scheme,
    wait_for_app,
    wait_for_charts,
)

pytestmark = pytest.mark.browser
# Collected (and skipped) even where Playwright is not installed: `-m "not browser"` works there.
expect = pytest.importorskip("playwright.sync_api").expect

BASELINE_APP = Path(__file__).with_name("baseline_app.py")
PAGES = page_paths()


@pytest.fixture(scope="module")
def baseline_server(chromium_executable, tmp_path_factory, server_logs) -> Iterator[AppServer]:
    # An empty working folder: none of the project's .streamlit settings (theme) apply.
    folder = tmp_path_factory.mktemp("baseline")
    with run_app(folder / "unused.db", server_logs, script=BASELINE_APP, cwd=folder) as server:
        yield server


@pytest.fixture(scope="module")
def streamlit_kinds(browser, baseline_server) -> dict[str, set[tuple[str, str]]]:
    """Per colour scheme, (rule id, element kind) of the serious or critical axe violations on
    the bare page."""
    found_by_scheme = {}
    for scheme in SCHEMES:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
        context.add_init_script(RUN_COUNTER_SCRIPT)
        urls: list[str] = []
        context.on("request", lambda req, urls=urls: urls.append(req.url))
        try:
            tab = context.new_page()
            open_page(tab, baseline_server, "/")
            assert_no_exception(tab, baseline_server)
            wait_for_charts(tab)
            found = blocking_violations(tab)
        finally:
            context.close()
        assert not foreign_requests(urls), foreign_requests(urls)
        print(f"Streamlit's own serious/critical axe violations, {scheme} (excluded from ours):")
        for violation in found:
            print(describe(violation))
        found_by_scheme[scheme] = kinds(found)
    return found_by_scheme


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(path, scheme, example_server, page, streamlit_kinds):
    use_scheme(page, scheme)
    open_page(page, example_server, path)
    assert_no_exception(page, example_server)
    wait_for_charts(page)
    ours, excluded = split(blocking_violations(page), streamlit_kinds[scheme])
    if excluded:
        print(f"Excluded on {path}, {scheme} (the bare Streamlit baseline breaks these too):")
        for violation in excluded:
            print(describe(violation))
    assert not ours, (
        f"Serious or critical accessibility violations on {path}, {scheme} theme:\n"
        + "\n".join(describe(v) for v in ours)
    )


def test_reflect_ratings_step_has_no_serious_violations(example_server, page, streamlit_kinds):
    """The last Reflect step: eight rows of radio buttons, the form's main input."""
    open_page(page, example_server, "/reflect")
    page.get_by_label("Company", exact=True).fill("Initech")
    page.get_by_label("Role", exact=True).fill("Analyst")
    page.get_by_role("button", name="Next: your reflection").click()
    wait_for_app(page)
    page.get_by_role("button", name="Next: rate yourself").click()
    wait_for_app(page)
    assert_no_exception(page, example_server)
    expect(page.get_by_role("radiogroup", name="Communication")).to_be_visible()
    ours, _excluded = split(blocking_violations(page), streamlit_kinds["light"])
    assert not ours, "Serious or critical accessibility violations on Reflect, step 3:\n" + (
        "\n".join(describe(v) for v in ours)
    )
