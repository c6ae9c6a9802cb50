"""The Next steps page through AppTest: accept, date, complete, un-complete and remove."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from urllib.parse import parse_qs

from streamlit.testing.v1 import AppTest

from assessment import examples, storage
from assessment.models import Rejection, Settings
from assessment.plan import drills, layout, steps, strategies
from assessment.plan import texts as text
from assessment.plan.markdown import escape, plan_markdown
from assessment.plan.texts import TITLE_DOOR
from tests.cases import data_analyst_case
from tests.helpers import app_page, open_folded


def run(**query: str) -> AppTest:
    at = app_page("app_pages/next_steps.py", **query)
    assert not at.exception
    return at


def run_open(**query: str) -> AppTest:
    """The page with every step's message opened."""
    return open_folded(run(**query), text.MESSAGE_LABEL)


def texts(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


def markdown(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def test_empty_database_points_to_a_first_reflection(db):
    at = app_page("app_pages/next_steps.py")
    assert not at.exception
    assert "Your plan appears here" in at.info[0].value
    assert not at.button


def test_plan_is_shown_in_the_same_order_as_build_plan(example_db):
    at = run()
    rid = storage.latest_rejection_id(example_db)
    plan = steps.build_plan(example_db, rid, today=dt.date.today())
    headers = [m for m in markdown(at) if m.startswith("**") and ". " in m[:6]]
    assert len(headers) == len(plan)
    for header, step in zip(headers, plan, strict=True):
        assert header.startswith(f"**{step.priority}. ")
    assert f"0 of {len(plan)} steps done. Accept a step to add it to your plan." in markdown(at)
    assert at.get("progress")[0].proto.value == 0
    why = next(t for t in texts(at) if "confirmed strength" in t)
    assert "Acme Analytics" in why


def test_the_page_and_the_markdown_plan_lay_out_each_step_alike(example_db):
    at = run_open()
    today = dt.date.today()
    rid = storage.latest_rejection_id(example_db)
    rejection = storage.get_rejection(example_db, rid)
    plan = steps.build_plan(example_db, rid, today=today)
    document = plan_markdown(rejection, plan, today)
    codes = [c.value for c in at.code]
    for view in (layout.step_view(step, today, rejection) for step in plan):
        assert any(m.startswith(f"**{view.number}. {view.strategy}**") for m in markdown(at))
        assert f"[ ] {view.strategy}" in document
        assert view.why in texts(at) and f"**Why:** {escape(view.why)}" in document
        if view.time:
            assert f"*Time: A{view.time[1:]}.*" in markdown(at)
            assert f"**Time:** {view.time}" in document
        if view.message:
            assert view.message in codes and f"{view.send_line}." in texts(at)
            assert view.mail_link in [b.proto.url for b in at.link_button]


def test_user_text_never_goes_through_markdown(example_db):
    at = run_open()
    for value in markdown(at):
        assert "Acme Analytics" not in value and "Priya" not in value
    assert any("Acme Analytics" in t for t in texts(at))
    assert any("Dear Priya Shah," in c.value for c in at.code)  # copyable message


def test_accept_complete_uncomplete_and_remove(example_db):
    rid = storage.latest_rejection_id(example_db)
    at = run()
    total = len(steps.build_plan(example_db, rid, today=dt.date.today()))
    at.button(key="accept_shore_up_evidence").click().run()
    assert not at.exception
    assert f"0 of {total} steps done. 1 more taken on." in markdown(at)
    assert "Added to your plan" in at.success[0].value
    (action,) = storage.get_rejection(example_db, rid).actions
    assert (action.strategy, action.skill) == ("shore_up", "evidence")
    assert not [b for b in at.button if b.key == "accept_shore_up_evidence"]

    at.button(key=f"done_{action.id}").click().run()
    assert not at.exception
    assert f"1 of {total} steps done." in markdown(at)
    assert "1 of 1 action done." not in markdown(at)
    # one step done of many is not a full bar
    assert 0 < at.get("progress")[0].proto.value == int(100 / total) < 100
    assert storage.get_rejection(example_db, rid).actions[0].done_on == dt.date.today()

    at.button(key=f"undo_{action.id}").click().run()
    assert not at.exception
    assert f"0 of {total} steps done. 1 more taken on." in markdown(at)
    assert storage.get_rejection(example_db, rid).actions[0].done_on is None

    at.button(key=f"remove_{action.id}").click().run()
    assert not at.exception
    assert f"0 of {total} steps done. Accept a step to add it to your plan." in markdown(at)
    assert storage.get_rejection(example_db, rid).actions == ()
    assert at.button(key="accept_shore_up_evidence")


def test_progress_is_full_only_when_every_step_is_done(example_db):
    rid = storage.latest_rejection_id(example_db)
    for step in steps.build_plan(example_db, rid, today=dt.date.today()):
        aid = steps.accept(example_db, rid, step)
        storage.update_action(example_db, aid, done_on=dt.date.today())
    at = run()
    total = len(steps.build_plan(example_db, rid, today=dt.date.today()))
    assert f"{total} of {total} steps done." in markdown(at)
    assert at.get("progress")[0].proto.value == 100


def test_due_dates_show_as_due_this_week_or_overdue(example_db):
    rid = storage.latest_rejection_id(example_db)
    at = run()
    at.button(key="accept_keep_door_open_None").click().run()
    at.button(key="accept_practice_pitch_evidence").click().run()
    door, pitch = storage.get_rejection(example_db, rid).actions
    today = dt.date.today()
    at.date_input(key=f"due_{door.id}").set_value(today - dt.timedelta(days=3)).run()
    assert not at.exception
    at.date_input(key=f"due_{pitch.id}").set_value(today + dt.timedelta(days=2)).run()
    assert not at.exception
    shown = texts(at)
    overdue = f"{TITLE_DOOR} (due {(today - dt.timedelta(days=3)).isoformat()})"
    soon = (
        f"{strategies.pitch_title('evidence')} (due {(today + dt.timedelta(days=2)).isoformat()})"
    )
    assert overdue in shown and soon in shown
    assert any("past its due date" in w.value for w in at.warning)
    assert storage.get_rejection(example_db, rid).actions[1].due_on == today + dt.timedelta(2)


def test_another_owners_rejection_shows_nothing_of_it(example_db):
    other = storage.insert_rejection(
        example_db,
        Rejection(company="Secret Corp", role="Spy", stage="final", rejected_on=dt.date.today()),
        owner="someone@example.com",
    )
    at = run(rejection=str(other))
    assert any("not found" in w.value for w in at.warning)
    everything = texts(at) + markdown(at) + [c.value for c in at.code]
    assert not any("Secret Corp" in value for value in everything)
    assert any("Acme Analytics" in value for value in texts(at))


def test_rejection_without_ratings_and_long_name_renders(db):
    long_name = "Ünïcode Ærø 東京 " + "Very Long Company Name " * 8
    rid = storage.insert_rejection(
        db,
        Rejection(
            company=long_name, role="Analyst", stage="screening", rejected_on=dt.date.today()
        ),
    )
    at = run(rejection=str(rid))
    headers = [m for m in markdown(at) if m.startswith("**1. ")]
    assert headers == [
        "**1. Ask for feedback** · Suggested\n\n#### Thank them and ask for honest feedback"
    ]
    assert any(long_name.strip() in t for t in texts(at))


def test_downloads(example_db):
    at = run()
    keys = {d.proto.id for d in at.get("download_button")}
    assert keys  # both downloads are on the page
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels == ["Download the plan (Markdown)", "Download reminders (calendar .ics)"]
    assert not at.exception


def test_the_calendar_download_waits_for_an_accepted_step(example_db):
    at = run()
    ics = next(d for d in at.get("download_button") if "calendar" in d.proto.label)
    assert ics.proto.disabled  # suggestions only: nothing for a calendar
    assert any("Nothing for your calendar yet" in i.value for i in at.info)
    at.button(key="accept_keep_door_open_None").click().run()
    assert not at.exception
    ics = next(d for d in at.get("download_button") if "calendar" in d.proto.label)
    assert not ics.proto.disabled
    assert not any("Nothing for your calendar yet" in i.value for i in at.info)
    assert any("9:00 the day before" in m for m in markdown(at))


def test_tone_check_on_the_reply_box(example_db):
    at = run()
    at.text_area(key="reply_box").input("This is RIDICULOUS, you clearly never read my CV!!!")
    at.button(key="check_tone").click().run()
    assert not at.exception
    assert "3 phrases may come across differently" in at.warning[0].value
    assert "**Sounds angry**" in markdown(at)
    assert [c.value for c in at.code][-3:] == ["RIDICULOUS", "you clearly never read", "!!!"]
    assert any("appreciate a short explanation" in t for t in texts(at))
    at.text_area(key="reply_box").input("Thank you for your time.")
    at.button(key="check_tone").click().run()
    assert not at.exception
    assert "Calm and clear" in at.success[0].value


def test_example_data_loads_through_the_shared_loader(db):
    examples.load_examples(db)
    at = run()
    assert at.button(key="accept_make_your_case_None")


def test_every_message_has_a_copy_box_and_a_mail_link_and_one_goes_today(example_db):
    at = run_open()
    rid = storage.latest_rejection_id(example_db)
    plan = steps.build_plan(example_db, rid, today=dt.date.today())
    messages = [s for s in plan if s.message]
    assert len(at.link_button) == len(messages)
    assert all(b.proto.url.startswith("mailto:?subject=") for b in at.link_button)
    assert sum(1 for t in texts(at) if t.startswith("Send today, to")) <= 1
    assert not any("[" in c.value for c in at.code)


def test_only_the_message_to_send_today_is_open_and_the_others_open_when_asked(example_db):
    at = run()
    rid = storage.latest_rejection_id(example_db)
    today = dt.date.today()
    rejection = storage.get_rejection(example_db, rid)
    views = [layout.step_view(s, today, rejection) for s in steps.build_plan(example_db, rid)]
    with_message = [v for v in views if v.message]
    now = [v for v in with_message if v.send_now]
    assert len(with_message) > len(now) >= 1
    folded = [e.label for e in at.expander if e.label.startswith(text.MESSAGE_LABEL)]
    assert folded == [v.message_title for v in with_message]
    assert any(t.startswith(text.MESSAGE_LABEL + " on 20") for t in folded)  # the day it goes
    # the folded ones are not drawn at all until opened: one copy box and mail link per open one
    assert [c.value for c in at.code] == [v.message for v in now]
    assert len(at.link_button) == len(now)
    at = open_folded(at, text.MESSAGE_LABEL)
    assert [c.value for c in at.code] == [v.message for v in with_message]


def test_name_and_sign_off_are_asked_once_and_sign_every_message(example_db):
    at = run_open()
    assert any(text.NO_NAME in c.value for c in at.code)
    at.text_input(key="settings_name").input("Sam Lee")
    at.text_input(key="settings_sign_off").input("Best wishes,")
    at.button(key="settings_save").click().run()
    assert not at.exception
    assert "Saved. Every message is now signed with it." in at.success[0].value
    assert storage.get_settings(example_db) == Settings("Sam Lee", "Best wishes,")
    codes = [c.value for c in at.code if c.value.startswith("Subject:")]
    assert codes and all(c.endswith("Best wishes,\nSam Lee") for c in codes)
    assert at.text_input(key="settings_name").value == "Sam Lee"


# ---- from the plan to practice ------------------------------------------------------------


def _store_case(db) -> int:
    today = dt.date.today()
    case = replace(
        data_analyst_case(),
        id=None,
        rejected_on=today - dt.timedelta(days=2),
        interviewed_on=today - dt.timedelta(days=6),
    )
    return storage.insert_rejection(db, case)


def practise_links(at: AppTest) -> list[tuple[str, str, dict]]:
    return [
        (link.proto.label, link.proto.page, parse_qs(link.proto.query_string))
        for link in at.get("page_link")
        if link.proto.page == "practise"
    ]


def test_shore_up_and_pitch_steps_link_to_a_drill_and_the_story_on_practise(db):
    rid = _store_case(db)
    at = run(rejection=str(rid))
    r = [str(rid)]
    assert practise_links(at) == [
        (
            "Start a drill on Role knowledge",
            "practise",
            {"rejection": r, "skill": ["role_knowledge"]},
        ),
        (
            "Write the story that answers this concern",
            "practise",
            {"rejection": r, "skill": ["role_knowledge"], "story": ["new"]},
        ),
        (
            "Start a drill on Evidence & examples",
            "practise",
            {"rejection": r, "skill": ["evidence"]},
        ),
        (
            "Write the story that answers this concern",
            "practise",
            {"rejection": r, "skill": ["evidence"], "story": ["new"]},
        ),
        # the pitch step answers on the reason's skill
        (
            "Start a drill on Role knowledge",
            "practise",
            {"rejection": r, "skill": ["role_knowledge"]},
        ),
    ]
    assert not [n for n in at.number_input if n.key.startswith("ns_drill_")]  # none accepted


def test_an_accepted_shore_up_step_schedules_three_drills_before_the_interview(db):
    rid = _store_case(db)
    today = dt.date.today()
    interview = today + dt.timedelta(days=10)
    at = run(rejection=str(rid))
    at.button(key="accept_shore_up_role_knowledge").click().run()
    assert not at.exception
    (step_action,) = storage.get_rejection(db, rid).actions
    aid = step_action.id
    assert not at.number_input  # the form is folded, and drawn once opened
    at = open_folded(at, text.DRILL_FORM)
    assert at.number_input(key=f"ns_drill_sessions_{aid}").value == 3
    at.date_input(key=f"ns_drill_interview_{aid}").set_value(interview)
    at.button(key=f"ns_drill_submit_{aid}").click().run()
    assert not at.exception

    wanted = drills.drill_dates(today, 3, interview)
    stored = [a for a in storage.get_rejection(db, rid).actions if a.id != aid]
    assert [(a.strategy, a.skill, a.due_on, a.done_on) for a in stored] == [
        ("shore_up", "role_knowledge", day, None) for day in wanted
    ]
    (message,) = [s.value for s in at.success]
    assert message.startswith("Scheduled 3 practice drills: ")
    assert all(day.isoformat() in message for day in wanted) and "calendar file" in message
    headings = [m.partition("\n\n#### ")[2] for m in markdown(at)]
    drilled = [h for h in headings if h.startswith("Practice drill")]
    assert drilled == [f"Practice drill on Role knowledge ({n} of 3)" for n in (1, 2, 3)]
    assert text.DRILL_WHY.format(skill="Role knowledge") in texts(at)
    shown = texts(at)
    assert all(
        f"Practice drill on Role knowledge ({n} of 3) (due {d.isoformat()})" in shown
        for n, d in enumerate(wanted, start=1)
        if d <= today + dt.timedelta(days=6)
    )
    assert not at.get("download_button")[1].proto.disabled  # the calendar file has events
    assert "3 of this step's drills are not done yet" in " ".join(markdown(at))

    # Scheduling again replaces them; an interview tomorrow schedules nothing and says why.
    at.date_input(key=f"ns_drill_interview_{aid}").set_value(None)
    at.number_input(key=f"ns_drill_sessions_{aid}").set_value(2)
    at.button(key=f"ns_drill_submit_{aid}").click().run()
    assert not at.exception
    assert "They replace 3 practice drills not done yet." in at.success[0].value
    drill_actions = [a for a in storage.get_rejection(db, rid).actions if drills.is_drill(a)]
    assert [a.due_on for a in drill_actions] == drills.drill_dates(today, 2)
    at.date_input(key=f"ns_drill_interview_{aid}").set_value(today + dt.timedelta(days=1))
    at.button(key=f"ns_drill_submit_{aid}").click().run()
    assert not at.exception
    assert any("Your interview is tomorrow" in w.value for w in at.warning)
    assert len([a for a in storage.get_rejection(db, rid).actions if drills.is_drill(a)]) == 2
