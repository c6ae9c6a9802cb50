"""Scoring: combined scores, gaps, calibration quadrants, strengths and areas to work on.

``combined_score`` is the one place the combined score is computed; everything else calls it.
:func:`assessment_of` is the one assessment of a rejection; Results, Home, the plan and the
patterns all read it (History and Progress average ``combined_score`` in SQL).

**The interviewer's side** of a skill is its interviewer rating: 1-2 is a *concern*, 3-4 a
*strength* (the scale has no neutral point). When the interviewer gave no rating for a skill,
a confirmed finding stands for it: polarity +1 counts like a rating of 3 ("strength"), -1 like
2 ("concern"). When the kept findings of one skill disagree, **the concern wins**: a concern is
the thing to look at before the next interview, and an interviewer concern must never be shown
as a strength. A finding never overrides a rating, and it does not enter the combined score or
the gap, which stay on the ratings (so the averages History and Progress compute in SQL are
the same numbers).

**Quadrants** (exactly one once there is an interviewer side; the self-rating decides which):

============================  ==========================  ==============================
self-rating                   interviewer strength (3-4)  interviewer concern (1-2)
============================  ==========================  ==============================
4 or 5 (*high*)               confirmed strength          blind spot
1, 2 or 3, or "not sure"      hidden strength             growth area
============================  ==========================  ==============================

A self-rating is *high* at :data:`HIGH_SELF` (4) or more. "Clearly lower" for a hidden
strength starts at 3: a self-rating of 3 ("mixed") is already at least two thirds of a point
below the interviewer's "strength" (3.67 on 1-5) and a full step below the user's own "high",
and a strength the user did not call high is confidence to gain. The same line puts a
middling 3 with a concern in the growth areas, as ``domain.md`` asks. "Not sure" is not high:
with a concern it is a growth area, with a strength a hidden one. ``neutral`` is only a
self-rating with no interviewer side (the Results page says "the interviewer did not rate
this"); a skill nobody rated has no quadrant (None).

**Strengths**, best evidence first: confirmed strengths, then hidden strengths, then skills only
the user rated high (4-5). **Areas to work on**: every interviewer concern (blind spots, then
growth areas), then skills only the user rated low (:data:`LOW_SELF`, 1-2); a self-only 3 is
neither. Within each group: strong ratings before plain ones (strong strength first, strong
concern first; a finding counts as a plain rating), then by the combined score counting the
finding (highest first for strengths, lowest first for areas), then the skills' order. Every
skill that qualifies is listed: nothing is cut. The skill the employer's stated reason points
at (:func:`assessment.reason.skill_in_reason`) moves to the front of the areas when it is one,
and its highlight carries the phrase it was read from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from assessment.models import Finding, Rejection
from assessment.reason import ReasonPointer, skill_in_reason
from assessment.skills import INTERVIEWER_SCALE, INTERVIEWER_TO_FIVE, SKILL_KEYS, SKILL_NAMES

SELF_WEIGHT = 0.4
INTERVIEWER_WEIGHT = 0.6
HIGH_SELF = 4  # a self-rating this high or higher is "high"
LOW_SELF = 2  # a self-only rating this low or lower is an area to work on
STRENGTH_FROM = 3  # interviewer 3-4 is a strength, 1-2 a concern
FINDING_RATING = {1: 3, -1: 2}  # a confirmed finding counts like this interviewer rating

QUADRANTS: dict[str, str] = {
    "confirmed_strength": "Confirmed strength",
    "blind_spot": "Blind spot",
    "hidden_strength": "Hidden strength",
    "growth_area": "Growth area",
    "neutral": "Neutral",
}
QUADRANT_MEANING: dict[str, str] = {
    "confirmed_strength": "You and the interviewer agree: lead with it in follow-ups and pitches.",
    "blind_spot": "The interviewer saw a concern where you rated yourself high: the most "
    "valuable thing to learn from before the next interview.",
    "hidden_strength": "The interviewer saw a strength you did not rate high: take the "
    "confidence and say it out loud next time.",
    "growth_area": "The interviewer saw a concern and you did not rate it high either: "
    "practise it deliberately before the next interview.",
    "neutral": "The interviewer did not rate this.",
}
NOT_RATED_BY_INTERVIEWER = "the interviewer did not rate this"


def map_interviewer(value: int | None) -> float | None:
    """Interviewer scale 1-4 onto the self scale 1-5 (1, 2.33, 3.67, 5)."""
    if value is None:
        return None
    return INTERVIEWER_TO_FIVE[int(value)]


def combined_score(self_rating: int | None, interviewer_rating: int | None) -> float | None:
    """0.4 x self + 0.6 x mapped interviewer; whichever exists alone; None if neither."""
    mapped = map_interviewer(interviewer_rating)
    if self_rating is None and mapped is None:
        return None
    if self_rating is None:
        return mapped
    if mapped is None:
        return float(self_rating)
    return SELF_WEIGHT * self_rating + INTERVIEWER_WEIGHT * mapped


def quadrant(self_rating: int | None, interviewer_rating: int | None) -> str | None:
    """Calibration quadrant of one skill (see the module docstring).

    ``interviewer_rating`` is the interviewer's side on 1-4: their rating, or what a finding
    counts as (:func:`interviewer_standing`). None when neither side exists; "neutral" when
    only the user rated it.
    """
    if interviewer_rating is None:
        return None if self_rating is None else "neutral"
    high = self_rating is not None and self_rating >= HIGH_SELF
    if interviewer_rating >= STRENGTH_FROM:
        return "confirmed_strength" if high else "hidden_strength"
    return "blind_spot" if high else "growth_area"


def finding_polarities(findings: Iterable[Finding]) -> dict[str, int]:
    """Per skill, the polarity its confirmed findings stand for: -1 when any is a concern."""
    result: dict[str, int] = {}
    for f in findings:
        if f.key in SKILL_NAMES and f.polarity in FINDING_RATING:
            result[f.key] = min(result.get(f.key, 1), f.polarity)
    return result


def interviewer_standing(rating: int | None, finding_polarity: int | None) -> int | None:
    """The interviewer's side on 1-4: the rating, else what the findings count as."""
    if rating is not None:
        return int(rating)
    return FINDING_RATING.get(finding_polarity) if finding_polarity is not None else None


