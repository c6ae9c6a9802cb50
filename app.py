"""Rebound: the router. The pages and their sidebar sections are defined once, in ``ui``."""

import streamlit as st

import ui

# The tab icon is an emoji, set before the pages' Material icons could become the favicon
# (the browser would fetch a Material favicon from a font server).
st.set_page_config(page_icon=ui.APP_ICON, layout="wide")
st.navigation(ui.navigation()).run()
