import streamlit as st

import ui
from assessment import drafts, storage, validation
from assessment.models import Drill, Rerating, Story
from assessment.practice import bank
from assessment.reading.answers import check_answer
from assessment.skills import SELF_SCALE, SKILL_KEYS, SKILL_NAMES
from assessment.views import practice as view

ctx = ui.page("Practise")
ui.show_flash()
state = st.session_state

st.title("Practise", anchor=False)
st.caption(
    "Short drills aimed at what the interviewer raised, a bank of your interview stories, and "
    "a log of what you practised. Nothing here is a grade: the checklist says what to add next."
)
rejection_id = ui.choose_rejection(ctx, key="pr_rejection")
rejection = storage.get_rejection(ctx.db, rejection_id, ctx.owner) if rejection_id else None
if rejection is None:
    st.caption("No rejection yet: drills and stories work without one.")
params = view.read_params(st.query_params.to_dict(), rejection)
for warning in params.warnings:
    st.warning(warning)


# ---- which skill, and the drill's questions ---------------------------------------------


def new_drill(skill: str) -> None:
    """Draw fresh questions for ``skill`` (the least practised first) and empty the answer."""
    drills = bank.list_drills(ctx.db, ctx.owner, skill=skill)
    questions = view.drill_questions(skill, view.topic_of(rejection, skill), drills)
    state.pr_drill = {"for": (rejection_id, skill), "ids": [q.id for q in questions], "index": 0}
    state.pr_answer = ""
    for key in ("pr_checked", "pr_errors", "pr_story_used", "pr_restored", "pr_rerated"):
        state.pop(key, None)


def skill_changed() -> None:
    st.query_params["skill"] = state.pr_skill
    st.query_params.pop("story", None)


# Entering the page (Streamlit drops a widget's value once it is not drawn): the skill of the
# link, else of the answer kept as a draft, else this session's, else the first concern.
if "pr_skill" not in state or state.get("pr_loaded_for") != rejection_id:
    draft = drafts.read(ctx.db, drafts.PRACTICE, rejection_id, view.draft_from_json, ctx.owner)
    previous = state.get("pr_drill", {}).get("for", (None, None))
    skill = (
        params.skill
        or (draft.fields["skill"] if draft else None)
        or (previous[1] if previous[0] == rejection_id else None)
        or view.default_skill(rejection)
    )
    state.pr_skill = skill
    topic = view.topic_of(rejection, skill)
    restored = draft and draft.fields["skill"] == skill
    questions = view.drill_from_ids(skill, topic, draft.fields["questions"]) if restored else None
    if questions:
        state.pr_drill = {
            "for": (rejection_id, skill),
            "ids": draft.fields["questions"],
            "index": draft.fields["index"],
        }
        state.pr_answer = draft.fields["answer"]
        state.pr_restored = draft.updated_at or True
    elif previous != (rejection_id, skill):
        new_drill(skill)
    state.pr_loaded_for = rejection_id

skill = st.selectbox(
    "Skill to practise",
    SKILL_KEYS,
    format_func=SKILL_NAMES.get,
    key="pr_skill",
    on_change=skill_changed,
    help="The drill's questions are for this skill; the plan's practise steps open it here.",
)
name = SKILL_NAMES[skill]
topic = view.topic_of(rejection, skill)
if state.get("pr_drill", {}).get("for") != (rejection_id, skill):
    new_drill(skill)
drill = state.pr_drill
questions = view.drill_from_ids(skill, topic, drill["ids"])
if questions is None:
    new_drill(skill)
    drill = state.pr_drill
    questions = view.drill_from_ids(skill, topic, drill["ids"])
if topic:
    st.caption(
        f"The interviewer's words for {name.lower()} name {topic}: the first question is about it."
    )

tabs = st.tabs(
    ["Drill", "Your stories", "Practice log"],
    default="Your stories" if params.new_story else None,
)


# ---- the drill ------------------------------------------------------------------------------


def discard_draft() -> None:
    try:
        drafts.discard(ctx.db, drafts.PRACTICE, rejection_id, ctx.owner)
    except storage.StorageError as exc:
        state.pr_draft_problem = str(exc)
        return
    state.pr_answer = ""
    for key in ("pr_restored", "pr_checked", "pr_errors"):
        state.pop(key, None)


def answer_text() -> str:
    return validation.clean_text(state.get("pr_answer"))


def answer_errors(text: str) -> dict[str, str]:
    if not text.strip():
        return {"answer": "Type or paste your answer first."}
    message = validation.length_error("answer", text)
    return {"answer": message} if message else {}


