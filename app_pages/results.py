import streamlit as st

import ui
from assessment import scoring
from assessment.views import figures, report

ctx = ui.page("Results")
ui.show_flash()

st.title("Results", anchor=False)
rejection_id = ui.choose_rejection(ctx)
if rejection_id is None:
    ui.empty_state("Your results appear here once you have reflected on a rejection.")
    st.stop()

# read and built once per change of the data: plotly's figure validation is most of a rerun
view = ui.query(ctx, report.results_view, rejection_id, ctx.owner)
rejection, current = view.rejection, view.current

if report.rated_count(current) == 0:
    st.info(
        "No skill is rated yet for this rejection. Rate yourself on the Reflect page, or "
        "record the interviewer's view on the Feedback page."
    )
    col1, col2 = st.columns(2)
    with col1:
        ui.link("reflect", "Rate yourself", rejection_id, icon=":material/edit_note:")
    with col2:
        ui.link("feedback", "Record feedback", rejection_id, icon=":material/forum:")
    st.stop()

st.subheader("Your view and the interviewer's", anchor=False)
with st.container():
    st.plotly_chart(view.radar, width="stretch", key="radar", config=figures.CHART_CONFIG)
    st.caption(report.radar_caption(current, view.has_previous))
with st.container():
    st.dataframe(view.table, hide_index=True, width="stretch", key="skills")
    st.caption(f"Average combined score: {report.average_text(current)}.")
    if rejection.feedback.status != "received" and not any(
        s.interviewer_rating for s in current.skills
    ):
        st.caption("No interviewer ratings yet: the chart shows your own view only.")
        ui.link(
            "feedback", "Record the interviewer's feedback", rejection_id, icon=":material/forum:"
        )

col1, col2 = st.columns(2)
with col1:
    st.subheader("Strengths", anchor=False)
    if not current.strengths:
        st.write("No clear strength yet: rate more skills to see where you stand out.")
    for item in current.strengths:
        st.markdown(f"**{item.name}**")
        st.text(item.reason)
with col2:
    st.subheader("Areas to work on", anchor=False)
    if not current.weaknesses:
        st.write("Nothing stands out as weak in what was rated. Keep going.")
    for item in current.weaknesses:
        st.markdown(f"**{item.name}**")
        st.text(item.reason)
        if item.said:
            st.text(scoring.reason_line(item))

st.subheader("Calibration: how your view compares", anchor=False)
groups = report.quadrant_groups(current)
if not any(groups.values()):
    st.write(
        "Calibration needs the interviewer's view of a skill: a rating, or a finding you kept "
        "on the Feedback page. Once they have one, each skill lands in one of four groups here."
    )
else:
    cols = st.columns(4)
    for col, quadrant in zip(cols, report.QUADRANT_ORDER, strict=True):
        with col, st.container(border=True):
            st.markdown(f"**{report.QUADRANTS[quadrant]}**")
            st.caption(report.quadrant_sentence(quadrant))
            if groups[quadrant]:
                for name in groups[quadrant]:
                    st.markdown(f"- {name}")
            else:
                st.write("None this time.")
if report.not_rated_names(current):
    st.caption(report.not_rated_sentence(current))

st.subheader("Outside your control", anchor=False)
lines = report.fit_factor_lines(rejection)
if lines or rejection.reason_given or rejection.reflection.outside_control:
    st.write("Some of this was never about how you performed:")
    for line in lines:
        st.markdown(f"- {line}")
    if rejection.reason_given:
        st.caption("The reason they gave")
        st.text(rejection.reason_given)
    if rejection.reflection.outside_control:
        st.caption("What you noted as outside your control")
        st.text(rejection.reflection.outside_control)
else:
    st.write(
        "Nothing is recorded as outside your control for this one. If timing, budget or "
        "another candidate played a part, add it on the Reflect or Feedback page."
    )

st.divider()
links = st.columns(3)
with links[0]:
    ui.link("next_steps", "See your next steps", rejection_id, icon=":material/checklist:")
with links[1]:
    ui.link("reflect", "Edit this reflection", rejection_id, icon=":material/edit_note:")
with links[2]:
    ui.link("feedback", "Edit the feedback", rejection_id, icon=":material/forum:")
