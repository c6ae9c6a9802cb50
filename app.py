"""Rebound: the router. Every page stands on its own through ``ui.page``."""

import streamlit as st

st.navigation(
    [
        st.Page("pages/home.py", title="Home", icon=":material/home:", default=True),
        st.Page("pages/reflect.py", title="Reflect", icon=":material/edit_note:"),
        st.Page("pages/feedback.py", title="Interviewer feedback", icon=":material/forum:"),
        st.Page("pages/results.py", title="Results", icon=":material/radar:"),
        st.Page("pages/next_steps.py", title="Next steps", icon=":material/checklist:"),
        st.Page("pages/history.py", title="History", icon=":material/history:"),
        st.Page("pages/progress.py", title="Progress", icon=":material/trending_up:"),
        st.Page("pages/data.py", title="Your data", icon=":material/save:"),
    ]
).run()
