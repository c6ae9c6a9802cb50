import streamlit as st

import ui
from assessment import forms, storage, validation
from assessment.models import Feedback
from assessment.plan.outreach import feedback_request
from assessment.reading import review
from assessment.reading.reader import fit_factor_keys, read_feedback, suggested_ratings
from assessment.skills import (
    FEEDBACK_STATUS_KEYS,
    FEEDBACK_STATUSES,
    FIT_FACTOR_KEYS,
    FIT_FACTOR_SHORT,
    INTERVIEWER_SCALE,
    SKILLS,
)

ctx = ui.page("Interviewer feedback")
ui.show_flash()

NOT_ASSESSED = 0
RATING_OPTIONS = [*INTERVIEWER_SCALE, NOT_ASSESSED]
POLARITY_OPTIONS = list(review.POLARITY_LABELS.values())

st.title("Interviewer feedback")
rejection_id = ui.choose_rejection(ctx)
if rejection_id is None:
    ui.empty_state("Record feedback once you have logged a rejection.")
    st.stop()
rejection = storage.get_rejection(ctx.db, rejection_id, ctx.owner)
state = st.session_state


def row_keys(i: int) -> tuple[str, str, str]:
    return f"fb_keep_{i}", f"fb_key_{i}", f"fb_pol_{i}"


def set_rows(rows: list[dict]) -> None:
    for i in range(len(state.get("fb_rows", []))):
        for key in row_keys(i):
            state.pop(key, None)
    state.fb_rows = rows
    for i, row in enumerate(rows):
        keep, key, pol = row_keys(i)
        state[keep] = row["keep"]
        state[key] = row["reads_as"]
        state[pol] = row["polarity"]


def current_rows() -> list[dict]:
    rows = []
    for i, row in enumerate(state.get("fb_rows", [])):
        keep, key, pol = row_keys(i)
        rows.append(
            row | {"keep": state.get(keep), "reads_as": state.get(key), "polarity": state.get(pol)}
        )
    return rows


def prefill(findings: list) -> None:
    """Queue ratings and fit factors suggested by findings for the next run (widgets exist)."""
    state.fb_prefill = {
        "ratings": suggested_ratings(findings),
        "fit_factors": fit_factor_keys(findings),
    }


# Load the stored feedback into the form once per rejection.
if state.get("fb_loaded_for") != rejection_id:
    fb = rejection.feedback
    state.fb_status = fb.status
    state.fb_requested_on = fb.requested_on
    state.fb_text = fb.text
    for skill in SKILLS:
        value = fb.ratings.get(skill.key)
        state[f"fb_rating_{skill.key}"] = value if value is not None else NOT_ASSESSED
    state.fb_fit_factors = [f for f in rejection.fit_factors if f in FIT_FACTOR_KEYS]
    set_rows(review.finding_rows(fb.findings))
    state.fb_errors = {}
    state.fb_loaded_for = rejection_id

if "fb_prefill" in state:
    pending = state.pop("fb_prefill")
    for key, value in pending["ratings"].items():
        state[f"fb_rating_{key}"] = value
    state.fb_fit_factors = list(dict.fromkeys([*state.fb_fit_factors, *pending["fit_factors"]]))
    if pending["ratings"] or pending["fit_factors"]:
        st.info(
            f"Pre-filled {len(pending['ratings'])} rating(s) and "
            f"{len(pending['fit_factors'])} outside factor(s) from the findings you kept. "
            "Check them below; nothing is saved until you press Save feedback."
        )

st.text(f"{rejection.company} · {rejection.role}")

if rejection.feedback.status == "not_requested" and not forms.has_feedback(rejection.feedback):
    with st.expander("Haven't asked yet? A short, polite request you can copy", expanded=True):
        st.write(
            "Most interviewers answer a short, specific request. Copy this, adjust it if you "
            "like, and send it today; then set the status below to “Requested”."
        )
        settings = ui.query(ctx, storage.get_settings, ctx.owner)
        st.code(feedback_request(rejection, settings), language=None, wrap_lines=True)

errors = state.fb_errors


def field_error(field: str) -> None:
    if field in errors:
        st.error(errors[field], icon=":material/error:")


