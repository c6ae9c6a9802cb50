"""Twin of Home with the example set: steps, a summary, the next step and links."""

import nav
import streamlit as st
from shown import TEXT

st.set_page_config(page_title="Home · Twin", layout="wide")
st.title("Rebound", anchor=False)
st.write(TEXT)
for col, label in zip(st.columns(4), ["Reflect", "Feedback", "Results", "Next steps"], strict=True):
    col.markdown(f"**{label}**")
    col.caption(TEXT)
st.divider()
st.subheader("Your latest rejection", anchor=False)
st.text("Acme Analytics · Data Analyst · Final round")
for col, (label, value) in zip(
    st.columns(3),
    [("Rated skills", "8 of 8"), ("Feedback", "Received"), ("Plan", "0 of 7")],
    strict=True,
):
    with col, st.container(border=True):
        st.caption(label)
        st.markdown(f"**{value}**")
st.subheader("What to do next", anchor=False)
with st.container(border=True):
    st.markdown("**Shore up a concern**")
    st.text("Write the story that answers this concern")
    st.text(TEXT)
st.button("See your results", key="home_next", type="primary", icon=":material/radar:")
links = st.columns(3)
for col, name in zip(links, ["feedback", "next_steps", "reflect"], strict=True):
    with col:
        st.page_link(nav.page(name), label=nav.TITLES[name], icon=":material/arrow_forward:")
