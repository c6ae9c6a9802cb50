"""One layout of a step, rendered by the Next steps page, Home and the Markdown plan.

:func:`step_view` decides what a step shows and in which words; the renderers only choose how
(Streamlit elements, or Markdown with user text escaped). The labels they put before each
part are :mod:`assessment.plan.texts` ``*_LABEL``. :func:`practice_links` decides which
links to the Practise page a step offers, and on which skill.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assessment.models import Rejection, Step
from assessment.plan import drills, outreach, strategies, texts
from assessment.scoring import assessment_of
from assessment.skills import SKILL_NAMES


@dataclass(frozen=True)
class PracticeLink:
    """A link to the Practise page: a drill on ``skill``, or with ``story`` the story form for
    that concern (``/practise?rejection=<id>&skill=<key>&story=new``); no skill: the page."""

    label: str
    skill: str | None = None
    story: bool = False

    @property
    def params(self) -> dict[str, str]:
        """The query parameters besides ``rejection``."""
        params = {"skill": self.skill} if self.skill else {}
        return params | ({"story": "new"} if self.story else {})


@dataclass(frozen=True)
class StepView:
    """What one step shows. ``title``, ``why`` and the messages may hold user text."""

    number: int
    strategy: str
    """The strategy's title ("Make your case")."""
    skill: str
    """The skill's name, or "" when the step is about no skill."""
    status: str
    """"Suggested", "On your plan" or "Done"."""
    status_line: str
    """The status with its date ("On your plan, due 2026-12-01 (overdue)")."""
    done: bool
    title: str
    title_is_ours: bool
    """One of the plan's own titles; otherwise a stored title, which is user text."""
    why: str
    what_to_do: str
    time: str
    """"about 20 minutes", or "" without an estimate."""
    message: str
    send_line: str
    """When and to whom the message goes ("Send on 2026-11-23, to Dana Whitfield"), or ""."""
    mail_link: str
    """A ``mailto:`` link with the message's subject and body, or "" without a message."""
    practice: tuple[PracticeLink, ...] = ()
    """Links to the Practise page (:func:`practice_links`); labels are ours."""
    message_title: str = ""
    """The label of the folded message: :data:`texts.MESSAGE_LABEL`, with its day when it goes
    later, or that it was sent. Our words only."""
    send_now: bool = False
    """A message that is meant to go today (or was due to go already) and is not sent yet:
    the page shows it open, the others folded."""


def minutes_text(minutes: int) -> str:
    """A time estimate in words: "about 45 minutes", "about 1 hour 30 minutes"."""
    if minutes < 60:
        return texts.MINUTES.format(minutes=minutes)
    hours, rest = divmod(minutes, 60)
    one, many = texts.HOUR_UNITS
    text = texts.HOURS.format(hours=hours, unit=one if hours == 1 else many)
    return text + (texts.AND_MINUTES.format(minutes=rest) if rest else "")


def status_line(step: Step, today: dt.date) -> str:
    if step.status == "done":
        if step.done_on is None:
            return texts.STATUS_LABELS["done"]
        return texts.DONE_ON.format(day=step.done_on.isoformat())
    if step.status == "accepted":
        if step.due_on is None:
            return texts.ON_PLAN_UNDATED
        late = texts.OVERDUE if step.due_on < today else ""
        return texts.ON_PLAN_DUE.format(day=step.due_on.isoformat()) + late
    return texts.STATUS_LABELS["suggested"]


def send_line(step: Step, today: dt.date) -> str:
    """When and to whom a step's message goes; "" for a step without one."""
    if not step.message:
        return ""
    to = step.to or texts.HIRING_TEAM
    if step.status == "done" or step.send_on is None:
        return texts.SEND_SENT.format(to=to) if step.status == "done" else ""
    if step.send_on <= today:
        return texts.SEND_NOW.format(to=to)
    return texts.SEND_LATER.format(day=step.send_on.isoformat(), to=to)


def message_title(step: Step, today: dt.date) -> str:
    """The label of a step's folded message; "" for a step without one."""
    if not step.message:
        return ""
    if step.status == "done":
        return texts.MESSAGE_FOLDED_SENT
    if step.send_on is not None and step.send_on > today:
        return texts.MESSAGE_FOLDED_LATER.format(day=step.send_on.isoformat())
    return texts.MESSAGE_LABEL


def first_area(rejection: Rejection | None) -> str | None:
    """The first area to work on of ``rejection`` (the reason's skill first), or None."""
    if rejection is None:
        return None
    areas = assessment_of(rejection).weaknesses
    return areas[0].key if areas else None


def practice_links(step: Step, rejection: Rejection | None = None) -> tuple[PracticeLink, ...]:
    """The Practise page's links of a shore-up or practise step (a drill among them): a drill
    on its skill, and for a shore-up step the story that answers the concern. A step without a
    skill uses the rejection's first area to work on; with none, the link opens the page."""
    if step.strategy not in drills.DRILL_STRATEGIES:
        return ()
    skill = step.skill if step.skill in SKILL_NAMES else first_area(rejection)
    if skill is None:
        return (PracticeLink(texts.PRACTISE_PAGE_LINK),)
    links = [PracticeLink(texts.PRACTISE_DRILL_LINK.format(skill=SKILL_NAMES[skill]), skill)]
    if step.strategy == "shore_up" and not drills.is_drill(step):
        links.append(PracticeLink(texts.PRACTISE_STORY_LINK, skill, story=True))
    return tuple(links)


def step_view(step: Step, today: dt.date, rejection: Rejection) -> StepView:
    strategy = strategies.BY_KEY.get(step.strategy)
    return StepView(
        number=step.priority,
        strategy=strategy.title if strategy else texts.UNKNOWN_STRATEGY,
        skill=SKILL_NAMES.get(step.skill or "", ""),
        status=texts.STATUS_LABELS.get(step.status, ""),
        status_line=status_line(step, today),
        done=step.status == "done",
        title=step.title,
        title_is_ours=step.title in strategies.KNOWN_TITLES,
        why=step.why,
        what_to_do=step.detail,
        time=minutes_text(step.minutes) if step.minutes else "",
        message=step.message,
        send_line=send_line(step, today),
        mail_link=outreach.mail_link(step.message) if step.message else "",
        practice=practice_links(step, rejection),
        message_title=message_title(step, today),
        send_now=bool(
            step.message
            and step.status != "done"
            and step.send_on is not None
            and step.send_on <= today
        ),
    )
