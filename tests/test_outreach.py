"""Outreach messages: filled from the user's data, calm, and tied to their strategy."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from dataclasses import replace

from assessment.models import Feedback, Rejection, Settings
from assessment.plan import outreach, steps, texts
from assessment.scoring import assess, assessment_of

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
        status="received",
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
    unasked = replace(recent, feedback=Feedback(status="not_requested"))
    waiting = replace(recent, feedback=Feedback(status="requested", requested_on=TODAY - WEEK))
    cases = [
        (unasked, "ask_feedback", outreach.feedback_request(unasked)),
        (waiting, "ask_feedback", outreach.feedback_reminder(waiting)),
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
    assert "Thank you for letting me know" in text  # thanks and the request, one message
    assert len(text.split()) < 170  # short


def test_missing_contact_name_gives_a_neutral_greeting():
    r = Rejection(company="Acme", role="Analyst", stage="final", rejected_on=dt.date(2026, 1, 2))
    for text in everything(r):
        assert "Hello," in text.splitlines()
        assert "Dear ," not in text and "None" not in text


def test_make_your_case_says_what_the_user_brings_and_does_in_plain_words():
    a = assess(REJECTION.self_ratings, REJECTION.feedback.ratings)
    text = outreach.make_your_case(REJECTION, a, gaps=[("role_knowledge", ["SQL"])])
    assert texts.STRENGTH_WORDS["communication"] in text
    assert "I know that SQL counts for a lot in this role" in text
    assert "practising SQL hands-on" in text
    assert REJECTION.reason_given not in text and "hands-on experience" not in text
    lowered = text.lower()
    assert not any(word in lowered for word in PLEADING)
    assert "strength" not in lowered and "noted" not in lowered and "[" not in text


def test_make_your_case_without_strengths_or_gaps_has_no_placeholder():
    r = Rejection(company="Acme", role="Analyst", stage="final", rejected_on=dt.date(2026, 1, 2))
    text = outreach.make_your_case(r, assess({}, {}))
    assert "[" not in text and "What I would bring" not in text
    assert text.endswith(texts.NO_NAME)


def test_the_signature_is_the_users_own_or_a_plain_request_for_it():
    assert outreach.signature(Settings("  Sam   Lee ", "")) == ["Kind regards,", "Sam Lee"]
    assert outreach.signature(Settings("Sam", "Best,")) == ["Best,", "Sam"]
    assert outreach.signature(None)[1] == texts.NO_NAME and "[" not in texts.NO_NAME


def test_the_mail_link_carries_subject_and_body_percent_encoded():
    message = outreach.thank_you_note(REJECTION, Settings("Sam & Co?", ""))
    link = outreach.mail_link(message + "\n#&=%")
    assert link.startswith("mailto:?subject=")
    query = urllib.parse.parse_qs(link.split("?", 1)[1])
    assert query["subject"] == ["Thank you - Data Analyst"]
    body = query["body"][0]
    assert body.startswith("Dear Priya Shah,") and "\r\n" in body
    assert body.endswith("Sam & Co?\r\n#&=%")
    assert " " not in link and "\n" not in link and "#" not in link


def test_the_thank_you_thanks_for_feedback_only_when_it_came():
    assert texts.FIRST_THANKS_FEEDBACK in outreach.thank_you_note(REJECTION)
    declined = replace(REJECTION, feedback=Feedback(status="declined"))
    assert texts.FIRST_THANKS_FEEDBACK not in outreach.thank_you_note(declined)


def test_the_reconnect_message_says_what_the_user_has_been_working_on():
    r = replace(REJECTION, rejected_on=dt.date(2026, 3, 4))
    text = outreach.reconnect_message(r, gaps=[("evidence", []), ("role_knowledge", ["SQL"])])
    assert "Since then I have been putting numbers on the results" in text
    assert "practising SQL hands-on" in text and "March 2026" in text
    assert "[" not in outreach.reconnect_message(r)


def test_a_plan_messages_one_contact_once_today():
    plan = steps.suggest_steps(replace(REJECTION, fit_factors=()), today=TODAY)
    now = [s for s in plan if s.message and s.send_on <= TODAY]
    assert len(now) == 1 and now[0].to == "Priya Shah"
    assert all(s.to == "Priya Shah" for s in plan if s.message)
    assert assessment_of(REJECTION).in_quadrant("confirmed_strength")


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


# ---- the feedback kit: a short request and a request by right ---------------------------


def test_the_short_request_is_a_few_lines_signed_or_saying_where_to_add_a_name():
    from assessment.models import Settings
    from assessment.plan.outreach import short_request
    from tests.cases import data_analyst_case

    case = data_analyst_case()
    text = short_request(case, Settings(name="Sam Lee", sign_off="Best,"))
    assert text.startswith("Hi Dana Whitfield,") and text.endswith("Sam Lee")
    assert "Data Analyst" in text and len(text.split()) < 70
    unsigned = short_request(case)
    assert "[" not in unsigned and "Your name and sign-off" in unsigned


def test_the_request_by_right_names_the_law_the_documents_and_stays_courteous():
    from assessment.models import Settings
    from assessment.plan.jurisdictions import JURISDICTIONS
    from assessment.plan.outreach import access_request
    from tests.cases import FEEDBACK_TEXT, data_analyst_case

    case = data_analyst_case()
    text = access_request(case, JURISDICTIONS["eu"].law, Settings(name="Sam Lee"))
    assert "Article 15 of the General Data Protection Regulation" in text
    for wanted in ("notes taken by the interviewers", "scorecards", "within one month"):
        assert wanted in text
    assert "Northwind Analytics" in text and "Dear Dana Whitfield," in text
    assert "not a complaint" in text and text.endswith("Sam Lee")
    assert FEEDBACK_TEXT not in text and case.reason_given not in text
    assert "[" not in text
