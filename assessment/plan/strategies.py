"""The strategies of ``domain.md``: one table that both orders the plan and builds its steps.

:data:`TABLE` lists every strategy once, in plan order (priority 1 = do first), with the
function that builds its steps from a :class:`Situation`. :func:`assessment.plan.steps.suggest_steps`
walks it; nothing else knows the order. The wording is in :mod:`assessment.plan.texts`.

Rules chosen (thresholds are constants below, so tests and docs can name them):

- ``ask_feedback``: never once feedback text, ratings or findings exist, whatever the status
  says. Otherwise status ``not_requested`` (always priority 1; its message also thanks them, so
  it is the one message to send now), or ``requested`` more than 7 days ago and still no answer
  (a single polite reminder). ``received`` and ``declined`` never trigger it: asking again
  after a clear no would not be calm.
- ``make_your_case``: rejected 0-14 days ago, no ``internal_candidate`` or ``role_changed``
  fit factor, and at least one confirmed strength. The letter names the user's strengths in
  plain words and what they are already doing about the gap (the reason's skill first, then the
  shore-up skills, with the topics named); it never quotes the employer. It waits its turn.
- ``keep_door_open``: always: a thank-you note to send now, unless the feedback request says
  thanks already (status ``not_requested``) or went out earlier (``requested``, no answer yet),
  and a reconnect note for six weeks after the rejection.
- Messages (:func:`assessment.plan.outreach.schedule`): one conversation per contact. At most one
  message is due today; make your case, a nudge and the reconnect note each get their own date,
  at least three days after the message before.
- ``not_about_you``: any fit factor, or any skill the user rated at least 2 points below the
  interviewer (mapped to 1-5): self-criticism the outside view does not share.
- ``stay_positive``: mood or confidence 2 or lower, or 3 or more rejections in the last 30 days.
- ``change_tactics``: one per pattern found across the owner's rejections.
- ``shore_up``: one per area to work on that the interviewer rated a concern (a blind spot or
  growth area), in the areas' order (the assessment's, which puts the reason's skill first), at
  most 3 so the plan stays doable. Each cites the interviewer's words (the kept finding's quote
  for that skill), the user's own "do differently" sentence when it names the skill (read with
  the feedback reader, or naming a topic of the quote), and an exercise on the topics named
  (:data:`assessment.plan.exercises.TOPICS`).
- ``practice_pitch``: whenever at least one skill is rated by anyone; it names the strengths to
  lead with (the first two) and the concerns to answer (the shore-up skills; with none, the
  first area to work on).

Order: the message to send now first (feedback request with thanks, or the thank-you), then
perspective and energy (it's not all about you, look after your energy), then what a pattern
says, then skill work (in the areas' order), then rehearsal, which builds on it; messages dated
later (make your case, the reconnect note) come last, in date order
(:func:`assessment.plan.steps.suggest_steps`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from assessment.forms import has_feedback
from assessment.models import Rejection, Settings, Step
from assessment.plan import drills, exercises, outreach, texts
from assessment.plan.patterns import Pattern
from assessment.reading.reader import read_feedback
from assessment.scoring import Assessment, SkillScore, describe_ratings
from assessment.skills import FIT_FACTOR_SHORT, SKILL_KEYS, SKILL_NAMES, STAGES, STRATEGIES

NUDGE_AFTER_DAYS = 7
CASE_WITHIN_DAYS = 14
CLOSED_DOOR_FACTORS = ("internal_candidate", "role_changed")
MAX_SHORE_UP = 3
MAX_TOPICS = 3
PITCH_LEADS = 2
CONCERN_QUADRANTS = ("blind_spot", "growth_area")
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
    this one included; ``rejection_labels`` names rejections by id for ``change_tactics``;
    ``settings`` sign every message.
    """

    rejection: Rejection
    assessment: Assessment
    today: dt.date
    patterns: Sequence[Pattern] = ()
    recent_rejections: int = 1
    rejection_labels: Mapping[int, str] = field(default_factory=dict)
    settings: Settings = field(default_factory=Settings)


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


def pitch_lead_title(skill: str) -> str:
    return texts.TITLE_PITCH_LEAD.format(skill=SKILL_NAMES[skill])


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


