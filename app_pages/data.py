import datetime as dt

import streamlit as st

import ui
from assessment import backup, erase, examples, storage

ctx = ui.page("Your data")
ui.show_flash()
st.title("Your data", anchor=False)
st.write(
    "Everything you write in Rebound stays in one file on this computer. Take a copy, bring "
    "one back, or delete it: it is yours."
)
st.caption("Your database file:")
st.code(str(ctx.db_path), language=None)
if ctx.owner == storage.LOCAL_OWNER and not ui.served_to_this_account_only():
    st.info(ui.SHARED_PORT_WARNING, icon=":material/lock_open:")

count = storage.count_rejections(ctx.db, ctx.owner)
example_count = storage.count_examples(ctx.db, ctx.owner)
own = count - example_count
today = dt.date.today().isoformat()

# ---- back up ---------------------------------------------------------------------------
st.header("Back up", anchor=False)
if own == 0:
    st.info(
        "Nothing to back up yet: there are no rejections of your own."
        + (" The example rejections are never part of a backup." if example_count else "")
    )
else:
    st.write(
        f"{own:,} {'rejection' if own == 1 else 'rejections'} of your own. The JSON backup "
        "holds everything you wrote, your practice too (stories, drills and re-ratings), and "
        "can be imported again here or with "
        "`python -m assessment import`. The CSV has one row per rejection and skill (your "
        "rating, the interviewer's and the combined score), for a spreadsheet."
        + (
            " The example rejections are left out of both: they are not yours, and you can "
            "load them again any time."
            if example_count
            else ""
        )
    )
    db, owner = ctx.db, ctx.owner
    cols = st.columns(2)
    cols[0].download_button(
        "Download backup (JSON)",
        data=lambda: backup.dumps_backup(backup.export_backup(db, owner)),
        file_name=f"rebound-backup-{today}.json",
        mime="application/json",
        key="download_json",
        icon=":material/download:",
        on_click="ignore",
    )
    cols[1].download_button(
        "Download rejections and scores (CSV)",
        data=lambda: backup.export_csv(db, owner),
        file_name=f"rebound-rejections-{today}.csv",
        mime="text/csv",
        key="download_csv",
        icon=":material/table:",
        on_click="ignore",
    )

# ---- import ----------------------------------------------------------------------------
st.header("Import a backup", anchor=False)
st.write(
    "Choose a Rebound backup (.json). You will see what it holds before anything is written; "
    "rejections you already have are skipped, never doubled."
)
round_ = st.session_state.setdefault("import_round", 0)
uploaded = st.file_uploader("Backup file", type=["json"], key=f"import_file_{round_}")


def _parsed(file) -> tuple[list | None, str | None]:
    """Parse once per uploaded file (a large backup takes a moment)."""
    cached = st.session_state.get("import_parsed")
    if cached and cached[0] == file.file_id:
        return cached[1], cached[2]
    try:
        result = (backup.parse_backup(file.getvalue()), None)
    except backup.BackupError as exc:  # the size limit too: parse_backup is the one check
        result = (None, exc.message)
    st.session_state["import_parsed"] = (file.file_id, *result)
    return result


if uploaded is not None:
    rejections, problem = _parsed(uploaded)
    if problem:
        st.error("This file cannot be imported, and nothing was changed. What is wrong:")
        st.code(problem, language=None, wrap_lines=True)
    else:
        preview = backup.preview_import(ctx.db, rejections, ctx.owner)
        metrics = st.columns(3)
        metrics[0].metric("Rejections in the file", f"{preview.count:,}")
        metrics[1].metric("New", f"{preview.new:,}")
        metrics[2].metric("Already here (will be skipped)", f"{len(preview.existing):,}")
        if preview.first:
            st.write(f"Rejected between {preview.first:%d %b %Y} and {preview.last:%d %b %Y}.")
        practice = backup.practice_in_file(preview)
        if practice:
            st.write(practice)
        if preview.existing_labels:
            st.caption("Already here:")
            st.dataframe(
                {"Rejection": list(preview.existing_labels[:500])},
                width="stretch",
                hide_index=True,
                key="import_existing",
            )
            if len(preview.existing_labels) > 500:
                st.caption(f"The first 500 of {len(preview.existing_labels):,}.")
        if st.button(
            backup.import_label(preview),
            key="import_go",
            type="primary",
            disabled=preview.new == 0 and not practice,
        ):
            bar = st.progress(0.0, text="Importing…")

            def _show(done: int, total: int) -> None:
                bar.progress(done / total, text=f"Imported {done:,} of {total:,}")

            with ui.writing():
                result = backup.import_rejections(ctx.db, rejections, ctx.owner, progress=_show)
                st.session_state["import_round"] = round_ + 1
                st.session_state.pop("import_parsed", None)
                ui.flash(backup.imported_message(result))
                st.rerun()
            bar.empty()

