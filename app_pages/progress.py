import datetime as dt

import streamlit as st

import ui
from assessment import validation
from assessment.plan import patterns
from assessment.plan.texts import PATTERN_NAMES
from assessment.skills import SKILL_KEYS, SKILL_NAMES, STAGE_KEYS, STAGES
from assessment.views import figures, practice_progress, progress

ctx = ui.page("Progress")
ui.show_flash()
st.title("Progress", anchor=False)

bounds = ui.query(ctx, progress.date_bounds, ctx.owner)
showing_examples = False
if bounds is None:  # none of the user's own: the example set alone, never mixed with theirs
    bounds = ui.query(ctx, progress.date_bounds, ctx.owner, True)
    showing_examples = bounds is not None
    if showing_examples:
        ui.example_badge(progress.EXAMPLES_NOTE)
if bounds is None:
    ui.empty_state(
        "Your progress shows up here once you have reflected on a rejection or two: how your "
        "skills move over time, how you are feeling, and any pattern worth acting on."
    )
    st.stop()

TABLE_ROWS = 100


# The filters and everything they choose: a change of filter reruns this part alone (a
# fragment), not the page's Practice section below, which no filter changes.
@st.fragment
def _filtered() -> None:
    first, last = validation.picker_range("rejected_on", *bounds)
    with st.container(border=True):
        cols = st.columns([2, 2, 2])
        chosen_dates = cols[0].date_input(
            "Rejected between",
            value=bounds,
            min_value=first,
            max_value=max(last, dt.date.today() + dt.timedelta(days=366)),
            key="progress_dates",
        )
        chosen_stages = cols[1].multiselect(
            "Stage reached",
            STAGE_KEYS,
            format_func=STAGES.get,
            key="progress_stages",
            placeholder="All stages",
        )
        company = cols[2].text_input(
            "Company contains", key="progress_company", placeholder="All companies", max_chars=200
        )

    start, end = bounds
    if isinstance(chosen_dates, tuple | list) and len(chosen_dates) == 2:
        start, end = chosen_dates
    elif isinstance(chosen_dates, tuple | list) and len(chosen_dates) == 1:
        start = chosen_dates[0]
    filters = progress.Filters(
        start=start,
        end=end,
        stages=tuple(chosen_stages),
        company=company,
        examples=showing_examples,
    )

    shown = ui.query(ctx, progress.count, ctx.owner, filters)
    if shown == 0:
        st.info(
            "No rejection matches these filters. Widen the dates or clear the stage or company."
        )
        return

    gaps = ui.query(ctx, progress.gaps, ctx.owner, filters)
    metrics = st.columns(3)
    metrics[0].metric("Rejections shown", f"{shown:,}")
    metrics[1].metric(
        "Typical days between rejections",
        "-" if gaps.median_days is None else f"{gaps.median_days:.0f}",
        help="The median gap between one rejection and the next in this selection.",
    )
    metrics[2].metric(
        "Days since the one before the latest",
        "-" if gaps.latest_days is None else f"{gaps.latest_days}",
    )

    st.header("Patterns", anchor=False)
    needed = ui.query(ctx, patterns.rejections_needed, ctx.owner, filters)
    if needed:
        st.info(
            f"Patterns need at least {patterns.MIN_REJECTIONS} rejections; "
            f"{needed} more {'is' if needed == 1 else 'are'} needed before Rebound looks for one, "
            "so nothing is guessed yet."
        )
    else:
        found = ui.query(ctx, patterns.find_patterns, ctx.owner, filters)
        if not found:
            st.success(
                "No repeating pattern in these rejections: no concern, stage or score stall "
                "comes back three times."
            )
        for i, pattern in enumerate(found):
            with st.container(border=True, key=f"pattern_{i}"):
                st.markdown(f"**{PATTERN_NAMES[pattern.kind]}**")
                st.text(pattern.sentence)
        if found:
            ui.link(
                "next_steps",
                "See what to change in your next steps",
                None,
                icon=":material/checklist:",
            )

    st.header("Skills over time", anchor=False)
    trend = ui.query(ctx, progress.skill_trend, ctx.owner, filters)
    if trend.frame.empty:
        st.info("No skill has been rated in these rejections yet.")
    else:
        skills = st.multiselect(
            "Skills to show",
            SKILL_KEYS,
            format_func=SKILL_NAMES.get,
            key="progress_skills",
            placeholder="All skills",
        )
        if trend.summarised:
            st.caption(f"A long history: each point is the average of one {trend.by}.")
        ui.chart(
            ctx,
            ("skills_figure", filters, tuple(skills)),
            lambda: progress.skill_trend_figure(trend, skills),
            "chart_skills",
        )

    left, right = st.columns(2)
    with left:
        st.subheader("Mood and confidence", anchor=False)
        moods = ui.query(ctx, progress.mood_trend, ctx.owner, filters)
        if moods.frame.empty:
            st.info("No mood or confidence recorded in these rejections.")
        else:
            ui.chart(
                ctx, ("mood_figure", filters), lambda: progress.mood_figure(moods), "chart_mood"
            )
    with right:
        st.subheader("First and latest assessment", anchor=False)
        ends = ui.query(ctx, progress.first_and_latest, ctx.owner, filters)
        if ends is None:
            st.info("The radar needs two rated rejections in this selection.")
        else:
            ui.chart(
                ctx,
                ("first_latest_radar", filters),
                lambda: progress.first_latest_radar(*ends),
                "chart_radar",
            )

    left, right = st.columns(2)
    with left:
        st.subheader("Stages reached", anchor=False)
        stages = ui.query(ctx, progress.stages_reached, ctx.owner, filters)
        ui.chart(
            ctx, ("stages_figure", filters), lambda: progress.stages_figure(stages), "chart_stages"
        )
    with right:
        st.subheader("Skills that improved", anchor=False)
        change = ui.query(ctx, progress.skill_change, ctx.owner, filters)
        if change.empty:
            st.info("This needs at least two rated rejections in this selection.")
        else:
            st.caption(
                "The earlier half of these rejections compared with the later half (average "
                f"combined score; improved means up by {progress.IMPROVED_BY} or more)."
            )
            st.dataframe(
                ui.table(ctx, ("change_table", filters), lambda: progress.change_table(change)),
                width="stretch",
                hide_index=True,
                key="table_change",
            )

    st.header("Rejections in this selection", anchor=False)
    rows = ui.table(
        ctx,
        ("rejections_table", filters),
        lambda: progress.rejections_table(ctx.db, ctx.owner, filters, TABLE_ROWS),
    )
    if shown > TABLE_ROWS:
        st.caption(f"The latest {TABLE_ROWS} of {shown:,}; narrow the filters to see others.")
    st.dataframe(rows, width="stretch", hide_index=True, key="table_rejections")


