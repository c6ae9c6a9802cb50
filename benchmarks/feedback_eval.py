"""Score the feedback reader on its four labelled sets and time it.

    python benchmarks/feedback_eval.py                       # scores, per-key table, timing
    python benchmarks/feedback_eval.py --errors real-tuning  # also list the real tuning half's mistakes
    python benchmarks/feedback_eval.py --errors tuning       # ... or the old team-written tuning set's

The four sets: the real-text corpus (``real-reported``, held out; ``real-tuning``) and the old
team-written sentences (``reported``, ``tuning``). Only the tuning splits' mistakes are ever
listed: a reported split is for reporting, and reading its mistakes would turn it into a second
tuning set. Per key, the table gives precision, recall and F1 with the counts behind them.
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
    READER_TUNING_SPLITS,
    boilerplate_findings,
    load_labelled,
    ratio,
    score_reader,
)

TIMING_CHARS = 50_000
EMAIL_CHARS = 5_000
TIMING_RUNS = 7


def timing_text(rows: list[dict], chars: int = TIMING_CHARS) -> str:
    """About ``chars`` characters of realistic feedback: every labelled sentence, repeated."""
    paragraph = " ".join(row["sentence"] for row in rows)
    text = paragraph
    while len(text) < chars:
        text += "\n\n" + paragraph
    return text[:chars]


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def print_scores(name: str, result: dict) -> None:
    print(
        f"{name:<14} sentences={result['sentences']:<4} "
        f"P={result['precision']:.3f} R={result['recall']:.3f} F1={result['f1']:.3f} "
        f"(TP={result['tp']} FP={result['fp']} FN={result['fn']})"
    )


def print_per_key(name: str, result: dict) -> None:
    print(f"per key, {name}:")
    print(f"  {'key':<20}{'P':>7}{'R':>7}{'F1':>7}   TP/FP/FN")
    for key in READER_KEYS:
        counts = result["per_key"][key]
        precision = ratio(counts["tp"], counts["tp"] + counts["fp"])
        recall = ratio(counts["tp"], counts["tp"] + counts["fn"])
        print(
            f"  {key:<20}{precision:>7.2f}{recall:>7.2f}{_f1(precision, recall):>7.2f}   "
            f"{counts['tp']}/{counts['fp']}/{counts['fn']}"
        )


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
    parser.add_argument(
        "--errors", choices=READER_TUNING_SPLITS, help="list the mistakes on a tuning split"
    )
    args = parser.parse_args()

    rows = {name: load_labelled(path) for name, path in READER_SETS.items()}
    results = {name: score_reader(split) for name, split in rows.items()}
    for name, result in results.items():
        print_scores(name, result)
    print()
    for name, result in results.items():
        print_per_key(name, result)
        print()
    for name in ("real-reported", "real-tuning"):
        boilerplate = sum(1 for row in rows[name] if row.get("kind") == "boilerplate")
        print(
            f"boilerplate {name}: {boilerplate_findings(rows[name])} findings "
            f"on {boilerplate} boilerplate sentences (must be 0)"
        )
    print()
    every_row = [row for split in rows.values() for row in split]
    for chars in (EMAIL_CHARS, TIMING_CHARS):
        text = timing_text(every_row, chars)
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
