"""Progress aggregates: filters, the point limit, halves, gaps, and figures without user text."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from assessment import storage
from assessment.models import Feedback, Reflection, Rejection
from assessment.views import progress
from assessment.views.progress import Filters
from tests.cases import load_as_own

DAY = dt.date(2026, 1, 1)
ROOT = Path(__file__).resolve().parent.parent


def rejection(company: str, days: int, stage: str = "onsite", own=None, theirs=None, mood=None):
    return Rejection(
        company=company,
        role="Analyst",
        stage=stage,
        rejected_on=DAY + dt.timedelta(days=days),
        self_ratings=own or {},
        reflection=Reflection(mood=mood, confidence=mood),
        feedback=Feedback(ratings=theirs or {}),
    )


@pytest.fixture
def db():
    database = storage.memory_db()
    for r in [
        rejection("Acme", 0, "screening", {"evidence": 2}, {"evidence": 1}, mood=2),
        rejection("Beta 100%", 10, "technical", {"evidence": 3}, None, mood=3),
        rejection("Acme Labs", 30, "onsite", {"evidence": 4}, {"evidence": 3}, mood=4),
        rejection("Delta", 34, "final", {"evidence": 5, "composure": 2}, None, mood=None),
    ]:
        storage.insert_rejection(database, r)
    storage.insert_rejection(database, rejection("Hidden", 5), "someone@else")
    return database


def test_filters_by_dates_stages_and_company(db):
    assert progress.count(db, "local") == 4
    assert progress.count(db, "local", Filters(start=DAY + dt.timedelta(days=10))) == 3
    assert progress.count(db, "local", Filters(end=DAY + dt.timedelta(days=10))) == 2
    assert progress.count(db, "local", Filters(stages=("onsite", "final"))) == 2
    assert progress.count(db, "local", Filters(company="ACME")) == 2
    assert progress.count(db, "local", Filters(company="100%")) == 1  # % is a character
    assert progress.count(db, "local", Filters(company="%")) == 1
    assert progress.count(db, "local", Filters(company="_")) == 0
    assert progress.count(db, "local", Filters(company="acme", stages=("onsite",))) == 1
    assert progress.date_bounds(db, "local") == (DAY, DAY + dt.timedelta(days=34))
    assert progress.date_bounds(storage.memory_db(), "local") is None


def test_skill_trend_has_a_point_per_rejection_while_few(db):
    trend = progress.skill_trend(db, "local")
    assert trend.by == "rejection" and not trend.summarised
    evidence = trend.frame[trend.frame["skill"] == "evidence"]
    assert list(evidence["score"].round(2)) == [1.4, 3.0, 3.8, 5.0]  # combined_score
    narrowed = progress.skill_trend(db, "local", Filters(company="acme")).frame
    assert len(narrowed[narrowed["skill"] == "evidence"]) == 2


def test_a_long_history_is_summarised_by_month(db, monkeypatch):
    monkeypatch.setattr(progress, "MAX_POINTS", 3)
    trend = progress.skill_trend(db, "local")
    assert trend.by == "month" and trend.summarised
    evidence = trend.frame[trend.frame["skill"] == "evidence"]
    # January: Acme, Beta, Acme Labs -> mean of 1.4, 3.0, 3.8; February: Delta
    assert [d.strftime("%Y-%m-%d") for d in evidence["when"]] == ["2026-01-01", "2026-02-01"]
    assert list(evidence["score"].round(2)) == [2.73, 5.0]
    assert list(evidence["rejections"]) == [3, 1]
    monkeypatch.setattr(progress, "MAX_POINTS", 1)
    assert progress.skill_trend(db, "local").by == "year"
    assert progress.mood_trend(db, "local").by == "year"


def test_mood_and_confidence_over_time(db):
    frame = progress.mood_trend(db, "local").frame
    mood = frame[frame["measure"] == "Mood"]
    assert list(mood["value"]) == [2.0, 3.0, 4.0]
    assert set(frame["measure"]) == {"Mood", "Confidence"}


def test_stages_reached_counts_where_each_ended_and_how_far_they_got(db):
    stages = progress.stages_reached(db, "local")
    assert list(stages["ended"]) == [1, 1, 1, 1, 0]
    assert list(stages["reached"]) == [4, 3, 2, 1, 0]
    assert list(stages["name"]) == [
        "Screening",
        "Technical",
        "Onsite",
        "Final round",
        "Offer stage",
    ]


def test_first_and_latest_rated_rejections(db):
    first, latest = progress.first_and_latest(db, "local")
    assert first.rejected_on == DAY and latest.rejected_on == DAY + dt.timedelta(days=34)
    assert first.combined["evidence"] == pytest.approx(1.4)
    assert first.interviewer["evidence"] == 1.0 and first.self_ratings["evidence"] == 2.0
    assert latest.combined["composure"] == 2.0 and latest.combined["communication"] is None
    assert progress.first_and_latest(db, "local", Filters(company="delta")) is None


def test_skill_change_compares_the_earlier_and_later_half(db):
    change = progress.skill_change(db, "local")
    evidence = change[change["skill"] == "evidence"].iloc[0]
    assert evidence["earlier"] == pytest.approx((1.4 + 3.0) / 2)
    assert evidence["later"] == pytest.approx((3.8 + 5.0) / 2)
    assert bool(evidence["improved"]) and evidence["name"] == "Evidence & examples"
    assert "composure" not in set(change["skill"])  # rated in one half only
    assert progress.skill_change(db, "local", Filters(company="delta")).empty


def test_the_change_table_shows_the_most_improved_first_in_words(db):
    change = progress.skill_change(db, "local")
    table = progress.change_table(change)
    assert list(table.columns) == ["Skill", "Earlier", "Later", "Change", "Result"]
    assert list(table["Change"]) == sorted(table["Change"], reverse=True)
    evidence = table[table["Skill"] == "Evidence & examples"].iloc[0]
    assert evidence["Result"] == "Improved"
    assert evidence["Earlier"] == round((1.4 + 3.0) / 2, 2)
    assert set(table["Result"]) <= {"Improved", "Not yet"}


def test_days_between_rejections(db):
    gaps = progress.gaps(db, "local")
    assert (gaps.count, gaps.median_days, gaps.latest_days) == (3, 10.0, 4)
    one = progress.gaps(db, "local", Filters(company="delta"))
    assert (one.count, one.median_days, one.latest_days) == (0, None, None)
    two = progress.gaps(db, "local", Filters(company="acme"))
    assert two.median_days == 30.0


def test_rejections_table_pages_newest_first(db):
    first_page = progress.rejections_table(db, "local", limit=2)
    assert list(first_page["Company"]) == ["Delta", "Acme Labs"]
    assert list(first_page.columns) == ["Rejected on", "Company", "Role", "Stage", "Average score"]
    assert list(progress.rejections_table(db, "local", limit=2, offset=2)["Company"]) == [
        "Beta 100%",
        "Acme",
    ]


def test_figures_carry_no_user_text_and_no_fixed_background():
    db = storage.memory_db()
    load_as_own(db)
    storage.insert_rejection(
        db,
        rejection("<a href='x'>Evil</a> :smile: $x$", 400, own={"evidence": 3}, mood=3),
    )
    figures = [
        progress.skill_trend_figure(progress.skill_trend(db, "local"), ["evidence", "composure"]),
        progress.mood_figure(progress.mood_trend(db, "local")),
        progress.stages_figure(progress.stages_reached(db, "local")),
        progress.first_latest_radar(*progress.first_and_latest(db, "local")),
    ]
    assert len(figures[0].data) == 2
    for fig in figures:
        text = fig.to_json()
        for company in ("Evil", "Acme", "Northwind", "BrightPath", "smile"):
            assert company not in text
        layout = json.loads(text)["layout"]
        assert "paper_bgcolor" not in layout and "plot_bgcolor" not in layout


def test_importing_progress_does_not_import_plotly():
    code = "import sys, assessment.views.progress, assessment.plan.patterns; print('plotly' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.stdout.strip() == "False"
