"""What the pages show, built without Streamlit: the Results page's tables and sentences
(``report``), the radar (``figures``), the History table (``history``) and the Progress
aggregates and charts (``progress``). A page renders these; tests check them directly."""
