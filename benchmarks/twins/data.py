"""Twin of Your data: only its title (no interaction of the suite opens it; it is in the sidebar)."""

import streamlit as st

st.set_page_config(page_title="Your data · Twin", layout="wide")
st.title("Your data", anchor=False)
