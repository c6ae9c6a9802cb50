"""The floor: a bare Streamlit page that draws the Results radar from constant data.

The same figure builder and the same ``st.plotly_chart`` call as Results, and nothing else of
Rebound (no database, no session state, no helpers), so a page's rerun time divided by this
one is what Rebound adds on top of Streamlit and plotly.
"""

import streamlit as st

from assessment.scoring import assess
from assessment.views.figures import radar_figure

SELF = {
    "communication": 3,
    "role_knowledge": 2,
    "problem_solving": 4,
    "evidence": 2,
    "preparation": 4,
    "collaboration": 3,
    "motivation": 4,
    "composure": 3,
}
INTERVIEWER = {"communication": 3, "role_knowledge": 1, "problem_solving": 4, "evidence": 2}
PREVIOUS = {key: 3 for key in SELF}

st.set_page_config(page_title="Baseline", layout="wide")
st.title("Baseline")
st.plotly_chart(
    radar_figure(assess(SELF, INTERVIEWER), assess(PREVIOUS, {})),
    width="stretch",
    key="radar",
    config={"displaylogo": False},
)
