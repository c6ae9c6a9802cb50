import streamlit as st

import ui
from assessment import forms, storage, validation
from assessment.skills import (
    FIT_FACTOR_KEYS,
    FIT_FACTOR_SHORT,
    FIT_FACTORS,
    MOOD_SCALE,
    SELF_SCALE,
    SKILLS,
    STAGE_KEYS,
    STAGES,
)
from assessment.validation import FIELD_LABELS

ctx = ui.page("Reflect")
ui.show_flash()

NOT_SURE = 0
WIDGET_KEYS = [f"r_{f}" for f in forms.REJECTION_FIELDS + forms.REFLECTION_FIELDS] + [
    f"r_self_{s.key}" for s in SKILLS
]


def load_draft(rejection_id: int | None) -> None:
    rejection = storage.get_rejection(ctx.db, rejection_id, ctx.owner) if rejection_id else None
    st.session_state.reflect_draft = (
        forms.draft_from_rejection(rejection) if rejection else forms.empty_draft(ui.today())
    )
    st.session_state.reflect_step = 0
    st.session_state.reflect_errors = {}
    for key in WIDGET_KEYS:
        st.session_state.pop(key, None)


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

st.title("Reflect")
st.write(
    "A few minutes while it is fresh. Nothing is saved until the last step, and you can go "
    "back at any time without losing what you typed."
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
st.progress(
    (step + 1) / len(forms.REFLECT_STEPS),
    text=f"Step {step + 1} of {len(forms.REFLECT_STEPS)}: {forms.REFLECT_STEPS[step]}",
)


def field_error(field: str) -> None:
    if field in errors:
        st.error(errors[field], icon=":material/error:")


def go_to(new_step: int, new_errors: dict[str, str] | None = None) -> None:
    st.session_state.reflect_step = new_step
    st.session_state.reflect_errors = new_errors or {}
    st.rerun()


if step == 0:
    with st.form("reflect_rejection"):
        st.subheader("The rejection")
        values = {
            "company": st.text_input("Company", value=draft["company"], key="r_company"),
        }
        field_error("company")
        values["role"] = st.text_input("Role", value=draft["role"], key="r_role")
        field_error("role")
        values["contact_name"] = st.text_input(
            "Contact name (optional)",
            value=draft["contact_name"],
            key="r_contact_name",
            help="The recruiter or interviewer you dealt with; used to fill in messages.",
        )
        field_error("contact_name")
        values["stage"] = st.selectbox(
            "Stage reached",
            STAGE_KEYS,
            index=STAGE_KEYS.index(draft["stage"]) if draft["stage"] in STAGE_KEYS else 0,
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
            values["interviewed_on"] = st.date_input(
                "Interview date (optional)",
                value=draft["interviewed_on"],
                min_value=ranges["interviewed_on"][0],
                max_value=ranges["interviewed_on"][1],
                key="r_interviewed_on",
                format="YYYY-MM-DD",
            )
            field_error("interviewed_on")
        with col2:
            values["rejected_on"] = st.date_input(
                "Rejection date",
                value=draft["rejected_on"],
                min_value=ranges["rejected_on"][0],
                max_value=ranges["rejected_on"][1],
                key="r_rejected_on",
                format="YYYY-MM-DD",
            )
            field_error("rejected_on")
        values["reason_given"] = st.text_area(
            "The reason they gave (optional)",
            value=draft["reason_given"],
            key="r_reason_given",
            placeholder="Paste or sum up what they said, if anything.",
        )
        field_error("reason_given")
        values["fit_factors"] = st.multiselect(
            "Anything outside your control? (optional)",
            FIT_FACTOR_KEYS,
            default=[f for f in draft["fit_factors"] if f in FIT_FACTOR_KEYS],
            format_func=FIT_FACTOR_SHORT.get,
            key="r_fit_factors",
            help=" · ".join(FIT_FACTORS.values()),
        )
        field_error("fit_factors")
        next_clicked = st.form_submit_button(
            "Next: your reflection", type="primary", key="r_next_1"
        )
    if next_clicked:
        draft.update(forms.clean_rejection_part(values))
        problems = forms.rejection_errors(draft, ui.today())
        go_to(1 if not problems else 0, problems)

elif step == 1:
    with st.form("reflect_reflection"):
        st.subheader("Your reflection")
        values = {
            "went_well": st.text_area(
                FIELD_LABELS["went_well"], value=draft["went_well"], key="r_went_well"
            ),
        }
        field_error("went_well")
        values["do_differently"] = st.text_area(
            FIELD_LABELS["do_differently"], value=draft["do_differently"], key="r_do_differently"
        )
        field_error("do_differently")
        values["outside_control"] = st.text_area(
            FIELD_LABELS["outside_control"],
            value=draft["outside_control"],
            key="r_outside_control",
            help="Things like timing, budget, or another candidate's experience.",
        )
        field_error("outside_control")
        scale = list(MOOD_SCALE)
        values["mood"] = st.radio(
            "How is your mood today?",
            scale,
            index=scale.index(draft["mood"]) if draft["mood"] in scale else None,
            format_func=MOOD_SCALE.get,
            horizontal=True,
            key="r_mood",
        )
        values["confidence"] = st.radio(
            "How confident do you feel about your next interview?",
            scale,
            index=scale.index(draft["confidence"]) if draft["confidence"] in scale else None,
            format_func=MOOD_SCALE.get,
            horizontal=True,
            key="r_confidence",
        )
        col1, col2 = st.columns(2)
        back = col1.form_submit_button("Back", key="r_back_2")
        forward = col2.form_submit_button("Next: rate yourself", type="primary", key="r_next_2")
    if back or forward:
        draft.update(forms.clean_reflection_part(values))
        problems = forms.reflection_errors(draft)
        go_to(0 if back and not problems else (1 if problems else 2), problems)

else:
    with st.form("reflect_ratings"):
        st.subheader("Rate yourself")
        st.write(
            "For each skill, how did you do in this interview? 1 is weak, 5 is strong; choose "
            "“Not sure” if you can't tell."
        )
        options = [*SELF_SCALE, NOT_SURE]
        ratings = {}
        for skill in SKILLS:
            current = draft["self_ratings"].get(skill.key)
            choice = st.radio(
                skill.name,
                options,
                index=options.index(current if current is not None else NOT_SURE),
                format_func=lambda v: "Not sure" if v == NOT_SURE else str(v),
                horizontal=True,
                key=f"r_self_{skill.key}",
            )
            st.caption(f"1 — {skill.weak}  \n5 — {skill.strong}")
            ratings[skill.key] = None if choice == NOT_SURE else choice
        col1, col2 = st.columns(2)
        back = col1.form_submit_button("Back", key="r_back_3")
        save = col2.form_submit_button("Save reflection", type="primary", key="r_save")
    if back:
        draft["self_ratings"] = ratings
        go_to(1)
    if save:
        draft["self_ratings"] = ratings
        problems = forms.all_errors(draft, ui.today())
        if problems:
            go_to(forms.first_step_with_error(problems), problems)
        try:
            rejection_id = storage.save_reflection(
                ctx.db, forms.rejection_from_draft(draft), ctx.owner
            )
        except storage.StorageError as exc:
            st.error(f"Your reflection could not be saved: {exc} What you typed is kept here.")
        else:
            edited = draft["id"] is not None
            for key in ("reflect_draft", "reflect_step", "reflect_errors", "r_which"):
                st.session_state.pop(key, None)
            ui.flash("Your changes are saved." if edited else "Your reflection is saved.")
            ui.go("results", rejection_id)