# ---- what the interviewer and the user said about a skill ------------------------------------


def concerns(assessment: Assessment) -> list[SkillScore]:
    """The areas to work on that the interviewer rated a concern, in the areas' order."""
    scores = assessment.by_key()
    found = [scores[h.key] for h in assessment.weaknesses if h.key in scores]
    return [s for s in found if s.quadrant in CONCERN_QUADRANTS]


def topics_in(text: str, skill: str | None = None) -> list[str]:
    """The topics of :data:`exercises.TOPICS` that ``text`` names (only ``skill``'s when given),
    in the order it names them."""
    lowered = text.lower()
    found = []
    for topic in exercises.TOPICS:
        if skill is not None and topic.skill != skill:
            continue
        starts = [m.start() for p in topic.patterns for m in re.finditer(r"(?<!\w)" + p, lowered)]
        if starts:
            found.append((min(starts), topic.name))
    return [name for _, name in sorted(found)]


def interviewer_words(rejection: Rejection, skill: str) -> str:
    """The quote of the kept finding for ``skill`` (a concern first), on one line; or ""."""
    findings = [f for f in rejection.feedback.findings if f.key == skill]
    findings.sort(key=lambda f: f.polarity >= 0)
    return " ".join(findings[0].quote.split()) if findings else ""


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_CLAUSE_BREAK = re.compile(r"\s*(?:[;,]|\band\b|\bbut\b|\bthen\b)\s*", re.IGNORECASE)


def _names_skill(text: str, skill: str, topics: Sequence[str]) -> bool:
    if any(f.key == skill for f in read_feedback(text)):
        return True
    return bool(set(topics_in(text)) & set(topics)) or bool(topics_in(text, skill))


def own_words(rejection: Rejection, skill: str, topics: Sequence[str] = ()) -> str:
    """The user's own "do differently" words that name ``skill``: the first sentence the
    feedback reader reads as that skill, or that names a topic of the skill (``topics``: those
    of the interviewer's words), narrowed to its clause that does when one does; or ""."""
    for sentence in _SENTENCE_END.split(rejection.reflection.do_differently):
        sentence = " ".join(sentence.split())
        if not sentence or not _names_skill(sentence, skill, topics):
            continue
        clauses = [c for c in _CLAUSE_BREAK.split(sentence) if c]
        naming = [c for c in clauses if _names_skill(c, skill, topics)]
        if len(clauses) > 1 and len(naming) == 1:
            return naming[0].rstrip(".!?")
        return sentence.rstrip(".!?")
    return ""


def skill_topics(situation: Situation, skill: str) -> list[str]:
    """The topics named for ``skill``: in the reason (when it points at the skill), the
    interviewer's words and the user's own, at most :data:`MAX_TOPICS`."""
    rejection = situation.rejection
    reason = situation.assessment.reason
    quote = interviewer_words(rejection, skill)
    named = topics_in(reason.phrase, skill) if reason is not None and reason.key == skill else []
    named += topics_in(quote)  # the interviewer's words on this skill: every topic counts
    named += topics_in(own_words(rejection, skill, topics_in(quote)), skill)
    found: list[str] = []
    for topic in named:
        if topic not in found:
            found.append(topic)
    return found[:MAX_TOPICS]


def gaps(situation: Situation) -> list[tuple[str, list[str]]]:
    """What the messages say the user is working on: the skill the reason points at (unless it
    is a strength), then the interviewer's concerns, each with its topics."""
    assessment = situation.assessment
    keys = [s.key for s in concerns(assessment)]
    reason = assessment.reason
    strong = {h.key for h in assessment.strengths}
    if reason is not None and reason.key not in keys and reason.key not in strong:
        keys.insert(0, reason.key)
    return [(key, skill_topics(situation, key)) for key in keys]


# ---- one function per strategy ----------------------------------------------------------


def asks_for_feedback(rejection: Rejection) -> bool:
    """Whether the first message asks for feedback: none requested and none there."""
    fb = rejection.feedback
    return fb.status == "not_requested" and not has_feedback(fb)


