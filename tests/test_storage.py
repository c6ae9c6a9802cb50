import datetime as dt
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from assessment import examples, storage
from assessment.models import Action, Feedback, Finding, Reflection, Rejection

DATA = Path(__file__).parent / "data"


def make_rejection(**changes) -> Rejection:
    values = dict(
        company="Acme",
        role="Analyst",
        stage="onsite",
        rejected_on=dt.date(2026, 10, 9),
        interviewed_on=dt.date(2026, 10, 2),
        contact_name="Priya",
        reason_given="More experience.",
        fit_factors=("other_candidate",),
        reflection=Reflection("went well", "differently", "outside", 2, 3),
        self_ratings={"communication": 4, "evidence": 3},
    )
    values.update(changes)
    return Rejection(**values)


def test_new_database_uses_wal_and_has_the_schema(db_path):
    db = storage.connect(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert {"rejections", "reflections", "ratings", "feedback", "findings", "actions"} <= set(
        db.table_names()
    )
    assert [m.name for m in storage.migrations.applied(db)][:4] == [
        "0001_initial",
        "0002_accounts",
        "0003_skill_ratings_view",
        "0004_feedback_received",
    ]
    assert oct(db_path.stat().st_mode & 0o777) == "0o600"


def test_round_trip_of_a_reflection_keeps_text_exactly(db):
    text = "Line one\nLine two <b>bold</b> :smile: $x^2$ ![](http://x) 😀 \u202e"
    rid = storage.save_reflection(
        db, make_rejection(company="Ünïcode & <Co>", reflection=Reflection(went_well=text))
    )
    loaded = storage.get_rejection(db, rid)
    assert loaded.company == "Ünïcode & <Co>"
    assert loaded.reflection.went_well == text
    assert loaded.self_ratings["communication"] == 4
    assert loaded.self_ratings["role_knowledge"] is None
    assert loaded.fit_factors == ("other_candidate",)
    assert loaded.interviewed_on == dt.date(2026, 10, 2)


def test_editing_updates_in_place_and_keeps_feedback(db):
    rid = storage.save_reflection(db, make_rejection())
    storage.save_feedback(db, rid, Feedback(status="received", text="t", ratings={"evidence": 2}))
    edited = storage.get_rejection(db, rid)
    storage.save_reflection(
        db,
        Rejection(
            **{**edited.__dict__, "role": "Senior Analyst", "self_ratings": {"evidence": 5}},
        ),
    )
    again = storage.get_rejection(db, rid)
    assert again.role == "Senior Analyst"
    assert again.self_ratings["communication"] is None
    assert again.self_ratings["evidence"] == 5
    assert again.feedback.ratings["evidence"] == 2
    assert storage.count_rejections(db) == 1


def test_feedback_round_trip_with_findings_and_fit_factors(db):
    rid = storage.save_reflection(db, make_rejection(fit_factors=()))
    findings = (Finding("evidence", -1, "No numbers."), Finding("location", 0, "Too far."))
    storage.save_feedback(
        db,
        rid,
        Feedback(
            status="requested",
            requested_on=dt.date(2026, 10, 10),
            text="No numbers. Too far.",
            findings=findings,
            ratings={"evidence": 2, "communication": 4},
        ),
        fit_factors=("location",),
    )
    loaded = storage.get_rejection(db, rid)
    assert loaded.feedback.status == "received"  # the first feedback saved: it came
    assert loaded.feedback.requested_on == dt.date(2026, 10, 10)
    assert [(f.key, f.polarity, f.quote) for f in loaded.feedback.findings] == [
        ("evidence", -1, "No numbers."),
        ("location", 0, "Too far."),
    ]
    assert loaded.feedback.ratings["communication"] == 4
    assert loaded.fit_factors == ("location",)


def test_a_failed_save_writes_nothing(db, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(storage, "_replace_ratings", broken)
    with pytest.raises(RuntimeError):
        storage.save_reflection(db, make_rejection())
    assert storage.count_rejections(db) == 0
    assert db.execute("SELECT count(*) FROM reflections").fetchone()[0] == 0


def test_one_transaction_per_save(db):
    statements = []
    db.conn.set_trace_callback(statements.append)
    storage.save_reflection(db, make_rejection())
    db.conn.set_trace_callback(None)
    begins = [s for s in statements if s.strip().upper().startswith("BEGIN")]
    commits = [s for s in statements if s.strip().upper().startswith("COMMIT")]
    assert begins == ["BEGIN IMMEDIATE"]
    assert len(commits) == 1


def test_owner_scoping(db):
    rid = storage.save_reflection(db, make_rejection(), owner="a@example.com")
    assert storage.get_rejection(db, rid, "b@example.com") is None
    assert storage.latest_rejection_id(db, "b@example.com") is None
    assert storage.list_rejections(db, "b@example.com") == []
    assert storage.delete_rejection(db, rid, "b@example.com") is False
    with pytest.raises(storage.StorageError):
        storage.save_feedback(db, rid, Feedback(), owner="b@example.com")
    assert storage.get_rejection(db, rid, "a@example.com") is not None


def test_delete_removes_everything_that_belongs_to_it(example_db):
    rid = storage.latest_rejection_id(example_db)
    storage.add_action(example_db, rid, Action("keep_door_open", "Thank them"))
    assert storage.delete_rejection(example_db, rid)
    for table in storage.CHILD_TABLES:
        count = example_db.execute(
            f"SELECT count(*) FROM {table} WHERE rejection_id = ?", [rid]
        ).fetchone()[0]
        assert count == 0, table
    assert storage.count_rejections(example_db) == 2


def test_latest_and_previous_follow_rejection_dates(db):
    first = storage.save_reflection(db, make_rejection(rejected_on=dt.date(2026, 9, 1)))
    third = storage.save_reflection(db, make_rejection(rejected_on=dt.date(2026, 11, 1)))
    second = storage.save_reflection(db, make_rejection(rejected_on=dt.date(2026, 10, 1)))
    tie = storage.save_reflection(db, make_rejection(rejected_on=dt.date(2026, 11, 1)))
    assert storage.latest_rejection_id(db) == tie
    assert storage.previous_rejection_id(db, tie) == third
    assert storage.previous_rejection_id(db, third) == second
    assert storage.previous_rejection_id(db, second) == first
    assert storage.previous_rejection_id(db, first) is None


def test_the_latest_is_the_users_own_before_any_example_and_is_looked_up_by_index(db):
    assert storage.latest_rejection_id(db) is None
    examples.load_examples(db, today=dt.date(2026, 12, 1))
    example = storage.latest_rejection_id(db)
    assert storage.get_rejection(db, example).example
    assert storage.count_examples(db) == 3
    own = storage.save_reflection(db, make_rejection(rejected_on=dt.date(2020, 1, 1)))
    assert storage.latest_rejection_id(db) == own  # older than every example, still first
    assert storage.count_examples(db) == 3
    for sql, params in (
        (
            "SELECT id FROM rejections WHERE owner = ? AND example = ? "
            "ORDER BY rejected_on DESC, id DESC LIMIT 1",
            ["local", 0],
        ),
        ("SELECT count(*) FROM rejections WHERE owner = ? AND example = 1", ["local"]),
    ):
        (plan,) = [row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
        assert plan.startswith("SEARCH rejections USING COVERING INDEX"), plan


def test_list_rejections_pages_and_scores_with_the_one_function(example_db):
    rows = storage.list_rejections(example_db)
    assert [r["company"] for r in rows] == [
        "Acme Analytics",
        "BrightPath Health",
        "Northwind Logistics",
    ]
    latest = storage.get_rejection(example_db, rows[0]["id"])
    from assessment.scoring import assessment_of

    assert rows[0]["average"] == pytest.approx(assessment_of(latest).average)
    assert len(storage.list_rejections(example_db, limit=2)) == 2
    assert storage.list_rejections(example_db, limit=2, offset=2)[0]["company"] == (
        "Northwind Logistics"
    )


def test_actions_accept_complete_and_reopen(db):
    rid = storage.save_reflection(db, make_rejection())
    aid = storage.add_action(db, rid, Action("shore_up", "Practise", skill="evidence"))
    storage.update_action(db, aid, done_on=dt.date(2026, 11, 1))
    assert storage.get_rejection(db, rid).actions[0].done_on == dt.date(2026, 11, 1)
    storage.update_action(db, aid, done_on=None)
    action = storage.get_rejection(db, rid).actions[0]
    assert action.done_on is None and action.skill == "evidence"
    storage.remove_action(db, aid)
    assert storage.get_rejection(db, rid).actions == ()


def test_migrations_on_an_existing_database_are_a_no_op(db_path):
    db = storage.connect(db_path)
    storage.save_reflection(db, make_rejection())
    db.close()
    again = storage.connect(db_path)
    assert storage.count_rejections(again) == 1
    assert len(storage.migrations.applied(again)) == len(storage.migrations._migrations)


def test_first_schema_fixture_opens_with_todays_code(tmp_path):
    copy = tmp_path / "old.db"
    shutil.copy(DATA / "schema_0001.db", copy)
    db = storage.connect(copy)
    assert not storage.migrations.pending(db)
    expected = examples.example_rejections(dt.date(2026, 11, 25))
    rows = storage.list_rejections(db)
    assert len(rows) == len(expected)
    for row in rows:
        loaded = storage.get_rejection(db, row["id"])
        original = next(r for r in expected if r.company == loaded.company)
        assert loaded.reflection == original.reflection
        assert loaded.feedback.text == original.feedback.text
        assert {k: v for k, v in loaded.self_ratings.items() if v is not None} == {
            k: v for k, v in original.self_ratings.items() if v is not None
        }
        assert loaded.feedback.findings == original.feedback.findings


def test_a_file_that_is_not_a_database_is_reported_and_left_alone(tmp_path):
    path = tmp_path / "broken.db"
    path.write_bytes(b"this is not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(storage.StorageError) as info:
        storage.connect(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before


def test_write_failures_become_storage_errors(db):
    db.execute("PRAGMA query_only = ON")
    with pytest.raises(storage.StorageError, match="read-only|could not be written"):
        storage.save_reflection(db, make_rejection())
    db.execute("PRAGMA query_only = OFF")


def test_default_path_honours_rebound_db(monkeypatch, tmp_path):
    monkeypatch.setenv("REBOUND_DB", str(tmp_path / "x.db"))
    assert storage.default_db_path() == tmp_path / "x.db"
    monkeypatch.delenv("REBOUND_DB")
    assert storage.default_db_path().name == "rebound.db"


def test_example_data_has_three_rejections_over_two_months(db):
    assert examples.load_examples(db) == 3
    rows = storage.list_rejections(db)
    dates = sorted(dt.date.fromisoformat(r["rejected_on"]) for r in rows)
    assert 40 <= (dates[-1] - dates[0]).days <= 70
    assert len({r["stage"] for r in rows}) == 3
    assert all(r["average"] is not None for r in rows)


def test_sqlite_errors_do_not_leak_when_connect_fails(tmp_path):
    (tmp_path / "dir.db").mkdir()
    with pytest.raises(storage.StorageError):
        storage.connect(tmp_path / "dir.db")
    assert sqlite3.sqlite_version


def test_a_backup_is_made_before_migrating(tmp_path, monkeypatch):
    from sqlite_utils.migrations import Migrations

    path = tmp_path / "old.db"
    shutil.copy(DATA / "schema_0001.db", path)
    newer = Migrations("rebound")
    newer(name="0001_initial")(storage._initial)

    @newer(name="0002_example")
    def _add_column(db):
        db["rejections"].add_column("example", str)

    monkeypatch.setattr(storage, "migrations", newer)
    db = storage.connect(path)
    assert "example" in db["rejections"].columns_dict
    (backup,) = storage.migration_copies(path)
    assert oct(backup.stat().st_mode & 0o777) == "0o600"
    old = storage.Database(sqlite3.connect(backup))
    assert "example" not in old["rejections"].columns_dict
    assert old.execute("SELECT count(*) FROM rejections").fetchone()[0] == 3


def test_only_the_last_few_backups_are_kept(db_path, db):

    for _ in range(storage.KEEP_COPIES + 2):
        storage.copy_before_migrating(db, db_path)
    assert len(storage.migration_copies(db_path)) == storage.KEEP_COPIES


def test_a_new_file_gets_no_backup(db_path, db):

    assert storage.migration_copies(db_path) == []


def test_a_page_of_history_reads_only_its_own_ratings(db):
    """The ratings pivot filters inside its grouping (SQLite pushes no filter into a grouped
    view), so History's page of 50 looks up its ratings by index instead of reading them all."""
    sql = f"SELECT * FROM {storage.skill_ratings('SELECT id FROM rejections LIMIT 50')}"
    plan = " ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}"))
    assert "SEARCH ratings USING" in plan and "SCAN ratings" not in plan, plan


def test_the_view_and_the_pivot_agree(example_db):
    by_view = sorted(example_db.execute("SELECT * FROM skill_ratings"))
    pivot = storage.skill_ratings("SELECT id FROM rejections")
    assert by_view == sorted(example_db.execute(f"SELECT * FROM {pivot}")) and by_view


# ---- feedback status follows the facts (issue 13, item 2) -------------------------------


def test_saving_the_first_feedback_marks_it_received_then_keeps_the_users_choice(db):
    rid = storage.save_reflection(db, make_rejection())
    text_only = Feedback(status="not_requested", text="Your examples lacked numbers.")
    assert storage.save_feedback(db, rid, text_only) == "received"
    assert storage.get_rejection(db, rid).feedback.status == "received"
    # the user sets it back to "requested" on purpose: kept, on this save and the next ones
    chosen = replace(text_only, status="requested", requested_on=dt.date(2026, 10, 10))
    assert storage.save_feedback(db, rid, chosen) == "requested"
    assert storage.save_feedback(db, rid, replace(chosen, text="More.")) == "requested"
    assert storage.get_rejection(db, rid).feedback.status == "requested"
    assert storage.save_feedback(db, rid, replace(chosen, status="declined")) == "declined"


@pytest.mark.parametrize(
    "feedback",
    [
        Feedback(status="requested", requested_on=dt.date(2026, 10, 10), ratings={"evidence": 2}),
        Feedback(status="not_requested", findings=(Finding("evidence", -1, "No numbers."),)),
        Feedback(status="not_requested", text="Clear answers."),
    ],
    ids=["ratings", "findings", "text"],
)
def test_ratings_findings_or_text_alone_mark_feedback_received(db, feedback):
    rid = storage.save_reflection(db, make_rejection())
    assert storage.save_feedback(db, rid, feedback) == "received"
    assert storage.get_rejection(db, rid).feedback.status == "received"


@pytest.mark.parametrize(
    ("feedback", "status"),
    [
        (Feedback(status="not_requested"), "not_requested"),
        (Feedback(status="not_requested", text=" \n\t"), "not_requested"),
        (Feedback(status="requested", requested_on=dt.date(2026, 10, 10)), "requested"),
        (Feedback(status="declined", text="We don't give feedback."), "declined"),
    ],
    ids=["nothing", "blank text", "waiting", "declined"],
)
def test_without_feedback_or_when_declined_the_status_stays(db, feedback, status):
    rid = storage.save_reflection(db, make_rejection())
    assert storage.save_feedback(db, rid, feedback) == status
    assert storage.get_rejection(db, rid).feedback.status == status


BEFORE_0004 = "0004_feedback_received"


def old_database(path: Path):
    """A database file as the version before 0004 left it (migrations 0001 to 0003 only)."""
    db = storage.Database(sqlite3.connect(path))
    db.register_function(storage.combined_score, deterministic=True)
    storage.migrations.apply(db, stop_before=BEFORE_0004)
    assert [m.name for m in storage.migrations.applied(db)] == [
        "0001_initial",
        "0002_accounts",
        "0003_skill_ratings_view",
    ]
    return db


def test_migration_0004_marks_stored_feedback_received(tmp_path):
    from tests.cases import data_analyst_case, with_feedback

    path = tmp_path / "old.db"
    old = old_database(path)
    case = replace(data_analyst_case(), id=None)
    cases = {
        # what earlier versions left when only the text was filled in: must become received
        "Northwind": (case, "received"),
        "Text only": (
            with_feedback(case, status="requested", requested_on=dt.date(2026, 11, 1),
                          findings=(), ratings={}),
            "received",
        ),
        "Ratings only": (with_feedback(case, text="", findings=()), "received"),
        "Finding only": (with_feedback(case, text="", ratings={}), "received"),
        # no feedback at all, or a status the user set: must stay
        "Nothing yet": (with_feedback(case, text="", findings=(), ratings={}), "not_requested"),
        "Blank text": (
            with_feedback(case, text="  \n ", findings=(), ratings={}),
            "not_requested",
        ),
        "Waiting": (
            with_feedback(case, status="requested", requested_on=dt.date(2026, 11, 1),
                          text="", findings=(), ratings={}),
            "requested",
        ),
        "Declined": (with_feedback(case, status="declined"), "declined"),
        "Received": (with_feedback(case, status="received"), "received"),
    }  # fmt: skip
    ids = {}
    for company, (rejection, _) in cases.items():
        ids[company] = storage.insert_rejection(old, replace(rejection, company=company))
    other = storage.insert_rejection(old, replace(case, company="Elsewhere"), owner="b@x.org")
    old.conn.commit()
    assert storage.get_rejection(old, ids["Northwind"]).feedback.status == "not_requested"
    old.close()

    db = storage.connect(path)
    assert BEFORE_0004 in [m.name for m in storage.migrations.applied(db)]
    for company, (rejection, status) in cases.items():
        loaded = storage.get_rejection(db, ids[company])
        assert loaded.feedback.status == status, company
        # data only: the feedback itself is as it was
        assert loaded.feedback.text == rejection.feedback.text
        assert loaded.feedback.findings == rejection.feedback.findings
        assert loaded.feedback.requested_on == rejection.feedback.requested_on
    assert storage.get_rejection(db, other, "b@x.org").feedback.status == "received"
    # the schema did not change
    assert set(db["feedback"].columns_dict) == {"rejection_id", "status", "requested_on", "text"}
    # the copy taken before migrating holds the statuses as they were
    (copy,) = storage.migration_copies(path)
    before = storage.Database(sqlite3.connect(copy))
    assert before.execute(
        "SELECT status FROM feedback WHERE rejection_id = ?", [ids["Northwind"]]
    ).fetchone() == ("not_requested",)


def test_migration_0004_runs_once_and_never_fights_a_later_choice(tmp_path):
    from tests.cases import data_analyst_case

    path = tmp_path / "old.db"
    old = old_database(path)
    rid = storage.insert_rejection(old, replace(data_analyst_case(), id=None))
    old.conn.commit()
    old.close()
    db = storage.connect(path)
    assert storage.get_rejection(db, rid).feedback.status == "received"
    # the user sets "not requested" on purpose, with the feedback still stored
    chosen = replace(storage.get_rejection(db, rid).feedback, status="not_requested")
    assert storage.save_feedback(db, rid, chosen) == "not_requested"
    db.close()
    again = storage.connect(path)
    assert storage.get_rejection(again, rid).feedback.status == "not_requested"
