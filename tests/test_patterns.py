"""Patterns as domain.md defines them, with 0, 2, 3 and 10 rejections."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from assessment import backup, storage
from assessment.models import Feedback, Finding, Rejection
from assessment.plan import patterns
from assessment.plan.patterns import Pattern, RejectionSummary, detect_patterns, find_patterns
from assessment.scoring import assessment_of
from assessment.views.progress import Filters

DAY = dt.date(2026, 1, 1)


def rejection(
    company: str,
    days: int,
    stage: str = "technical",
    own: dict | None = None,
    theirs: dict | None = None,
    findings: tuple[Finding, ...] = (),
) -> Rejection:
    return Rejection(
        company=company,
        role="Analyst",
        stage=stage,
        rejected_on=DAY + dt.timedelta(days=days),
        self_ratings=own or {},
        feedback=Feedback(status="received", ratings=theirs or {}, findings=findings),
    )


def add(db, *rejections: Rejection, owner: str = "local") -> list[int]:
    return [storage.insert_rejection(db, r, owner) for r in rejections]


def summaries(db, owner: str = "local") -> list[RejectionSummary]:
    """Every rejection of the owner as a summary, one at a time through the one assessment
    (ratings and confirmed findings): what find_patterns' SQL must agree with."""
    ids = db.execute(
        "SELECT id FROM rejections WHERE owner = ? ORDER BY rejected_on, id", [owner]
    ).fetchall()
    result = []
    for (rid,) in ids:
        r = storage.get_rejection(db, rid, owner)
        result.append(
            RejectionSummary(
                id=rid,
                company=r.company,
                rejected_on=r.rejected_on,
                stage=r.stage,
                average=assessment_of(r).average,
                concerns=patterns.concern_skills(assessment_of(r)),
            )
        )
    return result


@pytest.fixture
def db():
    return storage.memory_db()


def test_no_rejections_needs_three_and_finds_nothing(db):
    assert patterns.rejections_needed(db) == 3
    assert find_patterns(db) == []


def test_two_rejections_need_one_more_even_when_they_agree(db):
    concern = {"evidence": 1}
    add(db, rejection("A", 0, theirs=concern), rejection("B", 10, theirs=concern))
    assert patterns.rejections_needed(db) == 1
    assert find_patterns(db) == []


def test_three_rejections_show_all_three_kinds_with_the_rejections_named(db):
    ids = add(
        db,
        rejection("Acme", 0, "onsite", own={"evidence": 4}, theirs={"evidence": 2}),
        rejection("Brightpath", 20, "onsite", own={"evidence": 3}, theirs={"evidence": 2}),
        rejection("Contoso", 40, "onsite", own={"evidence": 2}, theirs={"evidence": 2}),
    )
    assert patterns.rejections_needed(db) == 0
    found = {p.kind: p for p in find_patterns(db)}
    assert set(found) == {"recurring_concern", "stage_wall", "no_progress"}

    concern = found["recurring_concern"]
    assert concern.skill == "evidence"
    assert concern.rejection_ids == tuple(ids)
    assert concern.sentence == (
        "The interviewer saw Evidence & examples as a concern in 3 rejections: "
        "Acme (2026-01-01), Brightpath (2026-01-21) and Contoso (2026-02-10)."
    )
    assert found["stage_wall"].stage == "onsite"
    assert "3 of your rejections ended at the Onsite stage" in found["stage_wall"].sentence
    stall = found["no_progress"]
    assert stall.rejection_ids == tuple(ids)
    assert (
        "3.0 at Acme (2026-01-01), then 2.6 at Brightpath (2026-01-21), then 2.2 at Contoso"
        in stall.sentence
    )


def test_three_different_rejections_that_improve_have_no_pattern(db):
    add(
        db,
        rejection("A", 0, "screening", own={"communication": 2}),
        rejection("B", 5, "technical", own={"communication": 3}),
        rejection("C", 9, "onsite", own={"communication": 4}),
    )
    assert patterns.rejections_needed(db) == 0
    assert find_patterns(db) == []


def test_ten_rejections_name_the_first_few_and_count_the_rest(db):
    rows = [
        rejection(f"Company {i}", i * 7, "screening", own={"composure": 4}, theirs={"composure": 1})
        for i in range(10)
    ]
    ids = add(db, *rows)
    found = {p.kind: p for p in find_patterns(db)}
    concern = found["recurring_concern"]
    assert concern.rejection_ids == tuple(ids)
    assert concern.sentence.endswith(
        "Company 0 (2026-01-01), Company 1 (2026-01-08), Company 2 (2026-01-15) and 7 more."
    )
    assert "10 rejections" in concern.sentence
    assert found["stage_wall"].rejection_ids == tuple(ids)
    # all averages equal: "each no higher than the one before" holds
    assert found["no_progress"].rejection_ids == tuple(ids[-3:])
    assert find_patterns(db) == detect_patterns(summaries(db))


def test_sql_and_pure_rules_agree_on_a_mixed_history(db):
    stages = ["screening", "technical", "onsite", "final", "offer"]
    for i in range(10):
        add(
            db,
            rejection(
                f"C{i}",
                i * 3,
                stages[i % 5] if i < 7 else "final",
                own={"evidence": 1 + i % 5, "motivation": 2},
                theirs={"evidence": 1 + i % 4, "motivation": 2 if i % 2 else 3},
            ),
        )
    from_sql = find_patterns(db)
    assert from_sql == detect_patterns(summaries(db))
    assert {p.kind for p in from_sql} >= {"recurring_concern", "stage_wall"}


