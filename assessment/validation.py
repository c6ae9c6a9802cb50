"""Checks at the edge (forms, import, CLI): every refusal is a sentence naming the field.

Text is stored exactly as typed; the only changes are line endings normalised to ``\\n`` and,
in single-line fields, newlines removed. Over-long text is refused, never cut.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from assessment.skills import (
    FEEDBACK_STATUS_KEYS,
    FIT_FACTOR_KEYS,
    INTERVIEWER_SCALE,
    LONG_TEXT_LIMIT,
    SHORT_TEXT_LIMIT,
    SKILL_KEYS,
    STAGE_KEYS,
)

FIELD_LABELS: dict[str, str] = {
    "company": "Company",
    "role": "Role",
    "contact_name": "Contact name",
    "stage": "Stage reached",
    "interviewed_on": "Interview date",
    "rejected_on": "Rejection date",
    "reason_given": "Reason they gave",
    "fit_factors": "Outside your control",
    "went_well": "What went well",
    "do_differently": "What you would do differently",
    "outside_control": "What was outside your control",
    "mood": "Mood",
    "confidence": "Confidence",
    "status": "Feedback status",
    "requested_on": "Date you asked",
    "text": "Feedback text",
    "title": "Title",
    "due_on": "Due date",
    "done_on": "Done date",
    "quote": "Quote",
    "situation": "Situation",
    "task": "Task",
    "action": "Action",
    "result": "Result",
    "skills": "Skills",
    "skill": "Skill",
    "question": "Question",
    "question_id": "Question id",
    "answer": "Answer",
    "checklist": "Checklist",
    "practised_on": "Practice date",
    "rating": "Rating",
    "rated_on": "Rating date",
}
SHORT_FIELDS = ("company", "role", "contact_name", "title", "question_id")

_NEWLINES = re.compile(r"\r\n|\r|\n")


def clean_text(value: str | None) -> str:
    """Multi-line text: line endings normalised to ``\\n``."""
    return _NEWLINES.sub("\n", value or "")


def clean_line(value: str | None) -> str:
    """Single-line text: newlines removed."""
    return _NEWLINES.sub("", value or "")


def length_error(field: str, value: str) -> str | None:
    limit = SHORT_TEXT_LIMIT if field in SHORT_FIELDS else LONG_TEXT_LIMIT
    if len(value) > limit:
        return (
            f"{FIELD_LABELS[field]} is {len(value):,} characters long; the limit is "
            f"{limit:,}. Please shorten it (nothing was cut or saved)."
        )
    return None


def _within_limits(errors: dict[str, str], **values: str) -> None:
    """Add a length error for each field (name: text) that is over its limit."""
    for field, value in values.items():
        message = length_error(field, value)
        if message:
            errors[field] = message


def _required_text(errors: dict[str, str], field: str, value: str) -> None:
    """Add an error when a required text field is blank or over its limit."""
    if not value.strip():
        errors[field] = f"{FIELD_LABELS[field]} is required."
        return
    _within_limits(errors, **{field: value})


# ---- dates: the one rule of every date field, for the forms, the import and the pages ----

EARLIEST_DATE = dt.date(1970, 1, 1)
"""No date in Rebound is earlier: an interview, a rejection or an action before 1970 is a typo."""
DUE_YEARS_AHEAD = 10
"""A due date may be up to ten years ahead (the date pickers' own range)."""
PAST_DATE_FIELDS = (
    "interviewed_on",
    "rejected_on",
    "requested_on",
    "done_on",
    "practised_on",
    "rated_on",
)
"""Dates of something that happened: from :data:`EARLIEST_DATE` to today."""
_DATE_SUBJECTS = {"requested_on": "The date you asked"}


def _years_after(day: dt.date, years: int) -> dt.date:
    if day.year + years > dt.MAXYEAR:
        return dt.date.max
    if (day.month, day.day) == (2, 29):
        day = day.replace(day=28)
    return day.replace(year=day.year + years)


def date_range(field: str, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The first and last date ``field`` accepts (both included). Pages use it for their date
    pickers' ``min_value`` and ``max_value``; :func:`date_error` checks a value against it."""
    today = today or dt.date.today()
    if field in PAST_DATE_FIELDS:
        return EARLIEST_DATE, today
    if field == "due_on":
        return EARLIEST_DATE, _years_after(today, DUE_YEARS_AHEAD)
    raise KeyError(f"{field} is not a date field")


def picker_range(
    field: str, *stored: dt.date | None, today: dt.date | None = None
) -> tuple[dt.date, dt.date]:
    """``min_value`` and ``max_value`` for a page's date picker of ``field``: the field's
    range, widened to hold the ``stored`` dates, so a date saved before these rules (or
    written by hand into the database) is shown, and refused with a message on save,
    instead of crashing the page."""
    first, last = date_range(field, today)
    days = [d for d in stored if d is not None]
    return min([first, *days]), max([last, *days])


def date_error(field: str, value: dt.date | None, today: dt.date | None = None) -> str | None:
    """Why ``value`` cannot be stored in the date field ``field``, or None if it can
    (no date at all is always allowed here; whether one is required is the caller's rule)."""
    if value is None:
        return None
    today = today or dt.date.today()
    first, last = date_range(field, today)
    label = _DATE_SUBJECTS.get(field, FIELD_LABELS[field])
    if value > last:
        if last == today:
            return f"{label} cannot be in the future."
        return f"{label} cannot be after {last.isoformat()}."
    if value < first:
        return f"{label} cannot be before {first.isoformat()}."
    return None


def check_rejection(
    *,
    company: str,
    role: str,
    contact_name: str,
    stage: str | None,
    interviewed_on: dt.date | None,
    rejected_on: dt.date | None,
    reason_given: str,
    fit_factors: tuple[str, ...] | list[str] = (),
    today: dt.date | None = None,
) -> dict[str, str]:
    """Errors keyed by field; empty when the rejection can be saved."""
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    for field, value in (("company", company), ("role", role)):
        if not value.strip():
            errors[field] = f"{FIELD_LABELS[field]} is required."
    _within_limits(
        errors, company=company, role=role, contact_name=contact_name, reason_given=reason_given
    )
    if stage not in STAGE_KEYS:
        errors["stage"] = "Choose the stage you reached."
    if rejected_on is None:
        errors["rejected_on"] = "Rejection date is required."
    for field, value in (("rejected_on", rejected_on), ("interviewed_on", interviewed_on)):
        message = date_error(field, value, today)
        if message:
            errors[field] = message
    if (
        not errors.keys() & {"rejected_on", "interviewed_on"}
        and interviewed_on is not None
        and rejected_on < interviewed_on
    ):
        errors["rejected_on"] = "Rejection date cannot be before the interview date."
    unknown = [f for f in fit_factors if f not in FIT_FACTOR_KEYS]
    if unknown:
        errors["fit_factors"] = f"Unknown fit factor: {', '.join(unknown)}."
    return errors


def check_reflection(
    *,
    went_well: str,
    do_differently: str,
    outside_control: str,
    mood: int | None,
    confidence: int | None,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    _within_limits(
        errors, went_well=went_well, do_differently=do_differently, outside_control=outside_control
    )
    for field, value in (("mood", mood), ("confidence", confidence)):
        if value is not None and value not in range(1, 6):
            errors[field] = f"{FIELD_LABELS[field]} must be from 1 to 5."
    return errors


def check_ratings(ratings: dict[str, int | None], source: str) -> dict[str, str]:
    """Self ratings are 1-5, interviewer ratings 1-4; None means not sure / not assessed."""
    allowed = range(1, 6) if source == "self" else range(1, len(INTERVIEWER_SCALE) + 1)
    errors: dict[str, str] = {}
    for key, value in ratings.items():
        if key not in SKILL_KEYS:
            errors[key] = f"Unknown skill: {key}."
        elif value is not None and (isinstance(value, bool) or value not in allowed):
            errors[key] = f"Rating of {key} must be from {allowed[0]} to {allowed[-1]} or empty."
    return errors


REQUESTED_NEEDS_A_DATE = (
    "Add the date you asked, so Rebound can suggest a polite nudge after a week."
)


def check_feedback(
    *, status: str, requested_on: dt.date | None, text: str, today: dt.date | None = None
) -> dict[str, str]:
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    if status not in FEEDBACK_STATUS_KEYS:
        errors["status"] = "Choose whether you asked for feedback."
    message = date_error("requested_on", requested_on, today)
    if message:
        errors["requested_on"] = message
    elif status == "requested" and requested_on is None:
        errors["requested_on"] = REQUESTED_NEEDS_A_DATE
    _within_limits(errors, text=text)
    return errors


def check_action(
    *, title: str, due_on: dt.date | None, done_on: dt.date | None, today: dt.date | None = None
) -> dict[str, str]:
    """An accepted or done step: a title, and its due and done dates in range."""
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    _required_text(errors, "title", title)
    for field, value in (("due_on", due_on), ("done_on", done_on)):
        message = date_error(field, value, today)
        if message:
            errors[field] = message
    return errors


# ---- practice: stories, drills and re-ratings (assessment.practice.bank) ----------------

CHECKLIST_LIMIT = 5 * LONG_TEXT_LIMIT
"""A drill's checklist as JSON text: it quotes the answer's own words, a few times at most."""


def _skill_error(field: str, skill: object) -> str | None:
    if skill not in SKILL_KEYS:
        return f"{FIELD_LABELS[field]} must be one of {', '.join(SKILL_KEYS)}."
    return None


def check_story(
    *,
    title: str,
    situation: str,
    task: str,
    action: str,
    result: str,
    skills: tuple[str, ...] | list[str],
) -> dict[str, str]:
    """A story of the story bank: a title, the four parts within the long limit, and the
    skills it shows (skill keys, each once)."""
    errors: dict[str, str] = {}
    _required_text(errors, "title", title)
    _within_limits(errors, situation=situation, task=task, action=action, result=result)
    unknown = [s for s in skills if s not in SKILL_KEYS]
    if unknown:
        errors["skills"] = f"Unknown skill: {', '.join(map(str, unknown))}."
    elif len(set(skills)) != len(skills):
        errors["skills"] = "Skills lists the same skill twice."
    return errors


def check_drill(
    *,
    skill: str,
    question: str,
    answer: str,
    practised_on: dt.date | None,
    checklist: object,
    question_id: str | None = None,
    today: dt.date | None = None,
) -> dict[str, str]:
    """A practice answer: its skill, the question and the answer (both required), the
    date it was practised (required, not in the future) and its checklist (a JSON object)."""
    errors: dict[str, str] = {}
    message = _skill_error("skill", skill)
    if message:
        errors["skill"] = message
    _required_text(errors, "question", question)
    _required_text(errors, "answer", answer)
    if question_id is not None:
        _within_limits(errors, question_id=question_id)
    if practised_on is None:
        errors["practised_on"] = f"{FIELD_LABELS['practised_on']} is required."
    else:
        message = date_error("practised_on", practised_on, today)
        if message:
            errors["practised_on"] = message
    message = _checklist_error(checklist)
    if message:
        errors["checklist"] = message
    return errors


def _checklist_error(checklist: object) -> str | None:
    if not isinstance(checklist, dict):
        return "Checklist must be an object (the answer check's items)."
    try:
        text = json.dumps(checklist, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return "Checklist must hold only plain JSON values (text, numbers, true/false, lists)."
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "Checklist contains characters that are not valid text."
    if len(text) > CHECKLIST_LIMIT:
        return (
            f"Checklist is {len(text):,} characters long as JSON; the limit is {CHECKLIST_LIMIT:,}."
        )
    return None


def check_rerating(
    *, skill: str, rating: int | None, rated_on: dt.date | None, today: dt.date | None = None
) -> dict[str, str]:
    """A re-rating: a skill, a rating from 1 to 5 and the date (required, not in the future)."""
    errors: dict[str, str] = {}
    message = _skill_error("skill", skill)
    if message:
        errors["skill"] = message
    if not isinstance(rating, int) or isinstance(rating, bool) or rating not in range(1, 6):
        errors["rating"] = f"{FIELD_LABELS['rating']} must be from 1 to 5."
    if rated_on is None:
        errors["rated_on"] = f"{FIELD_LABELS['rated_on']} is required."
    else:
        message = date_error("rated_on", rated_on, today)
        if message:
            errors["rated_on"] = message
    return errors
