"""The plan as Markdown: the page's download and ``python -m assessment plan``.

Written to read well both rendered and printed as plain text. Each step is laid out by
:func:`assessment.plan.layout.step_view`, as on the page. Text that came from the user
(company, role, reasons, stored action titles) is escaped so it cannot turn into links,
images or HTML; messages to copy are indented code blocks, which Markdown never interprets.
Control characters are removed from the whole document (:func:`assessment.text.printable`).
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Sequence

from assessment.models import Rejection, Step
from assessment.plan import texts
from assessment.plan.layout import StepView, step_view
from assessment.plan.steps import progress
from assessment.skills import STAGES
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


def _step_block(view: StepView) -> list[str]:
    box = "[x]" if view.done else "[ ]"
    lines = [
        f"## {view.number}. {escape(view.title)}",
        "",
        f"{box} {view.strategy}"
        + (f" · {view.skill}" if view.skill else "")
        + f" · {view.status_line}",
        "",
        f"**{texts.WHY_LABEL}:** {escape(view.why)}",
    ]
    if view.what_to_do:
        lines += ["", f"**{texts.DETAIL_LABEL}:** {escape(view.what_to_do)}"]
    if view.time:
        lines += ["", f"**{texts.TIME_LABEL}:** {view.time}"]
    if view.message:
        lines += ["", f"**{texts.MESSAGE_LABEL}:**"]
        if view.send_line:
            lines += ["", f"{escape(view.send_line)}."]
        lines += ["", _indent(view.message)]
    return lines + [""]


def plan_markdown(rejection: Rejection, steps: Sequence[Step], today: dt.date | None = None) -> str:
    """The whole plan of one rejection as a Markdown document."""
    today = today or dt.date.today()
    stage = STAGES.get(rejection.stage, rejection.stage)
    done = progress(steps, today)
    lines = [
        texts.PLAN_HEADING.format(company=escape(rejection.company), role=escape(rejection.role)),
        "",
        texts.PLAN_INTRO.format(
            rejected_on=rejection.rejected_on.isoformat(),
            stage=escape(stage),
            today=today.isoformat(),
        ),
        "",
        texts.PLAN_PROGRESS.format(text=done.count_text) if done.total else texts.PLAN_NO_PROGRESS,
        "",
    ]
    if done.overdue:
        titles = ", ".join(escape(s.title) for s in done.overdue)
        lines += [texts.PLAN_OVERDUE.format(titles=titles), ""]
    if done.due_this_week:
        titles = ", ".join(escape(s.title) for s in done.due_this_week)
        lines += [texts.PLAN_DUE_THIS_WEEK.format(titles=titles), ""]
    if not steps:
        lines += [texts.PLAN_EMPTY, ""]
    for step in steps:
        lines += _step_block(step_view(step, today, rejection))
    return printable("\n".join(lines)).rstrip() + "\n"
