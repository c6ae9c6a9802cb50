"""The outreach kit: messages to copy and send, filled from the user's own data.

Each message belongs to one strategy of ``domain.md``:

- :func:`feedback_request` and :func:`feedback_reminder`: ``ask_feedback``;
- :func:`make_your_case`: ``make_your_case``;
- :func:`thank_you_note` and :func:`reconnect_message`: ``keep_door_open``.

The tone is calm and concrete: thanks, one clear ask, no pleading and no exclamation marks.
Square brackets mark the few places only the user can fill in.
"""

from __future__ import annotations

import datetime as dt
import re

from assessment.models import Rejection
from assessment.scoring import Assessment, SkillScore
from assessment.skills import INTERVIEWER_SCALE, SKILL_NAMES

MESSAGE_STRATEGY: dict[str, str] = {
    "feedback_request": "ask_feedback",
    "feedback_reminder": "ask_feedback",
    "make_your_case": "make_your_case",
    "thank_you_note": "keep_door_open",
    "reconnect_message": "keep_door_open",
}

# Words in the reason the employer gave (or fit factors) that a skill can answer.
_REASON_WORDS: dict[str, tuple[str, ...]] = {
    "communication": ("communicat", "clear", "articulat", "present", "explain"),
    "role_knowledge": (
        "experience",
        "skill",
        "technical",
        "knowledge",
        "expert",
        "hands-on",
        "qualif",
        "requirement",
        "background",
        "sql",
        "python",
        "senior",
    ),
    "problem_solving": ("problem", "analytic", "case", "reason", "think", "approach"),
    "evidence": ("example", "result", "track record", "impact", "experience", "achiev"),
    "preparation": ("prepar", "research", "understand", "product", "question"),
    "collaboration": ("team", "lead", "collaborat", "stakeholder", "manage", "ownership"),
    "motivation": ("motivat", "fit", "culture", "passion", "interest", "why", "values"),
    "composure": ("confiden", "nervous", "calm", "presence", "pressure"),
}
_FIT_FACTOR_SKILLS: dict[str, tuple[str, ...]] = {
    "other_candidate": ("role_knowledge", "evidence"),
}


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _day_month(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]}"


def _month_year(day: dt.date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.year}"


def greeting(rejection: Rejection) -> str:
    name = " ".join(rejection.contact_name.split())
    return f"Dear {name}," if name else "Hello,"


def _role(rejection: Rejection) -> str:
    return " ".join(rejection.role.split()) or "the role"


def _company(rejection: Rejection) -> str:
    return " ".join(rejection.company.split()) or "your company"


def feedback_request(rejection: Rejection) -> str:
    """A short, polite request for honest strengths and weaknesses."""
    return "\n".join(
        [
            f"Subject: Feedback on my interview ({_role(rejection)})",
            "",
            greeting(rejection),
            "",
            f"Thank you for letting me know your decision about the {_role(rejection)} role at "
            f"{_company(rejection)}, and for the time you and the team gave me.",
            "",
            "Would you be willing to share a few lines of honest feedback: what came across "
            "as my strengths, and where I fell short? I want to improve, and your view would "
            "help me prepare better for my next interviews.",
            "",
            "I understand if you cannot share much. Thank you either way.",
            "",
            "Kind regards,",
            "[your name]",
        ]
    )


def feedback_reminder(rejection: Rejection) -> str:
    """One polite nudge when a feedback request had no answer."""
    when = ""
    if rejection.feedback.requested_on:
        when = f" on {_day_month(rejection.feedback.requested_on)}"
    return "\n".join(
        [
            f"Subject: Feedback on my interview ({_role(rejection)})",
            "",
            greeting(rejection),
            "",
            f"I wrote{when} to ask for a little feedback on my interview for the "
            f"{_role(rejection)} role at {_company(rejection)}. I know you are busy, so I am "
            "following up just once.",
            "",
            "Even two or three points would help me: one thing that worked and one thing to "
            "improve. If you cannot share feedback, I understand, and thank you again for your "
            "time.",
            "",
            "Kind regards,",
            "[your name]",
        ]
    )


def skills_answering_reason(rejection: Rejection) -> list[str]:
    """Skill keys the reason given (or the fit factors) speaks to, in ``domain.md`` order."""
    reason = rejection.reason_given.lower()
    keys = [
        key
        for key, words in _REASON_WORDS.items()
        if any(re.search(r"\b" + re.escape(w), reason) for w in words)
    ]
    for factor in rejection.fit_factors:
        keys.extend(k for k in _FIT_FACTOR_SKILLS.get(factor, ()) if k not in keys)
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
    noted = f" (your team noted it as a {seen})" if seen else ""
    return (
        f"- {SKILL_NAMES[score.key]}{noted}: [one concrete example from your work, "
        "with its result in numbers]"
    )


def make_your_case(rejection: Rejection, assessment: Assessment) -> str:
    """A calm follow-up that leads with confirmed strengths answering the reason given."""
    strengths = case_strengths(rejection, assessment)
    answering = set(skills_answering_reason(rejection))
    reason = " ".join(rejection.reason_given.split())
    lines = [
        f"Subject: {_role(rejection)}: a short follow-up",
        "",
        greeting(rejection),
        "",
        f"Thank you again for letting me know about the {_role(rejection)} role. I respect "
        "the decision, and I would like to add one concrete point in case the team's needs "
        "change or a similar role opens.",
        "",
    ]
    if reason and strengths and strengths[0].key in answering:
        lines.append(f'You mentioned: "{reason}" On that point, here is what I would bring:')
    elif reason:
        lines.append(
            f'You mentioned: "{reason}" I understand. Here is what I would bring to the team:'
        )
    else:
        lines.append("Here is what I would bring to the team:")
    if strengths:
        lines.extend(_strength_line(s) for s in strengths[:3])
    else:
        lines.append("- [your strongest skill for this role, with one example and its result]")
    lines += [
        "",
        "If anything changes, or if another role on the team could use this, I would welcome "
        "a short conversation. Either way, thank you for the time you gave me.",
        "",
        "Kind regards,",
        "[your name]",
    ]
    return "\n".join(lines)


def thank_you_note(rejection: Rejection) -> str:
    """Thanks, and an open door: no questions asked, nothing to answer."""
    return "\n".join(
        [
            f"Subject: Thank you - {_role(rejection)}",
            "",
            greeting(rejection),
            "",
            f"Thank you for letting me know, and for the time you and the team spent with me "
            f"on the {_role(rejection)} role. I enjoyed learning about {_company(rejection)}.",
            "",
            "I would be glad to stay in touch. If a role that fits my background opens in the "
            "future, I would be happy to hear from you, and I will keep an eye on your openings.",
            "",
            "All the best to you and the team,",
            "[your name]",
        ]
    )


def reconnect_message(rejection: Rejection) -> str:
    """A message for a later date: what changed since, and a light question."""
    return "\n".join(
        [
            f"Subject: Checking in - {_role(rejection)} at {_company(rejection)}",
            "",
            greeting(rejection),
            "",
            f"We spoke in {_month_year(rejection.rejected_on)} about the {_role(rejection)} role at "
            f"{_company(rejection)}. Since then I have [one thing you learned, built or "
            "finished since then].",
            "",
            "Is your team hiring for a similar role now, or likely to be soon? I would be glad "
            "to be considered, and happy to have a short call if that is useful.",
            "",
            "Kind regards,",
            "[your name]",
        ]
    )
