"""Outreach messages: filled from the user's data, calm, and tied to their strategy."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from assessment.models import Feedback, Rejection
from assessment.plan import outreach, steps
from assessment.scoring import assess

REJECTION = Rejection(
    company="Acme Analytics",
    role="Data Analyst",
    stage="onsite",
    rejected_on=dt.date(2026, 11, 20),
    contact_name="Priya Shah",
    reason_given="We went with a candidate with more hands-on experience.",
    fit_factors=("other_candidate",),
    self_ratings={"communication": 5, "role_knowledge": 4, "composure": 2},
    feedback=Feedback(
        status="requested",
        requested_on=dt.date(2026, 11, 21),
        ratings={"communication": 4, "role_knowledge": 3, "composure": 3},
    ),
)
TODAY = dt.date(2026, 11, 25)
WEEK = dt.timedelta(days=8)
PLEADING = ("please reconsider", "beg", "desperate", "i really need", "!", "unfair")


def everything(r: Rejection) -> list[str]:
    a = assess(r.self_ratings, r.feedback.ratings)
    return [
        outreach.feedback_request(r),
        outreach.feedback_reminder(r),
        outreach.make_your_case(r, a),
        outreach.thank_you_note(r),
        outreach.reconnect_message(r),
    ]


def test_every_message_is_sent_by_the_step_of_its_strategy():
    recent = replace(REJECTION, rejected_on=TODAY - dt.timedelta(days=3), fit_factors=())
    unasked = replace(recent, feedback=replace(recent.feedback, status="not_requested"))
    waiting = replace(recent, feedback=replace(recent.feedback, requested_on=TODAY - WEEK))
    a = assess(recent.self_ratings, recent.feedback.ratings)
    cases = [
        (unasked, "ask_feedback", outreach.feedback_request(unasked)),
        (waiting, "ask_feedback", outreach.feedback_reminder(waiting)),
        (recent, "make_your_case", outreach.make_your_case(recent, a)),
        (recent, "keep_door_open", outreach.thank_you_note(recent)),
    ]
    for rejection, strategy, message in cases:
        plan = steps.suggest_steps(rejection, today=TODAY)
        assert [s.strategy for s in plan if s.message == message] == [strategy]


def test_feedback_request_asks_for_strengths_and_weaknesses_to_improve():
    text = outreach.feedback_request(REJECTION)
    assert text.splitlines()[2] == "Dear Priya Shah,"
    assert "Acme Analytics" in text and "Data Analyst" in text
    assert "strengths" in text and "fell short" in text and "improve" in text
    assert len(text.split()) < 130  # short


def test_missing_contact_name_gives_a_neutral_greeting():
    r = Rejection(company="Acme", role="Analyst", stage="final", rejected_on=dt.date(2026, 1, 2))
    for text in everything(r):
        assert "Hello," in text.splitlines()
        assert "Dear ," not in text and "None" not in text


def test_make_your_case_leads_with_strengths_that_answer_the_reason():
    a = assess(REJECTION.self_ratings, REJECTION.feedback.ratings)
    text = outreach.make_your_case(REJECTION, a)
    bullets = [line for line in text.splitlines() if line.startswith("- ")]
    # "experience" in the reason speaks to Role knowledge, so it leads even though
    # Communication has the higher score.
    assert bullets[0].startswith("- Role knowledge")
    assert any(b.startswith("- Communication") for b in bullets)
    assert not any("Composure" in b for b in bullets)  # a hidden strength, not confirmed
    assert "hands-on experience" in text
    lowered = text.lower()
    assert not any(word in lowered for word in PLEADING)


def test_make_your_case_without_confirmed_strengths_leaves_a_placeholder():
    r = Rejection(company="Acme", role="Analyst", stage="final", rejected_on=dt.date(2026, 1, 2))
    text = outreach.make_your_case(r, assess({}, {}))
    assert "[your strongest skill" in text


def test_messages_are_calm_and_keep_long_or_odd_names_intact():
    name = "Ærøskøbing Ünïcode & Søns " + "Very Long Company Name " * 8
    r = Rejection(
        company=name + "\n",
        role="Analyst",
        stage="final",
        rejected_on=dt.date(2026, 3, 4),
        contact_name="  José  Núñez ",
    )
    for text in everything(r):
        assert "!" not in text
        assert "Dear José Núñez," in text
    assert name.strip() in outreach.thank_you_note(r)
    assert "March 2026" in outreach.reconnect_message(r)


def test_feedback_reminder_cites_the_request_date():
    assert "21 November" in outreach.feedback_reminder(REJECTION)
