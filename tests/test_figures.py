"""The figure builders: every radar layer a closed shape over the skills it has, skipped skills
crossed by a dotted chord (never drawn as zero), wrapped skill names, small multiples on
Progress, and colours that hold 3:1 on both themes."""

from __future__ import annotations

import datetime as dt
import json
import tomllib

import pandas as pd
import pytest

from assessment import scoring
from assessment.skills import SKILL_KEYS, SKILL_NAMES
from assessment.views import figures, progress, report
from tests.helpers import ROOT
from tests.test_theme import contrast

NAMES = list(SKILL_NAMES.values())
THEMES = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]


def all_rated():
    return scoring.assess({k: 4 for k in SKILL_KEYS}, {k: 3 for k in SKILL_KEYS})


def interviewer_rated(*keys: str):
    """Every skill self-rated; the interviewer rated only ``keys``."""
    return scoring.assess({k: 4 for k in SKILL_KEYS}, {k: 3 for k in keys})


def layer(fig, name: str) -> list:
    return [t for t in fig.data if t.legendgroup == name]


def points(trace) -> list[tuple]:
    """(skill, r) of a trace, None where the line breaks."""
    return [(t, r) if r is not None else None for t, r in zip(trace.theta, trace.r, strict=True)]


def segments(trace) -> list[list[str]]:
    """The trace's drawn pieces, each the skills it passes through."""
    found, piece = [], []
    for point in points(trace):
        if point is None:
            found.append(piece)
            piece = []
        else:
            piece.append(point[0])
    return [*found, piece]


# ---- the radar ---------------------------------------------------------------------------


def test_radar_keeps_the_eight_axes_in_domain_order_with_a_fixed_range():
    fig = figures.radar_figure(interviewer_rated("communication"))
    axis = fig.layout.polar.angularaxis
    assert list(axis.categoryarray) == NAMES and list(axis.tickvals) == NAMES
    assert list(fig.layout.polar.radialaxis.range) == [0, 5]


def test_long_skill_names_wrap_onto_two_short_lines():
    ticks = list(figures.radar_figure(all_rated()).layout.polar.angularaxis.ticktext)
    assert ticks[0] == "Communication"
    assert ticks[5] == "Collaboration &<br>leadership"
    assert ticks[1] == "Role<br>knowledge"
    for text in ticks:
        lines = text.split("<br>")
        assert len(lines) <= 2 and all(len(line) <= 15 for line in lines), text
        assert " ".join(lines) in NAMES


@pytest.mark.parametrize(
    ("name", "wrapped"),
    [
        ("Communication", "Communication"),
        ("Problem solving", "Problem<br>solving"),
        ("Evidence & examples", "Evidence &<br>examples"),
        ("Short", "Short"),
        ("Averyveryverylongword", "Averyveryverylongword"),
    ],
)
def test_wrap_label(name, wrapped):
    assert figures.wrap_label(name) == wrapped


def test_a_fully_rated_layer_is_one_closed_polygon():
    fig = figures.radar_figure(all_rated())
    for name in (figures.SELF_TRACE, figures.INTERVIEWER_TRACE):
        traces = layer(fig, name)
        assert len(traces) == 1  # no chord needed
        (outline,) = segments(traces[0])
        assert outline == [*NAMES, NAMES[0]]  # closed: ends where it began


def test_a_partly_rated_layer_closes_over_its_rated_skills_with_dotted_chords():
    # the interviewer rated communication, role knowledge, evidence and collaboration
    fig = figures.radar_figure(
        interviewer_rated("communication", "role_knowledge", "evidence", "collaboration")
    )
    solid, chords = layer(fig, figures.INTERVIEWER_TRACE)
    assert solid.line.dash == "solid" and chords.line.dash == "dot"
    assert solid.showlegend is not False and chords.showlegend is False  # one legend entry
    assert chords.hoverinfo == "skip"
    assert segments(solid) == [
        ["Communication", "Role knowledge"],
        ["Evidence & examples"],
        ["Collaboration & leadership"],
    ]
    # each chord runs from the end of one run to the start of the next, round the circle
    assert segments(chords) == [
        ["Role knowledge", "Evidence & examples"],
        ["Evidence & examples", "Collaboration & leadership"],
        ["Collaboration & leadership", "Communication"],
    ]
    drawn = {p[0] for trace in (solid, chords) for p in points(trace) if p}
    assert "Problem solving" not in drawn and "Motivation & fit" not in drawn


