import streamlit as st

import ui
from assessment import examples, scoring, storage
from assessment.plan.layout import step_view
from assessment.views import report

ctx = ui.page("Home")
ui.show_flash()

st.title("Rebound")
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
    st.subheader("Start here")
    st.write(
        "You have no reflections yet. Start with the interview that just ended, or load "
        "an example to look around first."
    )
    col1, col2 = st.columns(2)
    with col1:
        ui.link("reflect", "Start your first reflection", None, icon=":material/edit_note:")
    with col2:
        if st.button("Load example data", key="load_examples", type="primary"):
            with ui.writing():
                count = examples.load_examples(ctx.db, ctx.owner)
                ui.flash(f"Loaded {count} example rejections. Explore them, then add your own.")
                st.rerun()
else:
    rejection = storage.get_rejection(ctx.db, latest_id, ctx.owner)
    assessment = scoring.assessment_of(rejection)
    st.subheader("Your latest rejection")
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

    st.subheader("What to do next")
    plan = [s for s in ui.plan(ctx, latest_id) if s.status != "done"]
    if plan:
        first = step_view(plan[0], ui.today(), rejection)
        with st.container(border=True):
            st.markdown(f"**{first.strategy}**")
            st.text(first.title)
            st.text(first.why)
    else:
        st.write("Every step of this plan is done. Well done — look after yourself today.")
    links = st.columns(4)
    with links[0]:
        ui.link("next_steps", "See all next steps", latest_id, icon=":material/checklist:")
    with links[1]:
        ui.link("results", "See your results", latest_id, icon=":material/radar:")
    with links[2]:
        ui.link("feedback", "Record feedback", latest_id, icon=":material/forum:")
    with links[3]:
        ui.link("reflect", "Log another rejection", None, icon=":material/edit_note:")
