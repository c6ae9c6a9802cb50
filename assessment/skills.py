"""The vocabulary of Rebound: skills, fit factors, stages, scales and strategies.

Every key here is a contract (database, backup file, CLI): see ``domain.md``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Skill:
    key: str
    name: str
    weak: str
    strong: str


SKILLS: tuple[Skill, ...] = (
    Skill(
        "communication",
        "Communication",
        "rambling or too terse answers; talked over questions",
        "clear, structured, concise; listened and checked understanding",
    ),
    Skill(
        "role_knowledge",
        "Role knowledge",
        "gaps in the core skills the job needs",
        "deep, current command of the job's core skills",
    ),
    Skill(
        "problem_solving",
        "Problem solving",
        "jumped to answers; stuck without a way forward",
        "framed the problem, weighed trade-offs, reasoned aloud",
    ),
    Skill(
        "evidence",
        "Evidence & examples",
        'vague, "we" stories with no result',
        "specific situation-action-result stories with numbers",
    ),
    Skill(
        "preparation",
        "Preparation & research",
        "knew little of the company or role; no questions",
        "knew the company, product and role; asked sharp questions",
    ),
    Skill(
        "collaboration",
        "Collaboration & leadership",
        "no sign of teamwork, ownership or influence",
        "clear examples of leading, owning and working across people",
    ),
    Skill(
        "motivation",
        "Motivation & fit",
        "unclear why this role or company",
        'convincing "why us, why this role", values line up',
    ),
    Skill(
        "composure",
        "Composure & confidence",
        "visibly nervous, hesitant, rushed",
        "calm, confident, good presence under pressure",
    ),
)
SKILL_KEYS: tuple[str, ...] = tuple(s.key for s in SKILLS)
SKILL_NAMES: dict[str, str] = {s.key: s.name for s in SKILLS}

FIT_FACTORS: dict[str, str] = {
    "other_candidate": "Another candidate had more experience or matched the requirements more closely",
    "internal_candidate": "The job went to an internal candidate or a known contact",
    "role_changed": "The role was frozen, cancelled, re-scoped or lost its budget",
    "compensation": "Salary expectations and the budget did not meet",
    "location": "Location, on-site days, schedule or visa did not fit",
}
FIT_FACTOR_KEYS: tuple[str, ...] = tuple(FIT_FACTORS)
FIT_FACTOR_SHORT: dict[str, str] = {
    "other_candidate": "Another candidate",
    "internal_candidate": "Internal candidate",
    "role_changed": "Role changed or cancelled",
    "compensation": "Compensation",
    "location": "Location or schedule",
}

STAGES: dict[str, str] = {
    "screening": "Screening",
    "technical": "Technical",
    "onsite": "Onsite",
    "final": "Final round",
    "offer": "Offer stage",
}
STAGE_KEYS: tuple[str, ...] = tuple(STAGES)

FEEDBACK_STATUSES: dict[str, str] = {
    "not_requested": "Not requested yet",
    "requested": "Requested, waiting",
    "received": "Received",
    "declined": "They declined to give feedback",
}
FEEDBACK_STATUS_KEYS: tuple[str, ...] = tuple(FEEDBACK_STATUSES)

# Self-rating: 1-5 with anchors at 1 and 5, None = "not sure".
SELF_SCALE: dict[int, str] = {
    1: "1 - weak",
    2: "2",
    3: "3 - mixed",
    4: "4",
    5: "5 - strong",
}
# Interviewer scale: no neutral point, None = "not assessed".
INTERVIEWER_SCALE: dict[int, str] = {
    1: "Strong concern",
    2: "Concern",
    3: "Strength",
    4: "Strong strength",
}
INTERVIEWER_TO_FIVE: dict[int, float] = {1: 1.0, 2: 7 / 3, 3: 11 / 3, 4: 5.0}

MOOD_SCALE: dict[int, str] = {
    1: "1 - very low",
    2: "2 - low",
    3: "3 - okay",
    4: "4 - good",
    5: "5 - great",
}

STRATEGIES: dict[str, str] = {
    "ask_feedback": "Ask for feedback",
    "make_your_case": "Make your case",
    "practice_pitch": "Practise your pitch",
    "shore_up": "Shore up a weak spot",
    "not_about_you": "It's not all about you",
    "keep_door_open": "Keep the door open",
    "stay_positive": "Look after your energy",
    "change_tactics": "Change tactics",
}
STRATEGY_KEYS: tuple[str, ...] = tuple(STRATEGIES)

SHORT_TEXT_LIMIT = 200
LONG_TEXT_LIMIT = 20_000
