"""``python -m assessment``: data on stdout only, messages on stderr, exit 0 or 2."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assessment import backup, cli, storage
from assessment.skills import SKILL_KEYS
from tests.cases import load_as_own

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: bytes | None = None, env: dict | None = None):
    """The real command in a subprocess, so exit status and streams are what a shell sees."""
    return subprocess.run(
        [sys.executable, "-m", "assessment", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def main(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def own_data(path: Path, owner: str = storage.LOCAL_OWNER) -> None:
    """The example set stored as the user's own rejections (a demo's are not exported)."""
    db = storage.connect(path)
    try:
        load_as_own(db, owner)
    finally:
        db.close()


def dump(path: Path) -> list[str]:
    db = storage.connect(path)
    try:
        return list(db.conn.iterdump())
    finally:
        db.close()


def test_demo_loads_the_example_set_once(tmp_path, capsys):
    path = tmp_path / "r.db"
    assert main(capsys, "demo", "--db", str(path)) == (
        0,
        "",
        "Loaded 3 example rejections, marked as examples.\n",
    )
    code, out, err = main(capsys, "demo", "--db", str(path))
    assert (code, out) == (0, "") and "already there" in err
    assert storage.count_examples(storage.connect(path)) == 3
    # the examples are not the user's data: a backup leaves them out
    code, out, err = main(capsys, "export", "--db", str(path))
    assert json.loads(out)["rejections"] == [] and err == "Exported 0 rejections.\n"


def test_export_writes_the_backup_to_stdout_and_nothing_else(tmp_path):
    path = tmp_path / "r.db"
    own_data(path)
    done = run("export", "--db", str(path))
    assert done.returncode == 0
    doc = json.loads(done.stdout)  # stdout is exactly one JSON document
    assert doc["format"] == "rebound-backup" and len(doc["rejections"]) == 3
    assert done.stderr.decode().strip() == "Exported 3 rejections."


def test_the_default_database_follows_rebound_db(tmp_path):
    path = tmp_path / "env.db"
    assert run("demo", env={"REBOUND_DB": str(path)}).returncode == 0
    assert storage.count_rejections(storage.connect(path)) == 3


def test_export_to_a_file_then_import_elsewhere_and_again(tmp_path, capsys):
    source, target, file = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "backup.json"
    own_data(source)
    code, out, err = main(capsys, "export", "--db", str(source), "-o", str(file))
    assert (code, out) == (0, "") and "to " in err
    assert main(capsys, "import", str(file), "--db", str(target)) == (
        0,
        "",
        "Added 3 rejections; skipped 0 already there.\n",
    )
    code, out, err = main(capsys, "import", str(file), "--db", str(target))
    assert code == 0 and out == ""
    assert err.startswith("Added 0 rejections; skipped 3 already there.\n")
    assert " · Acme Analytics · Data Analyst · Onsite" in err


def test_an_invalid_backup_exits_2_with_one_line_and_writes_nothing(tmp_path):
    path, file = tmp_path / "r.db", tmp_path / "bad.json"
    run("demo", "--db", str(path))
    before = dump(path)
    good = {"company": "Good", "role": "r", "stage": "onsite", "rejected_on": "2026-01-02"}
    bad = {**good, "company": "Bad Co", "self_ratings": {"evidence": 9}}
    file.write_text(
        json.dumps({"format": "rebound-backup", "version": 1, "rejections": [good, bad]})
    )
    done = run("import", str(file), "--db", str(path))
    assert done.returncode == 2 and done.stdout == b""
    lines = done.stderr.decode().splitlines()
    assert lines == [
        "error: Rejection 2 (Bad Co), field self_ratings.evidence: Rating of evidence must be "
        "from 1 to 5 or empty. Nothing was imported."
    ]
    assert dump(path) == before


def test_import_reads_stdin(tmp_path, capsys):
    doc = {"format": "rebound-backup", "version": 1, "rejections": []}
    done = run("import", "-", "--db", str(tmp_path / "r.db"), stdin=json.dumps(doc).encode())
    assert done.returncode == 0
    assert done.stderr.decode() == "Added 0 rejections; skipped 0 already there.\n"


def test_a_file_over_the_limit_is_refused(tmp_path, capsys):
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(backup.MAX_BACKUP_BYTES + 1)
    code, out, err = main(capsys, "import", str(big), "--db", str(tmp_path / "r.db"))
    assert code == 2 and out == "" and "at most 50 MB" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("import", "/no/such/file.json"), "error: Could not read /no/such/file.json"),
        (("bogus",), "error: argument command: invalid choice: 'bogus'"),
        (("import",), "error: the following arguments are required: file"),
        (("plan", "--format", "pdf"), "error: argument --format: invalid choice"),
        (("plan", "--rejection", "x"), "error: argument --rejection: 'x' is not a rejection id"),
        ((), "error: the following arguments are required: command"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(tmp_path, args, message):
    done = run(*args, env={"REBOUND_DB": str(tmp_path / "r.db")})
    assert done.returncode == 2 and done.stdout == b""
    err = done.stderr.decode()
    assert err.startswith(message) and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("command", ["demo", "export", "plan"])
def test_a_file_that_is_not_a_database_exits_2_and_is_left_alone(tmp_path, command):
    path = tmp_path / "notes.db"
    path.write_bytes(b"my shopping list, not a database" * 100)
    done = run(command, "--db", str(path))
    assert done.returncode == 2 and done.stdout == b""
    err = done.stderr.decode()
    assert "could not be opened" in err and err.count("\n") == 1 and "Traceback" not in err
    assert path.read_bytes() == b"my shopping list, not a database" * 100


def test_another_owner_is_chosen_with_owner(tmp_path, capsys):
    path = tmp_path / "r.db"
    own_data(path, "ana@example.com")
    code, out, _ = main(capsys, "export", "--db", str(path))
    assert json.loads(out)["rejections"] == []
    code, out, _ = main(capsys, "export", "--db", str(path), "--owner", "ana@example.com")
    assert len(json.loads(out)["rejections"]) == 3


def test_plan_prints_json_steps_of_the_latest_rejection(tmp_path, capsys):
    path = tmp_path / "r.db"
    main(capsys, "demo", "--db", str(path))
    code, out, err = main(capsys, "plan", "--db", str(path), "--format", "json")
    assert code == 0 and err == ""
    steps = json.loads(out)
    assert steps and [s["priority"] for s in steps] == list(range(1, len(steps) + 1))
    for step in steps:
        assert {"strategy", "title", "why", "skill", "status", "priority"} <= set(step)
        assert step["status"] in {"suggested", "accepted", "done"}


def test_plan_json_dates_each_message_and_sends_one_per_contact_today(tmp_path, capsys):
    path = tmp_path / "r.db"
    main(capsys, "demo", "--db", str(path))
    code, out, _ = main(capsys, "plan", "--db", str(path), "--format", "json")
    steps = json.loads(out)
    messages = [s for s in steps if s["message"]]
    assert messages and all({"to", "send_on"} <= set(s) for s in messages)
    assert not any("to" in s or "send_on" in s for s in steps if not s["message"])
    today = dt.date.today().isoformat()
    for contact in {s["to"] for s in messages}:
        due = [s for s in messages if s["to"] == contact and s["send_on"] and s["send_on"] <= today]
        assert len(due) <= 1
    assert all(dt.date.fromisoformat(s["send_on"]) for s in messages if s["send_on"])


def test_plan_prints_markdown_for_a_chosen_rejection(tmp_path, capsys):
    path = tmp_path / "r.db"
    main(capsys, "demo", "--db", str(path))
    first = storage.connect(path).execute("SELECT min(id) FROM rejections").fetchone()[0]
    code, out, err = main(capsys, "plan", "--db", str(path), "--rejection", str(first))
    assert code == 0 and err == ""
    assert out.startswith("# ") and "Northwind Logistics" in out


def test_plan_without_rejections_or_of_another_owner_exits_2(tmp_path, capsys):
    path = tmp_path / "r.db"
    code, out, err = main(capsys, "plan", "--db", str(path))
    assert (code, out) == (2, "") and "no rejections yet" in err
    main(capsys, "demo", "--db", str(path), "--owner", "someone@else")
    code, out, err = main(capsys, "plan", "--db", str(path), "--rejection", "1")
    assert (code, out, err) == (2, "", "error: There is no rejection with id 1.\n")


def _backup(*rejections: dict) -> str:
    return json.dumps({"format": "rebound-backup", "version": 1, "rejections": list(rejections)})


GOOD = {"company": "Good", "role": "r", "stage": "onsite", "rejected_on": "2026-01-02"}
HEAD = b'{"format": "rebound-backup", "version": 1, "rejections": '
MALFORMED = {
    "a 5,000-digit number": HEAD + b'[{"company": "A", "role": "r", "stage": "final", '
    b'"rejected_on": "2026-01-02", "reflection": {"mood": ' + b"7" * 5_000 + b"}}]}",
    "a lone surrogate in a company": _backup({**GOOD, "company": "X\ud800", "stage": "?"}),
    "controls in a company": _backup({**GOOD, "company": "\x1b[2J\x00Co", "stage": "?"}),
    "deep nesting": HEAD + b"[" * 100_000 + b"]" * 100_000 + b"}" + b" " * 4_000_000,
    "tiny containers": HEAD + b"[" + b"[]," * 500_000 + b"[]]}",
    "an unknown top-level key": _backup(GOOD)[:-1] + ', "\\udfff": 1}',
    "a year-1 rejection": _backup({**GOOD, "rejected_on": "0001-01-01"}),
    "a year-9999 request": _backup({**GOOD, "feedback": {"requested_on": "9999-12-31"}}),
    "not UTF-8": b"\xff\xfe\x00\x01",
    "an unterminated string": HEAD + b'["' + b'\\"' * 100_000,
}


@pytest.mark.parametrize("name", MALFORMED)
def test_every_malformed_file_exits_2_with_one_line_and_no_traceback(tmp_path, name):
    file = tmp_path / "bad.json"
    raw = MALFORMED[name]
    file.write_bytes(raw if isinstance(raw, bytes) else raw.encode())
    done = run("import", str(file), "--db", str(tmp_path / "r.db"))
    assert done.returncode == 2 and done.stdout == b""
    err = done.stderr.decode("utf-8")  # strictly UTF-8: nothing unencodable was echoed
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    assert err.endswith("Nothing was imported.\n")
    assert not any(c in err for c in "\x00\x1b\ud800")


def test_skipped_labels_on_stderr_escape_control_characters(tmp_path, capsys):
    file = tmp_path / "b.json"
    file.write_text(_backup({**GOOD, "company": "\x1b[31mRed\x07"}))
    path = str(tmp_path / "r.db")
    main(capsys, "import", str(file), "--db", path)
    code, out, err = main(capsys, "import", str(file), "--db", path)
    assert code == 0 and "skipped: 2026-01-02 · \\x1b[31mRed\\x07 · r · Onsite\n" in err
    assert "\x1b" not in err and "\x07" not in err


# ---- list and results ----------------------------------------------------------------------


def _with_case(path: Path) -> int:
    """The Data Analyst case (tests/cases.py) stored as the user's own latest rejection."""
    from tests.cases import data_analyst_case

    db = storage.connect(path)
    try:
        case = data_analyst_case(id=None, rejected_on=dt.date.today())
        return storage.insert_rejection(db, case)
    finally:
        db.close()


