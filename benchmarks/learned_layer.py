"""Does a learned layer beat the feedback reader's rules on real text? An experiment, not part
of the app: ``python benchmarks/learned_layer.py`` (needs ``pip install wordllama scikit-learn``).

The issue asks to try a hybrid and keep it only if it wins on the real reported half by a
clear margin. The embeddings are wordllama's small static ones, which ship inside its wheel and
load offline (``WordLlama.load(cache_dir=<the package's folder>, disable_download=True)``);
one logistic regression per (key, polarity) is trained on the tuning data only (the real
tuning half and the team-written sets), never on the real reported half, which is only scored.

Three readers are compared on the real reported half (summary figures only):
- rules: ``read_feedback`` as the app ships it;
- learned: the classifiers alone (a label when its probability passes the threshold);
- hybrid: the rules' findings, plus the classifiers' skill labels for sentences where the
  rules found nothing (fit factors stay with the rules), each learned finding explained by the
  nearest labelled training sentence.
The threshold is chosen on the tuning data by cross-validation, not on the reported half.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assessment.reading.reader import read_feedback  # noqa: E402
from assessment.skills import FIT_FACTOR_KEYS, SKILL_KEYS  # noqa: E402
from benchmarks.scoring_sets import load_labelled  # noqa: E402

DATA = ROOT / "tests" / "data"
TRAIN = [
    DATA / "real_feedback" / "tuning.jsonl",
    DATA / "real_feedback" / "tuning_more.jsonl",
    DATA / "feedback_tuning.jsonl",
    DATA / "feedback_reported.jsonl",  # the old team-written set: training data here
]
REPORTED = DATA / "real_feedback" / "reported.jsonl"
LABELS = (
    [(k, 1) for k in SKILL_KEYS] + [(k, -1) for k in SKILL_KEYS] + [(k, 0) for k in FIT_FACTOR_KEYS]
)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def truth(row: dict) -> set[tuple[str, int]]:
    return {(str(label["key"]), int(label["polarity"])) for label in row["labels"]}


def rules(sentence: str) -> set[tuple[str, int]]:
    return {(f.key, f.polarity) for f in read_feedback(sentence)}


def micro(pairs: list[tuple[set, set]]) -> dict[str, float]:
    tp = sum(len(p & t) for p, t in pairs)
    fp = sum(len(p - t) for p, t in pairs)
    fn = sum(len(t - p) for p, t in pairs)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


class Learned:
    """One logistic regression per label over wordllama sentence embeddings."""

    def __init__(self, rows: list[dict]) -> None:
        import numpy as np
        import wordllama
        from sklearn.linear_model import LogisticRegression
        from wordllama import WordLlama

        self.np = np
        self.model = WordLlama.load(
            cache_dir=os.path.dirname(wordllama.__file__), disable_download=True
        )
        self.sentences = [r["sentence"] for r in rows]
        self.x = self.model.embed(self.sentences, norm=True)
        self.truths = [truth(r) for r in rows]
        self.classifiers = {}
        for label in LABELS:
            y = np.array([label in t for t in self.truths])
            if y.sum() >= 2:
                clf = LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced")
                self.classifiers[label] = clf.fit(self.x, y)

    def predict(self, sentences: list[str], threshold: float) -> list[set[tuple[str, int]]]:
        x = self.model.embed(sentences, norm=True)
        found: list[set[tuple[str, int]]] = [set() for _ in sentences]
        for label, clf in self.classifiers.items():
            for i, p in enumerate(clf.predict_proba(x)[:, 1]):
                if p >= threshold:
                    found[i].add(label)
        for labels in found:  # a skill is a strength or a concern, not both
            for key in SKILL_KEYS:
                if (key, 1) in labels and (key, -1) in labels:
                    labels.discard((key, 1))
                    labels.discard((key, -1))
        return found

    def nearest(self, sentence: str) -> str:
        """The labelled training sentence closest to ``sentence``: a learned finding's reason."""
        v = self.model.embed([sentence], norm=True)[0]
        return self.sentences[int(self.np.argmax(self.x @ v))]


def hybrid(rule_found: set, learned_found: set) -> set:
    if rule_found:
        return rule_found
    return {label for label in learned_found if label[0] in SKILL_KEYS}


def cross_validated_threshold(rows: list[dict], folds: int = 5) -> float:
    """The threshold with the best hybrid F1 over folds of the training data."""
    best, best_f1 = THRESHOLDS[0], -1.0
    for threshold in THRESHOLDS:
        pairs = []
        for fold in range(folds):
            train = [r for i, r in enumerate(rows) if i % folds != fold]
            test = [r for i, r in enumerate(rows) if i % folds == fold]
            model = Learned(train)
            learned = model.predict([r["sentence"] for r in test], threshold)
            pairs += [
                (hybrid(rules(r["sentence"]), found), truth(r))
                for r, found in zip(test, learned, strict=True)
            ]
        f1 = micro(pairs)["f1"]
        if f1 > best_f1:
            best, best_f1 = threshold, f1
    return best


def line(name: str, scores: dict[str, float]) -> str:
    return (
        f"{name:<8} P={scores['precision']:.3f} R={scores['recall']:.3f} F1={scores['f1']:.3f} "
        f"(TP={scores['tp']} FP={scores['fp']} FN={scores['fn']})"
    )


def main() -> None:
    train = [r for path in TRAIN for r in load_labelled(path)]
    reported = load_labelled(REPORTED)
    threshold = cross_validated_threshold(train)
    model = Learned(train)
    sentences = [r["sentence"] for r in reported]
    learned = model.predict(sentences, threshold)
    rule_found = [rules(s) for s in sentences]
    truths = [truth(r) for r in reported]
    print(f"trained on {len(train)} sentences; threshold {threshold} (cross-validated)")
    print(f"real reported half, {len(reported)} sentences:")
    print(line("rules", micro(list(zip(rule_found, truths, strict=True)))))
    print(line("learned", micro(list(zip(learned, truths, strict=True)))))
    both = [hybrid(r, lf) for r, lf in zip(rule_found, learned, strict=True)]
    print(line("hybrid", micro(list(zip(both, truths, strict=True)))))
    email = " ".join(sentences)[:5000]
    durations = []
    for _ in range(7):
        started = time.perf_counter()
        for sentence in email.split(". "):
            hybrid(rules(sentence), model.predict([sentence], threshold)[0])
        durations.append(time.perf_counter() - started)
    print(f"hybrid on a 5,000-character email: median {statistics.median(durations) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
