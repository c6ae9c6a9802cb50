import streamlit as st

import ui
from assessment import storage
from assessment.views import history

ctx = ui.page("History")
ui.show_flash()
state = st.session_state

st.title("History", anchor=False)
total = storage.count_rejections(ctx.db, ctx.owner)
if total == 0:
    ui.empty_state("Every rejection you log appears here, newest first.")
    st.stop()

pages = history.page_count(total)
st.write(
    f"{total} rejection{'s' if total != 1 else ''}, newest first. Choose a row to open it, "
    "or to delete it."
)
page_number = 1
if pages > 1:
    page_number = st.number_input(
        f"Page (of {pages})", min_value=1, max_value=pages, value=1, step=1, key="history_page"
    )
rows = storage.list_rejections(
    ctx.db, ctx.owner, limit=history.PAGE_SIZE, offset=(page_number - 1) * history.PAGE_SIZE
)
event = st.dataframe(
    history.history_table(rows),
    hide_index=True,
    width="stretch",
    on_select="rerun",
    selection_mode="single-row",
    # A new key after each delete: the table starts with no row selected, so "Delete this
    # rejection" is never armed on the row that moved up into the deleted one's place.
    key=f"history_table_{state.history_deletes}" if "history_deletes" in state else "history_table",
    column_config={"id": None},
)
selected = event.selection.rows if event else []
chosen = rows[selected[0]] if selected else None

if chosen is None:
    st.caption("Select a row (the box at its left) to open or delete it.")
else:
    st.text(f"Selected: {ui.rejection_label(chosen)}")
    col1, col2, col3 = st.columns(3)
    with col1:
        ui.link("results", "Open its results", chosen["id"], icon=":material/radar:")
    with col2:
        ui.link("reflect", "Edit its reflection", chosen["id"], icon=":material/edit_note:")
    with col3:
        if st.button("Delete this rejection", key="history_delete", icon=":material/delete:"):
            state.history_confirm_delete = chosen["id"]


@st.dialog("Delete this rejection?")
def confirm_delete(rejection_id: int) -> None:
    rejection = storage.get_rejection(ctx.db, rejection_id, ctx.owner)
    if rejection is None:
        state.pop("history_confirm_delete", None)
        st.rerun()
    st.text(f"{rejection.company} · {rejection.role} · {rejection.rejected_on}")
    st.write(
        "Its reflection, ratings, feedback and actions are deleted too. This cannot be undone "
        "(export a backup on the Your data page first if you want to keep a copy)."
    )
    col1, col2 = st.columns(2)
    if col1.button("Delete", type="primary", key="history_delete_confirm"):
        with ui.writing():
            storage.delete_rejection(ctx.db, rejection_id, ctx.owner)
            state.pop("history_confirm_delete", None)
            state.history_deletes = state.get("history_deletes", 0) + 1
            ui.flash("The rejection was deleted.")
            if st.query_params.get("rejection") == str(rejection_id):
                st.query_params.pop("rejection", None)
            st.rerun()
    if col2.button("Keep it", key="history_delete_cancel"):
        state.pop("history_confirm_delete", None)
        st.rerun()


if state.get("history_confirm_delete") is not None:
    confirm_delete(state.history_confirm_delete)