def test_skills_without_a_value_are_never_drawn_as_zero():
    fig = figures.radar_figure(scoring.assess({"communication": 4, "evidence": 2}, {}))
    for trace in fig.data:
        assert 0 not in [r for r in trace.r if r is not None]


def test_one_rated_skill_is_a_marked_point_and_none_draws_nothing():
    fig = figures.radar_figure(interviewer_rated("problem_solving"))
    (only,) = layer(fig, figures.INTERVIEWER_TRACE)
    assert points(only) == [("Problem solving", pytest.approx(scoring.map_interviewer(3)))]
    assert "markers" in only.mode
    fig = figures.radar_figure(scoring.assess({k: 3 for k in SKILL_KEYS}, {}))
    (empty,) = layer(fig, figures.INTERVIEWER_TRACE)
    assert list(empty.r) == []  # still in the legend, nothing on the chart


def test_previous_rejection_is_a_third_dashed_layer_in_its_own_colour():
    previous = scoring.assess({"communication": 2}, {"communication": 1})
    fig = figures.radar_figure(all_rated(), previous)
    (prev,) = layer(fig, figures.PREVIOUS_TRACE)
    assert points(prev) == [("Communication", previous.skills[0].combined)]
    assert prev.line.dash == "dash"
    colours = {t.line.color for t in fig.data}
    assert colours == {figures.SELF_COLOUR, figures.INTERVIEWER_COLOUR, figures.PREVIOUS_COLOUR}


def test_caption_names_the_skills_each_shape_skips():
    caption = report.radar_caption(interviewer_rated("communication", "evidence"), True)
    assert caption.startswith("The dashed line is your previous rejection's combined score.")
    assert "the interviewer did not rate Role knowledge, Problem solving" in caption
    assert "you were not sure" not in caption
    assert "dotted" not in report.radar_caption(all_rated(), False)


def test_radar_sizes_and_config():
    fig = figures.radar_figure(all_rated())
    assert fig.layout.height >= 500  # large on a desktop
    assert fig.layout.dragmode is False
    assert figures.CHART_CONFIG["displayModeBar"] is False


# ---- colours -----------------------------------------------------------------------------


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("colour", figures.PALETTE)
def test_every_chart_colour_holds_3_to_1_on_both_backgrounds(colour, theme):
    assert contrast(colour, THEMES[theme]["backgroundColor"]) >= 3.0


def test_no_low_contrast_yellow_or_orange_in_any_chart():
    assert "#F0E442" not in figures.PALETTE and "#E69F00" not in figures.PALETTE


# ---- progress ----------------------------------------------------------------------------


def trend(skills: dict[str, list[float]]) -> progress.Trend:
    rows = [
        {"when": pd.Timestamp(dt.date(2026, 1, 1) + dt.timedelta(days=30 * i)), "skill": k}
        | {"score": v, "rejections": 1}
        for k, values in skills.items()
        for i, v in enumerate(values)
    ]
    return progress.Trend(pd.DataFrame(rows), "rejection")


def test_skills_over_time_are_small_multiples_one_per_skill():
    data = trend({k: [2.0, 3.0, 4.0] for k in SKILL_KEYS})
    fig = progress.skill_trend_figure(data, ())  # nothing chosen: every skill
    assert [t.name for t in fig.data] == NAMES
    assert len({t.xaxis for t in fig.data}) == 8  # each in its own small chart
    assert [a.text for a in fig.layout.annotations] == NAMES  # titled by skill
    assert {t.line.color for t in fig.data} == {figures.BLUE}
    assert not any(t.showlegend for t in fig.data)
    assert fig.layout.height >= 4 * 150  # four rows of two


