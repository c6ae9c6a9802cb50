"""The questionnaire floor: a bare form with as many inputs as Reflect or Feedback, no logic.

25 inputs (text, dates, selects, radios, checkboxes, buttons) in one ``st.form``, constant
options, no database and no session state: what Streamlit itself costs to draw such a page.
"""

import datetime as dt

import streamlit as st

SCALE = [1, 2, 3, 4, 5, 0]
SKILLS = [
    "Communication",
    "Role knowledge",
    "Problem solving",
    "Evidence & examples",
    "Preparation & research",
    "Collaboration & leadership",
    "Motivation & fit",
    "Composure & confidence",
]
DAY = dt.date(2024, 1, 15)

st.set_page_config(page_title="Bare form", layout="wide")
st.title("Bare form")
st.selectbox("Which one?", ["A new one", "Edit: first", "Edit: second"], key="which")
with st.form("bare"):
    st.text_input("Company", key="company")
    st.text_input("Role", key="role")
    st.text_input("Contact name", key="contact")
    st.selectbox("Stage", ["Screening", "Technical", "Onsite", "Final"], key="stage")
    st.date_input("Interview date", value=DAY, key="interviewed")
    st.date_input("Rejection date", value=DAY, key="rejected")
    st.text_area("Reason", key="reason")
    st.text_area("Went well", key="went_well")
    st.text_area("Do differently", key="differently")
    st.multiselect("Outside control", ["Candidate", "Internal", "Budget"], key="fit")
    st.radio("Mood", SCALE[:5], horizontal=True, key="mood")
    st.radio("Confidence", SCALE[:5], horizontal=True, key="confidence")
    for i, name in enumerate(SKILLS):
        st.radio(name, SCALE, horizontal=True, key=f"skill_{i}")
        st.caption("1 — weak  \n5 — strong")
    st.checkbox("Keep the first", key="keep_1")
    st.checkbox("Keep the second", key="keep_2")
    st.form_submit_button("Back", key="back")
    st.form_submit_button("Save", type="primary", key="save")
