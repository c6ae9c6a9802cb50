"""Whether practice pays off: practice per skill, the calibration gap over time and the
interviewer's rating of a practised skill at the next interview (small hand-built cases)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from assessment import examples, storage
from assessment.models import Rerating
from assessment.practice import bank
from assessment.views import figures
from assessment.views import practice_progress as pp
from tests.cases import practised as drill
from tests.cases import rated_rejection

OCT = dt.date(2026, 10, 1)


@pytest.fixture
def db():
    return storage.memory_db()


def days(n: int) -> dt.date:
    return OCT + dt.timedelta(days=n)


# ---- practice per skill -------------------------------------------------------------------


def test_practice_per_skill_counts_drills_the_last_date_and_the_latest_rerating(db):
    drill(db, "evidence", days(2))
    drill(db, "evidence", days(9))
    drill(db, "composure", days(4))
    bank.add_rerating(db, Rerating("evidence", 3, days(3)))
    bank.add_rerating(db, Rerating("evidence", 4, days(10)))
    bank.add_rerating(db, Rerating("motivation", 5, days(5)))  # re-rated without a drill

    practised = pp.practice_per_skill(db, "local")
    assert [p.skill for p in practised] == ["evidence", "motivation", "composure"]
    evidence = practised[0]
    assert (evidence.drills, evidence.last_practised_on, evidence.latest_rating) == (
        2,
        days(9),
        4,
    )
    table = pp.practice_table(practised)
    assert list(table.columns) == ["Skill", "Drills", "Last practised", "Latest re-rating"]
    assert table.iloc[0].tolist() == ["Evidence & examples", 2, "10 Oct 2026", "4 of 5"]
    assert table.iloc[1].tolist() == ["Motivation & fit", 0, "-", "5 of 5"]


def test_nothing_practised_is_an_empty_list_and_another_owner_sees_nothing(db):
    assert pp.practice_per_skill(db, "local") == []
    drill(db, "evidence", days(2))
    assert pp.practice_per_skill(db, "someone-else") == []
    assert pp.next_interviews(db, "someone-else") == []


# ---- the calibration gap over time --------------------------------------------------------


def test_two_rejections_rated_by_an_interviewer_are_too_little_for_a_trend(db):
    rated_rejection(db, days(0), {"evidence": 5}, {"evidence": 2})
    rated_rejection(db, days(20), {"evidence": 4}, {"evidence": 2})
    rated_rejection(db, days(30), {"evidence": 3}, {})  # the interviewer rated nothing here

    found = pp.convergence(db, "local")
    assert found.rated == 2 and not found.enough
    assert found.statements == ()
    assert pp.too_little_data(found.rated).startswith(
        "Too little data yet: 2 of 3 rejections rated by an interviewer."
    )


def test_the_examples_never_count_towards_the_three(db):
    examples.load_examples(db)  # three example rejections, each with interviewer ratings
    rated_rejection(db, days(0), {"evidence": 5}, {"evidence": 2})
    found = pp.convergence(db, "local")
    assert found.rated == 1 and not found.enough
    assert len(found.frame) == 1


def test_gap_is_self_minus_the_mapped_interviewer_rating_as_scoring_defines_it(db):
    rated_rejection(db, days(0), {"evidence": 5, "composure": 2}, {"evidence": 2, "composure": 4})
    frame = pp.convergence(db, "local").frame
    gaps = dict(zip(frame["skill"], frame["gap"], strict=True))
    assert gaps["evidence"] == pytest.approx(5 - 7 / 3)
    assert gaps["composure"] == pytest.approx(2 - 5.0)


def test_with_three_rated_rejections_each_skill_is_converging_diverging_or_steady(db):
    # evidence: 2.67, 1.67, 0.67 apart (closer); composure: 0, 1, 2 (further apart);
    # role knowledge: 0.67 every time; communication only rated by both once
    rated_rejection(
        db,
        days(0),
        {"evidence": 5, "composure": 5, "role_knowledge": 3, "communication": 4},
        {"evidence": 2, "composure": 4, "role_knowledge": 2, "communication": 3},
    )
    rated_rejection(
        db,
        days(20),
        {"evidence": 4, "composure": 4, "role_knowledge": 3},
        {"evidence": 2, "composure": 4, "role_knowledge": 2, "communication": 3},
    )
    rated_rejection(
        db,
        days(40),
        {"evidence": 3, "composure": 3, "role_knowledge": 3},
        {"evidence": 2, "composure": 4, "role_knowledge": 2},
    )
    found = pp.convergence(db, "local")
    assert found.rated == 3 and found.enough
    assert found.statements == (
        "Communication: 1 of 3 rejections with both your rating and the interviewer's so far; "
        "no trend yet.",
        "Role knowledge: steady: your rating and the interviewer's were 0.7 apart on average "
        "in your earlier rejections and 0.7 in the later ones.",
        "Evidence & examples: converging: your rating and the interviewer's were 2.7 apart on "
        "average in your earlier rejections and 1.2 in the later ones.",
        "Composure & confidence: diverging: your rating and the interviewer's were 0.0 apart "
        "on average in your earlier rejections and 1.5 in the later ones.",
    )


def test_a_gap_that_changes_by_less_than_half_a_point_is_steady():
    assert "steady" in pp.gap_statement("evidence", [1.0, 0.67, 0.67])
    assert "converging" in pp.gap_statement("evidence", [1.0, 0.5, 0.5])
    # the distance counts, not the side: from 1 above to 1 below is no closer
    assert "steady" in pp.gap_statement("evidence", [1.0, -1.0, -1.0])


def test_a_long_history_is_one_point_per_month_and_skill(db, monkeypatch):
    monkeypatch.setattr(pp, "MAX_POINTS", 4)
    for i in range(6):  # four in October, two in November
        rated_rejection(db, days(10 * i), {"evidence": 5 - i % 2}, {"evidence": 2})
    found = pp.convergence(db, "local")
    assert found.by == "month"
    assert list(found.frame["when"].dt.strftime("%Y-%m-%d")) == ["2026-10-01", "2026-11-01"]
    assert list(found.frame["gap"].round(2)) == [2.17, 2.17]  # 5 and 4 against a concern
    assert found.rated == 6  # the statements still read every rejection


def test_gap_figure_is_small_multiples_around_zero_with_no_user_text(db):
    for i in range(3):
        rated_rejection(
            db,
            days(10 * i),
            {"evidence": 4, "composure": 3},
            {"evidence": 2, "composure": 3},
            company="<a href='x'>Evil</a> :smile:",
        )
    fig = figures.gap_figure(pp.convergence(db, "local").frame)
    assert [t.name for t in fig.data] == ["Evidence & examples", "Composure & confidence"]
    assert [len(t.y) for t in fig.data] == [3, 3]
    assert any(shape.y0 == 0 and shape.y1 == 0 for shape in fig.layout.shapes)
    text = fig.to_json()
    assert "Evil" not in text and "smile" not in text
    layout = json.loads(text)["layout"]
    assert "paper_bgcolor" not in layout and "plot_bgcolor" not in layout
    assert layout["dragmode"] is False


# ---- at the next interview ----------------------------------------------------------------


def test_a_practised_skill_rated_higher_at_the_next_interview(db):
    rated_rejection(db, days(5), {"evidence": 3}, {"evidence": 2}, interviewed_on=days(0))
    drill(db, "evidence", days(10))
    drill(db, "evidence", days(12))
    rated_rejection(db, days(25), {"evidence": 4}, {"evidence": 3}, interviewed_on=days(20))
    rated_rejection(db, days(45), {"evidence": 4}, {"evidence": 1}, interviewed_on=days(40))

    (found,) = pp.next_interviews(db, "local")
    assert found.outcome == pp.HIGHER
    assert found.sentence == (
        "Evidence & examples: rated higher at the next interview: concern at the interview of "
        "01 Oct 2026, before you first practised it on 11 Oct 2026; then strength at the "
        "interview of 21 Oct 2026."
    )


@pytest.mark.parametrize(
    ("later", "outcome", "verdict"),
    [(2, pp.SAME, "rated the same"), (1, pp.LOWER, "rated lower")],
)
def test_the_same_or_a_lower_rating_at_the_next_interview(db, later, outcome, verdict):
    rated_rejection(db, days(0), {}, {"composure": 2})
    drill(db, "composure", days(3))
    rated_rejection(db, days(20), {}, {"composure": later})
    (found,) = pp.next_interviews(db, "local")
    assert found.outcome == outcome
    assert found.sentence.startswith(f"Composure & confidence: {verdict} at the next interview")


def test_the_next_interview_is_the_next_one_that_rated_the_skill(db):
    rated_rejection(db, days(0), {}, {"evidence": 1})
    drill(db, "evidence", days(3))
    rated_rejection(db, days(10), {}, {"composure": 3})  # evidence not rated here
    rated_rejection(db, days(20), {}, {"evidence": 4})
    (found,) = pp.next_interviews(db, "local")
    assert found.outcome == pp.HIGHER
    assert found.after.rejected_on == days(20)


def test_an_interview_held_before_the_drill_is_before_it_whenever_the_no_came(db):
    # interviewed on day 2, rejected on day 15: the drill on day 5 came too late for it
    rated_rejection(db, days(15), {}, {"evidence": 2}, interviewed_on=days(2))
    drill(db, "evidence", days(5))
    (found,) = pp.next_interviews(db, "local")
    assert found.outcome == pp.NOT_RATED_LATER
    assert found.before.rejected_on == days(15)
    assert found.sentence == (
        "Evidence & examples: not rated yet at a later interview. You first practised it on "
        "06 Oct 2026; how the next interviewer rates it shows here."
    )


def test_rated_only_after_the_drill_has_nothing_to_compare_with(db):
    drill(db, "evidence", days(1))
    rated_rejection(db, days(20), {}, {"evidence": 3})
    (found,) = pp.next_interviews(db, "local")
    assert found.outcome == pp.NOTHING_BEFORE
    assert "nothing to compare with yet" in found.sentence


def test_example_rejections_are_never_the_next_interview(db):
    drill(db, "evidence", days(-400))  # before every example rejection
    examples.load_examples(db)
    (found,) = pp.next_interviews(db, "local")
    assert found.outcome == pp.NOT_RATED_LATER


def test_only_drilled_skills_are_compared(db):
    bank.add_rerating(db, Rerating("evidence", 4, days(1)))
    rated_rejection(db, days(20), {}, {"evidence": 3})
    assert pp.next_interviews(db, "local") == []
