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

from assessment import backup, examples, storage
from assessment.backup import BackupError
from assessment.models import Rerating, Story
from assessment.plan import patterns
from assessment.practice import bank
from assessment.skills import (
    FEEDBACK_STATUS_KEYS,
    FIT_FACTOR_KEYS,
    SKILL_KEYS,
    SKILL_NAMES,
    STAGE_KEYS,
    STRATEGY_KEYS,
)
from assessment.views import progress
from tests.cases import load_as_own

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
day = st.dates(min_value=dt.date(2000, 1, 1), max_value=TODAY)  # no date in the future
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
            "status": (status := draw(st.sampled_from(FEEDBACK_STATUS_KEYS))),
            # "requested" needs the date it was asked, as the feedback form does
            "requested_on": draw(
                day.map(dt.date.isoformat) if status == "requested" else maybe_day
            ),
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
    load_as_own(source, today=TODAY)
    first = backup.export_backup(source, now=NOW)
    target = storage.connect(tmp_path / "b.db")
    backup.import_rejections(target, backup.parse_backup(backup.dumps_backup(first)))
    assert backup.export_backup(target, now=NOW) == first


def test_export_writes_every_key_with_null_where_empty(db):
    backup.import_rejections(db, backup.parse_backup(encode(document(minimal()))))
    doc = backup.export_backup(db, now=NOW)
    assert doc["format"] == "rebound-backup" and doc["version"] == 2
    assert list(doc) == list(backup.TOP_LEVEL_FIELDS)
    assert doc["stories"] == doc["drills"] == doc["reratings"] == []
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
    load_as_own(db, owner="someone@else", today=TODAY)
    load_as_own(db, today=TODAY)
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
        "2026-10-09 · Acme · Analyst · Onsite",
        "2026-10-09 · Brightpath · Analyst · Onsite",
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
    load_as_own(db, today=TODAY)
    before = snapshot(db)
    with pytest.raises(BackupError) as err:
        backup.import_rejections(db, backup.parse_backup(raw))
    assert snapshot(db) == before
    return err.value


BAD_FIELDS = [
    ({"company": None}, "company", "is required"),
    ({"company": "   "}, "company", "Company is required"),
    ({"role": 5}, "role", "must be text"),
    ({"stage": "lunch"}, "stage", "must be one of screening"),
    ({"rejected_on": "2026-02-30"}, "rejected_on", "2026-02-30 is not a real date"),
    ({"rejected_on": "20261009"}, "rejected_on", "YYYY-MM-DD"),
    ({"rejected_on": "9 Oct 2026"}, "rejected_on", "YYYY-MM-DD"),
    ({"interviewed_on": "2026-10-20"}, "rejected_on", "cannot be before the interview date"),
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
    ({"actions": [{"title": "", "strategy": "shore_up"}]}, "actions[1].title", "is required"),
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
        (encode({"format": "rebound-backup", "version": 3, "rejections": []}), "newer version"),
        (encode({"format": "rebound-backup", "version": "1", "rejections": []}), '"version"'),
        (encode({"format": "rebound-backup", "rejections": []}), '"version"'),
        (encode({"format": "rebound-backup", "version": 1}), '"rejections" list'),
        (encode(document("not an object")), "Rejection 1, field (whole rejection)"),
        (b"[" * 100_000 + b"]" * 100_000, "more than 12,516 lists and objects in 200,000 bytes"),
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


def csv_rows(data: str) -> list[dict]:
    """The CSV as a spreadsheet reads it: the byte order mark first, then named columns."""
    assert data.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(data.removeprefix("\ufeff"), newline="")))


def test_csv_has_one_row_per_rejection_and_skill_with_both_ratings(db):
    load_as_own(db, today=TODAY)
    rows = csv_rows(backup.export_csv(db))
    assert len(rows) == 3 * len(SKILL_KEYS)
    assert [r["Company"] for r in rows[:: len(SKILL_KEYS)]] == [
        "Northwind Logistics",
        "BrightPath Health",
        "Acme Analytics",
    ]
    acme = {r["Skill"]: r for r in rows if r["Company"] == "Acme Analytics"}
    assert list(acme) == [SKILL_NAMES[k] for k in SKILL_KEYS]
    solving = acme["Problem solving"]
    assert solving["Your rating (1-5)"] == "4" and solving["Interviewer rating (1-4)"] == "4"
    assert solving["Interviewer's view"] == "Strong strength"
    assert solving["Combined score (1-5)"] == "4.6"  # 0.4 x 4 + 0.6 x 5
    preparation = acme["Preparation & research"]  # self only
    assert preparation["Interviewer rating (1-4)"] == "" and preparation["Interviewer's view"] == ""
    assert preparation["Combined score (1-5)"] == "4.0"
    assert solving["Mood (1-5)"] == "2" and solving["Stage"] == "Onsite"
    assert solving["Feedback"] == "Received"


