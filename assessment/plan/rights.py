"""The dates of a request by right: when the employer's answer is due.

How one month is counted (the same rule in both places this app knows):

- the period runs from the day the request is received, which counts as day one, to the
  *corresponding calendar date* in the next month (a request on 3 September is due by
  3 October), as the UK regulator (ICO) puts it and as Regulation (EEC, Euratom) No 1182/71,
  Article 3(2)(c), does for EU law;
- when the next month has no such date, the last day of that month (a request on 31 January is
  due by 28 February, or 29 in a leap year);
- when that day is a Saturday or Sunday, the next Monday (1182/71 Article 3(4); the ICO says
  the next working day). Public holidays are not known to the app, so the date shown is never
  later than the real one, at most a day or two early.

The request is taken as received on the day the user sends it (an e-mail arrives the same day).
An extension of up to two further months counts the same way from the same day.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from assessment.plan.jurisdictions import JURISDICTIONS

SATURDAY = 5


def add_months(day: dt.date, months: int) -> dt.date:
    """The corresponding calendar date ``months`` later, or that month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    if year > dt.MAXYEAR:
        return dt.date.max
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def next_working_day(day: dt.date) -> dt.date:
    """``day``, or the Monday after it when it is a Saturday or Sunday."""
    if day.weekday() < SATURDAY:
        return day
    if day > dt.date.max - dt.timedelta(days=2):
        return day
    return day + dt.timedelta(days=7 - day.weekday())


def due_after(received_on: dt.date, months: int) -> dt.date:
    return next_working_day(add_months(received_on, months))


@dataclass(frozen=True)
class RequestDates:
    """When an answer to a request by right is due, and the latest date if it is extended."""

    sent_on: dt.date
    due_on: dt.date
    extended_to: dt.date


def request_dates(jurisdiction: str, sent_on: dt.date) -> RequestDates | None:
    """The due dates of a request by right sent on ``sent_on``; None where the app knows no
    right of access (``"elsewhere"``) or the place is unknown."""
    place = JURISDICTIONS.get(jurisdiction)
    if place is None or place.months is None or place.extension_months is None:
        return None
    return RequestDates(
        sent_on=sent_on,
        due_on=due_after(sent_on, place.months),
        extended_to=due_after(sent_on, place.months + place.extension_months),
    )
