"""The feedback request kit: what the Feedback page offers while no feedback has come.

Three ways to ask, the courteous one first:

- the polite request (:func:`assessment.plan.outreach.feedback_request`), the same letter the
  plan's first step carries;
- a short version for a phone call or a message on a professional network;
- a request by right where the place the employer is gives one (the right of access of the UK
  GDPR and the EU GDPR, :mod:`assessment.plan.jurisdictions`): the letter, the legal basis in
  one sentence with its sources, the date the answer is due (:mod:`assessment.plan.rights`),
  and the line that this is information, not legal advice.

Sending is recorded with :func:`record`: the feedback becomes "requested" with its date (the
plan's nudge counts from it), and a request by right adds an accepted step dated on the day the
answer is due, so it lands in the calendar file with its reminder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from assessment import storage
from assessment.models import Action, Rejection, Settings, Step
from assessment.plan import calendar, outreach, texts
from assessment.plan.jurisdictions import JURISDICTIONS, NOT_LEGAL_ADVICE, Jurisdiction
from assessment.plan.rights import RequestDates, request_dates

STRATEGY = "ask_feedback"


@dataclass(frozen=True)
class ByRight:
    """A request by right for one place: the letter and its dates where the app knows a
    right of access there (``letter`` and ``dates`` None where it knows none)."""

    place: Jurisdiction
    letter: str | None
    dates: RequestDates | None
    not_legal_advice: str = NOT_LEGAL_ADVICE

    @property
    def offered(self) -> bool:
        return self.letter is not None


@dataclass(frozen=True)
class Kit:
    """The three ways to ask, for one rejection."""

    polite: str
    short: str
    asked_on: dt.date | None  # the date of a request already recorded, if one is waiting


def kit(rejection: Rejection, settings: Settings | None = None) -> Kit:
    fb = rejection.feedback
    return Kit(
        polite=outreach.feedback_request(rejection, settings),
        short=outreach.short_request(rejection, settings),
        asked_on=fb.requested_on if fb.status == "requested" else None,
    )


def kit_title(status: str) -> str:
    """The kit's heading for the feedback's status (the kit is shown while none has come)."""
    return texts.KIT_TITLES.get(status, texts.KIT_TITLES["not_requested"])


def by_right(
    rejection: Rejection, place_key: str, sent_on: dt.date, settings: Settings | None = None
) -> ByRight:
    """The request by right for the employer's place (a key of ``JURISDICTIONS``), sent on
    ``sent_on``."""
    place = JURISDICTIONS[place_key]
    dates = request_dates(place_key, sent_on)
    if dates is None:
        return ByRight(place=place, letter=None, dates=None)
    return ByRight(
        place=place, letter=outreach.access_request(rejection, place.law, settings), dates=dates
    )


def long_date(day: dt.date) -> str:
    """ "Tuesday 1 December 2026": the weekday matters for a deadline."""
    return f"{texts.WEEKDAYS[day.weekday()]} {day.day} {texts.MONTHS[day.month - 1]} {day.year}"


def short_date(day: dt.date) -> str:
    return f"{day.day} {texts.MONTHS[day.month - 1]} {day.year}"


def recorded_message(sent_on: dt.date, dates: RequestDates | None) -> str:
    """What the page says once a request is recorded."""
    if dates is None:
        return texts.KIT_RECORDED.format(sent_on=short_date(sent_on))
    return texts.KIT_RECORDED_BY_RIGHT.format(
        sent_on=short_date(sent_on), due_on=long_date(dates.due_on)
    )


def due_sentence(dates: RequestDates) -> str:
    """The deadline of a request by right, and how far an extension may take it (Markdown)."""
    return texts.KIT_DUE.format(
        due_on=long_date(dates.due_on), extended_to=short_date(dates.extended_to)
    )


def open_deadline_sentence(action: Action) -> str:
    return texts.KIT_OPEN_DEADLINE.format(due_on=long_date(action.due_on))


def deadline_action(dates: RequestDates) -> Action:
    """The step a request by right adds to the plan: due on the day the answer is due."""
    return Action(strategy=STRATEGY, title=texts.TITLE_ACCESS_DUE, due_on=dates.due_on)


def record(
    db: Database,
    rejection_id: int,
    sent_on: dt.date,
    owner: str = storage.LOCAL_OWNER,
    place_key: str | None = None,
    today: dt.date | None = None,
) -> RequestDates | None:
    """Record that the user sent a request on ``sent_on`` (one transaction); with a place that
    gives a right of access, the deadline becomes an accepted step. Returns its dates (None for
    a courteous request). A date after ``today`` is refused: the request is sent already."""
    if sent_on > (today or dt.date.today()):
        raise ValueError("The date you sent the request cannot be in the future.")
    dates = request_dates(place_key, sent_on) if place_key else None
    action = deadline_action(dates) if dates else None
    storage.record_request(db, rejection_id, sent_on, owner, action)
    return dates


def open_deadlines(rejection: Rejection) -> list[Action]:
    """The deadlines of requests by right still open (not done), soonest first."""
    found = [
        a
        for a in rejection.actions
        if a.title == texts.TITLE_ACCESS_DUE and a.done_on is None and a.due_on is not None
    ]
    return sorted(found, key=lambda a: a.due_on)


def deadline_calendar(rejection: Rejection, action: Action) -> bytes:
    """One deadline as a calendar file, with the same reminder as the plan's events."""
    why, detail = texts.RECORDED_ACTIONS[texts.TITLE_ACCESS_DUE]
    step = Step(
        strategy=action.strategy,
        title=action.title,
        why=why,
        detail=detail,
        priority=1,
        status="accepted",
        action_id=action.id,
        due_on=action.due_on,
    )
    return calendar.plan_calendar(rejection, [step])
