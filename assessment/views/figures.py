"""Plotly figure builders. A figure is data: building one needs no Streamlit.

Colours are from the Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies) and read on light and dark backgrounds; backgrounds and fonts are left to the
theme. No user text goes into titles, legends or hover text: only skill names of ours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assessment.scoring import Assessment
from assessment.skills import INTERVIEWER_SCALE, SKILL_NAMES

if TYPE_CHECKING:
    import plotly.graph_objects as go

SELF_COLOUR = "#0072B2"  # blue
INTERVIEWER_COLOUR = "#E69F00"  # orange
PREVIOUS_COLOUR = "#CC79A7"  # reddish purple

# A transparent disc and mid-grey grid read on light and dark themes alike; fonts come from
# the theme.
GRID = "rgba(128, 128, 128, 0.45)"
POLAR_LAYOUT = {
    "bgcolor": "rgba(0, 0, 0, 0)",
    "radialaxis": {
        "range": [0, 5],
        "tickvals": [1, 2, 3, 4, 5],
        "angle": 90,
        "tickangle": 90,
        "gridcolor": GRID,
        "linecolor": GRID,
    },
    "angularaxis": {
        "direction": "clockwise",
        "rotation": 90,
        "gridcolor": GRID,
        "linecolor": GRID,
    },
}

SELF_TRACE = "You"
INTERVIEWER_TRACE = "Interviewer"
PREVIOUS_TRACE = "Previous rejection (combined)"


def _closed(values: list, labels: list[str]) -> tuple[list, list[str]]:
    """Repeat the first point so each polygon closes."""
    return values + values[:1], labels + labels[:1]


def radar_figure(current: Assessment, previous: Assessment | None = None) -> go.Figure:
    """Self-view against the interviewer's view (mapped to 1-5), plus the previous
    rejection's combined scores when there is one. Missing ratings leave gaps, never zeros."""
    import plotly.graph_objects as go  # lazy: importing assessment must not load plotly

    labels = [SKILL_NAMES[s.key] for s in current.skills]
    fig = go.Figure()

    def add(name: str, values: list, colour: str, dash: str, hover: list[str]) -> None:
        r, theta = _closed(values, labels)
        hover_closed = hover + hover[:1]
        fig.add_trace(
            go.Scatterpolar(
                r=r,
                theta=theta,
                name=name,
                mode="lines+markers",
                line={"color": colour, "width": 3, "dash": dash},
                marker={"size": 8, "color": colour},
                connectgaps=False,
                text=hover_closed,
                hovertemplate="%{theta}<br>%{text}<extra>" + name + "</extra>",
            )
        )

    add(
        SELF_TRACE,
        [s.self_rating for s in current.skills],
        SELF_COLOUR,
        "solid",
        ["not sure" if s.self_rating is None else f"{s.self_rating} of 5" for s in current.skills],
    )
    add(
        INTERVIEWER_TRACE,
        [s.interviewer_mapped for s in current.skills],
        INTERVIEWER_COLOUR,
        "solid",
        [
            "not assessed"
            if s.interviewer_rating is None
            else f"{INTERVIEWER_SCALE[s.interviewer_rating]} ({s.interviewer_mapped:.2f} of 5)"
            for s in current.skills
        ],
    )
    if previous is not None:
        add(
            PREVIOUS_TRACE,
            [s.combined for s in previous.skills],
            PREVIOUS_COLOUR,
            "dot",
            [
                "not rated" if s.combined is None else f"combined {s.combined:.1f} of 5"
                for s in previous.skills
            ],
        )
    fig.update_layout(
        polar=POLAR_LAYOUT,
        legend={"orientation": "h", "yanchor": "bottom", "y": -0.2, "x": 0.5, "xanchor": "center"},
        margin={"l": 60, "r": 60, "t": 30, "b": 30},
        height=480,
        showlegend=True,
    )
    return fig
