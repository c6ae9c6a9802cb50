"""The practice data: stories, drills and re-ratings, each write one transaction, by owner."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from assessment import erase, examples, storage
from assessment.models import Drill, Rejection, Rerating, Story
from assessment.practice import bank
from assessment.reading.answers import check_answer
from assessment.skills import SKILL_KEYS

DATA = Path(__file__).parent / "data"
TODAY = dt.date.today()
ANSWER = (
    "At my last job our weekly report took two days. I wrote a query that built it. "
    "As a result it took ten minutes."
)


def own_rejection(db, company: str = "Acme", owner: str = storage.LOCAL_OWNER) -> int:
    return storage.insert_rejection(
        db, Rejection(company, "Analyst", "onsite", dt.date(2026, 10, 9)), owner
    )


def story(**changes) -> Story:
    values = dict(
        title="The weekly report",
        situation="Our report took two days.\nEvery week.",
        task="Make it faster.",
        action="I wrote a SQL query.",
        result="It took 10 minutes.",
        skills=("evidence", "problem_solving"),
    )
    values.update(changes)
    return Story(**values)


def drill(**changes) -> Drill:
    check = check_answer("evidence", ANSWER, "Tell me about a result you are proud of.")
    values = dict(
        skill="evidence",
        question="Tell me about a result you are proud of.",
        answer=ANSWER,
        practised_on=TODAY,
        checklist=bank.checklist_of(check),
    )
    values.update(changes)
    return Drill(**values)


def transactions(db, action) -> tuple[list[str], list[str]]:
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        action()
    finally:
        db.conn.set_trace_callback(None)
    begins = [s for s in statements if s.strip().upper().startswith("BEGIN")]
    commits = [s for s in statements if s.strip().upper().startswith("COMMIT")]
    return begins, commits


# ---- stories --------------------------------------------------------------------------


def test_a_story_round_trips_exactly_and_lists_by_skill(db):
    rid = own_rejection(db)
    sid = bank.add_story(db, story(rejection_id=rid, title="Ünïcode :smile: $x^2$ <b>"))
    loaded = bank.get_story(db, sid)
    assert loaded == story(rejection_id=rid, title="Ünïcode :smile: $x^2$ <b>", id=sid)
    assert loaded.created_at and loaded.updated_at
    other = bank.add_story(db, story(title="Calm under pressure", skills=("composure",)))
    assert [s.id for s in bank.list_stories(db)] == [sid, other]
    assert [s.id for s in bank.list_stories(db, skill="evidence")] == [sid]
    assert [s.id for s in bank.list_stories(db, skill="composure")] == [other]
    assert bank.list_stories(db, skill="motivation") == []


def test_editing_a_story_changes_it_in_place(db):
    sid = bank.add_story(db, story())
    bank.update_story(db, replace(story(), id=sid, result="It took 10 minutes, not 2 days."))
    assert bank.get_story(db, sid).result == "It took 10 minutes, not 2 days."
    assert len(bank.list_stories(db)) == 1


def test_deleting_a_story_keeps_its_drills_unlinked(db):
    sid = bank.add_story(db, story())
    did = bank.record_drill(db, drill(story_id=sid))
    assert bank.delete_story(db, sid) is True
    assert bank.get_story(db, sid) is None
    (kept,) = bank.list_drills(db)
    assert kept.id == did and kept.story_id is None
    assert bank.delete_story(db, sid) is False


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"situation": "x" * 20_001}, "situation"),
        ({"result": "x" * 20_001}, "result"),
        ({"skills": ("evidence", "charm")}, "skills"),
        ({"skills": ("evidence", "evidence")}, "skills"),
    ],
)
def test_a_story_out_of_the_rules_is_refused_and_nothing_written(db, changes, field):
    with pytest.raises(bank.InvalidPractice) as refused:
        bank.add_story(db, story(**changes))
    assert field in refused.value.errors
    assert FIELD_WORDS[field] in str(refused.value)
    assert bank.list_stories(db) == []


FIELD_WORDS = {
    "title": "Title",
    "situation": "Situation",
    "result": "Result",
    "skills": "kill",
    "question": "Question",
    "answer": "Answer",
    "practised_on": "Practice date",
    "checklist": "Checklist",
    "skill": "Skill",
    "rating": "Rating",
    "rated_on": "Rating date",
    "question_id": "Question id",
}


def test_long_text_at_the_limit_is_kept_whole(db):
    sid = bank.add_story(db, story(title="t" * 200, action="a" * 20_000))
    loaded = bank.get_story(db, sid)
    assert loaded.title == "t" * 200 and loaded.action == "a" * 20_000


# ---- drills and re-ratings ----------------------------------------------------------------


def test_a_drill_keeps_its_answer_date_and_checklist(db):
    rid = own_rejection(db)
    sid = bank.add_story(db, story(rejection_id=rid))
    did = bank.record_drill(db, drill(rejection_id=rid, story_id=sid, question_id="evidence/2"))
    (loaded,) = bank.list_drills(db, skill="evidence")
    assert loaded == drill(rejection_id=rid, story_id=sid, question_id="evidence/2", id=did)
    assert loaded.checklist["result"]["present"] is True
    assert loaded.checklist["hedges"] == []
    assert bank.list_drills(db, skill="composure") == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"skill": "charm"}, "skill"),
        ({"question": ""}, "question"),
        ({"answer": "  \n "}, "answer"),
        ({"answer": "x" * 20_001}, "answer"),
        ({"question_id": "q" * 201}, "question_id"),
        ({"practised_on": None}, "practised_on"),
        ({"practised_on": TODAY + dt.timedelta(days=1)}, "practised_on"),
        ({"checklist": ["not", "an", "object"]}, "checklist"),
        ({"checklist": {"x": float("nan")}}, "checklist"),
    ],
)
def test_a_drill_out_of_the_rules_is_refused(db, changes, field):
    with pytest.raises(bank.InvalidPractice) as refused:
        bank.record_drill(db, drill(**changes))
    assert field in refused.value.errors
    assert FIELD_WORDS[field] in str(refused.value)
    assert bank.list_drills(db) == []


def test_reratings_are_kept_in_date_order(db):
    bank.add_rerating(db, Rerating("evidence", 3, dt.date(2026, 11, 2)))
    bank.add_rerating(db, Rerating("evidence", 4, dt.date(2026, 11, 20)))
    bank.add_rerating(db, Rerating("composure", 2, dt.date(2026, 11, 1)))
    assert [r.rating for r in bank.list_reratings(db, skill="evidence")] == [3, 4]
    assert [r.skill for r in bank.list_reratings(db)] == ["composure", "evidence", "evidence"]


@pytest.mark.parametrize(
    ("rerating", "field"),
    [
        (Rerating("evidence", 6, TODAY), "rating"),
        (Rerating("evidence", 0, TODAY), "rating"),
        (Rerating("evidence", True, TODAY), "rating"),
        (Rerating("evidence", 3.0, TODAY), "rating"),
        (Rerating("charm", 3, TODAY), "skill"),
        (Rerating("evidence", 3, TODAY + dt.timedelta(days=1)), "rated_on"),
    ],
)
def test_a_rerating_out_of_the_rules_is_refused(db, rerating, field):
    with pytest.raises(bank.InvalidPractice) as refused:
        bank.add_rerating(db, rerating)
    assert FIELD_WORDS[field] in str(refused.value)
    assert bank.list_reratings(db) == []


def test_practice_counts_per_skill(db):
    bank.add_story(db, story(skills=("evidence", "composure")))
    bank.add_story(db, story(skills=("evidence",)))
    bank.record_drill(db, drill(practised_on=dt.date(2026, 11, 3)))
    bank.record_drill(db, drill(practised_on=dt.date(2026, 11, 1)))
    bank.add_rerating(db, Rerating("evidence", 4, dt.date(2026, 11, 4)))
    bank.add_rerating(db, Rerating("evidence", 2, dt.date(2026, 11, 2)))
    counts = bank.practice_counts(db)
    assert list(counts) == list(SKILL_KEYS)
    assert counts["evidence"] == bank.PracticeCounts(
        stories=2,
        drills=2,
        reratings=2,
        last_practised_on=dt.date(2026, 11, 3),
        latest_rating=4,
    )
    assert counts["composure"] == bank.PracticeCounts(stories=1)
    assert counts["motivation"] == bank.PracticeCounts()


# ---- one transaction each, scoped by owner ----------------------------------------------


def test_every_write_is_one_transaction(db):
    sid = bank.add_story(db, story())
    writes = [
        lambda: bank.add_story(db, story()),
        lambda: bank.update_story(db, replace(story(), id=sid, title="New title")),
        lambda: bank.record_drill(db, drill(story_id=sid)),
        lambda: bank.add_rerating(db, Rerating("evidence", 4, TODAY)),
        lambda: bank.delete_story(db, sid),
    ]
    for write in writes:
        begins, commits = transactions(db, write)
        assert begins == ["BEGIN IMMEDIATE"] and len(commits) == 1


def test_a_failed_write_leaves_nothing(db, monkeypatch):
    sid = bank.add_story(db, story())
    bank.record_drill(db, drill(story_id=sid))

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    original = db.execute

    def failing_delete(sql, *args):
        if sql.startswith("DELETE FROM stories"):
            broken()
        return original(sql, *args)

    monkeypatch.setattr(db, "execute", failing_delete)
    with pytest.raises(RuntimeError):
        bank.delete_story(db, sid)
    monkeypatch.undo()
    assert bank.get_story(db, sid) is not None
    assert bank.list_drills(db)[0].story_id == sid  # the unlink was rolled back too


def test_owners_do_not_see_or_touch_each_others_practice(db):
    theirs = own_rejection(db, owner="someone@else")
    sid = bank.add_story(db, story(), owner="someone@else")
    bank.record_drill(db, drill(), owner="someone@else")
    bank.add_rerating(db, Rerating("evidence", 3, TODAY), owner="someone@else")
    assert bank.list_stories(db) == [] and bank.get_story(db, sid) is None
    assert bank.list_drills(db) == [] and bank.list_reratings(db) == []
    assert bank.practice_counts(db)["evidence"] == bank.PracticeCounts()
    assert bank.delete_story(db, sid) is False
    with pytest.raises(storage.StorageError, match="story no longer exists"):
        bank.update_story(db, replace(story(), id=sid))
    with pytest.raises(storage.StorageError, match="story no longer exists"):
        bank.record_drill(db, drill(story_id=sid))
    with pytest.raises(storage.StorageError, match="rejection no longer exists"):
        bank.add_story(db, story(rejection_id=theirs))
    with pytest.raises(storage.StorageError, match="rejection no longer exists"):
        bank.add_rerating(db, Rerating("evidence", 3, TODAY, rejection_id=theirs))
    assert len(bank.list_stories(db, "someone@else")) == 1


# ---- deleting rejections, examples, everything ----------------------------------------


def practice_from(db, rid: int) -> tuple[int, int, int]:
    sid = bank.add_story(db, story(rejection_id=rid))
    did = bank.record_drill(db, drill(rejection_id=rid, story_id=sid))
    rrid = bank.add_rerating(db, Rerating("evidence", 4, TODAY, rejection_id=rid))
    return sid, did, rrid


def test_deleting_a_rejection_keeps_its_practice_unlinked(db):
    rid = own_rejection(db)
    sid, did, _ = practice_from(db, rid)
    assert storage.delete_rejection(db, rid)
    assert bank.get_story(db, sid).rejection_id is None
    (kept,) = bank.list_drills(db)
    assert kept.rejection_id is None and kept.story_id == sid
    assert bank.list_reratings(db)[0].rejection_id is None


def test_the_database_unlinks_by_itself_too(db):
    """ON DELETE SET NULL: a rejection deleted outside delete_rejection unlinks as well."""
    rid = own_rejection(db)
    sid, _, _ = practice_from(db, rid)
    with storage.write(db):
        for table in storage.CHILD_TABLES:
            db.execute(f"DELETE FROM {table} WHERE rejection_id = ?", [rid])
        db.execute("DELETE FROM rejections WHERE id = ?", [rid])
    assert bank.get_story(db, sid).rejection_id is None
    assert bank.list_reratings(db)[0].rejection_id is None


def test_removing_the_examples_keeps_practice_started_from_one(example_db):
    rid = storage.latest_rejection_id(example_db)
    practice_from(example_db, rid)
    assert erase.delete_examples(example_db) == 3
    assert [s.rejection_id for s in bank.list_stories(example_db)] == [None]
    assert len(bank.list_drills(example_db)) == 1
    assert len(bank.list_reratings(example_db)) == 1


def test_delete_everything_removes_practice_and_leaves_no_trace(db, db_path):
    marker = "zq-practice-marker-51d0"
    rid = own_rejection(db)
    bank.add_story(db, story(rejection_id=rid, situation=marker * 50))
    bank.add_story(db, story(title=f"unlinked {marker}"))
    bank.record_drill(db, drill(answer=f"{marker} " * 100))
    bank.add_rerating(db, Rerating("evidence", 4, TODAY))
    bank.add_story(db, story(title="theirs"), owner="someone@else")
    erase.delete_everything(db, storage.LOCAL_OWNER, db_path)
    for table in storage.PRACTICE_TABLES:
        left = db.execute(f"SELECT count(*) FROM {table} WHERE owner = 'local'").fetchone()[0]
        assert left == 0, table
    assert [s.title for s in bank.list_stories(db, "someone@else")] == ["theirs"]
    files = [db_path, Path(f"{db_path}-wal")]
    assert not any(f.exists() and marker.encode() in f.read_bytes() for f in files)


# ---- migrating ---------------------------------------------------------------------------


def test_an_old_database_gains_the_practice_tables_and_keeps_its_rejections(tmp_path):
    copy = tmp_path / "old.db"
    shutil.copy(DATA / "schema_0001.db", copy)
    db = storage.connect(copy)
    assert "0008_practice" in {m.name for m in storage.migrations.applied(db)}
    assert set(storage.PRACTICE_TABLES) <= set(db.table_names())
    assert storage.count_rejections(db) == len(examples.example_rejections(TODAY))
    rid = storage.latest_rejection_id(db)
    sid = bank.add_story(db, story(rejection_id=rid))
    assert bank.get_story(db, sid).rejection_id == rid
    db.close()
    again = storage.connect(copy)
    assert not storage.migrations.pending(again)
    assert [s.id for s in bank.list_stories(again)] == [sid]


def test_the_practice_migration_is_named_and_makes_three_owned_tables(db):
    assert "0008_practice" in [m.name for m in storage.migrations.applied(db)]
    columns = {t: set(db[t].columns_dict) for t in storage.PRACTICE_TABLES}
    assert {"owner", "rejection_id", "title", "skills"} <= columns["stories"]
    assert {"owner", "rejection_id", "story_id", "checklist", "practised_on"} <= columns["drills"]
    assert {"owner", "rejection_id", "skill", "rating", "rated_on"} <= columns["reratings"]