def test_small_multiples_show_only_chosen_skills_with_points():
    data = trend({"evidence": [2.0, 3.0], "composure": [3.0, 3.5]})
    fig = progress.skill_trend_figure(data, ["evidence", "communication"])
    assert [t.name for t in fig.data] == ["Evidence & examples"]
    assert progress.skills_with_points(data, []) == ["evidence", "composure"]


def test_first_and_latest_radar_layers_are_closed_shapes():
    first = progress.Snapshot(
        1, dt.date(2026, 1, 1), {k: 3.0 for k in SKILL_KEYS}, {}, {}
    )  # every skill
    latest = progress.Snapshot(
        2,
        dt.date(2026, 5, 1),
        {k: (None if k == "motivation" else 4.0) for k in SKILL_KEYS},
        {},
        {},
    )
    fig = progress.first_latest_radar(first, latest)
    first_traces = [t for t in fig.data if t.legendgroup.startswith("First")]
    latest_traces = [t for t in fig.data if t.legendgroup.startswith("Latest")]
    assert segments(first_traces[0]) == [[*NAMES, NAMES[0]]]
    assert len(latest_traces) == 2  # the outline and the chord over Motivation & fit
    assert segments(latest_traces[1]) == [["Collaboration & leadership", "Composure & confidence"]]
    assert list(fig.layout.polar.angularaxis.ticktext)[5] == "Collaboration &<br>leadership"


def _small_multiples_by_make_subplots(panels, y_range, dtick=1, zero_line=False):
    """The same figure built the slow way, with plotly's own subplot grid and updates."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    cols = 2 if len(panels) > 1 else 1
    rows = max(1, -(-len(panels) // cols))
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=[title for title, *_ in panels],
        horizontal_spacing=0.12,
        vertical_spacing=min(0.3, 0.5 / rows),
    )
    for i, (title, x, y, hover) in enumerate(panels):
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                mode="lines+markers",
                name=title,
                showlegend=False,
                line={"color": figures.BLUE, "width": 2.5},
                marker={"size": 7},
                hovertemplate=hover,
            ),
            row=i // cols + 1,
            col=i % cols + 1,
        )
    if zero_line:
        fig.add_hline(y=0, line={"color": figures.GREY, "width": 1.5, "dash": "dot"})
    fig.update_yaxes(range=list(y_range), dtick=dtick, gridcolor=figures.GRID)
    fig.update_xaxes(
        matches="x", nticks=4, gridcolor=figures.GRID, ticklabeloverflow="hide past domain"
    )
    fig.update_annotations(font={"size": 14})
    fig.update_layout(
        height=rows * figures.PANEL_HEIGHT + 40,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        hovermode="closest",
        dragmode=False,
    )
    return fig


@pytest.mark.parametrize("count", [1, 2, 3, 7, 8])
@pytest.mark.parametrize("zero_line", [False, True])
def test_small_multiples_are_the_grid_make_subplots_makes(count, zero_line):
    when = pd.Series(pd.to_datetime(["2026-10-01", "2026-10-20", "2026-11-10"]))
    panels = [
        (name, when, pd.Series([3.0, 3.5 + i / 10, 4.0]), f"{name}: %{{y}}<extra></extra>")
        for i, name in enumerate(list(SKILL_NAMES.values())[:count])
    ]
    fast = figures.small_multiples(panels, (0.8, 5.2), dtick=2, zero_line=zero_line)
    slow = _small_multiples_by_make_subplots(panels, (0.8, 5.2), dtick=2, zero_line=zero_line)
    expected = json.loads(slow.to_json())
    if count % 2 and count > 1:  # make_subplots draws empty axes in the grid's last cell
        del expected["layout"][f"xaxis{count + 1}"], expected["layout"][f"yaxis{count + 1}"]
    assert json.loads(fast.to_json()) == expected
