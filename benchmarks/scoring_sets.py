"""The labelled sets of the feedback reader and the tone check, and how each is scored.

Used by ``feedback_eval.py`` and ``tone_eval.py`` to print the figures, and by the tests that
hold a figure to its floor (``tests/test_reader.py``, ``tests/test_tone.py``). Each set has a
``reported`` split, written and committed before the rules and never used for tuning, and a
``tuning`` split. The reader has two such pairs: the real-text corpus gathered from public pages
(``real-reported`` / ``real-tuning``, ``docs/corpus_feedback.md``) and the older team-written
sentences (``reported`` / ``tuning``), kept as regression tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from assessment.reading.reader import read_feedback
from assessment.reading.tone import CATEGORIES, check_tone
from assessment.skills import FIT_FACTOR_KEYS, SKILL_KEYS

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
REAL_FEEDBACK = DATA / "real_feedback"
READER_SETS: dict[str, Path] = {
    "real-reported": REAL_FEEDBACK / "reported.jsonl",
    "real-tuning": REAL_FEEDBACK / "tuning.jsonl",
    "real-tuning-more": REAL_FEEDBACK / "tuning_more.jsonl",
    "reported": DATA / "feedback_reported.jsonl",
    "tuning": DATA / "feedback_tuning.jsonl",
}
# Only these splits' mistakes may ever be listed; the reported splits are for reporting only.
READER_TUNING_SPLITS: tuple[str, ...] = ("real-tuning", "real-tuning-more", "tuning")
TONE_SETS: dict[str, Path] = {
    "real-reported": DATA / "real_outreach" / "reported.jsonl",
    "real-tuning": DATA / "real_outreach" / "tuning.jsonl",
    "reported": DATA / "tone_reported.jsonl",
    "tuning": DATA / "tone_tuning.jsonl",
}
READER_KEYS: tuple[str, ...] = SKILL_KEYS + FIT_FACTOR_KEYS


def load_labelled(path: str | Path) -> list[dict]:
    """The rows of a JSONL labelled set, blank lines skipped."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# --- the feedback reader ---------------------------------------------------------------------


def score_reader(rows: Iterable[Mapping[str, object]]) -> dict[str, object]:
    """Micro precision, recall and F1 over (sentence, key, polarity) triples, and counts per key.

    ``rows`` are ``{"sentence": str, "labels": [{"key": str, "polarity": int}, ...]}``.
    The result has ``precision``, ``recall``, ``f1``, ``tp``, ``fp``, ``fn``, ``sentences``,
    ``per_key`` (key -> {"tp", "fp", "fn"}) and ``errors`` (sentence, missed, extra).
    """
    per_key = {key: {"tp": 0, "fp": 0, "fn": 0} for key in READER_KEYS}
    errors: list[dict[str, object]] = []
    sentences = 0
    for row in rows:
        sentences += 1
        sentence = str(row["sentence"])
        expected = {(str(label["key"]), int(label["polarity"])) for label in row["labels"]}  # type: ignore[union-attr,index]
        predicted = {(f.key, f.polarity) for f in read_feedback(sentence)}
        for key, _ in predicted & expected:
            per_key.setdefault(key, {"tp": 0, "fp": 0, "fn": 0})["tp"] += 1
        for key, _ in predicted - expected:
            per_key.setdefault(key, {"tp": 0, "fp": 0, "fn": 0})["fp"] += 1
        for key, _ in expected - predicted:
            per_key.setdefault(key, {"tp": 0, "fp": 0, "fn": 0})["fn"] += 1
        if predicted != expected:
            errors.append(
                {
                    "sentence": sentence,
                    "missed": sorted(expected - predicted),
                    "extra": sorted(predicted - expected),
                }
            )
    tp = sum(counts["tp"] for counts in per_key.values())
    fp = sum(counts["fp"] for counts in per_key.values())
    fn = sum(counts["fn"] for counts in per_key.values())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "sentences": sentences,
        "per_key": per_key,
        "errors": errors,
    }


def boilerplate_findings(rows: Iterable[Mapping[str, object]]) -> int:
    """How many findings the reader gives on the rows of kind ``boilerplate`` labelled ``[]``.

    Thanks, good wishes and "we'll keep your CV on file" must never give a finding: the figure
    should be 0.
    """
    return sum(
        len(read_feedback(str(row["sentence"])))
        for row in rows
        if row.get("kind") == "boilerplate" and not row["labels"]
    )


# --- the tone check --------------------------------------------------------------------------


def ratio(hits: int, total: int) -> float:
    """Precision or recall: with nothing to find or nothing predicted there is nothing to get
    wrong, so 1.0."""
    return hits / total if total else 1.0


def add_sets(counts: list[int], got: set, want: set) -> None:
    """Add one row's true positives, false positives and false negatives to ``counts``."""
    counts[0] += len(got & want)
    counts[1] += len(got - want)
    counts[2] += len(want - got)


def precision_recall(
    counts: Mapping[str, list[int]],
) -> dict[str, tuple[float, float, int, int, int]]:
    """Per item: (precision, recall, tp, fp, fn) from its [tp, fp, fn] counts."""
    return {
        item: (ratio(tp, tp + fp), ratio(tp, tp + fn), tp, fp, fn)
        for item, (tp, fp, fn) in counts.items()
    }


def _counts(pairs: Iterable[tuple[bool, bool]]) -> dict[str, float]:
    tp = fp = fn = 0
    for truth, predicted in pairs:
        tp += truth and predicted
        fp += predicted and not truth
        fn += truth and not predicted
    return {
        "precision": ratio(tp, tp + fp),
        "recall": ratio(tp, tp + fn),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def score_tone(rows: Iterable[Mapping]) -> dict:
    """Precision and recall of "not calm" detection, overall and per category.

    ``rows`` are ``{"sentence": str, "calm": bool, "categories": [str, ...]}``. A sentence is
    predicted not calm when ``check_tone`` returns any flag; it is predicted to be in a category
    when any flag has that category. Returns
    ``{"n", "precision", "recall", "tp", "fp", "fn", "categories": {cat: {...}}, "misses"}``
    where ``misses`` lists the sentences the check got wrong overall.
    """
    rows = list(rows)
    truth_calm, predicted_calm = [], []
    truth_cats, predicted_cats = [], []
    misses = []
    for row in rows:
        flags = check_tone(row["sentence"])
        found = {f.category for f in flags}
        truth_calm.append(not row["calm"])
        predicted_calm.append(bool(flags))
        truth_cats.append(set(row.get("categories", [])))
        predicted_cats.append(found)
        if bool(flags) == row["calm"] or found != set(row.get("categories", [])):
            misses.append(
                {
                    "sentence": row["sentence"],
                    "expected": sorted(row.get("categories", [])),
                    "found": sorted(found),
                }
            )
    result = {"n": len(rows), **_counts(zip(truth_calm, predicted_calm, strict=True))}
    result["categories"] = {
        cat: _counts(
            (cat in truth, cat in predicted)
            for truth, predicted in zip(truth_cats, predicted_cats, strict=True)
        )
        for cat in CATEGORIES
    }
    result["misses"] = misses
    return result
