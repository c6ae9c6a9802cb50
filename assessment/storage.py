"""Storage: one SQLite file through sqlite-utils, schema changes as named migrations.

Every write of one user action runs in one transaction begun with ``BEGIN IMMEDIATE`` (see
:func:`write`), so concurrent writers queue on the busy timeout instead of failing with
"database is locked". Every rejection belongs to an owner; its reflection, ratings, feedback,
findings and actions belong to it through ``rejection_id`` and go with it on delete. The
practice tables (stories, drills, re-ratings) belong to the owner and only point at a
rejection: they stay when it is deleted.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import json
import os
import sqlite3
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from platformdirs import user_data_dir
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from assessment import forms
from assessment.access import Identity
from assessment.models import Action, Feedback, Finding, Reflection, Rejection, Settings
from assessment.scoring import combined_score
from assessment.skills import SHORT_TEXT_LIMIT, SKILL_KEYS

LOCAL_OWNER = "local"
BUSY_TIMEOUT_SECONDS = 30.0

migrations = Migrations("rebound")


class Keep(enum.Enum):
    """Marks an optional argument that leaves a stored value as it is."""

    UNCHANGED = "unchanged"


class StorageError(Exception):
    """The database cannot be opened or written; the message is for the user."""


class DatabaseDamaged(StorageError):
    """The file is not a readable SQLite database (a restore from a backup may help)."""


class DatabaseLocked(StorageError):
    """Another program holds a lock on the file: it is healthy, just in use right now."""


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    db["rejections"].create(
        {
            "id": int,
            "owner": str,
            "company": str,
            "role": str,
            "contact_name": str,
            "stage": str,
            "interviewed_on": str,
            "rejected_on": str,
            "reason_given": str,
            "fit_factors": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"owner", "company", "role", "stage", "rejected_on"},
    )
    db["rejections"].create_index(["owner", "rejected_on"])
    db["rejections"].create_index(["owner", "company"])
    db["reflections"].create(
        {
            "rejection_id": int,
            "went_well": str,
            "do_differently": str,
            "outside_control": str,
            "mood": int,
            "confidence": int,
        },
        pk="rejection_id",
        foreign_keys=[("rejection_id", "rejections", "id")],
    )
    db["ratings"].create(
        {"rejection_id": int, "source": str, "skill": str, "value": int},
        pk=("rejection_id", "source", "skill"),
        foreign_keys=[("rejection_id", "rejections", "id")],
        not_null={"value"},
    )
    db["feedback"].create(
        {"rejection_id": int, "status": str, "requested_on": str, "text": str},
        pk="rejection_id",
        foreign_keys=[("rejection_id", "rejections", "id")],
    )
    db["findings"].create(
        {
            "id": int,
            "rejection_id": int,
            "position": int,
            "key": str,
            "polarity": int,
            "quote": str,
        },
        pk="id",
        foreign_keys=[("rejection_id", "rejections", "id")],
    )
    db["findings"].create_index(["rejection_id"])
    db["actions"].create(
        {
            "id": int,
            "rejection_id": int,
            "strategy": str,
            "skill": str,
            "title": str,
            "due_on": str,
            "done_on": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("rejection_id", "rejections", "id")],
    )
    db["actions"].create_index(["rejection_id"])


@migrations(name="0002_accounts")
def _accounts(db: Database) -> None:
    """Logged-in people, keyed on their provider's issuer and subject (a shared deployment).

    Before this, a person's data was stored under their email address. Those rows stay as
    they are: the first verified login with that address claims them (see
    :func:`owner_for_identity`), after which only that provider account reaches them.
    """
    db["accounts"].create(
        {
            "issuer": str,
            "subject": str,
            "owner": str,
            "email": str,
            "created_at": str,
            "last_login_at": str,
        },
        pk=("issuer", "subject"),
        not_null={"owner"},
    )
    db["accounts"].create_index(["owner"], unique=True)


def skill_ratings(rejection_ids: str) -> str:
    """The one read of the ratings side by side, as an SQL subquery: one row per rejection
    and rated skill, with ``self_value``, ``interviewer_value`` and ``combined`` (through the
    one ``combined_score``, registered on every connection), for the rejections whose ids the
    SQL ``rejection_ids`` selects. Every module that needs the ratings pivoted uses it; none
    writes its own ``CASE WHEN source``. The filter sits inside the grouping, so reading a page
    of rejections reads only their ratings (SQLite does not push a filter into a grouped view).
    """
    return f"""(
        SELECT rejection_id, skill,
            max(CASE WHEN source = 'self' THEN value END) AS self_value,
            max(CASE WHEN source = 'interviewer' THEN value END) AS interviewer_value,
            combined_score(
                max(CASE WHEN source = 'self' THEN value END),
                max(CASE WHEN source = 'interviewer' THEN value END)) AS combined
        FROM ratings WHERE rejection_id IN ({rejection_ids}) GROUP BY rejection_id, skill
    )"""  # noqa: S608 - callers pass our own SQL, user values go through placeholders


@migrations(name="0003_skill_ratings_view")
def _skill_ratings_view(db: Database) -> None:
    """``skill_ratings``: :func:`skill_ratings` of every rejection, for reading the file by
    hand (with ``combined_score`` registered); the app's own queries filter first."""
    db.create_view("skill_ratings", skill_ratings("SELECT id FROM rejections")[1:-1])


