import streamlit as st

import ui
from assessment import drafts, forms, storage, validation
from assessment.reading import email_form
from assessment.skills import (
    FIT_FACTOR_KEYS,
    FIT_FACTOR_SHORT,
    FIT_FACTORS,
    MOOD_SCALE,
    SKILLS,
    STAGE_KEYS,
    STAGES,
)
from assessment.validation import FIELD_LABELS
from assessment.views import report

ctx = ui.page("Reflect")
ui.show_flash()

NOT_SURE = 0  # the explicit "Not sure" segment; stored as None
SELF_OPTIONS = [1, 2, 3, 4, 5, NOT_SURE]


def self_label(value: int) -> str:
    return "Not sure" if value == NOT_SURE else str(value)


WIDGET_KEYS = [f"r_{f}" for f in forms.REJECTION_FIELDS + forms.REFLECTION_FIELDS] + [
    f"r_self_{s.key}" for s in SKILLS
]
TEXT_AND_CHOICE_FIELDS = (
    "company",
    "role",
    "contact_name",
    "interviewed_on",
    "rejected_on",
    "reason_given",
    "went_well",
    "do_differently",
    "outside_control",
)


def widget_values(draft: dict) -> dict[str, object]:
    """What each questionnaire widget shows for ``draft`` ("Not sure" for no self-rating)."""
    values: dict[str, object] = {f"r_{f}": draft[f] for f in TEXT_AND_CHOICE_FIELDS}
    values["r_stage"] = draft["stage"] if draft["stage"] in STAGE_KEYS else STAGE_KEYS[0]
    values["r_fit_factors"] = [f for f in draft["fit_factors"] if f in FIT_FACTOR_KEYS]
    for field in ("mood", "confidence"):
        values[f"r_{field}"] = draft[field] if draft[field] in MOOD_SCALE else None
    for skill in SKILLS:
        rating = draft["self_ratings"].get(skill.key)
        values[f"r_self_{skill.key}"] = rating if rating in SELF_OPTIONS else NOT_SURE
    return values


def step_keys(step: int) -> list[str]:
    """The keys of the widgets drawn on ``step``."""
    return [key for key in WIDGET_KEYS if key.removeprefix("r_").removeprefix("self_")
            in forms.STEP_FIELDS[step]]  # fmt: skip


def clear_widgets() -> None:
    for key in WIDGET_KEYS:
        st.session_state.pop(key, None)


def show_in_widgets(draft: dict, step: int) -> None:
    """Put ``draft`` into the widgets of ``step``, drawn next. A keyed widget keeps what the
    browser shows unless its state is set, so their state is set, not only cleared; the other
    steps' widgets start from the draft when their step is drawn."""
    clear_widgets()
    values = widget_values(draft)
    st.session_state.update({key: values[key] for key in step_keys(step)})


def given(key: str, value: object) -> object:
    """A widget's starting value: ``value``, or None once its state is set (Streamlit then
    shows the state; giving a value as well would be logged as a conflict)."""
    return None if key in st.session_state else value


EMAIL_REVIEW = "reflect_email_review"  # the rows read from the pasted e-mail, once
EMAIL_ROW_KEYS = ("r_email_use_", "r_email_val_")


def forget_email_rows() -> None:
    """Drop the rows read from the e-mail and their widgets' state."""
    st.session_state.pop(EMAIL_REVIEW, None)
    for key in [k for k in st.session_state if str(k).startswith(EMAIL_ROW_KEYS)]:
        del st.session_state[key]


def read_stored_draft(rejection_id: int | None) -> drafts.Draft | None:
    """The draft kept in the database for this rejection (or a new one), if a valid one."""
    return drafts.read(
        ctx.db,
        drafts.REFLECT,
        rejection_id,
        lambda data: forms.reflect_draft_from_json(data, rejection_id),
        ctx.owner,
    )


def load_draft(rejection_id: int | None, *, restore: bool = True) -> None:
    """Start the questionnaire on a rejection: the draft kept for it if there is one (with
    the "Draft restored" notice), else what is stored (or an empty one)."""
    kept = read_stored_draft(rejection_id) if restore else None
    if kept is not None:
        st.session_state.reflect_draft = kept.fields["draft"]
        st.session_state.reflect_step = kept.fields["step"]
        st.session_state.reflect_restored = kept.updated_at or True
    else:
        rejection = storage.get_rejection(ctx.db, rejection_id, ctx.owner) if rejection_id else None
        st.session_state.reflect_draft = (
            forms.draft_from_rejection(rejection) if rejection else forms.empty_draft(ui.today())
        )
        st.session_state.reflect_step = 0
        st.session_state.pop("reflect_restored", None)
    st.session_state.reflect_errors = {}
    show_in_widgets(st.session_state.reflect_draft, st.session_state.reflect_step)
    forget_email_rows()  # an e-mail pasted for another rejection fills nothing here
    st.session_state.pop("r_email_text", None)