def test_list_prints_rejections_newest_first_saying_which_are_examples(tmp_path, capsys):
    path = tmp_path / "r.db"
    main(capsys, "demo", "--db", str(path))
    own = _with_case(path)
    code, out, err = main(capsys, "list", "--db", str(path), "--format", "json")
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert [set(r) for r in rows] == [
        {"id", "company", "role", "stage", "rejected_on", "example"}
    ] * 4
    assert rows[0] == {
        "id": own,
        "company": "Northwind Analytics",
        "role": "Data Analyst",
        "stage": "final",
        "rejected_on": dt.date.today().isoformat(),
        "example": False,
    }
    assert [r["company"] for r in rows[1:]] == [
        "Acme Analytics",
        "BrightPath Health",
        "Northwind Logistics",
    ]
    assert all(r["example"] is True for r in rows[1:])
    dates = [r["rejected_on"] for r in rows]
    assert dates == sorted(dates, reverse=True)

    code, out, err = main(capsys, "list", "--db", str(path))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["id", "company", "role", "stage", "rejected_on", "example"]
    assert lines[1].startswith(str(own)) and lines[1].endswith("no")
    assert "Northwind Analytics" in lines[1] and all(line.endswith("yes") for line in lines[2:])


def test_list_is_per_owner_and_empty_says_so_on_stderr(tmp_path, capsys):
    path = tmp_path / "r.db"
    main(capsys, "demo", "--db", str(path), "--owner", "ana@example.com")
    code, out, err = main(capsys, "list", "--db", str(path), "--format", "json")
    assert (code, json.loads(out)) == (0, []) and "no rejections yet" in err
    code, out, _ = main(capsys, "list", "--db", str(path), "--owner", "ana@example.com")
    assert code == 0 and len(out.splitlines()) == 4