with st.form("feedback_form"):
    st.subheader("Did you ask for feedback?")
    st.radio(
        "Feedback status",
        FEEDBACK_STATUS_KEYS,
        format_func=FEEDBACK_STATUSES.get,
        horizontal=True,
        key="fb_status",
    )
    st.caption(
        "Saving feedback text, ratings or kept findings for the first time marks it "
        "“Received”. You can change the status afterwards; Rebound keeps your choice."
    )
    field_error("status")
    first, last = validation.picker_range("requested_on", state.fb_requested_on, today=ui.today())
    st.date_input(
        "Date you asked (for a follow-up reminder)",
        min_value=first,
        max_value=last,
        key="fb_requested_on",
        format="YYYY-MM-DD",
    )
    field_error("requested_on")

    st.subheader("What they said")
    st.text_area(
        "Feedback text",
        key="fb_text",
        height=160,
        placeholder="Paste the email or your notes from the call.",
    )
    field_error("text")
    read = st.form_submit_button("Read the feedback for me", key="fb_read")

    rows = state.fb_rows
    if rows:
        st.markdown("**What Rebound read in it** — keep, change or drop each finding:")
        for i, row in enumerate(rows):
            keep, key, pol = row_keys(i)
            with st.container(border=True):
                st.text(row["quote"])
                if row.get("cue"):
                    st.caption("Read from the words:")
                    st.text(f"“{row['cue']}”")
                c1, c2, c3 = st.columns([1, 2, 2])
                c1.checkbox("Keep", key=keep)
                c2.selectbox("Reads as", review.READS_AS_OPTIONS, key=key)
                c3.selectbox("Strength or concern", POLARITY_OPTIONS, key=pol)
        apply = st.form_submit_button("Use the kept findings for the ratings", key="fb_apply")
    else:
        apply = False
        if state.get("fb_read_empty"):
            st.info(
                "Rebound found no skill or outside factor in this text (thanks and good "
                "wishes don't count). Rate the skills by hand below."
            )

    st.subheader("The interviewer's ratings")
    st.caption("Rate only what they commented on; leave the rest as “Not assessed”.")
    cols = st.columns(2)
    for i, skill in enumerate(SKILLS):
        with cols[i % 2]:
            st.radio(
                skill.name,
                RATING_OPTIONS,
                format_func=lambda v: "Not assessed" if v == NOT_ASSESSED else INTERVIEWER_SCALE[v],
                horizontal=True,
                key=f"fb_rating_{skill.key}",
            )
    st.multiselect(
        "Outside your control",
        FIT_FACTOR_KEYS,
        format_func=FIT_FACTOR_SHORT.get,
        key="fb_fit_factors",
    )
    save = st.form_submit_button("Save feedback", type="primary", key="fb_save")

if read:
    text = validation.clean_text(state.fb_text)
    problem = validation.length_error("text", text)
    if problem:
        state.fb_errors = {"text": problem}
    else:
        state.fb_errors = {}
        findings = read_feedback(text)
        set_rows(review.finding_rows(findings))
        state.fb_read_empty = not findings
        prefill(findings)
    st.rerun()

if apply:
    prefill(review.confirmed_findings(current_rows()))
    st.rerun()

if save:
    chosen = Feedback(
        status=state.fb_status,
        requested_on=state.fb_requested_on,
        text=validation.clean_text(state.fb_text),
        findings=tuple(review.confirmed_findings(current_rows())),
        ratings={
            s.key: (None if (v := state[f"fb_rating_{s.key}"]) == NOT_ASSESSED else v)
            for s in SKILLS
        },
    )
    feedback = forms.feedback_to_save(chosen, had_feedback=forms.has_feedback(rejection.feedback))
    problems = validation.check_feedback(
        status=feedback.status,
        requested_on=feedback.requested_on,
        text=feedback.text,
        today=ui.today(),
    )
    if problems:
        state.fb_errors = problems
        st.rerun()
    try:
        saved_status = storage.save_feedback(
            ctx.db, rejection_id, feedback, ctx.owner, fit_factors=tuple(state.fb_fit_factors)
        )
    except storage.StorageError as exc:
        st.error(f"The feedback could not be saved: {exc} What you entered is kept above.")
    else:
        state.pop("fb_loaded_for", None)
        if saved_status != chosen.status:
            ui.flash(
                "The interviewer's feedback is saved, and its status is now “Received”. "
                "If that is not right, change it on the Feedback page."
            )
        else:
            ui.flash("The interviewer's feedback is saved.")
        ui.go("results", rejection_id)
