import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessment import scoring
from assessment.models import Finding
from assessment.skills import SKILL_KEYS
from tests.cases import data_analyst_case, with_feedback, with_self_ratings

self_values = st.one_of(st.none(), st.integers(1, 5))
interviewer_values = st.one_of(st.none(), st.integers(1, 4))


def test_interviewer_scale_maps_onto_one_to_five():
    assert [round(scoring.map_interviewer(v), 2) for v in (1, 2, 3, 4)] == [1.0, 2.33, 3.67, 5.0]
    assert scoring.map_interviewer(None) is None


def test_combined_weighs_the_outside_view_more():
    assert scoring.combined_score(5, 1) == pytest.approx(0.4 * 5 + 0.6 * 1)
    assert scoring.combined_score(1, 4) == pytest.approx(0.4 * 1 + 0.6 * 5)


def test_combined_uses_whichever_rating_exists():
    assert scoring.combined_score(4, None) == 4.0
    assert scoring.combined_score(None, 3) == pytest.approx(11 / 3)
    assert scoring.combined_score(None, None) is None


@given(self_values, interviewer_values)
def test_combined_is_between_the_two_views(self_rating, interviewer):
    combined = scoring.combined_score(self_rating, interviewer)
    values = [v for v in (self_rating, scoring.map_interviewer(interviewer)) if v is not None]
    if not values:
        assert combined is None
    else:
        assert min(values) - 1e-9 <= combined <= max(values) + 1e-9
        assert 1 <= combined <= 5


# The whole table: self 1..5 and "not sure" against interviewer 1..4 and "not assessed".
# High self is 4-5; "clearly lower" than an interviewer strength starts at 3.
QUADRANT_TABLE = {
    #       strong concern, concern,        strength,             strong strength
    5: ("blind_spot", "blind_spot", "confirmed_strength", "confirmed_strength"),
    4: ("blind_spot", "blind_spot", "confirmed_strength", "confirmed_strength"),
    3: ("growth_area", "growth_area", "hidden_strength", "hidden_strength"),
    2: ("growth_area", "growth_area", "hidden_strength", "hidden_strength"),
    1: ("growth_area", "growth_area", "hidden_strength", "hidden_strength"),
    None: ("growth_area", "growth_area", "hidden_strength", "hidden_strength"),
}


@pytest.mark.parametrize("self_rating", [1, 2, 3, 4, 5, None])
@pytest.mark.parametrize("interviewer", [1, 2, 3, 4])
def test_every_interviewer_rating_lands_in_exactly_one_of_four_quadrants(self_rating, interviewer):
    expected = QUADRANT_TABLE[self_rating][interviewer - 1]
    assert scoring.quadrant(self_rating, interviewer) == expected
    score = scoring.assess({"evidence": self_rating}, {"evidence": interviewer}).by_key()[
        "evidence"
    ]
    assert score.quadrant == expected
    assert score.quadrant != "neutral"


@pytest.mark.parametrize("self_rating", [1, 2, 3, 4, 5])
def test_neutral_only_without_an_interviewer_side_and_none_without_either(self_rating):
    assert scoring.quadrant(self_rating, None) == "neutral"
    assert scoring.quadrant(None, None) is None


def test_quadrant_thresholds_are_documented_values():
    assert scoring.HIGH_SELF == 4 and scoring.LOW_SELF == 2 and scoring.STRENGTH_FROM == 3
    assert scoring.FINDING_RATING == {1: 3, -1: 2}


@given(self_values, interviewer_values)
def test_an_interviewer_concern_is_never_a_strength_nor_a_strength_an_area(self_rating, theirs):
    result = scoring.assess({"motivation": self_rating}, {"motivation": theirs})
    strengths = [h.key for h in result.strengths]
    areas = [h.key for h in result.areas]
    if theirs is not None and theirs <= 2:
        assert "motivation" in areas and "motivation" not in strengths
    if theirs is not None and theirs >= 3:
        assert "motivation" in strengths and "motivation" not in areas
    assert not (set(strengths) & set(areas))


def test_missing_ratings_are_not_rated_never_zero():
    result = scoring.assess({}, {})
    assert all(s.combined is None for s in result.skills)
    assert all(s.quadrant is None for s in result.skills)
    assert result.average is None
    assert result.strengths == () and result.weaknesses == ()
    assert scoring.format_score(None) == "not rated"


