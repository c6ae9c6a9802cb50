"""How a rejection is named in a sentence, a list or a chooser: the one place for it.

Both take the rejection's stored fields, so a row from SQL, a :class:`~assessment.models.Rejection`
and a pattern's summary are named alike. The company and role are the user's text, on one line
(runs of whitespace, line breaks included, become one space): show the result as text. An
example rejection is named with the :data:`EXAMPLE_BADGE` in front, wherever it is listed.
"""

from __future__ import annotations

import datetime as dt

from assessment.skills import STAGES


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _day(day: dt.date | str) -> str:
    return day.isoformat() if isinstance(day, dt.date) else day


EXAMPLE_BADGE = "Example"


def rejection_label(
    company: str, role: str, stage: str, rejected_on: dt.date | str, example: bool = False
) -> str:
    """A rejection where several are listed or chosen from: "date · Company · Role · Stage",
    and "Example · date · …" for an example. The short, fixed parts come first, so a label cut
    on a narrow screen still shows the badge, the date and the company."""
    stage_name = STAGES.get(stage, stage)
    label = f"{_day(rejected_on)} · {_one_line(company)} · {_one_line(role)} · {stage_name}"
    return f"{EXAMPLE_BADGE} · {label}" if example else label


def rejection_in_sentence(company: str, rejected_on: dt.date | str) -> str:
    """A rejection cited in a sentence (patterns, change of tactics): "Company (date)"."""
    return f"{_one_line(company)} ({_day(rejected_on)})"
