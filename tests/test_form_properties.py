"""Bad input everywhere: every form and the import driven with generated values.

No input may produce a Streamlit exception box or a traceback; every refusal is a sentence that
names its field; accepted text reads back exactly (line endings normalised to ``\\n`` and, in
single-line fields, newlines removed, are the only changes).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from assessment import backup, storage
from assessment.forms import WAITING_STATUSES
from assessment.models import Rejection
from assessment.skills import (
    FEEDBACK_STATUS_KEYS,
    FIT_FACTOR_KEYS,
    LONG_TEXT_LIMIT,
    SHORT_TEXT_LIMIT,
    SKILL_KEYS,
    STAGE_KEYS,
    STRATEGY_KEYS,
)
from assessment.text import counted
from assessment.validation import FIELD_LABELS
from tests.helpers import ROOT, new_app

pytestmark = pytest.mark.slow  # hypothesis drives every form (tens of seconds)

TODAY = dt.date.today()
EARLIEST = TODAY - dt.timedelta(days=9 * 365)  # within the date pickers' ten-year range
APP_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

HOSTILE = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "[a link](https://example.com/)",
    "![](https://example.com/pixel.png)",
    ":smile: $x^2$ **bold** # heading",
    "\u202eright-to-left\u202c \u200f mark",
    "line one\r\nline two\rline three\n",
    "\x00\x07\x1b[31mcontrol\x7f",
    "😀 👩\u200d👩\u200d👧 🏳️\u200d🌈",
    "",
    "   ",
    "\n",
]
LIMIT_EDGES = [SHORT_TEXT_LIMIT, SHORT_TEXT_LIMIT + 1, LONG_TEXT_LIMIT, LONG_TEXT_LIMIT + 1]
TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from(HOSTILE),
    st.builds(
        lambda c, n: c * n, st.characters(exclude_categories=["Cs"]), st.sampled_from(LIMIT_EDGES)
    ),
)
DATES = st.dates(min_value=EARLIEST, max_value=TODAY)
NEWLINES = re.compile(r"\r\n|\r|\n")
SENTENCE = re.compile(r"^\S.*[.)]$", re.DOTALL)


def as_text(value: str) -> str:
    return NEWLINES.sub("\n", value)


def as_line(value: str) -> str:
    return NEWLINES.sub("", value)


@pytest.fixture(scope="module", autouse=True)
def in_project_root() -> Iterator[None]:
    before = os.getcwd()
    os.chdir(ROOT)
    yield
    os.chdir(before)


@contextmanager
def fresh_db(with_rejection: bool = False) -> Iterator[Path]:
    """A database of its own for one generated example, through ``REBOUND_DB``."""
    old = os.environ.get("REBOUND_DB")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rebound.db"
        db = storage.connect(path)
        if with_rejection:
            storage.save_reflection(
                db, Rejection(company="Acme", role="Analyst", stage="onsite", rejected_on=TODAY)
            )
        db.close()
        os.environ["REBOUND_DB"] = str(path)
        try:
            yield path
        finally:
            if old is None:
                os.environ.pop("REBOUND_DB", None)
            else:
                os.environ["REBOUND_DB"] = old


def open_page(page: str) -> AppTest:
    at = new_app()
    at.run()
    at.switch_page(page)
    at.run()
    return at


def assert_calm(at: AppTest) -> list[str]:
    """No exception box; every error is a sentence naming a field. Returns the errors."""
    assert not at.exception, at.exception[0].value if at.exception else ""
    messages = [e.value for e in at.error]
    for message in messages:
        assert SENTENCE.match(message), message
        assert any(label.lower() in message.lower() for label in FIELD_LABELS.values()), message
    return messages


def step_of(at: AppTest) -> str:
    return at.get("progress")[0].proto.text


def read_back(path: Path) -> Rejection:
    db = storage.connect(path)
    try:
        return storage.get_rejection(db, storage.latest_rejection_id(db))
    finally:
        db.close()


# ---- Reflect ---------------------------------------------------------------------------


@APP_SETTINGS
@given(
    company=TEXT,
    role=TEXT,
    contact=TEXT,
    reason=TEXT,
    went_well=TEXT,
    do_differently=TEXT,
    outside_control=TEXT,
    interviewed_on=st.one_of(st.none(), DATES),
    rejected_on=DATES,
)
def test_reflect_takes_any_input_calmly(
    company,
    role,
    contact,
    reason,
    went_well,
    do_differently,
    outside_control,
    interviewed_on,
    rejected_on,
):
    with fresh_db() as path:
        at = open_page("app_pages/reflect.py")
        at.text_input(key="r_company").input(company)
        at.text_input(key="r_role").input(role)
        at.text_input(key="r_contact_name").input(contact)
        at.text_area(key="r_reason_given").input(reason)
        at.date_input(key="r_interviewed_on").set_value(interviewed_on)
        at.date_input(key="r_rejected_on").set_value(rejected_on)
        at.button(key="r_next_1").click().run()
        errors = assert_calm(at)
        expected = []
        for label, value, limit, required in (
            ("Company", as_line(company), SHORT_TEXT_LIMIT, True),
            ("Role", as_line(role), SHORT_TEXT_LIMIT, True),
            ("Contact name", as_line(contact), SHORT_TEXT_LIMIT, False),
            ("Reason they gave", as_text(reason), LONG_TEXT_LIMIT, False),
        ):
            if len(value) > limit:
                expected.append(
                    f"{label} is {len(value):,} characters long; the limit is {limit:,}"
                )
            elif required and not value.strip():
                expected.append(f"{label} is required.")
        if interviewed_on and rejected_on < interviewed_on:
            expected.append("Rejection date cannot be before the interview date.")
        if expected:
            assert "Step 1 of 3" in step_of(at)
            for start in expected:
                assert any(m.startswith(start) for m in errors), (start, errors)
            assert len(errors) == len(expected)
            event("refused at step 1")
            return
        assert not errors and "Step 2 of 3" in step_of(at)

        at.text_area(key="r_went_well").input(went_well)
        at.text_area(key="r_do_differently").input(do_differently)
        at.text_area(key="r_outside_control").input(outside_control)
        at.button(key="r_next_2").click().run()
        errors = assert_calm(at)
        too_long = [
            label
            for label, value in (
                ("What went well", went_well),
                ("What you would do differently", do_differently),
                ("What was outside your control", outside_control),
            )
            if len(as_text(value)) > LONG_TEXT_LIMIT
        ]
        if too_long:
            assert "Step 2 of 3" in step_of(at)
            assert sorted(m.split(" is ")[0] for m in errors) == sorted(too_long)
            event("refused at step 2")
            return
        at.button(key="r_save").click().run()
        assert_calm(at)
        assert at.title[0].value == "Interviewer feedback"  # the next step Home promises
        saved = read_back(path)
        assert (saved.company, saved.role, saved.contact_name) == (
            as_line(company),
            as_line(role),
            as_line(contact),
        )
        assert saved.reason_given == as_text(reason)
        assert (saved.interviewed_on, saved.rejected_on) == (interviewed_on, rejected_on)
        assert saved.reflection.went_well == as_text(went_well)
        assert saved.reflection.do_differently == as_text(do_differently)
        assert saved.reflection.outside_control == as_text(outside_control)
        event("saved")


# ---- Feedback --------------------------------------------------------------------------


@APP_SETTINGS
@given(
    text=TEXT,
    status=st.sampled_from(FEEDBACK_STATUS_KEYS),
    requested_on=st.one_of(st.none(), DATES),
    button=st.sampled_from(["fb_read", "fb_save"]),
)
def test_feedback_takes_any_input_calmly(text, status, requested_on, button):
    with fresh_db(with_rejection=True) as path:
        at = open_page("app_pages/feedback.py")
        at.radio(key="fb_status").set_value(status)
        at.date_input(key="fb_requested_on").set_value(requested_on)
        at.text_area(key="fb_text").input(text)
        at.button(key=button).click().run()
        errors = assert_calm(at)
        too_long = len(as_text(text)) > LONG_TEXT_LIMIT
        if too_long:
            assert any(m.startswith("Feedback text is ") for m in errors)
            assert read_back(path).feedback.text == ""
            event("refused: too long")
            return
        if button == "fb_read":
            assert not errors
            event("read")
            return
        # saving text on a fresh rejection marks it received (forms.feedback_status)
        brings_feedback = bool(as_text(text).strip())
        expected = "received" if brings_feedback and status in WAITING_STATUSES else status
        if expected == "requested" and requested_on is None:
            assert errors and "date you asked" in errors[0]
            event("refused: no date")
            return
        assert not errors and at.title[0].value == "Results"
        saved = read_back(path).feedback
        assert (saved.status, saved.requested_on, saved.text) == (
            expected,
            requested_on,
            as_text(text),
        )
        event("saved")


# ---- Next steps: the reply box ---------------------------------------------------------


@pytest.fixture(scope="module")
def next_steps_app() -> Iterator[AppTest]:
    """One Next steps page for every generated reply (typing does not change the database)."""
    with fresh_db(with_rejection=True):
        yield open_page("app_pages/next_steps.py")


@APP_SETTINGS
@given(reply=TEXT)
def test_the_reply_box_takes_any_input_calmly(next_steps_app, reply):
    at = next_steps_app
    reply = reply[:20_000]  # the box's max_chars: the browser cannot send more
    at.text_area(key="reply_box").input(reply)
    at.button(key="check_tone").click().run()
    assert_calm(at)
    assert at.text_area(key="reply_box").value == reply
    said = [m.value for m in (*at.info, *at.success, *at.warning)]
    assert said, "the tone check said nothing"


# ---- the backup: generated documents ---------------------------------------------------

JSON_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 10),
    st.floats(allow_nan=True, allow_infinity=False),
    st.text(max_size=8),
)
ANY_JSON = st.recursive(
    JSON_LEAF,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=6,
)
DATE_TEXT = st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2030, 12, 31)).map(
    dt.date.isoformat
)
EARLIER_DATE_TEXT = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2009, 12, 31)).map(
    dt.date.isoformat
)
REQUIRED_TEXT = st.one_of(
    st.text(min_size=1, max_size=30).filter(str.strip),
    st.sampled_from([h for h in HOSTILE if h.strip()]),
)
ANYTHING = st.one_of(
    ANY_JSON,
    ANY_JSON,
    TEXT,
    st.sampled_from(["2026-02-30", "2026-13-01", "26-1-1", "٢٠٢٦-١٠-٠٢", "2026-10-02T00:00"]),
)
RATINGS_5 = st.dictionaries(st.sampled_from(SKILL_KEYS), st.one_of(st.none(), st.integers(1, 5)))
RATINGS_4 = st.dictionaries(st.sampled_from(SKILL_KEYS), st.one_of(st.none(), st.integers(1, 4)))
VALID_REJECTION = st.fixed_dictionaries(
    {
        "company": REQUIRED_TEXT,
        "role": REQUIRED_TEXT,
        "stage": st.sampled_from(STAGE_KEYS),
        "rejected_on": DATE_TEXT,
    },
    optional={
        "contact_name": TEXT,
        "interviewed_on": EARLIER_DATE_TEXT,
        "reason_given": TEXT,
        "fit_factors": st.lists(st.sampled_from(FIT_FACTOR_KEYS), max_size=3, unique=True),
        "reflection": st.fixed_dictionaries(
            {},
            optional={
                "went_well": TEXT,
                "do_differently": TEXT,
                "outside_control": TEXT,
                "mood": st.one_of(st.none(), st.integers(1, 5)),
                "confidence": st.one_of(st.none(), st.integers(1, 5)),
            },
        ),
        "self_ratings": RATINGS_5,
        "feedback": st.fixed_dictionaries(
            {},
            optional={
                "status": st.sampled_from(FEEDBACK_STATUS_KEYS),
                "requested_on": DATE_TEXT,
                "text": TEXT,
                "findings": st.lists(
                    st.fixed_dictionaries(
                        {
                            "key": st.sampled_from(SKILL_KEYS + FIT_FACTOR_KEYS),
                            "polarity": st.sampled_from([-1, 0, 1]),
                            "quote": TEXT,
                        }
                    ),
                    max_size=2,
                ),
                "ratings": RATINGS_4,
            },
        ),
        "actions": st.lists(
            st.fixed_dictionaries(
                {"title": REQUIRED_TEXT, "strategy": st.sampled_from(STRATEGY_KEYS)},
                optional={
                    "skill": st.one_of(st.none(), st.sampled_from(SKILL_KEYS)),
                    "due_on": DATE_TEXT,
                    "done_on": DATE_TEXT,
                },
            ),
            max_size=2,
        ),
    },
)
VALID_DOC = st.fixed_dictionaries(
    {
        "format": st.just("rebound-backup"),
        "version": st.just(1),
        "exported_at": st.just("2026-11-25T12:00:00Z"),
        "rejections": st.lists(VALID_REJECTION, max_size=3),
    }
)


def _paths(value, prefix=()):
    """Every place in a JSON value (dict keys and list positions), outermost first."""
    yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _paths(inner, (*prefix, i))


@st.composite
def backup_docs(draw) -> dict:
    """A valid backup, or one with a single place replaced by any JSON at all."""
    doc = draw(VALID_DOC)
    if draw(st.booleans()):
        return doc
    path = draw(st.sampled_from([p for p in _paths(doc) if p]))
    target = doc
    for step in path[:-1]:
        target = target[step]
    if isinstance(target, dict) and draw(st.booleans()):
        target[draw(st.text(min_size=1, max_size=8))] = draw(ANYTHING)  # an unknown field
    else:
        target[path[-1]] = draw(ANYTHING)
    return doc


BACKUP_DOC = backup_docs()
BACKUP_BYTES = st.one_of(
    BACKUP_DOC.map(lambda d: json.dumps(d).encode()),
    BACKUP_DOC.map(lambda d: json.dumps(d, ensure_ascii=False).encode("utf-8-sig")),
    st.binary(max_size=40),
    st.sampled_from([b"", b"{", b"[" * 100_000, b'{"format": "rebound-backup"}', b"\xff\xfe"]),
)


def assert_refusal_names_its_field(error: backup.BackupError) -> None:
    assert SENTENCE.match(error.message), error.message
    if error.position is not None:
        assert error.message.startswith(f"Rejection {error.position}"), error.message
        assert f"field {error.field}" in error.message, error.message
    elif error.field is not None:
        assert error.field in error.message, error.message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=BACKUP_BYTES)
def test_parse_backup_accepts_exactly_or_refuses_with_a_sentence(raw):
    try:
        rejections = backup.parse_backup(raw)
    except backup.BackupError as error:
        assert_refusal_names_its_field(error)
        event(f"refused: {error.field or 'file'}")
        return
    doc = json.loads(raw.decode("utf-8-sig"))
    assert len(rejections) == len(doc["rejections"])
    for item, rejection in zip(doc["rejections"], rejections, strict=True):
        assert (rejection.company, rejection.role) == (item["company"], item["role"])
        assert rejection.reason_given == (item.get("reason_given") or "")
        reflection = item.get("reflection") or {}
        assert rejection.reflection.went_well == (reflection.get("went_well") or "")
        feedback = item.get("feedback") or {}
        assert rejection.feedback.text == (feedback.get("text") or "")
    event(f"accepted {len(rejections)}")


@APP_SETTINGS
@given(raw=BACKUP_BYTES)
def test_the_import_upload_takes_any_file_calmly(raw):
    with fresh_db() as path:
        at = open_page("app_pages/data.py")
        at.file_uploader[0].upload("backup.json", raw, "application/json")
        at.run()
        assert not at.exception
        try:
            rejections = backup.parse_backup(raw)
        except backup.BackupError as error:
            assert "nothing was changed" in at.error[0].value
            assert any(error.message == c.value for c in at.code)
            event("refused")
            return
        new = {backup.identity(r.company, r.role, r.rejected_on) for r in rejections}
        button = at.button(key="import_go")
        assert button.label == f"Import {counted(len(new), 'rejection')}"
        if new:
            button.click().run()
            assert not at.exception
            db = storage.connect(path)
            try:
                assert storage.count_rejections(db) == len(new)
            finally:
                db.close()
        event(f"imported {len(new)}")
