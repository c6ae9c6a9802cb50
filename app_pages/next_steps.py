import datetime as dt

import streamlit as st

import ui
from assessment import storage, validation
from assessment.models import Rejection, Settings, Step
from assessment.plan import calendar, drills, layout, markdown, steps, texts
from assessment.reading.tone import CATEGORY_LABELS, check_tone
from assessment.skills import SKILL_NAMES

ctx = ui.page("Next steps")
ui.show_flash()

st.title("Next steps", anchor=False)
rejection_id = ui.choose_rejection(ctx)
if rejection_id is None:
    ui.empty_state("Your plan appears here once you have reflected on a rejection.")
    st.stop()

today = ui.today()


# ---- writes: one storage call (one transaction) each, run before the plan redraws ----------

# What the last click on a step did, shown in that step's card: (the card's key, kind, text).
# A click on a step reruns only the plan (a fragment), so a message at the top of the page
# would not be drawn; and the card is where the user is looking.
STEP_NOTICE = "ns_step_notice"


def _safely(write, message: str, card: str) -> None:
    try:
        write()
    except storage.StorageError as exc:
        st.session_state[STEP_NOTICE] = (card, "error", f"Nothing was changed: {exc}")
        return
    st.session_state[STEP_NOTICE] = (card, "success", message)


def _accept(step: Step, card: str) -> None:
    _safely(
        lambda: steps.accept(ctx.db, rejection_id, step, ctx.owner),
        "Added to your plan. You can give it a due date here.",
        card,
    )


def _done(action_id: int, card: str) -> None:
    _safely(
        lambda: storage.update_action(ctx.db, action_id, ctx.owner, done_on=ui.today()),
        "Marked as done. Well done.",
        card,
    )


def _undo(action_id: int, card: str) -> None:
    _safely(
        lambda: storage.update_action(ctx.db, action_id, ctx.owner, done_on=None),
        "Marked as not done yet.",
        card,
    )


def _remove(action_id: int, card: str) -> None:
    _safely(
        lambda: storage.remove_action(ctx.db, action_id, ctx.owner),
        "Removed from your plan. It is a suggestion again if it still applies.",
        card,
    )


def _drill_keys(action_id: int) -> tuple[str, str, str]:
    """The drill form's widget keys: interview date, sessions, and the notice after a submit."""
    return (
        f"ns_drill_interview_{action_id}",
        f"ns_drill_sessions_{action_id}",
        f"ns_drill_notice_{action_id}",
    )


def _schedule_drills(step: Step) -> None:
    interview_key, sessions_key, notice_key = _drill_keys(step.action_id)
    interview_on = st.session_state.get(interview_key)
    sessions = int(st.session_state.get(sessions_key) or drills.DEFAULT_SESSIONS)
    day = ui.today()
    reason = drills.no_dates_reason(day, interview_on)
    if reason:
        st.session_state[notice_key] = ("warning", reason)
        return
    dates = drills.drill_dates(day, sessions, interview_on)
    try:
        done = drills.schedule_drills(ctx.db, rejection_id, step, dates, ctx.owner)
    except storage.StorageError as exc:
        st.session_state[notice_key] = ("error", f"Nothing was changed: {exc}")
        return
    note = drills.fewer_note(day, sessions, dates, interview_on)
    st.session_state[notice_key] = ("success", done.message(note))


def _set_due(action_id: int, key: str, card: str) -> None:
    due = st.session_state.get(key)
    problem = validation.date_error("due_on", due, ui.today())
    if problem:
        st.session_state[STEP_NOTICE] = (card, "error", f"{problem} The due date was not changed.")
        return
    _safely(
        lambda: storage.update_action(ctx.db, action_id, ctx.owner, due_on=due),
        "Due date saved." if due else "Due date cleared.",
        card,
    )


# ---- progress -------------------------------------------------------------------------


