"""The JSON backup: round trip, every refusal, duplicates, limits, CSV and a 10,000 import."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment import backup, examples, patterns, progress, storage
from assessment.backup import BackupError
from assessment.skills import (
    FEEDBACK_STATUS_KEYS,
    FIT_FACTOR_KEYS,
    SKILL_KEYS,
    STAGE_KEYS,
    STRATEGY_KEYS,
)

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def db():
    return storage.memory_db()


def snapshot(db) -> list[str]:
    """Every row of every table, to prove a refused import changed nothing."""
    return list(db.conn.iterdump())


def document(*rejections: dict) -> dict:
    return {"format": "rebound-backup", "version": 1, "rejections": list(rejections)}


def minimal(company: str = "Acme", **extra) -> dict:
    return {
        "company": company,
        "role": "Analyst",
        "stage": "onsite",
        "rejected_on": "2026-10-09",
        **extra,
    }


def encode(doc) -> bytes:
    return json.dumps(doc).encode()


# ---- round trip ------------------------------------------------------------------------

text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # lone surrogates are not text
    max_size=40,
)
short = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30)
day = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))
maybe_day = st.none() | day.map(dt.date.isoformat)
nullable_text = st.none() | text.filter(bool)


@st.composite
def rejection_docs(draw) -> dict:
    rejected = draw(day)
    interviewed = draw(st.none() | st.integers(0, 60))
    return {
        "company": draw(short.filter(str.strip)),
        "role": draw(short.filter(str.strip)),
        "contact_name": draw(nullable_text),
        "stage": draw(st.sampled_from(STAGE_KEYS)),
        "interviewed_on": None
        if interviewed is None
        else (rejected - dt.timedelta(days=interviewed)).isoformat(),
        "rejected_on": rejected.isoformat(),
        "reason_given": draw(nullable_text),
        "fit_factors": draw(st.lists(st.sampled_from(FIT_FACTOR_KEYS), unique=True)),
        "reflection": {
            "went_well": draw(nullable_text),
            "do_differently": draw(nullable_text),
            "outside_control": draw(nullable_text),
            "mood": draw(st.none() | st.integers(1, 5)),
            "confidence": draw(st.none() | st.integers(1, 5)),
        },
        "self_ratings": {k: draw(st.none() | st.integers(1, 5)) for k in SKILL_KEYS},
        "feedback": {
            "status": draw(st.sampled_from(FEEDBACK_STATUS_KEYS)),
            "requested_on": draw(maybe_day),
            "text": draw(nullable_text),
            "findings": draw(
                st.lists(
                    st.fixed_dictionaries(
                        {
                            "key": st.sampled_from(SKILL_KEYS + FIT_FACTOR_KEYS),
                            "polarity": st.sampled_from([-1, 0, 1]),
                            "quote": text,
                        }
                    ),
                    max_size=3,
                )
            ),
            "ratings": {k: draw(st.none() | st.integers(1, 4)) for k in SKILL_KEYS},
        },
        "actions": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "title": short.filter(str.strip),
                        "strategy": st.sampled_from(STRATEGY_KEYS),
                        "skill": st.none() | st.sampled_from(SKILL_KEYS),
                        "due_on": maybe_day,
                        "done_on": maybe_day,
                    }
                ),
                max_size=3,
            )
        ),
    }


def _identity(doc: dict) -> tuple:
    return backup.identity(doc["company"], doc["role"], doc["rejected_on"])


def _unique(docs: list[dict]) -> list[dict]:
    seen, kept = set(), []
    for doc in docs:
        if _identity(doc) not in seen:
            seen.add(_identity(doc))
            kept.append(doc)
    return kept


ROUND_TRIP_EXAMPLES = 100


@settings(
    max_examples=ROUND_TRIP_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(rejection_docs(), max_size=6).map(_unique))
def test_export_import_export_gives_the_same_document(docs):
    source = storage.memory_db()
    backup.import_rejections(source, backup.parse_backup(encode(document(*docs))))
    first = backup.export_backup(source, now=NOW)

    target = storage.memory_db()
    result = backup.import_rejections(target, backup.parse_backup(backup.dumps_backup(first)))
    second = backup.export_backup(target, now=NOW + dt.timedelta(days=1))

    assert result.added == len(docs)
    assert second["exported_at"] != first["exported_at"]
    second["exported_at"] = first["exported_at"]
    assert second == first
    assert len(first["rejections"]) == len(docs)
    assert sorted(r["company"] for r in first["rejections"]) == sorted(d["company"] for d in docs)


def test_example_data_round_trips_through_the_app_database(tmp_path):
    path = tmp_path / "a.db"
    source = storage.connect(path)
    examples.load_examples(source, today=TODAY)
    first = backup.export_backup(source, now=NOW)
    target = storage.connect(tmp_path / "b.db")
    backup.import_rejections(target, backup.parse_backup(backup.dumps_backup(first)))
    assert backup.export_backup(target, now=NOW) == first


def test_export_writes_every_key_with_null_where_empty(db):
    backup.import_rejections(db, backup.parse_backup(encode(document(minimal()))))
    doc = backup.export_backup(db, now=NOW)
    assert doc["format"] == "rebound-backup" and doc["version"] == 1
    assert doc["exported_at"] == "2026-11-25T12:00:00Z"
    (one,) = doc["rejections"]
    assert list(one) == list(backup.REJECTION_FIELDS)
    assert one["contact_name"] is None and one["interviewed_on"] is None
    assert one["fit_factors"] == [] and one["actions"] == []
    assert one["reflection"] == dict.fromkeys(backup.REFLECTION_FIELDS)
    assert one["self_ratings"] == dict.fromkeys(SKILL_KEYS)
    assert one["feedback"] == {
        "status": "not_requested",
        "requested_on": None,
        "text": None,
        "findings": [],
        "ratings": dict.fromkeys(SKILL_KEYS),
    }


def test_export_holds_only_the_owners_rejections(db):
    examples.load_examples(db, owner="someone@else", today=TODAY)
    examples.load_examples(db, today=TODAY)
    assert len(backup.export_backup(db)["rejections"]) == 3
    assert backup.export_backup(storage.memory_db())["rejections"] == []


# ---- duplicates ------------------------------------------------------------------------


def test_importing_the_same_file_twice_skips_what_is_there(db):
    raw = encode(document(minimal("Acme"), minimal("Brightpath")))
    first = backup.import_rejections(db, backup.parse_backup(raw))
    before = snapshot(db)
    second = backup.import_rejections(db, backup.parse_backup(raw))
    assert (first.added, first.skipped) == (2, 0)
    assert (second.added, second.skipped) == (0, 2)
    assert second.skipped_labels == (
        "Acme · Analyst · Onsite · 2026-10-09",
        "Brightpath · Analyst · Onsite · 2026-10-09",
    )
    assert snapshot(db) == before


def test_identity_ignores_case_and_surrounding_spaces_but_not_the_date_or_owner(db):
    backup.import_rejections(db, backup.parse_backup(encode(document(minimal("Acme")))))
    same = minimal("  ACME ", role=" analyst")
    later = minimal("Acme", rejected_on="2026-10-10")
    rejections = backup.parse_backup(encode(document(same, later)))
    preview = backup.preview_import(db, rejections)
    assert (preview.count, preview.new, preview.existing) == (2, 1, (0,))
    assert preview.first == dt.date(2026, 10, 9) and preview.last == dt.date(2026, 10, 10)
    assert backup.import_rejections(db, rejections).added == 1
    assert backup.import_rejections(db, rejections, owner="other@x").added == 2


def test_duplicates_inside_the_file_are_refused_naming_both(db):
    raw = encode(document(minimal("Acme"), minimal("Other"), minimal("acme ")))
    with pytest.raises(BackupError) as err:
        backup.parse_backup(raw)
    assert err.value.message == (
        "Rejection 3 (acme ), field company, role, rejected_on: is the same rejection as "
        "rejection 1 (same company, role and date). Remove one of them."
    )


# ---- refusals --------------------------------------------------------------------------


def _refused(db, raw) -> BackupError:
    """Parsing refuses the file; nothing at all is written."""
    examples.load_examples(db, today=TODAY)
    before = snapshot(db)
    with pytest.raises(BackupError) as err:
        backup.import_rejections(db, backup.parse_backup(raw))
    assert snapshot(db) == before
    return err.value


BAD_FIELDS = [
    ({"company": None}, "company", "is required"),
    ({"company": "   "}, "company", "cannot be empty"),
    ({"role": 5}, "role", "must be text"),
    ({"stage": "lunch"}, "stage", "must be one of screening"),
    ({"rejected_on": "2026-02-30"}, "rejected_on", "2026-02-30 is not a real date"),
    ({"rejected_on": "20261009"}, "rejected_on", "YYYY-MM-DD"),
    ({"rejected_on": "9 Oct 2026"}, "rejected_on", "YYYY-MM-DD"),
    ({"interviewed_on": "2026-10-20"}, "rejected_on", "is before interviewed_on"),
    ({"contact_name": "x" * 201}, "contact_name", "201 characters long; the limit is 200"),
    ({"reason_given": "x" * 20_001}, "reason_given", "the limit is 20,000"),
    ({"fit_factors": ["bad_luck"]}, "fit_factors[1]", "must be one of other_candidate"),
    ({"fit_factors": "location"}, "fit_factors", "must be a list"),
    ({"reflection": {"mood": 6}}, "reflection.mood", "from 1 to 5"),
    ({"reflection": {"confidence": 0}}, "reflection.confidence", "from 1 to 5"),
    ({"reflection": {"mood": 2.5}}, "reflection.mood", "whole number"),
    ({"reflection": {"mood": True}}, "reflection.mood", "whole number"),
    ({"reflection": {"went_well": "x" * 10_000_000}}, "reflection.went_well", "10,000,000"),
    ({"reflection": {"feeling": "ok"}}, "reflection.feeling", "is not a field"),
    ({"self_ratings": {"charisma": 3}}, "self_ratings.charisma", "is not a field"),
    ({"self_ratings": {"evidence": 6}}, "self_ratings.evidence", "from 1 to 5"),
    ({"feedback": {"ratings": {"evidence": 5}}}, "feedback.ratings.evidence", "from 1 to 4"),
    ({"feedback": {"status": "lost"}}, "feedback.status", "must be one of not_requested"),
    ({"feedback": {"requested_on": "2026-13-01"}}, "feedback.requested_on", "not a real date"),
    (
        {"feedback": {"findings": [{"key": "luck", "polarity": 1}]}},
        "feedback.findings[1].key",
        "skill",
    ),
    (
        {"feedback": {"findings": [{"key": "evidence", "polarity": 2}]}},
        "feedback.findings[1].polarity",
        "-1, 0 or 1",
    ),
    ({"actions": [{"title": "Do", "strategy": "nap"}]}, "actions[1].strategy", "one of"),
    ({"actions": [{"title": "", "strategy": "shore_up"}]}, "actions[1].title", "empty"),
    (
        {"actions": [{"title": "Do", "strategy": "shore_up", "skill": "juggling"}]},
        "actions[1].skill",
        "skill key",
    ),
    ({"colour": "blue"}, "colour", "is not a field"),
    ({"company": "\ud800"}, "company", "not valid text"),
]


@pytest.mark.parametrize(("change", "field", "problem"), BAD_FIELDS)
def test_a_bad_field_is_refused_naming_the_rejection_and_field(db, change, field, problem):
    bad = {**minimal("Brightpath"), **change}
    err = _refused(db, encode(document(minimal("Acme"), bad)))
    assert err.position == 2
    assert f", field {field}" in err.message or err.field.endswith(field)
    assert problem in err.message
    assert err.message.startswith("Rejection 2")
    if "company" not in change:
        assert err.message.startswith(f"Rejection 2 (Brightpath), field {field}:")


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"hello, not json", "not valid JSON (line 1, column 1)"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"[]", '"format" must be "rebound-backup"'),
        (encode({"format": "other-app", "version": 1, "rejections": []}), '"format"'),
        (encode({"format": "rebound-backup", "version": 2, "rejections": []}), "newer version"),
        (encode({"format": "rebound-backup", "version": "1", "rejections": []}), '"version"'),
        (encode({"format": "rebound-backup", "rejections": []}), '"version"'),
        (encode({"format": "rebound-backup", "version": 1}), '"rejections" list'),
        (encode(document("not an object")), "Rejection 1, field (whole rejection)"),
        (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
    ],
)
def test_a_file_that_is_not_a_backup_is_refused(db, raw, problem):
    assert problem in _refused(db, raw).message


def test_a_file_over_50_mb_is_refused_before_reading_it(db):
    raw = b" " * (backup.MAX_BACKUP_BYTES + 1)
    assert "at most 50 MB" in _refused(db, raw).message


def test_a_utf8_byte_order_mark_is_accepted():
    raw = b"\xef\xbb\xbf" + encode(document(minimal()))
    assert backup.parse_backup(raw)[0].company == "Acme"


def test_text_is_imported_exactly_as_written(db):
    odd = "  <b>Acme</b> :smile: $x^2$ ![x](http://e.x)\n"
    (rejection,) = backup.parse_backup(encode(document(minimal(odd, reason_given="x" * 20_000))))
    assert rejection.company == odd and len(rejection.reason_given) == 20_000


# ---- CSV -------------------------------------------------------------------------------


def test_csv_has_one_row_per_rejection_with_scores(db):
    examples.load_examples(db, today=TODAY)
    rows = list(csv.DictReader(io.StringIO(backup.export_csv(db))))
    assert [r["company"] for r in rows] == [
        "Northwind Logistics",
        "BrightPath Health",
        "Acme Analytics",
    ]
    acme = rows[-1]
    assert acme["problem_solving_combined"] == "4.6"  # 0.4 x 4 + 0.6 x 5
    assert acme["preparation_combined"] == "4.0"  # self only
    assert acme["average_combined_score"] == "3.7"
    assert acme["mood"] == "2" and acme["stage"] == "onsite"


def test_csv_defuses_spreadsheet_formulas(db):
    backup.import_rejections(
        db, backup.parse_backup(encode(document(minimal("=HYPERLINK(1)", role="@SUM(A1)"))))
    )
    row = next(csv.DictReader(io.StringIO(backup.export_csv(db))))
    assert row["company"] == "'=HYPERLINK(1)" and row["role"] == "'@SUM(A1)"


# ---- a long history --------------------------------------------------------------------


def many_rejections(n: int) -> dict:
    template = backup.export_backup(_examples_db(), now=NOW)["rejections"]
    docs = []
    for i in range(n):
        doc = copy.deepcopy(template[i % 3])
        doc["company"] = f"{doc['company']} {i}"
        day = dt.date(2000, 1, 1) + dt.timedelta(days=i)
        doc["rejected_on"] = day.isoformat()
        doc["interviewed_on"] = (day - dt.timedelta(days=3)).isoformat()
        docs.append(doc)
    return document(*docs)


def _examples_db():
    db = storage.memory_db()
    examples.load_examples(db, today=TODAY)
    return db


def test_ten_thousand_rejections_import_in_one_go_with_progress(db):
    raw = backup.dumps_backup(many_rejections(10_000)).encode()
    assert len(raw) < backup.MAX_BACKUP_BYTES
    rejections = backup.parse_backup(raw)
    seen = []
    result = backup.import_rejections(db, rejections, progress=lambda d, t: seen.append((d, t)))
    assert result.added == 10_000
    assert seen[-1] == (10_000, 10_000) and len(seen) == 100
    assert storage.count_rejections(db) == 10_000
    # the summaries of a long history come from SQL and stay within the point limit
    assert progress.skill_trend(db, "local").by == "month"
    assert len(progress.skill_trend(db, "local").frame) <= progress.MAX_POINTS * len(SKILL_KEYS)
    assert {p.kind for p in patterns.find_patterns(db)} == {"recurring_concern", "stage_wall"}
    # and a second import of the same file adds nothing
    assert backup.import_rejections(db, rejections).skipped == 10_000


def test_an_import_that_fails_midway_writes_nothing(db, monkeypatch):
    docs = [minimal(f"Company {i}") for i in range(600)]
    rejections = backup.parse_backup(encode(document(*docs)))
    real = backup._insert_chunk
    calls = []

    def failing(db_, chunk, owner):
        calls.append(len(chunk))
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return real(db_, chunk, owner)

    monkeypatch.setattr(backup, "_insert_chunk", failing)
    examples.load_examples(db, today=TODAY)
    before = snapshot(db)
    with pytest.raises(RuntimeError):
        backup.import_rejections(db, rejections)
    assert len(calls) == 3 and snapshot(db) == before


def test_import_writes_what_storage_writes(db):
    """The bulk import and storage.insert_rejection leave the same rows behind."""
    for rejection in examples.example_rejections(TODAY):
        storage.insert_rejection(db, rejection)
    bulk = storage.memory_db()
    backup.import_rejections(bulk, examples.example_rejections(TODAY))
    assert backup.export_backup(bulk, now=NOW) == backup.export_backup(db, now=NOW)
    for table in ("rejections", *storage.CHILD_TABLES):
        ignore = {"created_at", "updated_at"}
        mine = [{k: v for k, v in r.items() if k not in ignore} for r in bulk[table].rows]
        theirs = [{k: v for k, v in r.items() if k not in ignore} for r in db[table].rows]
        assert mine == theirs, table
