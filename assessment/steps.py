"""The next-steps engine: the plan of one rejection.

:func:`suggest_steps` is pure: it reads one rejection (plus the owner's patterns and how many
rejections came close together) and returns the suggested steps, each tied to one strategy of
``domain.md`` with a "why" that cites the user's own numbers. :func:`build_plan` loads what it
needs from the database and merges in the stored actions; the Next steps page and
``python -m assessment plan`` both print its result.

Rules chosen (thresholds are constants below, so tests and docs can name them):

- ``ask_feedback``: status ``not_requested`` (always priority 1), or ``requested`` more than
  7 days ago and still no answer (a single polite reminder). ``received`` and ``declined``
  never trigger it: asking again after a clear no would not be calm.
- ``make_your_case``: rejected 0-14 days ago, no ``internal_candidate`` or ``role_changed``
  fit factor, and at least one confirmed strength (both ratings high).
- ``practice_pitch``: whenever at least one skill is rated by anyone; it rehearses the weakest
  area to work on (or, with none, leading with the top strength).
- ``shore_up``: one per blind spot or growth area, worst combined score first, at most 3 so
  the plan stays doable. A confirmed strength is never in either quadrant.
- ``not_about_you``: any fit factor, or any skill the user rated at least 2 points below the
  interviewer (mapped to 1-5): self-criticism the outside view does not share.
- ``keep_door_open``: always.
- ``stay_positive``: mood or confidence 2 or lower, or 3 or more rejections in the last 30 days.
- ``change_tactics``: one per pattern found across the owner's rejections.

Order (priority 1 = do first): time-sensitive messages first (feedback, make your case,
thank-you), then perspective and energy (it's not all about you, look after your energy),
then what a pattern says, then skill work (worst first), then rehearsal, which builds on it.
Actions that match no current suggestion are listed after the suggestions.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from sqlite_utils import Database

from assessment import exercises, outreach, storage
from assessment.models import Action, Rejection, Step
from assessment.scoring import Assessment, SkillScore, assess, describe_ratings
from assessment.skills import FIT_FACTOR_SHORT, SKILL_KEYS, SKILL_NAMES, STAGES

NUDGE_AFTER_DAYS = 7
CASE_WITHIN_DAYS = 14
CLOSED_DOOR_FACTORS = ("internal_candidate", "role_changed")
MAX_SHORE_UP = 3
FAR_BELOW_GAP = 2.0
LOW_MOOD = 2
MANY_REJECTIONS = 3
WINDOW_DAYS = 30
RECONNECT_AFTER = dt.timedelta(weeks=6)
CITED = 10  # rejections a change_tactics step names; the rest are counted

STATUSES = ("suggested", "accepted", "done")
STATUS_LABELS = {"suggested": "Suggested", "accepted": "On your plan", "done": "Done"}

# Strategy order when building a plan; shore_up steps come worst first within their slot.
ORDER = (
    "ask_feedback",
    "make_your_case",
    "keep_door_open",
    "not_about_you",
    "stay_positive",
    "change_tactics",
    "shore_up",
    "practice_pitch",
)

TITLE_ASK = "Ask for honest feedback"
TITLE_NUDGE = "Send one polite reminder about feedback"
TITLE_CASE = "Send a calm follow-up that makes your case"
TITLE_DOOR = "Send a thank-you note and note a date to reconnect"
TITLE_NOT_YOU = "Name what was outside your control"
TITLE_ENERGY = "Plan something that gives you energy this week"
TACTIC_TITLES = {
    "recurring_concern": "Change how you prepare for a concern that keeps coming back",
    "stage_wall": "Change your approach at the stage where it keeps ending",
    "no_progress": "Try a different channel or kind of role",
}
LEFTOVER_WHY = (
    "You took this on earlier. It no longer follows from this rejection's latest ratings and "
    "feedback, so it is not suggested now, but it stays in your plan until you remove it."
)


def shore_up_title(skill: str) -> str:
    return f"Shore up {SKILL_NAMES[skill]}"


def pitch_title(skill: str) -> str:
    return f"Practise your pitch, answering on {SKILL_NAMES[skill]}"


def tactic_title(kind: str, skill: str | None = None, stage: str | None = None) -> str:
    if kind == "recurring_concern" and skill in SKILL_NAMES:
        return f"Change how you prepare for {SKILL_NAMES[skill]}"
    if kind == "stage_wall" and stage in STAGES:
        return f"Change your approach at the {STAGES[stage]} stage"
    return TACTIC_TITLES[kind]


KNOWN_TITLES: frozenset[str] = frozenset(
    [TITLE_ASK, TITLE_NUDGE, TITLE_CASE, TITLE_DOOR, TITLE_NOT_YOU, TITLE_ENERGY]
    + list(TACTIC_TITLES.values())
    + [tactic_title("recurring_concern", skill=k) for k in SKILL_KEYS]
    + [tactic_title("stage_wall", stage=k) for k in STAGES]
    + [shore_up_title(k) for k in SKILL_KEYS]
    + [pitch_title(k) for k in SKILL_KEYS]
)
"""Every title this module writes. A title outside it came from stored (user) data."""


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def reconnect_date(rejection: Rejection) -> dt.date:
    """Default date to reconnect: six weeks after the rejection (the calendar's last day at
    most, whatever date was stored)."""
    if rejection.rejected_on > dt.date.max - RECONNECT_AFTER:
        return dt.date.max
    return rejection.rejected_on + RECONNECT_AFTER


def assessment_of(rejection: Rejection) -> Assessment:
    return assess(rejection.self_ratings, rejection.feedback.ratings)


# ---- one function per strategy ----------------------------------------------------------


def _ask_feedback(rejection: Rejection, today: dt.date) -> Step | None:
    fb = rejection.feedback
    company = rejection.company
    if fb.status == "not_requested":
        age = max((today - rejection.rejected_on).days, 0)
        when = "today" if age == 0 else f"{_days(age)} ago"
        return Step(
            strategy="ask_feedback",
            title=TITLE_ASK,
            why=(
                f"You have not asked {company} for feedback yet, and their answer came {when}. "
                "A short, polite request sent soon is the one most likely to get a reply, and "
                "their view is what the rest of this plan learns from."
            ),
            priority=0,
            detail=(
                "Send the message below to your contact or the recruiter. Then set the "
                "feedback status to 'Requested' on the Interviewer feedback page, so Rebound "
                "can remind you to follow up once after a week."
            ),
            message=outreach.feedback_request(rejection),
            minutes=10,
        )
    if fb.status == "requested":
        if fb.requested_on is None:
            return None
        waited = (today - fb.requested_on).days
        if waited <= NUDGE_AFTER_DAYS:
            return None
        return Step(
            strategy="ask_feedback",
            title=TITLE_NUDGE,
            why=(
                f"You asked {company} for feedback on {fb.requested_on.isoformat()}, "
                f"{_days(waited)} ago, and have no answer yet. After more than "
                f"{NUDGE_AFTER_DAYS} days, one short reminder is reasonable; after that, let "
                "it go."
            ),
            priority=0,
            detail="Send the reminder below once. If there is still no answer, that is about "
            "their workload, not about you.",
            message=outreach.feedback_reminder(rejection),
            minutes=5,
        )
    return None


def _make_your_case(rejection: Rejection, assessment: Assessment, today: dt.date) -> Step | None:
    age = (today - rejection.rejected_on).days
    if age > CASE_WITHIN_DAYS:
        return None
    if any(f in rejection.fit_factors for f in CLOSED_DOOR_FACTORS):
        return None
    strengths = outreach.case_strengths(rejection, assessment)
    if not strengths:
        return None
    cited = "; ".join(f"{s.name} ({describe_ratings(s)})" for s in strengths[:3])
    count = len(strengths)
    noun = "a confirmed strength" if count == 1 else f"{count} confirmed strengths"
    answers = set(outreach.skills_answering_reason(rejection))
    link = ""
    if rejection.reason_given and strengths[0].key in answers:
        link = f" {strengths[0].name} speaks directly to the reason they gave."
    when = "today" if age <= 0 else f"{_days(age)} ago"
    return Step(
        strategy="make_your_case",
        title=TITLE_CASE,
        why=(
            f"{rejection.company} said no {when}, within {CASE_WITHIN_DAYS} days, and nothing "
            f"you recorded says the door is closed (no internal candidate, no cancelled role). "
            f"You have {noun}: {cited}.{link}"
        ),
        priority=0,
        detail=(
            "Fill in one concrete example with a number for each strength, then send it once. "
            "Keep it to facts; no need to ask them to reconsider in so many words."
        ),
        message=outreach.make_your_case(rejection, assessment),
        minutes=20,
    )


def _weak_spots(assessment: Assessment) -> list[SkillScore]:
    spots = [s for s in assessment.skills if s.quadrant in ("blind_spot", "growth_area")]
    return sorted(spots, key=lambda s: (s.combined, s.quadrant != "blind_spot"))


def _shore_up(assessment: Assessment) -> list[Step]:
    result = []
    for s in _weak_spots(assessment)[:MAX_SHORE_UP]:
        kind = "a blind spot" if s.quadrant == "blind_spot" else "a growth area"
        exercise = exercises.SHORE_UP[s.key]
        result.append(
            Step(
                strategy="shore_up",
                title=shore_up_title(s.key),
                why=(
                    f"For {s.name}, {describe_ratings(s)}: {kind} "
                    f"(combined {s.combined:.1f} of 5)."
                    + (
                        " You saw it higher than the interviewer did, which makes it the most "
                        "useful thing to learn from."
                        if s.quadrant == "blind_spot"
                        else " You both see room to grow, so practice will show."
                    )
                ),
                priority=0,
                skill=s.key,
                detail=exercise.text,
                minutes=exercise.minutes,
            )
        )
    return result


def _practice_pitch(assessment: Assessment) -> Step | None:
    rated = [s for s in assessment.skills if s.rated]
    if not rated:
        return None
    strongest = max(rated, key=lambda s: s.combined)
    weak_keys = [h.key for h in assessment.weaknesses]
    by_key = assessment.by_key()
    target = by_key[weak_keys[0]] if weak_keys else strongest
    if target.key == strongest.key:
        others = [s for s in rated if s.key != target.key]
        lead = max(others, key=lambda s: s.combined) if others else None
    else:
        lead = strongest
    lead_text = (
        f"lead with {lead.name} ({describe_ratings(lead)}, combined {lead.combined:.1f})"
        if lead and lead.combined >= 3.0
        else "lead with the skill you feel surest of"
    )
    why = (
        f"Before the next interview, {lead_text}, and have a ready answer for {target.name} "
        f"({describe_ratings(target)}, combined {target.combined:.1f})."
    )
    detail = (
        "Write a 90-second opening about yourself that leads with your strongest skill and one "
        f"result. Then rehearse a short answer for questions on {target.name}: "
        f"{exercises.PITCH_ANSWER[target.key]}. Say both out loud three times, ideally to "
        "someone else."
    )
    return Step(
        strategy="practice_pitch",
        title=pitch_title(target.key),
        why=why,
        priority=0,
        skill=target.key,
        detail=detail,
        minutes=exercises.PITCH_MINUTES,
    )


def far_below(assessment: Assessment) -> list[SkillScore]:
    """Skills the user rated at least ``FAR_BELOW_GAP`` below the interviewer."""
    return [s for s in assessment.skills if s.gap is not None and s.gap <= -FAR_BELOW_GAP]


def _not_about_you(rejection: Rejection, assessment: Assessment) -> Step | None:
    factors = [f for f in rejection.fit_factors if f in FIT_FACTOR_SHORT]
    modest = far_below(assessment)
    if not factors and not modest:
        return None
    parts = []
    if factors:
        names = ", ".join(FIT_FACTOR_SHORT[f].lower() for f in factors)
        parts.append(f"You noted things outside your control: {names}.")
        if rejection.reason_given:
            parts.append(f'The reason they gave: "{" ".join(rejection.reason_given.split())}"')
    for s in modest:
        parts.append(
            f"For {s.name}, {describe_ratings(s)}: you were harder on yourself than they were."
        )
    detail = (
        "Write two lists: what was in your hands in this interview, and what was not (who else "
        "applied, budget, timing, the team's plans). Only the first list is yours to work on."
    )
    if rejection.reflection.outside_control:
        detail += " You already wrote down part of the second list in your reflection."
    return Step(
        strategy="not_about_you",
        title=TITLE_NOT_YOU,
        why=" ".join(parts),
        priority=0,
        detail=detail,
        minutes=10,
    )


def _keep_door_open(rejection: Rejection) -> Step:
    reconnect = reconnect_date(rejection)
    return Step(
        strategy="keep_door_open",
        title=TITLE_DOOR,
        why=(
            f"{rejection.company} may hire again, and people who reply graciously are "
            f"remembered. Six weeks after the rejection ({reconnect.isoformat()}) is a good "
            "moment to check in again."
        ),
        priority=0,
        detail=(
            "Send the thank-you note now and connect with your contact on a professional "
            "network. Keep any frustration off social media. Add the reconnect date to your "
            "calendar (the calendar file of your plan has it) and use the reconnect message then."
        ),
        message=outreach.thank_you_note(rejection),
        minutes=10,
    )


def _stay_positive(rejection: Rejection, recent_rejections: int) -> Step | None:
    mood, confidence = rejection.reflection.mood, rejection.reflection.confidence
    reasons = []
    if mood is not None and mood <= LOW_MOOD:
        reasons.append(f"you rated your mood {mood} of 5")
    if confidence is not None and confidence <= LOW_MOOD:
        reasons.append(f"you rated your confidence {confidence} of 5")
    if recent_rejections >= MANY_REJECTIONS:
        reasons.append(
            f"this is one of {recent_rejections} rejections in the last {WINDOW_DAYS} days"
        )
    if not reasons:
        return None
    why = " and ".join(reasons)
    return Step(
        strategy="stay_positive",
        title=TITLE_ENERGY,
        why=(
            f"{why[0].upper()}{why[1:]}. That is a lot to carry; a rested person interviews "
            "better than a worn-out one."
        ),
        priority=0,
        detail=(
            "This week: take one evening with no applications at all, move for 30 minutes on "
            "two days, and tell one person you trust how it went. Then write down three things "
            "you did well in this interview."
        ),
        minutes=30,
    )


def _pattern_field(pattern: object, name: str, default=None):
    return getattr(pattern, name, default)


def cited_ids(ids: Sequence[int]) -> list[int]:
    """The rejections a tactic names: the latest :data:`CITED` of a pattern's (oldest first),
    so the step stays readable, and as long, with a history of any length."""
    return list(ids[-CITED:])


def _change_tactics(patterns: Iterable, rejection_labels: Mapping[int, str]) -> list[Step]:
    result = []
    for pattern in patterns:
        kind = _pattern_field(pattern, "kind", "")
        if kind not in TACTIC_TITLES:
            continue
        sentence = str(_pattern_field(pattern, "sentence", "") or "").strip()
        ids = list(_pattern_field(pattern, "rejection_ids", ()) or ())
        named = [rejection_labels.get(i, f"rejection {i}") for i in cited_ids(ids)]
        skill = _pattern_field(pattern, "skill")
        skill = skill if skill in SKILL_NAMES else None
        stage = _pattern_field(pattern, "stage")
        why = f"A pattern repeats across your rejections. {sentence or TACTIC_TITLES[kind]}"
        if not why.endswith("."):
            why += "."
        if named:
            why += f" The rejections it covers: {'; '.join(named)}"
            why += f" (the latest {len(named)} of {len(ids):,})." if len(ids) > len(named) else "."
        result.append(
            Step(
                strategy="change_tactics",
                title=tactic_title(kind, skill, stage),
                why=why,
                priority=0,
                skill=skill if kind == "recurring_concern" else None,
                detail=_tactic_detail(kind, skill, stage),
                minutes=60,
            )
        )
    return result


def _tactic_detail(kind: str, skill: str | None, stage: str | None) -> str:
    if kind == "recurring_concern" and skill:
        return (
            f"Doing more of the same has not moved {SKILL_NAMES[skill]}. Change the method: "
            "ask someone who works in the field for a mock interview on it, or take a short "
            f"structured course, and ask for feedback on {SKILL_NAMES[skill]} specifically "
            "after your next interview."
        )
    if kind == "stage_wall":
        stage_name = STAGES.get(stage or "", "the same stage")
        return (
            f"Several rejections ended at {stage_name}. Ask a person who has passed that stage "
            "at a similar company what it tests, rehearse it with them once, and change one "
            "thing about how you prepare for it (a mock round, a take-home practice, or a "
            "tighter story list)."
        )
    return (
        "Your scores have not risen across your last three rejections, so change the inputs: "
        "apply through referrals and people you know rather than job boards, talk to two people "
        "in roles you want about how they got in, or try roles one step closer to your current "
        "experience."
    )


# ---- the plan -------------------------------------------------------------------------


def suggest_steps(
    rejection: Rejection,
    *,
    today: dt.date,
    patterns: Sequence = (),
    recent_rejections: int = 1,
    rejection_labels: Mapping[int, str] | None = None,
) -> list[Step]:
    """The suggested steps of one rejection, with unique priorities (1 = do first).

    ``recent_rejections`` counts the owner's rejections in the last ``WINDOW_DAYS`` days,
    this one included; ``rejection_labels`` names rejections by id for ``change_tactics``.
    """
    assessment = assessment_of(rejection)
    found: dict[str, list[Step]] = {key: [] for key in ORDER}

    def add(step: Step | None) -> None:
        if step is not None:
            found[step.strategy].append(step)

    add(_ask_feedback(rejection, today))
    add(_make_your_case(rejection, assessment, today))
    add(_keep_door_open(rejection))
    add(_not_about_you(rejection, assessment))
    add(_stay_positive(rejection, recent_rejections))
    for step in _change_tactics(patterns, rejection_labels or {}):
        add(step)
    for step in _shore_up(assessment):
        add(step)
    add(_practice_pitch(assessment))
    ordered = [step for key in ORDER for step in found[key]]
    return [replace(step, priority=i) for i, step in enumerate(ordered, start=1)]


def _status(action: Action) -> str:
    return "done" if action.done_on else "accepted"


# Strategies whose steps are told apart by their title, not by skill alone.
_MATCH_BY_TITLE_ONLY = ("ask_feedback", "change_tactics")


def merge_actions(steps: Sequence[Step], actions: Sequence[Action]) -> list[Step]:
    """Mark suggestions the user took on, and keep actions that match no suggestion.

    An action matches a step with the same strategy, skill and title; failing that, the same
    strategy and skill (titles may be reworded over time), except for strategies with more
    than one kind of step without a skill.
    """
    taken: dict[int, Action] = {}
    used: set[int] = set()
    for exact in (True, False):
        for i, step in enumerate(steps):
            if i in taken:
                continue
            if not exact and step.strategy in _MATCH_BY_TITLE_ONLY:
                continue
            for n, action in enumerate(actions):
                if n in used or (action.strategy, action.skill) != (step.strategy, step.skill):
                    continue
                if exact and action.title != step.title:
                    continue
                taken[i] = action
                used.add(n)
                break
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
    for n, action in enumerate(actions):
        if n in used:
            continue
        detail = ""
        if action.strategy == "shore_up" and action.skill in exercises.SHORE_UP:
            detail = exercises.SHORE_UP[action.skill].text
        merged.append(
            Step(
                strategy=action.strategy,
                title=action.title,
                why=LEFTOVER_WHY,
                priority=0,
                skill=action.skill,
                status=_status(action),
                detail=detail,
                action_id=action.id,
                due_on=action.due_on,
                done_on=action.done_on,
            )
        )
    return [replace(step, priority=i) for i, step in enumerate(merged, start=1)]


def recent_rejection_count(
    db: Database, owner: str, today: dt.date, days: int = WINDOW_DAYS
) -> int:
    """The owner's rejections with ``rejected_on`` in the last ``days`` days (today included)."""
    start = (today - dt.timedelta(days=days)).isoformat()
    row = db.execute(
        "SELECT count(*) FROM rejections WHERE owner = ? AND rejected_on >= ? AND rejected_on <= ?",
        [owner, start, today.isoformat()],
    ).fetchone()
    return int(row[0])


