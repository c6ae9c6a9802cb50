import streamlit as st

import ui
from assessment import examples, scoring, storage
from assessment.plan.layout import step_view
from assessment.views import report

ctx = ui.page("Home")
ui.show_flash()

st.title("Rebound", anchor=False)
st.write(
    "A “no” after an interview stings. Rebound helps you turn it into a plan: "
    "reflect while it is fresh, set your view beside the interviewer's, and leave with "
    "a few concrete things to do today. Everything stays on this computer."
)

steps = st.columns(4)
steps[0].markdown("**1. Reflect**  \nWhat went well, what you'd change, how you rate yourself.")
steps[1].markdown("**2. Feedback**  \nWhat the interviewer said, or a polite way to ask.")
steps[2].markdown("**3. Results**  \nYour skills on a radar: your view and theirs.")
steps[3].markdown("**4. Next steps**  \nMessages to send, things to practise, reminders.")

st.divider()

latest_id = storage.latest_rejection_id(ctx.db, ctx.owner)
if latest_id is None:
    st.subheader("Start here", anchor=False)
    st.write(
        "You have no reflections yet. Start with the interview that just ended, or load "
        "an example to look around first."
    )
    col1, col2 = st.columns(2)
    with col1:
        if st.button(
            "Start your first reflection",
            key="start_reflection",
            type="primary",
            icon=":material/edit_note:",
        ):
            ui.go("reflect", None)
    with col2:
        if st.button("Load example data", key="load_examples", icon=":material/science:"):
            with ui.writing():
                added = examples.load_examples(ctx.db, ctx.owner)
                ui.flash(examples.loaded_message(added))
                st.rerun()
    st.caption(
        "The examples are marked Example everywhere, never count in your own patterns or "
        "progress, and can be removed in one go on Your data."
    )
else:
    rejection = storage.get_rejection(ctx.db, latest_id, ctx.owner)
    assessment = scoring.assessment_of(rejection)
    st.subheader(
        "Your latest rejection" if not rejection.example else "An example rejection", anchor=False
    )
    if rejection.example:
        ui.example_badge()
    elif storage.count_examples(ctx.db, ctx.owner):
        st.caption(
            "The example rejections are loaded too. They are marked Example and never count "
            "in your own patterns, progress or backup; remove them on Your data."
        )
    st.text(
        f"{rejection.company} · {rejection.role} · rejected on {rejection.rejected_on:%d %b %Y}"
    )
    summary = (
        ("Top strength", report.top_strength(assessment) or "Not rated yet"),
        ("Top area to work on", report.top_area(assessment) or "Nothing stands out"),
        ("Average combined score", report.average_text(assessment)),
    )
    for col, (label, value) in zip(st.columns(3), summary, strict=True):
        with col, st.container(border=True):
            st.caption(label)
            st.markdown(f"**{value}**")

    st.subheader("What to do next", anchor=False)
    plan = [s for s in ui.plan(ctx, latest_id) if s.status != "done"]
    if plan:
        first = step_view(plan[0], ui.today(), rejection)
        with st.container(border=True):
            st.markdown(f"**{first.strategy}**")
            st.text(first.title)
            st.text(first.why)
    else:
        st.write("Every step of this plan is done. Well done — look after yourself today.")
    following = report.next_page(rejection)
    if st.button(following.label, key="home_next", type="primary", icon=following.icon):
        ui.go(following.page, latest_id)
    others = [link for link in (report.SEE_NEXT_STEPS, report.SEE_RESULTS) if link != following]
    links = st.columns(len(others) + 1)
    for col, link in zip(links, others, strict=False):
        with col:
            ui.link(link.page, link.label, latest_id, icon=link.icon)
    with links[-1]:
        ui.link("reflect", "Log another rejection", None, icon=":material/edit_note:")