_filtered()

st.header("Practice", anchor=False)
st.caption(
    "Your own practice and your own rejections, all of them: the filters above and the "
    "examples do not change this part."
)
practised = ui.query(ctx, practice_progress.practice_per_skill, ctx.owner)
if practised:
    st.subheader("What you practised", anchor=False)
    st.dataframe(
        practice_progress.practice_table(practised),
        width="stretch",
        hide_index=True,
        key="table_practice",
    )
else:
    st.info(practice_progress.NOTHING_PRACTISED)
    ui.link("practise", "Practise a skill", None, icon=":material/record_voice_over:")

st.subheader("Your rating and the interviewer's", anchor=False)
gaps_over_time = ui.query(ctx, practice_progress.convergence, ctx.owner)
if not gaps_over_time.enough:
    st.info(practice_progress.too_little_data(gaps_over_time.rated))
else:
    st.caption(
        "The gap is your rating minus the interviewer's (on the same 1 to 5 scale): above 0 you "
        "rated the skill higher than they did, below 0 lower; 0 is where you agree."
        + (
            f" A long history: each point is the average gap of one {gaps_over_time.by}."
            if gaps_over_time.by != "rejection"
            else ""
        )
    )
    if not gaps_over_time.frame.empty:
        ui.chart(
            ctx, ("gap_figure",), lambda: figures.gap_figure(gaps_over_time.frame), "chart_gaps"
        )
    for sentence in gaps_over_time.statements:
        st.text(sentence)

next_ones = ui.query(ctx, practice_progress.next_interviews, ctx.owner)
if next_ones:
    st.subheader("At the next interview", anchor=False)
    for outcome in next_ones:
        st.text(outcome.sentence)
