"""Plain helpers for the tests (import them: ``from tests.helpers import app_page``).

Every AppTest starts the app as a user does, through ``app.py`` and its ``st.navigation``, then
switches to the page under test: one entry style for every page test.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

import ui

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
PAGES = [spec.file for spec in ui.PAGE_SPECS]
TIMEOUT = 60


def new_app(**query: str) -> AppTest:
    """The app, not run yet (set ``secrets``, ``user`` or session state first)."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    return at


def open_page(at: AppTest, page: str | None = None, **query: str) -> AppTest:
    """Run ``at`` (a :func:`new_app`, set up), then switch to ``page`` and run it there."""
    at.run()
    if page is not None:
        at.switch_page(page)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
    return at


def app_page(page: str | None = None, **query: str) -> AppTest:
    """The app run once, then switched to ``page`` (e.g. "app_pages/results.py") and run."""
    return open_page(new_app(**query), page, **query)


def open_folded(at: AppTest, label: str) -> AppTest:
    """Open every expander whose label starts with ``label`` and whose content is drawn only
    while it is open (``st.expander(..., key=..., on_change="rerun")``), as a click on each
    would, and rerun."""
    from streamlit.runtime.state.common import user_key_from_element_id

    keys = [user_key_from_element_id(e.proto.id) for e in at.expander if e.label.startswith(label)]
    for key in keys:
        assert key, f"the expander {label!r} has no key: it is not drawn lazily"
        at.session_state[key] = True
    at.run()
    assert not at.exception
    return at
