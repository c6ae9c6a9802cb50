"""Scorecard lines: "Communication: Strong yes", "Problem solving – 3/4", "Technical skills:
2 out of 5", read into proposed interviewer ratings, offline.

Interview notes that come back (from a feedback request or an access request) often carry a
scorecard: one line per attribute, a name, a separator and a value. ``read_scorecard`` finds
those lines, maps the name onto one of the eight skills and the value onto the interviewer
scale through the data tables of ``assessment.reading.scorecard_table``, and returns each line
as a :class:`ScorecardLine` that quotes the line it came from. Like findings, nothing is applied
until the user keeps it. A line whose value is the middle of an odd scale ("Mixed", "3/5",
"Meets expectations") is returned with ``rating=None``: not assessed, since the interviewer
scale has no neutral point, unless the words after the value say more ("3/5 - weak on SQL"
is read by the feedback reader as a concern). An overall verdict ("Recommendation: No hire")
is returned with ``key=None``: shown, never a skill rating.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assessment.reading.reader import read_feedback
from assessment.reading.scorecard_table import (
    ATTRIBUTES,
    NUMERIC_SCALES,
    OVERALL,
    VALUE_WORDS,
)

CONCERN = 2
STRENGTH = 3
MAX_NAME_WORDS = 6
MAX_LINES = 400  # a scorecard is short; a longer paste is read for its first lines only

# "Name: value", "Name - value", "Name – value", "Name = value", "Name | value", or
# "Name (3/5)"; an optional bullet or number before the name.
_LINE = re.compile(
    r"^[ \t]*(?:[-*\u2022\u25cf\u25aa>]+|\d{1,2}[.)])?[ \t]*"
    r"(?P<name>[A-Za-z][A-Za-z&/'\u2019 -]{0,60}?)[ \t]*"
    r"(?:[:=|\u2013\u2014]|\s-\s|\(|\t)[ \t]*"
    r"(?P<value>[^\n]{1,200}?)[ \t)]*$"
)
# "3/4", "3 / 4", "3 out of 5", "4 of 5", "2/5 stars", "3 (of 4)".
_FRACTION = re.compile(r"^(?P<n>\d{1,2})(?:[.,]0)?\s*(?:/|out of|of|\(of)\s*(?P<m>\d{1,2})\b\)?")
_SPACES = re.compile(r"\s+")
_VALUE_WORD = re.compile(r"[a-z']+")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass(frozen=True)
class ScorecardLine:
    """One scorecard line read: the skill (None for an overall verdict), the proposed rating
    on the interviewer scale (None: not assessed), the line as written, and how it was read."""

    key: str | None
    rating: int | None
    line: str
    name: str
    value: str
    note: str


def _fold(text: str) -> str:
    text = text.lower().replace("&", " and ").replace("\u2019", "'")
    return _SPACES.sub(" ", _EDGE.sub("", text)).strip()


def attribute_key(name: str) -> str | None:
    """The skill a scorecard attribute names ("Technical depth" -> role_knowledge), or None."""
    folded = _fold(name)
    for candidate in (folded, re.sub(r" (skills?|abilit(y|ies)|competenc(y|ies))$", "", folded)):
        if candidate in ATTRIBUTES:
            return ATTRIBUTES[candidate]
    return None


def _is_overall(name: str) -> bool:
    return _fold(name) in OVERALL


def value_rating(value: str) -> tuple[bool, int | None, str]:
    """Read a value: (understood, rating, how). ``rating`` None with ``understood`` True is the
    middle of a scale (not assessed)."""
    text = _fold(value)
    fraction = _FRACTION.match(text)
    if fraction:
        n, m = int(fraction["n"]), int(fraction["m"])
        scale = NUMERIC_SCALES.get(m)
        if scale is None or not 1 <= n <= m:
            return False, None, f"{n} of {m}: a scale we do not map"
        rating = scale[n - 1]
        return True, rating, f"{n} of {m}"
    # The longest value phrase at the start wins: "strong yes" before "strong", "yes".
    words = _VALUE_WORD.findall(text)
    for size in range(min(len(words), 5), 0, -1):
        head = " ".join(words[:size])
        if head in VALUE_WORDS:
            return True, VALUE_WORDS[head], head
    return False, None, ""


def _rating_from_words(key: str, value: str) -> int | None:
    """A middle value with words after it ("3/5 - weak on SQL"): what the feedback reader reads
    in them for this skill, concern winning when they say both."""
    polarities = {f.polarity for f in read_feedback(value) if f.key == key}
    if -1 in polarities:
        return CONCERN
    if 1 in polarities:
        return STRENGTH
    return None


def _read_line(raw: str) -> ScorecardLine | None:
    match = _LINE.match(raw)
    if not match:
        return None
    name, value = match["name"].strip(), match["value"].strip()
    if not name or len(name.split()) > MAX_NAME_WORDS:
        return None
    overall = _is_overall(name)
    key = None if overall else attribute_key(name)
    if key is None and not overall:
        return None
    understood, rating, how = value_rating(value)
    if not understood:
        return None
    line = " ".join(raw.split())
    if overall:
        note = f"an overall verdict ({how}), not a skill rating"
    elif rating is None:
        rating = _rating_from_words(key, value)
        if rating is None:
            note = f"{how}: the middle of the scale, so not assessed"
        else:
            said = "a strength" if rating >= STRENGTH else "a concern"
            note = f"{how}: the middle of the scale, read as {said} from the words after it"
    else:
        note = how
    return ScorecardLine(key=key, rating=rating, line=line, name=name, value=value, note=note)


def read_scorecard(text: str) -> list[ScorecardLine]:
    """Every scorecard line in ``text``, in order; one per skill (the first line for a skill
    wins, later ones for the same skill are dropped: the user sees the first and can change
    it). Never raises on text."""
    if not isinstance(text, str) or not text.strip():
        return []
    found: list[ScorecardLine] = []
    seen: set[str] = set()
    for raw in text.splitlines()[:MAX_LINES]:
        read = _read_line(raw)
        if read is None:
            continue
        if read.key is not None:
            if read.key in seen:
                continue
            seen.add(read.key)
        found.append(read)
    return found


def scorecard_ratings(lines: list[ScorecardLine]) -> dict[str, int | None]:
    """The proposed interviewer ratings per skill of the lines a user kept."""
    return {line.key: line.rating for line in lines if line.key is not None}


def prose(text: str) -> str:
    """``text`` without its scorecard lines: what the sentence reader should read, so that a
    line already proposed as a rating is not proposed a second time as a finding."""
    if not isinstance(text, str):
        return ""
    lines = text.splitlines()
    kept = [raw for i, raw in enumerate(lines) if i >= MAX_LINES or _read_line(raw) is None]
    return "\n".join(kept)