def check(question: view.DrillQuestion) -> None:
    """Check the answer, and keep it as a draft (it survives a reload from here on)."""
    text = answer_text()
    state.pr_errors = answer_errors(text)
    if state.pr_errors:
        return
    state.pr_checked = {"id": question.id, "answer": text}
    fields = view.draft_fields(skill, drill["ids"], drill["index"], text)
    try:
        drafts.keep(ctx.db, drafts.PRACTICE, rejection_id, fields, ctx.owner)
    except storage.StorageError as exc:
        state.pr_draft_problem = str(exc)
    else:
        state.pop("pr_draft_problem", None)


def keep(question: view.DrillQuestion) -> None:
    """Keep the answer with its date and checklist (with the draft's deletion, one
    transaction) and move on to the next question."""
    text = answer_text()
    state.pr_errors = answer_errors(text)
    if state.pr_errors:
        return
    checklist = bank.checklist_of(check_answer(skill, text, question.text))
    kept = Drill(
        skill=skill,
        question=question.text,
        answer=text,
        practised_on=ui.today(),
        checklist=checklist,
        rejection_id=rejection_id,
        story_id=state.get("pr_story_used"),
        question_id=question.id,
    )
    try:
        with drafts.discarding(ctx.db, drafts.PRACTICE, rejection_id, ctx.owner):
            bank.record_drill(ctx.db, kept, ctx.owner)
    except bank.InvalidPractice as exc:
        state.pr_errors = exc.errors
        return
    except storage.StorageError as exc:
        state.pr_errors = {"answer": f"Nothing was kept: {exc}"}
        return
    drill["index"] += 1
    state.pr_answer = ""
    for key in ("pr_checked", "pr_story_used", "pr_restored"):
        state.pop(key, None)
    state.pr_notice = "Kept: this answer and its checklist are in your practice log."


def use_story(story_id: int | None) -> None:
    story = bank.get_story(ctx.db, story_id, ctx.owner) if story_id is not None else None
    if story is not None:
        state.pr_answer = view.story_answer(story)
        state.pr_story_used = story.id
        state.pop("pr_checked", None)


def save_rerating() -> None:
    rating = state.get("pr_rerate")
    if rating is None:
        state.pr_rerate_error = "Choose a rating from 1 to 5 first."
        return
    try:
        bank.add_rerating(
            ctx.db, Rerating(skill, rating, ui.today(), rejection_id=rejection_id), ctx.owner
        )
    except bank.InvalidPractice as exc:
        state.pr_rerate_error = str(exc)
        return
    except storage.StorageError as exc:
        state.pr_rerate_error = f"Nothing was saved: {exc}"
        return
    state.pop("pr_rerate_error", None)
    state.pr_rerated = rating


def show_check(question: view.DrillQuestion, text: str) -> None:
    result = check_answer(skill, text, question.text)
    rows = view.checklist(result, skill, text, question.story)
    with st.container(border=True):
        st.subheader("Your checklist", anchor=False)
        to_add, there = st.columns(2)  # what to add first: on a phone it comes on top
        there.markdown("**Already there**")
        to_add.markdown("**To add next**")
        for row in rows:
            with there if row.met else to_add:
                mark = "\u2713" if row.met else "\u25cb"
                st.markdown(f"{mark} {row.label}")
                st.caption(row.explanation)
                if row.words:
                    st.text(f"\u201c{view.quote(row.words)}\u201d")
        if all(row.met for row in rows):
            to_add.caption("Nothing: every part is there.")
    tips = view.suggestions(result, skill, text, question.story)
    with st.container(border=True):
        st.subheader("What to try next", anchor=False)
        if not tips:
            st.write(view.all_there(result))
        for number, tip in enumerate(tips, start=1):
            st.markdown(f"{number}. {tip.text}")
            st.text(f"\u201c{tip.quote}\u201d")


