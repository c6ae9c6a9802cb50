"""The floor's router: ``st.navigation`` over the same sidebar as ``app.py`` (titles, icons,
sections, URLs), where Results is ``plain_radar_page.py`` and every other page is empty."""

import streamlit as st
from twins import nav

PLAIN_RADAR = nav.HERE.parent / "plain_radar_page.py"


def empty() -> None:
    st.title("Empty", anchor=False)


def page_of(name: str) -> st.Page:
    _name, title, icon, _section = next(p for p in nav.PAGES if p[0] == name)
    if name == "results":
        return st.Page(PLAIN_RADAR, title=title, icon=icon, url_path="results")
    return st.Page(empty, title=title, icon=icon, url_path=name, default=name == "home")


st.set_page_config(page_icon="🌱", layout="wide")
st.navigation(nav.sections(page_of)).run()