# ---- example data ----------------------------------------------------------------------
st.header("Example data", anchor=False)
st.write(
    "Three example rejections over about two months, to look around with. They are marked "
    "Example wherever they appear, never count in your own patterns, progress or averages, "
    "are not in your backup, and loading them leaves your own rejections as they are."
)
if example_count == 0:
    if st.button("Load example data", key="data_load_examples", icon=":material/science:"):
        with ui.writing():
            ui.flash(examples.loaded_message(examples.load_examples(ctx.db, ctx.owner)))
            st.rerun()
else:
    st.write(
        f"{example_count} example {'rejection is' if example_count == 1 else 'rejections are'} "
        "loaded."
    )


def _close_examples() -> None:
    st.session_state["examples_remove_open"] = False


@st.dialog("Remove the example data?", on_dismiss=_close_examples)
def _remove_examples_dialog() -> None:
    st.write(
        f"This removes the {example_count} example "
        f"{'rejection' if example_count == 1 else 'rejections'} with their feedback and "
        "plans. Your own rejections stay exactly as they are."
    )
    cols = st.columns(2)
    if cols[0].button("Remove the examples", key="examples_remove_go", type="primary"):
        with ui.writing():
            removed = erase.delete_examples(ctx.db, ctx.owner)
            _close_examples()
            st.query_params.pop("rejection", None)
            ui.flash(
                f"Removed {removed} example {'rejection' if removed == 1 else 'rejections'}. "
                "Your own data is as it was."
            )
            st.rerun()
    if cols[1].button("Keep them", key="examples_remove_cancel"):
        _close_examples()
        st.rerun()


if example_count:
    if st.button("Remove the example data…", key="examples_remove", icon=":material/delete:"):
        st.session_state["examples_remove_open"] = True
    if st.session_state.get("examples_remove_open"):
        _remove_examples_dialog()

# ---- delete ----------------------------------------------------------------------------
st.header("Delete", anchor=False)
if count:
    st.subheader("One rejection", anchor=False)
    chosen = ui.choose_rejection(ctx, key="delete_choose")
    sure = st.checkbox("Delete it with its reflection, feedback and actions", key="delete_one_sure")
    if st.button("Delete this rejection", key="delete_one", disabled=not sure):
        with ui.writing():
            storage.delete_rejection(ctx.db, chosen, ctx.owner)
            st.query_params.pop("rejection", None)
            ui.flash("The rejection was deleted.")
            st.rerun()

st.subheader("Everything", anchor=False)
st.write(
    "Deletes every rejection with its reflection, feedback and actions, your practice "
    "(stories, drills and re-ratings), and the copies the app keeps from before each update "
    "of its file, and wipes the deleted text from the database file. This cannot be undone; download a backup first if you may want it back."
)


def _close_erase() -> None:
    st.session_state["erase_open"] = False


@st.dialog("Delete everything?", on_dismiss=_close_erase)
def _erase_dialog() -> None:
    st.write("Type DELETE (in capitals) to delete all your data. This cannot be undone.")
    typed = st.text_input("Confirmation", key="erase_confirm", placeholder="DELETE")
    cols = st.columns(2)
    if cols[0].button("Delete everything", key="erase_go", type="primary"):
        if typed == "DELETE":
            with ui.writing():
                erase.delete_everything(ctx.db, ctx.owner, ctx.db_path)
                st.session_state["erase_open"] = False
                st.session_state.pop("erase_confirm", None)
                st.query_params.pop("rejection", None)
                ui.flash("Everything was deleted. Rebound is empty again.")
                st.rerun()
        else:
            st.error("Type DELETE in capitals to confirm. Nothing was deleted.")
    if cols[1].button("Cancel", key="erase_cancel"):
        _close_erase()
        st.rerun()


if st.button("Delete everything…", key="erase_open_button"):
    st.session_state["erase_open"] = True
if st.session_state.get("erase_open"):
    _erase_dialog()