def ask_feedback(situation: Situation) -> list[Step]:
    rejection, today, settings = situation.rejection, situation.today, situation.settings
    fb = rejection.feedback
    if has_feedback(fb):
        return []
    to = outreach.recipient(rejection)
    if asks_for_feedback(rejection):
        return [
            Step(
                strategy="ask_feedback",
                title=texts.TITLE_ASK,
                why=texts.ASK_WHY.format(
                    company=rejection.company, when=_ago((today - rejection.rejected_on).days)
                ),
                priority=0,
                detail=texts.ASK_DETAIL,
                message=outreach.feedback_request(rejection, settings),
                minutes=10,
                to=to,
                send_on=today,
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
            message=outreach.feedback_reminder(rejection, settings),
            minutes=5,
            to=to,
            send_on=today,
        )
    ]


def make_your_case(situation: Situation) -> list[Step]:
    rejection, assessment = situation.rejection, situation.assessment
    age = (situation.today - rejection.rejected_on).days
    if age > CASE_WITHIN_DAYS:
        return []
    if any(f in rejection.fit_factors for f in CLOSED_DOOR_FACTORS):
        return []
    confirmed = assessment.in_quadrant("confirmed_strength")
    if not confirmed:
        return []
    cited = texts.CASE_CITED_SEPARATOR.join(
        texts.CASE_CITED.format(skill=s.name, ratings=describe_ratings(s)) for s in confirmed[:3]
    )
    count = len(confirmed)
    noun = texts.CASE_ONE_STRENGTH if count == 1 else texts.CASE_STRENGTHS.format(count=count)
    found = gaps(situation)
    answers = texts.CASE_ANSWERS.format(skill=SKILL_NAMES[found[0][0]]) if found else ""
    why = texts.CASE_WHY.format(
        company=rejection.company,
        when=_ago(age),
        within_days=CASE_WITHIN_DAYS,
        strengths=noun,
        cited=cited,
        answers=answers,
    )
    return [
        Step(
            strategy="make_your_case",
            title=texts.TITLE_CASE,
            why=why,
            priority=0,
            detail=texts.CASE_DETAIL,
            message=outreach.make_your_case(rejection, assessment, situation.settings, found),
            minutes=20,
            to=outreach.recipient(rejection),
            send_on=situation.today,
        )
    ]


def thanks_already_sent(rejection: Rejection) -> bool:
    """Whether the thanks went out with a feedback request that has no answer yet."""
    fb = rejection.feedback
    return fb.status == "requested" and not has_feedback(fb)


def keep_door_open(situation: Situation) -> list[Step]:
    rejection, settings = situation.rejection, situation.settings
    to = outreach.recipient(rejection)
    result = []
    if not asks_for_feedback(rejection) and not thanks_already_sent(rejection):
        result.append(
            Step(
                strategy="keep_door_open",
                title=texts.TITLE_THANKS,
                why=texts.DOOR_WHY.format(company=rejection.company),
                priority=0,
                detail=texts.DOOR_DETAIL,
                message=outreach.thank_you_note(rejection, settings),
                minutes=10,
                to=to,
                send_on=situation.today,
            )
        )
    reconnect_on = reconnect_date(rejection)
    result.append(
        Step(
            strategy="keep_door_open",
            title=texts.TITLE_RECONNECT,
            why=texts.RECONNECT_WHY.format(
                company=rejection.company, reconnect_on=reconnect_on.isoformat()
            ),
            priority=0,
            detail=texts.RECONNECT_DETAIL,
            message=outreach.reconnect_message(rejection, settings, gaps(situation)),
            minutes=10,
            to=to,
            send_on=reconnect_on,
        )
    )
    return result


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


def _combined(score: SkillScore) -> str:
    return texts.COMBINED.format(value=score.combined) if score.combined is not None else ""


