"""The scorecard reader: structured lines of interview notes read into proposed ratings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessment.reading import review
from assessment.reading.scorecard import (
    attribute_key,
    prose,
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


# ---- the Feedback page's rows of scorecard lines -------------------------------------------

NOTES = """Interview scorecard
Communication: Strong yes
Problem solving - 3/4
Technical skills: 2 out of 5
Culture add: Mixed
Recommendation: No hire
She was well prepared, but her SQL was weak."""


def test_scorecard_lines_become_rows_and_are_not_read_again_as_sentences():
    findings, rows = review.read_notes(NOTES)
    assert [r["line"] for r in rows] == [
        "Communication: Strong yes",
        "Problem solving - 3/4",
        "Technical skills: 2 out of 5",
        "Culture add: Mixed",
        "Recommendation: No hire",
    ]
    assert [(r["skill"], r["rating"], r["keep"]) for r in rows] == [
        ("Communication", "Strong strength", True),
        ("Problem solving", "Strength", True),
        ("Role knowledge", "Concern", True),
        ("Motivation & fit", "Not assessed", True),
        (None, rows[4]["rating"], False),  # an overall verdict: shown, never a rating
    ]
    assert "not a skill rating" in rows[4]["note"]
    # the sentence is read as ever; the lines are not findings a second time
    assert {f.quote for f in findings} == {"She was well prepared, but her SQL was weak."}
    assert {(f.key, f.polarity) for f in findings} == {("preparation", 1), ("role_knowledge", -1)}
    # a scorecard line rates a skill itself: it wins over what sentences suggest
    assert review.proposed_ratings(findings, rows) == {
        "communication": 4,
        "problem_solving": 3,
        "role_knowledge": 2,
        "preparation": 3,
    }


def test_kept_changed_and_dropped_lines():
    _, rows = review.read_notes(NOTES)
    rows[0]["keep"] = False  # dropped
    rows[1]["rating"] = "Concern"  # changed
    rows[2]["skill"] = "Evidence & examples"  # re-labelled
    assert review.card_ratings(rows) == {
        "problem_solving": 2,
        "evidence": 2,
        "motivation": None,
    }
    kept = review.card_findings(rows)
    assert [(f.key, f.polarity, f.quote) for f in kept] == [
        ("problem_solving", -1, "Problem solving - 3/4"),
        ("evidence", -1, "Technical skills: 2 out of 5"),
    ]  # "not assessed" and the overall verdict are no findings


def test_plain_feedback_has_no_scorecard_rows():
    findings, rows = review.read_notes("Your answers were clear, but your examples lacked numbers.")
    assert rows == [] and findings
    assert review.read_notes("") == ([], [])


def test_prose_keeps_everything_but_the_scorecard_lines():
    assert prose(NOTES).splitlines() == [
        "Interview scorecard",
        "She was well prepared, but her SQL was weak.",
    ]
    assert prose("No lines here.\nJust text.") == "No lines here.\nJust text."