@migrations(name="0004_feedback_received")
def _feedback_received(db: Database) -> None:
    """Data only, no schema change: feedback status follows the facts
    (:func:`assessment.forms.feedback_status`). Feedback that holds text, an interviewer
    rating or a kept finding has been received, so a status still at ``not_requested`` or
    ``requested`` (as earlier versions left it when only the text was filled in) becomes
    ``received``; ``received`` and ``declined`` stay as they are. From here on the status is
    the user's to change."""
    db.execute(
        """
        UPDATE feedback SET status = 'received'
        WHERE coalesce(status, 'not_requested') IN ('not_requested', 'requested')
          AND (trim(coalesce(text, ''), ' ' || char(9, 10, 11, 12, 13)) != ''
            OR EXISTS (SELECT 1 FROM ratings r WHERE r.rejection_id = feedback.rejection_id
                AND r.source = 'interviewer')
            OR EXISTS (SELECT 1 FROM findings f WHERE f.rejection_id = feedback.rejection_id))
        """
    )


@migrations(name="0005_settings")
def _settings(db: Database) -> None:
    """``settings``: the user's own details, one row per owner (the name and sign-off every
    message is signed with). Deleting everything of an owner removes their row."""
    db["settings"].create(
        {"owner": str, "name": str, "sign_off": str, "updated_at": str},
        pk="owner",
        not_null={"name", "sign_off"},
        defaults={"name": "", "sign_off": ""},
    )


# Company, role and stage of each rejection of the example set as versions before 0006 loaded
# it (unmarked). Frozen here: this is what those versions wrote, whatever the set holds later.
LEGACY_EXAMPLES = frozenset(
    {
        ("northwind logistics", "junior data analyst", "technical"),
        ("brightpath health", "data analyst", "screening"),
        ("acme analytics", "data analyst", "onsite"),
    }
)


def is_legacy_example(company: str, role: str, stage: str) -> bool:
    """Whether a rejection is one an earlier version loaded as an example: company and role
    compared as backup identity compares them (case-insensitive, trimmed), and the stage."""
    return (company.strip().casefold(), role.strip().casefold(), stage) in LEGACY_EXAMPLES


@migrations(name="0006_examples")
def _examples(db: Database) -> None:
    """``rejections.example``: 1 for a rejection of the example data set, 0 for the user's
    own. Rows earlier versions loaded as examples carried no marker; they are recognised by
    company, role and stage (:func:`is_legacy_example`) and marked, once. From here on the
    stored marker is the only test of an example."""
    db["rejections"].add_column("example", int, not_null_default=0)
    db.register_function(is_legacy_example, deterministic=True, replace=True)
    db.execute("UPDATE rejections SET example = 1 WHERE is_legacy_example(company, role, stage)")


@migrations(name="0007_drafts")
def _drafts(db: Database) -> None:
    """``drafts``: what the user typed into a form and has not saved yet
    (:mod:`assessment.drafts`), one row per owner, form and rejection (``rejection_id`` 0 for
    a new one), the fields as JSON text. Deleting a rejection removes its drafts; deleting
    everything of an owner removes theirs (by ``owner``)."""
    db["drafts"].create(
        {
            "owner": str,
            "form": str,
            "rejection_id": int,
            "version": int,
            "fields": str,
            "updated_at": str,
        },
        pk=("owner", "form", "rejection_id"),
        not_null={"fields"},
    )


@migrations(name="0008_practice")
def _practice(db: Database) -> None:
    """``stories``, ``drills`` and ``reratings``: the user's practice (the story bank, practice
    answers with their checklist, re-ratings of a skill after practising), one row each, kept
    by ``owner`` and reused across rejections (:mod:`assessment.practice.bank`).
    ``rejection_id`` is where an item was started and may be NULL; a drill's ``story_id`` is
    the story it used. Deleting a rejection (or a story) keeps the items that point at it and
    sets the pointer NULL (``ON DELETE SET NULL``, and :func:`delete_rejection` does it too);
    deleting everything of an owner removes them (by ``owner``). ``stories.skills`` is a JSON
    list of skill keys, ``drills.checklist`` a JSON object. Written as SQL because sqlite-utils'
    ``create`` has no ``ON DELETE`` clause; one statement at a time, because ``executescript``
    would commit the migration's transaction first."""
    for statement in _PRACTICE_SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)


