"""Twin of History: the count and the selectable table of rejections."""

import streamlit as st
from shown import table

st.set_page_config(page_title="History · Twin", layout="wide")
st.title("History", anchor=False)
st.write("3 rejections, newest first. Choose a row to open it, or to delete it.")
event = st.dataframe(
    table("history", 0),
    hide_index=True,
    width="stretch",
    on_select="rerun",
    selection_mode="single-row",
    key="history_table",
    column_config={"id": None},
)
st.caption("Select a row (the box at its left) to open or delete it.")