def test_csv_defuses_spreadsheet_formulas(db):
    backup.import_rejections(
        db, backup.parse_backup(encode(document(minimal("=HYPERLINK(1)", role="@SUM(A1)"))))
    )
    row = csv_rows(backup.export_csv(db))[0]
    assert row["Company"] == "'=HYPERLINK(1)" and row["Role"] == "'@SUM(A1)"


# ---- a long history --------------------------------------------------------------------


def many_rejections(n: int) -> dict:
    template = backup.export_backup(_examples_db(), now=NOW)["rejections"]
    docs = []
    for i in range(n):
        doc = copy.deepcopy(template[i % 3])
        doc["company"] = f"{doc['company']} {i}"
        day = TODAY - dt.timedelta(days=n - 1 - i)  # oldest first, the last one today
        doc["rejected_on"] = day.isoformat()
        doc["interviewed_on"] = (day - dt.timedelta(days=3)).isoformat()
        docs.append(doc)
    return document(*docs)


def _examples_db():
    db = storage.memory_db()
    load_as_own(db, today=TODAY)
    return db


@pytest.mark.slow
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
    real = storage._insert_chunk
    calls = []

    def failing(db_, chunk, owner):
        calls.append(len(chunk))
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return real(db_, chunk, owner)

    load_as_own(db, today=TODAY)
    monkeypatch.setattr(storage, "_insert_chunk", failing)
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


# ---- dates: the forms' rules (issue 10, item 5) ------------------------------------------

DATE_REFUSALS = [
    ({"rejected_on": "0001-01-01"}, "rejected_on", "cannot be before 1970-01-01"),
    ({"rejected_on": "9999-12-31"}, "rejected_on", "Rejection date cannot be in the future"),
    ({"rejected_on": "2026-11-26"}, "rejected_on", "Rejection date cannot be in the future"),
    ({"interviewed_on": "0001-01-01"}, "interviewed_on", "cannot be before 1970-01-01"),
    ({"interviewed_on": "2027-01-01"}, "interviewed_on", "cannot be in the future"),
    (
        {"feedback": {"status": "requested", "requested_on": "9999-12-31"}},
        "feedback.requested_on",
        "The date you asked cannot be in the future",
    ),
    (
        {"feedback": {"status": "received", "requested_on": "1969-12-31"}},
        "feedback.requested_on",
        "cannot be before 1970-01-01",
    ),
    (
        {"feedback": {"status": "requested"}},
        "feedback.requested_on",
        "Add the date you asked",
    ),
    (
        {"actions": [{"title": "Do", "strategy": "shore_up", "due_on": "9999-12-31"}]},
        "actions[1].due_on",
        "Due date cannot be after 2036-11-25",
    ),
    (
        {"actions": [{"title": "Do", "strategy": "shore_up", "due_on": "0001-01-01"}]},
        "actions[1].due_on",
        "cannot be before 1970-01-01",
    ),
    (
        {"actions": [{"title": "Do", "strategy": "shore_up", "done_on": "2026-11-26"}]},
        "actions[1].done_on",
        "Done date cannot be in the future",
    ),
]


@pytest.mark.parametrize(("change", "field", "problem"), DATE_REFUSALS)
def test_import_refuses_the_dates_the_forms_refuse(change, field, problem):
    bad = {**minimal("Brightpath"), **change}
    with pytest.raises(BackupError) as err:
        backup.parse_backup(encode(document(minimal("Acme"), bad)), today=TODAY)
    assert err.value.message.startswith(f"Rejection 2 (Brightpath), field {field}: ")
    assert problem in err.value.message
    assert (err.value.position, err.value.field) == (2, field)


def test_the_edges_of_each_date_range_are_accepted():
    ok = minimal(
        rejected_on=TODAY.isoformat(),
        interviewed_on="1970-01-01",
        feedback={"status": "requested", "requested_on": TODAY.isoformat()},
        actions=[
            {"title": "a", "strategy": "shore_up", "due_on": "2036-11-25", "done_on": "1970-01-01"}
        ],
    )
    (rejection,) = backup.parse_backup(encode(document(ok)), today=TODAY)
    assert rejection.actions[0].due_on == dt.date(2036, 11, 25)