_PRACTICE_SCHEMA = """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            owner TEXT NOT NULL,
            rejection_id INTEGER REFERENCES rejections(id) ON DELETE SET NULL,
            title TEXT NOT NULL,
            situation TEXT NOT NULL DEFAULT '',
            task TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL DEFAULT '',
            result TEXT NOT NULL DEFAULT '',
            skills TEXT NOT NULL DEFAULT '[]',
            created_at TEXT,
            updated_at TEXT
        );
        CREATE INDEX idx_stories_owner ON stories(owner);
        CREATE INDEX idx_stories_rejection_id ON stories(rejection_id);
        CREATE TABLE drills (
            id INTEGER PRIMARY KEY,
            owner TEXT NOT NULL,
            rejection_id INTEGER REFERENCES rejections(id) ON DELETE SET NULL,
            story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL,
            skill TEXT NOT NULL,
            question TEXT NOT NULL,
            question_id TEXT,
            answer TEXT NOT NULL,
            practised_on TEXT NOT NULL,
            checklist TEXT NOT NULL DEFAULT '{}',
            created_at TEXT
        );
        CREATE INDEX idx_drills_owner_skill ON drills(owner, skill);
        CREATE INDEX idx_drills_rejection_id ON drills(rejection_id);
        CREATE INDEX idx_drills_story_id ON drills(story_id);
        CREATE TABLE reratings (
            id INTEGER PRIMARY KEY,
            owner TEXT NOT NULL,
            rejection_id INTEGER REFERENCES rejections(id) ON DELETE SET NULL,
            skill TEXT NOT NULL,
            rating INTEGER NOT NULL,
            rated_on TEXT NOT NULL,
            created_at TEXT
        );
        CREATE INDEX idx_reratings_owner_skill ON reratings(owner, skill);
        CREATE INDEX idx_reratings_rejection_id ON reratings(rejection_id);
"""


@migrations(name="0009_rejections_by_example")
def _rejections_by_example(db: Database) -> None:
    """An index on ``rejections(owner, example, rejected_on)``: the latest rejection (the
    user's own first, the examples only without one) and the number of examples are then
    looked up, not counted over every row (with 10,000 rejections they were most of Home's and
    Your data's rerun)."""
    db["rejections"].create_index(["owner", "example", "rejected_on"])


CHILD_TABLES = ("reflections", "ratings", "feedback", "findings", "actions")
# The owner's own practice: each row may point at a rejection, but belongs to the owner, not
# to it, so deleting a rejection (or the examples) keeps them and only unlinks them.
PRACTICE_TABLES = ("stories", "drills", "reratings")


def default_db_path() -> Path:
    """``REBOUND_DB`` if set, else ``rebound.db`` in the user's data directory."""
    env = os.environ.get("REBOUND_DB")
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir("rebound", appauthor=False)) / "rebound.db"


def connect(path: str | Path) -> Database:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date.

    Raises :class:`DatabaseDamaged` or :class:`DatabaseLocked` (leaving the file, and any
    ``-wal`` beside it, exactly as they were), or :class:`StorageError`.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.exists():
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        _check_not_damaged(path)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
        db = Database(conn)
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = NORMAL")
        db.register_function(combined_score, deterministic=True)
        if migrations.pending(db) and db["rejections"].exists():
            copy_before_migrating(db, path)
        migrate(db)
    except sqlite3.OperationalError as exc:
        if _is_lock(exc):
            raise _locked(path) from exc
        raise StorageError(f"The database at {path} could not be opened ({exc}).") from exc
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(
            f"The database at {path} could not be opened ({exc}). It was left untouched."
        ) from exc
    except OSError as exc:
        raise StorageError(f"The database at {path} could not be created ({exc}).") from exc
    return db


CHECK_TIMEOUT_SECONDS = 5.0


def _is_lock(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _locked(path: Path) -> DatabaseLocked:
    return DatabaseLocked(
        f"The database at {path} is in use by another program, which has locked it, so "
        "Rebound could not open it. The file is fine and was not changed: close the other "
        "program (an SQLite browser, a sync tool, another copy of Rebound's command line) and "
        "reload this page."
    )


def _check_not_damaged(path: Path) -> None:
    """Read every page once (``quick_check``) on a read-only connection that is closed before
    anything else opens the file, so that a damaged file is reported when it is opened rather
    than as a crash on whichever page first reads a damaged part, and so that nothing is ever
    written to it: a read-write connection that refused would still checkpoint a ``-wal``
    into the damaged file when it is closed."""
    uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=CHECK_TIMEOUT_SECONDS)
    try:
        result = conn.execute("PRAGMA quick_check(1)").fetchone()
    finally:
        conn.close()
    if result is None or result[0] != "ok":
        raise sqlite3.DatabaseError("database disk image is malformed")


# The copies taken before a migration (not the user's backups, which are exports). The
# folder keeps the name earlier versions gave it, so "delete everything" finds their copies.
COPIES_DIR_NAME = "backups"
COPY_SUFFIX = ".bak"
KEEP_COPIES = 5


def copies_dir(db_path: str | Path) -> Path:
    """Where the copies taken before migrations of this database live."""
    return Path(db_path).parent / COPIES_DIR_NAME


def copy_file(db_path: str | Path, stamp: str) -> Path:
    """The path of one copy, e.g. ``backups/rebound.db.20261125T120000.bak``."""
    return copies_dir(db_path) / f"{Path(db_path).name}.{stamp}{COPY_SUFFIX}"


def migration_copies(db_path: str | Path) -> list[Path]:
    folder = copies_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{Path(db_path).name}.*{COPY_SUFFIX}"))