def rejection_labels(db: Database, owner: str, ids: Iterable[int] | None = None) -> dict[int, str]:
    """ "Company (date)" for the owner's rejections (only ``ids`` when given), for citing
    patterns."""
    sql = "SELECT id, company, rejected_on FROM rejections WHERE owner = ?"
    params: list = [owner]
    if ids is not None:
        wanted = sorted({int(i) for i in ids})
        sql += " AND id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(wanted))
    rows = db.execute(sql, params).fetchall()
    return {row[0]: f"{' '.join(row[1].split())} ({row[2]})" for row in rows}


def _patterns(db: Database, owner: str) -> list:
    try:
        from assessment.patterns import find_patterns
    except ImportError:  # the patterns module is optional until it lands
        return []
    return list(find_patterns(db, owner))


def build_plan(
    db: Database, rejection_id: int, owner: str = storage.LOCAL_OWNER, today: dt.date | None = None
) -> list[Step]:
    """The plan of one rejection: suggestions merged with stored actions, in priority order.

    Empty when the rejection does not exist or belongs to another owner.
    """
    today = today or dt.date.today()
    rejection = storage.get_rejection(db, rejection_id, owner)
    if rejection is None:
        return []
    found = _patterns(db, owner)
    cited = [
        i for p in found for i in cited_ids(list(_pattern_field(p, "rejection_ids", ()) or ()))
    ]
    suggested = suggest_steps(
        rejection,
        today=today,
        patterns=found,
        recent_rejections=recent_rejection_count(db, owner, today),
        rejection_labels=rejection_labels(db, owner, cited),
    )
    return merge_actions(suggested, rejection.actions)


