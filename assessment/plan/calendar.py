"""The plan's reminders as a calendar file (``.ics``), made with the ``icalendar`` library.

One all-day event per action with a due date, and one "Reconnect with <company>" event for
``keep_door_open`` (six weeks after the rejection unless the user picks another date).
Event ids are stable, so importing the file twice updates events instead of duplicating them.
Every text goes through :func:`assessment.text.printable`: RFC 5545 text values exclude
control characters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from icalendar import Calendar, Event

from assessment.models import Rejection, Step
from assessment.plan import outreach, texts
from assessment.plan.strategies import reconnect_date
from assessment.text import printable

PRODID = "-//Rebound//Next steps//EN"
UID_DOMAIN = "rebound.local"


def _one_line(text: str) -> str:
    return " ".join(printable(text).split())


def _all_day(event: Event, day: dt.date) -> None:
    event.add("dtstart", day)
    if day < dt.date.max:  # without DTEND an all-day event lasts one day (RFC 5545 3.6.1)
        event.add("dtend", day + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")


def plan_calendar(
    rejection: Rejection,
    steps: Sequence[Step],
    reconnect_on: dt.date | None = None,
    stamp: dt.datetime | None = None,
) -> bytes:
    """The plan's reminders as iCalendar bytes (UTF-8)."""
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    company = _one_line(rejection.company)
    key = rejection.id if rejection.id is not None else rejection.rejected_on.isoformat()
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", texts.CALENDAR_NAME.format(company=company))
    for step in steps:
        if step.status not in ("accepted", "done") or step.due_on is None:
            continue
        event = Event()
        ident = step.action_id if step.action_id is not None else step.priority
        event.add("uid", f"rebound-{key}-action-{ident}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        done = texts.EVENT_DONE if step.status == "done" else ""
        summary = texts.EVENT_SUMMARY.format(
            done=done, title=_one_line(step.title), company=company
        )
        event.add("summary", summary)
        event.add("description", printable("\n\n".join(p for p in (step.why, step.detail) if p)))
        _all_day(event, step.due_on)
        cal.add_component(event)
    if any(step.strategy == "keep_door_open" for step in steps):
        day = reconnect_on or reconnect_date(rejection)
        event = Event()
        event.add("uid", f"rebound-{key}-reconnect@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("summary", texts.RECONNECT_SUMMARY.format(company=company))
        message = printable(outreach.reconnect_message(rejection))
        event.add("description", texts.RECONNECT_DESCRIPTION + message)
        _all_day(event, day)
        cal.add_component(event)
    return cal.to_ical()