def _show_progress(plan: list[Step]) -> None:
    progress = steps.progress(plan, today)
    st.subheader("Your progress", anchor=False)
    st.progress(progress.fraction)
    st.markdown(progress.text)
    left, right = st.columns(2)
    with left:
        st.markdown("**Overdue**")
        if not progress.overdue:
            st.write("Nothing overdue.")
        for step in progress.overdue:
            st.text(f"{step.title} (due {step.due_on.isoformat()})")
    with right:
        st.markdown("**Due this week**")
        if not progress.due_this_week:
            st.write("Nothing due in the next seven days.")
        for step in progress.due_this_week:
            st.text(f"{step.title} (due {step.due_on.isoformat()})")


# ---- the steps ------------------------------------------------------------------------


def _accept_key(step: Step, seen: set[str]) -> str:
    key = f"accept_{step.strategy}_{step.skill}"
    n = 2
    while key in seen:  # two steps of one strategy without a skill (e.g. two patterns)
        key = f"accept_{step.strategy}_{step.skill}_{n}"
        n += 1
    seen.add(key)
    return key


def _show_step(
    step: Step, view: layout.StepView, accept_key: str, rejection: Rejection, plan: list[Step]
) -> None:
    with st.container(border=True):
        label = f"**{view.number}. {view.strategy}**"
        if view.skill:
            label += f" · {view.skill}"
        if view.title_is_ours:
            st.markdown(f"{label} · {view.status}\n\n#### {view.title}")
        else:
            st.markdown(f"{label} · {view.status}")
            st.text(view.title)
        st.markdown(f"**{texts.WHY_LABEL}**")
        st.text(view.why)
        if view.what_to_do:
            st.markdown(f"**{texts.DETAIL_LABEL}**")
            st.text(view.what_to_do)
        if view.time:
            st.markdown(f"*{texts.TIME_LABEL}: {view.time[0].upper()}{view.time[1:]}.*")
        if view.message:
            _show_message(view, accept_key)
        _practice_links(view, rejection.id)
        _step_controls(step, view, accept_key)
        if drills.can_schedule(step):
            _drill_form(step, plan)


def _practice_links(view: layout.StepView, rejection_id: int) -> None:
    for link in view.practice:
        icon = ":material/auto_stories:" if link.story else ":material/record_voice_over:"
        ui.link("practise", link.label, rejection_id, icon=icon, **link.params)


def _drill_form(step: Step, plan: list[Step]) -> None:
    aid = step.action_id
    interview_key, sessions_key, notice_key = _drill_keys(aid)
    notice = st.session_state.pop(notice_key, None)
    waiting = [d for d in drills.drills_of(step, plan) if d.status != "done"]
    open_key = f"ns_drill_open_{aid}"
    if notice is not None:  # what the last submit did is shown in the form, open
        st.session_state[open_key] = True
    # Drawn only while open (a click on it reruns the plan, not the page): most plans have a
    # form on every shore-up step, and most are never opened.
    folded = st.expander(texts.DRILL_FORM, icon=":material/event:", key=open_key, on_change="rerun")
    if not folded.open:
        return
    with folded:
        st.markdown(texts.DRILL_FORM_INTRO.format(skill=SKILL_NAMES[step.skill]))
        if len(waiting) == 1:
            st.markdown(texts.DRILL_FORM_AGAIN_ONE)
        elif waiting:
            st.markdown(texts.DRILL_FORM_AGAIN.format(count=len(waiting)))
        with st.form(f"ns_drill_form_{aid}", border=False):
            tomorrow = today + dt.timedelta(days=1)
            st.date_input(
                texts.DRILL_INTERVIEW,
                value=None,
                key=interview_key,
                min_value=tomorrow,
                max_value=max(tomorrow, validation.date_range("due_on", today)[1]),
                format="YYYY-MM-DD",
                help=texts.DRILL_INTERVIEW_HELP,
            )
            st.number_input(
                texts.DRILL_SESSIONS,
                min_value=drills.MIN_SESSIONS,
                max_value=drills.MAX_SESSIONS,
                value=drills.DEFAULT_SESSIONS,
                step=1,
                key=sessions_key,
            )
            st.form_submit_button(
                texts.DRILL_SUBMIT,
                key=f"ns_drill_submit_{aid}",
                on_click=_schedule_drills,
                args=(step,),
            )
        if notice is not None:
            kind, message = notice
            {"success": st.success, "warning": st.warning, "error": st.error}[kind](message)


