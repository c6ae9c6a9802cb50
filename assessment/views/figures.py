"""Plotly figure builders and what they share. A figure is data: building one needs no Streamlit.

Colours are from the Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies), and only those of its colours that hold 3:1 against both the light and the dark
theme's background (WCAG's contrast for graphics): blue, vermillion, bluish green and a mid
grey. Its orange, sky blue, yellow and reddish purple fade on the light background. Backgrounds
and fonts are left to the theme. No user text goes into titles, legends or hover text: only
skill names of ours.

**A radar layer is a closed shape over the skills it has.** Between two rated skills on
neighbouring axes the line is solid; where a layer has no rating for a skill (the user was not
sure, the interviewer did not rate it), its outline jumps over that axis with a thin dotted
chord instead of dropping to the centre or breaking off, so every layer stays one shape and the
skipped axes are visible as such. The table under the chart says which skills those are.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assessment.scoring import Assessment
from assessment.skills import INTERVIEWER_SCALE, SKILL_NAMES

if TYPE_CHECKING:
    import plotly.graph_objects as go

BLUE = "#0072B2"
VERMILLION = "#D55E00"
BLUISH_GREEN = "#009E73"
GREY = "#808080"  # Okabe-Ito's black would vanish on the dark theme; #808080 holds 3:1 on both
PALETTE = (BLUE, VERMILLION, BLUISH_GREEN, GREY)

SELF_COLOUR = BLUE
INTERVIEWER_COLOUR = VERMILLION
PREVIOUS_COLOUR = BLUISH_GREEN

# No plotly toolbar: it covers the legends of the smaller charts, and nothing here needs zooming.
CHART_CONFIG = {"displayModeBar": False, "displaylogo": False}


@functools.cache
def _finished_class() -> type:
    import plotly.graph_objects as go

    class FinishedFigure(go.Figure):
        """A figure nothing changes any more, whose ``to_dict`` is made once."""

        def to_dict(self) -> dict:
            made = self.__dict__.get("_finished_dict")
            if made is None:
                made = super().to_dict()
                self.__dict__["_finished_dict"] = made
            return made

    return FinishedFigure


def is_figure(value: object) -> bool:
    """Whether ``value`` is a plotly figure (without importing plotly when nothing has)."""
    base = sys.modules.get("plotly.basedatatypes")
    return base is not None and isinstance(value, base.BaseFigure)


def finished(fig: go.Figure) -> go.Figure:
    """``fig``, marked as built for good: its ``to_dict`` is made once and kept.

    ``st.plotly_chart`` calls ``to_dict`` on every rerun, which deep-copies every trace and
    encodes each array again (most of a chart's share of a rerun: on Progress, about a third of
    the page). A figure kept across reruns (``ui.cached``) need not pay that each time. The
    figure must not be changed afterwards: its dict would not follow."""
    fig.__class__ = _finished_class()
    return fig


# Longest line of a wrapped skill name around a radar: "Collaboration &" fits a phone's margin.
LABEL_LINE = 13

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

RADAR_HEIGHT = 580
# Room for the two-line skill names around the circle, and below the lowest one the legend
# (one line on a desktop, two on a phone), at the bottom of the figure.
RADAR_MARGIN = {"l": 84, "r": 84, "t": 48, "b": 104}


def wrap_label(name: str, width: int = LABEL_LINE) -> str:
    """A skill name on at most two lines (``<br>``) for a radar's rim: after "&" if it has
    one, else at the last space that keeps the first line within ``width``."""
    if len(name) <= width or " " not in name:
        return name
    if " & " in name:
        first, rest = name.split(" & ", 1)
        return f"{first} &<br>{rest}"
    head = name[: width + 1]
    cut = head.rfind(" ") if " " in head else name.find(" ")
    return f"{name[:cut]}<br>{name[cut + 1 :]}"


def runs(values: Sequence[float | None]) -> list[list[int]]:
    """The rated indices as runs of neighbouring axes, going round the circle. All rated: one
    run that ends where it began (a closed polygon)."""
    n = len(values)
    rated = [i for i, v in enumerate(values) if v is not None]
    if len(rated) == n:
        return [[*range(n), 0]] if n else []
    found = []
    for start in rated:
        if values[(start - 1) % n] is not None:
            continue  # not the start of a run
        run = [start]
        while values[(run[-1] + 1) % n] is not None:
            run.append((run[-1] + 1) % n)
        found.append(run)
    return found


def jumps(values: Sequence[float | None]) -> list[tuple[int, int]]:
    """The chords that close a layer over the axes it has no value for: from the end of each
    run to the start of the next (none with a single rated skill or with all of them)."""
    found = runs(values)
    if len(found) == 1 and (found[0][0] == found[0][-1] or len(found[0]) == 1):
        return []
    return [(run[-1], found[(i + 1) % len(found)][0]) for i, run in enumerate(found)]


def _gapped(
    pieces: list[list[int]], values: Sequence[float | None], labels: list[str], text: list[str]
) -> tuple[list, list, list]:
    """Points of several pieces in one trace, a None between pieces so plotly breaks the line."""
    r: list = []
    theta: list = []
    hover: list = []
    for piece in pieces:
        if r:
            r.append(None)
            theta.append(labels[piece[0]])
            hover.append("")
        for i in piece:
            r.append(values[i])
            theta.append(labels[i])
            hover.append(text[i])
    return r, theta, hover


def polar_layer(
    name: str,
    values: Sequence[float | None],
    hover: list[str],
    colour: str,
    dash: str = "solid",
) -> list:
    """One radar layer as traces sharing a legend entry: the solid outline with markers over
    neighbouring rated skills (hover shows each value) and the dotted chords over the skills
    it has no value for."""
    import plotly.graph_objects as go  # lazy: importing assessment must not load plotly

    labels = list(SKILL_NAMES.values())[: len(values)]
    r, theta, text = _gapped(runs(values), values, labels, hover)
    traces = [
        go.Scatterpolar(
            r=r,
            theta=theta,
            name=name,
            legendgroup=name,
            mode="lines+markers",
            line={"color": colour, "width": 3, "dash": dash},
            marker={"size": 9, "color": colour},
            connectgaps=False,
            text=text,
            hovertemplate="%{theta}<br>%{text}<extra>" + name + "</extra>",
        )
    ]
    chords = [list(pair) for pair in jumps(values)]
    if chords:
        r, theta, _ = _gapped(chords, values, labels, hover)
        traces.append(
            go.Scatterpolar(
                r=r,
                theta=theta,
                name=f"{name}: over skills without a value",
                legendgroup=name,
                showlegend=False,
                mode="lines",
                line={"color": colour, "width": 1.5, "dash": "dot"},
                connectgaps=False,
                hoverinfo="skip",
            )
        )
    return traces


def radar_layout(fig: go.Figure, height: int = RADAR_HEIGHT) -> go.Figure:
    """The shared look of a radar: eight axes in domain order, names wrapped onto two lines,
    a fixed 0-5 range, the legend below, no dragging (a phone's finger scrolls the page)."""
    names = list(SKILL_NAMES.values())
    polar = {
        **POLAR_LAYOUT,
        "angularaxis": {
            **POLAR_LAYOUT["angularaxis"],
            "categoryorder": "array",
            "categoryarray": names,
            "tickmode": "array",
            "tickvals": names,
            "ticktext": [wrap_label(n) for n in names],
            "tickfont": {"size": 13},
        },
    }
    fig.update_layout(
        polar=polar,
        legend={
            "orientation": "h",
            "yref": "container",
            "yanchor": "bottom",
            "y": 0,
            "x": 0.5,
            "xanchor": "center",
        },
        margin=RADAR_MARGIN,
        height=height,
        showlegend=True,
        dragmode=False,
    )
    return fig


def radar_figure(current: Assessment, previous: Assessment | None = None) -> go.Figure:
    """Self-view against the interviewer's view (mapped to 1-5), plus the previous
    rejection's combined scores when there is one. Missing ratings are skipped by the
    outline (a dotted chord), never drawn as zeros."""
    import plotly.graph_objects as go  # lazy: importing assessment must not load plotly

    fig = go.Figure()
    layers = [
        (
            SELF_TRACE,
            [s.self_rating for s in current.skills],
            [
                "not sure" if s.self_rating is None else f"{s.self_rating} of 5"
                for s in current.skills
            ],
            SELF_COLOUR,
            "solid",
        ),
        (
            INTERVIEWER_TRACE,
            [s.interviewer_mapped for s in current.skills],
            [
                "not assessed"
                if s.interviewer_rating is None
                else f"{INTERVIEWER_SCALE[s.interviewer_rating]} ({s.interviewer_mapped:.2f} of 5)"
                for s in current.skills
            ],
            INTERVIEWER_COLOUR,
            "solid",
        ),
    ]
    if previous is not None:
        layers.append(
            (
                PREVIOUS_TRACE,
                [s.combined for s in previous.skills],
                [
                    "not rated" if s.combined is None else f"combined {s.combined:.1f} of 5"
                    for s in previous.skills
                ],
                PREVIOUS_COLOUR,
                "dash",
            )
        )
    for name, values, hover, colour, dash in layers:
        fig.add_traces(polar_layer(name, values, hover, colour, dash))
    return radar_layout(fig)


def skipped_skills(values: Sequence[float | None]) -> list[str]:
    """The skill names a layer has no value for, in domain order (for the caption)."""
    names = list(SKILL_NAMES.values())
    return [names[i] for i, v in enumerate(values) if v is None]


# ---- small multiples ---------------------------------------------------------------------

PANEL_HEIGHT = 190  # one row of two small charts


SUBPLOT_SPACING = (0.12, 0.5)  # across, and down (divided by the rows, at most 0.3)


def small_multiples(
    panels: Sequence[tuple[str, Sequence, Sequence, str]],
    y_range: tuple[float, float],
    dtick: float = 1,
    zero_line: bool = False,
) -> go.Figure:
    """One small line chart per panel, two to a row, on the same dates and the same y scale.

    A panel is ``(title, x, y, hovertemplate)``; titles and hover text are ours (skill names),
    never user text. ``zero_line`` draws a dotted line at 0 in every chart.

    The figure is the one ``plotly.subplots.make_subplots`` and ``update_xaxes``/``yaxes``
    would make (``tests/test_figures.py`` holds them equal; with an odd number of panels the
    grid's last cell is left empty, where make_subplots draws empty axes), written as one
    layout: plotly validates a figure property by property on every update, which took
    130 ms for eight panels (most of a filter change on Progress); validating it once takes
    18 ms."""
    import plotly.graph_objects as go  # lazy: importing assessment must not load plotly

    cols = 2 if len(panels) > 1 else 1
    rows = max(1, -(-len(panels) // cols))
    across, down = SUBPLOT_SPACING[0], min(0.3, SUBPLOT_SPACING[1] / rows)
    width = (1 - across * (cols - 1)) / cols
    height = (1 - down * (rows - 1)) / rows
    data: list[dict] = []
    layout: dict = {}
    titles: list[dict] = []
    for i, (title, x, y, hover) in enumerate(panels):
        row, col = divmod(i, cols)
        n = "" if i == 0 else str(i + 1)
        left = col * (width + across)
        top = 1 - row * (height + down)
        data.append(
            {
                "type": "scatter",
                "x": x,
                "y": y,
                "mode": "lines+markers",
                "name": title,
                "showlegend": False,
                "line": {"color": BLUE, "width": 2.5},
                "marker": {"size": 7},
                "hovertemplate": hover,
                "xaxis": f"x{n}",
                "yaxis": f"y{n}",
            }
        )
        # the same dates in every small chart; a date label that would run into the next chart
        # is left out
        layout[f"xaxis{n}"] = {
            "anchor": f"y{n}",
            "domain": [left, left + width],
            "matches": "x",
            "nticks": 4,
            "gridcolor": GRID,
            "ticklabeloverflow": "hide past domain",
        }
        layout[f"yaxis{n}"] = {
            "anchor": f"x{n}",
            "domain": [top - height, top],
            "range": list(y_range),
            "dtick": dtick,
            "gridcolor": GRID,
        }
        titles.append(
            {
                "font": {"size": 14},
                "showarrow": False,
                "text": title,
                "x": left + width / 2,
                "xanchor": "center",
                "xref": "paper",
                "y": top,
                "yanchor": "bottom",
                "yref": "paper",
            }
        )
    layout["annotations"] = titles
    if zero_line:
        layout["shapes"] = [
            {
                "type": "line",
                "line": {"color": GREY, "width": 1.5, "dash": "dot"},
                "x0": 0,
                "x1": 1,
                "xref": f"x{'' if i == 0 else i + 1} domain",
                "y0": 0,
                "y1": 0,
                "yref": f"y{'' if i == 0 else i + 1}",
            }
            for i in range(len(panels))
        ]
    layout.update(
        height=rows * PANEL_HEIGHT + 40,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        hovermode="closest",
        dragmode=False,  # a finger on a phone scrolls the page instead of zooming the chart
    )
    return go.Figure(data=data, layout=layout)


GAP_RANGE = (-4.4, 4.4)  # self 1-5 minus the mapped interviewer 1-5


def gap_figure(frame, skills: Sequence[str] | None = None) -> go.Figure:
    """The calibration gap per skill over time as small multiples: ``frame`` has columns
    ``when``, ``skill`` and ``gap`` (self minus the mapped interviewer rating); a dotted line
    at 0 is where both ratings agree. ``skills`` are the skill keys to show, in order (all
    that have a point when None)."""
    present = set(frame["skill"])
    keys = [k for k in (skills or SKILL_NAMES) if k in present]
    panels = []
    for key in keys:
        points = frame[frame["skill"] == key]
        name = SKILL_NAMES[key]
        panels.append(
            (
                name,
                points["when"],
                points["gap"],
                f"{name}<br>%{{x|%d %b %Y}}: you rated it %{{y:+.1f}} against the interviewer"
                "<extra></extra>",
            )
        )
    return small_multiples(panels, GAP_RANGE, dtick=2, zero_line=True)
