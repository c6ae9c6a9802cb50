"""The feedback request kit: the three ways to ask, recording a request, and the deadline of a
request by right on the plan and in the calendar."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from icalendar import Calendar

from assessment import storage
from assessment.models import Feedback, Settings
from assessment.plan import request_kit, steps, texts
from assessment.plan.jurisdictions import JURISDICTIONS, NOT_LEGAL_ADVICE
from tests.cases import data_analyst_case

D = dt.date
TODAY = D(2027, 1, 31)


def saved_case(db, **feedback) -> int:
    case = data_analyst_case()
    case = replace(case, id=None, actions=(), feedback=Feedback(**feedback))
    rejection_id = storage.save_reflection(db, case)
    if feedback:
        storage.save_feedback(db, rejection_id, case.feedback)
    return rejection_id


def test_the_kit_offers_the_polite_request_and_a_short_one():
    case = replace(data_analyst_case(), feedback=Feedback())
    ways = request_kit.kit(case, Settings(name="Alex Kim"))
    assert "Dear Dana Whitfield" in ways.polite and "Alex Kim" in ways.polite
    assert ways.short.startswith("Hi Dana Whitfield") and ways.short.endswith("Alex Kim")
    assert len(ways.short) < len(ways.polite) / 2
    assert ways.asked_on is None
    waiting = replace(case, feedback=Feedback(status="requested", requested_on=D(2027, 1, 3)))
    assert request_kit.kit(waiting).asked_on == D(2027, 1, 3)


@pytest.mark.parametrize("place", ["uk", "eu"])
def test_by_right_where_the_law_gives_one(place):
    case = data_analyst_case()
    asked = request_kit.by_right(case, place, TODAY, Settings(name="Alex Kim"))
    assert asked.offered
    assert JURISDICTIONS[place].law in asked.letter
    assert "interview" in asked.letter and "scorecards" in asked.letter
    assert "Northwind Analytics" in asked.letter and "Alex Kim" in asked.letter
    assert "not a complaint" in asked.letter  # courteous: the aim is feedback
    # 31 January: no 31 February; the 28th of 2027 is a Sunday, so Monday 1 March
    assert asked.dates.due_on == D(2027, 3, 1)
    assert asked.dates.extended_to == D(2027, 4, 30)
    assert asked.not_legal_advice == NOT_LEGAL_ADVICE
    assert "not legal advice" in asked.not_legal_advice
    assert request_kit.due_sentence(asked.dates).startswith(
        "**The answer is due by Monday 1 March 2027**"
    )
    assert "30 April 2027" in request_kit.due_sentence(asked.dates)


def test_no_request_by_right_where_the_app_knows_none():
    asked = request_kit.by_right(data_analyst_case(), "elsewhere", TODAY)
    assert not asked.offered and asked.letter is None and asked.dates is None
    assert "courteous request" in asked.place.basis


def test_recording_a_polite_request_marks_it_requested_with_its_date(db):
    rid = saved_case(db)
    assert request_kit.record(db, rid, D(2027, 1, 20), today=TODAY) is None
    fb = storage.get_rejection(db, rid).feedback
    assert (fb.status, fb.requested_on) == ("requested", D(2027, 1, 20))
    assert storage.get_rejection(db, rid).actions == ()
    message = request_kit.recorded_message(D(2027, 1, 20), None)
    assert "20 January 2027" in message and "reminder" in message


def test_a_request_by_right_keeps_the_first_date_and_puts_its_deadline_on_the_plan(db):
    rid = saved_case(db, status="requested", requested_on=D(2027, 1, 20))
    dates = request_kit.record(db, rid, TODAY, place_key="eu", today=TODAY)
    assert dates.due_on == D(2027, 3, 1)
    rejection = storage.get_rejection(db, rid)
    # the nudge still counts from the first request
    assert rejection.feedback.requested_on == D(2027, 1, 20)
    (deadline,) = request_kit.open_deadlines(rejection)
    assert (deadline.strategy, deadline.title, deadline.due_on) == (
        "ask_feedback",
        texts.TITLE_ACCESS_DUE,
        D(2027, 3, 1),
    )
    # recording the same request twice adds no second deadline
    request_kit.record(db, rid, TODAY, place_key="eu", today=TODAY)
    assert len(request_kit.open_deadlines(storage.get_rejection(db, rid))) == 1
    # on the plan: accepted, dated, with its own why, and in the calendar with a reminder
    plan = steps.build_plan(db, rid, today=TODAY)
    (step,) = [s for s in plan if s.title == texts.TITLE_ACCESS_DUE]
    assert step.status == "accepted" and step.due_on == D(2027, 3, 1)
    assert step.why == texts.ACCESS_DUE_WHY
    ics = Calendar.from_ical(request_kit.deadline_calendar(rejection, deadline))
    (event,) = ics.walk("VEVENT")
    assert event.decoded("dtstart") == D(2027, 3, 1)
    assert texts.TITLE_ACCESS_DUE in str(event["summary"])
    assert event.walk("VALARM")


def test_a_declined_request_asked_again_by_right_is_waiting_again(db):
    rid = saved_case(db, status="declined")
    request_kit.record(db, rid, TODAY, place_key="uk", today=TODAY)
    fb = storage.get_rejection(db, rid).feedback
    assert (fb.status, fb.requested_on) == ("requested", TODAY)


def test_feedback_already_received_keeps_its_status(db):
    rid = saved_case(db, status="received", text="Clear answers.")
    request_kit.record(db, rid, TODAY, today=TODAY)
    assert storage.get_rejection(db, rid).feedback.status == "received"


def test_a_request_cannot_be_recorded_in_the_future(db):
    rid = saved_case(db)
    with pytest.raises(ValueError, match="future"):
        request_kit.record(db, rid, TODAY + dt.timedelta(days=1), today=TODAY)
    assert storage.get_rejection(db, rid).feedback.status == "not_requested"


def test_a_request_is_recorded_only_for_its_owner(db):
    rid = saved_case(db)
    with pytest.raises(storage.StorageError):
        request_kit.record(db, rid, TODAY, "someone@example.com", "eu", today=TODAY)
    assert storage.get_rejection(db, rid).actions == ()


def test_done_deadlines_are_not_open(db):
    rid = saved_case(db)
    request_kit.record(db, rid, D(2027, 1, 4), place_key="uk", today=TODAY)
    (deadline,) = request_kit.open_deadlines(storage.get_rejection(db, rid))
    storage.update_action(db, deadline.id, done_on=TODAY)
    assert request_kit.open_deadlines(storage.get_rejection(db, rid)) == []


def test_dates_read_with_their_weekday():
    assert request_kit.long_date(D(2026, 12, 1)) == "Tuesday 1 December 2026"
    assert request_kit.short_date(D(2026, 12, 1)) == "1 December 2026"


def test_the_kit_is_titled_for_where_the_request_stands():
    assert request_kit.kit_title("not_requested").startswith("Haven't asked yet?")
    assert request_kit.kit_title("requested").startswith("Still waiting?")
    assert "ask by right" in request_kit.kit_title("declined")
