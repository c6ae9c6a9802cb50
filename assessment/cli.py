"""``python -m assessment``: demo, export, import, plan, list and results, as ``domain.md``
describes them.

Data (JSON, Markdown) goes to stdout and nothing else does; messages go to stderr. Exit status
0 when done, 2 for invalid input or a database that cannot be read, always with a one-line
message and never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from assessment import backup, examples, storage
from assessment.plan.markdown import plan_markdown
from assessment.plan.steps import build_plan
from assessment.scoring import assessment_of
from assessment.text import escaped
from assessment.views import report

OK = 0
INVALID = 2


class UsageError(Exception):
    """Invalid input; the message is the one line the user sees."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line instead of usage + message
        raise UsageError(f"{message} (see: {self.prog} --help)")


def _rejection_id(raw: str) -> int:
    """``--rejection``: parsed as strictly as ``?rejection=`` (``storage.parse_id``)."""
    rid = storage.parse_id(raw)
    if rid is None:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a rejection id (a whole number from 1)")
    return rid


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        type=Path,
        default=None,
        help="database file (default: the app's database; REBOUND_DB overrides it)",
    )
    common.add_argument(
        "--owner", default=storage.LOCAL_OWNER, help="whose data, in a shared deployment"
    )
    parser = _Parser(prog="python -m assessment", description="Rebound on the command line.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    commands.add_parser("demo", parents=[common], help="load the example data set")
    export = commands.add_parser("export", parents=[common], help="write a JSON backup")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    imp = commands.add_parser("import", parents=[common], help="validate and import a backup")
    imp.add_argument("file", help="backup file to import ('-' reads stdin)")
    plan = commands.add_parser("plan", parents=[common], help="print the plan of a rejection")
    which = plan.add_mutually_exclusive_group()
    which.add_argument("--rejection", type=_rejection_id, metavar="ID", help="the rejection's id")
    which.add_argument(
        "--latest", action="store_true", help="the most recent rejection (the default)"
    )
    plan.add_argument("--format", choices=("markdown", "json"), default="markdown")
    commands.add_parser(
        "list", parents=[common], help="list the rejections, newest first"
    ).add_argument("--format", choices=("table", "json"), default="table")
    results = commands.add_parser(
        "results", parents=[common], help="print the assessment of a rejection"
    )
    which = results.add_mutually_exclusive_group()
    which.add_argument("--rejection", type=_rejection_id, metavar="ID", help="the rejection's id")
    which.add_argument(
        "--latest", action="store_true", help="the most recent rejection (the default)"
    )
    results.add_argument("--format", choices=("markdown", "json"), default="markdown")
    return parser


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _open(args: argparse.Namespace):
    return storage.connect(args.db or storage.default_db_path())


def _demo(args: argparse.Namespace) -> int:
    db = _open(args)
    added = examples.load_examples(db, args.owner)
    if added:
        _say(f"Loaded {added} example rejections, marked as examples.")
    else:
        _say("The example rejections are already there; nothing was added.")
    return OK


def _write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path`` and rename it, so a failed export never
    leaves a half-written backup behind."""
    path = path.expanduser()
    fd, tmp = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".", prefix=".rebound-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _export(args: argparse.Namespace) -> int:
    db = _open(args)
    doc = backup.export_backup(db, args.owner)
    text = backup.dumps_backup(doc)
    what = f"{len(doc['rejections'])} rejections"
    if doc["stories"] or doc["drills"] or doc["reratings"]:
        practice = backup.practice_words(
            len(doc["stories"]), len(doc["drills"]), len(doc["reratings"])
        )
        what += f" with {practice}"
    if args.output is None or str(args.output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        _say(f"Exported {what}.")
    else:
        try:
            _write_atomically(args.output, text)
        except OSError as exc:
            raise UsageError(f"Could not write {args.output}: {exc.strerror or exc}.") from None
        _say(f"Exported {what} to {args.output}.")
    return OK


def _read_backup(name: str) -> bytes:
    """The file's bytes; whether it is too large is :func:`backup.parse_backup`'s check."""
    try:
        if name == "-":
            return backup.read_backup(sys.stdin.buffer)
        with Path(name).expanduser().open("rb") as handle:
            return backup.read_backup(handle)
    except OSError as exc:
        raise UsageError(f"Could not read {name}: {exc.strerror or exc}.") from None


def _import(args: argparse.Namespace) -> int:
    raw = _read_backup(args.file)
    try:
        rejections = backup.parse_backup(raw)
    except backup.BackupError as exc:
        raise UsageError(f"{exc.message} Nothing was imported.") from None
    db = _open(args)
    result = backup.import_rejections(db, rejections, args.owner)
    _say(f"Added {result.added} rejections; skipped {result.skipped} already there.")
    if result.practice:
        added = backup.practice_words(
            result.stories_added, result.drills_added, result.reratings_added
        )
        skipped = result.stories_skipped + result.drills_skipped + result.reratings_skipped
        _say(f"Added {added}; skipped {skipped} practice items already there.")
    for label in result.skipped_labels[:20]:
        _say(f"  skipped: {escaped(' '.join(label.split()), limit=200)}")
    if result.skipped > 20:
        _say(f"  ... and {result.skipped - 20} more skipped")
    return OK


def _step_dict(step) -> dict:
    return {
        "priority": step.priority,
        "strategy": step.strategy,
        "title": step.title,
        "why": step.why,
        "skill": step.skill,
        "status": step.status,
        "due_on": step.due_on.isoformat() if step.due_on else None,
        "done_on": step.done_on.isoformat() if step.done_on else None,
        "detail": step.detail,
        "message": step.message,
        "minutes": step.minutes,
        **(
            {"to": step.to, "send_on": step.send_on.isoformat() if step.send_on else None}
            if step.message
            else {}
        ),
    }


def _plan(args: argparse.Namespace) -> int:
    db = _open(args)
    rejection = _chosen_rejection(db, args)
    today = dt.date.today()
    steps = build_plan(db, rejection.id, args.owner, today)
    if args.format == "json":
        sys.stdout.write(json.dumps([_step_dict(s) for s in steps], ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
    else:
        sys.stdout.write(plan_markdown(rejection, steps))
    sys.stdout.flush()
    return OK


LIST_COLUMNS = ("id", "company", "role", "stage", "rejected_on", "example")


def _list_rows(db, owner: str) -> list[dict]:
    total = storage.count_rejections(db, owner)
    rows = storage.rejection_choices(db, owner, limit=max(total, 1))
    return [
        {
            "id": r["id"],
            "company": r["company"],
            "role": r["role"],
            "stage": r["stage"],
            "rejected_on": r["rejected_on"],
            "example": bool(r["example"]),
        }
        for r in rows
    ]


def _table(rows: list[dict]) -> str:
    """Rows as aligned plain-text columns; user text with control characters escaped."""
    cells = [list(LIST_COLUMNS)] + [
        [
            escaped(str(r[c]), limit=60) if c != "example" else ("yes" if r[c] else "no")
            for c in LIST_COLUMNS
        ]
        for r in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(LIST_COLUMNS))]
    return "".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n"
        for row in cells
    )


def _list(args: argparse.Namespace) -> int:
    db = _open(args)
    rows = _list_rows(db, args.owner)
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_table(rows))
    sys.stdout.flush()
    if not rows:
        _say("There are no rejections yet.")
    return OK


def _chosen_rejection(db, args: argparse.Namespace):
    """The rejection ``--rejection ID`` names, or the latest; UsageError when there is none."""
    rejection_id = args.rejection
    if rejection_id is None:
        rejection_id = storage.latest_rejection_id(db, args.owner)
        if rejection_id is None:
            raise UsageError(
                "There are no rejections yet. Add one in the app, or load the examples with "
                "python -m assessment demo."
            )
    rejection = storage.get_rejection(db, rejection_id, args.owner)
    if rejection is None:
        raise UsageError(f"There is no rejection with id {rejection_id}.")
    return rejection


def _results(args: argparse.Namespace) -> int:
    db = _open(args)
    rejection = _chosen_rejection(db, args)
    current = assessment_of(rejection)
    if args.format == "json":
        doc = report.results_json(rejection.id, current)
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(report.results_markdown(rejection, current))
    sys.stdout.flush()
    return OK


COMMANDS = {
    "demo": _demo,
    "export": _export,
    "import": _import,
    "plan": _plan,
    "list": _list,
    "results": _results,
}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except UsageError as exc:
        _say(f"error: {exc}")
    except storage.StorageError as exc:
        _say(f"error: {' '.join(str(exc).split())}")
    except sqlite3.DatabaseError as exc:
        _say(f"error: the database could not be read ({exc}).")
    except BrokenPipeError:
        # The reader of stdout went away (e.g. `| head`); nothing more to say.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OK
    except KeyboardInterrupt:
        _say("Interrupted; nothing more was written.")
        return 130
    return INVALID
