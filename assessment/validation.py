"""Checks at the edge (forms, import, CLI): every refusal is a sentence naming the field.

Text is stored exactly as typed; the only changes are line endings normalised to ``\\n`` and,
in single-line fields, newlines removed. Over-long text is refused, never cut.
"""

from __future__ import annotations

import datetime as dt
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
}
SHORT_FIELDS = ("company", "role", "contact_name", "title")
LONG_FIELDS = ("reason_given", "went_well", "do_differently", "outside_control", "text")

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
    for field, value in (
        ("company", company),
        ("role", role),
        ("contact_name", contact_name),
        ("reason_given", reason_given),
    ):
        message = length_error(field, value)
        if message:
            errors[field] = message
    if stage not in STAGE_KEYS:
        errors["stage"] = "Choose the stage you reached."
    if rejected_on is None:
        errors["rejected_on"] = "Rejection date is required."
    elif rejected_on > today:
        errors["rejected_on"] = "Rejection date cannot be in the future."
    if interviewed_on is not None:
        if interviewed_on > today:
            errors["interviewed_on"] = "Interview date cannot be in the future."
        elif rejected_on is not None and rejected_on < interviewed_on:
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
    for field, value in (
        ("went_well", went_well),
        ("do_differently", do_differently),
        ("outside_control", outside_control),
    ):
        message = length_error(field, value)
        if message:
            errors[field] = message
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


def check_feedback(
    *, status: str, requested_on: dt.date | None, text: str, today: dt.date | None = None
) -> dict[str, str]:
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    if status not in FEEDBACK_STATUS_KEYS:
        errors["status"] = "Choose whether you asked for feedback."
    if requested_on is not None and requested_on > today:
        errors["requested_on"] = "The date you asked cannot be in the future."
    message = length_error("text", text)
    if message:
        errors["text"] = message
    return errors