with tabs[0]:
    ui.draft_notice(
        state.get("pr_restored"),
        state.get("pr_draft_problem"),
        "pr_discard_draft",
        discard_draft,
        "the answer you were writing{when} is back. Carry on, or discard it.",
    )
    if "pr_notice" in state:
        st.success(state.pop("pr_notice"))
    index = drill["index"]
    if index < len(questions):
        question = questions[index]
        st.caption(f"Question {index + 1} of {len(questions)} · {name}")
        st.subheader(question.text, anchor=False)
        with st.expander("What a strong answer shows"):
            st.write(question.strong)
        stories = bank.list_stories(ctx.db, ctx.owner)
        if stories:
            stories.sort(key=lambda s: skill not in s.skills)  # this skill's stories first
            titles = {s.id: s.title for s in stories}
            col1, col2 = st.columns([3, 1], vertical_alignment="bottom")
            picked = col1.selectbox(
                "Start from one of your stories (optional)",
                list(titles),
                index=None,
                format_func=titles.get,
                key="pr_story_pick",
                placeholder="Choose a story",
            )
            col2.button(
                "Paste it into the answer",
                key="pr_story_paste",
                on_click=use_story,
                args=(picked,),
                disabled=picked is None,
            )
        errors = state.get("pr_errors") or {}
        with st.form("pr_answer_form", border=False):
            st.text_area(
                "Your answer",
                key="pr_answer",
                height=220,
                help="Type or paste it as you would say it. Check it as often as you like; "
                "keep it when you are happy with it.",
            )
            if errors.get("answer"):
                st.error(errors["answer"])
            for field, message in errors.items():
                if field != "answer":
                    st.error(message)
            buttons = st.container(horizontal=True)
            buttons.form_submit_button(
                "Check my answer", key="pr_check", on_click=check, args=(question,)
            )
            buttons.form_submit_button(
                "Keep this drill",
                key="pr_keep_drill",
                on_click=keep,
                args=(question,),
                type="primary",
            )
        checked = state.get("pr_checked")
        if checked and checked["id"] == question.id:
            show_check(question, checked["answer"])
    else:
        st.success(
            f"That was the last question of this drill on {name.lower()}. Your answers are in "
            "the practice log."
        )
        st.write(view.rerate_note(rejection, skill))
        st.segmented_control(
            f"Re-rate yourself on {name}",
            list(SELF_SCALE),
            format_func=lambda value: SELF_SCALE[value].replace(" ", "\u00a0"),
            key="pr_rerate",
        )
        if state.get("pr_rerate_error"):
            st.error(state.pr_rerate_error)
        if state.get("pr_rerated"):
            st.success(f"Saved: you rate your {name.lower()} {state.pr_rerated} now.")
        buttons = st.container(horizontal=True)
        buttons.button(
            "Save my re-rating", key="pr_rerate_save", on_click=save_rerating, type="primary"
        )
        buttons.button(
            f"Start another drill on {name.lower()}",
            key="pr_new_drill",
            on_click=new_drill,
            args=(skill,),
        )


# ---- the story bank -----------------------------------------------------------------------

STORY_FIELDS = ("title", "situation", "task", "action", "result")


def show_story_fields(story: Story, editing: int | None) -> None:
    """Put ``story`` into the story form's widgets (before they are drawn)."""
    for field in STORY_FIELDS:
        state[f"pr_story_{field}"] = getattr(story, field)
    state.pr_story_skills = [k for k in SKILL_KEYS if k in story.skills]
    state.pr_story_rejection = story.rejection_id
    state.pr_story_editing = editing
    state.pop("pr_story_errors", None)


def start_edit(story_id: int) -> None:
    story = bank.get_story(ctx.db, story_id, ctx.owner)
    if story is not None:
        show_story_fields(story, story.id)


def clear_story_form() -> None:
    show_story_fields(Story(title=""), None)


def save_story() -> None:
    chosen = state.get("pr_story_skills") or []
    story = Story(
        title=validation.clean_line(state.get("pr_story_title")).strip(),
        situation=validation.clean_text(state.get("pr_story_situation")),
        task=validation.clean_text(state.get("pr_story_task")),
        action=validation.clean_text(state.get("pr_story_action")),
        result=validation.clean_text(state.get("pr_story_result")),
        skills=tuple(k for k in SKILL_KEYS if k in chosen),
        rejection_id=state.get("pr_story_rejection"),
        id=state.get("pr_story_editing"),
    )
    try:
        if story.id is None:
            bank.add_story(ctx.db, story, ctx.owner)
        else:
            bank.update_story(ctx.db, story, ctx.owner)
    except bank.InvalidPractice as exc:
        state.pr_story_errors = exc.errors
        return
    except storage.StorageError as exc:
        state.pr_story_errors = {"title": f"Nothing was saved: {exc}"}
        return
    clear_story_form()
    st.query_params.pop("story", None)
    ui.flash("Your story is saved. Pick it on the Drill tab to start an answer from it.")


@st.dialog("Delete this story?")
def confirm_delete(story_id: int) -> None:
    story = bank.get_story(ctx.db, story_id, ctx.owner)
    if story is None:
        state.pop("pr_confirm_delete", None)
        st.rerun()
    st.text(story.title)
    st.write("The drills that used it stay in your practice log. This cannot be undone.")
    col1, col2 = st.columns(2)
    if col1.button("Delete", type="primary", key="pr_story_delete_confirm"):
        with ui.writing():
            bank.delete_story(ctx.db, story_id, ctx.owner)
            state.pop("pr_confirm_delete", None)
            if state.get("pr_story_editing") == story_id:
                clear_story_form()
            ui.flash("The story was deleted.")
            st.rerun()
    if col2.button("Keep it", key="pr_story_delete_cancel"):
        state.pop("pr_confirm_delete", None)
        st.rerun()