def copy_before_migrating(db: Database, path: Path) -> Path:
    """Copy the database (``VACUUM INTO``) before its schema changes; keep the last few."""
    folder = copies_dir(path)
    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = copy_file(path, stamp)
    old_umask = os.umask(0o077)
    try:
        db.execute("VACUUM INTO ?", [str(target)])
    finally:
        os.umask(old_umask)
    os.chmod(target, 0o600)
    for stale in migration_copies(path)[:-KEEP_COPIES]:
        stale.unlink(missing_ok=True)
    return target


def memory_db() -> Database:
    db = Database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    db.register_function(combined_score, deterministic=True)
    migrate(db)
    return db


def migrate(db: Database) -> None:
    """Apply pending migrations, holding the write lock so that processes don't race."""
    if not migrations.pending(db):
        return
    with write(db):
        migrations.apply(db)


@contextlib.contextmanager
def write(db: Database) -> Iterator[Database]:
    """One transaction for one user action, taking the write lock up front."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            with db.atomic():
                yield db
        except BaseException:
            db.rollback()
            raise
        db.commit()
    except sqlite3.OperationalError as exc:
        raise StorageError(_write_failure(exc)) from exc


def _write_failure(exc: sqlite3.OperationalError) -> str:
    text = str(exc).lower()
    if "full" in text:
        return "The disk is full, so nothing was saved. Free some space and try again."
    if "readonly" in text or "read-only" in text or "query_only" in text:
        return "The database file is read-only, so nothing was saved."
    if "locked" in text or "busy" in text:
        return "The database is busy with another save; nothing was saved. Please try again."
    return f"The database could not be written ({exc}); nothing was saved."


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def stored_date(value: str | None) -> dt.date | None:
    """A date as stored; one that is not a date at all (written by hand into the file) reads
    as none rather than breaking every page that shows its rejection."""
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


# ---- writing ---------------------------------------------------------------------------


def _rejection_row(rejection: Rejection, owner: str) -> dict:
    return {
        "owner": owner,
        "company": rejection.company,
        "role": rejection.role,
        "contact_name": rejection.contact_name,
        "stage": rejection.stage,
        "interviewed_on": _iso(rejection.interviewed_on),
        "rejected_on": _iso(rejection.rejected_on),
        "reason_given": rejection.reason_given,
        "fit_factors": json.dumps(list(rejection.fit_factors)),
        "updated_at": _now(),
    }


def _new_rejection_row(rejection: Rejection, owner: str) -> dict:
    """The row of a rejection being added whole (import, the example set). Only an example
    writes ``example``; the user's own take the column's default, 0. An edit never changes it."""
    row = _rejection_row(rejection, owner)
    row["created_at"] = rejection.created_at or row["updated_at"]
    if rejection.example:
        row["example"] = 1
    return row


MAX_ID = 2**63 - 1  # SQLite's INTEGER PRIMARY KEY range


def parse_id(raw: object) -> int | None:
    """A row id from outside (``?rejection=``, the command line): ASCII digits only, within
    SQLite's range; anything else (``²``, ``-1``, ``1e3``, 20 digits) is None, "not found"."""
    if not isinstance(raw, str) or not raw.isascii() or not raw.isdigit() or len(raw) > 19:
        return None
    value = int(raw)
    return value if 0 < value <= MAX_ID else None


def owns(db: Database, rejection_id: int, owner: str = LOCAL_OWNER) -> bool:
    """Whether the rejection exists and belongs to ``owner`` (one indexed lookup)."""
    row = db.execute(
        "SELECT 1 FROM rejections WHERE id = ? AND owner = ?", [rejection_id, owner]
    ).fetchone()
    return row is not None


def owner_for_identity(db: Database, identity: Identity) -> str:
    """The owner key of a logged-in person, creating their account on the first login.

    A new account claims the rows stored under its (verified) email address by the app before
    accounts existed, unless another account has claimed them already; otherwise it gets a key
    of its own made from the issuer and subject, which a changed email address cannot reach.
    """
    with write(db):
        row = db.execute(
            "SELECT owner FROM accounts WHERE issuer = ? AND subject = ?",
            [identity.issuer, identity.subject],
        ).fetchone()
        now = _now()
        if row is not None:
            db.execute(
                "UPDATE accounts SET email = ?, last_login_at = ? WHERE issuer = ? AND subject = ?",
                [identity.email, now, identity.issuer, identity.subject],
            )
            return str(row[0])
        legacy = db.execute(
            "SELECT 1 FROM rejections WHERE owner = ? LIMIT 1", [identity.email]
        ).fetchone()
        claimed = db.execute("SELECT 1 FROM accounts WHERE owner = ?", [identity.email]).fetchone()
        owner = (
            identity.email
            if legacy is not None and claimed is None
            else f"oidc:{identity.issuer}#{identity.subject}"
        )
        db["accounts"].insert(
            {
                "issuer": identity.issuer,
                "subject": identity.subject,
                "owner": owner,
                "email": identity.email,
                "created_at": now,
                "last_login_at": now,
            }
        )
    return owner


# Row builders: the one shape of each table's rows, for the single writers and the bulk one.


