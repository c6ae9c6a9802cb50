"""Rebound's logic: plain Python, no Streamlit. Pages call into it; tests check it directly."""
