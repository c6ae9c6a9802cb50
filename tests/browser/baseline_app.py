"""A bare Streamlit app with a plotly radar: the accessibility baseline.

Nothing of Rebound here (no theme, no helpers, no text of ours beyond fixed labels), only the
kinds of Streamlit elements the pages use, so an axe violation that shows up on this page comes
from Streamlit or plotly themselves. The browser tests run it from an empty folder so the
project's ``.streamlit/config.toml`` (theme) does not apply.
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
    st.caption("A caption under the chart.")
    st.dataframe({"Axis": AXES, "Value": [3, 4, 2, 5, 3, 4, 2, 3]}, hide_index=True)
    st.subheader("Widgets")
    st.selectbox("Choose one", ["First", "Second"], key="choice", help="Some help.")
    col1, col2, col3 = st.columns(3)
    col1.metric("A metric", "3.5")
    col2.metric("Another metric", "Not rated yet")
    with col3:
        st.page_link(other_page_link, label="A link to the other page")
    st.progress(0.4, text="Step 2 of 5")
    with st.form("form"):
        st.text_input("A text", key="text")
        st.text_area("A longer text", key="area", placeholder="Type here.")
        st.radio("A rating", [1, 2, 3, 4, 5], horizontal=True, key="radio", index=None)
        st.date_input("A date", key="date", format="YYYY-MM-DD")
        st.multiselect("Some choices", ["One", "Two", "Three"], key="multi")
        st.form_submit_button("Submit", type="primary")
    with st.container(border=True):
        st.markdown("**In a box**")
        st.text("Plain text.")
        st.code("Some code to copy.", language=None, wrap_lines=True)
    st.info("Information.")
    st.success("Success.")
    st.warning("A warning.")
    st.error("An error.")
    st.divider()
    st.number_input("A number", min_value=1, max_value=3, value=1, key="number")
    st.checkbox("A checkbox", key="check")
    with st.expander("More"):
        st.write("Hidden text.")
    st.file_uploader("A file", key="upload")
    st.download_button("Download a file", data="text", file_name="a.txt", key="download")
    st.button("A button", key="button")


def other_page() -> None:
    st.title("Other")
    st.write("A second page, so that the sidebar navigation shows.")


other_page_link = st.Page(other_page, title="Other", icon=":material/home:")
# Sections and icons, as Rebound's sidebar has them, so that what Streamlit's own navigation
# markup shows is known; an emoji favicon, as Rebound sets one (a Material favicon would be
# fetched from a font server).
st.set_page_config(page_icon="🌱")
st.navigation(
    {
        "": [st.Page(radar_page, title="Radar", default=True, icon=":material/radar:")],
        "More": [other_page_link],
    }
).run()
