"""The plan of one rejection: its steps in order, merged with what the user took on.

:func:`suggest_steps` is pure: it walks the strategy table (:data:`strategies.TABLE`, which
holds the order and the rules) over one rejection, plus the owner's patterns and how many
rejections came close together, and numbers the steps (1 = do first). :func:`build_plan`
loads what it needs from the database and merges in the stored actions; the Next steps page,
Home and ``python -m assessment plan`` all show its result. Actions that match no current
suggestion are listed after the suggestions.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlite_utils import Database

from assessment import storage
from assessment.models import Action, Rejection, Settings, Step
from assessment.names import rejection_in_sentence
from assessment.plan import drills, exercises, outreach, strategies, texts
from assessment.plan.patterns import Pattern, find_patterns
from assessment.scoring import assessment_of
from assessment.skills import SKILL_NAMES
from assessment.views.progress import Filters


def suggest_steps(
    rejection: Rejection,
    *,
    today: dt.date,
    patterns: Sequence[Pattern] = (),
    recent_rejections: int = 1,
    rejection_labels: dict[int, str] | None = None,
    settings: Settings | None = None,
) -> list[Step]:
    """The suggested steps of one rejection, with unique priorities and dated messages.

    ``recent_rejections`` counts the owner's rejections in the last
    :data:`strategies.WINDOW_DAYS` days, this one included; ``rejection_labels`` names
    rejections by id for ``change_tactics``; ``settings`` sign the messages.
    """
    situation = strategies.Situation(
        rejection=rejection,
        assessment=assessment_of(rejection),
        today=today,
        patterns=patterns,
        recent_rejections=recent_rejections,
        rejection_labels=rejection_labels or {},
        settings=settings or Settings(),
    )
    return in_order(_suggested(situation), today)


def _suggested(situation: strategies.Situation) -> list[Step]:
    """The table walked, in its order, numbered (messages not dated yet)."""
    found = [step for strategy in strategies.TABLE for step in strategy.build(situation)]
    return [replace(step, priority=i) for i, step in enumerate(found, start=1)]


def in_order(steps: Sequence[Step], today: dt.date) -> list[Step]:
    """Messages dated (:func:`outreach.schedule`: one conversation per contact), then numbered
    again: the plan's order, except that messages meant for a later day come last, by date."""
    dated = outreach.schedule(steps, today)
    now = [s for s in dated if not (s.send_on and s.send_on > today)]
    later = sorted((s for s in dated if s.send_on and s.send_on > today), key=lambda s: s.send_on)
    return [replace(step, priority=i) for i, step in enumerate([*now, *later], start=1)]


def _status(action: Action) -> str:
    return "done" if action.done_on else "accepted"


# Strategies whose steps are told apart by their title, not by skill alone.
_MATCH_BY_TITLE_ONLY = ("ask_feedback", "keep_door_open", "change_tactics")


def merge_actions(steps: Sequence[Step], actions: Sequence[Action]) -> list[Step]:
    """Mark suggestions the user took on, and keep actions that match no suggestion.

    An action matches a step with the same strategy, skill and title; failing that, the same
    strategy and skill (titles may be reworded over time), except for strategies with more
    than one kind of step without a skill. A scheduled drill (:func:`drills.is_drill`) never
    stands for a suggestion: it follows the step it was scheduled from (same strategy and
    skill), by date, or comes with the other leftovers when that step is gone.
    """
    taken: dict[int, Action] = {}
    drill_ids = {n for n, action in enumerate(actions) if drills.is_drill(action)}
    used: set[int] = set()
    for exact in (True, False):
        for i, step in enumerate(steps):
            if i in taken:
                continue
            if not exact and step.strategy in _MATCH_BY_TITLE_ONLY:
                continue
            for n, action in enumerate(actions):
                if n in used or n in drill_ids:
                    continue
                if (action.strategy, action.skill) != (step.strategy, step.skill):
                    continue
                if exact and texts.RENAMED_TITLES.get(action.title, action.title) != step.title:
                    continue
                taken[i] = action
                used.add(n)
                break
    by_date = sorted(drill_ids, key=lambda n: (actions[n].due_on or dt.date.max, n))
    placed: set[int] = set()
    merged = []
    for i, step in enumerate(steps):
        action = taken.get(i)
        if action is None:
            merged.append(step)
        else:
            merged.append(
                replace(
                    step,
                    status=_status(action),
                    action_id=action.id,
                    due_on=action.due_on,
                    done_on=action.done_on,
                )
            )
        for n in by_date:
            drill = actions[n]
            if n not in placed and (drill.strategy, drill.skill) == (step.strategy, step.skill):
                placed.add(n)
                merged.append(_recorded_step(drill))
    for n, action in enumerate(actions):
        if n in used or n in placed:
            continue
        merged.append(_recorded_step(action))
    return [replace(step, priority=i) for i, step in enumerate(merged, start=1)]


