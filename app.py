"""Rebound: the router. Every page stands on its own through ``ui.page``, which also draws
the sidebar links (so the navigation here is hidden)."""

import streamlit as st

st.navigation(
    [
        st.Page("pages/home.py", title="Home", default=True),
        st.Page("pages/reflect.py", title="Reflect"),
        st.Page("pages/feedback.py", title="Interviewer feedback"),
        st.Page("pages/results.py", title="Results"),
        st.Page("pages/next_steps.py", title="Next steps"),
        st.Page("pages/history.py", title="History"),
        st.Page("pages/progress.py", title="Progress"),
        st.Page("pages/data.py", title="Your data"),
    ],
    position="hidden",
).run()