def test_list_escapes_control_characters_in_the_table(tmp_path, capsys):
    file, path = tmp_path / "b.json", str(tmp_path / "r.db")
    file.write_text(_backup({**GOOD, "company": "\x1b[31mRed\x07"}))
    main(capsys, "import", str(file), "--db", path)
    code, out, _ = main(capsys, "list", "--db", path)
    assert code == 0 and "\\x1b[31mRed\\x07" in out and "\x1b" not in out


def test_results_json_of_the_data_analyst_case(tmp_path, capsys):
    path = tmp_path / "r.db"
    main(capsys, "demo", "--db", str(path))
    own = _with_case(path)
    code, out, err = main(capsys, "results", "--db", str(path), "--format", "json")
    assert code == 0 and err == ""
    doc = json.loads(out)
    assert set(doc) == {"rejection_id", "skills", "strengths", "areas"}
    assert doc["rejection_id"] == own
    skills = {s["key"]: s for s in doc["skills"]}
    assert [s["key"] for s in doc["skills"]] == list(SKILL_KEYS)
    assert all(set(s) == {"key", "self", "interviewer", "combined", "gap", "quadrant"}
               for s in doc["skills"])  # fmt: skip
    assert skills["role_knowledge"]["self"] == 3
    assert skills["role_knowledge"]["interviewer"] == 2  # the interviewer's own 1-4 scale
    assert skills["role_knowledge"]["quadrant"] == "growth_area"
    assert skills["evidence"]["quadrant"] == "growth_area"
    assert skills["communication"]["quadrant"] == "confirmed_strength"
    assert skills["motivation"] == {
        "key": "motivation",
        "self": 5,
        "interviewer": None,
        "combined": 5.0,
        "gap": None,
        "quadrant": "neutral",
    }
    assert doc["areas"] == ["role_knowledge", "evidence"]
    assert doc["strengths"][0] == "communication"
    assert not {"role_knowledge", "evidence"} & set(doc["strengths"])


