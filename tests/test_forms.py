"""The forms' rules: the status the Feedback form saves follows the facts, and never fights the
user's own choice once feedback is stored."""

from __future__ import annotations

import datetime as dt

import pytest

from assessment import forms
from assessment.models import Feedback, Finding
from assessment.skills import FEEDBACK_STATUS_KEYS
from tests.cases import data_analyst_case, with_feedback

ASKED = dt.date(2026, 11, 1)
TEXT = Feedback(text="Your examples lacked numbers.")
RATINGS = Feedback(ratings={"evidence": 2, "communication": None})
FINDINGS = Feedback(findings=(Finding("evidence", -1, "No numbers."),))
NOTHING = Feedback(ratings={"evidence": None})


@pytest.mark.parametrize("feedback", [TEXT, RATINGS, FINDINGS], ids=["text", "ratings", "findings"])
def test_text_ratings_or_findings_are_feedback(feedback):
    assert forms.has_feedback(feedback)


@pytest.mark.parametrize(
    "feedback",
    [None, Feedback(), NOTHING, Feedback(text=" \n\t ")],
    ids=["none", "empty", "unrated", "blank text"],
)
def test_nothing_or_blank_text_is_no_feedback(feedback):
    assert not forms.has_feedback(feedback)


@pytest.mark.parametrize("status", ["not_requested", "requested"])
@pytest.mark.parametrize("content", [TEXT, RATINGS, FINDINGS], ids=["text", "ratings", "findings"])
def test_the_first_feedback_saved_while_waiting_is_received(status, content):
    new = Feedback(
        status=status,
        requested_on=ASKED,
        text=content.text,
        ratings=content.ratings,
        findings=content.findings,
    )
    assert forms.feedback_status(new) == "received"
    assert forms.feedback_status(new, had_feedback=False) == "received"
    saved = forms.feedback_to_save(new)
    assert saved.status == "received"
    assert (saved.text, saved.ratings, saved.findings, saved.requested_on) == (
        new.text,
        new.ratings,
        new.findings,
        ASKED,
    )


@pytest.mark.parametrize("status", FEEDBACK_STATUS_KEYS)
def test_once_feedback_is_stored_the_users_status_is_kept(status):
    new = Feedback(status=status, requested_on=ASKED, text="More notes.")
    assert forms.feedback_status(new, had_feedback=True) == status
    assert forms.feedback_to_save(new, had_feedback=True) is new


@pytest.mark.parametrize("status", FEEDBACK_STATUS_KEYS)
def test_without_feedback_the_status_is_the_one_chosen(status):
    assert forms.feedback_status(Feedback(status=status, requested_on=ASKED)) == status
    assert forms.feedback_status(Feedback(status=status, text="  ")) == status


def test_declined_is_never_turned_into_received():
    declined = Feedback(status="declined", text="We do not give feedback on interviews.")
    assert forms.feedback_status(declined) == "declined"


def test_the_data_analyst_case_with_an_untouched_status_is_received():
    case = data_analyst_case()
    assert case.feedback.status == "not_requested"
    assert forms.feedback_status(case.feedback) == "received"
    assert forms.feedback_status(case.feedback, had_feedback=True) == "not_requested"
    text_only = with_feedback(case, findings=(), ratings={}).feedback
    assert forms.feedback_status(text_only) == "received"
