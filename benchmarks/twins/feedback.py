"""Twin of Interviewer feedback: only its title (no interaction of the suite opens it; it is in the sidebar)."""

import streamlit as st

st.set_page_config(page_title="Interviewer feedback · Twin", layout="wide")
st.title("Interviewer feedback", anchor=False)