def shore_up(situation: Situation) -> list[Step]:
    rejection = situation.rejection
    result = []
    for s in concerns(situation.assessment)[:MAX_SHORE_UP]:
        quote = interviewer_words(rejection, s.key)
        mine = own_words(rejection, s.key, topics_in(quote))
        topics = skill_topics(situation, s.key)
        exercise = exercises.SHORE_UP[s.key]
        detail = exercise.text
        if topics:
            detail = exercises.SHORE_UP_ON_TOPIC[s.key].format(
                topics=outreach.join_words(topics), topic=topics[0]
            )
        why = texts.SHORE_UP_WHY.format(
            skill=s.name,
            ratings=describe_ratings(s),
            kind=texts.SHORE_UP_KINDS.get(s.quadrant or "", texts.SHORE_UP_KIND_CONCERN),
            combined=_combined(s),
        )
        why += texts.SHORE_UP_NOTES.get(s.quadrant or "", "")
        if quote:
            why += texts.SHORE_UP_SAID.format(quote=quote)
        if mine:
            why += texts.SHORE_UP_YOU_WROTE.format(text=mine)
        result.append(
            Step(
                strategy="shore_up",
                title=shore_up_title(s.key),
                why=why,
                priority=0,
                skill=s.key,
                detail=detail,
                minutes=exercise.minutes,
            )
        )
    return result


def _pitch_answer(situation: Situation, score: SkillScore) -> str:
    topics = skill_topics(situation, score.key)
    shown = texts.PITCH_DETAIL_TOPICS.format(topics=outreach.join_words(topics)) if topics else ""
    return texts.PITCH_DETAIL_ANSWER.format(
        skill=score.name, topics=shown, answer=exercises.PITCH_ANSWER[score.key]
    )


def _with_ratings(template: str, skills: Sequence[SkillScore]) -> str:
    """Skills named with the user's own numbers, "A (you rated it 4/5) and B (...)"."""
    return outreach.join_words(
        [template.format(skill=s.name, ratings=describe_ratings(s)) for s in skills]
    )


def practice_pitch(situation: Situation) -> list[Step]:
    assessment = situation.assessment
    rated = [s for s in assessment.skills if s.rated or s.quadrant is not None]
    if not rated:
        return []
    scores = assessment.by_key()
    leads = [scores[h.key] for h in assessment.strengths[:PITCH_LEADS] if h.key in scores]
    answers = concerns(assessment)[:MAX_SHORE_UP]
    if not answers:
        answers = [scores[h.key] for h in assessment.weaknesses[:1] if h.key in scores]
    if answers:
        title, skill = pitch_title(answers[0].key), answers[0].key
    else:
        first = leads[0] if leads else max(rated, key=lambda s: s.combined or 0)
        title, skill = pitch_lead_title(first.key), first.key
    lead = (
        texts.PITCH_LEAD.format(skills=_with_ratings(texts.PITCH_LEAD_ONE, leads))
        if leads
        else texts.PITCH_LEAD_UNSURE
    )
    answer = (
        texts.PITCH_ANSWER_WHY.format(skills=_with_ratings(texts.PITCH_ANSWER_ONE, answers))
        if answers
        else texts.PITCH_NOTHING_TO_ANSWER
    )
    detail_answers = texts.PITCH_SEPARATOR.join(_pitch_answer(situation, s) for s in answers)
    if not answers:
        detail_answers = texts.PITCH_DETAIL_NO_CONCERN.format(answer=exercises.PITCH_ANSWER[skill])
    return [
        Step(
            strategy="practice_pitch",
            title=title,
            why=texts.PITCH_WHY.format(lead=lead, answer=answer),
            priority=0,
            skill=skill,
            detail=texts.PITCH_DETAIL.format(
                lead=outreach.join_words([s.name for s in leads]) or texts.PITCH_YOUR_STRONGEST,
                answers=detail_answers,
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
    [texts.TITLE_ASK, texts.TITLE_NUDGE, texts.TITLE_CASE]
    + [texts.TITLE_THANKS, texts.TITLE_RECONNECT]
    + [texts.TITLE_NOT_YOU, texts.TITLE_ENERGY]
    + list(texts.RECORDED_ACTIONS)
    + list(drills.DRILL_TITLES)
    + list(texts.TACTIC_TITLES.values())
    + [tactic_title("recurring_concern", skill=k) for k in SKILL_KEYS]
    + [tactic_title("stage_wall", stage=k) for k in STAGES]
    + [shore_up_title(k) for k in SKILL_KEYS]
    + [pitch_title(k) for k in SKILL_KEYS]
    + [pitch_lead_title(k) for k in SKILL_KEYS]
)
"""Every title the app writes (the strategies' and those of the actions it records). A title
outside it came from stored (user) data."""
