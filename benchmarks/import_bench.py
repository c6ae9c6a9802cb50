"""Time a large backup through export, parse, import and the progress summaries:
``python benchmarks/import_bench.py [N]`` (default 10,000 rejections).

Works on a fresh database file in a temporary folder (file-backed, WAL, as the app runs), so
the numbers include real disk writes. Prints one line per phase; it asserts nothing.
"""

from __future__ import annotations

import copy
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment import backup, examples, storage  # noqa: E402
from assessment.plan import patterns  # noqa: E402
from assessment.views import progress  # noqa: E402


def generated_backup(n: int) -> str:
    source = storage.memory_db()
    examples.load_examples(source, today=dt.date(2026, 11, 25))
    template = backup.export_backup(source)["rejections"]
    docs = []
    for i in range(n):
        doc = copy.deepcopy(template[i % len(template)])
        day = dt.date(2026, 11, 25) - dt.timedelta(days=n - i)  # none in the future
        doc["company"] = f"{doc['company']} {i}"
        doc["rejected_on"] = day.isoformat()
        doc["interviewed_on"] = (day - dt.timedelta(days=3)).isoformat()
        docs.append(doc)
    return backup.dumps_backup(
        {"format": backup.FORMAT, "version": backup.VERSION, "rejections": docs}
    )


def timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    print(f"{label:<28} {time.perf_counter() - start:7.2f} s")
    return result


def main(n: int) -> None:
    text = timed("generate backup", lambda: generated_backup(n))
    print(f"{'backup size':<28} {len(text.encode()) / 1024 / 1024:7.1f} MB ({n:,} rejections)")
    with tempfile.TemporaryDirectory() as folder:
        db = storage.connect(Path(folder) / "bench.db")
        rejections = timed("parse and validate", lambda: backup.parse_backup(text.encode()))
        result = timed("import (one transaction)", lambda: backup.import_rejections(db, rejections))
        assert result.added == n
        timed("import again (all skipped)", lambda: backup.import_rejections(db, rejections))
        timed("export", lambda: backup.dumps_backup(backup.export_backup(db)))
        timed("export CSV", lambda: backup.export_csv(db))
        timed("find patterns", lambda: patterns.find_patterns(db))
        timed("skill trend", lambda: progress.skill_trend(db, "local"))
        timed("mood trend", lambda: progress.mood_trend(db, "local"))
        timed("skill change", lambda: progress.skill_change(db, "local"))
        timed("gaps", lambda: progress.gaps(db, "local"))
        db.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
