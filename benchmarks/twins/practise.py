"""Twin of Practise: only its title (no interaction of the suite opens it; it is in the sidebar)."""

import streamlit as st

st.set_page_config(page_title="Practise · Twin", layout="wide")
st.title("Practise", anchor=False)
