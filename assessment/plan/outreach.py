"""The outreach kit: messages to copy and send, filled from the user's own data.

Each message belongs to one strategy of ``domain.md``:

- :func:`feedback_request` and :func:`feedback_reminder`: ``ask_feedback``;
- :func:`make_your_case`: ``make_your_case``;
- :func:`thank_you_note` and :func:`reconnect_message`: ``keep_door_open``.

The tone is calm and concrete: thanks, one clear ask, no pleading and no exclamation marks.
Square brackets mark the few places only the user can fill in. The templates are in
:mod:`assessment.plan.texts`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from assessment.models import Rejection
from assessment.plan import texts
from assessment.scoring import Assessment, SkillScore
from assessment.skills import INTERVIEWER_SCALE, SKILL_NAMES


def _fill(lines: Iterable[str], **fields: object) -> str:
    return "\n".join(line.format(**fields) for line in lines)


def _day_month(day: dt.date) -> str:
    return texts.DAY_MONTH.format(day=day.day, month=texts.MONTHS[day.month - 1])


def _month_year(day: dt.date) -> str:
    return texts.MONTH_YEAR.format(month=texts.MONTHS[day.month - 1], year=day.year)


def greeting(rejection: Rejection) -> str:
    name = " ".join(rejection.contact_name.split())
    return texts.GREETING.format(name=name) if name else texts.GREETING_UNNAMED


def _names(rejection: Rejection) -> dict[str, str]:
    """What every message is addressed with: greeting, role and company, on one line each."""
    return {
        "greeting": greeting(rejection),
        "role": " ".join(rejection.role.split()) or texts.SOME_ROLE,
        "company": " ".join(rejection.company.split()) or texts.SOME_COMPANY,
    }


def feedback_request(rejection: Rejection) -> str:
    """A short, polite request for honest strengths and weaknesses."""
    return _fill(texts.FEEDBACK_REQUEST, **_names(rejection))


def feedback_reminder(rejection: Rejection) -> str:
    """One polite nudge when a feedback request had no answer."""
    requested_on = rejection.feedback.requested_on
    when = texts.REMINDER_WHEN.format(day=_day_month(requested_on)) if requested_on else ""
    return _fill(texts.FEEDBACK_REMINDER, when=when, **_names(rejection))


def skills_answering_reason(rejection: Rejection) -> list[str]:
    """Skill keys the reason given (or the fit factors) speaks to, in ``domain.md`` order."""
    reason = rejection.reason_given.lower()
    keys = [
        key
        for key, words in texts.REASON_WORDS.items()
        if any(re.search(r"\b" + re.escape(w), reason) for w in words)
    ]
    for factor in rejection.fit_factors:
        keys.extend(k for k in texts.FIT_FACTOR_SKILLS.get(factor, ()) if k not in keys)
    return keys


def case_strengths(rejection: Rejection, assessment: Assessment) -> list[SkillScore]:
    """Confirmed strengths, the ones that answer the reason given first."""
    confirmed = assessment.in_quadrant("confirmed_strength")
    answering = skills_answering_reason(rejection)
    return sorted(
        confirmed,
        key=lambda s: (s.key not in answering, -(s.combined or 0)),
    )


def _strength_line(score: SkillScore) -> str:
    seen = INTERVIEWER_SCALE.get(score.interviewer_rating or 0, "").lower()
    noted = texts.MAKE_CASE_NOTED.format(seen=seen) if seen else ""
    return texts.MAKE_CASE_STRENGTH.format(skill=SKILL_NAMES[score.key], noted=noted)


def make_your_case(rejection: Rejection, assessment: Assessment) -> str:
    """A calm follow-up that leads with confirmed strengths answering the reason given."""
    strengths = case_strengths(rejection, assessment)
    answering = set(skills_answering_reason(rejection))
    reason = " ".join(rejection.reason_given.split())
    if reason and strengths and strengths[0].key in answering:
        lead_in = texts.MAKE_CASE_ANSWERS_REASON.format(reason=reason)
    elif reason:
        lead_in = texts.MAKE_CASE_AFTER_REASON.format(reason=reason)
    else:
        lead_in = texts.MAKE_CASE_NO_REASON
    if strengths:
        bullets = [_strength_line(s) for s in strengths[:3]]
    else:
        bullets = [texts.MAKE_CASE_NO_STRENGTH]
    opening = _fill(texts.MAKE_CASE_OPENING, **_names(rejection))
    return "\n".join([opening, lead_in, *bullets, *texts.MAKE_CASE_CLOSING])


def thank_you_note(rejection: Rejection) -> str:
    """Thanks, and an open door: no questions asked, nothing to answer."""
    return _fill(texts.THANK_YOU_NOTE, **_names(rejection))


def reconnect_message(rejection: Rejection) -> str:
    """A message for a later date: what changed since, and a light question."""
    return _fill(
        texts.RECONNECT_MESSAGE,
        month_year=_month_year(rejection.rejected_on),
        **_names(rejection),
    )
