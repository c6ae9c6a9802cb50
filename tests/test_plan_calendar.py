"""The calendar file: read back with ``icalendar``, every event checked.

Only accepted, not-done actions with a due date (the reconnect step among them, once accepted),
each with a reminder at 09:00 the day before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from icalendar import Calendar

from assessment.models import Action, Rejection
from assessment.plan import calendar, steps, texts
from tests.cases import TODAY as CASE_TODAY
from tests.cases import data_analyst_case

TODAY = dt.date(2026, 11, 25)


def plan_for(rejection: Rejection, actions: tuple[Action, ...]) -> list:
    return steps.merge_actions(steps.suggest_steps(rejection, today=TODAY), actions)


def events(data: bytes) -> list:
    cal = Calendar.from_ical(data)
    return list(cal.walk("VEVENT"))


def uids(data: bytes) -> set[str]:
    return {str(e["uid"]) for e in events(data)}


# The user took on the reconnect step: accepting a message step takes its send date (six
# weeks after the rejection) as the due date.
RECONNECT_ON = dt.date(2027, 1, 1)
DOOR = Action("keep_door_open", texts.TITLE_RECONNECT, None, due_on=RECONNECT_ON, id=9)
RECONNECT = "rebound-7-action-9@rebound.local"


REJECTION = Rejection(
    id=7,
    company="Zürich Ærø 東京 Analytics",
    role="Datenanalyst:in",
    stage="final",
    rejected_on=dt.date(2026, 11, 20),
    contact_name="José Núñez",
    self_ratings={"evidence": 4},
    feedback=replace(Rejection("a", "b", "final", TODAY).feedback, ratings={"evidence": 2}),
)


def test_one_event_per_open_dated_action_read_back_with_icalendar():
    actions = (
        Action(
            "shore_up",
            "Shore up Evidence & examples",
            "evidence",
            due_on=dt.date(2026, 12, 1),
            id=1,
        ),
        Action(
            "keep_door_open",
            texts.TITLE_THANKS,
            None,
            due_on=dt.date(2026, 11, 26),
            done_on=dt.date(2026, 11, 26),
            id=2,
        ),  # the thank-you, sent: no event
        DOOR,
        Action("practice_pitch", "Practise", "evidence", id=3),  # no due date: no event
        Action("stay_positive", "Past due", None, due_on=dt.date(2026, 1, 2), id=4),
        Action("not_about_you", "Done too", None, due_on=dt.date(2026, 12, 3), done_on=TODAY, id=5),
    )
    plan = plan_for(REJECTION, actions)
    data = calendar.plan_calendar(REJECTION, plan)
    found = {str(e["uid"]): e for e in events(data)}
    assert set(found) == {
        "rebound-7-action-1@rebound.local",
        "rebound-7-action-4@rebound.local",
        RECONNECT,
    }
    assert "rebound-7-action-2@rebound.local" not in found  # done
    assert "rebound-7-action-5@rebound.local" not in found  # done
    assert "rebound-7-action-3@rebound.local" not in found  # no due date
    expected = {
        "rebound-7-action-1@rebound.local": dt.date(2026, 12, 1),
        "rebound-7-action-4@rebound.local": dt.date(2026, 1, 2),
        RECONNECT: RECONNECT_ON,  # six weeks after
    }
    for uid, event in found.items():
        start = event.decoded("dtstart")
        end = event.decoded("dtend")
        assert type(start) is dt.date, "all-day events"
        assert start == expected[uid]
        assert end == start + dt.timedelta(days=1)
        assert "Zürich Ærø 東京 Analytics" in str(event["summary"])
        assert not str(event["summary"]).startswith("Done: ")
    assert str(found[RECONNECT]["summary"]).startswith(texts.TITLE_RECONNECT)
    description = str(found[RECONNECT]["description"])
    assert "The message to adapt and send today" in description
    assert "Dear José Núñez" in description  # the step's own message, whole


def test_every_event_reminds_at_nine_the_day_before():
    actions = (
        Action("shore_up", "Shore up Evidence & examples", "evidence", due_on=TODAY, id=1),
        DOOR,
    )
    data = calendar.plan_calendar(REJECTION, plan_for(REJECTION, actions))
    found = events(data)
    assert len(found) == 2
    for event in found:
        (alarm,) = event.walk("VALARM")
        assert str(alarm["action"]) == "DISPLAY"
        assert str(alarm["description"]) == str(event["summary"])
        trigger = alarm.decoded("trigger")
        assert trigger == -dt.timedelta(hours=15)
        # relative to the all-day start at midnight: 09:00 the day before
        start = dt.datetime.combine(event.decoded("dtstart"), dt.time())
        assert start + trigger == dt.datetime.combine(
            event.decoded("dtstart") - dt.timedelta(days=1), dt.time(9)
        )
        assert alarm["trigger"].params.get("RELATED", "START") == "START"
    assert data.count(b"BEGIN:VALARM") == 2


def test_suggestions_are_not_in_the_calendar():
    plan = plan_for(REJECTION, ())
    assert any(s.strategy == "keep_door_open" and s.status == "suggested" for s in plan)
    data = calendar.plan_calendar(REJECTION, plan)
    assert events(data) == []
    assert RECONNECT.encode() not in data
    assert not calendar.has_events(plan)


def test_the_reconnect_event_comes_only_once_its_step_is_accepted():
    suggested = plan_for(REJECTION, ())
    accepted = plan_for(REJECTION, (DOOR,))
    done = plan_for(REJECTION, (replace(DOOR, done_on=TODAY),))
    thanks_only = plan_for(REJECTION, (Action("keep_door_open", texts.TITLE_THANKS, None, id=3),))
    assert events(calendar.plan_calendar(REJECTION, suggested)) == []
    assert uids(calendar.plan_calendar(REJECTION, accepted)) == {RECONNECT}
    assert events(calendar.plan_calendar(REJECTION, done)) == []
    assert events(calendar.plan_calendar(REJECTION, thanks_only)) == []  # no date, no event
    assert calendar.has_events(accepted) and not calendar.has_events(suggested)


def test_a_done_action_leaves_the_calendar_and_comes_back_when_reopened():
    open_ = Action("shore_up", "Shore up Evidence & examples", "evidence", due_on=TODAY, id=1)
    done = replace(open_, done_on=TODAY)
    uid = "rebound-7-action-1@rebound.local"
    assert uid in uids(calendar.plan_calendar(REJECTION, plan_for(REJECTION, (open_,))))
    assert uid not in uids(calendar.plan_calendar(REJECTION, plan_for(REJECTION, (done,))))
    assert not calendar.has_events(plan_for(REJECTION, (done,)))


def test_the_reconnect_day_is_the_due_date_the_user_gave():
    plan = plan_for(REJECTION, (replace(DOOR, due_on=dt.date(2027, 2, 14)),))
    (event,) = events(calendar.plan_calendar(REJECTION, plan))
    assert event.decoded("dtstart") == dt.date(2027, 2, 14)


def test_very_long_and_multiline_names_still_parse():
    company = "Ünïcödé GmbH & Co. KG\nsecond line " + "x" * 300
    r = replace(REJECTION, company=company)
    data = calendar.plan_calendar(r, plan_for(r, (DOOR,)))
    assert data.startswith(b"BEGIN:VCALENDAR")
    (event,) = events(data)
    summary = str(event["summary"])
    assert "\n" not in summary and summary.endswith("x" * 300 + ")")
    assert event.decoded("dtstart") == RECONNECT_ON


def test_no_event_without_steps():
    assert events(calendar.plan_calendar(REJECTION, [])) == []


CONTROLS = "\x00\x1b\x07\x7f\x85"


def test_control_characters_from_user_text_stay_out_of_the_calendar():
    r = replace(
        REJECTION,
        company=f"Ac{CONTROLS}me",
        role=f"Ana{CONTROLS}lyst",
        contact_name=f"Pri{CONTROLS}ya",
        reason_given=f"No{CONTROLS}pe\r\nsecond line",
        fit_factors=("other_candidate",),
    )
    actions = (Action("stay_positive", f"Ti{CONTROLS}tle", None, due_on=TODAY, id=1), DOOR)
    data = calendar.plan_calendar(r, plan_for(r, actions))
    for byte in (b"\x00", b"\x1b", b"\x07", b"\x7f", "\x85".encode()):
        assert byte not in data
    assert not any(c in data.decode() for c in CONTROLS)
    cal = Calendar.from_ical(data)
    assert str(cal["x-wr-calname"]) == "Rebound: Acme"
    found = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    assert str(found["rebound-7-action-1@rebound.local"]["summary"]) == "Title (Acme)"
    assert str(found[RECONNECT]["summary"]) == f"{texts.TITLE_RECONNECT} (Acme)"
    assert "Dear Pri" in str(found[RECONNECT]["description"])


def test_a_stored_date_at_the_end_of_the_calendar_still_makes_a_file():
    r = replace(REJECTION, rejected_on=dt.date.max)
    reconnect = replace(DOOR, due_on=dt.date.max)
    actions = (Action("shore_up", "Last day", "evidence", due_on=dt.date.max, id=1), reconnect)
    data = calendar.plan_calendar(r, plan_for(r, actions))
    starts = sorted(e.decoded("dtstart") for e in events(data))
    assert starts == [dt.date.max, dt.date.max]
    assert all("dtend" not in e for e in events(data))  # one day long by definition


def test_the_data_analyst_case_exports_what_is_left_to_do():
    case = data_analyst_case()
    suggested = steps.suggest_steps(case, today=CASE_TODAY)
    assert not calendar.has_events(suggested)
    # the user takes on every step with a date, and finishes every other one
    actions = tuple(
        Action(
            s.strategy,
            s.title,
            s.skill,
            due_on=CASE_TODAY + dt.timedelta(days=i),
            done_on=CASE_TODAY if i % 2 else None,
            id=i,
        )
        for i, s in enumerate(suggested, start=1)
    )
    plan = steps.merge_actions(suggested, actions)
    found = uids(calendar.plan_calendar(case, plan))
    open_ids = {s.action_id for s in plan if s.status == "accepted"}
    done_ids = {s.action_id for s in plan if s.status == "done"}
    assert open_ids and done_ids
    for i in open_ids:
        assert f"rebound-1-action-{i}@rebound.local" in found
    for i in done_ids:
        assert f"rebound-1-action-{i}@rebound.local" not in found
    reconnect = next(s for s in plan if s.title == texts.TITLE_RECONNECT)
    uid = f"rebound-1-action-{reconnect.action_id}@rebound.local"
    assert (uid in found) == (reconnect.status == "accepted")
