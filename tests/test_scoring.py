import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessment import scoring
from assessment.skills import SKILL_KEYS

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


@pytest.mark.parametrize(
    ("self_rating", "interviewer", "expected"),
    [
        (4, 3, "confirmed_strength"),
        (5, 4, "confirmed_strength"),
        (4, 2, "blind_spot"),
        (5, 1, "blind_spot"),
        (3, 1, "blind_spot"),
        (2, 2, "growth_area"),
        (1, 1, "growth_area"),
        (2, 3, "hidden_strength"),
        (1, 4, "hidden_strength"),
        (3, 3, "neutral"),
        (3, 2, "neutral"),
        (4, None, None),
        (None, 2, None),
    ],
)
def test_quadrants(self_rating, interviewer, expected):
    assert scoring.quadrant(self_rating, interviewer) == expected


def test_quadrant_thresholds_are_documented_values():
    assert scoring.HIGH == 3.5 and scoring.LOW == 2.5 and scoring.CLEAR_GAP == 1.0
    # interviewer "strength" (3.67) is high, "concern" (2.33) is low
    assert scoring.map_interviewer(3) >= scoring.HIGH
    assert scoring.map_interviewer(2) <= scoring.LOW


def test_missing_ratings_are_not_rated_never_zero():
    result = scoring.assess({}, {})
    assert all(s.combined is None for s in result.skills)
    assert result.average is None
    assert result.strengths == () and result.weaknesses == ()
    assert scoring.format_score(None) == "not rated"


def test_all_equal_ratings_keep_domain_order():
    result = scoring.assess({k: 4 for k in SKILL_KEYS}, {})
    assert [h.key for h in result.strengths] == list(SKILL_KEYS[:3])
    assert result.weaknesses == ()
    low = scoring.assess({k: 2 for k in SKILL_KEYS}, {})
    assert [h.key for h in low.weaknesses] == list(SKILL_KEYS[:3])


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


def test_average_is_over_rated_skills_only():
    result = scoring.assess({"communication": 4, "evidence": 2}, {})
    assert math.isclose(result.average, 3.0)
    assert result.by_key()["evidence"].gap is None
