import streamlit as st

import ui
from assessment import drafts, forms, storage, validation
from assessment.models import Feedback
from assessment.plan.outreach import feedback_request
from assessment.reading import review
from assessment.reading.reader import fit_factor_keys, read_feedback, suggested_ratings
from assessment.skills import (
    FEEDBACK_STATUS_KEYS,
    FEEDBACK_STATUSES,
    FIT_FACTOR_SHORT,
    INTERVIEWER_SCALE,
    SKILLS,
)
from assessment.text import counted

ctx = ui.page("Interviewer feedback")
ui.show_flash()

NOT_ASSESSED = 0  # the explicit "Not assessed" segment; stored as None
RATING_OPTIONS = [*INTERVIEWER_SCALE, NOT_ASSESSED]


def rating_label(value: int) -> str:
    """The interviewer scale's words, kept whole on one line ("Strong strength")."""
    label = "Not assessed" if value == NOT_ASSESSED else INTERVIEWER_SCALE[value]
    return label.replace(" ", "\u00a0")


POLARITY_OPTIONS = list(review.POLARITY_LABELS.values())

st.title("Interviewer feedback", anchor=False)
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


def form_fields() -> dict:
    """What the form holds now (the fields of a feedback draft)."""
    return {
        "status": state.fb_status,
        "requested_on": state.fb_requested_on,
        "text": state.fb_text,
        "ratings": {
            s.key: (None if (v := state[f"fb_rating_{s.key}"]) in (NOT_ASSESSED, None) else v)
            for s in SKILLS
        },
        "rows": current_rows(),
        "read_empty": bool(state.get("fb_read_empty")),
    }


def stored_fields() -> dict:
    fb = rejection.feedback
    return {
        "status": fb.status,
        "requested_on": fb.requested_on,
        "text": fb.text,
        "ratings": {s.key: fb.ratings.get(s.key) for s in SKILLS},
        "rows": review.finding_rows(fb.findings),
        "read_empty": False,
    }


def show_fields(fields: dict) -> None:
    """Put ``fields`` into the form's widgets (before they are drawn)."""
    state.fb_status = fields["status"]
    state.fb_requested_on = fields["requested_on"]
    state.fb_text = fields["text"]
    for skill in SKILLS:
        value = fields["ratings"].get(skill.key)
        state[f"fb_rating_{skill.key}"] = value if value is not None else NOT_ASSESSED
    set_rows(fields["rows"])
    state.fb_read_empty = fields["read_empty"]
    state.fb_errors = {}


def keep_draft() -> None:
    """Keep what the form holds, in this session and in the database."""
    fields = form_fields()
    state.fb_kept = (rejection_id, fields)
    try:
        drafts.keep(
            ctx.db, drafts.FEEDBACK, rejection_id, forms.feedback_draft_to_json(fields), ctx.owner
        )
    except storage.StorageError as exc:
        state.fb_draft_problem = str(exc)
    else:
        state.pop("fb_draft_problem", None)


def discard_draft() -> None:
    try:
        drafts.discard(ctx.db, drafts.FEEDBACK, rejection_id, ctx.owner)
    except storage.StorageError as exc:
        state.fb_draft_problem = str(exc)
        return
    state.pop("fb_kept", None)
    state.pop("fb_restored", None)
    show_fields(stored_fields())
    ui.flash("The draft is discarded.")


# Fill the form when the page is entered for a rejection (or entered again: Streamlit drops
# a widget's value once it is not drawn): the draft kept for it if there is one, this
# session's or the database's, else what is stored.
if state.get("fb_loaded_for") != rejection_id or "fb_text" not in state:
    kept = state.get("fb_kept")
    fields = kept[1] if kept and kept[0] == rejection_id else None
    restored_at = None
    if fields is None:
        stored = drafts.read(
            ctx.db, drafts.FEEDBACK, rejection_id, forms.feedback_draft_from_json, ctx.owner
        )
        if stored is not None:
            fields, restored_at = stored.fields, stored.updated_at or True
    else:
        restored_at = True
    if fields is None:
        state.pop("fb_restored", None)
        show_fields(stored_fields())
    else:
        state.fb_restored = restored_at
        show_fields(fields)
    state.pop("fb_kept", None)
    state.fb_loaded_for = rejection_id

