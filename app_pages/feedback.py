import streamlit as st

import ui
from assessment import drafts, forms, storage, validation
from assessment.models import Feedback
from assessment.plan import request_kit
from assessment.plan.jurisdictions import JURISDICTION_KEYS, JURISDICTIONS
from assessment.reading import review
from assessment.reading.reader import fit_factor_keys
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


def card_keys(i: int) -> tuple[str, str, str]:
    return f"fb_ckeep_{i}", f"fb_cskill_{i}", f"fb_crating_{i}"


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


def set_card_rows(rows: list[dict]) -> None:
    for i in range(len(state.get("fb_card_rows", []))):
        for key in card_keys(i):
            state.pop(key, None)
    state.fb_card_rows = rows
    for i, row in enumerate(rows):
        if row["skill"] is None:  # an overall verdict: shown, never a rating
            continue
        keep, skill, rating = card_keys(i)
        state[keep] = row["keep"]
        state[skill] = row["skill"]
        state[rating] = row["rating"]


def current_rows() -> list[dict]:
    rows = []
    for i, row in enumerate(state.get("fb_rows", [])):
        keep, key, pol = row_keys(i)
        rows.append(
            row | {"keep": state.get(keep), "reads_as": state.get(key), "polarity": state.get(pol)}
        )
    return rows


def current_card_rows() -> list[dict]:
    rows = []
    for i, row in enumerate(state.get("fb_card_rows", [])):
        if row["skill"] is None:
            rows.append(row)
            continue
        keep, skill, rating = card_keys(i)
        rows.append(
            row
            | {
                "keep": bool(state.get(keep)),
                "skill": state.get(skill) or row["skill"],
                "rating": state.get(rating) or row["rating"],
            }
        )
    return rows


def prefill(findings: list, card_rows: list[dict]) -> None:
    """Queue the ratings suggested by findings and scorecard lines, and the fit factors, for
    the next run (the widgets exist in this one)."""
    state.fb_prefill = {
        "ratings": review.proposed_ratings(findings, card_rows),
        "fit_factors": fit_factor_keys(findings),
        "source": "scorecard lines and findings" if card_rows else "findings",
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
        "card_rows": current_card_rows(),
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
        "card_rows": [],
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
    set_card_rows(fields["card_rows"])
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
            f"Pre-filled {found} from the {pending['source']} you kept. Check them below; "
            "nothing is saved until you press Save feedback."
        )

ui.draft_notice(
    state.get("fb_restored"),
    state.get("fb_draft_problem"),
    "fb_discard_draft",
    discard_draft,
    "what you entered{when} is back. Carry on, or discard it to see what is saved.",
)

st.text(f"{rejection.company} · {rejection.role}")


def record_request(sent_on, place_key: str | None = None) -> None:
    """The user sent a request: record it (status "requested" with its date; by right, the
    deadline as a step of the plan), and show the new status in the form below."""
    try:
        dates = request_kit.record(
            ctx.db, rejection_id, sent_on, ctx.owner, place_key, today=ui.today()
        )
    except (storage.StorageError, ValueError) as exc:
        state.fb_kit_problem = str(exc)
        return
    state.pop("fb_kit_problem", None)
    if state.get("fb_status") in ("not_requested", "declined"):
        state.fb_status = "requested"
    if state.get("fb_status") == "requested" and (
        state.get("fb_requested_on") is None or state.fb_requested_on > sent_on
    ):
        state.fb_requested_on = sent_on
    if drafts.read(
        ctx.db, drafts.FEEDBACK, rejection_id, forms.feedback_draft_from_json, ctx.owner
    ):
        keep_draft()
    ui.flash(request_kit.recorded_message(sent_on, dates))


def request_sent_button(label: str, key: str, place_key: str | None = None, sent_on=None):
    st.button(
        label,
        key=key,
        on_click=record_request,
        args=(sent_on or ui.today(), place_key),
        icon=":material/mark_email_read:",
    )


