"""The History page's table: one page of rejections, newest first."""

from __future__ import annotations

import math

import pandas as pd  # sqlite-utils loads it anyway

from assessment.names import EXAMPLE_BADGE
from assessment.skills import FEEDBACK_STATUSES, STAGES

PAGE_SIZE = 50


def page_count(total: int, page_size: int = PAGE_SIZE) -> int:
    return max(1, math.ceil(total / page_size))


def history_table(rows: list[dict]) -> pd.DataFrame:
    """Rows of ``storage.list_rejections`` as the table people read; ``id`` kept hidden. A page
    that holds an example has an "Example" column first, saying which rows are."""
    frame = pd.DataFrame(
        [
            {
                "id": r["id"],
                "Company": r["company"],
                "Role": r["role"],
                "Stage": STAGES.get(r["stage"], r["stage"]),
                "Interviewed": r["interviewed_on"] or "",
                "Rejected": r["rejected_on"],
                "Mood (1-5)": "" if r["mood"] is None else str(r["mood"]),
                "Feedback": FEEDBACK_STATUSES.get(r["feedback_status"] or "not_requested", ""),
                "Average combined": "not rated" if r["average"] is None else f"{r['average']:.1f}",
            }
            for r in rows
        ],
        columns=[
            "id",
            "Company",
            "Role",
            "Stage",
            "Interviewed",
            "Rejected",
            "Mood (1-5)",
            "Feedback",
            "Average combined",
        ],
    )
    if any(r.get("example") for r in rows):
        badges = [EXAMPLE_BADGE if r.get("example") else "" for r in rows]
        frame.insert(1, EXAMPLE_BADGE, badges)
    return frame