def test_results_markdown_of_a_chosen_rejection(tmp_path, capsys):
    path = tmp_path / "r.db"
    main(capsys, "demo", "--db", str(path))
    own = _with_case(path)
    code, out, err = main(capsys, "results", "--db", str(path), "--rejection", str(own))
    assert code == 0 and err == ""
    assert out.startswith("# Results: Northwind Analytics · Data Analyst · Final round")
    assert 'they said: "a candidate with more SQL experience"' in out
    oldest = storage.connect(path).execute("SELECT min(id) FROM rejections").fetchone()[0]
    code, out, _ = main(capsys, "results", "--db", str(path), "--rejection", str(oldest))
    assert code == 0 and "Northwind Logistics" in out
    assert 'they said: "a candidate with more hands-on SQL experience"' in out


def test_results_of_nothing_or_another_owners_rejection_exits_2(tmp_path, capsys):
    path = tmp_path / "r.db"
    code, out, err = main(capsys, "results", "--db", str(path))
    assert (code, out) == (2, "") and "no rejections yet" in err and err.count("\n") == 1
    main(capsys, "demo", "--db", str(path), "--owner", "someone@else")
    code, out, err = main(capsys, "results", "--db", str(path), "--rejection", "1")
    assert (code, out, err) == (2, "", "error: There is no rejection with id 1.\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("list", "--format", "csv"), "error: argument --format: invalid choice"),
        (("results", "--format", "table"), "error: argument --format: invalid choice"),
        (("results", "--rejection", "0"), "error: argument --rejection: '0' is not a rejection"),
        (("results", "--rejection", "1", "--latest"), "error: argument --latest: not allowed"),
    ],
)
def test_list_and_results_bad_arguments_exit_2_with_one_line(tmp_path, capsys, args, message):
    code, out, err = main(capsys, *args, "--db", str(tmp_path / "r.db"))
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1


