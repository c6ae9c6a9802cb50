"""Twin of Reflect: the chooser, the progress bar and the three steps' forms, no logic.

Next goes on a step with ``st.rerun`` as Reflect's does; Save switches to the Results twin."""

import datetime as dt

import nav
import streamlit as st

DAY = dt.date(2026, 11, 26)
STAGES = ["Application", "Screening call", "First interview", "Technical", "Final round"]
FIT = ["Another candidate", "Internal hire", "Budget or headcount", "Timing", "Role changed"]
MOODS = [1, 2, 3, 4, 5]
RATINGS = [1, 2, 3, 4, 5, 0]
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
STEPS = ["The rejection", "Your reflection", "Rate yourself"]

st.set_page_config(page_title="Reflect · Twin", layout="wide")
step = st.session_state.setdefault("twin_step", 0)


def go_to(new_step: int) -> None:
    st.session_state.twin_step = new_step
    st.rerun()


st.title("Reflect", anchor=False)
st.write("A few minutes while it is fresh. Constant text of the same length as Reflect's.")
st.selectbox("Which rejection?", ["A new rejection", "Edit: Acme Analytics"], key="r_which")
st.progress((step + 1) / 3, text=f"Step {step + 1} of 3: {STEPS[step]}")

if step == 0:
    with st.expander("Paste the email you received (optional)"):
        with st.form("reflect_email"):
            st.text_area("The email", key="r_email_text")
            st.form_submit_button("Read the email")
    with st.form("reflect_rejection"):
        st.subheader("The rejection", anchor=False)
        st.text_input("Company", value="Acme Analytics", key="r_company", required=True)
        st.text_input("Role", value="Data Analyst", key="r_role", required=True)
        st.text_input("Contact name (optional)", key="r_contact_name", help="Constant help.")
        st.selectbox("Stage reached", STAGES, key="r_stage")
        col1, col2 = st.columns(2)
        col1.date_input("Interview date (optional)", value=DAY, key="r_interviewed_on")
        col2.date_input("Rejection date", value=DAY, key="r_rejected_on")
        st.text_area("The reason they gave (optional)", key="r_reason_given")
        next_clicked = st.form_submit_button("Next: your reflection", type="primary")
    if next_clicked:
        go_to(1)
elif step == 1:
    with st.form("reflect_reflection"):
        st.subheader("Your reflection", anchor=False)
        st.text_area("What went well", key="r_went_well")
        st.text_area("What would you do differently", key="r_do_differently")
        st.multiselect("What was outside your control? (optional)", FIT, key="r_fit_factors")
        st.text_area("In your own words (optional)", key="r_outside_control")
        st.segmented_control("How is your mood today?", MOODS, key="r_mood")
        st.segmented_control("How confident do you feel?", MOODS, key="r_confidence")
        st.caption("Tap a chosen answer again to leave it blank.")
        col1, col2 = st.columns(2)
        back = col1.form_submit_button("Back")
        forward = col2.form_submit_button("Next: rate yourself", type="primary")
    if back or forward:
        go_to(0 if back else 2)
else:
    with st.form("reflect_ratings"):
        st.subheader("Rate yourself", anchor=False)
        st.write("For each skill, how did you do in this interview? Constant text.")
        for skill in SKILLS:
            st.segmented_control(skill, RATINGS, default=3, required=True, key=f"r_{skill}")
            st.caption("1 — weak  \n5 — strong")
        col1, col2 = st.columns(2)
        back = col1.form_submit_button("Back")
        save = col2.form_submit_button("Save reflection", type="primary")
    if back:
        go_to(1)
    if save:
        del st.session_state.twin_step
        st.switch_page(nav.page("results"))
