"""Twin of Progress: the filters, the metrics, a pattern, the same four charts and two tables
(a fragment, as the app's filtered part is), then the practice section."""

import datetime as dt

import streamlit as st
from shown import CHART_CONFIG, TEXT, figure, table

STAGES = ["Application", "Screening call", "First interview", "Technical", "Final round"]
SKILLS = ["Communication", "Role knowledge", "Problem solving", "Evidence & examples"]
BOUNDS = (dt.date(2026, 10, 4), dt.date(2026, 11, 26))

st.set_page_config(page_title="Progress · Twin", layout="wide")
st.title("Progress", anchor=False)


@st.fragment
def filtered() -> None:
    with st.container(border=True):
        cols = st.columns([2, 2, 2])
        cols[0].date_input("Rejected between", value=BOUNDS, key="progress_dates")
        cols[1].multiselect(
            "Stage reached", STAGES, key="progress_stages", placeholder="All stages"
        )
        cols[2].text_input("Company contains", key="progress_company", max_chars=200)
    metrics = st.columns(3)
    metrics[0].metric("Rejections shown", "3")
    metrics[1].metric("Typical days between rejections", "26", help="Constant help.")
    metrics[2].metric("Days since the one before the latest", "25")
    st.header("Patterns", anchor=False)
    with st.container(border=True, key="pattern_0"):
        st.markdown("**A pattern**")
        st.text(TEXT)
    st.header("Skills over time", anchor=False)
    st.multiselect("Skills to show", SKILLS, key="progress_skills", placeholder="All skills")
    st.plotly_chart(figure("progress", 0), width="stretch", key="chart_skills", config=CHART_CONFIG)
    left, right = st.columns(2)
    with left:
        st.subheader("Mood and confidence", anchor=False)
        st.plotly_chart(
            figure("progress", 1), width="stretch", key="chart_mood", config=CHART_CONFIG
        )
    with right:
        st.subheader("First and latest assessment", anchor=False)
        st.plotly_chart(
            figure("progress", 2), width="stretch", key="chart_radar", config=CHART_CONFIG
        )
    left, right = st.columns(2)
    with left:
        st.subheader("Stages reached", anchor=False)
        st.plotly_chart(
            figure("progress", 3), width="stretch", key="chart_stages", config=CHART_CONFIG
        )
    with right:
        st.subheader("Skills that improved", anchor=False)
        st.caption(TEXT)
        st.dataframe(table("progress", 0), hide_index=True, width="stretch", key="table_change")
    st.header("Rejections in this selection", anchor=False)
    st.dataframe(table("progress", 1), width="stretch", hide_index=True, key="table_rejections")


filtered()
st.header("Practice", anchor=False)
st.caption(TEXT)
st.info(TEXT)
st.subheader("Your rating and the interviewer's", anchor=False)
st.info(TEXT)
