"""The JSON backup (version 2, ``docs/format.md``), the CSV for spreadsheets, and import.

Import is two steps: :func:`parse_backup` validates the whole file and returns a
:class:`Backup` (its rejections, as a list, and its practice items), or raises
:class:`BackupError` naming the item (position and company, title, question or skill) and the
field; :func:`import_rejections` then writes them in one transaction, skipping the ones already
there. Version 1 files (no practice items) are read as they always were; export writes
version 2. A practice item names the rejection it points at by the backup's identity
(company, role, ``rejected_on``), and a drill its story by position in ``stories``.
Text is imported exactly as written (nothing trimmed or cut); over a limit is refused. The
file's shape and vocabulary are checked here; its values (required text, lengths, ratings,
every date's range) by :mod:`assessment.validation`, so an import refuses what the forms refuse.
Feedback status follows the facts, as on the Feedback form
(:func:`assessment.forms.feedback_status`): a rejection whose feedback has text, ratings or
findings is imported as ``received`` when the file says ``not_requested`` or ``requested``, and
checked as such (a "requested" without a date that carries feedback is accepted, as the form
accepts it).

The examples are not the user's data: they are left out of the backup and the CSV, and what a
backup holds is always imported as the user's own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, BinaryIO

from sqlite_utils import Database

from assessment import forms, storage, validation
from assessment.models import (
    Action,
    Drill,
    Feedback,
    Finding,
    Reflection,
    Rejection,
    Rerating,
    Story,
)
from assessment.names import rejection_label
from assessment.practice import bank
from assessment.skills import (
    FEEDBACK_STATUS_KEYS,
    FEEDBACK_STATUSES,
    FIT_FACTOR_KEYS,
    INTERVIEWER_SCALE,
    SKILL_KEYS,
    SKILL_NAMES,
    STAGE_KEYS,
    STAGES,
    STRATEGY_KEYS,
)
from assessment.text import counted, csv_text, escaped

FORMAT = "rebound-backup"
VERSION = 2
"""What export writes; import reads every version from 1 to this one."""
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
REFERENCE_FIELDS = ("company", "role", "rejected_on")  # a rejection, by the backup's identity
STORY_FIELDS = ("title", "situation", "task", "action", "result", "skills", "rejection")
DRILL_FIELDS = (
    "skill",
    "question",
    "question_id",
    "answer",
    "practised_on",
    "checklist",
    "rejection",
    "story",
)
RERATING_FIELDS = ("skill", "rating", "rated_on", "rejection")
PRACTICE_LISTS = ("stories", "drills", "reratings")  # version 2's top-level lists
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class BackupError(ValueError):
    """A backup that cannot be imported; the message says where and why, for the user."""

    def __init__(
        self,
        message: str,
        position: int | None = None,
        field: str | None = None,
        kind: str | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.position = position
        self.field = field
        self.kind = kind  # "Rejection", "Story", "Drill" or "Re-rating" when an item is named


# ---- export ----------------------------------------------------------------------------


def _text(value: str | None) -> str | None:
    return value if value else None


def _owned_rows(db: Database, table: str, owner: str, order: str) -> list[dict]:
    sql = (
        f"SELECT t.* FROM {table} t JOIN rejections r ON r.id = t.rejection_id "  # noqa: S608
        f"WHERE r.owner = ? AND r.example = 0 ORDER BY {order}"
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
    """Every rejection of the owner's own as a backup document (version 2), oldest first,
    every key present, then the owner's stories, drills and re-ratings. The examples are not
    the user's data and stay out (they can be loaded again any time; the format has no key
    for them); a practice item that points at an example points at nothing (null)."""
    now = now or dt.datetime.now(dt.UTC)
    stamp = now.astimezone(dt.UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"
    rejections = list(
        db.query(
            "SELECT * FROM rejections WHERE owner = ? AND example = 0 ORDER BY rejected_on, id",
            [owner],
        )
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
        **_export_practice(db, owner, rejections),
    }


def _rejection_reference(row: Mapping) -> dict:
    return {"company": row["company"], "role": row["role"], "rejected_on": row["rejected_on"]}


def _export_practice(db: Database, owner: str, rejections: list[dict]) -> dict[str, list]:
    """The owner's practice items, in the order :mod:`assessment.practice.bank` lists them;
    a pointer at one of ``rejections`` as its identity, a drill's story as its position."""
    own = {row["id"]: _rejection_reference(row) for row in rejections}
    stories = bank.list_stories(db, owner)
    positions = {story.id: i for i, story in enumerate(stories, start=1)}
    return {
        "stories": [
            {
                "title": s.title,
                "situation": _text(s.situation),
                "task": _text(s.task),
                "action": _text(s.action),
                "result": _text(s.result),
                "skills": list(s.skills),
                "rejection": own.get(s.rejection_id),
            }
            for s in stories
        ],
        "drills": [
            {
                "skill": d.skill,
                "question": d.question,
                "question_id": d.question_id,
                "answer": d.answer,
                "practised_on": d.practised_on.isoformat(),
                "checklist": d.checklist,
                "rejection": own.get(d.rejection_id),
                "story": positions.get(d.story_id),
            }
            for d in bank.list_drills(db, owner)
        ],
        "reratings": [
            {
                "skill": r.skill,
                "rating": r.rating,
                "rated_on": r.rated_on.isoformat(),
                "rejection": own.get(r.rejection_id),
            }
            for r in bank.list_reratings(db, owner)
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


CSV_HEADER = (
    "Rejected on",
    "Company",
    "Role",
    "Stage",
    "Interviewed on",
    "Feedback",
    "Mood (1-5)",
    "Confidence (1-5)",
    "Skill",
    "Your rating (1-5)",
    "Interviewer rating (1-4)",
    "Interviewer's view",
    "Combined score (1-5)",
)


def export_csv(db: Database, owner: str = storage.LOCAL_OWNER) -> str:
    """The user's own rejections for a spreadsheet: one row per rejection and skill (every
    skill, in the radar's order, rated or not), oldest rejection first, with the names the app
    shows (stage, feedback status, skill, the interviewer's words) rather than keys. Examples
    are left out, as in the backup. Through the one CSV writer, :func:`csv_text`."""
    skills = " UNION ALL ".join(
        f"SELECT {i} AS position, '{key}' AS skill" for i, key in enumerate(SKILL_KEYS)
    )
    mine = "SELECT id FROM rejections WHERE owner = ? AND example = 0"
    sql = f"""
        WITH rated AS MATERIALIZED (SELECT * FROM {storage.skill_ratings(mine)}),
        skills AS ({skills})
        SELECT r.rejected_on, r.company, r.role, r.stage, r.interviewed_on,
            f.status, x.mood, x.confidence, k.skill,
            s.self_value, s.interviewer_value, round(s.combined, 2)
        FROM rejections r
        CROSS JOIN skills k
        LEFT JOIN reflections x ON x.rejection_id = r.id
        LEFT JOIN feedback f ON f.rejection_id = r.id
        LEFT JOIN rated s ON s.rejection_id = r.id AND s.skill = k.skill
        WHERE r.owner = ? AND r.example = 0
        ORDER BY r.rejected_on, r.id, k.position
    """  # noqa: S608 - skill keys are our constants; user values go through placeholders
    return csv_text(CSV_HEADER, (_csv_row(row) for row in db.execute(sql, [owner, owner])))


def _csv_row(row: tuple) -> tuple:
    rejected, company, role, stage, interviewed, status, mood, confidence = row[:8]
    skill, own, theirs, combined = row[8:]
    return (
        rejected,
        company,
        role,
        STAGES.get(stage, stage),
        interviewed,
        FEEDBACK_STATUSES.get(status or "not_requested", status),
        mood,
        confidence,
        SKILL_NAMES[skill],
        own,
        theirs,
        INTERVIEWER_SCALE.get(theirs, ""),
        combined,
    )


# ---- parse and validate ----------------------------------------------------------------


class _Where:
    """Builds messages that name the item (its kind, position and name: a rejection's
    company, a story's title, a drill's question, a re-rating's skill) and the field."""

    def __init__(self, position: int, company: Any, kind: str = "Rejection"):
        self.position = position
        self.kind = kind
        self.company = company if isinstance(company, str) and company.strip() else None

    def fail(self, field: str, problem: str) -> BackupError:
        who = f"{self.kind} {self.position}"
        if self.company:
            who += f" ({escaped(self.company)})"
        return BackupError(f"{who}, field {field}: {problem}", self.position, field, self.kind)

    def refuse(self, errors: Mapping[str, str], prefix: str = "") -> None:
        """Raise the first of validation's errors (keyed by field), if there is one."""
        for field, problem in errors.items():
            raise self.fail(prefix + field, problem)


def _as_date(where: _Where, field: str, value: Any) -> dt.date | None:
    """A date written as YYYY-MM-DD; whether it is in range is validation's rule."""
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise where.fail(field, "must be a date written as YYYY-MM-DD.")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise where.fail(field, f"{value} is not a real date.") from None


def _as_text(where: _Where, field: str, value: Any) -> str:
    """Text or null (as ""); whether it is required or too long is validation's rule."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise where.fail(field, "must be text.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise where.fail(field, "contains characters that are not valid text.") from None
    return value


def _as_rating(where: _Where, field: str, value: Any, top: int) -> int | None:
    """A whole number or null; its range is validation's rule."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise where.fail(field, f"must be a whole number from 1 to {top}, or null.")
    return value


def _as_object(where: _Where, field: str, value: Any, allowed: tuple[str, ...]) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise where.fail(field, "must be an object.")
    unknown = [k for k in value if k not in allowed]
    if unknown:
        name = escaped(unknown[0])
        raise where.fail(
            f"{field}.{name}" if field else name,
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


def _rejection(position: int, raw: Any, today: dt.date) -> Rejection:
    """One rejection of the file: its shape and vocabulary are checked here, its values by
    :mod:`assessment.validation`, the same rules as the forms' (dates, lengths, ranges)."""
    where = _Where(position, raw.get("company") if isinstance(raw, dict) else None)
    if not isinstance(raw, dict):
        raise where.fail("(whole rejection)", "must be an object.")
    raw = _as_object(where, "", raw, REJECTION_FIELDS)
    for name in REQUIRED_FIELDS:
        if raw.get(name) is None:
            raise where.fail(name, "is required.")

    company = _as_text(where, "company", raw["company"])
    role = _as_text(where, "role", raw["role"])
    contact_name = _as_text(where, "contact_name", raw.get("contact_name"))
    stage = raw["stage"]
    if stage not in STAGE_KEYS:
        raise where.fail("stage", f"must be one of {', '.join(STAGE_KEYS)}.")
    interviewed_on = _as_date(where, "interviewed_on", raw.get("interviewed_on"))
    rejected_on = _as_date(where, "rejected_on", raw["rejected_on"])
    reason_given = _as_text(where, "reason_given", raw.get("reason_given"))
    fit_factors = _as_list(where, "fit_factors", raw.get("fit_factors"))
    for i, key in enumerate(fit_factors):
        if key not in FIT_FACTOR_KEYS:
            raise where.fail(
                f"fit_factors[{i + 1}]", f"must be one of {', '.join(FIT_FACTOR_KEYS)}."
            )
    if len(set(fit_factors)) != len(fit_factors):
        raise where.fail("fit_factors", "lists the same fit factor twice.")
    where.refuse(
        validation.check_rejection(
            company=company,
            role=role,
            contact_name=contact_name,
            stage=stage,
            interviewed_on=interviewed_on,
            rejected_on=rejected_on,
            reason_given=reason_given,
            fit_factors=fit_factors,
            today=today,
        )
    )

    refl = _as_object(where, "reflection", raw.get("reflection"), REFLECTION_FIELDS)
    reflection = Reflection(
        went_well=_as_text(where, "reflection.went_well", refl.get("went_well")),
        do_differently=_as_text(where, "reflection.do_differently", refl.get("do_differently")),
        outside_control=_as_text(where, "reflection.outside_control", refl.get("outside_control")),
        mood=_as_rating(where, "reflection.mood", refl.get("mood"), 5),
        confidence=_as_rating(where, "reflection.confidence", refl.get("confidence"), 5),
    )
    where.refuse(
        validation.check_reflection(
            went_well=reflection.went_well,
            do_differently=reflection.do_differently,
            outside_control=reflection.outside_control,
            mood=reflection.mood,
            confidence=reflection.confidence,
        ),
        "reflection.",
    )
    self_ratings = _ratings(where, "self_ratings", raw.get("self_ratings"), 5)
    where.refuse(validation.check_ratings(self_ratings, "self"), "self_ratings.")

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
        quote = _as_text(where, f"{name}.quote", item.get("quote"))
        problem = validation.length_error("quote", quote)
        if problem:
            raise where.fail(f"{name}.quote", problem)
        findings.append(Finding(key=key, polarity=polarity, quote=quote))
    # The fact is imported: a file that says "not requested" or "requested" but carries
    # feedback is imported as received, as the Feedback form saves it (forms.feedback_status).
    feedback = forms.feedback_to_save(
        Feedback(
            status=status,
            requested_on=_as_date(where, "feedback.requested_on", fb.get("requested_on")),
            text=_as_text(where, "feedback.text", fb.get("text")),
            findings=tuple(findings),
            ratings=_ratings(where, "feedback.ratings", fb.get("ratings"), 4),
        )
    )
    where.refuse(
        validation.check_feedback(
            status=feedback.status,
            requested_on=feedback.requested_on,
            text=feedback.text,
            today=today,
        ),
        "feedback.",
    )
    where.refuse(validation.check_ratings(feedback.ratings, "interviewer"), "feedback.ratings.")

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
        action = Action(
            strategy=strategy,
            title=_as_text(where, f"{name}.title", item.get("title")),
            skill=skill,
            due_on=_as_date(where, f"{name}.due_on", item.get("due_on")),
            done_on=_as_date(where, f"{name}.done_on", item.get("done_on")),
        )
        where.refuse(
            validation.check_action(
                title=action.title, due_on=action.due_on, done_on=action.done_on, today=today
            ),
            f"{name}.",
        )
        actions.append(action)
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


# ---- version 2: the practice items ----------------------------------------------------

Identity = tuple[str, str, str]


@dataclass(frozen=True)
class Linked:
    """A practice item of the file with its pointers as the file writes them: the rejection's
    :func:`identity` (or None) and, for a drill, its story's position in ``stories`` (or
    None). Its own ``rejection_id`` and ``story_id`` are None until import resolves them."""

    item: Story | Drill | Rerating
    rejection: Identity | None = None
    story: int | None = None


class Backup(list):
    """A parsed backup: the list of its rejections (so code that imports only rejections
    keeps working), and its practice items (empty for a version 1 file)."""

    def __init__(
        self,
        rejections: Iterable[Rejection] = (),
        stories: Iterable[Linked] = (),
        drills: Iterable[Linked] = (),
        reratings: Iterable[Linked] = (),
        version: int = VERSION,
    ):
        super().__init__(rejections)
        self.stories = tuple(stories)
        self.drills = tuple(drills)
        self.reratings = tuple(reratings)
        self.version = version


def _reference(where: _Where, raw: Any, rejections: set[Identity]) -> Identity | None:
    """``rejection``: null, or the identity of one of the file's own rejections."""
    if raw is None:
        return None
    ref = _as_object(where, "rejection", raw, REFERENCE_FIELDS)
    for name in REFERENCE_FIELDS:
        if ref.get(name) is None:
            raise where.fail(f"rejection.{name}", "is required.")
    company = _as_text(where, "rejection.company", ref["company"])
    role = _as_text(where, "rejection.role", ref["role"])
    day = _as_date(where, "rejection.rejected_on", ref["rejected_on"])
    key = identity(company, role, day)
    if key not in rejections:
        raise where.fail(
            "rejection",
            "names no rejection of this backup (its company, role and rejected_on must match "
            "one of the file's rejections), or is null.",
        )
    return key


def _skill_of(where: _Where, field: str, value: Any) -> str:
    if value not in SKILL_KEYS:
        raise where.fail(field, f"must be one of {', '.join(SKILL_KEYS)}.")
    return value


def _story_item(position: int, raw: Any, rejections: set[Identity]) -> Linked:
    where = _Where(position, raw.get("title") if isinstance(raw, dict) else None, "Story")
    if not isinstance(raw, dict):
        raise where.fail("(whole story)", "must be an object.")
    raw = _as_object(where, "", raw, STORY_FIELDS)
    if raw.get("title") is None:
        raise where.fail("title", "is required.")
    skills = _as_list(where, "skills", raw.get("skills"))
    for i, key in enumerate(skills):
        _skill_of(where, f"skills[{i + 1}]", key)
    story = Story(
        title=_as_text(where, "title", raw["title"]),
        situation=_as_text(where, "situation", raw.get("situation")),
        task=_as_text(where, "task", raw.get("task")),
        action=_as_text(where, "action", raw.get("action")),
        result=_as_text(where, "result", raw.get("result")),
        skills=tuple(skills),
    )
    where.refuse(bank.check_story(story))
    return Linked(story, _reference(where, raw.get("rejection"), rejections))


def _drill_item(
    position: int, raw: Any, rejections: set[Identity], stories: int, today: dt.date
) -> Linked:
    where = _Where(position, raw.get("question") if isinstance(raw, dict) else None, "Drill")
    if not isinstance(raw, dict):
        raise where.fail("(whole drill)", "must be an object.")
    raw = _as_object(where, "", raw, DRILL_FIELDS)
    for name in ("skill", "question", "answer", "practised_on"):
        if raw.get(name) is None:
            raise where.fail(name, "is required.")
    checklist = raw.get("checklist")
    if checklist is not None and not isinstance(checklist, dict):
        raise where.fail("checklist", "must be an object (the answer check's items).")
    question_id = raw.get("question_id")
    story = raw.get("story")
    if story is not None and (
        isinstance(story, bool) or not isinstance(story, int) or not 1 <= story <= stories
    ):
        raise where.fail(
            "story",
            f"must be the position of one of the file's stories (1 to {stories}), or null."
            if stories
            else "must be null: the file has no stories.",
        )
    drill = Drill(
        skill=_skill_of(where, "skill", raw["skill"]),
        question=_as_text(where, "question", raw["question"]),
        answer=_as_text(where, "answer", raw["answer"]),
        practised_on=_as_date(where, "practised_on", raw["practised_on"]),
        checklist=checklist or {},
        question_id=None if question_id is None else _as_text(where, "question_id", question_id),
    )
    where.refuse(bank.check_drill(drill, today))
    return Linked(drill, _reference(where, raw.get("rejection"), rejections), story)


def _rerating_item(position: int, raw: Any, rejections: set[Identity], today: dt.date) -> Linked:
    where = _Where(position, raw.get("skill") if isinstance(raw, dict) else None, "Re-rating")
    if not isinstance(raw, dict):
        raise where.fail("(whole re-rating)", "must be an object.")
    raw = _as_object(where, "", raw, RERATING_FIELDS)
    for name in RERATING_FIELDS[:3]:
        if raw.get(name) is None:
            raise where.fail(name, "is required.")
    rerating = Rerating(
        skill=_skill_of(where, "skill", raw["skill"]),
        rating=_as_rating(where, "rating", raw["rating"], 5),
        rated_on=_as_date(where, "rated_on", raw["rated_on"]),
    )
    where.refuse(bank.check_rerating(rerating, today))
    return Linked(rerating, _reference(where, raw.get("rejection"), rejections))


def _practice_lists(doc: dict, version: int) -> dict[str, list]:
    """The practice lists of the document: absent or null is empty; version 1 has none."""
    lists = {}
    for name in PRACTICE_LISTS:
        value = doc.get(name)
        if value is not None and version < 2:
            raise BackupError(
                f'The backup says version {version} but has "{name}", which version 2 '
                'introduced; write "version": 2.',
                field=name,
            )
        if value is not None and not isinstance(value, list):
            raise BackupError(f'The backup\'s "{name}" must be a list.', field=name)
        lists[name] = value or []
    return lists


def identity(company: str, role: str, rejected_on: dt.date | str) -> tuple[str, str, str]:
    """Company and role compared case-insensitively and trimmed, with the rejection date."""
    day = rejected_on if isinstance(rejected_on, str) else rejected_on.isoformat()
    return (company.strip().casefold(), role.strip().casefold(), day)


def label(rejection: Rejection) -> str:
    return rejection_label(
        rejection.company, rejection.role, rejection.stage, rejection.rejected_on
    )


# ---- what parsing may cost, bounded before json.loads builds anything ----------------
#
# json.loads turns each "[]" or "{}" into a Python object of some 60 bytes or more, so a file
# of tiny containers costs 20-30 times its size in memory (50 MB of "[]," took 1.3 GB) and
# seconds of the server's time. The raw bytes are measured first, at C speed and in slices
# of SCAN_BYTES, so that measuring costs little memory whatever the file holds: escaped
# backslashes and quotes are dropped (every quote left then opens or closes a string), all
# but quotes and brackets are deleted, the strings are cut out, and the brackets left are
# counted and their nesting peeled one level per pass.
#
# A real exported rejection holds about 12 containers in 1.5-2.2 KB (150-190 bytes each);
# the densest file the format allows (every container present and empty, one-letter names,
# no spaces) takes 22 bytes per container. One container per 16 bytes, plus a few for a
# tiny file, leaves a clear margin for any legitimate backup and refuses the tiny ones.
BYTES_PER_CONTAINER = 16
SPARE_CONTAINERS = 16
# The format nests 6 levels (document > rejections > rejection > feedback > findings >
# finding; version 2's document > drills > drill > checklist > item > words list is as deep);
# two more are allowed, so a value of the wrong kind a little deeper still gets a refusal
# that names its field.
MAX_DEPTH = 8
TOP_LEVEL_FIELDS = ("format", "version", "exported_at", "rejections", *PRACTICE_LISTS)
SCAN_BYTES = 1024 * 1024

_BACKSLASH = ord("\\")
# Quotes and brackets only, both kinds of bracket as "[" and "]": nesting is all we measure.
_AS_SQUARE = bytes.maketrans(b"{}", b"[]")
_NOT_QUOTE_OR_BRACKET = bytes(b for b in range(256) if b not in b'"[]{}')
_STRING = re.compile(rb'"[^"]*+(?:"|\Z)')  # once only quotes and brackets are left


def _brackets(data: bytes, limit: int) -> bytes | None:
    """The brackets outside string literals, as "[" and "]"; None as soon as there are more
    than ``limit`` opening ones. (Where the file is not JSON, e.g. a backslash outside a
    string, the count after that point may be off: json.loads stops there anyway.)"""
    found: list[bytes] = []
    opened = 0
    pos = 0
    in_string = False
    while pos < len(data):
        end = min(pos + SCAN_BYTES, len(data))
        while end < len(data) and data[end - 1] == _BACKSLASH:
            end += 1  # never cut an escape in two
        text = data[pos:end].replace(b"\\\\", b"").replace(b'\\"', b"")
        marks = text.translate(_AS_SQUARE, _NOT_QUOTE_OR_BRACKET)
        if in_string:
            marks = b'"' + marks
        in_string = marks.count(b'"') % 2 == 1
        # Two quotes side by side are an empty string or two strings with nothing between
        # them that counts: dropping them first leaves the regular expression little to do.
        brackets = _STRING.sub(b"", marks.replace(b'""', b""))
        opened += brackets.count(b"[")
        if opened > limit:
            return None
        found.append(brackets)
        pos = end
    return b"".join(found)


def _check_cost(data: bytes) -> None:
    """Refuse a file whose JSON would cost far more to build than a backup of its size."""
    limit = len(data) // BYTES_PER_CONTAINER + SPARE_CONTAINERS
    brackets = _brackets(data, limit)
    if brackets is None:
        raise BackupError(
            f"The file is not a Rebound backup: it holds more than {limit:,} lists and objects "
            f"in {len(data):,} bytes, and a backup has at most one per {BYTES_PER_CONTAINER} "
            "bytes (a real rejection takes a few hundred bytes for each)."
        )
    for _ in range(MAX_DEPTH):
        peeled = brackets.replace(b"[]", b"")
        if not peeled or len(peeled) == len(brackets):
            return  # within the depth, or brackets that do not match: json.loads says where
        brackets = peeled
    if b"[]" in brackets:
        raise BackupError(
            f"The file is not a Rebound backup: its lists and objects are nested more than "
            f"{MAX_DEPTH} levels deep (a backup needs 6)."
        )


def _loads(data: bytes) -> Any:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BackupError("The file is not a Rebound backup: it is not UTF-8 text.") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BackupError(
            "The file is not a Rebound backup: it is not valid JSON "
            f"(line {exc.lineno}, column {exc.colno})."
        ) from None
    except RecursionError:
        raise BackupError(
            "The file is not a Rebound backup: it is not valid JSON (nested too deeply)."
        ) from None
    except ValueError:  # e.g. a number of more than 4,300 digits (Python's own limit)
        raise BackupError(
            "The file is not a Rebound backup: it holds a number too long to be one."
        ) from None


def read_backup(stream: BinaryIO) -> bytes:
    """Read a backup from a file or stdin: never more than one byte over the limit, so
    :func:`parse_backup` can refuse an over-large file without it all in memory."""
    return stream.read(MAX_BACKUP_BYTES + 1)


def parse_backup(raw: bytes | str, today: dt.date | None = None) -> Backup:
    """Validate a whole backup; return its rejections and practice items (a :class:`Backup`)
    or raise :class:`BackupError`. Version 1 and 2 files are read; a version 1 file has no
    practice items.

    Any file at all gets either its rejections or a :class:`BackupError` whose message is one
    sentence; text quoted from the file is escaped (:func:`assessment.text.escaped`). Dates
    are checked against ``today`` (default: the real today), as the forms check them.
    """
    if isinstance(raw, str):
        try:
            raw = raw.encode("utf-8")
        except UnicodeEncodeError:
            raise BackupError("The file is not a Rebound backup: it is not UTF-8 text.") from None
    # The one check of the size limit: the CLI and the Your data page rely on it.
    if len(raw) > MAX_BACKUP_BYTES:
        raise BackupError(
            f"The file is larger than {MAX_BACKUP_BYTES // 1024 // 1024} MB; a backup can be "
            f"at most {MAX_BACKUP_BYTES // 1024 // 1024} MB."
        )
    _check_cost(raw)
    doc = _loads(raw)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise BackupError(
            f'The file is not a Rebound backup: its "format" must be "{FORMAT}".', field="format"
        )
    unknown = [k for k in doc if k not in TOP_LEVEL_FIELDS]
    if unknown:
        name = escaped(unknown[0])
        raise BackupError(
            f'The backup has a field "{name}" that is not part of the format; a backup has '
            f"only {', '.join(TOP_LEVEL_FIELDS)}.",
            field=name,
        )
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise BackupError('The backup has no valid "version" (a whole number).', field="version")
    if version > VERSION:
        shown = f" (format version {version})" if version < 10**6 else ""
        raise BackupError(
            f"The backup was made by a newer version of Rebound{shown}; "
            f"this one reads versions 1 to {VERSION}. Please update Rebound.",
            field="version",
        )
    items = doc.get("rejections")
    if not isinstance(items, list):
        raise BackupError('The backup has no "rejections" list.', field="rejections")
    practice = _practice_lists(doc, version)
    today = today or dt.date.today()
    rejections = [_rejection(i + 1, item, today) for i, item in enumerate(items)]
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
    known = set(seen)
    stories = [_story_item(i, item, known) for i, item in enumerate(practice["stories"], 1)]
    drills = [
        _drill_item(i, item, known, len(stories), today)
        for i, item in enumerate(practice["drills"], 1)
    ]
    reratings = [
        _rerating_item(i, item, known, today) for i, item in enumerate(practice["reratings"], 1)
    ]
    return Backup(rejections, stories, drills, reratings, version)


# ---- import ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportPreview:
    count: int
    first: dt.date | None
    last: dt.date | None
    existing: tuple[int, ...]  # positions (0-based) of rejections already in the database
    existing_labels: tuple[str, ...]
    stories: int = 0  # practice items in the file (version 2)
    drills: int = 0
    reratings: int = 0

    @property
    def new(self) -> int:
        return self.count - len(self.existing)


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int
    skipped_labels: tuple[str, ...]
    # Practice items (version 2): added, and skipped as identical to one already there.
    stories_added: int = 0
    stories_skipped: int = 0
    drills_added: int = 0
    drills_skipped: int = 0
    reratings_added: int = 0
    reratings_skipped: int = 0

    @property
    def practice(self) -> bool:
        """Whether the file held any practice items."""
        return any(
            (
                self.stories_added,
                self.stories_skipped,
                self.drills_added,
                self.drills_skipped,
                self.reratings_added,
                self.reratings_skipped,
            )
        )


def practice_words(stories: int, drills: int, reratings: int) -> str:
    """ "2 stories, 5 drills and 1 re-rating"."""
    return (
        f"{counted(stories, 'story', 'stories')}, {counted(drills, 'drill', 'drills')} "
        f"and {counted(reratings, 're-rating', 're-ratings')}"
    )


def practice_in_file(preview: ImportPreview) -> str:
    """What the import preview says of the file's practice items ("" when it holds none)."""
    if not (preview.stories or preview.drills or preview.reratings):
        return ""
    words = practice_words(preview.stories, preview.drills, preview.reratings)
    return f"It also holds your practice: {words}. Any already here are skipped, never doubled."


def import_label(preview: ImportPreview) -> str:
    """The import button: the new rejections, and the practice when the file holds some."""
    rejections = f"Import {counted(preview.new, 'rejection', 'rejections')}"
    if not practice_in_file(preview):
        return rejections
    return "Import the practice" if preview.new == 0 else f"{rejections} and the practice"


def imported_message(result: ImportResult) -> str:
    """What the user is told after an import: rejections, and practice items when there were."""
    message = (
        f"Imported {counted(result.added, 'rejection', 'rejections')}; skipped "
        f"{result.skipped:,} already here."
    )
    if result.practice:
        added = practice_words(result.stories_added, result.drills_added, result.reratings_added)
        skipped = result.stories_skipped + result.drills_skipped + result.reratings_skipped
        message += f" Practice: added {added}; skipped {skipped:,} already here."
    return message


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
        stories=len(getattr(rejections, "stories", ())),
        drills=len(getattr(rejections, "drills", ())),
        reratings=len(getattr(rejections, "reratings", ())),
    )


def import_rejections(
    db: Database,
    rejections: list[Rejection],
    owner: str = storage.LOCAL_OWNER,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Add the rejections not already there, all in one transaction, and, when
    ``rejections`` is a parsed :class:`Backup` of version 2, its practice items in the same
    transaction (:func:`_import_practice`).

    ``progress(done, total)`` is called as the work goes on (about every 1%).
    """
    total = len(rejections)
    skipped: list[str] = []
    practice: dict[str, int] = {}
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
        storage.insert_rejections(
            db, new, owner, progress=progress and (lambda n: progress(done_before + n, total))
        )
        if progress and not new:
            progress(total, total)
        if isinstance(rejections, Backup):
            practice = _import_practice(db, rejections, owner)
    return ImportResult(
        added=len(new), skipped=len(skipped), skipped_labels=tuple(skipped), **practice
    )


# An item is "already there" when everything the backup holds of it is the same: its fields,
# the identity of the rejection it points at, and for a drill its story's own key.


def _story_key(story: Story, rejection: Identity | None) -> tuple:
    return (
        story.title,
        story.situation,
        story.task,
        story.action,
        story.result,
        tuple(story.skills),
        rejection,
    )


def _drill_key(drill: Drill, rejection: Identity | None, story: tuple | None) -> tuple:
    checklist = json.dumps(drill.checklist, ensure_ascii=False, sort_keys=True)
    return (
        drill.skill,
        drill.question,
        drill.question_id,
        drill.answer,
        drill.practised_on,
        checklist,
        rejection,
        story,
    )


def _rerating_key(rerating: Rerating, rejection: Identity | None) -> tuple:
    return (rerating.skill, rerating.rating, rerating.rated_on, rejection)


def _import_practice(db: Database, parsed: Backup, owner: str) -> dict[str, int]:
    """Write the practice items of ``parsed`` (inside the import's transaction), after its
    rejections: each pointer resolved to the owner's rejection of that identity (their own
    before an example) and to the story's new (or existing) id. An item identical to one
    already there (as many times as it is there) is skipped and counted."""
    ids: dict[Identity, int] = {}
    own: dict[int, Identity] = {}
    for rid, company, role, day, example in db.execute(
        "SELECT id, company, role, rejected_on, example FROM rejections WHERE owner = ? "
        "ORDER BY example DESC, id DESC",
        [owner],
    ):
        ids[identity(company, role, day)] = rid
        if not example:
            own[rid] = identity(company, role, day)

    there_stories: dict[tuple, list[int]] = {}
    story_keys: dict[int, tuple] = {}
    for story in bank.list_stories(db, owner):
        key = _story_key(story, own.get(story.rejection_id))
        there_stories.setdefault(key, []).append(story.id)
        story_keys[story.id] = key
    there_drills = Counter(
        _drill_key(d, own.get(d.rejection_id), story_keys.get(d.story_id))
        for d in bank.list_drills(db, owner)
    )
    there_reratings = Counter(
        _rerating_key(r, own.get(r.rejection_id)) for r in bank.list_reratings(db, owner)
    )
    counts = dict.fromkeys(
        (f"{kind}_{what}" for kind in PRACTICE_LISTS for what in ("added", "skipped")), 0
    )

    by_position: dict[int, tuple[int, tuple]] = {}  # story position -> (id, key)
    for position, linked in enumerate(parsed.stories, start=1):
        key = _story_key(linked.item, linked.rejection)
        if there_stories.get(key):
            by_position[position] = (there_stories[key].pop(0), key)
            counts["stories_skipped"] += 1
            continue
        story = dataclasses.replace(linked.item, rejection_id=ids.get(linked.rejection))
        by_position[position] = (bank.store_story(db, story, owner), key)
        counts["stories_added"] += 1
    for linked in parsed.drills:
        story_id, story_key = by_position.get(linked.story, (None, None))
        key = _drill_key(linked.item, linked.rejection, story_key)
        if there_drills[key]:
            there_drills[key] -= 1
            counts["drills_skipped"] += 1
            continue
        drill = dataclasses.replace(
            linked.item, rejection_id=ids.get(linked.rejection), story_id=story_id
        )
        bank.store_drill(db, drill, owner)
        counts["drills_added"] += 1
    for linked in parsed.reratings:
        key = _rerating_key(linked.item, linked.rejection)
        if there_reratings[key]:
            there_reratings[key] -= 1
            counts["reratings_skipped"] += 1
            continue
        rerating = dataclasses.replace(linked.item, rejection_id=ids.get(linked.rejection))
        bank.store_rerating(db, rerating, owner)
        counts["reratings_added"] += 1
    return counts