def _rating_rows(rejection_id: int, source: str, ratings: dict) -> list[dict]:
    return [
        {"rejection_id": rejection_id, "source": source, "skill": k, "value": int(v)}
        for k, v in ratings.items()
        if v is not None and k in SKILL_KEYS
    ]


def _reflection_row(rejection_id: int, reflection: Reflection) -> dict:
    return {
        "rejection_id": rejection_id,
        "went_well": reflection.went_well,
        "do_differently": reflection.do_differently,
        "outside_control": reflection.outside_control,
        "mood": reflection.mood,
        "confidence": reflection.confidence,
    }


def _feedback_row(rejection_id: int, feedback: Feedback) -> dict:
    return {
        "rejection_id": rejection_id,
        "status": feedback.status,
        "requested_on": _iso(feedback.requested_on),
        "text": feedback.text,
    }


def _finding_rows(rejection_id: int, findings: tuple[Finding, ...]) -> list[dict]:
    return [
        {"rejection_id": rejection_id, "position": i, "key": f.key, "polarity": f.polarity,
         "quote": f.quote}
        for i, f in enumerate(findings)
    ]  # fmt: skip


def _action_row(rejection_id: int, action: Action, now: str) -> dict:
    return {
        "rejection_id": rejection_id,
        "strategy": action.strategy,
        "skill": action.skill,
        "title": action.title,
        "due_on": _iso(action.due_on),
        "done_on": _iso(action.done_on),
        "created_at": now,
    }


def _replace_ratings(db: Database, rejection_id: int, source: str, ratings: dict) -> None:
    db.execute("DELETE FROM ratings WHERE rejection_id = ? AND source = ?", [rejection_id, source])
    rows = _rating_rows(rejection_id, source, ratings)
    if rows:
        db["ratings"].insert_all(rows)


def _write_reflection(db: Database, rejection_id: int, reflection: Reflection) -> None:
    db["reflections"].upsert(_reflection_row(rejection_id, reflection), pk="rejection_id")


def _write_feedback(db: Database, rejection_id: int, feedback: Feedback) -> None:
    db["feedback"].upsert(_feedback_row(rejection_id, feedback), pk="rejection_id")
    db.execute("DELETE FROM findings WHERE rejection_id = ?", [rejection_id])
    rows = _finding_rows(rejection_id, feedback.findings)
    if rows:
        db["findings"].insert_all(rows)
    _replace_ratings(db, rejection_id, "interviewer", feedback.ratings)


def save_reflection(db: Database, rejection: Rejection, owner: str = LOCAL_OWNER) -> int:
    """Write a rejection with its reflection and self-ratings; return its id.

    A rejection with an ``id`` is updated in place (only if it belongs to ``owner``);
    its feedback and actions are left as they are.
    """
    with write(db):
        row = _rejection_row(rejection, owner)
        if rejection.id is None:
            row["created_at"] = row["updated_at"]
            rejection_id = db["rejections"].insert(row).last_pk
        else:
            if not owns(db, rejection.id, owner):
                raise StorageError("That rejection no longer exists.")
            rejection_id = rejection.id
            db["rejections"].update(rejection_id, row)
        _write_reflection(db, rejection_id, rejection.reflection)
        _replace_ratings(db, rejection_id, "self", rejection.self_ratings)
    return int(rejection_id)


def save_feedback(
    db: Database,
    rejection_id: int,
    feedback: Feedback,
    owner: str = LOCAL_OWNER,
    fit_factors: tuple[str, ...] | None = None,
) -> str:
    """Write the feedback (status, text, confirmed findings, ratings) of one rejection and
    return the status saved: ``received`` when this save brings in the first feedback while
    the status says none came, else the one given (:func:`assessment.forms.feedback_status`,
    checked against what is stored inside this transaction)."""
    with write(db):
        if not owns(db, rejection_id, owner):
            raise StorageError("That rejection no longer exists.")
        had = _has_stored_feedback(db, rejection_id)
        feedback = forms.feedback_to_save(feedback, had_feedback=had)
        _write_feedback(db, rejection_id, feedback)
        if fit_factors is not None:
            db["rejections"].update(
                rejection_id,
                {"fit_factors": json.dumps(list(fit_factors)), "updated_at": _now()},
            )
    return feedback.status


def record_request(
    db: Database,
    rejection_id: int,
    sent_on: dt.date,
    owner: str = LOCAL_OWNER,
    action: Action | None = None,
) -> str:
    """The user sent a feedback request on ``sent_on``: one transaction that marks the
    feedback "requested" (from "not requested" or "declined"; "received" is left alone) with
    the date of the first request still waiting (an earlier date is kept, so the nudge counts
    from it), and adds ``action`` (the deadline of a request by right) unless the same open
    action is there already. Returns the status stored."""
    with write(db):
        if not owns(db, rejection_id, owner):
            raise StorageError("That rejection no longer exists.")
        row = db.execute(
            "SELECT status, requested_on FROM feedback WHERE rejection_id = ?", [rejection_id]
        ).fetchone()
        status, asked = (row[0], stored_date(row[1])) if row else ("not_requested", None)
        if status != "received":
            if status != "requested" or asked is None or asked > sent_on:
                asked = sent_on
            status = "requested"
            if row is None:
                db["feedback"].insert(
                    {"rejection_id": rejection_id, "status": status, "requested_on": _iso(asked),
                     "text": ""}
                )  # fmt: skip
            else:
                db["feedback"].update(rejection_id, {"status": status, "requested_on": _iso(asked)})
        if action is not None:
            same = db.execute(
                "SELECT 1 FROM actions WHERE rejection_id = ? AND strategy = ? AND title = ? "
                "AND due_on IS ? AND done_on IS NULL",
                [rejection_id, action.strategy, action.title, _iso(action.due_on)],
            ).fetchone()
            if same is None:
                _insert_action(db, rejection_id, action)
    return status


