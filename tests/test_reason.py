"""The skill the employer's stated reason points at (assessment/reason.py)."""

from __future__ import annotations

import pytest

from assessment.reading.reader import read_feedback
from assessment.reason import ReasonPointer, skill_in_reason, topic_skill


@pytest.mark.parametrize(
    ("reason", "key", "phrase"),
    [
        (
            "We went with a candidate with more SQL experience.",
            "role_knowledge",
            "a candidate with more SQL experience",
        ),
        (
            "In the end we went with a candidate with more hands-on SQL experience.",
            "role_knowledge",
            "a candidate with more hands-on SQL experience",
        ),
        (
            "We chose someone with stronger communication skills.",
            "communication",
            "someone with stronger communication skills",
        ),
        (
            "We went with someone who had more stakeholder management experience.",
            "collaboration",
            "someone who had more stakeholder management experience",
        ),
        (
            "The successful applicant had deeper knowledge of Python",
            "role_knowledge",
            "applicant had deeper knowledge of Python",
        ),
        (
            "They had a stronger background in system design than you.",
            "role_knowledge",
            "stronger background in system design",
        ),
        (
            "We hired a candidate with more leadership experience.",
            "collaboration",
            "a candidate with more leadership experience",
        ),
    ],
)
def test_comparative_phrases_point_at_a_skill_and_keep_the_users_words(reason, key, phrase):
    assert skill_in_reason(reason) == ReasonPointer(key, phrase)


def test_the_reader_alone_reads_the_sql_reason_only_as_a_fit_factor():
    # why the comparative rule exists: the reader's reading names no skill
    findings = read_feedback("We went with a candidate with more SQL experience.")
    assert {f.key for f in findings} == {"other_candidate"}


def test_a_concern_the_reader_finds_in_the_reason_is_used_when_no_comparative_is_there():
    pointer = skill_in_reason("Your SQL was not deep enough for this role.")
    assert pointer is not None and pointer.key == "role_knowledge"
    assert "SQL" in pointer.phrase


@pytest.mark.parametrize(
    "reason",
    [
        "",
        "   ",
        "We went with a candidate with more experience.",
        "We went with a candidate whose experience matched more closely.",
        "Someone with more relevant experience.",
        "The role was put on hold.",
        "We went with an internal candidate.",
    ],
)
def test_reasons_that_name_no_skill_point_at_none(reason):
    assert skill_in_reason(reason) is None


def test_named_technical_topics_are_role_knowledge_even_where_the_reader_says_otherwise():
    assert topic_skill("SQL") == "role_knowledge"
    assert topic_skill("Python and pandas") == "role_knowledge"
    # the reader's lexicon reads "system design" in feedback as problem solving
    assert topic_skill("system design") == "role_knowledge"
    assert topic_skill("stakeholder management") == "collaboration"
    assert topic_skill("weather") is None
    assert topic_skill("") is None


def test_the_earliest_comparative_wins():
    pointer = skill_in_reason(
        "They had stronger leadership experience, and deeper knowledge of Python."
    )
    assert pointer == ReasonPointer("collaboration", "stronger leadership experience")
