"""Dates no form or import accepts, written straight into the database (year 1, year 9999):
the plan, the results, progress, patterns, the files and the CLI still work on them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from icalendar import Calendar

from assessment import backup, cli, scoring, storage
from assessment.models import Action
from assessment.plan import calendar, markdown, patterns, steps, strategies
from assessment.plan.texts import TITLE_DOOR
from assessment.views import history, progress, report
from tests.cases import load_as_own
from tests.helpers import PAGES, app_page

TODAY = dt.date(2026, 11, 25)
EXTREMES = [
    ("0001-01-01", "0001-01-01", "0001-01-01"),
    ("9999-12-31", "9999-12-31", "9999-12-31"),
    ("0001-01-01", "9999-12-31", "2026-11-01"),
    ("9999-12-31", "9999-12-25", "0001-01-02"),
]


def store_dates(db, days: tuple[str, ...]) -> list[int]:
    """Every date of the example rejections replaced, one day per rejection, by plain SQL."""
    load_as_own(db, today=TODAY)
    ids = [row[0] for row in db.execute("SELECT id FROM rejections ORDER BY id")]
    with db.conn:
        for rid, day in zip(ids, days, strict=True):
            db.execute(
                "UPDATE rejections SET rejected_on = ?, interviewed_on = ? WHERE id = ?",
                [day, day, rid],
            )
            db.execute(
                "UPDATE feedback SET status = 'requested', requested_on = ? WHERE rejection_id = ?",
                [day, rid],
            )
            db.execute(
                "UPDATE actions SET due_on = ?, done_on = NULL WHERE rejection_id = ?", [day, rid]
            )
    return ids


@pytest.mark.parametrize("days", EXTREMES)
def test_the_plan_and_its_files_work_on_any_stored_date(days):
    db = storage.memory_db()
    for rid in store_dates(db, days):
        rejection = storage.get_rejection(db, rid)
        plan = steps.build_plan(db, rid, today=TODAY)
        assert plan and [s.priority for s in plan] == list(range(1, len(plan) + 1))
        assert strategies.reconnect_date(rejection) >= rejection.rejected_on
        text = markdown.plan_markdown(rejection, plan, today=TODAY)
        assert f"Rejected on {rejection.rejected_on.isoformat()}" in text
        # the calendar holds only what the user took on: keep the door open, due that day
        door = Action("keep_door_open", TITLE_DOOR, None, due_on=rejection.rejected_on, id=0)
        taken_on = steps.merge_actions(plan, (door,))
        cal = Calendar.from_ical(calendar.plan_calendar(rejection, taken_on))
        assert cal.walk("VEVENT") and cal.walk("VALARM")
        steps.progress(plan, TODAY)


@pytest.mark.parametrize("days", EXTREMES)
def test_results_progress_and_patterns_work_on_any_stored_date(days):
    db = storage.memory_db()
    for rid in store_dates(db, days):
        current = scoring.assessment_of(storage.get_rejection(db, rid))
        report.skills_table(current)
        report.radar_of(db, rid, storage.LOCAL_OWNER)
    owner = storage.LOCAL_OWNER
    first, last = progress.date_bounds(db, owner)
    assert first.isoformat() == min(days) and last.isoformat() == max(days)
    progress.skill_trend_figure(progress.skill_trend(db, owner))
    progress.mood_figure(progress.mood_trend(db, owner))
    progress.stages_figure(progress.stages_reached(db, owner))
    ends = progress.first_and_latest(db, owner)
    if ends:
        progress.first_latest_radar(*ends)
    progress.skill_change(db, owner)
    progress.gaps(db, owner)
    progress.rejections_table(db, owner)
    patterns.find_patterns(db, owner)
    history.history_table(storage.list_rejections(db, owner))
    backup.export_csv(db, owner)


def test_a_backup_of_such_dates_is_refused_naming_the_field():
    db = storage.memory_db()
    store_dates(db, EXTREMES[1])
    raw = backup.dumps_backup(backup.export_backup(db))
    with pytest.raises(backup.BackupError) as err:
        backup.parse_backup(raw, today=TODAY)
    assert err.value.message.startswith("Rejection 1 (Northwind Logistics), field rejected_on: ")
    assert err.value.message.endswith("Rejection date cannot be in the future.")


@pytest.mark.parametrize("days", EXTREMES)
@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_the_cli_plan_prints_any_stored_date(tmp_path, capsys, days, fmt):
    path = tmp_path / "r.db"
    db = storage.connect(path)
    ids = store_dates(db, days)
    db.close()
    for rid in ids:
        code = cli.main(["plan", "--db", str(path), "--rejection", str(rid), "--format", fmt])
        out, err = capsys.readouterr()
        assert (code, err) == (0, "")
        if fmt == "json":
            assert json.loads(out)
        else:
            assert out.startswith("# Next steps: ")
    assert cli.main(["plan", "--db", str(path)]) == 0  # --latest: the most recent date
    capsys.readouterr()


@pytest.mark.parametrize("days", [*EXTREMES, ("2026-13-45", "not a date", "")])
def test_every_page_shows_any_stored_date(db, days):
    ids = store_dates(db, days)
    for rid in ids:
        for page in PAGES:
            at = app_page(page, rejection=str(rid))
            assert not at.exception, (page, days, [e.value for e in at.exception])
