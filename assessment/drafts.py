"""Drafts: what the user typed into a form and has not saved yet, kept in the database.

One draft per owner, form (``reflect``, ``feedback`` or ``practice``) and rejection
(:data:`NEW`, 0, for a reflection on a new rejection, or practice with no rejection), in the
``drafts`` table (migration ``0007_drafts``; ``form`` is free text, so a new form needs no
migration), so a reload, a lost connection or a visit to another page does not lose it. The
fields are JSON text. Each form's own reader (``assessment.forms.reflect_draft_from_json``,
``assessment.forms.feedback_draft_from_json``, ``assessment.views.practice.draft_from_json``)
checks them when they are read back: a draft that is damaged, of another version or of another
shape is deleted and reads as none, never an error. Saving the form deletes its draft in the
same transaction (:func:`discarding`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from assessment import storage

REFLECT = "reflect"
FEEDBACK = "feedback"
PRACTICE = "practice"  # the Practise page's answer being typed (``form`` is free text)
FORMS = (REFLECT, FEEDBACK, PRACTICE)
NEW = 0  # the rejection_id of a draft for a rejection not saved yet
VERSION = 1  # the shape of the fields; a draft of another version is discarded
MAX_CHARS = 1_000_000  # a draft longer than this as JSON is not kept


@dataclass(frozen=True)
class Draft:
    fields: dict[str, Any]
    updated_at: dt.datetime | None


def _key(form: str, rejection_id: int | None, owner: str) -> tuple[str, str, int]:
    if form not in FORMS:
        raise ValueError(f"unknown form {form!r}")
    return owner, form, rejection_id or NEW


def keep(
    db: Database,
    form: str,
    rejection_id: int | None,
    fields: dict[str, Any],
    owner: str = storage.LOCAL_OWNER,
) -> None:
    """Store ``fields`` (JSON-ready) as the draft, replacing the one before (one transaction).

    Raises :class:`storage.StorageError` when it cannot be written or is too long to keep.
    """
    text = json.dumps(fields, ensure_ascii=False, sort_keys=True)
    if len(text) > MAX_CHARS:
        raise storage.StorageError("This draft is too long to keep.")
    owner, form, rid = _key(form, rejection_id, owner)
    row = {
        "owner": owner,
        "form": form,
        "rejection_id": rid,
        "version": VERSION,
        "fields": text,
        "updated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    with storage.write(db):
        db["drafts"].upsert(row, pk=("owner", "form", "rejection_id"))


def read(
    db: Database,
    form: str,
    rejection_id: int | None,
    check: Callable[[Any], dict[str, Any] | None],
    owner: str = storage.LOCAL_OWNER,
) -> Draft | None:
    """The stored draft, its fields as ``check`` reads them, or None when there is none.

    ``check`` gets the decoded JSON and returns the fields, or None when they are not a valid
    draft of this form; such a draft (or one that is not JSON, or of another :data:`VERSION`)
    is deleted and reads as none.
    """
    key = _key(form, rejection_id, owner)
    row = db.execute(
        "SELECT version, fields, updated_at FROM drafts "
        "WHERE owner = ? AND form = ? AND rejection_id = ?",
        list(key),
    ).fetchone()
    if row is None:
        return None
    version, text, updated_at = row
    fields = None
    if version == VERSION:
        try:
            data = json.loads(text)
        except (TypeError, ValueError):
            data = None
        if data is not None:
            fields = check(data)
    if fields is None:
        with contextlib.suppress(storage.StorageError):
            discard(db, form, rejection_id, owner)
        return None
    return Draft(fields=fields, updated_at=_stamp(updated_at))


def _stamp(value: object) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def discard(
    db: Database, form: str, rejection_id: int | None, owner: str = storage.LOCAL_OWNER
) -> None:
    """Delete the draft, if there is one (one transaction)."""
    with storage.write(db):
        db.execute(
            "DELETE FROM drafts WHERE owner = ? AND form = ? AND rejection_id = ?",
            list(_key(form, rejection_id, owner)),
        )


@contextlib.contextmanager
def discarding(
    db: Database, form: str, rejection_id: int | None, owner: str = storage.LOCAL_OWNER
) -> Iterator[None]:
    """Around a save: the saves inside and the deletion of the draft are one transaction, so
    the draft goes exactly when what it held is stored."""
    with storage.write(db):
        yield
        discard(db, form, rejection_id, owner)


def count(db: Database, owner: str = storage.LOCAL_OWNER) -> int:
    """How many drafts the owner has (for tests and the data page)."""
    return db.execute("SELECT count(*) FROM drafts WHERE owner = ?", [owner]).fetchone()[0]
