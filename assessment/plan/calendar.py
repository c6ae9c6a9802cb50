"""The plan's reminders as a calendar file (``.ics``), made with the ``icalendar`` library.

What goes in is what the user still has to do: one all-day event per **accepted, not-done
action with a due date**. A suggestion the user did not take on, an action without a date and a
done action are left out. Reconnecting is a step of its own ("Reconnect later with a short
update", dated six weeks after the rejection): accepting it takes its send date as the due
date, so its event is there exactly when that step is accepted. A step with a message carries
the message in its event, ready to adapt and send on the day.

Every event carries one reminder (``VALARM``, ``ACTION:DISPLAY``) at 09:00 the day before: an
all-day event starts at midnight in the user's own time zone, so a trigger of 15 hours before
its start lands on the previous morning, early enough to make room for it, in working hours.
Event ids are stable, so importing the file twice updates events instead of duplicating them.
Every text goes through :func:`assessment.text.printable`: RFC 5545 text values exclude
control characters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from icalendar import Alarm, Calendar, Event

from assessment.models import Rejection, Step
from assessment.plan import texts
from assessment.text import printable

PRODID = "-//Rebound//Next steps//EN"
UID_DOMAIN = "rebound.local"


def _one_line(text: str) -> str:
    return " ".join(printable(text).split())


# 09:00 the day before: 15 hours before the all-day event's start at midnight.
REMINDER_BEFORE = dt.timedelta(hours=15)


def _all_day(event: Event, day: dt.date, summary: str) -> None:
    event.add("summary", summary)
    event.add("dtstart", day)
    if day < dt.date.max:  # without DTEND an all-day event lasts one day (RFC 5545 3.6.1)
        event.add("dtend", day + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)  # required for a DISPLAY alarm
    alarm.add("trigger", -REMINDER_BEFORE)  # relative to the start (RELATED=START)
    event.add_component(alarm)


def calendar_steps(steps: Sequence[Step]) -> list[Step]:
    """The steps that become events: accepted, not done, with a due date."""
    return [s for s in steps if s.status == "accepted" and s.due_on is not None]


def has_events(steps: Sequence[Step]) -> bool:
    """Whether :func:`plan_calendar` would hold any event at all."""
    return bool(calendar_steps(steps))


def plan_calendar(
    rejection: Rejection, steps: Sequence[Step], stamp: dt.datetime | None = None
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
    for step in calendar_steps(steps):
        event = Event()
        ident = step.action_id if step.action_id is not None else step.priority
        event.add("uid", f"rebound-{key}-action-{ident}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        summary = texts.EVENT_SUMMARY.format(title=_one_line(step.title), company=company)
        parts = [step.why, step.detail]
        if step.message:
            parts.append(texts.EVENT_MESSAGE + step.message)
        event.add("description", printable("\n\n".join(p for p in parts if p)))
        _all_day(event, step.due_on, summary)
        cal.add_component(event)
    return cal.to_ical()