def test_a_growth_area_counts_as_a_concern_and_a_self_rating_alone_does_not(db):
    add(db, *(rejection(f"G{i}", i, own={"evidence": 2}, theirs={"evidence": 2}) for i in range(3)))
    add(db, *(rejection(f"S{i}", 9 + i, own={"composure": 1}) for i in range(3)))
    concerns = [p.skill for p in find_patterns(db) if p.kind == "recurring_concern"]
    assert concerns == ["evidence"]


def test_a_concern_finding_without_a_rating_counts_and_a_rating_outranks_it(db):
    concern = (Finding("evidence", -1, "Your examples had no numbers."),)
    mixed = (Finding("motivation", 1, "Keen."), Finding("motivation", -1, "But generic."))
    add(
        db,
        *(rejection(f"F{i}", i, own={"evidence": 4}, findings=concern + mixed) for i in range(2)),
        rejection("F2", 2, own={"evidence": 3}, findings=concern + mixed),
        # a rating for evidence outranks the concern finding: not a concern here
        *(rejection(f"R{i}", 10 + i, theirs={"evidence": 3}, findings=concern) for i in range(3)),
    )
    found = [p for p in find_patterns(db) if p.kind == "recurring_concern"]
    assert [(p.skill, p.rejection_ids) for p in found] == [
        ("evidence", (1, 2, 3)),
        ("motivation", (1, 2, 3)),
    ]
    assert find_patterns(db) == detect_patterns(summaries(db))


def test_concern_skills_are_the_assessments_blind_spots_and_growth_areas():
    r = rejection(
        "A",
        0,
        own={"evidence": 5, "communication": 4, "composure": 1},
        theirs={"evidence": 2, "communication": 3},
        findings=(Finding("role_knowledge", -1, "Thin SQL."),),
    )
    assert patterns.concern_skills(assessment_of(r)) == {"evidence", "role_knowledge"}


def summary(i: int, average: float | None, stage: str = "onsite") -> RejectionSummary:
    return RejectionSummary(
        id=i, company=f"C{i}", rejected_on=DAY + dt.timedelta(days=i), stage=stage, average=average
    )


def test_no_progress_breaks_on_any_rise_and_skips_unrated_rejections():
    stages = ["screening", "technical", "onsite"]
    falling = [summary(i, a, stages[i]) for i, a in enumerate([3.0, 3.0, 2.5])]
    assert [p.kind for p in detect_patterns(falling)] == ["no_progress"]
    rising = [summary(i, a, stages[i]) for i, a in enumerate([3.0, 3.1, 2.5])]
    assert detect_patterns(rising) == []
    with_unrated = [*falling, summary(3, None, "final")]
    assert [p.kind for p in detect_patterns(with_unrated)] == ["no_progress"]


def test_detect_patterns_needs_three_rejections():
    two = [summary(0, 3.0), summary(1, 2.0)]
    assert detect_patterns(two) == []
    assert detect_patterns(two, total=2) == []


def test_other_owners_rejections_do_not_count(db):
    concern = {"evidence": 1}
    add(db, *(rejection(f"X{i}", i, theirs=concern) for i in range(3)), owner="someone@else")
    add(db, rejection("Mine", 0, theirs=concern))
    assert patterns.rejections_needed(db) == 2
    assert find_patterns(db) == []
    assert len(find_patterns(db, "someone@else")) == 3  # concern, stage wall, no progress


def test_filters_narrow_the_rejections_patterns_rest_on(db):
    add(db, *(rejection(f"Acme {i}", i, "final") for i in range(3)), rejection("Other", 9, "final"))
    assert find_patterns(db)[0].rejection_ids == (1, 2, 3, 4)
    narrowed = find_patterns(db, filters=Filters(company="acme"))
    assert [p.rejection_ids for p in narrowed] == [(1, 2, 3)]
    assert patterns.rejections_needed(db, filters=Filters(company="other")) == 2


def test_pattern_is_a_frozen_value():
    pattern = Pattern("stage_wall", "s", (1, 2, 3), stage="onsite")
    with pytest.raises(AttributeError):
        pattern.kind = "other"  # type: ignore[misc]


def history(count: int) -> list[Rejection]:
    """``count`` rejections a day apart: every seventh with evidence a concern, stages in turn."""
    stages = ["screening", "technical", "onsite", "final", "offer"]
    return [
        rejection(
            f"Company {i}",
            i,
            stages[i % 5],
            own={"evidence": 4, "composure": 1 + i % 5},
            theirs={"evidence": 2 if i % 7 == 0 else 3},
        )
        for i in range(count)
    ]


def quickest(db, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        find_patterns(db)
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.slow
def test_ten_thousand_rejections_stay_linear_and_name_the_same_patterns():
    small, large = storage.memory_db(), storage.memory_db()
    backup.import_rejections(small, history(1_000))
    backup.import_rejections(large, history(10_000))
    found = {(p.kind, p.skill, p.stage): p for p in find_patterns(large)}
    concern = found[("recurring_concern", "evidence", None)]
    assert concern.sentence.startswith(
        "The interviewer saw Evidence & examples as a concern in 1,429"
    )
    assert len(concern.rejection_ids) == 1_429
    assert {stage for kind, _, stage in found if kind == "stage_wall"} == {
        "screening", "technical", "onsite", "final", "offer"
    }  # fmt: skip
    # Ten times the rejections, about ten times the time; a query that joined two derived
    # tables would take about a hundred times.
    assert quickest(large) < 30 * quickest(small) + 0.05
