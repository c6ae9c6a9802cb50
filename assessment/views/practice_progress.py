"""Whether practice pays off, for the Progress page: what the owner practised per skill, the
calibration gap per skill over their rejections, and how the next interviewer rated a skill
after it was practised.

Practice is the owner's own whichever rejection it was started from (an example's plan
included: deleting the examples keeps it, :data:`storage.PRACTICE_TABLES`), so the counts are
:func:`assessment.practice.bank.practice_counts`. The rejections it is compared with are the
owner's own only, never the examples, and all of them: the Progress filters do not apply.

**The gap** of a skill at one rejection is :func:`assessment.scoring.score_skill`'s: the
self-rating minus the interviewer's rating mapped onto 1-5 (positive: the user rated it higher
than the interviewer). It needs both ratings; a finding does not stand in for a rating here, as
it never enters the gap. **Converging or diverging** is only said from
:data:`MIN_RATED` rejections rated by an interviewer on (fewer: "too little data yet, N of 3"
and no chart), and for a skill only once :data:`MIN_RATED` rejections hold both its ratings.
Like "skills that improved", it compares halves (by rejection date; the later half is the
larger one when the count is odd): the average distance between the two ratings (the gap
without its sign) in the earlier half against the later half. Converging when it shrank by
:data:`STEADY_WITHIN` or more, diverging when it grew by as much, steady otherwise. Half a
point is less than one step of either scale (1 on the self scale, 1.33 on the mapped
interviewer scale), so a single rating moving one step decides it only when the halves are
small.

**At the next interview**: for each skill the owner drilled, the interviewer's rating of it at
the last interview held on or before the first drill of it, against the first interview held
after that drill whose interviewer rated the skill. An interview's day is ``interviewed_on``,
or ``rejected_on`` where the interview date was not kept: practice can only have helped at an
interview held after it, whatever day the "no" came. Ratings are compared on the interviewer's
own 1-4 scale.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlite_utils import Database

from assessment import storage
from assessment.practice import bank
from assessment.scoring import score_skill
from assessment.skills import INTERVIEWER_SCALE, SKILL_KEYS, SKILL_NAMES
from assessment.views.progress import MAX_POINTS

MIN_RATED = 3  # rejections rated by an interviewer before a trend is said or drawn
STEADY_WITHIN = 0.5  # a change of the average distance smaller than this is "steady"


def _day(value: dt.date) -> str:
    return f"{value:%d %b %Y}"


# ---- practice per skill -------------------------------------------------------------------


@dataclass(frozen=True)
class SkillPractice:
    """One practised skill: its drills, the last drill's date and the latest re-rating."""

    skill: str
    drills: int
    last_practised_on: dt.date | None
    latest_rating: int | None

    @property
    def name(self) -> str:
        return SKILL_NAMES[self.skill]


def practice_per_skill(db: Database, owner: str) -> list[SkillPractice]:
    """The skills with a drill or a re-rating, in the skills' order."""
    return [
        SkillPractice(key, c.drills, c.last_practised_on, c.latest_rating)
        for key, c in bank.practice_counts(db, owner).items()
        if c.drills or c.reratings
    ]


def practice_table(practised: list[SkillPractice]) -> pd.DataFrame:
    """The practice per skill as the page's table (dates and ratings as the user reads them)."""
    return pd.DataFrame(
        {
            "Skill": [p.name for p in practised],
            "Drills": [p.drills for p in practised],
            "Last practised": [
                _day(p.last_practised_on) if p.last_practised_on else "-" for p in practised
            ],
            "Latest re-rating": [
                "-" if p.latest_rating is None else f"{p.latest_rating} of 5" for p in practised
            ],
        }
    )


NOTHING_PRACTISED = (
    "Practise a skill from your plan or the Practise page; its effect shows here after your "
    "next interview."
)


# ---- interviewer ratings of the owner's own rejections ------------------------------------


@dataclass(frozen=True)
class Rated:
    """One skill the interviewer rated at one of the owner's own rejections."""

    rejection_id: int
    rejected_on: dt.date
    interviewed_on: dt.date  # ``interviewed_on``, or ``rejected_on`` where it was not kept
    skill: str
    self_rating: int | None
    interviewer_rating: int
    gap: float | None  # :func:`assessment.scoring.score_skill`'s; None without a self-rating