if not forms.has_feedback(rejection.feedback):
    settings = ui.query(ctx, storage.get_settings, ctx.owner)
    ways = request_kit.kit(rejection, settings)
    waiting = rejection.feedback.status == "requested"
    title = request_kit.kit_title(rejection.feedback.status)
    with st.expander(title, expanded=not waiting):
        if "fb_kit_problem" in state:
            st.error(
                f"The request could not be recorded: {state.fb_kit_problem}",
                icon=":material/error:",
            )
        polite, short, right = st.tabs(["Polite request", "Short version", "Request by right"])
        with polite:
            st.write(
                "Most interviewers answer a short, specific request. Copy this, adjust it if "
                "you like, and send it today."
            )
            st.code(ways.polite, language=None, wrap_lines=True)
            if not waiting:
                request_sent_button("I've sent it", "fb_polite_sent")
        with short:
            st.write("A few lines for a phone call or a message on a professional network.")
            st.code(ways.short, language=None, wrap_lines=True)
            if not waiting:
                request_sent_button("I've sent it", "fb_short_sent")
        with right:
            st.write(
                "Where the law gives a right of access to your personal data, you may ask for "
                "the interviewers' notes and scores themselves. Send the polite request first: "
                "the aim is the feedback, not a dispute."
            )
            place_key = st.radio(
                "Where is the employer?",
                JURISDICTION_KEYS,
                index=None,
                format_func=lambda k: JURISDICTIONS[k].name,
                horizontal=True,
                key="fb_place",
            )
            if place_key is None:
                st.caption("Choose where the employer is to see what you can ask for.")
            else:
                first, last = validation.picker_range("requested_on", None, today=ui.today())
                sent_on = st.date_input(
                    "The day you send it",
                    value=ui.today(),
                    min_value=first,
                    max_value=last,
                    key="fb_place_sent_on",
                    format="YYYY-MM-DD",
                )
                asked = request_kit.by_right(rejection, place_key, sent_on, settings)
                st.info(asked.place.basis, icon=":material/gavel:")
                if asked.place.sources:
                    st.caption("Sources: " + " · ".join(f"[{u}]({u})" for u in asked.place.sources))
                st.caption(asked.not_legal_advice)
                if asked.offered:
                    st.markdown(request_kit.due_sentence(asked.dates))
                    st.code(asked.letter, language=None, wrap_lines=True)
                    col1, col2 = st.columns(2)
                    col1.download_button(
                        "Download the request (.txt)",
                        data=asked.letter,
                        file_name=f"rebound-request-{rejection_id}.txt",
                        mime="text/plain",
                        key="fb_place_download",
                        on_click="ignore",
                        icon=":material/download:",
                    )
                    with col2:
                        request_sent_button(
                            "I've sent it: record the date", "fb_place_sent", place_key, sent_on
                        )

for deadline in request_kit.open_deadlines(rejection):
    with st.container(border=True):
        st.markdown(request_kit.open_deadline_sentence(deadline))
        st.download_button(
            "Add the deadline to your calendar (.ics)",
            # built when clicked, not on every rerun (the default binds this loop's deadline)
            data=lambda deadline=deadline: request_kit.deadline_calendar(rejection, deadline),
            file_name=f"rebound-deadline-{rejection_id}.ics",
            mime="text/calendar",
            key=f"fb_deadline_ics_{deadline.id}",
            on_click="ignore",
            icon=":material/event:",
        )

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
        placeholder="Paste the email, your notes from the call, or the scorecard they sent.",
        help="Scorecard lines such as “Communication: Strong yes” or “Problem solving – 3/4” "
        "are read as proposed ratings; sentences as findings.",
    )
    field_error("text")
    read = st.form_submit_button("Read the feedback for me", key="fb_read")

    card_rows = state.fb_card_rows
    if card_rows:
        st.markdown("**Scorecard lines** — keep, change or drop each proposed rating:")
        st.caption(
            "Five-point scales map 1–2 to concerns and 4–5 to strengths; three-point scales "
            "map 1 and 3. A middle value (“Mixed”, 3 of 5) becomes “Not assessed” unless the "
            "words after it say more."
        )
        for i, row in enumerate(card_rows):
            with st.container(border=True):
                st.text(row["line"])
                st.caption(row["note"])
                if row["skill"] is not None:
                    keep_key, skill_key, rating_key = card_keys(i)
                    c1, c2, c3 = st.columns([1, 2, 2])
                    c1.checkbox("Keep", key=keep_key)
                    c2.selectbox("Skill", review.SKILL_OPTIONS, key=skill_key)
                    c3.selectbox("Their rating", review.RATING_OPTIONS, key=rating_key)

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
    if rows or card_rows:
        apply = st.form_submit_button("Use what you kept for the ratings", key="fb_apply")
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
        findings, card_rows = review.read_notes(text)
        set_rows(review.finding_rows(findings))
        set_card_rows(card_rows)
        state.fb_read_empty = not findings and not card_rows
        prefill(findings, card_rows)
    state.pop("fb_restored", None)
    keep_draft()
    st.rerun()

if apply:
    prefill(review.confirmed_findings(current_rows()), current_card_rows())
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
        findings=(
            *review.confirmed_findings(fields["rows"]),
            *review.card_findings(fields["card_rows"]),
        ),
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