# ---- progress -------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    due_this_week: tuple[Step, ...]
    overdue: tuple[Step, ...]

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0

    @property
    def text(self) -> str:
        if not self.total:
            return "No actions yet: accept a step to add it to your plan."
        noun = "action" if self.total == 1 else "actions"
        return f"{self.done} of {self.total} {noun} done."


def progress(steps: Sequence[Step], today: dt.date) -> Progress:
    """Done out of actions (accepted or done), and open actions due soon or overdue.

    Suggestions the user has not taken on do not count against them. "This week" is today and
    the six days after it.
    """
    actions = [s for s in steps if s.status in ("accepted", "done")]
    open_ = [s for s in actions if s.status == "accepted" and s.due_on is not None]
    week_end = today + dt.timedelta(days=6)
    return Progress(
        done=sum(1 for s in actions if s.status == "done"),
        total=len(actions),
        due_this_week=tuple(
            sorted((s for s in open_ if today <= s.due_on <= week_end), key=lambda s: s.due_on)
        ),
        overdue=tuple(sorted((s for s in open_ if s.due_on < today), key=lambda s: s.due_on)),
    )


def accept(db: Database, rejection_id: int, step: Step, owner: str = storage.LOCAL_OWNER) -> int:
    """The user takes a step on: store it as an action (one transaction)."""
    return storage.add_action(
        db,
        rejection_id,
        Action(strategy=step.strategy, title=step.title, skill=step.skill, due_on=step.due_on),
        owner,
    )