def interviewer_rated(
    db: Database, owner: str, skills: tuple[str, ...] | None = None
) -> list[Rated]:
    """Every skill (of ``skills`` if given) an interviewer rated at the owner's own rejections
    (never the examples), oldest rejection first."""
    chosen = tuple(k for k in skills if k in SKILL_NAMES) if skills is not None else SKILL_KEYS
    if not chosen:
        return []
    sql = f"""
        WITH own AS MATERIALIZED (
            SELECT id, rejected_on, coalesce(interviewed_on, rejected_on) AS met_on
            FROM rejections WHERE owner = ? AND example = 0
        )
        SELECT o.id, o.rejected_on, o.met_on, s.skill, s.self_value, s.interviewer_value
        FROM {storage.skill_ratings("SELECT id FROM own")} s JOIN own o ON o.id = s.rejection_id
        WHERE s.interviewer_value IS NOT NULL AND s.skill IN ({", ".join("?" for _ in chosen)})
        ORDER BY o.rejected_on, o.id
    """  # noqa: S608 - our own SQL, values through placeholders
    found = []
    for rid, rejected, met, skill, self_value, theirs in db.execute(sql, [owner, *chosen]):
        rejected_on = storage.stored_date(rejected) or dt.date.min
        own = None if self_value is None else int(self_value)
        found.append(
            Rated(
                rejection_id=rid,
                rejected_on=rejected_on,
                interviewed_on=storage.stored_date(met) or rejected_on,
                skill=skill,
                self_rating=own,
                interviewer_rating=int(theirs),
                gap=score_skill(skill, own, int(theirs)).gap,
            )
        )
    return found


# ---- the calibration gap over time --------------------------------------------------------


@dataclass(frozen=True)
class Convergence:
    """The gap per skill over the owner's rejections, and what can honestly be said of it.

    ``rated`` is how many rejections an interviewer rated (any skill); ``frame`` holds one row
    per rejection and skill with both ratings: ``when`` (rejection date), ``skill``, ``gap``;
    beyond :data:`progress.MAX_POINTS` rejections one per month (per year if need be) and skill,
    the average gap of the period, as the other lines of Progress.
    """

    rated: int
    frame: pd.DataFrame
    statements: tuple[str, ...]
    by: str = "rejection"  # or "month" / "year": each point then averages the period

    @property
    def enough(self) -> bool:
        return self.rated >= MIN_RATED


def too_little_data(rated: int) -> str:
    return (
        f"Too little data yet: {rated} of {MIN_RATED} rejections rated by an interviewer. "
        "Whether your ratings and the interviewers' are coming closer shows here once "
        f"{MIN_RATED} of your rejections have an interviewer's ratings; until then no trend is "
        "drawn."
    )


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def gap_statement(skill: str, gaps: list[float]) -> str:
    """What the gaps of one skill (oldest first) say, as a sentence."""
    name = SKILL_NAMES[skill]
    if len(gaps) < MIN_RATED:
        return (
            f"{name}: {len(gaps)} of {MIN_RATED} rejections with both your rating and the "
            "interviewer's so far; no trend yet."
        )
    middle = len(gaps) // 2
    earlier = _mean([abs(g) for g in gaps[:middle]])
    later = _mean([abs(g) for g in gaps[middle:]])
    numbers = (
        f"your rating and the interviewer's were {earlier:.1f} apart on average in your "
        f"earlier rejections and {later:.1f} in the later ones"
    )
    if later <= earlier - STEADY_WITHIN + 1e-9:
        return f"{name}: converging: {numbers}."
    if later >= earlier + STEADY_WITHIN - 1e-9:
        return f"{name}: diverging: {numbers}."
    return f"{name}: steady: {numbers}."


def convergence(db: Database, owner: str) -> Convergence:
    """The calibration gap per skill over the owner's own rejections (module docstring)."""
    rated = interviewer_rated(db, owner)
    both = [r for r in rated if r.gap is not None]
    frame = pd.DataFrame(
        {
            "when": pd.to_datetime([r.rejected_on for r in both]),
            "skill": [r.skill for r in both],
            "gap": [r.gap for r in both],
        }
    )
    frame, by = _at_most_max_points(frame, len({r.rejection_id for r in both}))
    count = len({r.rejection_id for r in rated})
    statements: tuple[str, ...] = ()
    if count >= MIN_RATED:
        per_skill: dict[str, list[float]] = {}
        for r in both:
            per_skill.setdefault(r.skill, []).append(r.gap)
        statements = tuple(gap_statement(k, per_skill[k]) for k in SKILL_KEYS if k in per_skill)
    return Convergence(rated=count, frame=frame, statements=statements, by=by)