FORM_DATES = st.one_of(
    st.dates(),  # year 1 to year 9999
    st.dates(min_value=dt.date(1969, 12, 25), max_value=dt.date(1970, 1, 5)),
    st.dates(min_value=TODAY - dt.timedelta(days=5), max_value=TODAY + dt.timedelta(days=5)),
)


@settings(max_examples=200, deadline=None)
@given(rejected=FORM_DATES, interviewed=st.none() | FORM_DATES, asked=st.none() | FORM_DATES)
def test_an_import_refuses_exactly_what_the_forms_refuse(rejected, interviewed, asked):
    from assessment import validation

    form = validation.check_rejection(
        company="Acme",
        role="Analyst",
        contact_name="",
        stage="onsite",
        interviewed_on=interviewed,
        rejected_on=rejected,
        reason_given="",
        today=TODAY,
    )
    form.update(
        {
            f"feedback.{k}": v
            for k, v in validation.check_feedback(
                status="requested", requested_on=asked, text="", today=TODAY
            ).items()
        }
    )
    doc = minimal(
        rejected_on=rejected.isoformat(),
        interviewed_on=interviewed and interviewed.isoformat(),
        feedback={"status": "requested", "requested_on": asked and asked.isoformat()},
    )
    try:
        backup.parse_backup(encode(document(doc)), today=TODAY)
    except BackupError as err:
        assert err.field in form and err.message.endswith(form[err.field])
    else:
        assert form == {}


# ---- any malformed file gets a one-line refusal (item 6) --------------------------------


def _refusal(raw: bytes) -> BackupError:
    with pytest.raises(BackupError) as err:
        backup.parse_backup(raw, today=TODAY)
    message = err.value.message
    message.encode("utf-8")  # can be shown and written anywhere
    assert "\n" not in message and message.endswith((".", ")"))
    return err.value


def test_a_number_longer_than_python_reads_is_refused():
    digits = b"9" * 5_000
    head = b'{"format": "rebound-backup", "version": 1, "rejections": [{"company": "A", '
    raw = head + b'"role": "R", "stage": "final", "rejected_on": "2026-01-01", "reflection": '
    raw += b'{"mood": ' + digits + b"}}]}"
    assert "a number too long" in _refusal(raw).message
    raw = b'{"format": "rebound-backup", "version": ' + digits + b', "rejections": []}'
    assert "a number too long" in _refusal(raw).message


def test_a_huge_version_number_is_not_echoed():
    raw = encode({"format": "rebound-backup", "version": 10**4000, "rejections": []})
    message = _refusal(raw).message
    assert "newer version of Rebound;" in message and len(message) < 200


def test_text_from_the_file_is_escaped_in_the_refusal():
    bad = minimal("Bad\ud800Co")  # json.dumps writes the lone surrogate as a "\ud800" escape
    assert _refusal(encode(document(bad))).message == (
        "Rejection 1 (Bad\\ud800Co), field company: contains characters that are not valid text."
    )
    bad = minimal("Co \x1b[2J\x00\u202e", stage="lunch")
    message = _refusal(encode(document(bad))).message
    assert message.startswith("Rejection 1 (Co \\x1b[2J\\x00\\u202e), field stage:")


def test_an_unknown_key_is_escaped_and_cut_in_the_refusal():
    odd = minimal(**{"\udc00\x07" + "k" * 5_000: 1})
    err = _refusal(encode(document(odd)))
    assert err.message.startswith("Rejection 1 (Acme), field \\udc00\\x07kkk")
    assert len(err.message) < 300 and err.field in err.message


def test_a_long_company_is_cut_in_the_refusal():
    message = _refusal(encode(document(minimal("C" * 200, stage="lunch")))).message
    assert message.startswith("Rejection 1 (" + "C" * 60 + "…), field stage:")


def test_deep_nesting_is_refused_without_a_recursion_error():
    for depth in (50, 5_000, 200_000):
        nested = b"[" * depth + b"]" * depth
        raw = b'{"format": "rebound-backup", "version": 1, "rejections": ' + nested + b"}"
        raw += b" " * (depth * 2 * backup.BYTES_PER_CONTAINER)  # room under the count limit
        assert "nested more than 8 levels deep" in _refusal(raw).message


