"""The scorecard reader: structured lines of interview notes read into proposed ratings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessment.reading.scorecard import (
    attribute_key,
    read_scorecard,
    scorecard_ratings,
    value_rating,
)
from assessment.reading.scorecard_table import ATTRIBUTES, NUMERIC_SCALES, VALUE_WORDS
from assessment.skills import SKILL_KEYS


def one(text: str):
    (line,) = read_scorecard(text)
    return line


@pytest.mark.parametrize(
    ("text", "key", "rating"),
    [
        ("Communication: Strong yes", "communication", 4),
        ("Problem solving \u2013 3/4", "problem_solving", 3),
        ("Problem solving - 2 / 4", "problem_solving", 2),
        ("Technical skills: 2 out of 5", "role_knowledge", 2),
        ("- Ownership = Lean yes", "collaboration", 3),
        ("* Culture add: Definitely not", "motivation", 1),
        ("Composure (4/5)", "composure", 3),
        ("1. Technical depth | 5 of 5", "role_knowledge", 4),
        ("Preparation & research: Below expectations", "preparation", 2),
        ("Evidence\tExceeds expectations", "evidence", 3),
        ("System design: 9/10", "problem_solving", 4),
        ("Communication skills \u2014 Needs improvement", "communication", 2),
    ],
)
def test_scorecard_formats(text, key, rating):
    line = one(text)
    assert (line.key, line.rating) == (key, rating)
    assert line.line == " ".join(text.split())


@pytest.mark.parametrize(
    "text",
    ["Culture add: Mixed", "Evidence: Meets expectations", "Composure: 3/5", "Teamwork: 2/3"],
)
def test_the_middle_of_a_scale_is_not_assessed(text):
    line = one(text)
    assert line.key is not None and line.rating is None
    assert "not assessed" in line.note


def test_words_after_a_middle_value_decide_it():
    assert one("Technical depth: 3/5 - weak on SQL joins").rating == 2
    assert one("Communication: Mixed, but very clear and concise").rating == 3


def test_an_overall_verdict_is_shown_but_rates_no_skill():
    line = one("Overall recommendation: No hire")
    assert line.key is None and line.rating == 2
    assert "not a skill rating" in line.note
    assert scorecard_ratings([line]) == {}


@pytest.mark.parametrize(
    "text",
    [
        "Date: 3/4/2026",
        "Notes: she was great",
        "The candidate said: yes we can.",
        "Communication: 4",  # no scale given: nothing to map it onto
        "Communication: 6/5",
        "Communication: 2/6",  # a scale we do not map
        "We went with someone else: sorry.",
        "",
    ],
)
def test_lines_that_are_not_scorecard_ratings_give_nothing(text):
    assert read_scorecard(text) == []


def test_a_whole_scorecard_in_order_first_line_per_skill_wins():
    text = "\n".join(
        [
            "Interview scorecard",
            "Communication: Strong yes",
            "Technical skills: 2 out of 5",
            "Technical depth: 4/4",
            "Overall: Lean no",
            "Your answers were clear.",
        ]
    )
    lines = read_scorecard(text)
    assert [(line.key, line.rating) for line in lines] == [
        ("communication", 4),
        ("role_knowledge", 2),
        (None, 2),
    ]
    assert scorecard_ratings(lines) == {"communication": 4, "role_knowledge": 2}


def test_five_and_three_point_scales_map_as_documented():
    assert [value_rating(f"{n}/5")[1] for n in range(1, 6)] == [1, 2, None, 3, 4]
    assert [value_rating(f"{n}/3")[1] for n in range(1, 4)] == [2, None, 3]
    assert [value_rating(f"{n}/4")[1] for n in range(1, 5)] == [1, 2, 3, 4]
    words = ["Definitely not", "No", "Mixed", "Yes", "Strong yes"]
    assert [value_rating(w)[1] for w in words] == [1, 2, None, 3, 4]


def test_attribute_names_of_other_scorecards():
    assert attribute_key("Technical depth") == "role_knowledge"
    assert attribute_key("Culture Add") == "motivation"
    assert attribute_key("OWNERSHIP") == "collaboration"
    assert attribute_key("Communication skills") == "communication"
    assert attribute_key("Problem-solving ability") == "problem_solving"
    assert attribute_key("Favourite colour") is None


def test_the_tables_only_name_our_skills_and_scale():
    assert set(ATTRIBUTES.values()) <= set(SKILL_KEYS)
    assert set(ATTRIBUTES.values()) == set(SKILL_KEYS)  # every skill can be named
    assert {v for v in VALUE_WORDS.values() if v is not None} <= {1, 2, 3, 4}
    for top, points in NUMERIC_SCALES.items():
        assert len(points) == top
        assert list(points) == sorted(points, key=lambda p: 2.5 if p is None else p)


@given(st.text(max_size=400))
def test_any_text_reads_without_error_and_lines_come_from_it(text):
    folded = " ".join(text.split())
    for line in read_scorecard(text):
        assert line.line in folded
        assert line.rating in (None, 1, 2, 3, 4)
