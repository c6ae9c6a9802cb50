"""What the Results and Home pages say about one rejection: tables and plain sentences, and
the same results as a document for ``python -m assessment results``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd  # sqlite-utils loads it anyway
import pyarrow as pa  # pandas' string columns are Arrow already

from assessment import forms, storage
from assessment.models import Rejection
from assessment.plan.markdown import escape
from assessment.scoring import (
    NOT_RATED_BY_INTERVIEWER,
    QUADRANT_MEANING,
    QUADRANTS,
    Assessment,
    SkillScore,
    assessment_of,
    format_score,
    reason_line,
)
from assessment.skills import FIT_FACTORS, INTERVIEWER_SCALE, STAGES
from assessment.views.figures import finished, radar_figure

if TYPE_CHECKING:
    import plotly.graph_objects as go
    from sqlite_utils import Database

QUADRANT_ORDER = ("confirmed_strength", "blind_spot", "hidden_strength", "growth_area")


def radar_of(db: Database, rejection_id: int, owner: str) -> go.Figure:
    """The Results radar of one rejection, with its predecessor's combined scores."""
    return results_view(db, rejection_id, owner).radar


@dataclass(frozen=True)
class ResultsView:
    """What the Results page draws for one rejection, read and built at once: the page keeps
    it until the data changes (``ui.query``), so a rerun builds no figure and no table. The
    radar is :func:`~assessment.views.figures.finished`: nothing may change it."""

    rejection: Rejection
    current: Assessment
    has_previous: bool
    radar: go.Figure
    table: pa.Table
    """:func:`skills_table` as Arrow, what ``st.dataframe`` sends (from pandas it converts the
    table again on every rerun)."""


def results_view(db: Database, rejection_id: int, owner: str) -> ResultsView:
    rejection = storage.get_rejection(db, rejection_id, owner)
    current = assessment_of(rejection)
    previous_id = storage.previous_rejection_id(db, rejection_id, owner)
    previous = (
        assessment_of(storage.get_rejection(db, previous_id, owner))
        if previous_id is not None
        else None
    )
    return ResultsView(
        rejection=rejection,
        current=current,
        has_previous=previous_id is not None,
        radar=finished(radar_figure(current, previous)),
        table=pa.Table.from_pandas(skills_table(current), preserve_index=False),
    )


def radar_caption(current: Assessment, has_previous: bool) -> str:
    """What the radar's lines mean, and which skills a layer's outline jumps over."""
    parts = []
    if has_previous:
        parts.append("The dashed line is your previous rejection's combined score.")
    own = [s.name for s in current.skills if s.self_rating is None]
    theirs = [s.name for s in current.skills if s.interviewer_mapped is None]
    skipped = []
    if own and len(own) < len(current.skills):
        skipped.append(f"you were not sure about {', '.join(own)}")
    if theirs and len(theirs) < len(current.skills):
        skipped.append(f"the interviewer did not rate {', '.join(theirs)}")
    if skipped:
        parts.append(
            "Each shape joins only the skills it has a rating for; a thin dotted line crosses "
            f"the skills it skips ({'; '.join(skipped)})."
        )
    parts.append("Click a name in the legend to hide or show a layer.")
    return " ".join(parts)


def skills_table(current: Assessment) -> pd.DataFrame:
    """The radar's numbers as a table, so nothing is lost for people who can't read the chart."""
    rows = []
    for s in current.skills:
        rows.append(
            {
                "Skill": s.name,
                "You (1-5)": "not sure" if s.self_rating is None else str(s.self_rating),
                "Interviewer": interviewer_text(s),
                "Interviewer on 1-5": format_score(s.interviewer_mapped)
                if s.interviewer_mapped is not None
                else "—",
                "Combined": format_score(s.combined),
                "Gap (you - interviewer)": "—" if s.gap is None else f"{s.gap:+.1f}",
                "Quadrant": QUADRANTS[s.quadrant] if s.quadrant in QUADRANT_ORDER else "—",
            }
        )
    return pd.DataFrame(rows)


def interviewer_text(s: SkillScore) -> str:
    """The interviewer's side of one skill as the table shows it."""
    if s.interviewer_rating is not None:
        return INTERVIEWER_SCALE[s.interviewer_rating]
    if s.from_finding:
        return f"{s.interviewer_side.capitalize()}, from their feedback"
    return NOT_RATED_BY_INTERVIEWER


