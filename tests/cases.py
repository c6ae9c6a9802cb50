"""Realistic cases for the advice tests: one rejection as a user would enter it, and variants.

``data_analyst_case`` is the case advice is judged on: a final-round Data Analyst rejection
where the employer went with "a candidate with more SQL experience", the interviewer's feedback
says the SQL answers lacked depth and the examples did not quantify impact, and the user rated
both of those skills 3. Communication is a strength both sides see. The feedback text, the
interviewer's ratings and the kept findings are saved, but the feedback status was never
touched ("not_requested"), as happens when a user only pastes the text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from assessment.models import Feedback, Finding, Reflection, Rejection

TODAY = dt.date(2026, 11, 20)

SQL_QUOTE = "Your SQL answers lacked depth on joins and window functions."
IMPACT_QUOTE = "Your examples did not quantify the impact of your work."
CLEAR_QUOTE = "You communicated clearly and your answers were easy to follow."
FEEDBACK_TEXT = " ".join((CLEAR_QUOTE, SQL_QUOTE, IMPACT_QUOTE))


def data_analyst_case(**changes) -> Rejection:
    """The Data Analyst case; keyword arguments replace fields of the rejection."""
    rejection = Rejection(
        id=1,
        company="Northwind Analytics",
        role="Data Analyst",
        stage="final",
        contact_name="Dana Whitfield",
        interviewed_on=TODAY - dt.timedelta(days=6),
        rejected_on=TODAY - dt.timedelta(days=2),
        reason_given="We went with a candidate with more SQL experience.",
        fit_factors=("other_candidate",),
        reflection=Reflection(
            went_well="I explained my dashboard project clearly and got on well with the panel.",
            do_differently="Practise SQL window functions and put numbers on my project results.",
            outside_control="They had a candidate with more years of SQL.",
            mood=2,
            confidence=3,
        ),
        self_ratings={
            "communication": 4,
            "role_knowledge": 3,
            "problem_solving": 4,
            "evidence": 3,
            "preparation": 4,
            "collaboration": 4,
            "motivation": 5,
            "composure": 3,
        },
        feedback=Feedback(
            status="not_requested",
            text=FEEDBACK_TEXT,
            findings=(
                Finding("communication", 1, CLEAR_QUOTE),
                Finding("role_knowledge", -1, SQL_QUOTE),
                Finding("evidence", -1, IMPACT_QUOTE),
            ),
            ratings={"communication": 3, "role_knowledge": 2, "evidence": 2},
        ),
    )
    return replace(rejection, **changes)


def with_self_ratings(rejection: Rejection, **ratings: int | None) -> Rejection:
    """``rejection`` with some self-ratings changed (e.g. ``role_knowledge=5``)."""
    return replace(rejection, self_ratings={**rejection.self_ratings, **ratings})


def with_feedback(rejection: Rejection, **changes) -> Rejection:
    """``rejection`` with some fields of its feedback changed."""
    return replace(rejection, feedback=replace(rejection.feedback, **changes))


def load_as_own(db, owner: str = "local", today: dt.date | None = None) -> int:
    """The example data set written as the user's own rejections (no example marker), for
    tests of what the user's own data does; ``examples.load_examples`` marks them instead."""
    from assessment import examples, storage

    rejections = examples.example_rejections(today)
    storage.insert_rejections(db, rejections, owner)
    return len(rejections)


def rated_rejection(
    db,
    rejected_on: dt.date,
    own: dict[str, int | None],
    theirs: dict[str, int | None],
    interviewed_on: dt.date | None = None,
    company: str = "Northwind Analytics",
) -> int:
    """One of the user's own rejections (the Data Analyst case) with only these self-ratings
    and interviewer ratings and no findings, stored; returns its id."""
    from assessment import storage

    case = data_analyst_case(
        company=company, rejected_on=rejected_on, interviewed_on=interviewed_on, self_ratings={}
    )
    case = with_feedback(with_self_ratings(case, **own), ratings=dict(theirs), findings=())
    return storage.insert_rejection(db, case)


def practised(db, skill: str, on: dt.date, rejection_id: int | None = None) -> int:
    """One drill of ``skill`` on ``on``, stored through the bank; returns its id."""
    from assessment.models import Drill
    from assessment.practice import bank

    drill = Drill(
        skill=skill,
        question="Tell me about a result you are proud of.",
        answer="I cut the report's run time from 4 hours to 20 minutes.",
        practised_on=on,
        rejection_id=rejection_id,
    )
    return bank.record_drill(db, drill)


def rejection_email(sent: dt.date) -> str:
    """A rejection e-mail as received, sent on ``sent``: for Reflect's paste step."""
    return f"""Subject: Your application for Data Analyst at Acme Analytics
Date: {sent.day} {sent:%B %Y}

Dear Alex,

Thank you for your interest in the Data Analyst position at Acme Analytics.

After careful consideration, we decided to move forward with a candidate whose experience \
more closely matches the requirements of the role.

We wish you every success in your search.

Kind regards,
Priya Shah
Talent Acquisition
"""