# ---- what parsing may cost (item 7) -------------------------------------------------------


def _tiny_containers(inner: bytes, size: int) -> bytes:
    head = b'{"format":"rebound-backup","version":1,"rejections":['
    count = (size - len(head)) // (len(inner) + 1)
    return head + b",".join([inner] * count) + b"]}"


@pytest.mark.parametrize("inner", [b"[]", b"{}", b"[{}]", b'{"a":[]}'])
def test_a_file_of_tiny_containers_is_refused_before_it_is_built(inner):
    raw = _tiny_containers(inner, 1_000_000)
    message = _refusal(raw).message
    assert f"lists and objects in {len(raw):,} bytes" in message
    assert f"at most one per {backup.BYTES_PER_CONTAINER} bytes" in message


def test_containers_inside_strings_do_not_count():
    brackets = "[]{}" * 5_000
    (rejection,) = backup.parse_backup(
        encode(document(minimal(reason_given=brackets, role='R "[{'))), today=TODAY
    )
    assert rejection.reason_given == brackets and rejection.role == 'R "[{'


def test_an_unterminated_string_is_refused_quickly():
    raw = b'{"format": "rebound-backup", "rejections": ["' + b'\\"[]' * 250_000
    assert "not valid JSON" in _refusal(raw).message


def test_the_densest_legitimate_backup_is_accepted():
    """Every container present and empty, one-letter names, no spaces: the most containers
    per byte the format allows."""
    one = {
        "company": "A",
        "role": "R",
        "stage": "final",
        "rejected_on": "2026-01-01",
        "fit_factors": [],
        "reflection": {},
        "self_ratings": {},
        "feedback": {"findings": [{"key": "evidence", "polarity": 0}] * 3, "ratings": {}},
        "actions": [{"title": "x", "strategy": "shore_up"}] * 3,
    }
    docs = [{**one, "company": f"{i}"} for i in range(2_000)]
    raw = json.dumps(document(*docs), separators=(",", ":")).encode()
    assert len(backup.parse_backup(raw, today=TODAY)) == 2_000


def test_a_large_compact_export_is_accepted():
    doc = many_rejections(3_000)
    raw = json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode()
    assert len(backup.parse_backup(raw, today=TODAY)) == 3_000


def test_an_unknown_top_level_field_is_refused():
    raw = encode({**document(minimal()), "padding": [[]] * 3})
    err = _refusal(raw)
    assert err.message.startswith('The backup has a field "padding" that is not part of')
    assert err.field == "padding"
    exported = backup.dumps_backup(backup.export_backup(_examples_db(), now=NOW))
    assert len(backup.parse_backup(exported, today=TODAY)) == 3  # exported_at is one


