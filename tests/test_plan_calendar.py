"""The calendar file: read back with ``icalendar``, every event checked."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from icalendar import Calendar

from assessment.models import Action, Rejection
from assessment.plan import calendar, steps, texts

TODAY = dt.date(2026, 11, 25)


def plan_for(rejection: Rejection, actions: tuple[Action, ...]) -> list:
    return steps.merge_actions(steps.suggest_steps(rejection, today=TODAY), actions)


def events(data: bytes) -> list:
    cal = Calendar.from_ical(data)
    return list(cal.walk("VEVENT"))


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


def test_one_event_per_dated_action_plus_reconnect_read_back_with_icalendar():
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
            texts.TITLE_DOOR,
            None,
            due_on=dt.date(2026, 11, 26),
            done_on=dt.date(2026, 11, 26),
            id=2,
        ),
        Action("practice_pitch", "Practise", "evidence", id=3),  # no due date: no event
        Action("stay_positive", "Past due", None, due_on=dt.date(2026, 1, 2), id=4),
    )
    plan = plan_for(REJECTION, actions)
    data = calendar.plan_calendar(REJECTION, plan)
    found = {str(e["uid"]): e for e in events(data)}
    assert set(found) == {
        "rebound-7-action-1@rebound.local",
        "rebound-7-action-2@rebound.local",
        "rebound-7-action-4@rebound.local",
        "rebound-7-reconnect@rebound.local",
    }
    expected = {
        "rebound-7-action-1@rebound.local": dt.date(2026, 12, 1),
        "rebound-7-action-2@rebound.local": dt.date(2026, 11, 26),
        "rebound-7-action-4@rebound.local": dt.date(2026, 1, 2),
        "rebound-7-reconnect@rebound.local": dt.date(2027, 1, 1),  # six weeks after
    }
    for uid, event in found.items():
        start = event.decoded("dtstart")
        end = event.decoded("dtend")
        assert type(start) is dt.date, "all-day events"
        assert start == expected[uid]
        assert end == start + dt.timedelta(days=1)
        assert "Zürich Ærø 東京 Analytics" in str(event["summary"])
    assert str(found["rebound-7-reconnect@rebound.local"]["summary"]) == (
        "Reconnect with Zürich Ærø 東京 Analytics"
    )
    assert str(found["rebound-7-action-2@rebound.local"]["summary"]).startswith("Done: ")
    assert "José Núñez" in str(found["rebound-7-reconnect@rebound.local"]["description"])


def test_reconnect_date_is_editable():
    plan = plan_for(REJECTION, ())
    data = calendar.plan_calendar(REJECTION, plan, reconnect_on=dt.date(2027, 2, 14))
    (event,) = events(data)
    assert event.decoded("dtstart") == dt.date(2027, 2, 14)


def test_very_long_and_multiline_names_still_parse():
    company = "Ünïcödé GmbH & Co. KG\nsecond line " + "x" * 300
    r = replace(REJECTION, company=company)
    data = calendar.plan_calendar(r, plan_for(r, ()))
    assert data.startswith(b"BEGIN:VCALENDAR")
    (event,) = events(data)
    summary = str(event["summary"])
    assert "\n" not in summary and summary.endswith("x" * 300)
    assert event.decoded("dtstart") == dt.date(2027, 1, 1)


def test_no_reconnect_event_without_keep_door_open_step():
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
    actions = (Action("stay_positive", f"Ti{CONTROLS}tle", None, due_on=TODAY, id=1),)
    data = calendar.plan_calendar(r, plan_for(r, actions))
    for byte in (b"\x00", b"\x1b", b"\x07", b"\x7f", "\x85".encode()):
        assert byte not in data
    assert not any(c in data.decode() for c in CONTROLS)
    cal = Calendar.from_ical(data)
    assert str(cal["x-wr-calname"]) == "Rebound: Acme"
    found = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    assert str(found["rebound-7-action-1@rebound.local"]["summary"]) == "Title (Acme)"
    assert str(found["rebound-7-reconnect@rebound.local"]["summary"]) == "Reconnect with Acme"
    assert "Dear Pri" in str(found["rebound-7-reconnect@rebound.local"]["description"])


def test_a_stored_date_at_the_end_of_the_calendar_still_makes_a_file():
    r = replace(REJECTION, rejected_on=dt.date.max)
    actions = (Action("shore_up", "Last day", "evidence", due_on=dt.date.max, id=1),)
    data = calendar.plan_calendar(r, plan_for(r, actions))
    starts = sorted(e.decoded("dtstart") for e in events(data))
    assert starts == [dt.date.max, dt.date.max]  # the reconnect date cannot be later
    assert all("dtend" not in e for e in events(data))  # one day long by definition
