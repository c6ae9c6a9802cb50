"""What parsing a backup costs: ``python benchmarks/import_parse_bench.py [N]``.

Each file is parsed by ``backup.parse_backup`` in a fresh subprocess, which reports the time
and its peak resident memory (``VmHWM``) above what it held with the file already read, as a
multiple of the file size. Files:

- (a) 50 MB of tiny containers (``[[],[],...]`` and ``[{},{},...]`` as the rejections): must
  be refused quickly, well under 3x the file; ``json.loads`` alone on the first is shown for
  comparison (what parsing cost before the bound);
- (b) a legitimate backup of N rejections (default 20,000) with varied company names, made
  with backup's own export from the example rejections: must be accepted (and the time and
  memory of the bound's own check on it);
- (c) the worst files the bound lets through: containers padded to exactly the bound, and
  many short strings (values the bound does not count).

It prints one line per file and asserts nothing.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment import backup, examples, storage  # noqa: E402

HEAD = b'{"format":"rebound-backup","version":1,"rejections":['
TAIL = b"]}"
SIZE = backup.MAX_BACKUP_BYTES - 1024


def _repeat(item: bytes, size: int = SIZE) -> bytes:
    count = (size - len(HEAD) - len(TAIL)) // (len(item) + 1)
    return HEAD + b",".join([item] * count) + TAIL


def tiny_lists() -> bytes:
    return _repeat(b"[]")


def tiny_objects() -> bytes:
    return _repeat(b"{}")


def padded_to_the_bound() -> bytes:
    return _repeat(b"[]" + b" " * (backup.BYTES_PER_CONTAINER - 3))


def short_strings() -> bytes:
    return _repeat(b'"ab"')


def legitimate(n: int) -> bytes:
    source = storage.memory_db()
    today = dt.date.today()
    examples.load_examples(source, today=today)
    template = backup.export_backup(source)["rejections"]
    docs = []
    for i in range(n):
        doc = copy.deepcopy(template[i % len(template)])
        day = today - dt.timedelta(days=n - i)
        doc["company"] = f"{doc['company']} {i:05d} {'ÄÖÜ東京'[i % 5]}{i * 7919 % 10_007}"
        doc["rejected_on"] = day.isoformat()
        doc["interviewed_on"] = (day - dt.timedelta(days=3)).isoformat()
        doc["feedback"]["requested_on"] = doc["rejected_on"]
        for action in doc["actions"]:
            action["due_on"] = action["done_on"] = doc["rejected_on"]
        docs.append(doc)
    target = storage.memory_db()
    backup.import_rejections(
        target,
        backup.parse_backup(
            backup.dumps_backup(
                {"format": backup.FORMAT, "version": backup.VERSION, "rejections": docs}
            )
        ),
    )
    return backup.dumps_backup(backup.export_backup(target)).encode()


def _peak_rss() -> int:
    """The process's peak resident memory in bytes: ``VmHWM`` on Linux (``ru_maxrss`` of a
    child also counts the parent it was forked from, before the exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def child(path: str, how: str) -> None:
    """Runs in the subprocess: parse one file, print seconds, peak growth (bytes), outcome."""
    raw = Path(path).read_bytes()
    before = _peak_rss()
    start = time.perf_counter()
    try:
        if how == "json.loads":
            json.loads(raw)
            outcome = "built"
        elif how == "bound":
            backup._check_cost(raw)
            outcome = "within the bound"
        else:
            outcome = f"accepted {len(backup.parse_backup(raw)):,}"
    except backup.BackupError as exc:
        outcome = f"refused: {exc.message[:90]}"
    seconds = time.perf_counter() - start
    peak = _peak_rss()
    print(json.dumps({"seconds": seconds, "growth": peak - before, "outcome": outcome}))


def measure(label: str, raw: bytes, how: str = "parse_backup") -> None:
    with tempfile.NamedTemporaryFile(suffix=".json") as file:
        file.write(raw)
        file.flush()
        done = subprocess.run(
            [sys.executable, __file__, "--child", file.name, how],
            capture_output=True,
            text=True,
            check=True,
        )
    result = json.loads(done.stdout)
    size = len(raw)
    print(
        f"{label:<44} {size / 1024 / 1024:6.1f} MB {result['seconds']:7.2f} s "
        f"{result['growth'] / 1024 / 1024:8.1f} MB {result['growth'] / size:6.2f}x  "
        f"{result['outcome']}"
    )


def main(n: int) -> None:
    print(f"{'file':<44} {'size':>9} {'time':>9} {'peak +':>11} {'x file':>7}  outcome")
    lists = tiny_lists()
    measure("(a) tiny lists, json.loads alone (before)", lists, "json.loads")
    measure("(a) tiny lists [[],[],...]", lists)
    del lists
    measure("(a) tiny objects [{},{},...]", tiny_objects())
    legit = legitimate(n)
    measure(f"(b) legitimate export, {n:,} rejections", legit)
    measure("(b) the same, the bound's own check alone", legit, "bound")
    del legit
    measure("(c) containers padded to the bound", padded_to_the_bound())
    measure("(c) short strings (not counted by the bound)", short_strings())


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3])
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
