"""The Results page's logic: table, quadrants, findings review (the radar: test_figures.py)."""

from assessment import scoring
from assessment.models import Finding
from assessment.reading import reader, review
from assessment.skills import SKILL_NAMES
from assessment.views import report
from tests.cases import data_analyst_case


def sample():
    return scoring.assess(
        {"communication": 4, "evidence": 4, "motivation": 2, "composure": None},
        {"communication": 3, "evidence": 2, "motivation": 2},
    )


def test_table_carries_every_number_of_the_chart():
    table = report.skills_table(sample())
    assert list(table["Skill"]) == list(SKILL_NAMES.values())
    row = table.set_index("Skill").loc["Evidence & examples"]
    assert row["You (1-5)"] == "4" and row["Interviewer"] == "Concern"
    assert row["Quadrant"] == "Blind spot"
    composure = table.set_index("Skill").loc["Composure & confidence"]
    assert composure["Combined"] == "not rated"


def test_quadrant_groups():
    groups = report.quadrant_groups(sample())
    assert groups["confirmed_strength"] == ["Communication"]
    assert groups["blind_spot"] == ["Evidence & examples"]
    assert groups["growth_area"] == ["Motivation & fit"]
    assert groups["hidden_strength"] == []


def test_review_rows_round_trip_and_user_changes():
    findings = [
        Finding("evidence", -1, "Examples lacked numbers.", "hedged"),
        Finding("communication", 1, "Clear answers."),
        Finding("other_candidate", 0, "Someone more senior."),
    ]
    rows = review.finding_rows(findings)
    assert review.confirmed_findings(rows) == findings
    rows[1]["keep"] = False  # drop
    rows[0]["reads_as"] = "Problem solving"  # change
    confirmed = review.confirmed_findings(rows)
    assert [(f.key, f.polarity) for f in confirmed] == [
        ("problem_solving", -1),
        ("other_candidate", 0),
    ]


def test_review_fixes_impossible_polarities():
    rows = [
        {
            "keep": True,
            "quote": "q",
            "reads_as": "Evidence & examples",
            "polarity": "Outside your control",
        },
        {"keep": True, "quote": "q", "reads_as": "Compensation", "polarity": "Strength"},
    ]
    assert [(f.key, f.polarity) for f in review.confirmed_findings(rows)] == [
        ("evidence", -1),
        ("compensation", 0),
    ]


def test_suggested_ratings_from_findings():
    findings = [
        Finding("evidence", -1, "a", "hedged"),
        Finding("evidence", 1, "b"),
        Finding("communication", 1, "c", "strong"),
        Finding("composure", -1, "d", "strong"),
        Finding("motivation", 1, "e"),
        Finding("location", 0, "f"),
    ]
    assert reader.suggested_ratings(findings) == {
        "evidence": 2,
        "communication": 4,
        "composure": 1,
        "motivation": 3,
    }
    assert reader.fit_factor_keys(findings) == ["location"]


def test_table_says_the_interviewer_did_not_rate_this_and_never_calls_it_neutral():
    table = report.skills_table(sample()).set_index("Skill")
    assert table.loc["Role knowledge", "Interviewer"] == "the interviewer did not rate this"
    assert table.loc["Role knowledge", "Quadrant"] == "—"
    assert "Neutral" not in set(table["Quadrant"])
    # composure has neither rating: no group at all; the rest without a rating are self-only
    assert report.not_rated_names(sample()) == []
    self_only = scoring.assess({"composure": 4, "evidence": 3}, {"evidence": 2})
    assert report.not_rated_names(self_only) == ["Composure & confidence"]
    assert report.not_rated_sentence(self_only) == (
        "The interviewer did not rate this: Composure & confidence."
    )


def test_a_finding_shows_as_the_interviewers_side_in_the_table_and_groups():
    current = scoring.assess(
        {"evidence": 3, "preparation": 4},
        {},
        [Finding("evidence", -1, "No numbers."), Finding("preparation", 1, "Well researched.")],
    )
    table = report.skills_table(current).set_index("Skill")
    assert table.loc["Evidence & examples", "Interviewer"] == "Concern, from their feedback"
    assert table.loc["Evidence & examples", "Quadrant"] == "Growth area"
    groups = report.quadrant_groups(current)
    assert groups["growth_area"] == ["Evidence & examples"]
    assert groups["confirmed_strength"] == ["Preparation & research"]
    assert report.not_rated_names(current) == []


def test_data_analyst_case_results_document():
    case = data_analyst_case()
    current = scoring.assessment_of(case)
    doc = report.results_json(case.id, current)
    assert doc["rejection_id"] == 1
    assert doc["areas"] == ["role_knowledge", "evidence"]
    assert doc["strengths"][0] == "communication"
    skills = {s["key"]: s for s in doc["skills"]}
    assert list(skills) == list(SKILL_NAMES)
    assert skills["communication"] == {
        "key": "communication",
        "self": 4,
        "interviewer": 3,
        "combined": 3.8,
        "gap": 0.33,
        "quadrant": "confirmed_strength",
    }
    assert skills["role_knowledge"]["quadrant"] == "growth_area"
    assert skills["problem_solving"]["interviewer"] is None
    assert skills["problem_solving"]["quadrant"] == "neutral"

    text = report.results_markdown(case, current)
    areas = text.split("## Areas to work on")[1].split("## Calibration")[0]
    assert areas.index("Role knowledge") < areas.index("Evidence & examples")
    assert 'they said: "a candidate with more SQL experience"' in areas
    strengths = text.split("## Strengths")[1].split("## Areas")[0]
    assert "Communication" in strengths
    assert "Role knowledge" not in strengths and "Evidence" not in strengths
    assert "Neutral" not in text
    assert "The interviewer did not rate this: Problem solving" in text


def test_results_markdown_escapes_user_text():
    case = data_analyst_case(company="[Evil](http://x.example) *Co*")
    text = report.results_markdown(case, scoring.assessment_of(case))
    assert "[Evil](http" not in text and "\\[Evil\\]" in text
