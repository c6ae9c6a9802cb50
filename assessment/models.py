"""Domain values: plain frozen dataclasses, named as in ``domain.md``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Finding:
    """One sentence of feedback read as a skill or fit factor with a polarity.

    ``polarity`` is +1 (strength), -1 (concern) or 0 (fit factor).
    ``intensity`` only pre-fills ratings: "strong", "hedged" or "" (plain).
    ``cue`` is the phrase of ``quote`` that the reader read it from, shown to the user so they
    can see why (never stored: a confirmed finding is the user's own).
    """

    key: str
    polarity: int
    quote: str
    intensity: str = ""
    cue: str = field(default="", compare=False)


@dataclass(frozen=True)
class Reflection:
    went_well: str = ""
    do_differently: str = ""
    outside_control: str = ""
    mood: int | None = None
    confidence: int | None = None


@dataclass(frozen=True)
class Feedback:
    status: str = "not_requested"
    requested_on: dt.date | None = None
    text: str = ""
    findings: tuple[Finding, ...] = ()
    ratings: dict[str, int | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Action:
    """A step the user took on: accepted (maybe with a due date) or done."""

    strategy: str
    title: str
    skill: str | None = None
    due_on: dt.date | None = None
    done_on: dt.date | None = None
    id: int | None = None


@dataclass(frozen=True)
class Rejection:
    company: str
    role: str
    stage: str
    rejected_on: dt.date
    contact_name: str = ""
    interviewed_on: dt.date | None = None
    reason_given: str = ""
    fit_factors: tuple[str, ...] = ()
    reflection: Reflection = field(default_factory=Reflection)
    self_ratings: dict[str, int | None] = field(default_factory=dict)
    feedback: Feedback = field(default_factory=Feedback)
    actions: tuple[Action, ...] = ()
    id: int | None = None
    owner: str = "local"
    created_at: str = ""
    example: bool = False  # one of the example data set, never the user's own


@dataclass(frozen=True)
class Step:
    """One suggested next step of a plan, tied to one strategy.

    ``status`` is "suggested", "accepted" or "done"; ``action_id`` is set once accepted.
    ``priority`` is unique within a plan, 1 = do first. ``message`` is text to copy and send
    (empty when the step has none); ``minutes`` a realistic time estimate. A message goes
    ``to`` the contact (their name, or None for the hiring team) on ``send_on``, the date it
    is meant to go (None once its step is done); at most one message per contact has a
    ``send_on`` of today or earlier.
    """

    strategy: str
    title: str
    why: str
    priority: int
    skill: str | None = None
    status: str = "suggested"
    detail: str = ""
    message: str = ""
    minutes: int | None = None
    action_id: int | None = None
    due_on: dt.date | None = None
    done_on: dt.date | None = None
    to: str | None = None
    send_on: dt.date | None = None


@dataclass(frozen=True)
class Settings:
    """The user's own details, asked once and used in every message: the name they sign
    with and their sign-off ("Kind regards,"). Empty means not given yet."""

    name: str = ""
    sign_off: str = ""


@dataclass(frozen=True)
class Story:
    """One interview story of the user's story bank, kept across rejections.

    ``skills`` are the skill keys the story shows. ``rejection_id`` is the rejection it was
    started from (its plan), if any: deleting that rejection keeps the story, unlinked.
    """

    title: str
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    skills: tuple[str, ...] = ()
    rejection_id: int | None = None
    id: int | None = None
    created_at: str = field(default="", compare=False)
    updated_at: str = field(default="", compare=False)


@dataclass(frozen=True)
class Drill:
    """One practice answer to an interview question for a skill, kept with its date and its
    checklist (the answer check's items as plain JSON data, see
    :func:`assessment.practice.bank.checklist_of`). ``question_id`` names the question bank's
    question when it was drawn from there (None for a question the user typed)."""

    skill: str
    question: str
    answer: str
    practised_on: dt.date
    checklist: dict = field(default_factory=dict)
    rejection_id: int | None = None
    story_id: int | None = None
    question_id: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class Rerating:
    """The user's own rating of a skill (1-5) after practising it, on a date."""

    skill: str
    rating: int
    rated_on: dt.date
    rejection_id: int | None = None
    id: int | None = None
