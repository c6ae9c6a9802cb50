"""The practice data of one owner: the story bank, drills (practice answers with their
checklist) and re-ratings of a skill, read and written here and nowhere else.

Every write is one transaction (:func:`storage.write`) and every function is scoped by
``owner``. Values are checked by :mod:`assessment.validation` (lengths, skills, dates) before
anything is written; a refusal is :class:`InvalidPractice`, whose message names the field.
Text is stored exactly as given (the pages normalise line endings, as for a rejection).
A story, drill or re-rating may point at the rejection it was started from; deleting that
rejection keeps it, unlinked (:data:`storage.PRACTICE_TABLES`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping

from sqlite_utils import Database

from assessment import storage, validation
from assessment.models import Drill, Rerating, Story
from assessment.reading.answers import AnswerCheck
from assessment.skills import SKILL_KEYS

LOCAL_OWNER = storage.LOCAL_OWNER


class InvalidPractice(storage.StorageError):
    """A story, drill or re-rating that cannot be saved; ``errors`` is keyed by field and the
    message is the first of them. Nothing was written."""

    def __init__(self, errors: Mapping[str, str]):
        self.errors = dict(errors)
        super().__init__(next(iter(self.errors.values())))


@dataclasses.dataclass(frozen=True)
class PracticeCounts:
    """How much the owner has practised one skill: stories showing it, drills and
    re-ratings of it, the last drill's date and the latest re-rating (None when none)."""

    stories: int = 0
    drills: int = 0
    reratings: int = 0
    last_practised_on: dt.date | None = None
    latest_rating: int | None = None


def checklist_of(check: AnswerCheck) -> dict:
    """The answer check's items as plain JSON data, as a drill keeps them."""
    return json.loads(json.dumps(dataclasses.asdict(check), ensure_ascii=False))


def _refuse(errors: Mapping[str, str]) -> None:
    if errors:
        raise InvalidPractice(errors)


def _check_rejection(db: Database, rejection_id: int | None, owner: str) -> None:
    if rejection_id is not None and not storage.owns(db, rejection_id, owner):
        raise storage.StorageError("That rejection no longer exists.")


def _owns_story(db: Database, story_id: int, owner: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM stories WHERE id = ? AND owner = ?", [story_id, owner]
    ).fetchone()
    return row is not None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# ---- stories -----------------------------------------------------------------------------


def check_story(story: Story) -> dict[str, str]:
    """Why ``story`` cannot be saved, keyed by field; empty when it can."""
    return validation.check_story(
        title=story.title,
        situation=story.situation,
        task=story.task,
        action=story.action,
        result=story.result,
        skills=tuple(story.skills),
    )


def _story_row(story: Story) -> dict:
    return {
        "rejection_id": story.rejection_id,
        "title": story.title,
        "situation": story.situation,
        "task": story.task,
        "action": story.action,
        "result": story.result,
        "skills": json.dumps(list(story.skills)),
    }


def add_story(db: Database, story: Story, owner: str = LOCAL_OWNER) -> int:
    """Add a story to the bank; return its id."""
    _refuse(check_story(story))
    with storage.write(db):
        _check_rejection(db, story.rejection_id, owner)
        return store_story(db, story, owner)


def store_story(db: Database, story: Story, owner: str) -> int:
    """Write a story already checked, inside the caller's transaction (:func:`add_story`,
    and import, which checks the whole file first); return its id."""
    now = _now()
    row = {**_story_row(story), "owner": owner, "created_at": now, "updated_at": now}
    return int(db["stories"].insert(row).last_pk)


def update_story(db: Database, story: Story, owner: str = LOCAL_OWNER) -> None:
    """Save the edited ``story`` (by its ``id``) in place."""
    if story.id is None:
        raise ValueError("update_story needs the story's id; use add_story for a new one.")
    _refuse(check_story(story))
    with storage.write(db):
        if not _owns_story(db, story.id, owner):
            raise storage.StorageError("That story no longer exists.")
        _check_rejection(db, story.rejection_id, owner)
        db["stories"].update(story.id, {**_story_row(story), "updated_at": _now()})


