"""Twin of Results: the radar, the skills table, strengths, weaknesses and calibration."""

import streamlit as st
from shown import CHART_CONFIG, TEXT, figure, table

st.set_page_config(page_title="Results · Twin", layout="wide")
st.title("Results", anchor=False)
st.selectbox("Rejection", ["2026-11-26 · Acme Analytics · Data Analyst"], key="rejection")
st.subheader("Your view and the interviewer's", anchor=False)
with st.container():
    st.plotly_chart(figure("results", 0), width="stretch", key="radar", config=CHART_CONFIG)
    st.caption(TEXT)
with st.container():
    st.dataframe(table("results", 0), hide_index=True, width="stretch", key="skills")
    st.caption("Average combined score: 3.6.")
col1, col2 = st.columns(2)
for col, title in ((col1, "Strengths"), (col2, "Areas to work on")):
    with col:
        st.subheader(title, anchor=False)
        for name in ("Problem solving", "Communication"):
            st.markdown(f"**{name}**")
            st.text(TEXT)
st.subheader("Calibration: how your view compares", anchor=False)
for col, group in zip(st.columns(4), ["Agreed", "Hidden", "Blind spot", "Unknown"], strict=True):
    with col:
        st.markdown(f"**{group}**")
        st.caption(TEXT)
