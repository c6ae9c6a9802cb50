"""Rebound: the router. Every page stands on its own through ``ui.page``."""

import streamlit as st

st.navigation(
    [
        st.Page("pages/home.py", title="Home", icon="🏠", default=True),
        st.Page("pages/reflect.py", title="Reflect", icon="✍️"),
        st.Page("pages/feedback.py", title="Interviewer feedback", icon="💬"),
        st.Page("pages/results.py", title="Results", icon="🧭"),
        st.Page("pages/next_steps.py", title="Next steps", icon="✅"),
        st.Page("pages/history.py", title="History", icon="🗂️"),
        st.Page("pages/progress.py", title="Progress", icon="📈"),
        st.Page("pages/data.py", title="Your data", icon="💾"),
    ]
).run()