@dataclass(frozen=True)
class SkillScore:
    """One skill of an assessment.

    ``interviewer_rating`` is the interviewer's own rating (1-4) or None; ``standing`` is the
    interviewer's side the quadrant rests on (the rating, or 3 / 2 from a confirmed finding);
    ``finding_quote`` is the quote of the finding that stands for a missing rating.
    ``combined`` and ``gap`` use the ratings only.
    """

    key: str
    self_rating: int | None
    interviewer_rating: int | None
    interviewer_mapped: float | None
    combined: float | None
    gap: float | None
    quadrant: str | None
    standing: int | None = None
    finding_quote: str = ""

    @property
    def name(self) -> str:
        return SKILL_NAMES[self.key]

    @property
    def rated(self) -> bool:
        return self.combined is not None

    @property
    def interviewer_side(self) -> str | None:
        """ "strength", "concern" or None (the interviewer did not rate it)."""
        if self.standing is None:
            return None
        return "strength" if self.standing >= STRENGTH_FROM else "concern"

    @property
    def from_finding(self) -> bool:
        return self.interviewer_rating is None and self.standing is not None

    @property
    def rank_score(self) -> float | None:
        """The combined score with a finding counted as its rating: only for ordering."""
        return combined_score(self.self_rating, self.standing)


@dataclass(frozen=True)
class Highlight:
    """One strength or area to work on. ``said`` is the employer's phrase that put an area
    first (empty otherwise): the user's own text, shown as text."""

    key: str
    score: float | None
    reason: str
    said: str = ""

    @property
    def name(self) -> str:
        return SKILL_NAMES[self.key]


@dataclass(frozen=True)
class Assessment:
    skills: tuple[SkillScore, ...]
    strengths: tuple[Highlight, ...]
    weaknesses: tuple[Highlight, ...]
    reason: ReasonPointer | None = None

    @property
    def areas(self) -> tuple[Highlight, ...]:
        """The areas to work on (``weaknesses`` as the user reads them)."""
        return self.weaknesses

    @property
    def average(self) -> float | None:
        return average_combined(self.skills)

    def by_key(self) -> dict[str, SkillScore]:
        return {s.key: s for s in self.skills}

    def in_quadrant(self, name: str) -> list[SkillScore]:
        return [s for s in self.skills if s.quadrant == name]

    def not_rated_by_interviewer(self) -> list[SkillScore]:
        """Skills only the user rated (quadrant "neutral")."""
        return self.in_quadrant("neutral")


def average_combined(skills: tuple[SkillScore, ...] | list[SkillScore]) -> float | None:
    values = [s.combined for s in skills if s.combined is not None]
    return sum(values) / len(values) if values else None


def describe_ratings(score: SkillScore) -> str:
    """The user's own numbers for one skill, as a phrase."""
    parts = []
    if score.self_rating is not None:
        parts.append(f"you rated it {score.self_rating}/5")
    if score.interviewer_rating is not None:
        label = INTERVIEWER_SCALE[score.interviewer_rating].lower()
        parts.append(f"the interviewer saw a {label}")
    elif score.from_finding:
        parts.append(f"the interviewer's feedback named it a {score.interviewer_side}")
    return " and ".join(parts)