def ask_delete(story_id: int) -> None:
    state.pr_confirm_delete = story_id


# Entering the page from the plan's "write the story" link: the form starts on that concern.
if "pr_story_title" not in state:
    if params.new_story:
        show_story_fields(view.story_prefill(rejection, params.skill or skill), None)
    else:
        clear_story_form()

with tabs[1]:
    st.subheader("Your stories", anchor=False)
    st.caption(
        "The stories you tell in interviews, kept across rejections: reuse them in any drill."
    )
    everything = bank.list_stories(ctx.db, ctx.owner)
    shown_skill = st.selectbox(
        "Show stories for",
        ["all", *SKILL_KEYS],
        format_func=lambda k: SKILL_NAMES.get(k, "All skills"),
        key="pr_story_filter",
    )
    shown_skill = None if shown_skill == "all" else shown_skill
    shown = bank.list_stories(ctx.db, ctx.owner, skill=shown_skill)
    if not everything:
        st.info(view.no_stories(rejection, skill))
    elif not shown:
        st.info(view.no_stories_for(shown_skill))
    for story in shown:
        with st.container(border=True):
            st.text(story.title)
            st.caption(view.skills_text(story.skills))
            for label, text in view.story_parts(story):
                st.caption(label)
                st.text(text)
            buttons = st.container(horizontal=True)
            buttons.button(
                "Edit",
                key=f"pr_story_edit_{story.id}",
                on_click=start_edit,
                args=(story.id,),
                icon=":material/edit:",
            )
            buttons.button(
                "Delete",
                key=f"pr_story_delete_{story.id}",
                on_click=ask_delete,
                args=(story.id,),
                icon=":material/delete:",
            )

    editing = state.get("pr_story_editing")
    st.subheader("Edit the story" if editing else "Add a story", anchor=False)
    story_errors = state.get("pr_story_errors") or {}

    def field_error(field: str) -> None:
        if story_errors.get(field):
            st.error(story_errors[field])

    with st.form("pr_story_form"):
        st.text_input("Title", key="pr_story_title", help="A name you will recognise it by.")
        field_error("title")
        st.text_area("Situation: when and where it was, and your role", key="pr_story_situation")
        field_error("situation")
        st.text_area("Task: what needed doing", key="pr_story_task")
        field_error("task")
        st.text_area("Action: what you did yourself", key="pr_story_action")
        field_error("action")
        st.text_area(
            "Result: what came of it, with a number where there is one", key="pr_story_result"
        )
        field_error("result")
        st.multiselect(
            "Skills it shows",
            SKILL_KEYS,
            format_func=SKILL_NAMES.get,
            key="pr_story_skills",
            placeholder="Choose the skills",
        )
        field_error("skills")
        st.form_submit_button(
            "Save story", key="pr_story_save", on_click=save_story, type="primary"
        )
    if editing:
        st.button("Cancel editing", key="pr_story_cancel", on_click=clear_story_form)

if state.get("pr_confirm_delete") is not None:
    confirm_delete(state.pr_confirm_delete)


# ---- the practice log -----------------------------------------------------------------------

with tabs[2]:
    st.subheader("Practice log", anchor=False)
    drills = bank.list_drills(ctx.db, ctx.owner)
    if not drills:
        st.info(view.NO_DRILLS)
    else:
        st.dataframe(
            view.log_rows(drills),
            hide_index=True,
            width="stretch",
            key="pr_log",
            column_config={
                "Date": st.column_config.DateColumn("Date", format="D MMM YYYY", width="small"),
                "Skill": st.column_config.TextColumn("Skill", width="small"),
                "Question": st.column_config.TextColumn("Question", width="medium"),
                "Had": st.column_config.TextColumn("Had", width="medium"),
                "To add next time": st.column_config.TextColumn("To add next time", width="medium"),
            },
        )
    counts = view.count_rows(bank.practice_counts(ctx.db, ctx.owner))
    if counts:
        st.subheader("By skill", anchor=False)
        st.dataframe(
            counts,
            hide_index=True,
            width="stretch",
            key="pr_counts",
            column_config={
                "Last practised": st.column_config.DateColumn("Last practised", format="D MMM YYYY")
            },
        )
