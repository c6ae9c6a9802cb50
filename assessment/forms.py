"""The forms' rules: the Reflect questionnaire's draft, and the status the Feedback form saves.

A draft is a plain dict (it lives in the browser session until the last step saves it).

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
from assessment.skills import SKILL_KEYS

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
    """Normalise the first step's text: single-line fields lose newlines."""
    out = dict(values)
    for field in ("company", "role", "contact_name"):
        out[field] = validation.clean_line(out.get(field))
    out["reason_given"] = validation.clean_text(out.get("reason_given"))
    out["fit_factors"] = list(out.get("fit_factors") or [])
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
    if any(f in errors for f in REJECTION_FIELDS):
        return 0
    if any(f in errors for f in REFLECTION_FIELDS):
        return 1
    return 2


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
