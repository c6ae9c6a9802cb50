"""Run one command in many processes at the same moment: the subprocess side of
test_concurrency.py.

    at_once.py COUNT OUTDIR connect DB
    at_once.py COUNT OUTDIR -m assessment ARGS...

Python starts once and imports the app; then COUNT processes are forked, each waiting on one
pipe. ``ready`` is printed when they all wait; a line on stdin releases them together (Python's
start-up takes longer than a save, so separately started processes would hardly overlap).
Each process then does what ``storage.connect(DB)`` or ``python -m assessment ARGS...`` does,
with ``{n}`` in the arguments replaced by its number, and its output in
``OUTDIR/stdout-{n}.txt`` and ``OUTDIR/stderr-{n}.txt``.
When all are done, ``exit {n} {status}`` is printed for each.
"""

from __future__ import annotations

import os
import runpy
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from assessment import cli, storage  # noqa: E402, F401  (imported once, before the fork)


def _run(args: list[str]) -> int:
    try:
        if args[0] == "connect":
            storage.connect(args[1]).close()
            return 0
        if args[:2] == ["-m", "assessment"]:
            sys.argv = ["python -m assessment", *args[2:]]
            runpy.run_module("assessment", run_name="__main__", alter_sys=True)
            return 0
        raise ValueError(f"unknown command: {args}")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        traceback.print_exc()
        return 1


def _child(n: int, outdir: Path, go: int, args: list[str]) -> None:
    status = 1
    try:
        for fd, name in ((1, "stdout"), (2, "stderr")):
            out = os.open(outdir / f"{name}-{n}.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(out, fd)
        os.close(0)
        if os.read(go, 1) == b"x":  # empty: the test went away, so do nothing
            status = _run([a.replace("{n}", str(n)) for a in args])
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def main(count: int, outdir: Path, args: list[str]) -> None:
    go_read, go_write = os.pipe()
    pids = {}
    for n in range(count):
        pid = os.fork()
        if pid == 0:
            os.close(go_write)
            _child(n, outdir, go_read, args)
        pids[pid] = n
    os.close(go_read)
    print("ready", flush=True)
    sys.stdin.readline()
    os.write(go_write, b"x" * count)
    statuses = {}
    for _ in range(count):
        pid, status = os.wait()
        statuses[pids[pid]] = os.waitstatus_to_exitcode(status)
    for n in sorted(statuses):
        print(f"exit {n} {statuses[n]}", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:])