def keep_draft(draft: dict, step: int) -> None:
    """Keep the draft in the database; if that fails it stays in this window, and the
    page says so."""
    try:
        drafts.keep(
            ctx.db, drafts.REFLECT, draft["id"], forms.reflect_draft_to_json(draft, step), ctx.owner
        )
    except storage.StorageError as exc:
        st.session_state.reflect_draft_problem = str(exc)
    else:
        st.session_state.pop("reflect_draft_problem", None)


def discard_draft() -> None:
    rejection_id = st.session_state.reflect_draft["id"]
    try:
        drafts.discard(ctx.db, drafts.REFLECT, rejection_id, ctx.owner)
    except storage.StorageError as exc:
        st.session_state.reflect_draft_problem = str(exc)
        return
    load_draft(rejection_id, restore=False)
    ui.flash("The draft is discarded.")


def read_pasted_email() -> None:
    forget_email_rows()
    text = st.session_state.get("r_email_text") or ""
    st.session_state[EMAIL_REVIEW] = email_form.read_for_review(text, ui.today())


def use_email_rows() -> None:
    """Put the kept rows into the draft, show them in the form, and keep the draft."""
    rows = st.session_state[EMAIL_REVIEW].rows
    use = {row.id: bool(st.session_state.get(f"r_email_use_{row.id}")) for row in rows}
    edited = {
        row.id: st.session_state.get(f"r_email_val_{row.id}", row.value)
        for row in rows
        if row.editable
    }
    before = st.session_state.reflect_draft
    draft, filled = email_form.apply_review(before, rows, use, edited)
    if filled:
        st.session_state.reflect_draft = draft
        show_in_widgets(draft, 0)
        st.session_state.pop("reflect_restored", None)
        keep_draft(draft, 0)
        forget_email_rows()
    ui.flash(email_form.filled_message(filled))


def email_row(row: email_form.ReviewRow) -> None:
    """One proposal: keep it or not, its value (editable where it is text), its words."""
    with st.container(border=True):
        st.checkbox(f"Use for {row.label}", value=True, key=f"r_email_use_{row.id}")
        label = f"{row.label} (from the email)"
        if row.field == "reason_given":
            st.text_area(label, value=row.value, key=f"r_email_val_{row.id}", height="content")
        elif row.editable:
            st.text_input(label, value=row.value, key=f"r_email_val_{row.id}")
        else:
            st.text(row.shown)
        st.caption("From the words:")
        st.text(f"“{row.words}”")


def paste_the_email() -> None:
    """Step 1's optional start: the pasted e-mail read into rows to keep, change or drop."""
    review = st.session_state.get(EMAIL_REVIEW)
    with st.expander("Paste the email you received (optional)", expanded=review is not None):
        with st.form("reflect_email"):
            st.text_area(
                "The email",
                key="r_email_text",
                placeholder="Paste the whole email, greeting and signature included.",
                help=(
                    "Rebound reads it itself, sends it nowhere and does not keep it; only the "
                    "proposals you use go into the form."
                ),
            )
            st.form_submit_button("Read the email", key="r_email_read", on_click=read_pasted_email)
        if review is None:
            return
        for skipped in review.skipped:
            st.caption(f"Not proposed: {skipped.why}")
            st.text(f"“{skipped.words}”")
        if not review.rows:
            st.info(email_form.NOTHING_TO_USE, icon=":material/info:")
            return
        with st.form("reflect_email_rows", border=False):
            st.caption(email_form.OVERWRITE_NOTE)
            for row in review.rows:
                email_row(row)
            st.form_submit_button(
                "Use these in the form",
                type="primary",
                key="r_email_apply",
                on_click=use_email_rows,
            )


def on_choose() -> None:
    chosen = st.session_state.r_which
    load_draft(chosen or None)
    if chosen:
        st.query_params["rejection"] = str(chosen)
    else:
        st.query_params.pop("rejection", None)


# Which rejection: a new one, or an earlier one to edit (``?rejection=<id>``).
wanted = st.query_params.get("rejection")
wanted_id = storage.parse_id(wanted) or 0
rows = storage.rejection_choices(ctx.db, ctx.owner, limit=200, include=wanted_id or None)
labels = {0: "A new rejection"} | {r["id"]: "Edit: " + ui.rejection_label(r) for r in rows}
if wanted_id and wanted_id not in labels:
    st.warning("That rejection was not found, so a new reflection is started instead.")
    wanted_id = 0
if "reflect_draft" not in st.session_state or st.session_state.reflect_draft["id"] != (
    wanted_id or None
):
    load_draft(wanted_id or None)
    st.session_state.r_which = wanted_id

