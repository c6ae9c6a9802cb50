"""The dates of a request by right, and the table of places it rests on."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessment.plan.jurisdictions import JURISDICTION_KEYS, JURISDICTIONS, NOT_LEGAL_ADVICE
from assessment.plan.rights import add_months, next_working_day, request_dates

D = dt.date


@pytest.mark.parametrize(
    ("sent", "due"),
    [
        (D(2026, 9, 3), D(2026, 10, 5)),  # 3 October 2026 is a Saturday: Monday the 5th
        (D(2026, 9, 2), D(2026, 10, 2)),  # a Friday: as it is
        (D(2026, 1, 31), D(2026, 3, 2)),  # no 31 February: the 28th, a Saturday: Monday
        (D(2027, 1, 31), D(2027, 3, 1)),  # the 28th, a Sunday: Monday 1 March
        (D(2028, 1, 31), D(2028, 2, 29)),  # a leap year: the 29th, a Tuesday
        (D(2026, 3, 31), D(2026, 4, 30)),  # April has 30 days: the 30th, a Thursday
        (D(2026, 12, 15), D(2027, 1, 15)),  # over the year end, a Friday
        (D(2026, 5, 31), D(2026, 6, 30)),  # a Tuesday
    ],
)
def test_one_month_is_the_corresponding_date_or_the_months_last_day(sent, due):
    assert request_dates("uk", sent).due_on == due
    assert request_dates("eu", sent).due_on == due


def test_month_end_cases_by_hand():
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2028, 1, 31), 1) == D(2028, 2, 29)
    assert add_months(D(2026, 1, 31), 3) == D(2026, 4, 30)
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)
    assert add_months(D(2026, 12, 31), 1) == D(2027, 1, 31)


def test_a_weekend_moves_to_the_monday():
    assert next_working_day(D(2026, 10, 3)) == D(2026, 10, 5)  # Saturday
    assert next_working_day(D(2026, 10, 4)) == D(2026, 10, 5)  # Sunday
    assert next_working_day(D(2026, 10, 5)) == D(2026, 10, 5)  # Monday


def test_an_extension_runs_three_months_from_the_request():
    dates = request_dates("uk", D(2026, 1, 31))
    assert dates.extended_to == D(2026, 4, 30)  # a Thursday
    assert dates.sent_on == D(2026, 1, 31)


def test_no_right_known_elsewhere_or_for_an_unknown_place():
    assert request_dates("elsewhere", D(2026, 1, 31)) is None
    assert request_dates("mars", D(2026, 1, 31)) is None


def test_the_last_dates_the_calendar_holds_do_not_overflow():
    assert request_dates("eu", D(9999, 12, 20)).due_on == dt.date.max
    assert next_working_day(dt.date.max) == dt.date.max


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(9990, 1, 1)), st.sampled_from(["uk", "eu"]))
def test_due_dates_are_always_a_working_day_within_a_month_and_three_days(sent, place):
    dates = request_dates(place, sent)
    assert dates.due_on.weekday() < 5
    assert sent + dt.timedelta(days=28) <= dates.due_on <= sent + dt.timedelta(days=33)
    assert dates.due_on < dates.extended_to <= sent + dt.timedelta(days=95)


def test_every_place_with_a_right_states_it_with_sources():
    assert JURISDICTION_KEYS == ("uk", "eu", "elsewhere")
    for place in JURISDICTIONS.values():
        assert place.basis and place.name
        if place.months is not None:
            assert place.sources and all(s.startswith("https://") for s in place.sources)
            assert "Article 15" in place.basis and "Article 12(3)" in place.basis
            assert place.law
    assert "not legal advice" in NOT_LEGAL_ADVICE
