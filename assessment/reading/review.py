"""The Feedback page's review of what was read: rows the user confirms, changes or drops.

A row is a plain dict (``keep``, ``quote``, ``cue``, ``reads_as``, ``polarity``,
``intensity``), the
shape the page's table editor shows. Labels are ours; the quote is the user's text and is shown
as text only. Scorecard lines ("Communication: Strong yes") are rows of their own (``line``,
``note``, ``skill``, ``rating``), a proposed interviewer rating each, kept, changed or dropped
the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

from assessment.models import Finding
from assessment.reading.reader import read_feedback, suggested_ratings
from assessment.reading.scorecard import ScorecardLine, read_scorecard
from assessment.reading.scorecard import prose as scorecard_prose
from assessment.skills import FIT_FACTOR_KEYS, FIT_FACTOR_SHORT, INTERVIEWER_SCALE, SKILL_NAMES

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


# ---- scorecard lines: proposed ratings to keep, change or drop -------------------------------

NOT_ASSESSED_LABEL = "Not assessed"
RATING_LABELS: dict[int, str] = dict(INTERVIEWER_SCALE)
RATING_OPTIONS: list[str] = [*RATING_LABELS.values(), NOT_ASSESSED_LABEL]
_LABEL_TO_RATING: dict[str, int] = {v: k for k, v in RATING_LABELS.items()}
SKILL_OPTIONS: list[str] = list(SKILL_NAMES.values())
_SKILL_LABEL_TO_KEY: dict[str, str] = {v: k for k, v in SKILL_NAMES.items()}
CARD_ROW_FIELDS = frozenset({"keep", "line", "note", "skill", "rating"})


def _card_note(line: ScorecardLine) -> str:
    """How a line was read, as a sentence: "Read as Concern (2 of 5)."; the reader's own
    note where it explains more (a middle value, an overall verdict)."""
    if line.key is None or line.rating is None or ":" in line.note:
        return line.note[:1].upper() + line.note[1:] + "."
    return f"Read as {RATING_LABELS[line.rating]} ({line.note})."


def card_rows(lines: Iterable[ScorecardLine]) -> list[dict]:
    """One row per scorecard line: skill lines kept, with their proposed rating; an overall
    verdict (``skill`` None) is shown and never becomes a rating."""
    return [
        {
            "keep": line.key is not None,
            "line": line.line,
            "note": _card_note(line),
            "skill": SKILL_NAMES.get(line.key) if line.key else None,
            "rating": RATING_LABELS.get(line.rating, NOT_ASSESSED_LABEL),
        }
        for line in lines
    ]


def card_ratings(rows: Iterable[dict]) -> dict[str, int | None]:
    """The ratings of the kept skill rows (the first row for a skill wins)."""
    out: dict[str, int | None] = {}
    for row in rows:
        key = _SKILL_LABEL_TO_KEY.get(row.get("skill") or "")
        if not row.get("keep") or key is None or key in out:
            continue
        out[key] = _LABEL_TO_RATING.get(row.get("rating") or "")
    return out


def card_findings(rows: Iterable[dict]) -> list[Finding]:
    """The kept rows with a rating, as findings quoting their line: the interviewer's own
    words, which the plan cites like any other finding (3–4 a strength, 1–2 a concern)."""
    out = []
    for row in rows:
        key = _SKILL_LABEL_TO_KEY.get(row.get("skill") or "")
        rating = _LABEL_TO_RATING.get(row.get("rating") or "")
        if not row.get("keep") or key is None or rating is None:
            continue
        out.append(Finding(key=key, polarity=1 if rating >= 3 else -1, quote=str(row["line"])))
    return out


def proposed_ratings(findings: Iterable[Finding], rows: Iterable[dict]) -> dict[str, int]:
    """The ratings to pre-fill: those the findings suggest, and over them the scorecard's
    (a line that rates a skill is the interviewer's own rating; "not assessed" proposes none)."""
    ratings = suggested_ratings(list(findings))
    ratings.update({k: v for k, v in card_ratings(rows).items() if v is not None})
    return ratings


def read_notes(text: str) -> tuple[list[Finding], list[dict]]:
    """Pasted feedback, notes or a scorecard: the findings of its sentences and the rows of
    its scorecard lines (a scorecard line is read once, as a line, not again as a sentence)."""
    rows = card_rows(read_scorecard(text))
    findings = read_feedback(scorecard_prose(text)) if rows else read_feedback(text)
    return findings, rows
