"""The plan of one rejection: strategies and their steps, texts, messages, patterns, and the
plan's files (Markdown, calendar). ``strategies.TABLE`` orders and builds the steps;
``steps.build_plan`` is the plan; ``layout.step_view`` lays out one step for every renderer.
"""
