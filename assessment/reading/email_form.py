"""The Reflect page's review of a pasted rejection e-mail: one row per proposal to keep, change
or drop, and the kept rows put into the questionnaire's draft.

:func:`review_email` turns :func:`assessment.reading.email.read_email`'s proposals into rows;
a proposal the draft would refuse (a date in the future or before 1970, an over-long value)
is no row but a :class:`Skipped` note that says why. :func:`apply_review` puts the rows the
user kept into a copy of the draft: text and the date replace what the draft holds, fit
factors are added to those already chosen. Labels and the shown dates and fit factors are
ours; a row's value and words are the user's text, shown as text only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assessment import validation
from assessment.reading.email import EmailProposals, read_email
from assessment.skills import FIT_FACTOR_KEYS, FIT_FACTOR_SHORT

# The proposals the draft can take, in the form's order: (proposal, draft field).
PROPOSAL_FIELDS = (
    ("company", "company"),
    ("role", "role"),
    ("contact_name", "contact_name"),
    ("date", "rejected_on"),
    ("reason", "reason_given"),
)
LINE_FIELDS = ("company", "role", "contact_name")
TEXT_FIELDS = (*LINE_FIELDS, "reason_given")
FIT_FIELD = "fit_factors"
# A company name read up to "… at Acme Analytics and for the time …" never ends in these.
_TRAILING_CONNECTORS = frozenset({"and", "&", "of", "the", "de", "la"})

NOTHING_TO_USE = (
    "The email names nothing the form can use: no company, role, contact, date or reason "
    "(thanks and good wishes don't count). Fill in the form below yourself."
)
OVERWRITE_NOTE = (
    "Each ticked row replaces what the form holds for that field; untick a row to keep what "
    "you typed. Fit factors are added to the ones already chosen. Edit a value before using it."
)
NOTHING_KEPT = "No row was ticked, so the form is as it was."


@dataclass(frozen=True)
class ReviewRow:
    """One proposal to keep, change or drop."""

    field: str  # the draft field it fills
    value: str  # as proposed: the text, an ISO date, or a fit-factor key
    words: str  # the words of the e-mail it came from
    label: str  # ours: "Company", "Rejection date", "Outside your control: Compensation"
    shown: str  # the value as the user reads it: the text, "14 March 2026", "Compensation"

    @property
    def id(self) -> str:
        """Unique among one review's rows: the field, or ``fit_<key>`` for a fit factor."""
        return f"fit_{self.value}" if self.field == FIT_FIELD else self.field

    @property
    def editable(self) -> bool:
        return self.field in TEXT_FIELDS


@dataclass(frozen=True)
class Skipped:
    """A proposal the draft would refuse, and why; it fills nothing."""

    label: str
    why: str
    words: str


@dataclass(frozen=True)
class EmailReview:
    rows: tuple[ReviewRow, ...] = ()
    skipped: tuple[Skipped, ...] = ()


def readable_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def tidy_name(value: str) -> str:
    """``value`` without a trailing "and", "of" or "the" (a name never ends in one)."""
    words = value.split()
    while words and words[-1].lower() in _TRAILING_CONNECTORS:
        words.pop()
    return " ".join(words)


def _text_row(field: str, value: str, words: str) -> ReviewRow | Skipped | None:
    if field == "company":
        value = tidy_name(value)
    if not value.strip():
        return None
    label = validation.FIELD_LABELS[field]
    problem = validation.length_error(field, value)
    if problem:
        return Skipped(label, problem, words)
    return ReviewRow(field, value, words, label, value)


def _date_row(value: str, words: str, today: dt.date) -> ReviewRow | Skipped:
    label = validation.FIELD_LABELS["rejected_on"]
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return Skipped(label, "The date in the email could not be read as a date.", words)
    problem = validation.date_error("rejected_on", day, today)
    if problem:
        return Skipped(label, problem, words)
    return ReviewRow("rejected_on", day.isoformat(), words, label, readable_date(day))


def review_email(proposals: EmailProposals, today: dt.date | None = None) -> EmailReview:
    """The rows to review, in the form's order, then one per fit factor; and the proposals
    the draft would refuse. The greeting's name (the user's own) fills no field."""
    today = today or dt.date.today()
    found: list[ReviewRow | Skipped] = []
    for name, field in PROPOSAL_FIELDS:
        proposal = getattr(proposals, name)
        if proposal is None:
            continue
        if field == "rejected_on":
            found.append(_date_row(proposal.value, proposal.words, today))
        else:
            row = _text_row(field, proposal.value, proposal.words)
            if row is not None:
                found.append(row)
    seen: set[str] = set()
    for factor in proposals.fit_factors:
        if factor.value not in FIT_FACTOR_KEYS or factor.value in seen:
            continue
        seen.add(factor.value)
        short = FIT_FACTOR_SHORT[factor.value]
        label = f"{validation.FIELD_LABELS[FIT_FIELD]}: {short}"
        found.append(ReviewRow(FIT_FIELD, factor.value, factor.words, label, short))
    return EmailReview(
        rows=tuple(r for r in found if isinstance(r, ReviewRow)),
        skipped=tuple(s for s in found if isinstance(s, Skipped)),
    )


def read_for_review(text: str, today: dt.date | None = None) -> EmailReview:
    """The pasted e-mail read and turned into rows (:func:`review_email`)."""
    return review_email(read_email(text), today)


def apply_review(
    draft: dict[str, Any],
    rows: tuple[ReviewRow, ...] | list[ReviewRow],
    use: Mapping[str, bool],
    edited: Mapping[str, str] | None = None,
) -> tuple[dict[str, Any], int]:
    """A copy of ``draft`` with the rows the user kept put in, and how many were.

    ``use`` maps a row's id to whether it is kept (absent: not kept); ``edited`` maps an
    editable row's id to its value as the user left it (absent: as proposed). A kept text
    replaces the draft's, cleaned as the form cleans it; a kept row left blank fills nothing.
    A kept date replaces the rejection date; a kept fit factor is added to those chosen.
    """
    edited = edited or {}
    out = dict(draft)
    out[FIT_FIELD] = list(draft.get(FIT_FIELD) or [])
    filled = 0
    for row in rows:
        if not use.get(row.id):
            continue
        if row.field in TEXT_FIELDS:
            raw = edited.get(row.id, row.value)
            clean = validation.clean_line if row.field in LINE_FIELDS else validation.clean_text
            value = clean(raw).strip()
            if not value:
                continue
            out[row.field] = value
        elif row.field == "rejected_on":
            out["rejected_on"] = dt.date.fromisoformat(row.value)
        elif row.field == FIT_FIELD:
            if row.value not in out[FIT_FIELD]:
                out[FIT_FIELD].append(row.value)
        else:
            continue
        filled += 1
    return out, filled


def filled_message(count: int) -> str:
    """What the page says once the kept rows are in the form."""
    if count == 0:
        return NOTHING_KEPT
    if count == 1:
        return (
            "Filled in 1 field from the email. Check it below; nothing is saved until the "
            "last step."
        )
    return (
        f"Filled in {count} fields from the email. Check them below; nothing is saved until "
        "the last step."
    )