def quadrant_groups(current: Assessment) -> dict[str, list[str]]:
    """Skill names per calibration quadrant, in domain order. Skills the interviewer did not
    rate are in none of them (:func:`not_rated_names`)."""
    return {q: [s.name for s in current.in_quadrant(q)] for q in QUADRANT_ORDER}


def not_rated_names(current: Assessment) -> list[str]:
    """Skills only the user rated: "the interviewer did not rate this"."""
    return [s.name for s in current.not_rated_by_interviewer()]


def not_rated_sentence(current: Assessment) -> str:
    names = not_rated_names(current)
    if not names:
        return ""
    return f"{NOT_RATED_BY_INTERVIEWER.capitalize()}: {', '.join(names)}."


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


# ---- the results as a document (``python -m assessment results``) ----------------------


@dataclass(frozen=True)
class NextPage:
    """Where Home sends the user next: a page of ``ui.PAGE_SPECS``, with its link's words."""

    page: str
    label: str
    icon: str


RECORD_FEEDBACK = NextPage("feedback", "Record feedback", ":material/forum:")
SEE_RESULTS = NextPage("results", "See your results", ":material/radar:")
SEE_NEXT_STEPS = NextPage("next_steps", "See your next steps", ":material/checklist:")


def next_page(rejection: Rejection) -> NextPage:
    """The next step Home offers, following the data in the order Home numbers the steps:
    the interviewer's feedback while there is none (and they have not declined to give any);
    once it exists, the results until a step of the plan is taken on; then the next steps.
    Once feedback exists it is never "Record feedback" again."""
    feedback = rejection.feedback
    if not forms.has_feedback(feedback) and feedback.status != "declined":
        return RECORD_FEEDBACK
    if not rejection.actions:
        return SEE_RESULTS
    return SEE_NEXT_STEPS


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def results_json(rejection_id: int, current: Assessment) -> dict:
    """The assessment as ``results --format json`` prints it (``docs/format.md``): ``self``
    on 1-5, ``interviewer`` on the interviewer's own 1-4 (null without a rating, even when a
    finding stands for it: the quadrant says where that put the skill)."""
    return {
        "rejection_id": rejection_id,
        "skills": [
            {
                "key": s.key,
                "self": s.self_rating,
                "interviewer": s.interviewer_rating,
                "combined": _rounded(s.combined),
                "gap": _rounded(s.gap),
                "quadrant": s.quadrant,
            }
            for s in current.skills
        ],
        "strengths": [h.key for h in current.strengths],
        "areas": [h.key for h in current.weaknesses],
    }


def _cell(text: str) -> str:
    return escape(text).replace("|", "\\|")


def results_markdown(rejection: Rejection, current: Assessment) -> str:
    """The Results page as a Markdown document: the table, strengths, areas, calibration.
    User text (company, role, the employer's phrase) is escaped."""
    title = " · ".join(
        (escape(rejection.company), escape(rejection.role), STAGES.get(rejection.stage, ""))
    )
    lines = [
        f"# Results: {title}",
        "",
        f"Rejected on {rejection.rejected_on.isoformat()}. "
        f"Average combined score: {average_text(current)}.",
        "",
        "| Skill | You (1-5) | Interviewer | Combined | Gap | Quadrant |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    columns = ["Skill", "You (1-5)", "Interviewer", "Combined", "Gap (you - interviewer)"]
    for cells in skills_table(current)[[*columns, "Quadrant"]].itertuples(index=False):
        lines.append("| " + " | ".join(_cell(str(c)) for c in cells) + " |")
    lines += ["", "## Strengths", ""]
    lines += [f"- **{h.name}**: {escape(h.reason)}" for h in current.strengths] or [
        "No clear strength yet."
    ]
    lines += ["", "## Areas to work on", ""]
    for h in current.weaknesses:
        lines.append(f"- **{h.name}**: {escape(h.reason)}")
        if h.said:
            lines.append(f"  {escape(reason_line(h))}")
    if not current.weaknesses:
        lines.append("Nothing stands out as weak in what was rated.")
    lines += ["", "## Calibration", ""]
    for q, names in quadrant_groups(current).items():
        lines.append(f"- {QUADRANTS[q]}: {', '.join(names) if names else 'none'}")
    if not_rated_names(current):
        lines += ["", escape(not_rated_sentence(current))]
    return "\n".join(lines) + "\n"
