"""The drills' question bank: every skill, enough questions, each saying what strong shows."""

from __future__ import annotations

from assessment.practice.questions import (
    MIN_PER_SKILL,
    QUESTIONS,
    questions_for,
    topic_question,
)
from assessment.skills import SKILL_KEYS


def test_every_skill_has_at_least_twelve_distinct_questions():
    assert set(QUESTIONS) == set(SKILL_KEYS)
    for skill in SKILL_KEYS:
        texts = [q.text for q in questions_for(skill)]
        assert len(texts) >= MIN_PER_SKILL == 12
        assert len(set(texts)) == len(texts)


def test_every_question_says_what_a_strong_answer_shows():
    for questions in QUESTIONS.values():
        for q in questions:
            assert q.text.endswith(("?", ".")) and q.strong.endswith(".")
            assert len(q.strong.split()) >= 6


def test_no_question_is_in_two_skills():
    seen = [q.text for qs in QUESTIONS.values() for q in qs]
    assert len(seen) == len(set(seen))


def test_a_topic_becomes_a_question_of_its_own():
    q = topic_question("window functions")
    assert "window functions" in q.text and "window functions" in q.strong
    assert q.story
    assert questions_for("not_a_skill") == ()


def test_every_question_has_a_stable_id_of_its_own():
    from assessment.practice.questions import question_id, topic_question_id

    ids = [question_id(skill, q) for skill in SKILL_KEYS for q in questions_for(skill)]
    assert len(ids) == len(set(ids))
    assert all(len(i) <= 200 and i.startswith(tuple(SKILL_KEYS)) for i in ids)  # a short field
    assert question_id("communication", questions_for("communication")[0]) == (
        "communication:tell-me-about-yourself"
    )
    assert topic_question_id("role_knowledge", "A/B testing") == "role_knowledge:topic:a-b-testing"
