"""The honest floor: the Results radar of the example rejection, drawn with plain plotly.

The same four traces (names, r/theta, hover text, lines, markers, legend groups) and the same
polar layout as ``assessment.views.figures.radar_figure`` draws for the example set's latest
rejection, copied here as constants and built with ``plotly.graph_objects``. Nothing of
Rebound is imported. The figure is built once per server (``st.cache_resource``), as Results
keeps its radar built once per change of the data: building a figure is plotly validating it
(about 25 ms on a shared 2-core machine), and a floor that paid it on every run would hide
that much of a page's cost in the divisor, which is what was wrong with ``baseline_page.py``. It is opened through ``plain_radar_app.py``,
a router with the same sidebar as ``app.py``, so a page of the app divided by this one is what
Rebound adds on top of Streamlit, plotly and ``st.navigation``.
"""

import plotly.graph_objects as go
import streamlit as st

SKILLS = [
    "Communication",
    "Role knowledge",
    "Problem solving",
    "Evidence & examples",
    "Preparation & research",
    "Collaboration & leadership",
    "Motivation & fit",
    "Composure & confidence",
]
LABELS = [
    "Communication",
    "Role<br>knowledge",
    "Problem<br>solving",
    "Evidence &<br>examples",
    "Preparation &<br>research",
    "Collaboration &<br>leadership",
    "Motivation &<br>fit",
    "Composure &<br>confidence",
]
GRID = "rgba(128, 128, 128, 0.45)"
BLUE, VERMILLION, BLUISH_GREEN = "#0072B2", "#D55E00", "#009E73"
YOU_R = [4, 4, 4, 4, 4, 3, 4, 3, 4]
PREVIOUS_R = [3.8, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.8, 3.8]
ROUND = [*SKILLS, SKILLS[0]]
INTERVIEWER_R = [11 / 3, 11 / 3, 5.0, 7 / 3, None, 11 / 3]
INTERVIEWER_THETA = [*SKILLS[:4], SKILLS[5], SKILLS[5]]
INTERVIEWER_TEXT = [
    "Strength (3.67 of 5)",
    "Strength (3.67 of 5)",
    "Strong strength (5.00 of 5)",
    "Concern (2.33 of 5)",
    "",
    "Strength (3.67 of 5)",
]
PREVIOUS = "Previous rejection (combined)"
CHORDS_R = [7 / 3, 11 / 3, None, 11 / 3, 11 / 3]
CHORDS_THETA = [SKILLS[3], SKILLS[5], SKILLS[5], SKILLS[5], SKILLS[0]]


def layer(
    name: str, r: list, theta: list, text: list, colour: str, dash: str = "solid"
) -> go.Scatterpolar:
    return go.Scatterpolar(
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


@st.cache_resource(show_spinner=False)
def radar() -> go.Figure:
    you = ["3 of 5" if r == 3 else "4 of 5" for r in YOU_R]
    previous = [f"combined {r:.1f} of 5" for r in PREVIOUS_R]
    fig = go.Figure(
        [
            layer("You", YOU_R, ROUND, you, BLUE),
            layer("Interviewer", INTERVIEWER_R, INTERVIEWER_THETA, INTERVIEWER_TEXT, VERMILLION),
            go.Scatterpolar(
                r=CHORDS_R,
                theta=CHORDS_THETA,
                name="Interviewer: over skills without a value",
                legendgroup="Interviewer",
                showlegend=False,
                mode="lines",
                line={"color": VERMILLION, "width": 1.5, "dash": "dot"},
                connectgaps=False,
                hoverinfo="skip",
            ),
            layer(PREVIOUS, PREVIOUS_R, ROUND, previous, BLUISH_GREEN, "dash"),
        ]
    )
    fig.update_layout(
        polar={
            "bgcolor": "rgba(0, 0, 0, 0)",
            "radialaxis": {"range": [0, 5], "tickvals": [1, 2, 3, 4, 5], "angle": 90,
                           "tickangle": 90, "gridcolor": GRID, "linecolor": GRID},
            "angularaxis": {"direction": "clockwise", "rotation": 90, "gridcolor": GRID,
                            "linecolor": GRID, "categoryorder": "array", "categoryarray": SKILLS,
                            "tickmode": "array", "tickvals": SKILLS, "ticktext": LABELS,
                            "tickfont": {"size": 13}},
        },
        legend={"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "x": 0.5,
                "xanchor": "center"},
        margin={"l": 84, "r": 84, "t": 48, "b": 104},
        height=580,
        showlegend=True,
        dragmode=False,
    )  # fmt: skip
    return fig


if __name__ == "__main__":  # as Streamlit runs it; ``run.py`` imports it to check the traces
    st.set_page_config(page_title="Plain radar", layout="wide")
    st.title("Results", anchor=False)
    st.plotly_chart(
        radar(),
        width="stretch",
        key="radar",
        config={"displayModeBar": False, "displaylogo": False},
    )