st.title("Reflect", anchor=False)
st.write(
    "A few minutes while it is fresh. Your answers are kept as a draft each time you move "
    "between steps, so a reload or a visit to another page does not lose them; the reflection "
    "itself is saved on the last step."
)
st.selectbox(
    "Which rejection?",
    list(labels),
    format_func=lambda i: labels[i],
    key="r_which",
    on_change=on_choose,
)

draft = st.session_state.reflect_draft
step = st.session_state.reflect_step
errors = st.session_state.reflect_errors
ui.draft_notice(
    st.session_state.get("reflect_restored"),
    st.session_state.get("reflect_draft_problem"),
    "r_discard_draft",
    discard_draft,
    "what you typed{when} is back, on the step you were on. Carry on, or discard it to start "
    "again from what is saved.",
)
st.progress(
    (step + 1) / len(forms.REFLECT_STEPS),
    text=f"Step {step + 1} of {len(forms.REFLECT_STEPS)}: {forms.REFLECT_STEPS[step]}",
)


def start_value(field: str):
    """What the widget of a draft's field starts from (see :func:`given`)."""
    return given(f"r_{field}", draft[field])


def field_error(field: str) -> None:
    if field in errors:
        st.error(errors[field], icon=":material/error:")


def move_to(new_step: int, new_errors: dict[str, str] | None = None) -> None:
    """Show ``new_step`` on the coming run, with the errors found so far (each step's submit
    checks its fields again, so an error goes as soon as its field is fixed), and keep the
    draft."""
    st.session_state.reflect_step = new_step
    st.session_state.reflect_errors = new_errors or {}
    st.session_state.pop("reflect_restored", None)
    keep_draft(st.session_state.reflect_draft, new_step)
    clear_widgets()  # the draft holds what was typed; the step drawn next starts from it


def go_to(new_step: int, new_errors: dict[str, str] | None = None) -> None:
    """:func:`move_to`, from the page's run: the page runs again to draw that step."""
    move_to(new_step, new_errors)
    st.rerun()


def submitted(step: int) -> dict:
    """What the widgets of ``step`` hold, read in a submit button's callback (which runs before
    the page, so the page draws the next step in the same run)."""
    if step == 2:
        ratings = {}
        for skill in SKILLS:
            choice = st.session_state.get(f"r_self_{skill.key}")
            ratings[skill.key] = None if choice in (NOT_SURE, None) else choice
        return {"self_ratings": ratings}
    values = {field: st.session_state.get(f"r_{field}") for field in forms.STEP_FIELDS[step]}
    if step == 0:
        return forms.clean_rejection_part(values)
    values["fit_factors"] = values["fit_factors"] or []
    return forms.clean_reflection_part(values)


def submit_step(step: int, forward: bool) -> None:
    """Next or Back on ``step`` (0 or 1; Back on 2): the step's answers go into the draft, and
    the next step is drawn, or the same one with its errors (Back goes back when it is fine)."""
    draft = st.session_state.reflect_draft
    draft.update(submitted(step))
    if step == 2:
        move_to(1)
        return
    problems = forms.step_errors(draft, step, ui.today())
    if problems:
        move_to(step, problems)
    else:
        move_to(step + 1 if forward else step - 1)


def save_reflection(draft: dict) -> str | None:
    """Save the reflection from the submitted ratings and go on to the page Home promises
    next; or go to the first step with an error; or, when it cannot be written, keep the draft
    and return why. Run before the step is drawn: a saved reflection is not drawn again."""
    draft.update(submitted(2))
    problems = forms.all_errors(draft, ui.today())
    if problems:
        go_to(forms.first_step_with_error(problems), problems)
    try:
        with drafts.discarding(ctx.db, drafts.REFLECT, draft["id"], ctx.owner):
            rejection_id = storage.save_reflection(
                ctx.db, forms.rejection_from_draft(draft), ctx.owner
            )
    except storage.StorageError as exc:
        keep_draft(draft, 2)
        return f"Your reflection could not be saved: {exc} What you typed is kept here."
    edited = draft["id"] is not None
    for key in ("reflect_draft", "reflect_step", "reflect_errors", "reflect_restored", "r_which"):
        st.session_state.pop(key, None)
    saved = storage.get_rejection(ctx.db, rejection_id, ctx.owner)
    # The step Home promises next (feedback while there is none, then results, …).
    following = report.next_page(saved).page if saved else "results"
    ui.flash(forms.saved_reflection_message(edited=edited, following=following))
    ui.go(following, rejection_id)
    return None


