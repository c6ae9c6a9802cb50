"""Score the feedback reader on both labelled sets and time it on 50,000 characters.

    python benchmarks/feedback_eval.py                  # scores, confusion table, timing
    python benchmarks/feedback_eval.py --errors tuning  # also list the tuning set's mistakes

Only the tuning set's mistakes are ever listed: the reported set is for reporting, and reading
its mistakes would turn it into a second tuning set.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assessment.reading.reader import read_feedback  # noqa: E402
from benchmarks.scoring_sets import (  # noqa: E402
    READER_KEYS,
    READER_SETS,
    load_labelled,
    score_reader,
)

TIMING_CHARS = 50_000
TIMING_RUNS = 7


def timing_text(rows: list[dict]) -> str:
    """About 50,000 characters of realistic feedback: every labelled sentence, repeated."""
    paragraph = " ".join(row["sentence"] for row in rows)
    text = paragraph
    while len(text) < TIMING_CHARS:
        text += "\n\n" + paragraph
    return text[:TIMING_CHARS]


def print_scores(name: str, result: dict) -> None:
    print(
        f"{name:<9} sentences={result['sentences']:<4} "
        f"P={result['precision']:.3f} R={result['recall']:.3f} F1={result['f1']:.3f} "
        f"(TP={result['tp']} FP={result['fp']} FN={result['fn']})"
    )


def print_confusion(results: dict[str, dict]) -> None:
    names = list(results)
    print(f"{'key':<20}" + "".join(f"{name + ' TP/FP/FN':>20}" for name in names))
    for key in READER_KEYS:
        cells = []
        for name in names:
            counts = results[name]["per_key"][key]
            cells.append(f"{counts['tp']}/{counts['fp']}/{counts['fn']:<3}")
        print(f"{key:<20}" + "".join(f"{cell:>20}" for cell in cells))


def time_reader(text: str) -> tuple[float, int]:
    durations = []
    findings = 0
    for _ in range(TIMING_RUNS):
        started = time.perf_counter()
        findings = len(read_feedback(text))
        durations.append(time.perf_counter() - started)
    return statistics.median(durations), findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=["tuning"], help="list the mistakes on a split")
    args = parser.parse_args()

    rows = {name: load_labelled(path) for name, path in READER_SETS.items()}
    results = {name: score_reader(split) for name, split in rows.items()}
    for name, result in results.items():
        print_scores(name, result)
    print()
    print_confusion(results)
    print()
    text = timing_text(rows["tuning"] + rows["reported"])
    median, findings = time_reader(text)
    print(
        f"read_feedback on {len(text):,} characters: median {median * 1000:.1f} ms "
        f"over {TIMING_RUNS} runs ({findings} findings)"
    )
    no_punctuation = ("your answers were clear and you seemed calm " * 1200)[:TIMING_CHARS]
    median, findings = time_reader(no_punctuation)
    print(
        f"read_feedback on {len(no_punctuation):,} characters without punctuation: "
        f"median {median * 1000:.1f} ms ({findings} findings)"
    )
    if args.errors:
        print()
        for error in results[args.errors]["errors"]:
            print(f"- {error['sentence']}\n    missed={error['missed']} extra={error['extra']}")


if __name__ == "__main__":
    main()
