"""The next-steps engine: every strategy has a case where it must appear and one where it
must not, and the plan never contradicts the data."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from assessment import storage
from assessment.models import Action, Feedback, Reflection, Rejection
from assessment.plan import exercises, steps, strategies, texts
from assessment.plan.patterns import Pattern
from assessment.skills import SKILL_KEYS, STRATEGY_KEYS

TODAY = dt.date(2026, 11, 25)


def rejection(**changes) -> Rejection:
    """A rejection 5 days ago with feedback received and no fit factors, mood fine."""
    base = Rejection(
        company="Acme Analytics",
        role="Data Analyst",
        stage="onsite",
        rejected_on=TODAY - dt.timedelta(days=5),
        contact_name="Priya Shah",
        reason_given="We went with a candidate whose experience matched more closely.",
        reflection=Reflection(mood=4, confidence=4),
        self_ratings={"communication": 4, "evidence": 4, "problem_solving": 2},
        feedback=Feedback(
            status="received",
            requested_on=TODAY - dt.timedelta(days=4),
            ratings={"communication": 3, "evidence": 2, "problem_solving": 2},
        ),
    )
    return replace(base, **changes)


def feedback(**changes) -> Feedback:
    return replace(rejection().feedback, **changes)


def suggest(r: Rejection, **kwargs) -> list:
    kwargs.setdefault("today", TODAY)
    return steps.suggest_steps(r, **kwargs)


def used(plan) -> list[str]:
    return [s.strategy for s in plan]


def of(plan, strategy: str) -> list:
    return [s for s in plan if s.strategy == strategy]


# ---- ask_feedback -----------------------------------------------------------------------


def test_ask_feedback_is_first_while_not_requested():
    plan = suggest(rejection(feedback=feedback(status="not_requested", requested_on=None)))
    assert plan[0].strategy == "ask_feedback"
    assert plan[0].priority == 1
    assert "Acme Analytics" in plan[0].why
    assert "strengths" in plan[0].message and "improve" in plan[0].message


def test_ask_feedback_nudges_after_seven_days_without_answer():
    requested = TODAY - dt.timedelta(days=8)
    plan = suggest(rejection(feedback=feedback(status="requested", requested_on=requested)))
    (step,) = of(plan, "ask_feedback")
    assert step.title == texts.TITLE_NUDGE
    assert "8 days ago" in step.why and requested.isoformat() in step.why


@pytest.mark.parametrize(
    "fb",
    [
        Feedback(status="received"),
        Feedback(status="declined"),
        Feedback(status="requested", requested_on=TODAY - dt.timedelta(days=7)),
        Feedback(status="requested", requested_on=None),
    ],
)
def test_no_ask_feedback_when_received_declined_or_recently_requested(fb):
    assert "ask_feedback" not in used(suggest(rejection(feedback=fb)))


# ---- make_your_case ---------------------------------------------------------------------


def test_make_your_case_with_a_recent_rejection_and_a_confirmed_strength():
    (step,) = of(suggest(rejection()), "make_your_case")
    assert "5 days ago" in step.why
    assert "Communication" in step.why and "you rated it 4/5" in step.why
    assert "Communication" in step.message


@pytest.mark.parametrize(
    "changes",
    [
        {"fit_factors": ("internal_candidate",)},
        {"fit_factors": ("role_changed", "other_candidate")},
        {"rejected_on": TODAY - dt.timedelta(days=15)},
        {"self_ratings": {"communication": 3}},  # no confirmed strength
        {"self_ratings": {}, "feedback": Feedback(status="received")},
    ],
)
def test_no_make_your_case_when_door_closed_old_or_no_confirmed_strength(changes):
    assert "make_your_case" not in used(suggest(rejection(**changes)))


def test_make_your_case_on_day_fourteen():
    r = rejection(rejected_on=TODAY - dt.timedelta(days=14))
    assert "make_your_case" in used(suggest(r))


# ---- practice_pitch ---------------------------------------------------------------------


def test_practice_pitch_rehearses_the_weakest_area():
    (step,) = of(suggest(rejection()), "practice_pitch")
    assert step.skill == "problem_solving"
    assert "Problem solving" in step.why and "Communication" in step.why
    assert exercises.PITCH_ANSWER["problem_solving"] in step.detail
    assert step.minutes


def test_practice_pitch_with_self_ratings_only():
    r = rejection(self_ratings={"composure": 2}, feedback=Feedback(status="received"))
    (step,) = of(suggest(r), "practice_pitch")
    assert step.skill == "composure"


def test_no_practice_pitch_without_any_rating():
    r = rejection(self_ratings={}, feedback=Feedback(status="received"))
    assert "practice_pitch" not in used(suggest(r))


# ---- shore_up ---------------------------------------------------------------------------


def test_shore_up_one_per_blind_spot_or_growth_area_worst_first():
    plan = suggest(rejection())
    shore = of(plan, "shore_up")
    # problem_solving: growth area (2 / concern), evidence: blind spot (4 / concern)
    assert [s.skill for s in shore] == ["problem_solving", "evidence"]
    assert "blind spot" in shore[1].why and "you rated it 4/5" in shore[1].why
    assert "the interviewer saw a concern" in shore[1].why
    assert shore[1].detail == exercises.SHORE_UP["evidence"].text
    assert "situation-action-result" in shore[1].detail


def test_shore_up_is_capped_at_three():
    r = rejection(
        self_ratings={k: 5 for k in SKILL_KEYS},
        feedback=Feedback(status="received", ratings={k: 1 for k in SKILL_KEYS}),
    )
    assert len(of(suggest(r), "shore_up")) == strategies.MAX_SHORE_UP


def test_no_shore_up_for_a_confirmed_strength():
    r = rejection(
        self_ratings={"communication": 5, "evidence": 4},
        feedback=Feedback(status="received", ratings={"communication": 4, "evidence": 3}),
    )
    plan = suggest(r)
    assert "shore_up" not in used(plan)
    assert all(s.skill not in ("communication", "evidence") for s in of(plan, "shore_up"))


def test_every_skill_has_a_concrete_exercise_with_time():
    assert set(exercises.SHORE_UP) == set(SKILL_KEYS) == set(exercises.PITCH_ANSWER)
    for key in SKILL_KEYS:
        r = rejection(self_ratings={key: 5}, feedback=Feedback(status="received", ratings={key: 1}))
        (step,) = of(suggest(r), "shore_up")
        assert step.skill == key and len(step.detail) > 80
        assert 15 <= step.minutes <= 180


# ---- not_about_you ----------------------------------------------------------------------


def test_not_about_you_with_fit_factors_names_them_and_the_reason():
    (step,) = of(suggest(rejection(fit_factors=("other_candidate",))), "not_about_you")
    assert "another candidate" in step.why
    assert "experience matched more closely" in step.why


def test_not_about_you_when_self_rating_far_below_interviewer():
    r = rejection(
        self_ratings={"composure": 3},
        feedback=Feedback(status="received", ratings={"composure": 4}),
    )
    (step,) = of(suggest(r), "not_about_you")
    assert "Composure & confidence" in step.why and "3/5" in step.why


def test_no_not_about_you_without_fit_factors_or_a_big_gap():
    r = rejection(
        self_ratings={"composure": 3},
        feedback=Feedback(status="received", ratings={"composure": 3}),  # gap -0.67
    )
    assert "not_about_you" not in used(suggest(r))


# ---- keep_door_open ---------------------------------------------------------------------


def test_keep_door_open_always():
    plain = rejection(self_ratings={}, feedback=Feedback(status="received"), reason_given="")
    for r in (plain, rejection(), rejection(fit_factors=("role_changed",))):
        (step,) = of(suggest(r), "keep_door_open")
        assert strategies.reconnect_date(r).isoformat() in step.why
        assert "Thank you" in step.message


def test_keep_door_open_is_never_missing_even_from_a_bare_rejection():
    bare = Rejection(company="X", role="Y", stage="screening", rejected_on=TODAY)
    plan = suggest(bare)
    assert "keep_door_open" in used(plan)  # the "must not" case does not exist
    assert used(plan)[0] == "ask_feedback"


# ---- stay_positive ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "reflection, recent, expected",
    [
        (Reflection(mood=2, confidence=4), 1, "you rated your mood 2 of 5"),
        (Reflection(mood=4, confidence=1), 1, "you rated your confidence 1 of 5"),
        (Reflection(mood=4, confidence=4), 3, "3 rejections in the last 30 days"),
    ],
)
def test_stay_positive_with_low_mood_confidence_or_many_rejections(reflection, recent, expected):
    plan = suggest(rejection(reflection=reflection), recent_rejections=recent)
    (step,) = of(plan, "stay_positive")
    assert expected in step.why.lower()


def test_no_stay_positive_when_mood_and_confidence_are_fine_and_rejections_few():
    plan = suggest(rejection(reflection=Reflection(mood=3, confidence=3)), recent_rejections=2)
    assert "stay_positive" not in used(plan)
    unrated = suggest(rejection(reflection=Reflection()), recent_rejections=1)
    assert "stay_positive" not in used(unrated)


# ---- change_tactics ---------------------------------------------------------------------


def test_change_tactics_names_each_pattern_and_its_rejections():
    patterns = [
        Pattern(
            "recurring_concern",
            "Evidence was a concern in 3 rejections.",
            (1, 2, 3),
            skill="evidence",
        ),
        Pattern(
            "stage_wall", "3 of your rejections ended at Technical.", (1, 2, 4), stage="technical"
        ),
        Pattern("no_progress", "Your score did not rise.", (2, 3, 4)),
    ]
    labels = {1: "Northwind (2026-09-01)", 2: "BrightPath (2026-10-01)", 3: "Acme (2026-11-20)"}
    plan = suggest(rejection(), patterns=patterns, rejection_labels=labels)
    tactics = of(plan, "change_tactics")
    assert len(tactics) == 3
    assert tactics[0].skill == "evidence"
    assert "Evidence was a concern" in tactics[0].why and "Acme (2026-11-20)" in tactics[0].why
    assert "Technical" in tactics[1].title and "ended at Technical" in tactics[1].why
    assert "rejection 4" in tactics[1].why  # a rejection without a label is still cited
    assert "referrals" in tactics[2].detail
    assert len({s.title for s in tactics}) == 3


def test_no_change_tactics_without_patterns():
    assert "change_tactics" not in used(suggest(rejection(), patterns=[]))


# ---- the plan as a whole ----------------------------------------------------------------


def test_priorities_are_unique_and_start_at_one():
    r = rejection(
        feedback=feedback(status="not_requested"),
        fit_factors=("other_candidate",),
        reflection=Reflection(mood=1, confidence=1),
    )
    plan = suggest(r, patterns=[Pattern("no_progress", "Flat.", (1, 2, 3))], recent_rejections=4)
    assert [s.priority for s in plan] == list(range(1, len(plan) + 1))
    assert set(used(plan)) == set(STRATEGY_KEYS)
    assert plan[0].strategy == "ask_feedback"
    assert all(s.strategy in STRATEGY_KEYS and s.why for s in plan)


def test_the_strategy_table_holds_every_strategy_once_and_orders_the_plan():
    keys = [strategy.key for strategy in strategies.TABLE]
    assert sorted(keys) == sorted(STRATEGY_KEYS)
    assert strategies.BY_KEY["shore_up"].title == "Shore up a weak spot"
    r = rejection(
        feedback=feedback(status="not_requested"),
        fit_factors=("other_candidate",),
        reflection=Reflection(mood=1, confidence=1),
    )
    plan = suggest(r, patterns=[Pattern("no_progress", "Flat.", (1, 2, 3))])
    positions = [keys.index(s.strategy) for s in plan]
    assert positions == sorted(positions) and len(set(positions)) == len(keys)


def test_a_rejection_with_no_ratings_at_all_still_gets_a_plan():
    r = Rejection(company="Solo", role="Analyst", stage="screening", rejected_on=TODAY)
    plan = suggest(r)
    assert used(plan) == ["ask_feedback", "keep_door_open"]


def test_merge_marks_accepted_and_done_and_keeps_leftover_actions():
    plan = suggest(rejection())
    actions = (
        Action(
            "shore_up",
            "Shore up Evidence & examples",
            "evidence",
            due_on=TODAY + dt.timedelta(days=3),
            id=10,
        ),
        Action("keep_door_open", "An older wording of the title", None, done_on=TODAY, id=11),
        Action("shore_up", "Shore up Composure & confidence", "composure", id=12),
    )
    merged = steps.merge_actions(plan, actions)
    by_id = {s.action_id: s for s in merged if s.action_id}
    assert by_id[10].status == "accepted" and by_id[10].due_on == TODAY + dt.timedelta(days=3)
    assert by_id[11].status == "done" and by_id[11].strategy == "keep_door_open"
    assert by_id[11].title == texts.TITLE_DOOR  # matched by strategy when the title changed
    leftover = by_id[12]
    assert leftover.why == texts.LEFTOVER_WHY and leftover.priority == len(merged)
    assert [s.priority for s in merged] == list(range(1, len(merged) + 1))
    assert len(merged) == len(plan) + 1


def test_a_done_feedback_request_does_not_hide_the_reminder():
    r = rejection(feedback=feedback(status="requested", requested_on=TODAY - dt.timedelta(9)))
    done = Action("ask_feedback", texts.TITLE_ASK, None, done_on=TODAY - dt.timedelta(9), id=1)
    merged = steps.merge_actions(suggest(r), (done,))
    nudge = [s for s in merged if s.title == texts.TITLE_NUDGE]
    assert nudge[0].status == "suggested"
    assert any(s.action_id == 1 and s.status == "done" for s in merged)


def test_progress_counts_actions_and_finds_due_and_overdue():
    plan = steps.merge_actions(
        suggest(rejection()),
        (
            Action(
                "shore_up",
                "Shore up Evidence & examples",
                "evidence",
                due_on=TODAY - dt.timedelta(days=1),
                id=1,
            ),
            Action("practice_pitch", "x", "problem_solving", due_on=TODAY + dt.timedelta(6), id=2),
            Action("keep_door_open", texts.TITLE_DOOR, None, due_on=TODAY, done_on=TODAY, id=3),
            Action("make_your_case", texts.TITLE_CASE, None, due_on=TODAY + dt.timedelta(7), id=4),
        ),
    )
    p = steps.progress(plan, TODAY)
    assert (p.done, p.total) == (1, 4)
    assert p.text == "1 of 4 actions done."
    assert [s.action_id for s in p.overdue] == [1]
    assert [s.action_id for s in p.due_this_week] == [2]
    assert steps.progress(suggest(rejection()), TODAY).fraction == 0.0


# ---- build_plan against a database -------------------------------------------------------


@pytest.fixture
def mem():
    return storage.memory_db()


def test_build_plan_loads_merges_and_counts_recent_rejections(mem):
    mood_ok = Reflection(mood=4, confidence=4)
    ids = [
        storage.insert_rejection(
            mem, rejection(rejected_on=TODAY - dt.timedelta(days=d), reflection=mood_ok)
        )
        for d in (29, 10, 1)
    ]
    plan = steps.build_plan(mem, ids[-1], today=TODAY)
    (energy,) = of(plan, "stay_positive")
    assert "3 rejections in the last 30 days" in energy.why
    action_id = steps.accept(mem, ids[-1], of(plan, "shore_up")[0])
    storage.update_action(mem, action_id, done_on=TODAY)
    again = steps.build_plan(mem, ids[-1], today=TODAY)
    assert [(s.strategy, s.skill) for s in again] == [(s.strategy, s.skill) for s in plan]
    assert of(again, "shore_up")[0].status == "done"
    assert steps.recent_rejection_count(mem, "local", TODAY + dt.timedelta(days=5)) == 2


def test_build_plan_shows_nothing_of_another_owner(mem):
    rid = storage.insert_rejection(mem, rejection(), owner="someone@example.com")
    assert steps.build_plan(mem, rid, owner="local", today=TODAY) == []
    assert steps.build_plan(mem, rid, owner="someone@example.com", today=TODAY)


def test_build_plan_cites_patterns_found_in_the_database(mem):
    for d in (20, 10, 1):
        storage.insert_rejection(
            mem,
            rejection(
                company=f"Co {d}",
                rejected_on=TODAY - dt.timedelta(days=d),
                stage="technical",
            ),
        )
    latest = storage.latest_rejection_id(mem)
    tactics = of(steps.build_plan(mem, latest, today=TODAY), "change_tactics")
    assert tactics, "three rejections at the same stage make a stage wall"
    assert any("Co 20" in s.why and "Co 1 " in s.why for s in tactics)


def test_known_titles_cover_every_suggested_title():
    r = rejection(
        feedback=feedback(status="not_requested"),
        fit_factors=("other_candidate",),
        reflection=Reflection(mood=1),
    )
    patterns = [
        Pattern(k, "s", (1,), skill="evidence", stage="final")
        for k in ("recurring_concern", "stage_wall", "no_progress")
    ]
    for step in suggest(r, patterns=patterns):
        assert step.title in strategies.KNOWN_TITLES