@pytest.mark.parametrize("command", ["list", "results"])
def test_list_and_results_on_a_file_that_is_not_a_database_exit_2(tmp_path, command):
    path = tmp_path / "notes.db"
    path.write_bytes(b"not a database" * 100)
    done = run(command, "--db", str(path))
    assert done.returncode == 2 and done.stdout == b""
    err = done.stderr.decode()
    assert "could not be opened" in err and err.count("\n") == 1 and "Traceback" not in err


def _practice(path: Path) -> None:
    """Two stories (one started from a rejection), a drill using it and a re-rating."""
    from assessment.models import Drill, Rerating, Story
    from assessment.practice import bank

    db = storage.connect(path)
    try:
        rid = storage.latest_rejection_id(db)
        sid = bank.add_story(db, Story("The weekly report", skills=("evidence",), rejection_id=rid))
        bank.add_story(db, Story("Calm under pressure", skills=("composure",)))
        day = dt.date(2026, 11, 20)
        bank.record_drill(db, Drill("evidence", "A result?", "Ten minutes.", day, story_id=sid))
        bank.add_rerating(db, Rerating("evidence", 4, day, rejection_id=rid))
    finally:
        db.close()


def test_export_and_import_carry_the_practice_and_say_so(tmp_path, capsys):
    source, target, file = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "backup.json"
    own_data(source)
    _practice(source)
    code, out, err = main(capsys, "export", "--db", str(source), "-o", str(file))
    assert code == 0 and out == ""
    assert err == (f"Exported 3 rejections with 2 stories, 1 drill and 1 re-rating to {file}.\n")
    doc = json.loads(file.read_text())
    assert doc["version"] == 2 and doc["drills"][0]["story"] == 1
    assert doc["stories"][0]["rejection"]["company"] in {r["company"] for r in doc["rejections"]}
    code, out, err = main(capsys, "import", str(file), "--db", str(target))
    assert (code, out) == (0, "")
    assert err == (
        "Added 3 rejections; skipped 0 already there.\n"
        "Added 2 stories, 1 drill and 1 re-rating; skipped 0 practice items already there.\n"
    )
    code, out, err = main(capsys, "import", str(file), "--db", str(target))
    assert "Added 0 stories, 0 drills and 0 re-ratings; skipped 4 practice items" in err
    code, again, _ = main(capsys, "export", "--db", str(target))
    exported = json.loads(again)
    exported["exported_at"] = doc["exported_at"]
    assert exported == doc


def test_an_invalid_practice_item_exits_2_naming_it_and_writes_nothing(tmp_path):
    path, file = tmp_path / "r.db", tmp_path / "bad.json"
    run("demo", "--db", str(path))
    before = dump(path)
    doc = {
        "format": "rebound-backup",
        "version": 2,
        "rejections": [GOOD],
        "stories": [{"title": "Fine", "skills": ["evidence"]}],
        "reratings": [{"skill": "evidence", "rating": 9, "rated_on": "2026-01-03"}],
    }
    file.write_text(json.dumps(doc))
    done = run("import", str(file), "--db", str(path))
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.decode().splitlines() == [
        "error: Re-rating 1 (evidence), field rating: Rating must be from 1 to 5. "
        "Nothing was imported."
    ]
    assert dump(path) == before


def test_a_version_1_file_imports_without_practice_lines(tmp_path, capsys):
    file = tmp_path / "v1.json"
    file.write_text(_backup(GOOD))
    code, out, err = main(capsys, "import", str(file), "--db", str(tmp_path / "r.db"))
    assert (code, out, err) == (0, "", "Added 1 rejections; skipped 0 already there.\n")