def message_key(accept_key: str) -> str:
    """The key of a step's folded message (``True`` in the session state: open)."""
    return f"msg_{accept_key}"


def _show_message(view: layout.StepView, accept_key: str) -> None:
    # A message meant to go today is open; the others are folded and drawn only once opened
    # (a click on one reruns the plan, not the page).
    folded = st.expander(
        view.message_title,
        expanded=view.send_now,
        icon=":material/mail:",
        key=message_key(accept_key),
        on_change="rerun",
    )
    if not folded.open:
        return
    with folded:
        if view.send_line:
            st.text(f"{view.send_line}.")
        # st.code's copy button shows on hover, and on a touch screen once the message is tapped.
        st.code(view.message, language=None, wrap_lines=True)
        st.caption("Copy: the button at the top right of the message.")
        st.link_button(
            texts.MAIL_LINK,
            view.mail_link,
            key=f"mail_{accept_key}",
            icon=":material/mail:",
            help="Opens your mail app with the subject and the message filled in.",
        )


def _show_notice(card: str) -> None:
    notice = st.session_state.get(STEP_NOTICE)
    if notice is None or notice[0] != card:
        return
    del st.session_state[STEP_NOTICE]
    _card, kind, message = notice
    (st.error if kind == "error" else st.success)(message)


def _step_controls(step: Step, view: layout.StepView, accept_key: str) -> None:
    card = accept_key
    if step.action_id is None:
        st.button(
            "Accept: add to my plan",
            key=accept_key,
            on_click=_accept,
            args=(step, card),
            type="primary" if step.priority == 1 else "secondary",
        )
        _show_notice(card)
        return
    aid = step.action_id
    if step.status == "done":
        st.markdown(f"{view.status_line}.")
        col1, col2 = st.columns(2)
        col1.button("Mark as not done", key=f"undo_{aid}", on_click=_undo, args=(aid, card))
        col2.button("Remove from plan", key=f"remove_{aid}", on_click=_remove, args=(aid, card))
        _show_notice(card)
        return
    due_key = f"due_{aid}"
    first, last = validation.picker_range("due_on", step.due_on, today=today)
    st.date_input(
        "Due date (optional)",
        value=step.due_on,
        key=due_key,
        # Streamlit's date field sends a typed date when the field loses focus (Tab or a click
        # elsewhere), not on Enter; a date picked in the calendar is sent at once.
        help="Saved as soon as you pick a date in the calendar, or when you leave the field "
        "after typing one (Tab or a click elsewhere).",
        on_change=_set_due,
        args=(aid, due_key, card),
        min_value=first,
        max_value=last,
        format="YYYY-MM-DD",
    )
    if step.due_on is not None and step.due_on < today:
        st.warning("This is past its due date. Pick a new date, or mark it done if it is.")
    col1, col2 = st.columns(2)
    col1.button("Mark as done", key=f"done_{aid}", on_click=_done, args=(aid, card), type="primary")
    col2.button("Remove from plan", key=f"remove_{aid}", on_click=_remove, args=(aid, card))
    _show_notice(card)


# ---- your name and sign-off, used in every message ---------------------------------------


def _save_settings() -> None:
    chosen = Settings(
        name=st.session_state.get("settings_name") or "",
        sign_off=st.session_state.get("settings_sign_off") or "",
    )
    try:
        storage.save_settings(ctx.db, chosen, ctx.owner)
    except storage.StorageError as exc:
        ui.flash(str(exc))
        return
    ui.flash("Saved. Every message is now signed with it.")


