"""Twin of Next steps: the settings form, then the plan as a fragment (progress, one bordered
card per plan step with its message, open or folded as the app shows it, and Accept button, the
downloads), then the reply box. Accept and Remove flip a flag."""

import streamlit as st
from shown import SHOWN, TEXT

STEPS = SHOWN["next_steps"]["accept_buttons"]
MESSAGES = SHOWN["next_steps"]["messages"]
OPEN = SHOWN["next_steps"]["messages_open"]
accepted = st.session_state.setdefault("twin_accepted", set())

st.set_page_config(page_title="Next steps · Twin", layout="wide")
st.title("Next steps", anchor=False)
st.selectbox("Rejection", ["2026-11-26 · Acme Analytics · Data Analyst"], key="rejection")

with st.expander("Your name and sign-off", expanded=True):
    st.markdown("Asked once, and used to sign every message below.")
    with st.form("settings_form", border=False):
        st.text_input("Your name", key="settings_name")
        st.text_input("Sign-off", key="settings_sign_off")
        st.form_submit_button("Save", key="settings_save")


def message(i: int) -> None:
    folded = st.expander(
        "Message to adapt and send", expanded=i < OPEN, key=f"msg_{i}", on_change="rerun"
    )
    if folded.open:
        with folded:
            st.text("Send today, to the hiring team.")
            st.code(MESSAGES[i], language=None, wrap_lines=True)
            st.caption("Copy: the button at the top right of the message.")
            st.link_button("Open in your mail app", "mailto:?subject=Twin", key=f"mail_{i}")


def take(i: int) -> None:
    accepted.add(i)
    st.session_state["twin_notice"] = i


@st.fragment
def plan() -> None:
    st.subheader("Your progress", anchor=False)
    st.progress(len(accepted) / STEPS)
    st.markdown(f"{len(accepted)} of {STEPS} steps accepted.")
    left, right = st.columns(2)
    left.markdown("**Overdue**")
    left.write("Nothing overdue.")
    right.markdown("**Due this week**")
    right.write("Nothing due in the next seven days.")

    st.subheader("Your plan", anchor=False)
    st.markdown(TEXT)
    for i in range(STEPS):
        with st.container(border=True):
            st.markdown(f"**{i + 1}. Strategy** · Skill · suggested\n\n#### Step {i + 1}")
            st.markdown("**Why**")
            st.text(TEXT)
            st.markdown("**What to do**")
            st.text(TEXT)
            if i < len(MESSAGES):
                message(i)
            if i not in accepted:
                st.button(
                    "Accept: add to my plan",
                    key=f"accept_{i}",
                    on_click=take,
                    args=(i,),
                    type="primary" if i == 0 else "secondary",
                )
            else:
                st.date_input("Due date (optional)", value=None, key=f"due_{i}")
                col1, col2 = st.columns(2)
                col1.button("Mark as done", key=f"done_{i}", type="primary")
                col2.button(
                    "Remove from plan", key=f"remove_{i}", on_click=accepted.discard, args=(i,)
                )
            if st.session_state.get("twin_notice") == i:  # the app's notice in the card
                del st.session_state["twin_notice"]
                st.success(TEXT)

    st.subheader("Take your plan with you", anchor=False)
    col1, col2 = st.columns(2)
    col1.download_button("Download the plan (Markdown)", data=lambda: TEXT, file_name="plan.md")
    col2.download_button("Download reminders (calendar .ics)", data=b"", disabled=True)
    st.markdown(TEXT)
    st.info("Nothing for your calendar yet: accept a step and give it a due date.")


plan()

st.subheader("Write your own reply", anchor=False)
st.markdown(TEXT)
st.text_area("Your reply", key="reply_box", height=160, max_chars=20_000)
st.button("Check tone", key="check_tone")
