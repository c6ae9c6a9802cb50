"""Practice drills on the plan: when to do them, and storing them as actions.

A shore-up or practise step the user took on can schedule short drills on its skill
(:func:`drill_dates`, :func:`schedule_drills`). Each session is an accepted action of its own,
with the step's strategy and skill and a title of :func:`drill_title` ("Practice drill on
Evidence & examples (1 of 3)"), dated, so the calendar file holds an event with a reminder for
each one. The plan recognises those titles (:func:`is_drill`) and lays them out under their
step with their own "why", never as the step itself.

Dates, with the next interview's date: ``sessions`` days spread evenly from tomorrow to the day
before the interview, both included (a single session is the day before); fewer when there are
fewer days, none when the interview is tomorrow, today or past (:func:`no_dates_reason` says
why). Without one: every second day from tomorrow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from assessment import storage
from assessment.models import Action, Step
from assessment.plan import texts
from assessment.skills import SKILL_KEYS, SKILL_NAMES

DRILL_STRATEGIES = ("shore_up", "practice_pitch")
MIN_SESSIONS = 1
MAX_SESSIONS = 5
DEFAULT_SESSIONS = 3
DAYS_APART = 2  # without an interview date: every second day
DRILL_MINUTES = 15


def drill_title(skill: str, number: int, total: int) -> str:
    """ "Practice drill on Evidence & examples (1 of 3)"."""
    return texts.TITLE_DRILL.format(skill=SKILL_NAMES[skill], number=number, total=total)


DRILL_TITLES: dict[str, str] = {
    drill_title(skill, number, total): skill
    for skill in SKILL_KEYS
    for total in range(MIN_SESSIONS, MAX_SESSIONS + 1)
    for number in range(1, total + 1)
}
"""Every drill title the app writes, and the skill it names."""


def is_drill(action: Action | Step) -> bool:
    """Whether a stored action (or a step made of one) is a scheduled drill: a drill title of
    its own skill, on a shore-up or practise step."""
    return (
        action.strategy in DRILL_STRATEGIES
        and action.skill is not None
        and DRILL_TITLES.get(action.title) == action.skill
    )


def can_schedule(step: Step) -> bool:
    """Whether ``step`` offers to schedule drills: a shore-up or practise step with a skill,
    on the plan and not done, and not a drill itself."""
    return (
        step.strategy in DRILL_STRATEGIES
        and step.skill in SKILL_NAMES
        and step.status == "accepted"
        and step.action_id is not None
        and not is_drill(step)
    )


def drills_of(step: Step, actions: Sequence[Action | Step]) -> list[Action | Step]:
    """The drills scheduled from ``step`` (among stored actions, or a plan's steps): its
    strategy and skill, a drill title."""
    return [
        a for a in actions if is_drill(a) and (a.strategy, a.skill) == (step.strategy, step.skill)
    ]


def _check_sessions(sessions: int) -> None:
    if not MIN_SESSIONS <= sessions <= MAX_SESSIONS:
        raise ValueError(
            f"Sessions must be a whole number from {MIN_SESSIONS} to {MAX_SESSIONS}, "
            f"not {sessions}."
        )


def drill_dates(
    today: dt.date, sessions: int = DEFAULT_SESSIONS, interview_on: dt.date | None = None
) -> list[dt.date]:
    """The days of ``sessions`` drills, in order (see the module's docstring for the rule)."""
    _check_sessions(sessions)
    first = today + dt.timedelta(days=1)
    if interview_on is None:
        return [first + dt.timedelta(days=DAYS_APART * i) for i in range(sessions)]
    days = (interview_on - first).days  # the days from tomorrow to the day before
    count = min(sessions, days)
    if count <= 0:
        return []
    if count == 1:
        return [interview_on - dt.timedelta(days=1)]
    span = days - 1
    # evenly from the first day to the last, rounded to whole days (they never coincide: the
    # span is at least count - 1)
    offsets = [(i * span + (count - 1) // 2) // (count - 1) for i in range(count)]
    return [first + dt.timedelta(days=o) for o in offsets]


def fewer_note(
    today: dt.date, sessions: int, dates: Sequence[dt.date], interview_on: dt.date | None
) -> str:
    """What to add when fewer than ``sessions`` drills fit before the interview; "" else."""
    if interview_on is None or not dates or len(dates) >= sessions:
        return ""
    days = (interview_on - today).days - 1
    one, many = texts.DRILL_DAYS
    return texts.DRILL_FEWER.format(
        days=one if days == 1 else many.format(n=days), count=len(dates), sessions=sessions
    )


def no_dates_reason(today: dt.date, interview_on: dt.date | None) -> str:
    """Why :func:`drill_dates` has no day for a drill; "" when it has."""
    if interview_on is None or (interview_on - today).days > 1:
        return ""
    if interview_on < today:
        return texts.DRILL_NONE_PAST.format(day=interview_on.isoformat())
    if interview_on == today:
        return texts.DRILL_NONE_TODAY
    return texts.DRILL_NONE_TOMORROW


@dataclass(frozen=True)
class Scheduled:
    """What :func:`schedule_drills` stored: the new actions (ids in date order, and their
    dates) and how many drills not done yet they replaced."""

    action_ids: tuple[int, ...]
    dates: tuple[dt.date, ...]
    replaced: int

    def message(self, note: str = "") -> str:
        """What the page says once the drills are scheduled (``note``: :func:`fewer_note`)."""
        one, many = texts.DRILL_COUNTS
        drills = one if len(self.dates) == 1 else many.format(n=len(self.dates))
        days = ", ".join(d.isoformat() for d in self.dates)
        line = texts.DRILL_SCHEDULED.format(drills=drills, days=days)
        if self.replaced:
            line += texts.DRILL_REPLACED.format(
                n=self.replaced, noun=one if self.replaced == 1 else many.format(n=self.replaced)
            )
        return line + note + texts.DRILL_CALENDAR


def schedule_drills(
    db: Database,
    rejection_id: int,
    step: Step,
    dates: Sequence[dt.date],
    owner: str = storage.LOCAL_OWNER,
) -> Scheduled:
    """Store one accepted, dated drill action per date for ``step``, in one transaction.

    The step's drills that are not done yet are replaced (scheduling again never piles up
    drills); done ones stay.
    """
    if step.strategy not in DRILL_STRATEGIES or step.skill not in SKILL_NAMES:
        raise ValueError("Drills are scheduled from a shore-up or practise step with a skill.")
    _check_sessions(len(dates))
    ordered = sorted(dates)
    new = [
        Action(
            strategy=step.strategy,
            title=drill_title(step.skill, n, len(ordered)),
            skill=step.skill,
            due_on=day,
        )
        for n, day in enumerate(ordered, start=1)
    ]
    with storage.write(db):
        rejection = storage.get_rejection(db, rejection_id, owner)
        if rejection is None:
            raise storage.StorageError("That rejection no longer exists.")
        stale = [a.id for a in drills_of(step, rejection.actions) if a.done_on is None]
        ids = storage.add_actions(db, rejection_id, new, owner, replacing=stale)
    return Scheduled(action_ids=tuple(ids), dates=tuple(ordered), replaced=len(stale))
