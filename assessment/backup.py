"""The JSON backup of ``domain.md`` (version 1), the CSV for spreadsheets, and import.

Import is two steps: :func:`parse_backup` validates the whole file and returns rejections, or
raises :class:`BackupError` naming the rejection (position and company) and the field;
:func:`import_rejections` then writes them in one transaction, skipping the ones already there.
Text is imported exactly as written (nothing trimmed or cut); over a limit is refused.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from assessment import storage
from assessment.models import Action, Feedback, Finding, Reflection, Rejection
from assessment.skills import (
    FEEDBACK_STATUS_KEYS,
    FIT_FACTOR_KEYS,
    LONG_TEXT_LIMIT,
    SHORT_TEXT_LIMIT,
    SKILL_KEYS,
    STAGE_KEYS,
    STAGES,
    STRATEGY_KEYS,
)

FORMAT = "rebound-backup"
VERSION = 1
MAX_BACKUP_BYTES = 50 * 1024 * 1024

REJECTION_FIELDS = (
    "company",
    "role",
    "contact_name",
    "stage",
    "interviewed_on",
    "rejected_on",
    "reason_given",
    "fit_factors",
    "reflection",
    "self_ratings",
    "feedback",
    "actions",
)
REQUIRED_FIELDS = ("company", "role", "stage", "rejected_on")
REFLECTION_FIELDS = ("went_well", "do_differently", "outside_control", "mood", "confidence")
FEEDBACK_FIELDS = ("status", "requested_on", "text", "findings", "ratings")
FINDING_FIELDS = ("key", "polarity", "quote")
ACTION_FIELDS = ("title", "strategy", "skill", "due_on", "done_on")
SHORT_FIELDS = {"company", "role", "contact_name", "title"}

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class BackupError(ValueError):
    """A backup that cannot be imported; the message says where and why, for the user."""

    def __init__(self, message: str, position: int | None = None, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.position = position
        self.field = field


# ---- export ----------------------------------------------------------------------------


def _text(value: str | None) -> str | None:
    return value if value else None


def _owned_rows(db: Database, table: str, owner: str, order: str) -> list[dict]:
    sql = (
        f"SELECT t.* FROM {table} t JOIN rejections r ON r.id = t.rejection_id "  # noqa: S608
        f"WHERE r.owner = ? ORDER BY {order}"
    )
    return list(db.query(sql, [owner]))


def _grouped(rows: Iterable[dict]) -> dict[int, list[dict]]:
    grouped: dict[int, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["rejection_id"], []).append(row)
    return grouped


def export_backup(
    db: Database, owner: str = storage.LOCAL_OWNER, now: dt.datetime | None = None
) -> dict:
    """Every rejection of the owner as a backup document, oldest first, every key present."""
    now = now or dt.datetime.now(dt.UTC)
    stamp = now.astimezone(dt.UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"
    rejections = list(
        db.query("SELECT * FROM rejections WHERE owner = ? ORDER BY rejected_on, id", [owner])
    )
    reflections = {
        r["rejection_id"]: r for r in _owned_rows(db, "reflections", owner, "t.rejection_id")
    }
    feedback = {r["rejection_id"]: r for r in _owned_rows(db, "feedback", owner, "t.rejection_id")}
    ratings = _grouped(_owned_rows(db, "ratings", owner, "t.rejection_id"))
    findings = _grouped(_owned_rows(db, "findings", owner, "t.rejection_id, t.position, t.id"))
    actions = _grouped(_owned_rows(db, "actions", owner, "t.rejection_id, t.id"))
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": stamp,
        "rejections": [
            _export_one(
                row,
                reflections.get(row["id"]) or {},
                feedback.get(row["id"]) or {},
                ratings.get(row["id"], []),
                findings.get(row["id"], []),
                actions.get(row["id"], []),
            )
            for row in rejections
        ],
    }


def _export_one(
    row: dict,
    refl: dict,
    fb: dict,
    ratings: list[dict],
    findings: list[dict],
    actions: list[dict],
) -> dict:
    by_source: dict[str, dict[str, int]] = {"self": {}, "interviewer": {}}
    for rating in ratings:
        by_source.setdefault(rating["source"], {})[rating["skill"]] = rating["value"]
    return {
        "company": row["company"],
        "role": row["role"],
        "contact_name": _text(row["contact_name"]),
        "stage": row["stage"],
        "interviewed_on": row["interviewed_on"] or None,
        "rejected_on": row["rejected_on"],
        "reason_given": _text(row["reason_given"]),
        "fit_factors": json.loads(row["fit_factors"] or "[]"),
        "reflection": {
            "went_well": _text(refl.get("went_well")),
            "do_differently": _text(refl.get("do_differently")),
            "outside_control": _text(refl.get("outside_control")),
            "mood": refl.get("mood"),
            "confidence": refl.get("confidence"),
        },
        "self_ratings": {k: by_source["self"].get(k) for k in SKILL_KEYS},
        "feedback": {
            "status": fb.get("status") or "not_requested",
            "requested_on": fb.get("requested_on") or None,
            "text": _text(fb.get("text")),
            "findings": [
                {"key": f["key"], "polarity": f["polarity"], "quote": f["quote"]} for f in findings
            ],
            "ratings": {k: by_source["interviewer"].get(k) for k in SKILL_KEYS},
        },
        "actions": [
            {
                "title": a["title"],
                "strategy": a["strategy"],
                "skill": a["skill"],
                "due_on": a["due_on"] or None,
                "done_on": a["done_on"] or None,
            }
            for a in actions
        ],
    }


def dumps_backup(doc: Mapping[str, Any]) -> str:
    """The backup as JSON text: indented, UTF-8 characters kept readable."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


