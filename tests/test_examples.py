"""The example data set is fenced off: marked where it is stored, never part of the user's
own patterns, progress, averages, "previous rejection", backup or CSV, removed in one go."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from assessment import backup, cli, erase, examples, storage
from assessment.models import Action, Feedback, Reflection, Rejection
from assessment.plan import patterns, steps
from assessment.scoring import assessment_of
from assessment.views import progress, report
from tests.cases import TODAY

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
BEFORE_0006 = "0006_examples"


def own_rejection(company: str, days_ago: int, concern: str = "evidence", **changes) -> Rejection:
    """One of the user's own: a concern the interviewer rated, at the screening stage, so
    three of them make a pattern of each kind the examples could feed."""
    values = dict(
        company=company,
        role="Analyst",
        stage="screening",
        rejected_on=TODAY - dt.timedelta(days=days_ago),
        reflection=Reflection("went well", "do differently", "", 2, 3),
        self_ratings={"communication": 4, concern: 3},
        feedback=Feedback(status="received", text="Fine.", ratings={concern: 2}),
    )
    values.update(changes)
    return Rejection(**values)


def own_data(db) -> list[int]:
    days = (40, 20, 10)
    return [storage.insert_rejection(db, own_rejection(f"Own {d}", d)) for d in days]


def what_the_user_sees(db, ids: list[int]) -> dict:
    """Everything of the user's own that examples must not change."""
    every = progress.Filters()
    return {
        "plans": {rid: steps.build_plan(db, rid, today=TODAY) for rid in ids},
        "patterns": patterns.find_patterns(db),
        "needed": patterns.rejections_needed(db),
        "bounds": progress.date_bounds(db, "local"),
        "count": progress.count(db, "local", every),
        "skills": progress.skill_trend(db, "local").frame.to_dict("records"),
        "moods": progress.mood_trend(db, "local").frame.to_dict("records"),
        "stages": progress.stages_reached(db, "local").to_dict("records"),
        "ends": progress.first_and_latest(db, "local"),
        "change": progress.skill_change(db, "local").to_dict("records"),
        "gaps": progress.gaps(db, "local"),
        "table": progress.rejections_table(db, "local").to_dict("records"),
        "averages": {rid: assessment_of(storage.get_rejection(db, rid)).average for rid in ids},
        "previous": {rid: storage.previous_rejection_id(db, rid) for rid in ids},
        "latest": storage.latest_rejection_id(db),
        "recent": steps.recent_rejection_count(db, "local", TODAY),
    }


def test_loading_examples_next_to_the_users_data_changes_none_of_their_advice(db):
    ids = own_data(db)
    before = what_the_user_sees(db, ids)
    backup_before = backup.dumps_backup(backup.export_backup(db, now=NOW))
    csv_before = backup.export_csv(db)
    assert before["patterns"]  # the user's own data has patterns the examples could change

    assert examples.load_examples(db, today=TODAY) == 3
    after = what_the_user_sees(db, ids)
    for key in before:
        assert after[key] == before[key], key
    for plan in after["plans"].values():
        for step in plan:
            for company in ("Acme", "BrightPath", "Northwind"):
                assert company not in step.why + step.detail + step.message, step
    assert backup.dumps_backup(backup.export_backup(db, now=NOW)) == backup_before
    assert backup.export_csv(db) == csv_before

    assert erase.delete_examples(db) == 3
    assert what_the_user_sees(db, ids) == before
    # byte-identical: the same document, the same text
    assert backup.dumps_backup(backup.export_backup(db, now=NOW)) == backup_before
    assert storage.count_rejections(db) == 3 and storage.count_examples(db) == 0


