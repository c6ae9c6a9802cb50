"""The bare twin of the app: the same sidebar of pages through ``st.navigation``, each page
drawing the same widgets and charts as the app's from constant data, with no logic."""

import nav
import streamlit as st

st.set_page_config(page_icon="🌱", layout="wide")
st.navigation(nav.sections()).run()
