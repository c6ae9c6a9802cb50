"""The next-steps engine: every strategy has a case where it must appear and one where it
must not, and the plan never contradicts the data."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from assessment import storage
from assessment.models import Action, Feedback, Reflection, Rejection, Settings, Step
from assessment.plan import exercises, outreach, steps, strategies, texts
from assessment.plan.patterns import Pattern
from assessment.scoring import QUADRANTS
from assessment.skills import SKILL_KEYS, STRATEGY_KEYS
from tests.cases import IMPACT_QUOTE, SQL_QUOTE, data_analyst_case, with_feedback, with_self_ratings
from tests.cases import TODAY as CASE_TODAY

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
    plan = suggest(rejection(feedback=Feedback(status="not_requested")))
    assert plan[0].strategy == "ask_feedback"
    assert plan[0].priority == 1
    assert "Acme Analytics" in plan[0].why
    assert "strengths" in plan[0].message and "improve" in plan[0].message
    # thanks and the request are one message: no separate thank-you to send today
    assert "Thank you for letting me know" in plan[0].message
    assert texts.TITLE_THANKS not in [s.title for s in plan]


def test_ask_feedback_nudges_after_seven_days_without_answer():
    requested = TODAY - dt.timedelta(days=8)
    plan = suggest(rejection(feedback=Feedback(status="requested", requested_on=requested)))
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
    assert texts.STRENGTH_WORDS["communication"] in step.message  # in plain words, no label
    assert "4/5" not in step.message and "strength" not in step.message.lower()


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


def test_practice_pitch_leads_with_strengths_and_answers_every_concern():
    (step,) = of(suggest(rejection()), "practice_pitch")
    assert step.skill == "evidence"  # the first area to work on: the blind spot
    assert "lead with Communication" in step.why
    assert "Evidence & examples" in step.why and "Problem solving" in step.why
    assert exercises.PITCH_ANSWER["problem_solving"] in step.detail
    assert exercises.PITCH_ANSWER["evidence"] in step.detail
    assert step.minutes


def test_practice_pitch_with_self_ratings_only():
    r = rejection(self_ratings={"composure": 2}, feedback=Feedback(status="received"))
    (step,) = of(suggest(r), "practice_pitch")
    assert step.skill == "composure"


def test_no_practice_pitch_without_any_rating():
    r = rejection(self_ratings={}, feedback=Feedback(status="received"))
    assert "practice_pitch" not in used(suggest(r))


# ---- shore_up ---------------------------------------------------------------------------


def test_shore_up_one_per_blind_spot_or_growth_area_in_the_areas_order():
    plan = suggest(rejection())
    shore = of(plan, "shore_up")
    # evidence: blind spot (4 / concern), problem_solving: growth area (2 / concern)
    assert [s.skill for s in shore] == ["evidence", "problem_solving"]
    assert "blind spot" in shore[0].why and "you rated it 4/5" in shore[0].why
    assert "the interviewer saw a concern" in shore[0].why
    assert shore[0].detail == exercises.SHORE_UP["evidence"].text  # no topic named
    assert "situation-action-result" in shore[0].detail


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
        thanks, reconnect = of(suggest(r), "keep_door_open")
        assert thanks.title == texts.TITLE_THANKS and "Thank you" in thanks.message
        assert thanks.send_on == TODAY
        assert strategies.reconnect_date(r).isoformat() in reconnect.why
        assert reconnect.send_on == strategies.reconnect_date(r)
        assert "Checking in" in reconnect.message


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
    # the interviewer's ratings are feedback, so nothing asks for it
    assert set(used(plan)) == set(STRATEGY_KEYS) - {"ask_feedback"}
    assert all(s.strategy in STRATEGY_KEYS and s.why for s in plan)
    unasked = suggest(replace(r, feedback=Feedback(status="not_requested")))
    assert unasked[0].strategy == "ask_feedback"


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
    later = [s for s in plan if s.send_on and s.send_on > TODAY]
    now = [s for s in plan if s not in later]
    positions = [keys.index(s.strategy) for s in now]
    assert positions == sorted(positions) and len(set(used(plan))) == len(keys) - 1
    # messages meant for a later day come last, by date
    assert plan[-len(later) :] == later and [s.send_on for s in later] == sorted(
        s.send_on for s in later
    )


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
        Action(
            "keep_door_open",
            "Send a thank-you note and note a date to reconnect",  # an earlier title
            None,
            done_on=TODAY,
            id=11,
        ),
        Action("shore_up", "Shore up Composure & confidence", "composure", id=12),
    )
    merged = steps.merge_actions(plan, actions)
    by_id = {s.action_id: s for s in merged if s.action_id}
    assert by_id[10].status == "accepted" and by_id[10].due_on == TODAY + dt.timedelta(days=3)
    assert by_id[11].status == "done" and by_id[11].strategy == "keep_door_open"
    assert by_id[11].title == texts.TITLE_THANKS  # an earlier title matches its step
    leftover = by_id[12]
    assert leftover.why == texts.LEFTOVER_WHY and leftover.priority == len(merged)
    assert [s.priority for s in merged] == list(range(1, len(merged) + 1))
    assert len(merged) == len(plan) + 1


def test_a_done_feedback_request_does_not_hide_the_reminder():
    r = rejection(feedback=Feedback(status="requested", requested_on=TODAY - dt.timedelta(9)))
    done = Action("ask_feedback", texts.TITLE_ASK, None, done_on=TODAY - dt.timedelta(9), id=1)
    merged = steps.merge_actions(suggest(r), (done,))
    nudge = [s for s in merged if s.title == texts.TITLE_NUDGE]
    assert nudge[0].status == "suggested"
    assert any(s.action_id == 1 and s.status == "done" for s in merged)


def test_progress_counts_done_steps_of_every_step_and_finds_due_and_overdue():
    suggested = suggest(rejection())
    plan = steps.merge_actions(
        suggested,
        (
            Action(
                "shore_up",
                "Shore up Evidence & examples",
                "evidence",
                due_on=TODAY - dt.timedelta(days=1),
                id=1,
            ),
            Action("practice_pitch", "x", "problem_solving", due_on=TODAY + dt.timedelta(6), id=2),
            Action("keep_door_open", texts.TITLE_THANKS, None, due_on=TODAY, done_on=TODAY, id=3),
            Action("make_your_case", texts.TITLE_CASE, None, due_on=TODAY + dt.timedelta(7), id=4),
        ),
    )
    p = steps.progress(plan, TODAY)
    assert p.total == len(plan) > 4  # every step of the plan, not only the actions
    assert (p.done, p.accepted) == (1, 3)
    assert p.fraction == 1 / len(plan)
    assert p.text == f"1 of {len(plan)} steps done. 3 more taken on."
    assert "1 of 4" not in p.text and "action" not in p.text
    assert [s.action_id for s in p.overdue] == [1]
    assert [s.action_id for s in p.due_this_week] == [2]


def test_progress_is_not_full_while_suggestions_are_untouched():
    """One action done with five steps untouched is one of six, never "1 of 1"."""
    suggested = suggest(rejection())
    first = suggested[0]
    done = Action(first.strategy, first.title, first.skill, done_on=TODAY, id=1)
    plan = steps.merge_actions(suggested, (done,))
    p = steps.progress(plan, TODAY)
    assert (p.done, p.total) == (1, len(suggested))
    assert p.fraction < 1
    assert p.text == f"1 of {len(suggested)} steps done."
    assert "1 of 1 " not in p.text


def test_progress_is_full_only_when_every_step_is_done():
    suggested = suggest(rejection())
    actions = tuple(
        Action(s.strategy, s.title, s.skill, done_on=TODAY, id=i)
        for i, s in enumerate(suggested, start=1)
    )
    p = steps.progress(steps.merge_actions(suggested, actions), TODAY)
    assert (p.done, p.total, p.accepted, p.fraction) == (len(suggested), len(suggested), 0, 1.0)


def test_progress_before_anything_is_taken_on_points_to_accepting():
    plan = suggest(rejection())
    p = steps.progress(plan, TODAY)
    assert (p.done, p.total, p.fraction) == (0, len(plan), 0.0)
    assert p.text == f"0 of {len(plan)} steps done. Accept a step to add it to your plan."
    assert p.count_text == f"0 of {len(plan)} steps done."
    empty = steps.progress([], TODAY)
    assert (empty.total, empty.fraction, empty.text) == (0, 0.0, texts.NO_STEPS)


def test_progress_counts_a_leftover_action_as_a_step():
    """An action that matches no current suggestion is still a step of the plan."""
    suggested = suggest(rejection())
    leftover = Action("stay_positive", "Walk every morning", None, done_on=TODAY, id=1)
    p = steps.progress(steps.merge_actions(suggested, (leftover,)), TODAY)
    assert (p.done, p.total) == (1, len(suggested) + 1)


def test_progress_of_the_data_analyst_case():
    case = data_analyst_case()
    plan = steps.suggest_steps(case, today=CASE_TODAY)
    p = steps.progress(plan, CASE_TODAY)
    assert p.total == len(plan) and p.done == 0 and p.fraction == 0.0


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


# ---- the Data Analyst case (tests/cases.py) and its variants ------------------------------


APP_LABELS = (
    *(label.lower() for label in QUADRANTS.values()),
    "noted it as",
    "your team noted",
    "interviewer saw",
    "combined",
    "/5",
)


def case_plan(r: Rejection | None = None) -> list:
    return steps.suggest_steps(r or data_analyst_case(), today=CASE_TODAY)


def test_the_case_shores_up_sql_and_quantified_impact_in_the_areas_order():
    role, evidence = of(case_plan(), "shore_up")
    assert (role.skill, evidence.skill) == ("role_knowledge", "evidence")
    assert SQL_QUOTE in role.why and "SQL" in role.detail and "window functions" in role.detail
    assert "Practise SQL window functions" in role.why  # the user's own words for that skill
    assert IMPACT_QUOTE in evidence.why and "quantified impact" in evidence.detail
    assert "put numbers on my project results" in evidence.why
    assert "SQL" not in evidence.detail  # a topic of another skill stays out


@pytest.mark.parametrize("self_rating", [3, 4, 5])
def test_a_concern_gets_a_shore_up_step_whatever_the_self_rating(self_rating):
    r = with_self_ratings(data_analyst_case(), role_knowledge=self_rating)
    assert "role_knowledge" in [s.skill for s in of(case_plan(r), "shore_up")]


def test_the_case_pitch_leads_with_strengths_and_answers_both_concerns():
    (pitch,) = of(case_plan(), "practice_pitch")
    assert "lead with Communication" in pitch.why
    assert "Role knowledge" in pitch.why and "Evidence & examples" in pitch.why
    assert "SQL" in pitch.detail and "quantified impact" in pitch.detail


def test_the_case_has_one_message_to_send_now_and_no_request_for_given_feedback():
    plan = case_plan()
    now = [s for s in plan if s.message and s.send_on <= CASE_TODAY]
    assert [s.title for s in now] == [texts.TITLE_THANKS]
    assert plan[0] is now[0] and now[0].to == "Dana Whitfield"
    assert "ask_feedback" not in used(plan)  # text, ratings and findings are there
    assert "feedback you shared" in now[0].message
    assert "Would you be willing to share" not in " ".join(s.message for s in plan)


def test_the_case_makes_its_case_later_answering_sql_without_quoting():
    (case,) = of(case_plan(), "make_your_case")
    assert case.send_on == CASE_TODAY + dt.timedelta(days=3)
    assert "SQL" in case.message and "working on it" in case.message
    assert data_analyst_case().reason_given not in case.message
    assert "a candidate with more SQL experience" not in case.message
    for quote in (SQL_QUOTE, IMPACT_QUOTE):
        assert quote not in case.message
    assert texts.STRENGTH_WORDS["communication"] in case.message


def test_no_message_holds_a_placeholder_or_an_app_label():
    cases = [
        data_analyst_case(),
        with_feedback(data_analyst_case(), text="", findings=(), ratings={}),
        data_analyst_case(contact_name="", reason_given=""),
    ]
    for r in cases:
        for step in case_plan(r):
            if not step.message:
                continue
            assert "[" not in step.message and "]" not in step.message
            lowered = step.message.lower()
            assert not [label for label in APP_LABELS if label in lowered], step.title


def test_feedback_text_with_the_status_untouched_is_never_asked_for():
    r = with_feedback(data_analyst_case(), status="not_requested", ratings={}, findings=())
    assert "ask_feedback" not in used(case_plan(r))
    r = with_feedback(r, status="requested", requested_on=CASE_TODAY - dt.timedelta(days=20))
    assert "ask_feedback" not in used(case_plan(r))  # no nudge for what came back


def test_without_feedback_thanks_and_the_request_are_one_message():
    r = with_feedback(data_analyst_case(), text="", findings=(), ratings={})
    plan = case_plan(r)
    now = [s for s in plan if s.message and s.send_on <= CASE_TODAY]
    assert [s.strategy for s in now] == ["ask_feedback"]
    assert "Thank you for letting me know" in now[0].message
    assert "honest feedback" in now[0].message


def test_a_nudge_only_after_seven_days_and_then_the_only_message_now():
    asked = with_feedback(data_analyst_case(), text="", findings=(), ratings={})
    for days, nudged in ((7, False), (8, True)):
        r = with_feedback(asked, status="requested", requested_on=CASE_TODAY - dt.timedelta(days))
        plan = case_plan(r)
        assert (texts.TITLE_NUDGE in [s.title for s in plan]) is nudged
        now = [s for s in plan if s.message and s.send_on <= CASE_TODAY]
        assert len(now) == (1 if nudged else 0)
        assert texts.TITLE_THANKS not in [s.title for s in plan]  # the request thanked them


def test_two_strategies_messaging_one_contact_on_one_day_make_one_message_now():
    a = Step("keep_door_open", "A", "why", 1, message="One", to="Dana", send_on=CASE_TODAY)
    b = Step("make_your_case", "B", "why", 2, message="Two", to="dana", send_on=CASE_TODAY)
    c = Step("make_your_case", "C", "why", 3, message="Three", to=None, send_on=CASE_TODAY)
    dated = outreach.schedule([b, a, c], CASE_TODAY)
    by_title = {s.title: s.send_on for s in dated}
    assert by_title["A"] == CASE_TODAY  # the opener goes first
    assert by_title["B"] == CASE_TODAY + outreach.FOLLOW_UP_GAP
    assert by_title["C"] == CASE_TODAY  # another contact (the hiring team)


def test_a_sent_message_frees_the_day_and_keeps_the_gap():
    sent = Step(
        "keep_door_open",
        "A",
        "why",
        1,
        message="One",
        status="done",
        done_on=CASE_TODAY - dt.timedelta(days=1),
        to="Dana",
        send_on=CASE_TODAY,
    )
    later = Step("make_your_case", "B", "why", 2, message="Two", to="Dana", send_on=CASE_TODAY)
    dated = outreach.schedule([sent, later], CASE_TODAY)
    assert dated[0].send_on is None
    assert dated[1].send_on == CASE_TODAY + dt.timedelta(days=2)


def test_messages_are_signed_with_the_settings_or_ask_for_a_name_plainly():
    signed = steps.suggest_steps(
        data_analyst_case(), today=CASE_TODAY, settings=Settings("Sam Lee", "Best wishes,")
    )
    for step in (s for s in signed if s.message):
        assert step.message.endswith("Best wishes,\nSam Lee")
    for step in (s for s in case_plan() if s.message):
        assert step.message.endswith(texts.NO_NAME)


def test_build_plan_uses_the_stored_settings(mem):
    rid = storage.insert_rejection(mem, data_analyst_case(id=None))
    storage.save_settings(mem, Settings("Sam Lee", ""))
    plan = steps.build_plan(mem, rid, today=CASE_TODAY)
    assert all(s.message.endswith("Kind regards,\nSam Lee") for s in plan if s.message)
    assert sum(1 for s in plan if s.message and s.send_on <= CASE_TODAY) == 1