class _Endless(io.RawIOBase):
    """A stream of spaces that never ends, like a huge file or stdin."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = b" " * len(buffer)
        return len(buffer)


def test_a_stream_is_read_to_one_byte_over_the_limit_and_refused():
    raw = backup.read_backup(io.BufferedReader(_Endless()))
    assert len(raw) == backup.MAX_BACKUP_BYTES + 1
    assert _refusal(raw).message == (
        "The file is larger than 50 MB; a backup can be at most 50 MB."
    )


# ---- CSV (item 8 and 14) ------------------------------------------------------------------


def test_csv_keeps_a_carriage_return_from_starting_a_row(db):
    hostile = minimal("Beta\r=cmd|' /C calc'!A0", role="\x00\x1b\x07\x7f\x85Analyst")
    backup.import_rejections(db, backup.parse_backup(encode(document(hostile)), today=TODAY))
    data = backup.export_csv(db)
    assert not any(c in data for c in "\x00\x1b\x07\x7f\x85")
    lines = data.splitlines()
    # a header, then one record of two lines per skill: the line break stays inside the cell
    assert len(lines) == 1 + 2 * len(SKILL_KEYS) and lines[2].startswith("=cmd")
    assert lines[1].startswith('"2026-10-09","Beta')  # every cell quoted
    rows = csv_rows(data)
    assert len(rows) == len(SKILL_KEYS)
    assert rows[0]["Company"] == "Beta\n=cmd|' /C calc'!A0" and rows[0]["Role"] == "Analyst"


def test_csv_defuses_formulas_after_leading_spaces(db):
    backup.import_rejections(
        db, backup.parse_backup(encode(document(minimal("  =1+1", role="\t-2"))), today=TODAY)
    )
    row = csv_rows(backup.export_csv(db))[0]
    assert row["Company"] == "'  =1+1" and row["Role"] == "'\t-2"


def _brackets_one_byte_at_a_time(data: bytes) -> bytes:
    """The brackets outside string literals, read the slow and obvious way."""
    out, in_string, escaped = bytearray(), False, False
    for byte in data:
        c = bytes([byte])
        if in_string:
            if escaped:
                escaped = False
            elif c == b"\\":
                escaped = True
            elif c == b'"':
                in_string = False
        elif c == b'"':
            in_string = True
        elif c in b"[{":
            out += b"["
        elif c in b"]}":
            out += b"]"
    return bytes(out)


STRING_CONTENT = st.lists(
    st.sampled_from([b"a", b"[", b"]", b"{", b"}", b",", b"\\\\", b'\\"', b"\\n", b"\\u005c"])
).map(b"".join)
JSON_LIKE = st.tuples(
    st.lists(
        st.one_of(
            st.sampled_from([b"[", b"]", b"{", b"}", b",", b":", b"1", b" "]),
            STRING_CONTENT.map(lambda c: b'"' + c + b'"'),
        )
    ).map(b"".join),
    st.one_of(st.just(b""), STRING_CONTENT.map(lambda c: b'"' + c)),  # unterminated at the end
).map(b"".join)


@settings(max_examples=500, deadline=None)
@given(data=JSON_LIKE, chunk=st.integers(1, 9))
def test_brackets_inside_strings_are_never_counted_wherever_a_slice_ends(data, chunk):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(backup, "SCAN_BYTES", chunk)
        assert backup._brackets(data, 10**9) == _brackets_one_byte_at_a_time(data)


def test_a_file_of_tiny_strings_and_containers_is_refused():
    raw = _tiny_containers(b'"",[]', 1_000_000)
    assert "lists and objects in" in _refusal(raw).message


# ---- feedback status follows the facts (issue 13, item 2) -------------------------------

CARRIES_FEEDBACK = [
    ({"text": "Your examples lacked numbers."}, "text"),
    ({"ratings": {"evidence": 2}}, "ratings"),
    ({"findings": [{"key": "evidence", "polarity": -1, "quote": "No numbers."}]}, "findings"),
]


@pytest.mark.parametrize("status", ["not_requested", "requested"])
@pytest.mark.parametrize(
    ("carried", "what"), CARRIES_FEEDBACK, ids=[w for _, w in CARRIES_FEEDBACK]
)
def test_a_file_that_says_waiting_but_carries_feedback_imports_it_as_received(
    db, status, carried, what
):
    fb = {"status": status, "requested_on": "2026-10-10", **carried}
    (rejection,) = backup.parse_backup(encode(document(minimal(feedback=fb))), today=TODAY)
    assert rejection.feedback.status == "received", what
    backup.import_rejections(db, [rejection])
    (one,) = backup.export_backup(db, now=NOW)["rejections"]
    assert one["feedback"]["status"] == "received"
    assert one["feedback"]["requested_on"] == "2026-10-10"


def test_a_requested_without_a_date_that_carries_feedback_is_accepted_as_received():
    fb = {"status": "requested", "text": "Clear answers, no numbers."}
    (rejection,) = backup.parse_backup(encode(document(minimal(feedback=fb))), today=TODAY)
    assert rejection.feedback.status == "received"
    assert rejection.feedback.requested_on is None


@pytest.mark.parametrize(
    ("fb", "status"),
    [
        ({"status": "not_requested"}, "not_requested"),
        ({"status": "not_requested", "text": "  \n"}, "not_requested"),
        ({"status": "requested", "requested_on": "2026-10-10"}, "requested"),
        ({"status": "declined", "text": "We don't give feedback."}, "declined"),
        ({"status": "received", "text": "Clear."}, "received"),
        ({"status": "received"}, "received"),
    ],
    ids=["nothing", "blank text", "waiting", "declined", "received", "received, empty"],
)
def test_without_feedback_or_with_a_final_status_the_file_is_imported_as_written(db, fb, status):
    (rejection,) = backup.parse_backup(encode(document(minimal(feedback=fb))), today=TODAY)
    assert rejection.feedback.status == status
    backup.import_rejections(db, [rejection])
    assert backup.export_backup(db, now=NOW)["rejections"][0]["feedback"]["status"] == status


def test_the_data_analyst_case_round_trips_as_received(db):
    from dataclasses import replace

    from tests.cases import data_analyst_case

    source = storage.memory_db()
    storage.insert_rejection(source, replace(data_analyst_case(), id=None))  # as stored before
    doc = backup.export_backup(source, now=NOW)
    assert doc["rejections"][0]["feedback"]["status"] == "not_requested"
    backup.import_rejections(db, backup.parse_backup(backup.dumps_backup(doc)))
    (one,) = backup.export_backup(db, now=NOW)["rejections"]
    assert one["feedback"]["status"] == "received"
    assert one["feedback"]["text"] == doc["rejections"][0]["feedback"]["text"]
    assert one["feedback"]["findings"] == doc["rejections"][0]["feedback"]["findings"]


# ---- version 2: stories, drills and re-ratings -----------------------------------------------

checklist_values = st.recursive(
    st.none() | st.booleans() | st.integers(-1000, 1000) | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)


def _pointer(draw, rejections: list[dict]) -> dict | None:
    """A rejection as a practice item points at it: its identity, or null."""
    if not rejections or draw(st.booleans()):
        return None
    target = draw(st.sampled_from(rejections))
    return {k: target[k] for k in ("company", "role", "rejected_on")}


@st.composite
def v2_documents(draw) -> dict:
    rejections = draw(st.lists(rejection_docs(), max_size=3).map(_unique))
    stories = [
        {
            "title": draw(short.filter(str.strip)),
            "situation": draw(nullable_text),
            "task": draw(nullable_text),
            "action": draw(nullable_text),
            "result": draw(nullable_text),
            "skills": draw(st.lists(st.sampled_from(SKILL_KEYS), unique=True, max_size=3)),
            "rejection": _pointer(draw, rejections),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    drills = [
        {
            "skill": draw(st.sampled_from(SKILL_KEYS)),
            "question": draw(short.filter(str.strip)),
            "question_id": draw(st.none() | short),
            "answer": draw(short.filter(str.strip)),
            "practised_on": draw(day).isoformat(),
            "checklist": draw(st.dictionaries(text, checklist_values, max_size=4)),
            "rejection": _pointer(draw, rejections),
            "story": draw(st.none() | st.integers(1, len(stories))) if stories else None,
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    reratings = [
        {
            "skill": draw(st.sampled_from(SKILL_KEYS)),
            "rating": draw(st.integers(1, 5)),
            "rated_on": draw(day).isoformat(),
            "rejection": _pointer(draw, rejections),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    # In the order export lists them (by date, then as added), so the file is an export.
    drills.sort(key=lambda d: d["practised_on"])
    reratings.sort(key=lambda r: r["rated_on"])
    return {
        "format": "rebound-backup",
        "version": 2,
        "rejections": rejections,
        "stories": stories,
        "drills": drills,
        "reratings": reratings,
    }


def v2(*rejections: dict, stories=(), drills=(), reratings=()) -> dict:
    return {
        **document(*rejections),
        "version": 2,
        "stories": list(stories),
        "drills": list(drills),
        "reratings": list(reratings),
    }


def story_doc(**extra) -> dict:
    return {"title": "The weekly report", "skills": ["evidence"], **extra}


def drill_doc(**extra) -> dict:
    return {
        "skill": "evidence",
        "question": "Tell me about a result you are proud of.",
        "answer": "I cut the report from two days to ten minutes.",
        "practised_on": "2026-11-20",
        "checklist": {"result": {"present": True, "words": "ten minutes"}},
        **extra,
    }


ACME = {"company": "Acme", "role": "Analyst", "rejected_on": "2026-10-09"}


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(v2_documents())
def test_a_version_2_backup_round_trips_exactly(doc):
    source = storage.memory_db()
    backup.import_rejections(source, backup.parse_backup(encode(doc), today=TODAY))
    first = backup.export_backup(source, now=NOW)
    assert first["version"] == 2
    assert len(first["stories"]) == len(doc["stories"])
    assert len(first["drills"]) == len(doc["drills"])
    assert len(first["reratings"]) == len(doc["reratings"])

    target = storage.memory_db()
    result = backup.import_rejections(target, backup.parse_backup(backup.dumps_backup(first)))
    second = backup.export_backup(target, now=NOW + dt.timedelta(days=1))
    second["exported_at"] = first["exported_at"]
    assert second == first
    assert (result.stories_added, result.drills_added, result.reratings_added) == (
        len(doc["stories"]),
        len(doc["drills"]),
        len(doc["reratings"]),
    )

    again = backup.import_rejections(target, backup.parse_backup(backup.dumps_backup(first)))
    assert (again.added, again.stories_added, again.drills_added, again.reratings_added) == (
        0,
        0,
        0,
        0,
    )
    assert again.stories_skipped == len(doc["stories"])
    assert again.drills_skipped == len(doc["drills"])
    assert again.reratings_skipped == len(doc["reratings"])
    third = backup.export_backup(target, now=NOW)
    assert third == first


def test_a_version_1_file_still_imports_with_no_practice(db):
    parsed = backup.parse_backup(encode(document(minimal("Acme"), minimal("Beta"))), today=TODAY)
    assert parsed.version == 1 and (parsed.stories, parsed.drills, parsed.reratings) == ((),) * 3
    result = backup.import_rejections(db, parsed)
    assert result.added == 2 and not result.practice
    doc = backup.export_backup(db, now=NOW)
    assert doc["version"] == 2 and [r["company"] for r in doc["rejections"]] == ["Acme", "Beta"]
    assert doc["stories"] == doc["drills"] == doc["reratings"] == []


def test_a_version_1_file_with_practice_lists_is_refused(db):
    raw = encode({**document(minimal()), "stories": [story_doc()]})
    err = _refused(db, raw)
    assert err.field == "stories" and "version 2" in err.message


def test_pointers_are_resolved_to_the_rejection_and_the_story(db):
    raw = encode(
        v2(
            minimal("Acme"),
            minimal("Beta"),
            stories=[story_doc(title="First"), story_doc(title="Second", rejection=ACME)],
            drills=[drill_doc(story=2, rejection={**ACME, "company": " ACME "})],
            reratings=[{"skill": "evidence", "rating": 4, "rated_on": "2026-11-21"}],
        )
    )
    result = backup.import_rejections(db, backup.parse_backup(raw, today=TODAY))
    assert (result.stories_added, result.drills_added, result.reratings_added) == (2, 1, 1)
    acme = next(r["id"] for r in storage.list_rejections(db) if r["company"] == "Acme")
    first, second = bank.list_stories(db)
    assert first.rejection_id is None and second.rejection_id == acme
    (drill,) = bank.list_drills(db)
    assert drill.story_id == second.id and drill.rejection_id == acme
    assert drill.checklist == {"result": {"present": True, "words": "ten minutes"}}
    doc = backup.export_backup(db, now=NOW)
    assert doc["drills"][0]["story"] == 2 and doc["drills"][0]["rejection"] == ACME
    assert doc["stories"][0]["situation"] is None  # null where empty, as everywhere


def test_practice_pointing_at_an_example_is_exported_pointing_at_nothing(db):
    examples.load_examples(db, today=TODAY)
    example = storage.latest_rejection_id(db)
    bank.add_story(db, Story("From the example", skills=("evidence",), rejection_id=example))
    bank.add_rerating(db, Rerating("evidence", 3, TODAY, rejection_id=example))
    doc = backup.export_backup(db, now=NOW)
    assert doc["rejections"] == []
    assert [s["rejection"] for s in doc["stories"]] == [None]
    assert [r["rejection"] for r in doc["reratings"]] == [None]


@pytest.mark.parametrize(
    ("practice", "named", "field"),
    [
        ({"stories": [story_doc(title=None)]}, "Story 1", "title"),
        ({"stories": [story_doc(title="x" * 201)]}, "Story 1", "title"),
        ({"stories": [story_doc(), story_doc(skills=["charm"])]}, "Story 2", "skills[1]"),
        ({"stories": [story_doc(skills=["evidence", "evidence"])]}, "Story 1", "skills"),
        ({"stories": [story_doc(situation="x" * 20_001)]}, "Story 1", "situation"),
        ({"stories": [story_doc(mood=3)]}, "Story 1", "mood"),
        ({"stories": ["not an object"]}, "Story 1", "(whole story)"),
        (
            {"stories": [story_doc(rejection={**ACME, "company": "Nowhere"})]},
            "Story 1",
            "rejection",
        ),
        ({"stories": [story_doc(rejection={"company": "Acme"})]}, "Story 1", "rejection.role"),
        ({"drills": [drill_doc(story=2)]}, "Drill 1", "story"),
        ({"drills": [drill_doc(story=True)]}, "Drill 1", "story"),
        ({"drills": [drill_doc(answer=None)]}, "Drill 1", "answer"),
        ({"drills": [drill_doc(answer="x" * 20_001)]}, "Drill 1", "answer"),
        ({"drills": [drill_doc(practised_on="2099-01-01")]}, "Drill 1", "practised_on"),
        ({"drills": [drill_doc(practised_on="20 Nov")]}, "Drill 1", "practised_on"),
        ({"drills": [drill_doc(checklist=[1, 2])]}, "Drill 1", "checklist"),
        ({"drills": [drill_doc(skill="charm")]}, "Drill 1", "skill"),
        ({"reratings": [{"skill": "evidence", "rating": 6, "rated_on": "2026-11-20"}]},
         "Re-rating 1", "rating"),
        ({"reratings": [{"skill": "evidence", "rating": "4", "rated_on": "2026-11-20"}]},
         "Re-rating 1", "rating"),
        ({"reratings": [{"skill": "evidence", "rating": 4}]}, "Re-rating 1", "rated_on"),
        ({"drills": {"not": "a list"}}, None, "drills"),
    ],
)  # fmt: skip
def test_an_invalid_practice_item_refuses_the_whole_file(db, practice, named, field):
    doc = {**v2(minimal("Acme"), stories=[story_doc()]), **practice}
    err = _refused(db, encode(doc))
    assert err.field == field
    if named:
        assert err.message.startswith(f"{named}") and f"field {field}:" in err.message
        assert err.kind == named.split()[0]


def test_a_refused_practice_item_leaves_even_the_valid_rejections_out(db):
    doc = v2(minimal("Acme"), drills=[drill_doc(), drill_doc(skill="charm")])
    with pytest.raises(BackupError, match="Drill 2"):
        backup.parse_backup(encode(doc), today=TODAY)
    assert storage.count_rejections(db) == 0


def test_an_identical_item_already_there_is_skipped_as_many_times_as_it_is_there(db):
    raw = encode(v2(minimal("Acme"), drills=[drill_doc(), drill_doc()]))
    first = backup.import_rejections(db, backup.parse_backup(raw, today=TODAY))
    assert (first.drills_added, first.drills_skipped) == (2, 0)  # the same answer twice: kept
    more = encode(v2(minimal("Acme"), drills=[drill_doc(), drill_doc(), drill_doc()]))
    second = backup.import_rejections(db, backup.parse_backup(more, today=TODAY))
    assert (second.drills_added, second.drills_skipped) == (1, 2)
    assert len(bank.list_drills(db)) == 3


def test_a_drill_of_a_skipped_story_points_at_the_story_already_there(db):
    raw = encode(v2(minimal("Acme"), stories=[story_doc()], drills=[drill_doc(story=1)]))
    backup.import_rejections(db, backup.parse_backup(raw, today=TODAY))
    changed = encode(
        v2(minimal("Acme"), stories=[story_doc()], drills=[drill_doc(story=1, answer="Other.")])
    )
    result = backup.import_rejections(db, backup.parse_backup(changed, today=TODAY))
    assert (result.stories_skipped, result.drills_added) == (1, 1)
    (story,) = bank.list_stories(db)
    assert {d.story_id for d in bank.list_drills(db)} == {story.id}


def test_an_import_with_practice_is_one_transaction(db):
    raw = encode(v2(minimal(), stories=[story_doc()], drills=[drill_doc(story=1)]))
    parsed = backup.parse_backup(raw, today=TODAY)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    backup.import_rejections(db, parsed)
    db.conn.set_trace_callback(None)
    assert [s for s in statements if s.upper().startswith("BEGIN")] == ["BEGIN IMMEDIATE"]
    assert len([s for s in statements if s.upper().startswith("COMMIT")]) == 1


def test_a_practice_write_that_fails_midway_writes_nothing(db, monkeypatch):
    raw = encode(v2(minimal(), stories=[story_doc()], drills=[drill_doc(story=1)]))
    parsed = backup.parse_backup(raw, today=TODAY)
    before = snapshot(db)

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(bank, "store_drill", broken)
    with pytest.raises(RuntimeError):
        backup.import_rejections(db, parsed)
    assert snapshot(db) == before


def test_the_preview_counts_the_practice_items(db):
    raw = encode(v2(minimal(), stories=[story_doc()], drills=[drill_doc(), drill_doc()]))
    preview = backup.preview_import(db, backup.parse_backup(raw, today=TODAY))
    assert (preview.count, preview.stories, preview.drills, preview.reratings) == (1, 1, 2, 0)
