"""Score the tone check on the labelled sets: ``python benchmarks/tone_eval.py``.

Prints, for each split, precision and recall of "not calm" detection (a sentence is predicted
not calm when it gets any flag) and per category. The rules are tuned on the tuning split
only; the reported splits are held out, and ``--misses`` lists the tuning splits' misses
only. ``real-*`` are replies people really sent or published (tests/data/real_outreach).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment.reading.tone import CATEGORIES  # noqa: E402
from benchmarks.scoring_sets import TONE_SETS, load_labelled, score_tone  # noqa: E402


def _line(name: str, scores: dict) -> str:
    return (
        f"  {name:<10} precision {scores['precision']:.2f}  recall {scores['recall']:.2f}"
        f"  (tp {scores['tp']}, fp {scores['fp']}, fn {scores['fn']})"
    )


def main(argv: list[str]) -> int:
    show_misses = "--misses" in argv
    for split, path in TONE_SETS.items():
        scores = score_tone(load_labelled(path))
        print(f"{split} ({scores['n']} sentences)")
        print(_line("not calm", scores))
        for category in CATEGORIES:
            print(_line(category, scores["categories"][category]))
        if show_misses and "reported" not in split:  # held-out halves: figures only
            for miss in scores["misses"]:
                print(
                    f"    miss: {miss['sentence']!r} expected {miss['expected']}"
                    f" found {miss['found']}"
                )
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