def delete_story(db: Database, story_id: int, owner: str = LOCAL_OWNER) -> bool:
    """Delete a story; the drills that used it stay, unlinked. False if it was not there."""
    with storage.write(db):
        if not _owns_story(db, story_id, owner):
            return False
        db.execute("UPDATE drills SET story_id = NULL WHERE story_id = ?", [story_id])
        db.execute("DELETE FROM stories WHERE id = ?", [story_id])
    return True


def _story(row: Mapping) -> Story:
    return Story(
        id=row["id"],
        title=row["title"],
        situation=row["situation"] or "",
        task=row["task"] or "",
        action=row["action"] or "",
        result=row["result"] or "",
        skills=tuple(json.loads(row["skills"] or "[]")),
        rejection_id=row["rejection_id"],
        created_at=row["created_at"] or "",
        updated_at=row["updated_at"] or "",
    )


def get_story(db: Database, story_id: int, owner: str = LOCAL_OWNER) -> Story | None:
    """One story, or None (also for another owner's)."""
    row = next(
        db.query("SELECT * FROM stories WHERE id = ? AND owner = ?", [story_id, owner]), None
    )
    return _story(row) if row else None


def list_stories(db: Database, owner: str = LOCAL_OWNER, skill: str | None = None) -> list[Story]:
    """The owner's stories in the order they were added; only those showing ``skill`` if
    given."""
    sql = "SELECT * FROM stories WHERE owner = ?"
    params: list = [owner]
    if skill is not None:
        sql += " AND EXISTS (SELECT 1 FROM json_each(stories.skills) WHERE value = ?)"
        params.append(skill)
    return [_story(row) for row in db.query(sql + " ORDER BY id", params)]


# ---- drills ------------------------------------------------------------------------------


def check_drill(drill: Drill, today: dt.date | None = None) -> dict[str, str]:
    """Why ``drill`` cannot be saved, keyed by field; empty when it can."""
    return validation.check_drill(
        skill=drill.skill,
        question=drill.question,
        answer=drill.answer,
        practised_on=drill.practised_on,
        checklist=drill.checklist,
        question_id=drill.question_id,
        today=today,
    )


def record_drill(db: Database, drill: Drill, owner: str = LOCAL_OWNER) -> int:
    """Keep one practice answer with its date and checklist; return its id."""
    _refuse(check_drill(drill))
    with storage.write(db):
        _check_rejection(db, drill.rejection_id, owner)
        if drill.story_id is not None and not _owns_story(db, drill.story_id, owner):
            raise storage.StorageError("That story no longer exists.")
        return store_drill(db, drill, owner)


def store_drill(db: Database, drill: Drill, owner: str) -> int:
    """Write a drill already checked, inside the caller's transaction; return its id."""
    row = {
        "owner": owner,
        "rejection_id": drill.rejection_id,
        "story_id": drill.story_id,
        "skill": drill.skill,
        "question": drill.question,
        "question_id": drill.question_id,
        "answer": drill.answer,
        "practised_on": drill.practised_on.isoformat(),
        "checklist": json.dumps(drill.checklist, ensure_ascii=False),
        "created_at": _now(),
    }
    return int(db["drills"].insert(row).last_pk)


def _drill(row: Mapping) -> Drill:
    return Drill(
        id=row["id"],
        skill=row["skill"],
        question=row["question"],
        answer=row["answer"],
        # Required: a value that is no date at all (hand-edited) shows as the first day ever.
        practised_on=storage.stored_date(row["practised_on"]) or dt.date.min,
        checklist=json.loads(row["checklist"] or "{}"),
        rejection_id=row["rejection_id"],
        story_id=row["story_id"],
        question_id=row["question_id"],
    )


