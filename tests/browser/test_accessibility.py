"""Accessibility: axe-core on every page with the example data loaded.

No violation of impact "serious" or "critical" may be ours. Streamlit's own ones are found by
running axe on a bare Streamlit app with a plotly radar (``baseline_app.py``, Streamlit's default
theme); exactly the rule ids that page also breaks are excluded, and printed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import (
    RUN_COUNTER_SCRIPT,
    AppServer,
    assert_no_exception,
    foreign_requests,
    open_page,
    run_app,
    wait_for_app,
)

pytestmark = pytest.mark.browser
# Collected (and skipped) even where Playwright is not installed: `-m "not browser"` works there.
expect = pytest.importorskip("playwright.sync_api").expect

BASELINE_APP = Path(__file__).with_name("baseline_app.py")
BLOCKING = ("serious", "critical")
PAGES = ["/", "/reflect", "/feedback", "/results", "/next_steps", "/history", "/progress", "/data"]


ELEMENT_KIND = """selector => {
  const node = document.querySelector(selector);
  const owner = node && node.closest('[data-testid]');
  return owner ? owner.getAttribute('data-testid') : 'page';
}"""


def blocking_violations(page) -> list[dict]:
    """Axe's serious and critical violations; each node gets ``kind``: the Streamlit element it
    sits in (its nearest ``data-testid``)."""
    from axe_playwright_python.sync_playwright import Axe

    found = [v for v in Axe().run(page).response["violations"] if v.get("impact") in BLOCKING]
    for violation in found:
        for node in violation["nodes"]:
            target = node["target"][-1] if node["target"] else ""
            node["kind"] = page.evaluate(ELEMENT_KIND, target) if isinstance(target, str) else "?"
    return found


def kinds(violations: list[dict]) -> set[tuple[str, str]]:
    return {(v["id"], node["kind"]) for v in violations for node in v["nodes"]}


def split(violations: list[dict], streamlit_kinds: set[tuple[str, str]]):
    """(ours, Streamlit's): violations with only the nodes of each side."""
    ours, theirs = [], []
    for violation in violations:
        for side, keep in ((ours, False), (theirs, True)):
            nodes = [
                n
                for n in violation["nodes"]
                if ((violation["id"], n["kind"]) in streamlit_kinds) == keep
            ]
            if nodes:
                side.append({**violation, "nodes": nodes})
    return ours, theirs


def wait_for_charts(page) -> None:
    """Plotly draws after the script run; give every chart its axes before axe looks."""
    for chart in page.get_by_test_id("stPlotlyChart").all():
        chart.locator(".main-svg").first.wait_for(state="attached")


def describe(violation: dict) -> str:
    lines = [f"{violation['id']} ({violation['impact']}): {violation['help']}"]
    lines.append(f"  {violation.get('helpUrl', '')}")
    for node in violation["nodes"][:8]:
        lines.append(f"  - in {node.get('kind')} {node['html'][:160]}")
        lines.append(f"    target {node['target']}")
        summary = (node.get("failureSummary") or "").replace("\n", " ")
        if summary:
            lines.append(f"    {summary[:300]}")
    if len(violation["nodes"]) > 8:
        lines.append(f"  ... and {len(violation['nodes']) - 8} more elements")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def baseline_server(chromium_executable, tmp_path_factory, server_logs) -> Iterator[AppServer]:
    # An empty working folder: none of the project's .streamlit settings (theme) apply.
    folder = tmp_path_factory.mktemp("baseline")
    with run_app(folder / "unused.db", server_logs, script=BASELINE_APP, cwd=folder) as server:
        yield server


@pytest.fixture(scope="module")
def streamlit_kinds(browser, baseline_server) -> set[tuple[str, str]]:
    """(rule id, element kind) of the serious or critical axe violations on the bare page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RUN_COUNTER_SCRIPT)
    urls: list[str] = []
    context.on("request", lambda req: urls.append(req.url))
    try:
        tab = context.new_page()
        open_page(tab, baseline_server, "/")
        assert_no_exception(tab, baseline_server)
        wait_for_charts(tab)
        found = blocking_violations(tab)
    finally:
        context.close()
    assert not foreign_requests(urls), foreign_requests(urls)
    print("Streamlit's own serious/critical axe violations (excluded from our pages):")
    for violation in found:
        print(describe(violation))
    return kinds(found)


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(path, example_server, page, streamlit_kinds):
    open_page(page, example_server, path)
    assert_no_exception(page, example_server)
    wait_for_charts(page)
    ours, excluded = split(blocking_violations(page), streamlit_kinds)
    if excluded:
        print(f"Excluded on {path} (the bare Streamlit baseline breaks these too):")
        for violation in excluded:
            print(describe(violation))
    assert not ours, f"Serious or critical accessibility violations on {path}:\n" + "\n".join(
        describe(v) for v in ours
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
    ours, _excluded = split(blocking_violations(page), streamlit_kinds)
    assert not ours, "Serious or critical accessibility violations on Reflect, step 3:\n" + (
        "\n".join(describe(v) for v in ours)
    )