def _at_most_max_points(frame: pd.DataFrame, rejections: int) -> tuple[pd.DataFrame, str]:
    """``frame`` with one point per rejection, or per month or year when there are more than
    :data:`progress.MAX_POINTS` (the average gap of the period per skill)."""
    if rejections <= MAX_POINTS:
        return frame, "rejection"
    by, freq = "month", "MS"
    if frame["when"].dt.to_period("M").nunique() > MAX_POINTS:
        by, freq = "year", "YS"
    periods = frame["when"].dt.to_period(freq[0]).dt.start_time
    summary = frame.groupby([periods, "skill"], sort=True)["gap"].mean().reset_index()
    return summary[["when", "skill", "gap"]], by


# ---- at the next interview ----------------------------------------------------------------

HIGHER, SAME, LOWER = "higher", "same", "lower"
NOT_RATED_LATER = "not_rated_later"  # no interview after the drill has rated the skill yet
NOTHING_BEFORE = "nothing_before"  # rated after the drill, never before it


@dataclass(frozen=True)
class NextInterview:
    """One drilled skill: the interviewer's rating before the first drill and at the next
    interview after it (either None when there is none)."""

    skill: str
    first_practised_on: dt.date
    before: Rated | None
    after: Rated | None

    @property
    def outcome(self) -> str:
        if self.after is None:
            return NOT_RATED_LATER
        if self.before is None:
            return NOTHING_BEFORE
        change = self.after.interviewer_rating - self.before.interviewer_rating
        return HIGHER if change > 0 else LOWER if change < 0 else SAME

    @property
    def sentence(self) -> str:
        name = SKILL_NAMES[self.skill]
        first = _day(self.first_practised_on)
        practised = f"you first practised it on {first}"
        if self.after is None:
            return (
                f"{name}: not rated yet at a later interview. You first practised it on "
                f"{first}; how the next interviewer rates it shows here."
            )
        after = (
            f"{INTERVIEWER_SCALE[self.after.interviewer_rating].lower()} at the interview of "
            f"{_day(self.after.interviewed_on)}"
        )
        if self.before is None:
            return (
                f"{name}: rated {after}, after {practised}. No interviewer rated it before "
                "that, so there is nothing to compare with yet."
            )
        before = (
            f"{INTERVIEWER_SCALE[self.before.interviewer_rating].lower()} at the interview of "
            f"{_day(self.before.interviewed_on)}"
        )
        verdict = {
            HIGHER: "rated higher",
            SAME: "rated the same",
            LOWER: "rated lower",
        }[self.outcome]
        return (
            f"{name}: {verdict} at the next interview: {before}, before {practised}; then {after}."
        )


def first_drills(db: Database, owner: str) -> dict[str, dt.date]:
    """The day of the first drill of every skill the owner drilled, in the skills' order."""
    first = dict(
        db.execute(
            "SELECT skill, min(practised_on) FROM drills WHERE owner = ? GROUP BY skill", [owner]
        ).fetchall()
    )
    return {k: storage.stored_date(first[k]) or dt.date.min for k in SKILL_KEYS if first.get(k)}


def next_interviews(db: Database, owner: str) -> list[NextInterview]:
    """For every skill the owner drilled, its interviewer rating before and after the first
    drill (module docstring), in the skills' order."""
    drilled = first_drills(db, owner)
    rated = sorted(
        interviewer_rated(db, owner, tuple(drilled)),
        key=lambda r: (r.interviewed_on, r.rejected_on, r.rejection_id),
    )
    found = []
    for skill, day in drilled.items():
        of_skill = [r for r in rated if r.skill == skill]
        before = [r for r in of_skill if r.interviewed_on <= day]
        after = [r for r in of_skill if r.interviewed_on > day]
        found.append(
            NextInterview(
                skill=skill,
                first_practised_on=day,
                before=before[-1] if before else None,
                after=after[0] if after else None,
            )
        )
    return found