def test_self_only_ratings_keep_domain_order_and_a_middling_three_is_neither():
    result = scoring.assess({k: 4 for k in SKILL_KEYS}, {})
    assert [h.key for h in result.strengths] == list(SKILL_KEYS)
    assert result.weaknesses == ()
    low = scoring.assess({k: 2 for k in SKILL_KEYS}, {})
    assert [h.key for h in low.weaknesses] == list(SKILL_KEYS)
    middling = scoring.assess({k: 3 for k in SKILL_KEYS}, {})
    assert middling.strengths == () and middling.weaknesses == ()
    assert all(s.quadrant == "neutral" for s in middling.skills)


def test_extreme_gap_is_an_area_to_work_on_with_a_reason_citing_ratings():
    result = scoring.assess(
        {"evidence": 5, "communication": 4}, {"evidence": 1, "communication": 4}
    )
    assert result.weaknesses[0].key == "evidence"
    reason = result.weaknesses[0].reason
    assert "5/5" in reason and "strong concern" in reason and "blind spot" in reason
    assert result.strengths[0].key == "communication"
    assert "confirmed strength" in result.strengths[0].reason


def test_both_high_is_a_confirmed_strength_even_with_a_gap():
    # self 5 against "strength" (3.67) is a gap of 1.33, but both views call it strong
    result = scoring.assess({"composure": 5}, {"composure": 3})
    assert result.by_key()["composure"].quadrant == "confirmed_strength"
    assert result.strengths[0].key == "composure"


def test_strengths_confirmed_then_hidden_then_self_only_whatever_the_scores():
    result = scoring.assess(
        {"communication": 4, "evidence": 2, "motivation": 5, "composure": 3},
        {"communication": 3, "evidence": 4},
    )
    # motivation (5.0, self only) scores higher than communication (3.8) but has less evidence
    assert [h.key for h in result.strengths] == ["communication", "evidence", "motivation"]
    assert "composure" not in [h.key for h in result.strengths + result.weaknesses]


def test_areas_blind_spots_then_growth_areas_worst_first_then_self_only_low():
    result = scoring.assess(
        {"communication": 1, "evidence": 4, "preparation": 3, "motivation": 5, "composure": 2},
        {"evidence": 2, "preparation": 1, "motivation": 1, "collaboration": 2},
    )
    # blind spots: motivation (strong concern) before evidence (concern); growth areas:
    # preparation (strong concern) before collaboration (not sure, concern); then self-only
    assert [h.key for h in result.weaknesses] == [
        "motivation",
        "evidence",
        "preparation",
        "collaboration",
        "communication",
        "composure",
    ]
    assert result.areas == result.weaknesses


def test_an_interviewer_strength_with_a_low_self_rating_is_never_an_area():
    # the old rules put (self 3, strength) under "areas" because its combined score was 3.4
    result = scoring.assess({"collaboration": 3}, {"collaboration": 3})
    assert result.by_key()["collaboration"].quadrant == "hidden_strength"
    assert [h.key for h in result.strengths] == ["collaboration"]
    assert result.weaknesses == ()


def test_average_is_over_rated_skills_only():
    result = scoring.assess({"communication": 4, "evidence": 2}, {})
    assert math.isclose(result.average, 3.0)
    assert result.by_key()["evidence"].gap is None


# ---- confirmed findings stand for missing ratings ------------------------------------------


def test_a_finding_with_no_rating_counts_like_its_polarity():
    result = scoring.assess(
        {"evidence": 4, "preparation": 4, "composure": 2},
        {},
        [
            Finding("evidence", -1, "Your examples lacked numbers."),
            Finding("preparation", 1, "You knew our product well."),
            Finding("composure", 1, "You stayed calm."),
        ],
    )
    by_key = result.by_key()
    assert by_key["evidence"].quadrant == "blind_spot"
    assert by_key["preparation"].quadrant == "confirmed_strength"
    assert by_key["composure"].quadrant == "hidden_strength"
    assert by_key["evidence"].interviewer_rating is None  # no rating was invented
    assert by_key["evidence"].combined == 4.0  # the combined score stays on the ratings
    assert by_key["evidence"].finding_quote == "Your examples lacked numbers."
    assert [h.key for h in result.weaknesses] == ["evidence"]
    assert [h.key for h in result.strengths] == ["preparation", "composure"]
    assert "the interviewer's feedback named it a concern" in result.weaknesses[0].reason


def test_a_finding_with_no_rating_and_no_self_rating_is_still_an_area():
    result = scoring.assess({}, {}, [Finding("evidence", -1, "No numbers.")])
    score = result.by_key()["evidence"]
    assert score.quadrant == "growth_area" and score.combined is None
    assert [h.key for h in result.weaknesses] == ["evidence"]
    assert result.weaknesses[0].score is None
    assert "not rated" not in result.weaknesses[0].reason