def _recorded_step(action: Action) -> Step:
    """A stored action that stands for no suggestion, with its own "why" when the app wrote it
    (a deadline, a drill), else the leftover's."""
    minutes = None
    why, detail = texts.RECORDED_ACTIONS.get(action.title, (texts.LEFTOVER_WHY, ""))
    if drills.is_drill(action):
        name = SKILL_NAMES[action.skill]
        minutes = drills.DRILL_MINUTES
        why = texts.DRILL_WHY.format(skill=name)
        detail = texts.DRILL_DETAIL.format(skill=name, minutes=minutes)
    elif action.strategy == "shore_up" and action.skill in exercises.SHORE_UP:
        detail = exercises.SHORE_UP[action.skill].text
    return Step(
        strategy=action.strategy,
        title=action.title,
        why=why,
        priority=0,
        skill=action.skill,
        status=_status(action),
        detail=detail,
        minutes=minutes,
        action_id=action.id,
        due_on=action.due_on,
        done_on=action.done_on,
    )


def recent_rejection_count(
    db: Database,
    owner: str,
    today: dt.date,
    days: int = strategies.WINDOW_DAYS,
    examples: bool = False,
) -> int:
    """The owner's own rejections (the examples with ``examples``) with ``rejected_on`` in the
    last ``days`` days (today included)."""
    start = (today - dt.timedelta(days=days)).isoformat()
    row = db.execute(
        "SELECT count(*) FROM rejections WHERE owner = ? AND example = ? "
        "AND rejected_on >= ? AND rejected_on <= ?",
        [owner, int(examples), start, today.isoformat()],
    ).fetchone()
    return int(row[0])


def rejection_labels(db: Database, owner: str, ids: Iterable[int] | None = None) -> dict[int, str]:
    """How a sentence names each of the owner's rejections (only ``ids`` when given), for
    citing patterns."""
    sql = "SELECT id, company, rejected_on FROM rejections WHERE owner = ?"
    params: list = [owner]
    if ids is not None:
        wanted = sorted({int(i) for i in ids})
        sql += " AND id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(wanted))
    rows = db.execute(sql, params).fetchall()
    return {row[0]: rejection_in_sentence(row[1], row[2]) for row in rows}


def build_plan(
    db: Database, rejection_id: int, owner: str = storage.LOCAL_OWNER, today: dt.date | None = None
) -> list[Step]:
    """The plan of one rejection: suggestions merged with stored actions, in priority order.

    Empty when the rejection does not exist or belongs to another owner. Patterns and the
    count of recent rejections come from the rejection's own kind: the user's own rejections
    for one of theirs, the example set for an example, so neither ever shows in the other.
    """
    today = today or dt.date.today()
    rejection = storage.get_rejection(db, rejection_id, owner)
    if rejection is None:
        return []
    found = find_patterns(db, owner, Filters(examples=rejection.example))
    cited = [i for p in found for i in strategies.cited_ids(p.rejection_ids)]
    situation = strategies.Situation(
        rejection=rejection,
        assessment=assessment_of(rejection),
        today=today,
        patterns=found,
        recent_rejections=recent_rejection_count(db, owner, today, examples=rejection.example),
        rejection_labels=rejection_labels(db, owner, cited),
        settings=storage.get_settings(db, owner),
    )
    return in_order(merge_actions(_suggested(situation), rejection.actions), today)


# ---- progress -------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """Steps done out of every step in the plan, and the open actions due soon or overdue.

    ``accepted`` counts the steps taken on but not done yet.
    """

    done: int
    total: int
    due_this_week: tuple[Step, ...]
    overdue: tuple[Step, ...]
    accepted: int = 0

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0

    @property
    def count_text(self) -> str:
        """ "2 of 7 steps done. 1 more taken on." (the Markdown plan's progress line)."""
        if not self.total:
            return texts.NO_STEPS
        one, many = texts.STEP_NOUNS
        noun = one if self.total == 1 else many
        line = texts.STEPS_DONE.format(done=self.done, total=self.total, noun=noun)
        if self.accepted:
            line += texts.STEPS_ACCEPTED.format(accepted=self.accepted)
        return line

    @property
    def text(self) -> str:
        """:attr:`count_text`, with a pointer to accepting a step while none is taken on."""
        if self.total and not (self.done or self.accepted):
            return self.count_text + texts.STEPS_NONE_TAKEN_ON
        return self.count_text


def progress(steps: Sequence[Step], today: dt.date) -> Progress:
    """Done out of all the plan's steps (suggested, accepted or done), and open actions due
    soon or overdue.

    Every step counts, so the bar is full only when the whole plan is done; a step dropped from
    the plan (an action removed) no longer counts. "This week" is today and the six days after
    it.
    """
    open_ = [s for s in steps if s.status == "accepted" and s.due_on is not None]
    week_end = today + dt.timedelta(days=6)
    return Progress(
        done=sum(1 for s in steps if s.status == "done"),
        total=len(steps),
        accepted=sum(1 for s in steps if s.status == "accepted"),
        due_this_week=tuple(
            sorted((s for s in open_ if today <= s.due_on <= week_end), key=lambda s: s.due_on)
        ),
        overdue=tuple(sorted((s for s in open_ if s.due_on < today), key=lambda s: s.due_on)),
    )


def accept(db: Database, rejection_id: int, step: Step, owner: str = storage.LOCAL_OWNER) -> int:
    """The user takes a step on: store it as an action (one transaction). A message step is
    due on the day it is meant to go."""
    return storage.add_action(
        db,
        rejection_id,
        Action(
            strategy=step.strategy,
            title=step.title,
            skill=step.skill,
            due_on=step.due_on or step.send_on,
        ),
        owner,
    )
