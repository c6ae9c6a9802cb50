"""The twins' page list: the same titles, icons, sidebar sections and URLs as ``ui.PAGE_SPECS``.

Copied as constants (the twins import nothing of Rebound); ``benchmarks/run.py`` checks that
the copy still matches the app's registry before it measures.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

HERE = Path(__file__).resolve().parent

# (name, title, icon, section): the order and sections of the app's sidebar
PAGES = (
    ("home", "Home", ":material/home:", ""),
    ("reflect", "Reflect", ":material/edit_note:", "This rejection"),
    ("feedback", "Interviewer feedback", ":material/forum:", "This rejection"),
    ("results", "Results", ":material/radar:", "This rejection"),
    ("next_steps", "Next steps", ":material/checklist:", "This rejection"),
    ("practise", "Practise", ":material/record_voice_over:", "Over time"),
    ("history", "History", ":material/history:", "Over time"),
    ("progress", "Progress", ":material/trending_up:", "Over time"),
    ("data", "Your data", ":material/save:", "Over time"),
)
TITLES = {name: title for name, title, _icon, _section in PAGES}


def page(name: str) -> st.Page:
    """The twin of one page: ``twins/<name>.py``, at the app's URL for that page."""
    _name, title, icon, _section = next(p for p in PAGES if p[0] == name)
    return st.Page(HERE / f"{name}.py", title=title, icon=icon, default=name == "home")


def sections(page_of: Callable[[str], st.Page] = page) -> dict[str, list[st.Page]]:
    """The pages grouped into the sidebar's sections, for ``st.navigation``."""
    grouped: dict[str, list[st.Page]] = {}
    for name, _title, _icon, section in PAGES:
        grouped.setdefault(section, []).append(page_of(name))
    return grouped