def test_mixed_findings_on_one_skill_resolve_to_the_concern():
    findings = [
        Finding("communication", 1, "Clear answers."),
        Finding("communication", -1, "But you rambled at times."),
    ]
    result = scoring.assess({"communication": 4}, {}, findings)
    score = result.by_key()["communication"]
    assert score.quadrant == "blind_spot"
    assert score.finding_quote == "But you rambled at times."
    assert "communication" not in [h.key for h in result.strengths]


def test_a_rating_outranks_a_finding_and_fit_factors_are_ignored():
    findings = [Finding("evidence", -1, "Few numbers."), Finding("other_candidate", 0, "x")]
    result = scoring.assess({"evidence": 4}, {"evidence": 3}, findings)
    assert result.by_key()["evidence"].quadrant == "confirmed_strength"
    assert result.by_key()["evidence"].finding_quote == ""
    assert [h.key for h in result.strengths] == ["evidence"]


# ---- the stated reason leads the areas -----------------------------------------------------


def test_the_reasons_skill_comes_first_among_the_areas_with_the_phrase():
    result = scoring.assess(
        {"role_knowledge": 3, "evidence": 4},
        {"role_knowledge": 2, "evidence": 1},
        reason_given="We went with a candidate with more SQL experience.",
    )
    # without the reason, the blind spot (evidence) would lead
    assert [h.key for h in result.weaknesses] == ["role_knowledge", "evidence"]
    assert result.weaknesses[0].said == "a candidate with more SQL experience"
    assert scoring.reason_line(result.weaknesses[0]) == (
        'they said: "a candidate with more SQL experience"'
    )
    assert result.weaknesses[1].said == ""
    assert result.reason.key == "role_knowledge"


def test_a_reason_pointing_at_a_strength_does_not_make_it_an_area():
    result = scoring.assess(
        {"role_knowledge": 4, "evidence": 3},
        {"role_knowledge": 3, "evidence": 2},
        reason_given="We went with a candidate with more SQL experience.",
    )
    assert [h.key for h in result.weaknesses] == ["evidence"]
    assert all(h.said == "" for h in result.weaknesses)
    assert [h.key for h in result.strengths] == ["role_knowledge"]


# ---- the Data Analyst case -----------------------------------------------------------------


def test_data_analyst_case_areas_strengths_and_quadrants():
    result = scoring.assessment_of(data_analyst_case())
    by_key = result.by_key()
    assert by_key["role_knowledge"].quadrant == "growth_area"
    assert by_key["evidence"].quadrant == "growth_area"
    assert by_key["communication"].quadrant == "confirmed_strength"
    assert [h.key for h in result.weaknesses] == ["role_knowledge", "evidence"]
    assert result.weaknesses[0].said == "a candidate with more SQL experience"
    strengths = [h.key for h in result.strengths]
    assert strengths[0] == "communication"
    assert "role_knowledge" not in strengths and "evidence" not in strengths
    assert not any(s.quadrant == "neutral" for s in result.skills if s.interviewer_side)
    assert result.in_quadrant("blind_spot") == []


@pytest.mark.parametrize(
    ("self_rating", "expected"), [(3, "growth_area"), (4, "blind_spot"), (5, "blind_spot")]
)
def test_data_analyst_case_concerns_with_self_ratings_three_four_and_five(self_rating, expected):
    case = with_self_ratings(data_analyst_case(), role_knowledge=self_rating, evidence=self_rating)
    result = scoring.assessment_of(case)
    assert result.by_key()["role_knowledge"].quadrant == expected
    assert result.by_key()["evidence"].quadrant == expected
    # the stated reason keeps role knowledge first, whatever the quadrants
    assert [h.key for h in result.weaknesses] == ["role_knowledge", "evidence"]
    strengths = [h.key for h in result.strengths]
    assert "role_knowledge" not in strengths and "evidence" not in strengths


def test_data_analyst_case_with_findings_but_no_ratings_gives_the_same_areas():
    case = with_feedback(data_analyst_case(), ratings={})
    result = scoring.assessment_of(case)
    assert [h.key for h in result.weaknesses] == ["role_knowledge", "evidence"]
    assert result.by_key()["communication"].quadrant == "confirmed_strength"
    assert result.strengths[0].key == "communication"
    assert all(s.interviewer_rating is None for s in result.skills)


def test_data_analyst_case_with_no_reason_keeps_the_evidence_order():
    case = with_self_ratings(data_analyst_case(reason_given=""), evidence=5)
    result = scoring.assessment_of(case)
    assert [h.key for h in result.weaknesses] == ["evidence", "role_knowledge"]
    assert result.reason is None and result.weaknesses[0].said == ""