_CSV_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """Text a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(_CSV_FORMULA):
        return "'" + value
    return value


def export_csv(db: Database, owner: str = storage.LOCAL_OWNER) -> str:
    """One row per rejection, oldest first, with mood, confidence and combined scores."""
    skill_columns = ", ".join(
        f"round(combined_score(max(CASE WHEN g.source = 'self' AND g.skill = '{k}' "
        f"THEN g.value END), max(CASE WHEN g.source = 'interviewer' AND g.skill = '{k}' "
        f'THEN g.value END)), 2) AS "{k}"'
        for k in SKILL_KEYS
    )
    sql = f"""
        WITH per_skill AS (
            SELECT g.rejection_id, combined_score(
                max(CASE WHEN g.source = 'self' THEN g.value END),
                max(CASE WHEN g.source = 'interviewer' THEN g.value END)) AS combined
            FROM ratings g JOIN rejections r ON r.id = g.rejection_id
            WHERE r.owner = ? GROUP BY g.rejection_id, g.skill
        ),
        averages AS (
            SELECT rejection_id, round(avg(combined), 2) AS average
            FROM per_skill GROUP BY rejection_id
        ),
        skills AS (
            SELECT g.rejection_id, {skill_columns}
            FROM ratings g JOIN rejections r ON r.id = g.rejection_id
            WHERE r.owner = ? GROUP BY g.rejection_id
        )
        SELECT r.rejected_on, r.company, r.role, r.stage, r.interviewed_on,
            f.status AS feedback_status, x.mood, x.confidence, a.average,
            {", ".join(f's."{k}"' for k in SKILL_KEYS)}
        FROM rejections r
        LEFT JOIN reflections x ON x.rejection_id = r.id
        LEFT JOIN feedback f ON f.rejection_id = r.id
        LEFT JOIN averages a ON a.rejection_id = r.id
        LEFT JOIN skills s ON s.rejection_id = r.id
        WHERE r.owner = ? ORDER BY r.rejected_on, r.id
    """  # noqa: S608 - skill keys are our constants; user values go through placeholders
    # combined_score in SQL is assessment.scoring.combined_score, registered by storage.
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "rejected_on",
            "company",
            "role",
            "stage",
            "interviewed_on",
            "feedback_status",
            "mood",
            "confidence",
            "average_combined_score",
            *(f"{k}_combined" for k in SKILL_KEYS),
        ]
    )
    for row in db.execute(sql, [owner, owner, owner]):
        writer.writerow(["" if v is None else _cell(v) for v in row])
    return out.getvalue()


# ---- parse and validate ----------------------------------------------------------------


class _Where:
    """Builds messages that name the rejection (position, company) and the field."""

    def __init__(self, position: int, company: Any):
        self.position = position
        self.company = company if isinstance(company, str) and company.strip() else None

    def fail(self, field: str, problem: str) -> BackupError:
        who = f"Rejection {self.position}"
        if self.company:
            who += f" ({self.company[:60]})"
        return BackupError(f"{who}, field {field}: {problem}", self.position, field)


def _as_date(where: _Where, field: str, value: Any, required: bool = False) -> dt.date | None:
    if value is None:
        if required:
            raise where.fail(field, "is required (a date as YYYY-MM-DD).")
        return None
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise where.fail(field, "must be a date written as YYYY-MM-DD.")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise where.fail(field, f"{value} is not a real date.") from None


def _as_text(where: _Where, field: str, value: Any, limit: int, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise where.fail(field, "must be text.")
    if required and not value.strip():
        raise where.fail(field, "is required and cannot be empty.")
    if len(value) > limit:
        raise where.fail(
            field, f"is {len(value):,} characters long; the limit is {limit:,}. Nothing was cut."
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise where.fail(field, "contains characters that are not valid text.") from None
    return value


def _as_rating(where: _Where, field: str, value: Any, top: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= top:
        raise where.fail(field, f"must be a whole number from 1 to {top}, or null.")
    return value


def _as_object(where: _Where, field: str, value: Any, allowed: tuple[str, ...]) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise where.fail(field, "must be an object.")
    unknown = [k for k in value if k not in allowed]
    if unknown:
        raise where.fail(
            f"{field}.{unknown[0]}" if field else unknown[0],
            f"is not a field of a backup; allowed are {', '.join(allowed)}.",
        )
    return value


def _as_list(where: _Where, field: str, value: Any) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise where.fail(field, "must be a list.")
    return value


def _ratings(where: _Where, field: str, value: Any, top: int) -> dict[str, int | None]:
    raw = _as_object(where, field, value, SKILL_KEYS)
    return {k: _as_rating(where, f"{field}.{k}", raw.get(k), top) for k in SKILL_KEYS}


def _rejection(position: int, raw: Any) -> Rejection:
    where = _Where(position, raw.get("company") if isinstance(raw, dict) else None)
    if not isinstance(raw, dict):
        raise where.fail("(whole rejection)", "must be an object.")
    raw = _as_object(where, "", raw, REJECTION_FIELDS)
    for name in REQUIRED_FIELDS:
        if raw.get(name) is None:
            raise where.fail(name, "is required.")

    def text(name: str, value: Any, required: bool = False) -> str:
        limit = SHORT_TEXT_LIMIT if name.rsplit(".", 1)[-1] in SHORT_FIELDS else LONG_TEXT_LIMIT
        return _as_text(where, name, value, limit, required)

    company = text("company", raw["company"], required=True)
    role = text("role", raw["role"], required=True)
    contact_name = text("contact_name", raw.get("contact_name"))
    stage = raw["stage"]
    if stage not in STAGE_KEYS:
        raise where.fail("stage", f"must be one of {', '.join(STAGE_KEYS)}.")
    interviewed_on = _as_date(where, "interviewed_on", raw.get("interviewed_on"))
    rejected_on = _as_date(where, "rejected_on", raw["rejected_on"], required=True)
    if interviewed_on and rejected_on < interviewed_on:
        raise where.fail(
            "rejected_on", "is before interviewed_on; a rejection follows the interview."
        )
    reason_given = text("reason_given", raw.get("reason_given"))
    fit_factors = _as_list(where, "fit_factors", raw.get("fit_factors"))
    for i, key in enumerate(fit_factors):
        if key not in FIT_FACTOR_KEYS:
            raise where.fail(
                f"fit_factors[{i + 1}]", f"must be one of {', '.join(FIT_FACTOR_KEYS)}."
            )
    if len(set(fit_factors)) != len(fit_factors):
        raise where.fail("fit_factors", "lists the same fit factor twice.")

    refl = _as_object(where, "reflection", raw.get("reflection"), REFLECTION_FIELDS)
    reflection = Reflection(
        went_well=text("reflection.went_well", refl.get("went_well")),
        do_differently=text("reflection.do_differently", refl.get("do_differently")),
        outside_control=text("reflection.outside_control", refl.get("outside_control")),
        mood=_as_rating(where, "reflection.mood", refl.get("mood"), 5),
        confidence=_as_rating(where, "reflection.confidence", refl.get("confidence"), 5),
    )
    self_ratings = _ratings(where, "self_ratings", raw.get("self_ratings"), 5)

    fb = _as_object(where, "feedback", raw.get("feedback"), FEEDBACK_FIELDS)
    status = fb.get("status") or "not_requested"
    if status not in FEEDBACK_STATUS_KEYS:
        raise where.fail("feedback.status", f"must be one of {', '.join(FEEDBACK_STATUS_KEYS)}.")
    findings = []
    for i, item in enumerate(_as_list(where, "feedback.findings", fb.get("findings"))):
        name = f"feedback.findings[{i + 1}]"
        item = _as_object(where, name, item, FINDING_FIELDS)
        key = item.get("key")
        if key not in SKILL_KEYS and key not in FIT_FACTOR_KEYS:
            raise where.fail(f"{name}.key", "must be a skill key or a fit factor key.")
        polarity = item.get("polarity")
        if isinstance(polarity, bool) or polarity not in (-1, 0, 1):
            raise where.fail(f"{name}.polarity", "must be -1, 0 or 1.")
        quote = _as_text(where, f"{name}.quote", item.get("quote"), LONG_TEXT_LIMIT)
        findings.append(Finding(key=key, polarity=polarity, quote=quote))
    feedback = Feedback(
        status=status,
        requested_on=_as_date(where, "feedback.requested_on", fb.get("requested_on")),
        text=text("feedback.text", fb.get("text")),
        findings=tuple(findings),
        ratings=_ratings(where, "feedback.ratings", fb.get("ratings"), 4),
    )

    actions = []
    for i, item in enumerate(_as_list(where, "actions", raw.get("actions"))):
        name = f"actions[{i + 1}]"
        item = _as_object(where, name, item, ACTION_FIELDS)
        strategy = item.get("strategy")
        if strategy not in STRATEGY_KEYS:
            raise where.fail(f"{name}.strategy", f"must be one of {', '.join(STRATEGY_KEYS)}.")
        skill = item.get("skill")
        if skill is not None and skill not in SKILL_KEYS:
            raise where.fail(f"{name}.skill", "must be a skill key or null.")
        actions.append(
            Action(
                strategy=strategy,
                title=_as_text(where, f"{name}.title", item.get("title"), SHORT_TEXT_LIMIT, True),
                skill=skill,
                due_on=_as_date(where, f"{name}.due_on", item.get("due_on")),
                done_on=_as_date(where, f"{name}.done_on", item.get("done_on")),
            )
        )
    return Rejection(
        company=company,
        role=role,
        stage=stage,
        rejected_on=rejected_on,
        contact_name=contact_name,
        interviewed_on=interviewed_on,
        reason_given=reason_given,
        fit_factors=tuple(fit_factors),
        reflection=reflection,
        self_ratings=self_ratings,
        feedback=feedback,
        actions=tuple(actions),
    )


def identity(company: str, role: str, rejected_on: dt.date | str) -> tuple[str, str, str]:
    """Company and role compared case-insensitively and trimmed, with the rejection date."""
    day = rejected_on if isinstance(rejected_on, str) else rejected_on.isoformat()
    return (company.strip().casefold(), role.strip().casefold(), day)


def label(rejection: Rejection) -> str:
    return (
        f"{rejection.company} · {rejection.role} · {STAGES[rejection.stage]} · "
        f"{rejection.rejected_on.isoformat()}"
    )


def parse_backup(raw: bytes | str) -> list[Rejection]:
    """Validate a whole backup; return its rejections or raise :class:`BackupError`."""
    if len(raw) > MAX_BACKUP_BYTES:
        raise BackupError(
            f"The file is {len(raw) / 1024 / 1024:.1f} MB; a backup can be at most "
            f"{MAX_BACKUP_BYTES // 1024 // 1024} MB."
        )
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise BackupError("The file is not a Rebound backup: it is not UTF-8 text.") from None
    try:
        doc = json.loads(raw)
    except (json.JSONDecodeError, RecursionError) as exc:
        detail = f" (line {exc.lineno}, column {exc.colno})" if hasattr(exc, "lineno") else ""
        raise BackupError(
            f"The file is not a Rebound backup: it is not valid JSON{detail}."
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise BackupError(
            f'The file is not a Rebound backup: its "format" must be "{FORMAT}".', field="format"
        )
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise BackupError('The backup has no valid "version" (a whole number).', field="version")
    if version > VERSION:
        raise BackupError(
            f"The backup was made by a newer version of Rebound (format version {version}); "
            f"this one reads version {VERSION}. Please update Rebound.",
            field="version",
        )
    items = doc.get("rejections")
    if not isinstance(items, list):
        raise BackupError('The backup has no "rejections" list.', field="rejections")
    rejections = [_rejection(i + 1, item) for i, item in enumerate(items)]
    seen: dict[tuple[str, str, str], int] = {}
    for i, rejection in enumerate(rejections, start=1):
        key = identity(rejection.company, rejection.role, rejection.rejected_on)
        if key in seen:
            raise _Where(i, rejection.company).fail(
                "company, role, rejected_on",
                f"is the same rejection as rejection {seen[key]} (same company, role and "
                "date). Remove one of them.",
            )
        seen[key] = i
    return rejections


# ---- import ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportPreview:
    count: int
    first: dt.date | None
    last: dt.date | None
    existing: tuple[int, ...]  # positions (0-based) of rejections already in the database
    existing_labels: tuple[str, ...]

    @property
    def new(self) -> int:
        return self.count - len(self.existing)


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int
    skipped_labels: tuple[str, ...]


def _existing(db: Database, owner: str) -> set[tuple[str, str, str]]:
    return {
        identity(company, role, day)
        for company, role, day in db.execute(
            "SELECT company, role, rejected_on FROM rejections WHERE owner = ?", [owner]
        )
    }


def preview_import(
    db: Database, rejections: list[Rejection], owner: str = storage.LOCAL_OWNER
) -> ImportPreview:
    """How many rejections the file holds, their dates and which are already there."""
    there = _existing(db, owner)
    existing = tuple(
        i for i, r in enumerate(rejections) if identity(r.company, r.role, r.rejected_on) in there
    )
    days = [r.rejected_on for r in rejections]
    return ImportPreview(
        count=len(rejections),
        first=min(days) if days else None,
        last=max(days) if days else None,
        existing=existing,
        existing_labels=tuple(label(rejections[i]) for i in existing),
    )


def _insert_many(db: Database, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    sql = (
        f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "  # noqa: S608
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    db.conn.executemany(sql, [[row[c] for c in columns] for row in rows])


def _insert_chunk(db: Database, chunk: list[Rejection], owner: str) -> None:
    """The rows :func:`storage.insert_rejection` writes, written table by table: the same
    shape (storage's own row builder) without a round of schema look-ups per row."""
    now = storage._now()
    children: dict[str, list[dict]] = {t: [] for t in storage.CHILD_TABLES}
    for rejection in chunk:
        row = storage._rejection_row(rejection, owner)
        row["created_at"] = rejection.created_at or row["updated_at"]
        columns = list(row)
        rid = db.conn.execute(
            f"INSERT INTO rejections ({', '.join(columns)}) "  # noqa: S608 - our column names
            f"VALUES ({', '.join('?' for _ in columns)})",
            [row[c] for c in columns],
        ).lastrowid
        refl = rejection.reflection
        children["reflections"].append(
            {
                "rejection_id": rid,
                "went_well": refl.went_well,
                "do_differently": refl.do_differently,
                "outside_control": refl.outside_control,
                "mood": refl.mood,
                "confidence": refl.confidence,
            }
        )
        fb = rejection.feedback
        children["feedback"].append(
            {
                "rejection_id": rid,
                "status": fb.status,
                "requested_on": fb.requested_on.isoformat() if fb.requested_on else None,
                "text": fb.text,
            }
        )
        for source, ratings in (("self", rejection.self_ratings), ("interviewer", fb.ratings)):
            children["ratings"].extend(
                {"rejection_id": rid, "source": source, "skill": k, "value": int(v)}
                for k, v in ratings.items()
                if v is not None and k in SKILL_KEYS
            )
        children["findings"].extend(
            {
                "rejection_id": rid,
                "position": i,
                "key": f.key,
                "polarity": f.polarity,
                "quote": f.quote,
            }
            for i, f in enumerate(fb.findings)
        )
        children["actions"].extend(
            {
                "rejection_id": rid,
                "strategy": a.strategy,
                "skill": a.skill,
                "title": a.title,
                "due_on": a.due_on.isoformat() if a.due_on else None,
                "done_on": a.done_on.isoformat() if a.done_on else None,
                "created_at": now,
            }
            for a in rejection.actions
        )
    for table, rows in children.items():
        _insert_many(db, table, rows)


CHUNK = 250


def import_rejections(
    db: Database,
    rejections: list[Rejection],
    owner: str = storage.LOCAL_OWNER,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Add the rejections not already there, all in one transaction.

    ``progress(done, total)`` is called as the work goes on (about every 1%).
    """
    total = len(rejections)
    skipped: list[str] = []
    every = max(1, min(CHUNK, total // 100))
    with storage.write(db):
        there = _existing(db, owner)
        new: list[Rejection] = []
        for rejection in rejections:
            key = identity(rejection.company, rejection.role, rejection.rejected_on)
            if key in there:
                skipped.append(label(rejection))
            else:
                there.add(key)
                new.append(rejection)
        done_before = total - len(new)  # skipping is instant
        for start in range(0, len(new), every):
            _insert_chunk(db, new[start : start + every], owner)
            if progress:
                progress(done_before + min(start + every, len(new)), total)
        if progress and not new:
            progress(total, total)
    return ImportResult(added=len(new), skipped=len(skipped), skipped_labels=tuple(skipped))