def list_drills(db: Database, owner: str = LOCAL_OWNER, skill: str | None = None) -> list[Drill]:
    """The owner's drills, oldest first (by date, then as recorded); of ``skill`` if given."""
    sql = "SELECT * FROM drills WHERE owner = ?"
    params: list = [owner]
    if skill is not None:
        sql += " AND skill = ?"
        params.append(skill)
    return [_drill(row) for row in db.query(sql + " ORDER BY practised_on, id", params)]


# ---- re-ratings --------------------------------------------------------------------------


def check_rerating(rerating: Rerating, today: dt.date | None = None) -> dict[str, str]:
    """Why ``rerating`` cannot be saved, keyed by field; empty when it can."""
    return validation.check_rerating(
        skill=rerating.skill, rating=rerating.rating, rated_on=rerating.rated_on, today=today
    )


def add_rerating(db: Database, rerating: Rerating, owner: str = LOCAL_OWNER) -> int:
    """Keep the user's new rating of a skill after practising; return its id."""
    _refuse(check_rerating(rerating))
    with storage.write(db):
        _check_rejection(db, rerating.rejection_id, owner)
        return store_rerating(db, rerating, owner)


def store_rerating(db: Database, rerating: Rerating, owner: str) -> int:
    """Write a re-rating already checked, inside the caller's transaction; return its id."""
    row = {
        "owner": owner,
        "rejection_id": rerating.rejection_id,
        "skill": rerating.skill,
        "rating": rerating.rating,
        "rated_on": rerating.rated_on.isoformat(),
        "created_at": _now(),
    }
    return int(db["reratings"].insert(row).last_pk)


def _rerating(row: Mapping) -> Rerating:
    return Rerating(
        id=row["id"],
        skill=row["skill"],
        rating=row["rating"],
        rated_on=storage.stored_date(row["rated_on"]) or dt.date.min,
        rejection_id=row["rejection_id"],
    )


def list_reratings(
    db: Database, owner: str = LOCAL_OWNER, skill: str | None = None
) -> list[Rerating]:
    """The owner's re-ratings, oldest first (by date, then as recorded); of ``skill`` if
    given."""
    sql = "SELECT * FROM reratings WHERE owner = ?"
    params: list = [owner]
    if skill is not None:
        sql += " AND skill = ?"
        params.append(skill)
    return [_rerating(row) for row in db.query(sql + " ORDER BY rated_on, id", params)]


# ---- per skill ---------------------------------------------------------------------------


def practice_counts(db: Database, owner: str = LOCAL_OWNER) -> dict[str, PracticeCounts]:
    """Per skill (every skill key, in the radar's order): how many stories show it, how many
    drills and re-ratings it has, the last drill's date and the latest re-rating."""
    stories = dict(
        db.execute(
            "SELECT j.value, count(*) FROM stories s, json_each(s.skills) j "
            "WHERE s.owner = ? GROUP BY j.value",
            [owner],
        ).fetchall()
    )
    drills = {
        skill: (count, last)
        for skill, count, last in db.execute(
            "SELECT skill, count(*), max(practised_on) FROM drills WHERE owner = ? GROUP BY skill",
            [owner],
        )
    }
    reratings = {
        skill: (count, rating)
        for skill, count, rating in db.execute(
            """
            SELECT skill, count(*), (
                SELECT rating FROM reratings l WHERE l.owner = r.owner AND l.skill = r.skill
                ORDER BY rated_on DESC, id DESC LIMIT 1)
            FROM reratings r WHERE owner = ? GROUP BY skill
            """,
            [owner],
        )
    }
    return {
        skill: PracticeCounts(
            stories=stories.get(skill, 0),
            drills=drills.get(skill, (0, None))[0],
            reratings=reratings.get(skill, (0, None))[0],
            last_practised_on=storage.stored_date(drills.get(skill, (0, None))[1]),
            latest_rating=reratings.get(skill, (0, None))[1],
        )
        for skill in SKILL_KEYS
    }
