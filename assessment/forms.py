"""The forms' rules: the Reflect questionnaire's draft, and the status the Feedback form saves.

A draft is a plain dict: it lives in the browser session and, as JSON, in the database
(``assessment.drafts``) until the last step saves it.

Feedback status follows the facts (:func:`feedback_status`): the save that first brings
feedback in (text, an interviewer rating or a kept finding, where none was stored) marks it
``received`` when the status still said ``not_requested`` or ``requested``. From then on the
status is the user's: whatever they set it to on a later save is kept, even with feedback
stored, so the app never changes it back. :func:`assessment.storage.save_feedback` applies
the rule inside its transaction (the Feedback page also applies it first, to check the status
that will be saved); a backup import applies it to each rejection it adds (nothing is stored
for it yet), and migration ``0004_feedback_received`` applied it once to what earlier versions
stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from assessment import validation
from assessment.models import Feedback, Reflection, Rejection
from assessment.skills import (
    FEEDBACK_STATUS_KEYS,
    FIT_FACTOR_KEYS,
    INTERVIEWER_SCALE,
    MOOD_SCALE,
    SELF_SCALE,
    SKILL_KEYS,
    STAGE_KEYS,
)

REFLECT_STEPS = ("The rejection", "Your reflection", "Rate yourself")

REJECTION_FIELDS = (
    "company",
    "role",
    "contact_name",
    "stage",
    "interviewed_on",
    "rejected_on",
    "reason_given",
    "fit_factors",
)
REFLECTION_FIELDS = ("went_well", "do_differently", "outside_control", "mood", "confidence")


def empty_draft(today: dt.date | None = None) -> dict[str, Any]:
    return {
        "id": None,
        "company": "",
        "role": "",
        "contact_name": "",
        "stage": "onsite",
        "interviewed_on": None,
        "rejected_on": today or dt.date.today(),
        "reason_given": "",
        "fit_factors": [],
        "went_well": "",
        "do_differently": "",
        "outside_control": "",
        "mood": None,
        "confidence": None,
        "self_ratings": {k: None for k in SKILL_KEYS},
    }


def draft_from_rejection(rejection: Rejection) -> dict[str, Any]:
    r = rejection.reflection
    return {
        "id": rejection.id,
        "company": rejection.company,
        "role": rejection.role,
        "contact_name": rejection.contact_name,
        "stage": rejection.stage,
        "interviewed_on": rejection.interviewed_on,
        "rejected_on": rejection.rejected_on,
        "reason_given": rejection.reason_given,
        "fit_factors": list(rejection.fit_factors),
        "went_well": r.went_well,
        "do_differently": r.do_differently,
        "outside_control": r.outside_control,
        "mood": r.mood,
        "confidence": r.confidence,
        "self_ratings": {k: rejection.self_ratings.get(k) for k in SKILL_KEYS},
    }


def clean_rejection_part(values: dict[str, Any]) -> dict[str, Any]:
    """Normalise the first step's text: single-line fields lose newlines. Fit factors are
    asked on the reflection step, so a first step without them leaves the draft's as they are."""
    out = dict(values)
    for field in ("company", "role", "contact_name"):
        out[field] = validation.clean_line(out.get(field))
    out["reason_given"] = validation.clean_text(out.get("reason_given"))
    if "fit_factors" in out:
        out["fit_factors"] = list(out["fit_factors"] or [])
    return out


