"""A bare Streamlit app with a plotly radar: the accessibility baseline.

Nothing of Rebound here (no theme, no helpers, no text of ours beyond fixed labels), so an axe
violation that shows up on this page comes from Streamlit or plotly themselves. The browser
tests run it from an empty folder so the project's ``.streamlit/config.toml`` does not apply.
"""

import plotly.graph_objects as go
import streamlit as st

AXES = ["A", "B", "C", "D", "E", "F", "G", "H"]


def radar_page() -> None:
    st.title("Baseline")
    st.write("A radar chart with two traces and a legend.")
    fig = go.Figure()
    for name, values in (("One", [3, 4, 2, 5, 3, 4, 2, 3]), ("Two", [2, 3, 4, 3, 5, 2, 4, 3])):
        fig.add_trace(
            go.Scatterpolar(r=values + values[:1], theta=AXES + AXES[:1], name=name, fill="toself")
        )
    fig.update_layout(polar={"radialaxis": {"range": [0, 5]}}, showlegend=True)
    st.plotly_chart(fig, key="radar")
    st.dataframe({"Axis": AXES, "Value": [3, 4, 2, 5, 3, 4, 2, 3]}, hide_index=True)
    st.selectbox("Choose one", ["First", "Second"], key="choice")
    st.button("A button", key="button")


def other_page() -> None:
    st.title("Other")
    st.write("A second page, so that the sidebar navigation shows.")


st.navigation(
    [st.Page(radar_page, title="Radar", default=True), st.Page(other_page, title="Other")]
).run()
