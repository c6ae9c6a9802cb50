"""The Reflect questionnaire's draft: what the user typed so far, across its three steps.

A draft is a plain dict (it lives in the browser session until the last step saves it).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from assessment import validation
from assessment.models import Reflection, Rejection
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