def test_loading_never_touches_the_users_rows_and_never_doubles(db):
    own = storage.insert_rejection(db, own_rejection("Acme Analytics", 5, role="Data Analyst"))
    row = lambda: db.execute("SELECT * FROM rejections WHERE id = ?", [own]).fetchone()  # noqa: E731
    mine = row()
    assert examples.load_examples(db, today=TODAY) == 3
    assert examples.load_examples(db, today=TODAY + dt.timedelta(days=9)) == 0
    assert "already here; nothing was added" in examples.loaded_message(0)
    assert row() == mine and not storage.get_rejection(db, own).example
    assert storage.count_examples(db) == 3 and storage.count_rejections(db) == 4
    # one deleted by hand comes back alone; the others are not doubled
    first = db.execute("SELECT min(id) FROM rejections WHERE example = 1").fetchone()[0]
    storage.delete_rejection(db, first)
    assert examples.load_examples(db, today=TODAY) == 1
    assert storage.count_examples(db) == 3
    assert examples.load_examples(db, owner="other@x.org", today=TODAY) == 3


def test_removing_examples_takes_only_them_in_one_transaction(db):
    own = storage.insert_rejection(db, own_rejection("Mine", 3))
    storage.add_action(db, own, Action("shore_up", "Practise", skill="evidence"))
    examples.load_examples(db, today=TODAY)
    examples.load_examples(db, owner="other@x.org", today=TODAY)
    ids = [r[0] for r in db.execute("SELECT id FROM rejections WHERE example = 1 AND owner = ?",
                                    ["local"])]  # fmt: skip
    statements = []
    db.conn.set_trace_callback(statements.append)
    try:
        assert erase.delete_examples(db) == 3
    finally:
        db.conn.set_trace_callback(None)
    assert [s for s in statements if s.startswith(("BEGIN", "COMMIT"))] == [
        "BEGIN IMMEDIATE",
        "COMMIT",
    ]
    for table in ("rejections", *storage.CHILD_TABLES):
        column = "id" if table == "rejections" else "rejection_id"
        left = db.execute(
            f"SELECT count(*) FROM {table} WHERE {column} IN ({','.join('?' * len(ids))})", ids
        ).fetchone()[0]
        assert left == 0, table
    assert storage.get_rejection(db, own).actions[0].title == "Practise"
    assert storage.count_examples(db, "other@x.org") == 3  # another owner's stay
    assert erase.delete_examples(db) == 0


def test_an_examples_own_plan_results_and_previous_stay_among_the_examples(db):
    own_data(db)
    examples.load_examples(db, today=TODAY)
    ids = [r["id"] for r in storage.list_rejections(db) if r["example"]]  # newest first
    acme, brightpath, northwind = ids
    assert storage.previous_rejection_id(db, acme) == brightpath
    assert storage.previous_rejection_id(db, northwind) is None
    plan = steps.build_plan(db, acme, today=TODAY)
    assert plan and all("Own " not in s.why + s.message for s in plan)
    assert report.radar_of(db, acme, "local").data
    assert storage.get_rejection(db, acme).example
    # the user's latest is theirs, even though the examples are more recent
    assert not storage.get_rejection(db, storage.latest_rejection_id(db)).example
    # with only the examples, Progress looks at them alone
    only = storage.memory_db()
    examples.load_examples(only, today=TODAY)
    assert progress.date_bounds(only, "local") is None
    assert progress.count(only, "local", progress.Filters(examples=True)) == 3


def test_the_csv_has_none_of_the_examples_and_keeps_non_ascii_names(db):
    storage.insert_rejection(db, own_rejection("Zoë & Łódź 東京", 3, role="=Analyst"))
    examples.load_examples(db, today=TODAY)
    data = backup.export_csv(db)
    assert data.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(data.encode("utf-8").decode("utf-8-sig"), newline="")))
    assert rows[0] == list(backup.CSV_HEADER)
    assert len(rows) == 1 + 8
    assert {r[1] for r in rows[1:]} == {"Zoë & Łódź 東京"}
    assert {r[2] for r in rows[1:]} == {"'=Analyst"}
    assert {r[3] for r in rows[1:]} == {"Screening"}


def test_the_command_line_list_reads_the_stored_marker(tmp_path, capsys):
    path = tmp_path / "r.db"
    db = storage.connect(path)
    examples.load_examples(db, today=TODAY)
    # the user's own rejection with an example's company, role and stage is still theirs
    storage.insert_rejection(db, own_rejection("Acme Analytics", 1, role="Data Analyst",
                                               stage="onsite"))  # fmt: skip
    db.close()
    assert cli.main(["list", "--db", str(path), "--format", "json"]) == 0
    rows = __import__("json").loads(capsys.readouterr().out)
    assert [r["example"] for r in rows] == [False, True, True, True]


