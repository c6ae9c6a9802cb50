"""Save rejections in a loop until killed; the subprocess side of ``test_crash_safety.py``.

Started once, the script imports the app's storage and then serves as a small fork server, so
that each kill costs a fork and not a Python start-up. For every line ``<mode> <db> <tag>
<log>`` on stdin it forks a child that opens the database, prints ``started <pid>`` and saves in
a loop until it is killed (or, as a safety net, after ``MAX_SECONDS``):

- ``insert``: one whole rejection per transaction (``storage.insert_rejection``);
- ``import``: a batch of ``BATCH`` whole rejections per call to ``backup.import_rejections``;
- ``reflect``: ``storage.save_reflection`` then ``storage.save_feedback``, as a user does it.

The child appends ``begin <what>`` before and ``saved <what>`` after each save to the log file
(a file, not the pipe: writing to the pipe wakes the test, which skews where kills land). Once
the child is gone the server prints ``ended <pid> <signal or exit status>``; at the end of stdin
it exits.
Every rejection has the shape :func:`full_rejection` gives its company, so the test can check
that what is there is whole.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from assessment import backup, storage  # noqa: E402
from assessment.models import Action, Feedback, Finding, Reflection, Rejection  # noqa: E402
from assessment.skills import SKILL_KEYS  # noqa: E402

BATCH = 10
MAX_SECONDS = 5.0
# Long enough to need overflow pages, so one save writes several pages.
FILLER = "Long answers take several database pages. " * 60


def marker(company: str) -> str:
    return f"reflection of {company}"


def feedback_marker(company: str) -> str:
    return f"feedback on {company}"


def reflection_of(company: str) -> Rejection:
    """What the Reflect page saves: the rejection, the reflection and 8 self-ratings."""
    return Rejection(
        company=company,
        role="Analyst",
        stage="onsite",
        rejected_on=dt.date(2026, 10, 9),
        interviewed_on=dt.date(2026, 10, 2),
        reason_given="More experience.",
        fit_factors=("other_candidate",),
        reflection=Reflection(marker(company), FILLER, "timing", 2, 3),
        self_ratings={key: 1 + i % 5 for i, key in enumerate(SKILL_KEYS)},
    )


def feedback_of(company: str) -> Feedback:
    """What the Feedback page saves: text, 3 confirmed findings and 8 interviewer ratings."""
    return Feedback(
        status="received",
        requested_on=dt.date(2026, 10, 10),
        text=feedback_marker(company) + " " + FILLER,
        findings=(
            Finding("communication", 1, "Clear answers."),
            Finding("evidence", -1, "No numbers."),
            Finding("other_candidate", 0, "Someone more senior."),
        ),
        ratings={key: 1 + i % 4 for i, key in enumerate(SKILL_KEYS)},
    )


def full_rejection(company: str) -> Rejection:
    """A whole rejection as import writes it: reflection, feedback and 2 actions."""
    return dataclasses.replace(
        reflection_of(company),
        feedback=feedback_of(company),
        actions=(
            Action("keep_door_open", "Thank them", due_on=dt.date(2026, 10, 20)),
            Action("shore_up", "Practise stories with numbers", skill="evidence"),
        ),
    )


def _say(line: str, fd: int = 1) -> None:
    os.write(fd, (line + "\n").encode())  # unbuffered: the parent may kill us any moment


def _save_forever(mode: str, path: str, tag: str, log_fd: int) -> None:
    db = storage.connect(path)
    _say(f"started {os.getpid()}")

    def log(line: str) -> None:
        _say(line, log_fd)

    deadline = time.monotonic() + MAX_SECONDS
    i = 0
    while time.monotonic() < deadline:
        name = f"{tag}-{i}"
        if mode == "insert":
            log(f"begin {name}")
            storage.insert_rejection(db, full_rejection(name))
            log(f"saved {name}")
        elif mode == "import":
            log(f"begin {name}")
            batch = [full_rejection(f"{name}-{j}") for j in range(BATCH)]
            backup.import_rejections(db, batch)
            log(f"saved {name}")
        elif mode == "reflect":
            log(f"begin {name}")
            rejection_id = storage.save_reflection(db, reflection_of(name))
            log(f"saved {name}")
            log(f"begin feedback {name}")
            storage.save_feedback(db, rejection_id, feedback_of(name))
            log(f"saved feedback {name}")
        else:
            raise ValueError(mode)
        i += 1


def serve() -> None:
    _say("ready")
    for line in sys.stdin:
        mode, path, tag, log_path = line.split()
        pid = os.fork()
        if pid == 0:
            status = 0
            log_fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                _save_forever(mode, path, tag, log_fd)
            except BaseException as exc:  # report, never fall back into the server loop
                _say(f"error {type(exc).__name__}: {exc}", log_fd)
                status = 1
            finally:
                os._exit(status)
        _, wait_status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(wait_status):
            _say(f"ended {pid} signal {os.WTERMSIG(wait_status)}")
        else:
            _say(f"ended {pid} exit {os.WEXITSTATUS(wait_status)}")


if __name__ == "__main__":
    serve()
