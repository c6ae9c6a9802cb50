"""Practice drills from the plan: their dates, stored in one transaction, replaced when
scheduled again, shown in the plan with their own "why", and in the calendar file with a
reminder each; and the links from a step to the Practise page."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from icalendar import Calendar

from assessment import storage
from assessment.models import Action, Step
from assessment.plan import calendar, drills, layout, steps, strategies, texts
from assessment.skills import STRATEGIES
from tests.cases import data_analyst_case

TODAY = dt.date(2026, 12, 1)


def days(*offsets: int) -> list[dt.date]:
    return [TODAY + dt.timedelta(days=n) for n in offsets]


# ---- dates --------------------------------------------------------------------------------


def test_without_an_interview_date_every_second_day_from_tomorrow():
    assert drills.drill_dates(TODAY) == days(1, 3, 5)
    assert drills.drill_dates(TODAY, sessions=1) == days(1)
    assert drills.drill_dates(TODAY, sessions=5) == days(1, 3, 5, 7, 9)


def test_far_from_the_interview_they_spread_from_tomorrow_to_the_day_before():
    assert drills.drill_dates(TODAY, 3, TODAY + dt.timedelta(days=10)) == days(1, 5, 9)
    assert drills.drill_dates(TODAY, 2, TODAY + dt.timedelta(days=30)) == days(1, 29)
    assert drills.drill_dates(TODAY, 5, TODAY + dt.timedelta(days=6)) == days(1, 2, 3, 4, 5)
    spread = drills.drill_dates(TODAY, 4, TODAY + dt.timedelta(days=8))
    assert spread == days(1, 3, 5, 7) and len(set(spread)) == 4


def test_one_session_is_the_day_before_the_interview():
    assert drills.drill_dates(TODAY, 1, TODAY + dt.timedelta(days=20)) == days(19)


def test_fewer_days_than_sessions_gives_fewer_drills_and_says_so():
    interview = TODAY + dt.timedelta(days=3)
    dates = drills.drill_dates(TODAY, 3, interview)
    assert dates == days(1, 2)
    note = drills.fewer_note(TODAY, 3, dates, interview)
    assert note == (
        " Only 2 days are left before your interview, so there is room for 2 of the 3 sessions."
    )
    assert drills.fewer_note(TODAY, 2, dates, interview) == ""
    assert drills.fewer_note(TODAY, 3, days(1, 3, 5), None) == ""


def test_an_interview_in_two_days_leaves_tomorrow():
    interview = TODAY + dt.timedelta(days=2)
    assert drills.drill_dates(TODAY, 3, interview) == days(1)
    assert drills.no_dates_reason(TODAY, interview) == ""
    assert "Only 1 day is left" in drills.fewer_note(TODAY, 3, days(1), interview)


@pytest.mark.parametrize(
    ("offset", "words"),
    [(1, "Your interview is tomorrow"), (0, "Your interview is today"), (-3, "has passed")],
)
def test_an_interview_tomorrow_today_or_past_has_no_drill_and_says_why(offset, words):
    interview = TODAY + dt.timedelta(days=offset)
    assert drills.drill_dates(TODAY, 3, interview) == []
    reason = drills.no_dates_reason(TODAY, interview)
    assert words in reason and "nothing was scheduled" in reason.lower()


@pytest.mark.parametrize("sessions", [0, 6, -1])
def test_sessions_outside_one_to_five_are_refused(sessions):
    with pytest.raises(ValueError, match="from 1 to 5"):
        drills.drill_dates(TODAY, sessions)


# ---- storing ------------------------------------------------------------------------------


@pytest.fixture
def case(db):
    """The Data Analyst case stored, with its shore-up step on Role knowledge accepted."""
    rid = storage.insert_rejection(db, replace(data_analyst_case(), id=None))
    shore_up = next(s for s in steps.build_plan(db, rid, today=TODAY) if s.strategy == "shore_up")
    aid = steps.accept(db, rid, shore_up)
    return rid, replace(shore_up, status="accepted", action_id=aid)


def stored(db, rid) -> list[Action]:
    return list(storage.get_rejection(db, rid).actions)


def test_three_drills_are_three_accepted_dated_actions_of_the_step(db, case):
    rid, step = case
    done = drills.schedule_drills(db, rid, step, days(5, 1, 3))
    parent, *drill_actions = stored(db, rid)
    assert parent.title == strategies.shore_up_title("role_knowledge")
    assert [(a.strategy, a.skill, a.due_on, a.done_on) for a in drill_actions] == [
        ("shore_up", "role_knowledge", day, None) for day in days(1, 3, 5)
    ]
    assert [a.title for a in drill_actions] == [
        f"Practice drill on Role knowledge ({n} of 3)" for n in (1, 2, 3)
    ]
    assert done.action_ids == tuple(a.id for a in drill_actions)
    assert done.replaced == 0
    assert done.message().startswith(
        "Scheduled 3 practice drills: 2026-12-02, 2026-12-04, 2026-12-06."
    )
    assert "calendar file" in done.message()


def test_they_are_written_in_one_transaction(db, case):
    rid, step = case
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        drills.schedule_drills(db, rid, step, days(1, 3, 5))
    finally:
        db.conn.set_trace_callback(None)
    begins = [s for s in statements if s.upper().startswith("BEGIN")]
    commits = [s for s in statements if s.upper().startswith("COMMIT")]
    assert begins == ["BEGIN IMMEDIATE"] and len(commits) == 1


def test_a_failure_half_way_changes_nothing(db, case, monkeypatch):
    rid, step = case
    drills.schedule_drills(db, rid, step, days(1, 3))
    before = stored(db, rid)
    real = storage._insert_action
    calls = []

    def failing(db_, rejection_id, action):
        calls.append(action)
        if len(calls) == 2:
            raise storage.StorageError("The disk is full, so nothing was saved.")
        return real(db_, rejection_id, action)

    monkeypatch.setattr(storage, "_insert_action", failing)
    with pytest.raises(storage.StorageError):
        drills.schedule_drills(db, rid, step, days(2, 4, 6))
    assert stored(db, rid) == before  # the old drills are still there, no new one is


def test_scheduling_again_replaces_the_drills_not_done_and_keeps_the_done_ones(db, case):
    rid, step = case
    first = drills.schedule_drills(db, rid, step, days(1, 3, 5))
    storage.update_action(db, first.action_ids[0], done_on=TODAY + dt.timedelta(days=1))
    again = drills.schedule_drills(db, rid, step, days(2, 4))
    assert again.replaced == 2
    assert "They replace 2 practice drills not done yet." in again.message()
    drill_actions = [a for a in stored(db, rid) if drills.is_drill(a)]
    assert [(a.title, a.due_on, a.done_on is not None) for a in drill_actions] == [
        ("Practice drill on Role knowledge (1 of 3)", days(1)[0], True),
        ("Practice drill on Role knowledge (1 of 2)", days(2)[0], False),
        ("Practice drill on Role knowledge (2 of 2)", days(4)[0], False),
    ]


def test_the_drills_of_another_step_stay(db, case):
    rid, step = case
    pitch = next(
        s for s in steps.build_plan(db, rid, today=TODAY) if s.strategy == "practice_pitch"
    )
    drills.schedule_drills(db, rid, pitch, days(2))
    drills.schedule_drills(db, rid, step, days(1, 3))
    drills.schedule_drills(db, rid, step, days(5))
    titles = sorted((a.strategy, a.title) for a in stored(db, rid) if drills.is_drill(a))
    assert titles == [
        ("practice_pitch", "Practice drill on Role knowledge (1 of 1)"),
        ("shore_up", "Practice drill on Role knowledge (1 of 1)"),
    ]


def test_another_owners_rejection_and_a_step_without_a_skill_are_refused(db, case):
    rid, step = case
    with pytest.raises(storage.StorageError, match="no longer exists"):
        drills.schedule_drills(db, rid, step, days(1), owner="someone@example.com")
    energy = Step(strategy="stay_positive", title=texts.TITLE_ENERGY, why="", priority=1)
    with pytest.raises(ValueError):
        drills.schedule_drills(db, rid, energy, days(1))
    assert len(stored(db, rid)) == 1


# ---- in the plan and the calendar ---------------------------------------------------------


def test_the_plan_shows_the_drills_under_their_step_with_their_own_why(db, case):
    rid, step = case
    drills.schedule_drills(db, rid, step, days(1, 3, 5))
    plan = steps.build_plan(db, rid, today=TODAY)
    titles = [s.title for s in plan]
    at = titles.index(step.title)
    assert titles[at + 1 : at + 4] == [
        f"Practice drill on Role knowledge ({n} of 3)" for n in (1, 2, 3)
    ]
    assert plan[at].status == "accepted" and plan[at].action_id == step.action_id
    rejection = storage.get_rejection(db, rid)
    for drill in plan[at + 1 : at + 4]:
        assert drill.status == "accepted" and drill.due_on is not None
        assert drill.why == texts.DRILL_WHY.format(skill="Role knowledge")
        assert "Practise page" in drill.detail and texts.LEFTOVER_WHY not in drill.why
        view = layout.step_view(drill, TODAY, rejection)
        assert view.title_is_ours and view.strategy == STRATEGIES["shore_up"]
        assert view.time == "about 15 minutes"
    assert [s.priority for s in plan] == list(range(1, len(plan) + 1))


def test_a_drill_never_stands_for_its_step(db):
    rid = storage.insert_rejection(db, replace(data_analyst_case(), id=None))
    shore_up = next(s for s in steps.build_plan(db, rid, today=TODAY) if s.strategy == "shore_up")
    drills.schedule_drills(db, rid, shore_up, days(1))  # the step itself was never accepted
    plan = steps.build_plan(db, rid, today=TODAY)
    step = next(s for s in plan if s.title == shore_up.title)
    assert step.status == "suggested" and step.action_id is None
    drill = plan[plan.index(step) + 1]
    assert drills.is_drill(drill) and drill.status == "accepted"


def test_the_calendar_has_one_event_with_a_reminder_per_drill(db, case):
    rid, step = case
    done = drills.schedule_drills(db, rid, step, days(1, 3, 5))
    rejection = storage.get_rejection(db, rid)
    plan = steps.build_plan(db, rid, today=TODAY)
    cal = Calendar.from_ical(calendar.plan_calendar(rejection, plan))
    events = list(cal.walk("VEVENT"))
    assert len(events) == 3  # the shore-up step itself has no due date
    for event, day, aid in zip(events, days(1, 3, 5), done.action_ids, strict=True):
        assert event["dtstart"].dt == day
        assert str(event["uid"]) == f"rebound-{rid}-action-{aid}@rebound.local"
        assert "Practice drill on Role knowledge" in str(event["summary"])
        assert "Northwind Analytics" in str(event["summary"])
        (alarm,) = event.walk("VALARM")
        assert str(alarm["action"]) == "DISPLAY"
        assert alarm["trigger"].dt == -calendar.REMINDER_BEFORE


# ---- links to the Practise page -----------------------------------------------------------


def _step(strategy: str, skill: str | None, title: str = "t") -> Step:
    return Step(strategy=strategy, title=title, why="", priority=1, skill=skill)


def test_a_shore_up_step_links_to_a_drill_and_to_the_story_for_its_concern():
    links = layout.practice_links(_step("shore_up", "evidence"))
    assert [(link.label, link.params) for link in links] == [
        ("Start a drill on Evidence & examples", {"skill": "evidence"}),
        ("Write the story that answers this concern", {"skill": "evidence", "story": "new"}),
    ]


def test_a_pitch_step_links_to_a_drill_only_and_without_a_skill_to_the_first_area():
    (link,) = layout.practice_links(_step("practice_pitch", "role_knowledge"))
    assert link.params == {"skill": "role_knowledge"}
    (link,) = layout.practice_links(_step("practice_pitch", None), data_analyst_case())
    assert link.label == "Start a drill on Role knowledge"  # the reason's skill comes first
    (link,) = layout.practice_links(_step("practice_pitch", None))
    assert (link.label, link.params) == ("Open the Practise page", {})


def test_a_drill_links_to_a_drill_and_other_steps_have_no_practise_link():
    drill = _step("shore_up", "evidence", drills.drill_title("evidence", 1, 2))
    (link,) = layout.practice_links(drill)
    assert link.params == {"skill": "evidence"}
    assert layout.practice_links(_step("stay_positive", None)) == ()
    assert layout.practice_links(_step("change_tactics", "evidence")) == ()


def test_only_an_accepted_open_shore_up_or_pitch_step_offers_drills():
    step = replace(_step("shore_up", "evidence"), status="accepted", action_id=3)
    assert drills.can_schedule(step)
    assert not drills.can_schedule(replace(step, status="done"))
    assert not drills.can_schedule(replace(step, status="suggested", action_id=None))
    assert not drills.can_schedule(replace(step, title=drills.drill_title("evidence", 1, 1)))
    assert not drills.can_schedule(replace(step, strategy="not_about_you"))
    # a drill title is the app's only with its own skill and a drill strategy
    assert not drills.is_drill(replace(step, title=drills.drill_title("composure", 1, 1)))
    assert not drills.is_drill(
        replace(step, strategy="ask_feedback", title=drills.drill_title("evidence", 1, 1))
    )