# ---- migration 0006 --------------------------------------------------------------------


def database_before_0006(path: Path):
    """A database file as the version before 0006 left it (migrations 0001 to 0005)."""
    db = storage.Database(sqlite3.connect(path))
    db.register_function(storage.combined_score, deterministic=True)
    storage.migrations.apply(db, stop_before=BEFORE_0006)
    assert [m.name for m in storage.migrations.applied(db)][-1] == "0005_settings"
    assert "example" not in db["rejections"].columns_dict
    return db


def test_migration_0006_marks_the_examples_an_earlier_version_loaded(tmp_path):
    path = tmp_path / "old.db"
    old = database_before_0006(path)
    # the old way: the example set written as plain rows, for two owners, on different days
    for rejection in examples.example_rejections(dt.date(2026, 9, 1)):
        storage.insert_rejection(old, rejection)
    for rejection in examples.example_rejections(dt.date(2026, 10, 1)):
        storage.insert_rejection(old, replace(rejection, company=f"  {rejection.company.upper()} "),
                                 owner="b@x.org")  # fmt: skip
    own = {
        "Mine": storage.insert_rejection(old, own_rejection("Mine", 3)),
        # same company and role as an example, another stage: the user's own
        "Acme, final": storage.insert_rejection(
            old, own_rejection("Acme Analytics", 2, role="Data Analyst", stage="final")
        ),
    }
    old.conn.commit()
    old.close()

    db = storage.connect(path)
    assert BEFORE_0006 in [m.name for m in storage.migrations.applied(db)]
    marked = db.execute("SELECT owner, company, example FROM rejections ORDER BY id").fetchall()
    assert [m[2] for m in marked] == [1, 1, 1, 1, 1, 1, 0, 0]
    for rid in own.values():
        assert not storage.get_rejection(db, rid).example
    assert storage.count_examples(db) == 3 and storage.count_examples(db, "b@x.org") == 3
    # from here on the stored marker is what counts
    exported = backup.export_backup(db)["rejections"]
    assert [(r["company"], r["stage"]) for r in exported] == [
        ("Mine", "screening"),
        ("Acme Analytics", "final"),
    ]
    assert erase.delete_examples(db) == 3
    assert storage.count_rejections(db) == 2
    # a new rejection named like an example is the user's own
    rid = storage.save_reflection(
        db, own_rejection("Northwind Logistics", 1, role="Junior Data Analyst", stage="technical")
    )
    assert not storage.get_rejection(db, rid).example
    # the copy taken before migrating has no marker column
    (copy,) = storage.migration_copies(path)
    assert "example" not in storage.Database(sqlite3.connect(copy))["rejections"].columns_dict


def test_migration_0006_leaves_a_database_without_examples_as_it_was(tmp_path):
    path = tmp_path / "old.db"
    old = database_before_0006(path)
    rid = storage.insert_rejection(old, own_rejection("Mine", 3))
    old.conn.commit()
    before = storage.get_rejection(old, rid)
    old.close()
    db = storage.connect(path)
    after = storage.get_rejection(db, rid)
    assert after == replace(before, example=False) and not after.example


# ---- Home's next step --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("feedback", "actions", "expected"),
    [
        (Feedback(), (), "feedback"),
        (Feedback(status="requested", requested_on=TODAY), (), "feedback"),
        (Feedback(status="declined"), (), "results"),
        (Feedback(status="received", text="Clear answers."), (), "results"),
        (Feedback(ratings={"evidence": 2}), (), "results"),
        (Feedback(status="received", text="x"), (Action("shore_up", "Practise"),), "next_steps"),
    ],
)
def test_home_offers_feedback_only_until_it_exists(feedback, actions, expected):
    rejection = own_rejection("Mine", 3, feedback=feedback, actions=actions)
    following = report.next_page(rejection)
    assert following.page == expected
    if expected != "feedback":
        assert following.label != "Record feedback"