settings = ui.query(ctx, storage.get_settings, ctx.owner)
with st.expander("Your name and sign-off", expanded=not settings.name):
    st.markdown("Asked once, and used to sign every message below.")
    with st.form("settings_form", border=False):
        st.text_input("Your name", value=settings.name, key="settings_name", max_chars=200)
        st.text_input(
            "Sign-off",
            value=settings.sign_off,
            key="settings_sign_off",
            max_chars=200,
            placeholder="Kind regards,",
        )
        st.form_submit_button("Save", on_click=_save_settings, key="settings_save")


# ---- the plan: progress, the steps and the files, redrawn alone after a click on a step -----


@st.fragment
def _plan_region() -> None:
    # Read on each run of the fragment (a click on a step changes the plan's actions), and
    # kept until the data changes.
    rejection = ui.query(ctx, storage.get_rejection, rejection_id, ctx.owner)
    plan = ui.plan(ctx, rejection_id)
    views = ui.cached(
        ctx,
        ("step_views", rejection_id, today),
        lambda: [layout.step_view(step, today, rejection) for step in plan],
    )
    _show_progress(plan)

    st.subheader("Your plan", anchor=False)
    st.markdown(
        "Steps are in the order we suggest doing them. Accept the ones you want to take on; "
        "each becomes an action you can date and tick off."
    )
    seen_keys: set[str] = set()
    for step, view in zip(plan, views, strict=True):
        _show_step(step, view, _accept_key(step, seen_keys), rejection, plan)

    st.subheader("Take your plan with you", anchor=False)
    col1, col2 = st.columns(2)
    col1.download_button(
        "Download the plan (Markdown)",
        # built when clicked, not on every rerun
        data=lambda: markdown.plan_markdown(rejection, plan, today),
        file_name=f"rebound-plan-{rejection_id}.md",
        mime="text/markdown",
        key="download_plan_md",
    )
    has_events = calendar.has_events(plan)
    col2.download_button(
        "Download reminders (calendar .ics)",
        data=lambda: calendar.plan_calendar(rejection, plan),
        file_name=f"rebound-reminders-{rejection_id}.ics",
        mime="text/calendar",
        key="download_ics",
        disabled=not has_events,
    )
    st.markdown(
        "The calendar file has one all-day event for each step you accepted and gave a due "
        "date (not the ones already done), and one for each practice drill you scheduled; a "
        "message step carries its message. Accept “Reconnect later” to have its day in your "
        "calendar. Each event reminds you at 9:00 the day before. Open the file with your "
        "calendar app to add them."
    )
    if not has_events:
        st.info("Nothing for your calendar yet: accept a step and give it a due date.")


_plan_region()


# ---- your own reply, with a tone check ---------------------------------------------------

st.subheader("Write your own reply", anchor=False)
st.markdown(
    "Drafting something yourself? Check its tone before you send it. The check only "
    "suggests; you decide what to send."
)
reply = st.text_area("Your reply", key="reply_box", height=160, max_chars=20_000)
if st.button("Check tone", key="check_tone"):
    flags = check_tone(reply or "")
    if not (reply or "").strip():
        st.info("Write or paste your reply above first.")
    elif not flags:
        st.success("Nothing sounds defensive, angry, sarcastic or pleading. Calm and clear.")
    else:
        many = "1 phrase" if len(flags) == 1 else f"{len(flags)} phrases"
        st.warning(f"{many} may come across differently than you mean. Sending is up to you.")
        for flag in flags:
            with st.container(border=True):
                st.markdown(f"**{CATEGORY_LABELS.get(flag.category, 'Tone')}**")
                st.code(flag.phrase, language=None, wrap_lines=True)
                st.markdown("Try instead:")
                st.text(flag.suggestion)