def clean_reflection_part(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    for field in ("went_well", "do_differently", "outside_control"):
        out[field] = validation.clean_text(out.get(field))
    return out


def rejection_errors(draft: dict[str, Any], today: dt.date | None = None) -> dict[str, str]:
    return validation.check_rejection(**{f: draft[f] for f in REJECTION_FIELDS}, today=today)


def reflection_errors(draft: dict[str, Any]) -> dict[str, str]:
    return validation.check_reflection(**{f: draft[f] for f in REFLECTION_FIELDS})


def all_errors(draft: dict[str, Any], today: dt.date | None = None) -> dict[str, str]:
    errors = rejection_errors(draft, today)
    errors.update(reflection_errors(draft))
    errors.update(validation.check_ratings(draft["self_ratings"], "self"))
    return errors


def first_step_with_error(errors: dict[str, str]) -> int:
    """The first step (0, 1, 2) that asks a field with an error (:data:`STEP_FIELDS`)."""
    for step, fields in enumerate(STEP_FIELDS[:-1]):
        if any(f in errors for f in fields):
            return step
    return len(STEP_FIELDS) - 1


def rejection_from_draft(draft: dict[str, Any]) -> Rejection:
    return Rejection(
        id=draft["id"],
        company=draft["company"],
        role=draft["role"],
        contact_name=draft["contact_name"],
        stage=draft["stage"],
        interviewed_on=draft["interviewed_on"],
        rejected_on=draft["rejected_on"],
        reason_given=draft["reason_given"],
        fit_factors=tuple(draft["fit_factors"]),
        reflection=Reflection(
            went_well=draft["went_well"],
            do_differently=draft["do_differently"],
            outside_control=draft["outside_control"],
            mood=draft["mood"],
            confidence=draft["confidence"],
        ),
        self_ratings=dict(draft["self_ratings"]),
    )


def saved_reflection_message(*, edited: bool, following: str) -> str:
    """What saving a reflection says, on ``following``, the page it leads to."""
    said = "Your changes are saved." if edited else "Your reflection is saved."
    if following == "feedback":
        return f"{said} Next: what the interviewer said, or a polite way to ask for it."
    return said


# ---- the Feedback form ------------------------------------------------------------------

# The statuses that say no feedback came yet; saving feedback moves them on to "received".
WAITING_STATUSES = ("not_requested", "requested")


def has_feedback(feedback: Feedback | None) -> bool:
    """Whether the interviewer's side holds anything: text, a rating or a kept finding."""
    if feedback is None:
        return False
    return (
        bool(feedback.text.strip())
        or any(v is not None for v in feedback.ratings.values())
        or bool(feedback.findings)
    )


def feedback_status(new: Feedback, *, had_feedback: bool = False) -> str:
    """The status to save with ``new``; ``had_feedback``: whether feedback is stored already.

    ``received`` when ``new`` brings feedback in for the first time while its status says
    none came (``not_requested`` or ``requested``); otherwise the status as chosen. Once
    feedback is stored the choice is the user's, so a later save never overrides it.
    """
    if new.status in WAITING_STATUSES and has_feedback(new) and not had_feedback:
        return "received"
    return new.status


def feedback_to_save(new: Feedback, *, had_feedback: bool = False) -> Feedback:
    """``new`` with the status :func:`feedback_status` gives it."""
    status = feedback_status(new, had_feedback=had_feedback)
    return new if status == new.status else replace(new, status=status)


# ---- drafts: what a form holds, as JSON and back (``assessment.drafts`` stores it) ---------

# The Reflect step each field is asked on (a field's error takes the user to its step).
# "Outside your control" is asked once, on the reflection step: the common fit factors to
# pick and the user's own words beside them.
STEP_FIELDS: tuple[tuple[str, ...], ...] = (
    ("company", "role", "contact_name", "stage", "interviewed_on", "rejected_on", "reason_given"),
    ("went_well", "do_differently", "fit_factors", "outside_control", "mood", "confidence"),
    ("self_ratings", *SKILL_KEYS),
)
_TEXT_FIELDS = (
    "company",
    "role",
    "contact_name",
    "reason_given",
    "went_well",
    "do_differently",
    "outside_control",
)


def step_errors(draft: dict[str, Any], step: int, today: dt.date | None = None) -> dict[str, str]:
    """The errors of the fields asked on ``step`` (0, 1 or 2)."""
    return {f: m for f, m in all_errors(draft, today).items() if f in STEP_FIELDS[step]}


def reflect_draft_to_json(draft: dict[str, Any], step: int) -> dict[str, Any]:
    """The questionnaire's draft and step as JSON-ready data (dates as ISO text)."""
    fields = dict(draft)
    for field in ("interviewed_on", "rejected_on"):
        fields[field] = _iso(fields[field])
    fields["fit_factors"] = list(fields["fit_factors"])
    fields["self_ratings"] = dict(fields["self_ratings"])
    return {"step": step, "draft": fields}


def reflect_draft_from_json(data: Any, rejection_id: int | None = None) -> dict[str, Any] | None:
    """``{"step", "draft"}`` read back from :func:`reflect_draft_to_json`, or None when the
    data is not a questionnaire draft of this version for ``rejection_id`` (None: a new one),
    or has any field missing, extra or of the wrong type. Text is taken as it was typed,
    over-long included: the form refuses it with its usual message."""
    try:
        step, raw = data["step"], data["draft"]
        if not _is_int(step) or step not in range(len(REFLECT_STEPS)) or not isinstance(raw, dict):
            return None
        if set(raw) != set(empty_draft()) or raw["id"] != (rejection_id or None):
            return None
        if not all(isinstance(raw[f], str) for f in _TEXT_FIELDS):
            return None
        if raw["stage"] not in STAGE_KEYS or not _known_list(raw["fit_factors"], FIT_FACTOR_KEYS):
            return None
        if not all(_in_scale(raw[f], MOOD_SCALE) for f in ("mood", "confidence")):
            return None
        if not _ratings(raw["self_ratings"], SELF_SCALE):
            return None
        draft = dict(raw)
        draft["interviewed_on"] = _date(raw["interviewed_on"])
        draft["rejected_on"] = _date(raw["rejected_on"])
        draft["fit_factors"] = list(raw["fit_factors"])
        draft["self_ratings"] = dict(raw["self_ratings"])
        return {"step": step, "draft": draft}
    except (KeyError, TypeError, ValueError):
        return None


FEEDBACK_DRAFT_FIELDS = (
    "status",
    "requested_on",
    "text",
    "ratings",
    "rows",
    "card_rows",
    "read_empty",
)
_ROW_FIELDS = {"keep", "quote", "cue", "reads_as", "polarity", "intensity"}


def feedback_draft_to_json(fields: dict[str, Any]) -> dict[str, Any]:
    """The Feedback form's fields (``FEEDBACK_DRAFT_FIELDS``) as JSON-ready data."""
    out = {f: fields[f] for f in FEEDBACK_DRAFT_FIELDS}
    out["requested_on"] = _iso(out["requested_on"])
    out["ratings"] = dict(out["ratings"])
    out["rows"] = [dict(row) for row in out["rows"]]
    out["card_rows"] = [dict(row) for row in out["card_rows"]]
    return out


def _card_row_ok(row: Any) -> bool:
    from assessment.reading.review import CARD_ROW_FIELDS, RATING_OPTIONS, SKILL_OPTIONS

    return (
        isinstance(row, dict)
        and set(row) == CARD_ROW_FIELDS
        and isinstance(row["keep"], bool)
        and isinstance(row["line"], str)
        and isinstance(row["note"], str)
        and (row["skill"] is None or row["skill"] in SKILL_OPTIONS)
        and row["rating"] in RATING_OPTIONS
    )


def feedback_draft_from_json(data: Any) -> dict[str, Any] | None:
    """The Feedback form's fields read back from :func:`feedback_draft_to_json`, or None when
    the data is not a feedback draft of this version. A draft kept before scorecards were
    read has no ``card_rows``: it comes back with none."""
    from assessment.reading.review import POLARITY_LABELS, READS_AS_OPTIONS

    try:
        if isinstance(data, dict) and "card_rows" not in data:
            data = {**data, "card_rows": []}
        if not isinstance(data, dict) or set(data) != set(FEEDBACK_DRAFT_FIELDS):
            return None
        if not isinstance(data["card_rows"], list) or not all(
            _card_row_ok(row) for row in data["card_rows"]
        ):
            return None
        if data["status"] not in FEEDBACK_STATUS_KEYS or not isinstance(data["text"], str):
            return None
        if not isinstance(data["read_empty"], bool):
            return None
        if not _ratings(data["ratings"], INTERVIEWER_SCALE):
            return None
        rows = data["rows"]
        if not isinstance(rows, list):
            return None
        for row in rows:
            if not isinstance(row, dict) or set(row) != _ROW_FIELDS:
                return None
            if not isinstance(row["keep"], bool) or row["reads_as"] not in READS_AS_OPTIONS:
                return None
            if row["polarity"] not in POLARITY_LABELS.values():
                return None
            if not all(isinstance(row[f], str | None) for f in ("quote", "cue", "intensity")):
                return None
        fields = dict(data)
        fields["requested_on"] = _date(data["requested_on"])
        fields["ratings"] = dict(data["ratings"])
        fields["rows"] = [dict(row) for row in rows]
        fields["card_rows"] = [dict(row) for row in data["card_rows"]]
        return fields
    except (KeyError, TypeError, ValueError):
        return None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(value: Any) -> dt.date | None:
    """An ISO date or None; anything else raises ValueError (the draft is discarded)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(value)
    return dt.date.fromisoformat(value)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _in_scale(value: Any, scale: dict[int, str]) -> bool:
    return value is None or (_is_int(value) and value in scale)


def _known_list(value: Any, known: tuple[str, ...]) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v in known for v in value)


def _ratings(value: Any, scale: dict[int, str]) -> bool:
    return (
        isinstance(value, dict)
        and set(value) == set(SKILL_KEYS)
        and all(_in_scale(v, scale) for v in value.values())
    )
