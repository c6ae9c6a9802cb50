"""What the Results and Home pages say about one rejection: tables and plain sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd  # sqlite-utils loads it anyway

from assessment import storage
from assessment.models import Rejection
from assessment.scoring import QUADRANT_MEANING, QUADRANTS, Assessment, assessment_of, format_score
from assessment.skills import FIT_FACTORS, INTERVIEWER_SCALE
from assessment.views.figures import radar_figure

if TYPE_CHECKING:
    import plotly.graph_objects as go
    from sqlite_utils import Database

QUADRANT_ORDER = ("confirmed_strength", "blind_spot", "hidden_strength", "growth_area")


def radar_of(db: Database, rejection_id: int, owner: str) -> go.Figure:
    """The Results radar of one rejection, with its predecessor's combined scores."""
    rejection = storage.get_rejection(db, rejection_id, owner)
    previous_id = storage.previous_rejection_id(db, rejection_id, owner)
    previous = (
        assessment_of(storage.get_rejection(db, previous_id, owner))
        if previous_id is not None
        else None
    )
    return radar_figure(assessment_of(rejection), previous)


def skills_table(current: Assessment) -> pd.DataFrame:
    """The radar's numbers as a table, so nothing is lost for people who can't read the chart."""
    rows = []
    for s in current.skills:
        rows.append(
            {
                "Skill": s.name,
                "You (1-5)": "not sure" if s.self_rating is None else str(s.self_rating),
                "Interviewer": "not assessed"
                if s.interviewer_rating is None
                else INTERVIEWER_SCALE[s.interviewer_rating],
                "Interviewer on 1-5": format_score(s.interviewer_mapped)
                if s.interviewer_mapped is not None
                else "—",
                "Combined": format_score(s.combined),
                "Gap (you - interviewer)": "—" if s.gap is None else f"{s.gap:+.1f}",
                "Quadrant": QUADRANTS[s.quadrant] if s.quadrant else "—",
            }
        )
    return pd.DataFrame(rows)


def quadrant_groups(current: Assessment) -> dict[str, list[str]]:
    """Skill names per calibration quadrant (neutral left out), in domain order."""
    return {q: [s.name for s in current.in_quadrant(q)] for q in QUADRANT_ORDER}


def quadrant_sentence(quadrant: str) -> str:
    return QUADRANT_MEANING[quadrant]


def fit_factor_lines(rejection: Rejection) -> list[str]:
    """The fit factors of a rejection, named gently."""
    return [f"{FIT_FACTORS[k]}." for k in rejection.fit_factors if k in FIT_FACTORS]


def top_strength(current: Assessment) -> str | None:
    return current.strengths[0].name if current.strengths else None


def top_area(current: Assessment) -> str | None:
    return current.weaknesses[0].name if current.weaknesses else None


def average_text(current: Assessment) -> str:
    avg = current.average
    return "not rated yet" if avg is None else f"{avg:.1f} of 5"


def rated_count(current: Assessment) -> int:
    return sum(1 for s in current.skills if s.rated)