if "fb_prefill" in state:
    pending = state.pop("fb_prefill")
    for key, value in pending["ratings"].items():
        state[f"fb_rating_{key}"] = value
    if pending["ratings"] or pending["fit_factors"]:
        found = counted(len(pending["ratings"]), "rating")
        if pending["fit_factors"]:
            found += " and noted " + counted(len(pending["fit_factors"]), "outside factor")
        st.info(
            f"Pre-filled {found} from the findings you kept. Check them below; nothing is "
            "saved until you press Save feedback."
        )

ui.draft_notice(
    state.get("fb_restored"),
    state.get("fb_draft_problem"),
    "fb_discard_draft",
    discard_draft,
    "what you entered{when} is back. Carry on, or discard it to see what is saved.",
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
    st.subheader("Did you ask for feedback?", anchor=False)
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

    st.subheader("What they said", anchor=False)
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

    st.subheader("The interviewer's ratings", anchor=False)
    st.caption("Rate only what they commented on; leave the rest as “Not assessed”.")
    for skill in SKILLS:
        st.segmented_control(
            skill.name,
            RATING_OPTIONS,
            format_func=rating_label,
            required=True,
            wrap=True,
            key=f"fb_rating_{skill.key}",
        )
    st.markdown("**Outside your control**")
    if rejection.fit_factors:
        st.text(" · ".join(FIT_FACTOR_SHORT.get(f, f) for f in rejection.fit_factors))
    st.caption(
        "From your reflection; outside factors in the findings you keep are added when you "
        "save. To change the list, edit the reflection."
    )
    col1, col2 = st.columns(2)
    keep = col1.form_submit_button("Keep as a draft", key="fb_keep_draft")
    save = col2.form_submit_button("Save feedback", type="primary", key="fb_save")

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
    state.pop("fb_restored", None)
    keep_draft()
    st.rerun()

if apply:
    prefill(review.confirmed_findings(current_rows()))
    state.pop("fb_restored", None)
    keep_draft()
    st.rerun()

if keep:
    state.pop("fb_restored", None)
    keep_draft()
    if "fb_draft_problem" not in state:
        ui.flash("Kept as a draft. It comes back here until you save or discard it.")
    st.rerun()

if save:
    fields = form_fields()
    chosen = Feedback(
        status=fields["status"],
        requested_on=fields["requested_on"],
        text=validation.clean_text(fields["text"]),
        findings=tuple(review.confirmed_findings(fields["rows"])),
        ratings=fields["ratings"],
    )
    feedback = forms.feedback_to_save(chosen, had_feedback=forms.has_feedback(rejection.feedback))
    problems = validation.check_feedback(
        status=feedback.status,
        requested_on=feedback.requested_on,
        text=feedback.text,
        today=ui.today(),
    )
    if problems:
        keep_draft()
        state.fb_errors = problems
        st.rerun()
    fit_factors = dict.fromkeys([*rejection.fit_factors, *fit_factor_keys(list(feedback.findings))])
    try:
        with drafts.discarding(ctx.db, drafts.FEEDBACK, rejection_id, ctx.owner):
            saved_status = storage.save_feedback(
                ctx.db, rejection_id, feedback, ctx.owner, fit_factors=tuple(fit_factors)
            )
    except storage.StorageError as exc:
        keep_draft()
        st.error(f"The feedback could not be saved: {exc} What you entered is kept above.")
    else:
        for key in ("fb_loaded_for", "fb_kept", "fb_restored"):
            state.pop(key, None)
        if saved_status != chosen.status:
            ui.flash(
                "The interviewer's feedback is saved, and its status is now “Received”. "
                "If that is not right, change it on the Feedback page."
            )
        else:
            ui.flash("The interviewer's feedback is saved.")
        ui.go("results", rejection_id)
