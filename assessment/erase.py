"""Delete everything of one owner so that the deleted text can be found nowhere, or only the
example rejections (:func:`delete_examples`).

Deleting rows is not enough: SQLite keeps old page images in the ``-wal`` file (a plain
``VACUUM`` in WAL mode even writes the whole database into it again) and leaves deleted text in
free space of the database file. So :func:`delete_everything` deletes with ``secure_delete``
on (zeroes freed space, which matters when other owners' rows stay), removes the app's
automatic backups, then checkpoints the WAL into the database and truncates it, ``VACUUM`` s,
and checkpoints and truncates again.

The copies taken before a migration live in :func:`storage.copies_dir` (``backups/`` beside
the database file) and are named ``<database file name>.<anything>.bak`` (see
:func:`storage.migration_copies`). In a shared
deployment those files hold every owner's data, so deleting one owner's data removes them all:
a backup still holding the deleted text would defeat the deletion.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from assessment import storage


def _tables_with(db: Database, column: str) -> list[str]:
    return [
        t.name
        for t in db.tables
        if column in t.columns_dict and not t.name.startswith(("_", "sqlite_"))
    ]


def _delete_rows(db: Database, owner: str) -> None:
    """Every row of the owner: tables keyed by ``rejection_id`` first, then by ``owner``.

    Found by column rather than listed, so tables added by later migrations are covered.
    """
    with storage.write(db):
        for table in _tables_with(db, "rejection_id"):
            db.execute(
                f"DELETE FROM [{table}] WHERE rejection_id IN "  # noqa: S608 - table names from the schema
                "(SELECT id FROM rejections WHERE owner = ?)",
                [owner],
            )
        for table in _tables_with(db, "owner"):
            if table != "rejections":
                db.execute(f"DELETE FROM [{table}] WHERE owner = ?", [owner])  # noqa: S608
        db.execute("DELETE FROM rejections WHERE owner = ?", [owner])
        _optimize_full_text(db)


def delete_examples(db: Database, owner: str = storage.LOCAL_OWNER) -> int:
    """Delete every example rejection of the owner with everything that belongs to it, in one
    transaction, and return how many there were. The user's own rejections are not touched:
    only rows marked as examples (and rows keyed by their ids) go. The user's practice items
    started from an example (:data:`storage.PRACTICE_TABLES`) stay, unlinked."""
    with storage.write(db):
        examples = "SELECT id FROM rejections WHERE owner = ? AND example = 1"
        count = db.execute(f"SELECT count(*) FROM ({examples})", [owner]).fetchone()[0]  # noqa: S608
        for table in _tables_with(db, "rejection_id"):
            change = (
                "UPDATE {} SET rejection_id = NULL"
                if table in storage.PRACTICE_TABLES
                else "DELETE FROM {}"
            )
            db.execute(
                f"{change.format(f'[{table}]')} WHERE rejection_id IN ({examples})",  # noqa: S608 - table names from the schema
                [owner],
            )
        db.execute("DELETE FROM rejections WHERE owner = ? AND example = 1", [owner])
    return int(count)


def _optimize_full_text(db: Database) -> None:
    """Full-text indexes keep deleted terms until merged; 'optimize' merges them away."""
    rows = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
    ).fetchall()
    for name, sql in rows:
        if "fts4" in sql.lower() or "fts5" in sql.lower():
            db.execute(f"INSERT INTO [{name}]([{name}]) VALUES('optimize')")  # noqa: S608


def _checkpoint(db: Database) -> None:
    busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        raise storage.StorageError(
            "Your data was deleted, but another window still has the database open, so the "
            "deleted text could not be wiped from the write-ahead log yet. Close other Rebound "
            "windows and choose Delete everything again."
        )


def delete_everything(db: Database, owner: str, db_path: str | Path | None) -> None:
    """Delete all of the owner's data and automatic backups, and leave no trace of it in the
    database file or its ``-wal`` file. Raises StorageError if the log could not be wiped."""
    db.execute("PRAGMA secure_delete = ON")
    _delete_rows(db, owner)
    if db_path is not None:
        for path in storage.migration_copies(db_path):
            path.unlink(missing_ok=True)
    _checkpoint(db)
    db.execute("VACUUM")
    _checkpoint(db)
