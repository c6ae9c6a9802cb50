"""The plan as Markdown: the page's download and ``python -m assessment plan``.

Written to read well both rendered and printed as plain text. Text that came from the user
(company, role, reasons, stored action titles) is escaped so it cannot turn into links,
images or HTML; messages to copy are indented code blocks, which Markdown never interprets.
Control characters are removed from the whole document (:func:`assessment.text.printable`).
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Sequence

from assessment import outreach
from assessment.models import Rejection, Step
from assessment.skills import SKILL_NAMES, STAGES, STRATEGIES
from assessment.steps import STATUS_LABELS, progress
from assessment.text import printable

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")


def escape(text: str) -> str:
    """Backslash-escape Markdown's special characters in one line of user text."""
    return _SPECIAL.sub(r"\\\1", " ".join(printable(text).split()))


MESSAGE_WIDTH = 80


def _indent(text: str) -> str:
    """An indented code block, wrapped so that it fits a printed page."""
    lines = []
    for line in text.splitlines():
        if not line.strip():
            lines.append("")
            continue
        wrapped = textwrap.wrap(line, MESSAGE_WIDTH, break_long_words=True, break_on_hyphens=False)
        lines.extend("    " + part for part in wrapped)
    return "\n".join(lines)


def _minutes(minutes: int) -> str:
    if minutes < 60:
        return f"about {minutes} minutes"
    hours, rest = divmod(minutes, 60)
    unit = "hour" if hours == 1 else "hours"
    return f"about {hours} {unit}" + (f" {rest} minutes" if rest else "")


def _status_line(step: Step, today: dt.date) -> str:
    if step.status == "done":
        return f"Done on {step.done_on.isoformat()}" if step.done_on else "Done"
    if step.status == "accepted":
        if step.due_on is None:
            return "On your plan, no due date"
        late = " (overdue)" if step.due_on < today else ""
        return f"On your plan, due {step.due_on.isoformat()}{late}"
    return STATUS_LABELS["suggested"]


def _step_block(step: Step, today: dt.date, rejection: Rejection | None = None) -> list[str]:
    box = "[x]" if step.status == "done" else "[ ]"
    lines = [
        f"## {step.priority}. {escape(step.title)}",
        "",
        f"{box} {STRATEGIES.get(step.strategy, escape(step.strategy))}"
        + (f" · {SKILL_NAMES[step.skill]}" if step.skill in SKILL_NAMES else "")
        + f" · {_status_line(step, today)}",
        "",
        f"**Why:** {escape(step.why)}",
    ]
    if step.detail:
        lines += ["", f"**What to do:** {escape(step.detail)}"]
    if step.minutes:
        lines += ["", f"**Time:** {_minutes(step.minutes)}"]
    if step.message:
        lines += ["", "**Message to adapt and send:**", "", _indent(step.message)]
    if step.strategy == "keep_door_open" and rejection is not None:
        lines += [
            "",
            "**For later, a reconnect message:**",
            "",
            _indent(outreach.reconnect_message(rejection)),
        ]
    return lines + [""]


def plan_markdown(rejection: Rejection, steps: Sequence[Step], today: dt.date | None = None) -> str:
    """The whole plan of one rejection as a Markdown document."""
    today = today or dt.date.today()
    stage = STAGES.get(rejection.stage, rejection.stage)
    done = progress(steps, today)
    lines = [
        f"# Next steps: {escape(rejection.company)}, {escape(rejection.role)}",
        "",
        f"Rejected on {rejection.rejected_on.isoformat()} at the {escape(stage)} stage. "
        f"Plan as of {today.isoformat()}.",
        "",
        f"Progress: {done.text}" if done.total else "Progress: no actions taken on yet.",
        "",
    ]
    if done.overdue:
        lines += [f"Overdue: {', '.join(escape(s.title) for s in done.overdue)}.", ""]
    if done.due_this_week:
        lines += [f"Due this week: {', '.join(escape(s.title) for s in done.due_this_week)}.", ""]
    if not steps:
        lines += ["There are no steps for this rejection.", ""]
    for step in steps:
        lines += _step_block(step, today, rejection)
    return printable("\n".join(lines)).rstrip() + "\n"