def score_skill(
    key: str,
    self_rating: int | None,
    interviewer_rating: int | None,
    finding: Finding | None = None,
) -> SkillScore:
    """One skill; ``finding`` is the confirmed finding that stands for a missing rating."""
    mapped = map_interviewer(interviewer_rating)
    gap = None if self_rating is None or mapped is None else self_rating - mapped
    standing = interviewer_standing(interviewer_rating, finding.polarity if finding else None)
    return SkillScore(
        key=key,
        self_rating=self_rating,
        interviewer_rating=interviewer_rating,
        interviewer_mapped=mapped,
        combined=combined_score(self_rating, interviewer_rating),
        gap=gap,
        quadrant=quadrant(self_rating, standing),
        standing=standing,
        finding_quote=finding.quote if finding and interviewer_rating is None else "",
    )


def _standing_finding(findings: Iterable[Finding]) -> dict[str, Finding]:
    """Per skill, the first confirmed finding of the polarity that stands for it."""
    findings = tuple(findings)
    polarities = finding_polarities(findings)
    chosen: dict[str, Finding] = {}
    for f in findings:
        if polarities.get(f.key) == f.polarity and f.key not in chosen:
            chosen[f.key] = f
    return chosen


STRENGTH_GROUPS = ("confirmed_strength", "hidden_strength", "self_high")
AREA_GROUPS = ("blind_spot", "growth_area", "self_low")


def _group(s: SkillScore) -> str | None:
    if s.quadrant == "neutral":
        if s.self_rating >= HIGH_SELF:
            return "self_high"
        if s.self_rating <= LOW_SELF:
            return "self_low"
        return None
    return s.quadrant


def _order(skills: list[SkillScore], groups: tuple[str, ...], best_first: bool) -> list:
    sign = -1 if best_first else 1
    position = {key: i for i, key in enumerate(SKILL_KEYS)}
    chosen = [s for s in skills if _group(s) in groups]
    return sorted(
        chosen,
        key=lambda s: (
            groups.index(_group(s)),
            sign * (s.standing if s.standing is not None else 0),
            sign * (s.rank_score or 0.0),
            position[s.key],
        ),
    )


def assess(
    self_ratings: Mapping[str, int | None],
    interviewer_ratings: Mapping[str, int | None],
    findings: Iterable[Finding] = (),
    reason_given: str = "",
) -> Assessment:
    """Score every skill, then rank strengths and areas to work on (module docstring).

    ``findings`` are the confirmed findings (they stand for missing interviewer ratings);
    ``reason_given`` is the employer's stated reason, whose skill leads the areas.
    """
    standing_findings = _standing_finding(findings)
    skills = tuple(
        score_skill(k, self_ratings.get(k), interviewer_ratings.get(k), standing_findings.get(k))
        for k in SKILL_KEYS
    )
    strong = _order(list(skills), STRENGTH_GROUPS, best_first=True)
    weak = _order(list(skills), AREA_GROUPS, best_first=False)
    pointer = skill_in_reason(reason_given) if reason_given else None
    said = ""
    if pointer is not None and any(s.key == pointer.key for s in weak):
        weak.sort(key=lambda s: s.key != pointer.key)  # stable: the rest keep their order
        said = pointer.phrase
    strengths = tuple(Highlight(s.key, s.combined, _strength_reason(s)) for s in strong)
    weaknesses = tuple(
        Highlight(s.key, s.combined, _weakness_reason(s), said if i == 0 else "")
        for i, s in enumerate(weak)
    )
    return Assessment(skills=skills, strengths=strengths, weaknesses=weaknesses, reason=pointer)


def _numbers(s: SkillScore) -> str:
    text = describe_ratings(s).capitalize()
    return text if s.combined is None else f"{text} (combined {s.combined:.1f} of 5)"


def _strength_reason(s: SkillScore) -> str:
    text = _numbers(s)
    if s.quadrant == "confirmed_strength":
        return text + ": a confirmed strength."
    if s.quadrant == "hidden_strength":
        return text + ": the interviewer saw more here than you did."
    return text + ": the interviewer did not rate this."


def _weakness_reason(s: SkillScore) -> str:
    text = _numbers(s)
    if s.quadrant == "blind_spot":
        return text + ": a blind spot, worth learning from first."
    if s.quadrant == "growth_area":
        return text + ": a growth area to practise."
    return text + ": the interviewer did not rate this."


def format_score(value: float | None) -> str:
    return "not rated" if value is None else f"{value:.1f}"


def reason_line(highlight: Highlight) -> str:
    """Why an area comes first: ``they said: "a candidate with more SQL experience"``."""
    return f'they said: "{highlight.said}"' if highlight.said else ""


def assessment_of(rejection: Rejection) -> Assessment:
    """The assessment of one rejection: its self-ratings against the interviewer's side (the
    ratings, and the confirmed findings where a rating is missing), with the stated reason."""
    return assess(
        rejection.self_ratings,
        rejection.feedback.ratings,
        rejection.feedback.findings,
        rejection.reason_given,
    )
