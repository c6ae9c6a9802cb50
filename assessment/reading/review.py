"""The Feedback page's review of findings: rows the user confirms, changes or drops.

A row is a plain dict (``keep``, ``quote``, ``cue``, ``reads_as``, ``polarity``,
``intensity``), the
shape the page's table editor shows. Labels are ours; the quote is the user's text and is shown
as text only.
"""

from __future__ import annotations

from collections.abc import Iterable

from assessment.models import Finding
from assessment.skills import FIT_FACTOR_KEYS, FIT_FACTOR_SHORT, SKILL_NAMES

POLARITY_LABELS: dict[int, str] = {1: "Strength", -1: "Concern", 0: "Outside your control"}
_LABEL_TO_POLARITY: dict[str, int] = {v: k for k, v in POLARITY_LABELS.items()}
_KEY_LABELS: dict[str, str] = {**SKILL_NAMES, **FIT_FACTOR_SHORT}
_LABEL_TO_KEY: dict[str, str] = {v: k for k, v in _KEY_LABELS.items()}
READS_AS_OPTIONS: list[str] = list(_KEY_LABELS.values())


def finding_rows(findings: Iterable[Finding]) -> list[dict]:
    """One kept row per finding the page can label, in the findings' order."""
    return [
        {
            "keep": True,
            "quote": f.quote,
            "cue": f.cue,
            "reads_as": _KEY_LABELS[f.key],
            "polarity": POLARITY_LABELS[f.polarity],
            "intensity": f.intensity,
        }
        for f in findings
        if f.key in _KEY_LABELS and f.polarity in POLARITY_LABELS
    ]


def confirmed_findings(rows: Iterable[dict]) -> list[Finding]:
    """The kept rows as findings. A fit factor always has polarity 0 and a skill never does
    (a skill marked "outside your control" is read as a concern)."""
    out = []
    for row in rows:
        if not row.get("keep"):
            continue
        key = _LABEL_TO_KEY.get(row.get("reads_as") or "")
        if key is None:
            continue
        polarity = _LABEL_TO_POLARITY.get(row.get("polarity") or "", -1)
        if key in FIT_FACTOR_KEYS:
            polarity = 0
        elif polarity == 0:
            polarity = -1
        out.append(
            Finding(
                key=key,
                polarity=polarity,
                quote=str(row.get("quote") or ""),
                intensity=str(row.get("intensity") or ""),
            )
        )
    return out