def _has_stored_feedback(db: Database, rejection_id: int) -> bool:
    """Whether the stored feedback holds text, an interviewer rating or a finding (as
    :func:`assessment.forms.has_feedback` reads it)."""
    row = db.execute("SELECT text FROM feedback WHERE rejection_id = ?", [rejection_id]).fetchone()
    if row is not None and (row[0] or "").strip():
        return True
    row = db.execute(
        "SELECT EXISTS (SELECT 1 FROM ratings WHERE rejection_id = ? AND source = 'interviewer')"
        " OR EXISTS (SELECT 1 FROM findings WHERE rejection_id = ?)",
        [rejection_id, rejection_id],
    ).fetchone()
    return bool(row[0])


def insert_rejection(db: Database, rejection: Rejection, owner: str = LOCAL_OWNER) -> int:
    """Write a whole rejection (reflection, ratings, feedback, actions); used by import."""
    with write(db):
        row = _new_rejection_row(rejection, owner)
        rejection_id = int(db["rejections"].insert(row).last_pk)
        _write_reflection(db, rejection_id, rejection.reflection)
        _replace_ratings(db, rejection_id, "self", rejection.self_ratings)
        _write_feedback(db, rejection_id, rejection.feedback)
        for action in rejection.actions:
            _insert_action(db, rejection_id, action)
    return rejection_id


def delete_rejection(db: Database, rejection_id: int, owner: str = LOCAL_OWNER) -> bool:
    """Delete one rejection with everything that belongs to it; the practice items that point
    at it stay, unlinked (:data:`PRACTICE_TABLES`). False if it was not there."""
    with write(db):
        if not owns(db, rejection_id, owner):
            return False
        for table in CHILD_TABLES:
            db.execute(f"DELETE FROM {table} WHERE rejection_id = ?", [rejection_id])  # noqa: S608
        db.execute("DELETE FROM drafts WHERE rejection_id = ?", [rejection_id])
        for table in PRACTICE_TABLES:
            db.execute(
                f"UPDATE {table} SET rejection_id = NULL WHERE rejection_id = ?",  # noqa: S608
                [rejection_id],
            )
        db.execute("DELETE FROM rejections WHERE id = ?", [rejection_id])
    return True


def _insert_action(db: Database, rejection_id: int, action: Action) -> int:
    return int(db["actions"].insert(_action_row(rejection_id, action, _now())).last_pk)


BULK_CHUNK = 250


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
    now = _now()
    children: dict[str, list[dict]] = {t: [] for t in CHILD_TABLES}
    for rejection in chunk:
        row = _new_rejection_row(rejection, owner)
        columns = list(row)
        rid = db.conn.execute(
            f"INSERT INTO rejections ({', '.join(columns)}) "  # noqa: S608 - our column names
            f"VALUES ({', '.join('?' for _ in columns)})",
            [row[c] for c in columns],
        ).lastrowid
        fb = rejection.feedback
        children["reflections"].append(_reflection_row(rid, rejection.reflection))
        children["feedback"].append(_feedback_row(rid, fb))
        children["ratings"] += _rating_rows(rid, "self", rejection.self_ratings)
        children["ratings"] += _rating_rows(rid, "interviewer", fb.ratings)
        children["findings"] += _finding_rows(rid, fb.findings)
        children["actions"] += [_action_row(rid, a, now) for a in rejection.actions]
    for table, rows in children.items():
        _insert_many(db, table, rows)


