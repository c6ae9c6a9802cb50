"""The strategies of ``domain.md``: one table that both orders the plan and builds its steps.

:data:`TABLE` lists every strategy once, in plan order (priority 1 = do first), with the
function that builds its steps from a :class:`Situation`. :func:`assessment.plan.steps.suggest_steps`
walks it; nothing else knows the order. The wording is in :mod:`assessment.plan.texts`.

Rules chosen (thresholds are constants below, so tests and docs can name them):

- ``ask_feedback``: status ``not_requested`` (always priority 1), or ``requested`` more than
  7 days ago and still no answer (a single polite reminder). ``received`` and ``declined``
  never trigger it: asking again after a clear no would not be calm.
- ``make_your_case``: rejected 0-14 days ago, no ``internal_candidate`` or ``role_changed``
  fit factor, and at least one confirmed strength (both ratings high).
- ``keep_door_open``: always.
- ``not_about_you``: any fit factor, or any skill the user rated at least 2 points below the
  interviewer (mapped to 1-5): self-criticism the outside view does not share.
- ``stay_positive``: mood or confidence 2 or lower, or 3 or more rejections in the last 30 days.
- ``change_tactics``: one per pattern found across the owner's rejections.
- ``shore_up``: one per blind spot or growth area, worst combined score first, at most 3 so
  the plan stays doable. A confirmed strength is never in either quadrant.
- ``practice_pitch``: whenever at least one skill is rated by anyone; it rehearses the weakest
  area to work on (or, with none, leading with the top strength).

Order: time-sensitive messages first (feedback, make your case, thank-you), then perspective
and energy (it's not all about you, look after your energy), then what a pattern says, then
skill work (worst first), then rehearsal, which builds on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from assessment.models import Rejection, Step
from assessment.plan import exercises, outreach, texts
from assessment.plan.patterns import Pattern
from assessment.scoring import Assessment, SkillScore, describe_ratings
from assessment.skills import FIT_FACTOR_SHORT, SKILL_KEYS, SKILL_NAMES, STAGES, STRATEGIES

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


@dataclass(frozen=True)
class Situation:
    """What the strategies read: one rejection and its assessment, plus the owner's history.

    ``recent_rejections`` counts the owner's rejections in the last :data:`WINDOW_DAYS` days,
    this one included; ``rejection_labels`` names rejections by id for ``change_tactics``.
    """

    rejection: Rejection
    assessment: Assessment
    today: dt.date
    patterns: Sequence[Pattern] = ()
    recent_rejections: int = 1
    rejection_labels: Mapping[int, str] = field(default_factory=dict)


# ---- small pieces of wording ---------------------------------------------------------------


def _days(n: int) -> str:
    one, many = texts.DAY_COUNTS
    return one if n == 1 else many.format(n=n)


def _ago(days: int) -> str:
    return texts.TODAY if days <= 0 else texts.AGO.format(days=_days(days))


def shore_up_title(skill: str) -> str:
    return texts.TITLE_SHORE_UP.format(skill=SKILL_NAMES[skill])


def pitch_title(skill: str) -> str:
    return texts.TITLE_PITCH.format(skill=SKILL_NAMES[skill])


def tactic_title(kind: str, skill: str | None = None, stage: str | None = None) -> str:
    if kind == "recurring_concern" and skill in SKILL_NAMES:
        return texts.TITLE_CONCERN.format(skill=SKILL_NAMES[skill])
    if kind == "stage_wall" and stage in STAGES:
        return texts.TITLE_STAGE_WALL.format(stage=STAGES[stage])
    return texts.TACTIC_TITLES[kind]


def reconnect_date(rejection: Rejection) -> dt.date:
    """Default date to reconnect: six weeks after the rejection (the calendar's last day at
    most, whatever date was stored)."""
    if rejection.rejected_on > dt.date.max - RECONNECT_AFTER:
        return dt.date.max
    return rejection.rejected_on + RECONNECT_AFTER


# ---- one function per strategy ----------------------------------------------------------


def ask_feedback(situation: Situation) -> list[Step]:
    rejection, today = situation.rejection, situation.today
    fb = rejection.feedback
    if fb.status == "not_requested":
        return [
            Step(
                strategy="ask_feedback",
                title=texts.TITLE_ASK,
                why=texts.ASK_WHY.format(
                    company=rejection.company, when=_ago((today - rejection.rejected_on).days)
                ),
                priority=0,
                detail=texts.ASK_DETAIL,
                message=outreach.feedback_request(rejection),
                minutes=10,
            )
        ]
    if fb.status != "requested" or fb.requested_on is None:
        return []
    waited = (today - fb.requested_on).days
    if waited <= NUDGE_AFTER_DAYS:
        return []
    return [
        Step(
            strategy="ask_feedback",
            title=texts.TITLE_NUDGE,
            why=texts.NUDGE_WHY.format(
                company=rejection.company,
                requested_on=fb.requested_on.isoformat(),
                waited=_days(waited),
                nudge_days=NUDGE_AFTER_DAYS,
            ),
            priority=0,
            detail=texts.NUDGE_DETAIL,
            message=outreach.feedback_reminder(rejection),
            minutes=5,
        )
    ]


def make_your_case(situation: Situation) -> list[Step]:
    rejection, assessment = situation.rejection, situation.assessment
    age = (situation.today - rejection.rejected_on).days
    if age > CASE_WITHIN_DAYS:
        return []
    if any(f in rejection.fit_factors for f in CLOSED_DOOR_FACTORS):
        return []
    strengths = outreach.case_strengths(rejection, assessment)
    if not strengths:
        return []
    cited = texts.CASE_CITED_SEPARATOR.join(
        texts.CASE_CITED.format(skill=s.name, ratings=describe_ratings(s)) for s in strengths[:3]
    )
    count = len(strengths)
    noun = texts.CASE_ONE_STRENGTH if count == 1 else texts.CASE_STRENGTHS.format(count=count)
    link = ""
    if rejection.reason_given and strengths[0].key in outreach.skills_answering_reason(rejection):
        link = texts.CASE_LINK.format(skill=strengths[0].name)
    why = texts.CASE_WHY.format(
        company=rejection.company,
        when=_ago(age),
        within_days=CASE_WITHIN_DAYS,
        strengths=noun,
        cited=cited,
        link=link,
    )
    return [
        Step(
            strategy="make_your_case",
            title=texts.TITLE_CASE,
            why=why,
            priority=0,
            detail=texts.CASE_DETAIL,
            message=outreach.make_your_case(rejection, assessment),
            minutes=20,
        )
    ]


def keep_door_open(situation: Situation) -> list[Step]:
    rejection = situation.rejection
    return [
        Step(
            strategy="keep_door_open",
            title=texts.TITLE_DOOR,
            why=texts.DOOR_WHY.format(
                company=rejection.company, reconnect_on=reconnect_date(rejection).isoformat()
            ),
            priority=0,
            detail=texts.DOOR_DETAIL,
            message=outreach.thank_you_note(rejection),
            minutes=10,
        )
    ]


def far_below(assessment: Assessment) -> list[SkillScore]:
    """Skills the user rated at least ``FAR_BELOW_GAP`` below the interviewer."""
    return [s for s in assessment.skills if s.gap is not None and s.gap <= -FAR_BELOW_GAP]


def not_about_you(situation: Situation) -> list[Step]:
    rejection = situation.rejection
    factors = [f for f in rejection.fit_factors if f in FIT_FACTOR_SHORT]
    modest = far_below(situation.assessment)
    if not factors and not modest:
        return []
    parts = []
    if factors:
        names = ", ".join(FIT_FACTOR_SHORT[f].lower() for f in factors)
        parts.append(texts.NOT_YOU_FACTORS.format(factors=names))
        if rejection.reason_given:
            parts.append(
                texts.NOT_YOU_REASON.format(reason=" ".join(rejection.reason_given.split()))
            )
    for s in modest:
        parts.append(texts.NOT_YOU_MODEST.format(skill=s.name, ratings=describe_ratings(s)))
    detail = texts.NOT_YOU_DETAIL
    if rejection.reflection.outside_control:
        detail += texts.NOT_YOU_REFLECTED
    return [
        Step(
            strategy="not_about_you",
            title=texts.TITLE_NOT_YOU,
            why=" ".join(parts),
            priority=0,
            detail=detail,
            minutes=10,
        )
    ]


def stay_positive(situation: Situation) -> list[Step]:
    reflection, recent = situation.rejection.reflection, situation.recent_rejections
    reasons = []
    if reflection.mood is not None and reflection.mood <= LOW_MOOD:
        reasons.append(texts.ENERGY_MOOD.format(mood=reflection.mood))
    if reflection.confidence is not None and reflection.confidence <= LOW_MOOD:
        reasons.append(texts.ENERGY_CONFIDENCE.format(confidence=reflection.confidence))
    if recent >= MANY_REJECTIONS:
        reasons.append(texts.ENERGY_MANY.format(count=recent, window_days=WINDOW_DAYS))
    if not reasons:
        return []
    joined = texts.ENERGY_REASONS_SEPARATOR.join(reasons)
    return [
        Step(
            strategy="stay_positive",
            title=texts.TITLE_ENERGY,
            why=texts.ENERGY_WHY.format(reasons=joined[0].upper() + joined[1:]),
            priority=0,
            detail=texts.ENERGY_DETAIL,
            minutes=30,
        )
    ]


def cited_ids(ids: Sequence[int]) -> list[int]:
    """The rejections a tactic names: the latest :data:`CITED` of a pattern's (oldest first),
    so the step stays readable, and as long, with a history of any length."""
    return list(ids[-CITED:])


def _tactic_detail(kind: str, skill: str | None, stage: str | None) -> str:
    if kind == "recurring_concern" and skill:
        return texts.TACTIC_CONCERN_DETAIL.format(skill=SKILL_NAMES[skill])
    if kind == "stage_wall":
        return texts.TACTIC_STAGE_DETAIL.format(
            stage=STAGES.get(stage or "", texts.TACTIC_SAME_STAGE)
        )
    return texts.TACTIC_NO_PROGRESS_DETAIL


def change_tactics(situation: Situation) -> list[Step]:
    result = []
    for pattern in situation.patterns:
        ids = pattern.rejection_ids
        named = [
            situation.rejection_labels.get(i, texts.UNNAMED_REJECTION.format(id=i))
            for i in cited_ids(ids)
        ]
        why = texts.TACTIC_WHY.format(sentence=pattern.sentence)
        if named:
            why += texts.TACTIC_COVERS.format(names=texts.TACTIC_COVERS_SEPARATOR.join(named))
            if len(ids) > len(named):
                why += texts.TACTIC_LATEST.format(shown=len(named), total=len(ids))
            else:
                why += "."
        result.append(
            Step(
                strategy="change_tactics",
                title=tactic_title(pattern.kind, pattern.skill, pattern.stage),
                why=why,
                priority=0,
                skill=pattern.skill if pattern.kind == "recurring_concern" else None,
                detail=_tactic_detail(pattern.kind, pattern.skill, pattern.stage),
                minutes=60,
            )
        )
    return result


def _weak_spots(assessment: Assessment) -> list[SkillScore]:
    spots = [s for s in assessment.skills if s.quadrant in ("blind_spot", "growth_area")]
    return sorted(spots, key=lambda s: (s.combined, s.quadrant != "blind_spot"))


def shore_up(situation: Situation) -> list[Step]:
    result = []
    for s in _weak_spots(situation.assessment)[:MAX_SHORE_UP]:
        exercise = exercises.SHORE_UP[s.key]
        why = texts.SHORE_UP_WHY.format(
            skill=s.name,
            ratings=describe_ratings(s),
            kind=texts.SHORE_UP_KINDS[s.quadrant],
            combined=s.combined,
        )
        result.append(
            Step(
                strategy="shore_up",
                title=shore_up_title(s.key),
                why=why + texts.SHORE_UP_NOTES[s.quadrant],
                priority=0,
                skill=s.key,
                detail=exercise.text,
                minutes=exercise.minutes,
            )
        )
    return result


def practice_pitch(situation: Situation) -> list[Step]:
    assessment = situation.assessment
    rated = [s for s in assessment.skills if s.rated]
    if not rated:
        return []
    strongest = max(rated, key=lambda s: s.combined)
    weak_keys = [h.key for h in assessment.weaknesses]
    target = assessment.by_key()[weak_keys[0]] if weak_keys else strongest
    if target.key == strongest.key:
        others = [s for s in rated if s.key != target.key]
        lead = max(others, key=lambda s: s.combined) if others else None
    else:
        lead = strongest
    lead_text = (
        texts.PITCH_LEAD.format(
            skill=lead.name, ratings=describe_ratings(lead), combined=lead.combined
        )
        if lead and lead.combined >= 3.0
        else texts.PITCH_LEAD_UNSURE
    )
    return [
        Step(
            strategy="practice_pitch",
            title=pitch_title(target.key),
            why=texts.PITCH_WHY.format(
                lead=lead_text,
                skill=target.name,
                ratings=describe_ratings(target),
                combined=target.combined,
            ),
            priority=0,
            skill=target.key,
            detail=texts.PITCH_DETAIL.format(
                skill=target.name, answer=exercises.PITCH_ANSWER[target.key]
            ),
            minutes=exercises.PITCH_MINUTES,
        )
    ]


# ---- the table ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Strategy:
    """One strategy of ``domain.md``: its key, and the function that builds its steps."""

    key: str
    build: Callable[[Situation], list[Step]]

    @property
    def title(self) -> str:
        return STRATEGIES[self.key]


TABLE: tuple[Strategy, ...] = (
    Strategy("ask_feedback", ask_feedback),
    Strategy("make_your_case", make_your_case),
    Strategy("keep_door_open", keep_door_open),
    Strategy("not_about_you", not_about_you),
    Strategy("stay_positive", stay_positive),
    Strategy("change_tactics", change_tactics),
    Strategy("shore_up", shore_up),
    Strategy("practice_pitch", practice_pitch),
)
"""Every strategy once, in plan order."""
BY_KEY: dict[str, Strategy] = {strategy.key: strategy for strategy in TABLE}

KNOWN_TITLES: frozenset[str] = frozenset(
    [texts.TITLE_ASK, texts.TITLE_NUDGE, texts.TITLE_CASE, texts.TITLE_DOOR]
    + [texts.TITLE_NOT_YOU, texts.TITLE_ENERGY]
    + list(texts.TACTIC_TITLES.values())
    + [tactic_title("recurring_concern", skill=k) for k in SKILL_KEYS]
    + [tactic_title("stage_wall", stage=k) for k in STAGES]
    + [shore_up_title(k) for k in SKILL_KEYS]
    + [pitch_title(k) for k in SKILL_KEYS]
)
"""Every title the strategies write. A title outside it came from stored (user) data."""
