"""Scoring: combined scores, gaps, calibration quadrants, strengths and areas to work on.

``combined_score`` is the one place the combined score is computed; everything else calls it.

Quadrant thresholds (both ratings on the 1-5 scale, interviewer mapped):
- a rating is *high* at >= 3.5 (interviewer "strength" maps to 3.67) and *low* at <= 2.5
  (interviewer "concern" maps to 2.33);
- the gap (self - interviewer) is *clear* at >= 1.0 in either direction, a full step of the
  self scale;
- checked in this order: confirmed strength (both high), growth area (both low),
  blind spot (self clearly above), hidden strength (interviewer clearly above), else neutral.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assessment.models import Rejection
from assessment.skills import INTERVIEWER_SCALE, INTERVIEWER_TO_FIVE, SKILL_KEYS, SKILL_NAMES

SELF_WEIGHT = 0.4
INTERVIEWER_WEIGHT = 0.6
HIGH = 3.5
LOW = 2.5
CLEAR_GAP = 1.0

QUADRANTS: dict[str, str] = {
    "confirmed_strength": "Confirmed strength",
    "blind_spot": "Blind spot",
    "hidden_strength": "Hidden strength",
    "growth_area": "Growth area",
    "neutral": "Neutral",
}
QUADRANT_MEANING: dict[str, str] = {
    "confirmed_strength": "You and the interviewer agree: lead with it in follow-ups and pitches.",
    "blind_spot": "You rated yourself clearly above the interviewer: the most valuable "
    "thing to learn from before the next interview.",
    "hidden_strength": "The interviewer saw more in you than you did: take the confidence "
    "and say it out loud next time.",
    "growth_area": "Both of you saw room to grow: practise it deliberately before the "
    "next interview.",
    "neutral": "Neither a clear strength nor a clear gap.",
}


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
    """Calibration quadrant of one skill; None unless both ratings exist."""
    mapped = map_interviewer(interviewer_rating)
    if self_rating is None or mapped is None:
        return None
    if self_rating >= HIGH and mapped >= HIGH:
        return "confirmed_strength"
    if self_rating <= LOW and mapped <= LOW:
        return "growth_area"
    gap = self_rating - mapped
    if gap >= CLEAR_GAP:
        return "blind_spot"
    if gap <= -CLEAR_GAP:
        return "hidden_strength"
    return "neutral"


@dataclass(frozen=True)
class SkillScore:
    key: str
    self_rating: int | None
    interviewer_rating: int | None
    interviewer_mapped: float | None
    combined: float | None
    gap: float | None
    quadrant: str | None

    @property
    def name(self) -> str:
        return SKILL_NAMES[self.key]

    @property
    def rated(self) -> bool:
        return self.combined is not None


@dataclass(frozen=True)
class Highlight:
    key: str
    score: float
    reason: str

    @property
    def name(self) -> str:
        return SKILL_NAMES[self.key]


@dataclass(frozen=True)
class Assessment:
    skills: tuple[SkillScore, ...]
    strengths: tuple[Highlight, ...]
    weaknesses: tuple[Highlight, ...]

    @property
    def average(self) -> float | None:
        return average_combined(self.skills)

    def by_key(self) -> dict[str, SkillScore]:
        return {s.key: s for s in self.skills}

    def in_quadrant(self, name: str) -> list[SkillScore]:
        return [s for s in self.skills if s.quadrant == name]


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
    return " and ".join(parts)


def score_skill(key: str, self_rating: int | None, interviewer_rating: int | None) -> SkillScore:
    mapped = map_interviewer(interviewer_rating)
    gap = None if self_rating is None or mapped is None else self_rating - mapped
    return SkillScore(
        key=key,
        self_rating=self_rating,
        interviewer_rating=interviewer_rating,
        interviewer_mapped=mapped,
        combined=combined_score(self_rating, interviewer_rating),
        gap=gap,
        quadrant=quadrant(self_rating, interviewer_rating),
    )


def assess(
    self_ratings: Mapping[str, int | None],
    interviewer_ratings: Mapping[str, int | None],
    top: int = 3,
) -> Assessment:
    """Score every skill and pick the top strengths and areas to work on.

    Strengths are rated skills with a combined score of at least 3.5, best first.
    Areas to work on are blind spots and skills under 3.5, lowest first (blind spots
    before equally low skills, since they are the ones the user would not see alone).
    Ties keep the order of ``domain.md``.
    """
    skills = tuple(
        score_skill(k, self_ratings.get(k), interviewer_ratings.get(k)) for k in SKILL_KEYS
    )
    rated = [s for s in skills if s.combined is not None]
    strong = sorted(
        (s for s in rated if s.combined >= HIGH and s.quadrant != "blind_spot"),
        key=lambda s: -s.combined,
    )
    weak = sorted(
        (s for s in rated if s.combined < HIGH or s.quadrant == "blind_spot"),
        key=lambda s: (s.combined, s.quadrant != "blind_spot"),
    )
    strengths = tuple(Highlight(s.key, s.combined, _strength_reason(s)) for s in strong[:top])
    weaknesses = tuple(Highlight(s.key, s.combined, _weakness_reason(s)) for s in weak[:top])
    return Assessment(skills=skills, strengths=strengths, weaknesses=weaknesses)


def _strength_reason(s: SkillScore) -> str:
    text = f"{describe_ratings(s).capitalize()} (combined {s.combined:.1f} of 5)"
    if s.quadrant == "confirmed_strength":
        return text + ": a confirmed strength."
    if s.quadrant == "hidden_strength":
        return text + ": the interviewer saw more here than you did."
    return text + "."


def _weakness_reason(s: SkillScore) -> str:
    text = f"{describe_ratings(s).capitalize()} (combined {s.combined:.1f} of 5)"
    if s.quadrant == "blind_spot":
        return text + ": a blind spot, worth learning from first."
    if s.quadrant == "growth_area":
        return text + ": a growth area you both see."
    return text + "."


def format_score(value: float | None) -> str:
    return "not rated" if value is None else f"{value:.1f}"


def assessment_of(rejection: Rejection) -> Assessment:
    """The assessment of one rejection: its self-ratings against the interviewer's."""
    return assess(rejection.self_ratings, rejection.feedback.ratings)
