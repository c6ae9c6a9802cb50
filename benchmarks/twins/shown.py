"""What the app's pages showed for the example set (``data.json``, written by ``capture.py``)."""

import json
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

SHOWN = json.loads((Path(__file__).resolve().parent / "data.json").read_text())
CHART_CONFIG = {"displayModeBar": False, "displaylogo": False}
TEXT = "Constant text standing in for what the app writes here, about as long as its own."


@st.cache_resource(show_spinner=False)
def figure(page: str, i: int) -> go.Figure:
    """The ``i``-th plotly figure the app drew on ``page``, built again with plain plotly, once
    per server (the app keeps its figures built once per change of the data)."""
    return go.Figure(SHOWN[page]["charts"][i])


def table(page: str, i: int) -> list[dict]:
    return SHOWN[page]["tables"][i]