if step == 0:
    paste_the_email()
    with st.form("reflect_rejection"):
        st.subheader("The rejection", anchor=False)
        st.text_input("Company", value=start_value("company"), key="r_company", required=True)
        field_error("company")
        st.text_input("Role", value=start_value("role"), key="r_role", required=True)
        field_error("role")
        st.text_input(
            "Contact name (optional)",
            value=start_value("contact_name"),
            key="r_contact_name",
            help="The recruiter or interviewer you dealt with; used to fill in messages.",
        )
        field_error("contact_name")
        st.selectbox(
            "Stage reached",
            STAGE_KEYS,
            index=given(
                "r_stage", STAGE_KEYS.index(draft["stage"]) if draft["stage"] in STAGE_KEYS else 0
            ),
            format_func=STAGES.get,
            key="r_stage",
        )
        field_error("stage")
        ranges = {
            field: validation.picker_range(field, draft[field], today=ui.today())
            for field in ("interviewed_on", "rejected_on")
        }
        col1, col2 = st.columns(2)
        with col1:
            st.date_input(
                "Interview date (optional)",
                value=start_value("interviewed_on"),
                min_value=ranges["interviewed_on"][0],
                max_value=ranges["interviewed_on"][1],
                key="r_interviewed_on",
                format="YYYY-MM-DD",
            )
            field_error("interviewed_on")
        with col2:
            st.date_input(
                "Rejection date",
                value=start_value("rejected_on"),
                min_value=ranges["rejected_on"][0],
                max_value=ranges["rejected_on"][1],
                key="r_rejected_on",
                format="YYYY-MM-DD",
            )
            field_error("rejected_on")
        st.text_area(
            "The reason they gave (optional)",
            value=start_value("reason_given"),
            key="r_reason_given",
            placeholder="Paste or sum up what they said, if anything.",
        )
        field_error("reason_given")
        st.form_submit_button(
            "Next: your reflection",
            type="primary",
            key="r_next_1",
            on_click=submit_step,
            args=(0, True),
        )

elif step == 1:
    with st.form("reflect_reflection"):
        st.subheader("Your reflection", anchor=False)
        st.text_area(FIELD_LABELS["went_well"], value=start_value("went_well"), key="r_went_well")
        field_error("went_well")
        st.text_area(
            FIELD_LABELS["do_differently"],
            value=start_value("do_differently"),
            key="r_do_differently",
        )
        field_error("do_differently")
        # "Outside your control" is asked once: the common reasons to pick, and own words.
        st.multiselect(
            "What was outside your control? (optional)",
            FIT_FACTOR_KEYS,
            default=given(
                "r_fit_factors", [f for f in draft["fit_factors"] if f in FIT_FACTOR_KEYS]
            ),
            format_func=FIT_FACTOR_SHORT.get,
            key="r_fit_factors",
            help=" · ".join(FIT_FACTORS.values()),
            placeholder="Choose any that apply",
        )
        field_error("fit_factors")
        st.text_area(
            "In your own words (optional)",
            value=start_value("outside_control"),
            key="r_outside_control",
            help="Things like timing, budget, or another candidate's experience.",
        )
        field_error("outside_control")
        scale = list(MOOD_SCALE)
        st.segmented_control(
            "How is your mood today?",
            scale,
            default=given("r_mood", draft["mood"] if draft["mood"] in scale else None),
            format_func=MOOD_SCALE.get,
            key="r_mood",
        )
        st.segmented_control(
            "How confident do you feel about your next interview?",
            scale,
            default=given(
                "r_confidence", draft["confidence"] if draft["confidence"] in scale else None
            ),
            format_func=MOOD_SCALE.get,
            key="r_confidence",
        )
        st.caption("Tap a chosen answer again to leave it blank.")
        col1, col2 = st.columns(2)
        col1.form_submit_button("Back", key="r_back_2", on_click=submit_step, args=(1, False))
        col2.form_submit_button(
            "Next: rate yourself",
            type="primary",
            key="r_next_2",
            on_click=submit_step,
            args=(1, True),
        )

else:
    save_problem = save_reflection(draft) if st.session_state.get("r_save") else None
    with st.form("reflect_ratings"):
        st.subheader("Rate yourself", anchor=False)
        st.write(
            "For each skill, how did you do in this interview? 1 is weak, 5 is strong; choose "
            "“Not sure” if you can't tell."
        )
        for skill in SKILLS:
            current = draft["self_ratings"].get(skill.key)
            st.segmented_control(
                skill.name,
                SELF_OPTIONS,
                default=given(
                    f"r_self_{skill.key}", current if current in SELF_OPTIONS else NOT_SURE
                ),
                format_func=self_label,
                required=True,
                key=f"r_self_{skill.key}",
            )
            st.caption(f"1 — {skill.weak}  \n5 — {skill.strong}")
        col1, col2 = st.columns(2)
        col1.form_submit_button("Back", key="r_back_3", on_click=submit_step, args=(2, False))
        col2.form_submit_button("Save reflection", type="primary", key="r_save")
    if save_problem:
        st.error(save_problem)