def insert_rejections(
    db: Database,
    rejections: list[Rejection],
    owner: str = LOCAL_OWNER,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Write many whole rejections in one transaction (import): the rows of
    :func:`insert_rejection`, written table by table in chunks without a round of schema
    look-ups per row. ``progress(written)`` is called after each chunk."""
    every = max(1, min(BULK_CHUNK, len(rejections) // 100))
    with write(db):
        for start in range(0, len(rejections), every):
            _insert_chunk(db, rejections[start : start + every], owner)
            if progress:
                progress(min(start + every, len(rejections)))


def add_action(db: Database, rejection_id: int, action: Action, owner: str = LOCAL_OWNER) -> int:
    """Accept a step: it becomes an action of the rejection."""
    with write(db):
        if not owns(db, rejection_id, owner):
            raise StorageError("That rejection no longer exists.")
        return _insert_action(db, rejection_id, action)


def add_actions(
    db: Database,
    rejection_id: int,
    actions: Sequence[Action],
    owner: str = LOCAL_OWNER,
    replacing: Sequence[int] = (),
) -> list[int]:
    """Several actions of one rejection in one transaction (scheduled drills), in place of the
    actions ``replacing`` of that rejection. Returns the new ids, in order."""
    with write(db):
        if not owns(db, rejection_id, owner):
            raise StorageError("That rejection no longer exists.")
        for action_id in replacing:
            db.execute(
                "DELETE FROM actions WHERE id = ? AND rejection_id = ?", [action_id, rejection_id]
            )
        return [_insert_action(db, rejection_id, action) for action in actions]


def _owned_action(db: Database, action_id: int, owner: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM actions a JOIN rejections r ON r.id = a.rejection_id "
        "WHERE a.id = ? AND r.owner = ?",
        [action_id, owner],
    ).fetchone()
    return row is not None


def update_action(
    db: Database,
    action_id: int,
    owner: str = LOCAL_OWNER,
    *,
    due_on: dt.date | None | Keep = Keep.UNCHANGED,
    done_on: dt.date | None | Keep = Keep.UNCHANGED,
) -> None:
    """Change an action's due date and/or done date (None clears it)."""
    changes = {}
    if due_on is not Keep.UNCHANGED:
        changes["due_on"] = _iso(due_on)
    if done_on is not Keep.UNCHANGED:
        changes["done_on"] = _iso(done_on)
    with write(db):
        if not _owned_action(db, action_id, owner):
            raise StorageError("That action no longer exists.")
        if changes:
            db["actions"].update(action_id, changes)


def remove_action(db: Database, action_id: int, owner: str = LOCAL_OWNER) -> None:
    """Drop an action: the step goes back to being a suggestion."""
    with write(db):
        if _owned_action(db, action_id, owner):
            db.execute("DELETE FROM actions WHERE id = ?", [action_id])


# ---- reading ---------------------------------------------------------------------------


def data_version(db: Database) -> tuple[int, int]:
    """Changes as this connection sees them: rows it changed itself (``total_changes``) and
    commits by any other connection (``PRAGMA data_version``). Either moves on every write, so
    a result computed at one value can be reused while it stays the same, on this connection.
    """
    other = db.execute("PRAGMA data_version").fetchone()[0]
    return db.conn.total_changes, int(other)


def _ratings(db: Database, rejection_id: int, source: str) -> dict[str, int | None]:
    found = {
        row[0]: row[1]
        for row in db.execute(
            "SELECT skill, value FROM ratings WHERE rejection_id = ? AND source = ?",
            [rejection_id, source],
        )
    }
    return {k: found.get(k) for k in SKILL_KEYS}


def get_rejection(db: Database, rejection_id: int, owner: str = LOCAL_OWNER) -> Rejection | None:
    """One rejection with everything that belongs to it, or None (also for another owner)."""
    rows = list(
        db.query("SELECT * FROM rejections WHERE id = ? AND owner = ?", [int(rejection_id), owner])
    )
    if not rows:
        return None
    row = rows[0]
    rid = row["id"]
    refl = next(db.query("SELECT * FROM reflections WHERE rejection_id = ?", [rid]), None)
    fb = next(db.query("SELECT * FROM feedback WHERE rejection_id = ?", [rid]), None)
    findings = tuple(
        Finding(key=f["key"], polarity=f["polarity"], quote=f["quote"])
        for f in db.query(
            "SELECT key, polarity, quote FROM findings WHERE rejection_id = ? ORDER BY position",
            [rid],
        )
    )
    actions = tuple(
        Action(
            id=a["id"],
            strategy=a["strategy"],
            skill=a["skill"],
            title=a["title"],
            due_on=stored_date(a["due_on"]),
            done_on=stored_date(a["done_on"]),
        )
        for a in db.query("SELECT * FROM actions WHERE rejection_id = ? ORDER BY id", [rid])
    )
    return Rejection(
        id=rid,
        owner=row["owner"],
        company=row["company"],
        role=row["role"],
        contact_name=row["contact_name"] or "",
        stage=row["stage"],
        interviewed_on=stored_date(row["interviewed_on"]),
        # Required: a value that is no date at all (hand-edited) shows as the first day ever.
        rejected_on=stored_date(row["rejected_on"]) or dt.date.min,
        reason_given=row["reason_given"] or "",
        fit_factors=tuple(json.loads(row["fit_factors"] or "[]")),
        created_at=row["created_at"] or "",
        example=bool(row.get("example")),
        reflection=Reflection(
            went_well=(refl or {}).get("went_well") or "",
            do_differently=(refl or {}).get("do_differently") or "",
            outside_control=(refl or {}).get("outside_control") or "",
            mood=(refl or {}).get("mood"),
            confidence=(refl or {}).get("confidence"),
        ),
        self_ratings=_ratings(db, rid, "self"),
        feedback=Feedback(
            status=(fb or {}).get("status") or "not_requested",
            requested_on=stored_date((fb or {}).get("requested_on")),
            text=(fb or {}).get("text") or "",
            findings=findings,
            ratings=_ratings(db, rid, "interviewer"),
        ),
        actions=actions,
    )


def latest_rejection_id(db: Database, owner: str = LOCAL_OWNER) -> int | None:
    """The most recent ``rejected_on`` of the user's own rejections, or of the examples when
    there is none of their own; ties go to the one added last."""
    for example in (0, 1):  # two index lookups (0009): one ORDER BY across both would sort
        row = db.execute(
            "SELECT id FROM rejections WHERE owner = ? AND example = ? "
            "ORDER BY rejected_on DESC, id DESC LIMIT 1",
            [owner, example],
        ).fetchone()
        if row:
            return row[0]
    return None


def previous_rejection_id(db: Database, rejection_id: int, owner: str = LOCAL_OWNER) -> int | None:
    """The rejection just before this one in time (same ordering as History), of the same
    kind: the user's own before one of their own, an example before an example."""
    row = db.execute(
        "SELECT p.id FROM rejections r JOIN rejections p ON p.owner = r.owner "
        "AND p.example = r.example "
        "AND (p.rejected_on < r.rejected_on OR (p.rejected_on = r.rejected_on AND p.id < r.id)) "
        "WHERE r.id = ? AND r.owner = ? ORDER BY p.rejected_on DESC, p.id DESC LIMIT 1",
        [rejection_id, owner],
    ).fetchone()
    return row[0] if row else None


def count_rejections(db: Database, owner: str = LOCAL_OWNER) -> int:
    """Every rejection of the owner, examples included."""
    return db.execute("SELECT count(*) FROM rejections WHERE owner = ?", [owner]).fetchone()[0]


def count_examples(db: Database, owner: str = LOCAL_OWNER) -> int:
    """How many of the owner's rejections are examples."""
    return db.execute(
        "SELECT count(*) FROM rejections WHERE owner = ? AND example = 1", [owner]
    ).fetchone()[0]


def rejection_choices(
    db: Database, owner: str = LOCAL_OWNER, limit: int = 200, include: int | None = None
) -> list[dict]:
    """Id, company, role, stage, date and example marker of the latest ``limit`` rejections,
    newest first, for a chooser; ``include`` adds that one if it is older (it is the one
    being shown)."""
    rows = list(
        db.query(
            "SELECT id, company, role, stage, rejected_on, example FROM rejections WHERE owner = ? "
            "ORDER BY rejected_on DESC, id DESC LIMIT ?",
            [owner, limit],
        )
    )
    if include is not None and all(r["id"] != include for r in rows):
        rows.extend(
            db.query(
                "SELECT id, company, role, stage, rejected_on, example FROM rejections "
                "WHERE id = ? AND owner = ?",
                [include, owner],
            )
        )
    return rows


def list_rejections(
    db: Database, owner: str = LOCAL_OWNER, limit: int = 50, offset: int = 0
) -> list[dict]:
    """Rejections newest first with mood, average combined score and example marker, one
    page at a time."""
    sql = f"""
        WITH page AS (
            SELECT * FROM rejections WHERE owner = ?
            ORDER BY rejected_on DESC, id DESC LIMIT ? OFFSET ?
        ),
        avgs AS (
            SELECT rejection_id, avg(combined) AS average
            FROM {skill_ratings("SELECT id FROM page")} GROUP BY rejection_id
        )
        SELECT page.id, page.company, page.role, page.stage, page.interviewed_on,
            page.rejected_on, page.example, reflections.mood, reflections.confidence,
            feedback.status AS feedback_status, avgs.average
        FROM page
        LEFT JOIN reflections ON reflections.rejection_id = page.id
        LEFT JOIN feedback ON feedback.rejection_id = page.id
        LEFT JOIN avgs ON avgs.rejection_id = page.id
        ORDER BY page.rejected_on DESC, page.id DESC
    """  # noqa: S608 - our own SQL only
    return list(db.query(sql, [owner, limit, offset]))


# ---- the user's settings ------------------------------------------------------------------


def get_settings(db: Database, owner: str = LOCAL_OWNER) -> Settings:
    """The owner's name and sign-off (empty when not given yet)."""
    row = db.execute("SELECT name, sign_off FROM settings WHERE owner = ?", [owner]).fetchone()
    return Settings(name=row[0], sign_off=row[1]) if row else Settings()


def save_settings(db: Database, settings: Settings, owner: str = LOCAL_OWNER) -> Settings:
    """Store the owner's name and sign-off (one transaction), each on one line, and return
    what was stored. Over :data:`SHORT_TEXT_LIMIT` characters is refused, nothing saved."""
    clean = Settings(
        name=" ".join(settings.name.split()), sign_off=" ".join(settings.sign_off.split())
    )
    for label, value in (("Your name", clean.name), ("Sign-off", clean.sign_off)):
        if len(value) > SHORT_TEXT_LIMIT:
            raise StorageError(
                f"{label} is {len(value):,} characters long; the limit is "
                f"{SHORT_TEXT_LIMIT:,}. Nothing was saved."
            )
    with write(db):
        db["settings"].upsert(
            {"owner": owner, "name": clean.name, "sign_off": clean.sign_off, "updated_at": _now()},
            pk="owner",
        )
    return clean
