"""The example data set: three rejections over about two months.

The same set backs the Home page's and Your data's "Load example data" buttons and
``python -m assessment demo``. Dates are relative to ``today`` so the latest rejection is always
recent. Loaded, every one is stored with the example marker (``rejections.example``), so it is
shown with a badge and never counted in the user's own patterns, progress or backup; loading
only adds rows, so the user's own rejections are never touched. An example already there
(same company and role among the owner's examples, whatever day it was loaded) is not added
again; :func:`assessment.erase.delete_examples` removes them all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlite_utils import Database

from assessment import storage
from assessment.models import Action, Feedback, Finding, Reflection, Rejection


def example_rejections(today: dt.date | None = None) -> list[Rejection]:
    today = today or dt.date.today()

    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    northwind_text = (
        "Thank you for taking the time to speak with us. "
        "The panel felt you understood the product well and asked thoughtful questions. "
        "However, your answers to the technical questions were not as deep as we need for this role. "
        "In the end we went with a candidate with more hands-on SQL experience."
    )
    brightpath_text = (
        "We enjoyed meeting you. "
        "Your communication was clear and you were calm under pressure. "
        "We would have liked more concrete examples with measurable results. "
        "The team also felt your reasons for wanting to join were a little generic."
    )
    acme_text = (
        "Thanks again for your time on the onsite day. "
        "Your answers were clear and well structured, but your examples lacked numbers. "
        "You worked through the case study methodically and explained your trade-offs well. "
        "We have decided to move forward with a candidate whose experience matches the "
        "requirements more closely."
    )
    return [
        Rejection(
            company="Northwind Logistics",
            role="Junior Data Analyst",
            contact_name="Tom Becker",
            stage="technical",
            interviewed_on=ago(64),
            rejected_on=ago(58),
            reason_given="We went with a candidate with more hands-on SQL experience.",
            fit_factors=("other_candidate",),
            reflection=Reflection(
                went_well="I had researched their routing product and asked good questions.",
                do_differently="Practise SQL window functions; I froze on the live exercise.",
                outside_control="They wanted someone who could start immediately.",
                mood=2,
                confidence=2,
            ),
            self_ratings={
                "communication": 3,
                "role_knowledge": 3,
                "problem_solving": 2,
                "evidence": 3,
                "preparation": 4,
                "collaboration": 3,
                "motivation": 4,
                "composure": 2,
            },
            feedback=Feedback(
                status="received",
                requested_on=ago(57),
                text=northwind_text,
                findings=(
                    Finding(
                        "preparation",
                        1,
                        "The panel felt you understood the product well and asked "
                        "thoughtful questions.",
                    ),
                    Finding(
                        "role_knowledge",
                        -1,
                        "However, your answers to the technical questions were not as deep "
                        "as we need for this role.",
                    ),
                    Finding(
                        "other_candidate",
                        0,
                        "In the end we went with a candidate with more hands-on SQL experience.",
                    ),
                ),
                ratings={"role_knowledge": 1, "problem_solving": 2, "preparation": 3},
            ),
            actions=(
                Action(
                    strategy="shore_up",
                    title="Shore up Role knowledge",
                    skill="role_knowledge",
                    due_on=ago(45),
                    done_on=ago(47),
                ),
            ),
        ),
        Rejection(
            company="BrightPath Health",
            role="Data Analyst",
            contact_name="",
            stage="screening",
            interviewed_on=ago(33),
            rejected_on=ago(30),
            reason_given="",
            fit_factors=(),
            reflection=Reflection(
                went_well="I stayed calm and explained my thesis project clearly.",
                do_differently="Prepare two stories with numbers; say why healthcare matters to me.",
                outside_control="",
                mood=3,
                confidence=3,
            ),
            self_ratings={
                "communication": 4,
                "role_knowledge": 3,
                "problem_solving": 3,
                "evidence": 4,
                "preparation": 3,
                "collaboration": 3,
                "motivation": 4,
                "composure": 4,
            },
            feedback=Feedback(
                status="received",
                requested_on=ago(29),
                text=brightpath_text,
                findings=(
                    Finding(
                        "communication",
                        1,
                        "Your communication was clear and you were calm under pressure.",
                    ),
                    Finding(
                        "composure",
                        1,
                        "Your communication was clear and you were calm under pressure.",
                    ),
                    Finding(
                        "evidence",
                        -1,
                        "We would have liked more concrete examples with measurable results.",
                    ),
                    Finding(
                        "motivation",
                        -1,
                        "The team also felt your reasons for wanting to "
                        "join were a little generic.",
                    ),
                ),
                ratings={"communication": 3, "evidence": 2, "motivation": 2, "composure": 3},
            ),
        ),
        Rejection(
            company="Acme Analytics",
            role="Data Analyst",
            contact_name="Priya Shah",
            stage="onsite",
            interviewed_on=ago(12),
            rejected_on=ago(5),
            reason_given="We went with a candidate whose experience matched more closely.",
            fit_factors=("other_candidate",),
            reflection=Reflection(
                went_well="The case study went well and I explained my trade-offs.",
                do_differently="Bring numbers into every example.",
                outside_control="Another candidate had three more years in the industry.",
                mood=2,
                confidence=3,
            ),
            self_ratings={
                "communication": 4,
                "role_knowledge": 4,
                "problem_solving": 4,
                "evidence": 4,
                "preparation": 4,
                "collaboration": 3,
                "motivation": 4,
                "composure": 3,
            },
            feedback=Feedback(
                status="received",
                requested_on=ago(4),
                text=acme_text,
                findings=(
                    Finding(
                        "communication",
                        1,
                        "Your answers were clear and well structured, but your examples "
                        "lacked numbers.",
                    ),
                    Finding(
                        "evidence",
                        -1,
                        "Your answers were clear and well structured, but your examples "
                        "lacked numbers.",
                    ),
                    Finding(
                        "problem_solving",
                        1,
                        "You worked through the case study methodically and explained your "
                        "trade-offs well.",
                    ),
                ),
                ratings={
                    "communication": 3,
                    "role_knowledge": 3,
                    "problem_solving": 4,
                    "evidence": 2,
                    "collaboration": 3,
                },
            ),
        ),
    ]


def _loaded_identities(db: Database, owner: str) -> set[tuple[str, str]]:
    rows = db.execute(
        "SELECT company, role FROM rejections WHERE owner = ? AND example = 1", [owner]
    ).fetchall()
    return {_identity(company, role) for company, role in rows}


def _identity(company: str, role: str) -> tuple[str, str]:
    return company.strip().casefold(), role.strip().casefold()


def load_examples(
    db: Database, owner: str = storage.LOCAL_OWNER, today: dt.date | None = None
) -> int:
    """Add the example rejections not already there, marked as examples, in one transaction;
    return how many were added (0 when all of them are there already)."""
    with storage.write(db):
        there = _loaded_identities(db, owner)
        new = [
            replace(r, example=True)
            for r in example_rejections(today)
            if _identity(r.company, r.role) not in there
        ]
        storage.insert_rejections(db, new, owner)
    return len(new)


def loaded_message(added: int) -> str:
    """What the user is told after asking to load the examples."""
    if added == 0:
        return "The example rejections are already here; nothing was added."
    noun = "rejection" if added == 1 else "rejections"
    return (
        f"Loaded {added} example {noun}, each marked Example. They are not counted in your "
        "own patterns or progress; remove them on Your data."
    )
