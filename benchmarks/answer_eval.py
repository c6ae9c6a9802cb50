"""Score the answer checker on real interview answers (``tests/data/real_answers/``).

    python benchmarks/answer_eval.py                   # per-item precision and recall, both halves
    python benchmarks/answer_eval.py --split reported  # only the held-out half's figures
    python benchmarks/answer_eval.py --errors tuning   # also list the tuning half's mistakes

Per checklist item, the positive class is what the checker reports to the user: "has a
situation / an action / a result / a number in the result", "leans on we" (ownership "we" or
"mixed"), "does not answer the question"; hedges are scored per phrase, each phrase once per answer, as
labelled. The reported
half is held out: only its figures are printed, never its rows. Each half is also scored with
the answers whose STAR headings ("Situation:", "Action:") were kept left out, as the corpus
guide asks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assessment.reading.answers import check_answer  # noqa: E402
from benchmarks.scoring_sets import add_sets, precision_recall  # noqa: E402
from benchmarks.scoring_sets import load_labelled as load  # noqa: E402

DATA = ROOT / "tests" / "data" / "real_answers"
ANSWER_SETS = {"reported": DATA / "reported.jsonl", "tuning": DATA / "tuning.jsonl"}
TUNING_SPLITS = ("tuning",)
HEADINGS = ("situation:", "task:", "action:", "result:", "problem:")
ITEMS = ("situation", "action", "result", "result_number", "leans_on_we", "off_question")


def has_headings(row: dict) -> bool:
    return any(h in row["answer"].lower() for h in HEADINGS)


def predicted(row: dict) -> dict[str, bool]:
    check = check_answer(row["labels"]["skill"], row["answer"], row["question"])
    return {
        "situation": check.situation.present,
        "action": check.action.present,
        "result": check.result.present,
        "result_number": check.result_number.present,
        "leans_on_we": check.ownership in ("we", "mixed"),
        "off_question": not check.answers_question.present,
        "hedges": list(check.hedges),
    }


def truth(row: dict) -> dict[str, bool]:
    labels = row["labels"]
    return {
        "situation": labels["situation"],
        "action": labels["action"],
        "result": labels["result"],
        "result_number": labels["result_number"],
        "leans_on_we": labels["ownership"] in ("we", "mixed"),
        "off_question": not labels["answers_question"],
        "hedges": [h.lower() for h in labels["hedges"]],
    }


def score_answers(rows: list[dict]) -> dict:
    counts = {item: [0, 0, 0] for item in (*ITEMS, "hedges")}
    errors = []
    for row in rows:
        got, want = predicted(row), truth(row)
        wrong = {}
        for item in ITEMS:
            tp_fp_fn = counts[item]
            if got[item] and want[item]:
                tp_fp_fn[0] += 1
            elif got[item]:
                tp_fp_fn[1] += 1
            elif want[item]:
                tp_fp_fn[2] += 1
            if got[item] != want[item]:
                wrong[item] = (got[item], want[item])
        have, need = set(got["hedges"]), set(want["hedges"])
        add_sets(counts["hedges"], have, need)
        if have != need:
            wrong["hedges"] = (sorted(have), sorted(need))
        if wrong:
            errors.append({"id": row["id"], "wrong": wrong})
    return {"counts": counts, "errors": errors, "answers": len(rows)}


def item_scores(result: dict) -> dict[str, tuple[float, float, int, int, int]]:
    return precision_recall(result["counts"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--errors", choices=TUNING_SPLITS, help="list the mistakes on a tuning split"
    )
    parser.add_argument(
        "--split",
        choices=(*ANSWER_SETS, "all"),
        default="all",
        help="score one half only (default: both)",
    )
    args = parser.parse_args()
    chosen_sets = ANSWER_SETS if args.split == "all" else {args.split: ANSWER_SETS[args.split]}
    if args.errors and args.errors not in chosen_sets:
        parser.error(f"--errors {args.errors} needs --split {args.errors} or all")
    results = {}
    for name, path in chosen_sets.items():
        rows = load(path)
        for label, chosen in (
            ("all", rows),
            ("without STAR headings", [r for r in rows if not has_headings(r)]),
        ):
            result = score_answers(chosen)
            results[(name, label)] = result
            print(f"{name}, {label}: {result['answers']} answers")
            print(f"  {'item':<16} {'P':>5} {'R':>5}   TP/FP/FN")
            for item, (p, r, tp, fp, fn) in item_scores(result).items():
                print(f"  {item:<16} {p:5.2f} {r:5.2f}   {tp}/{fp}/{fn}")
    if args.errors:
        print()
        rows = {row["id"]: row for row in load(ANSWER_SETS[args.errors])}
        for error in results[(args.errors, "all")]["errors"]:
            row = rows[error["id"]]
            print(error["id"], row["labels"]["skill"], "|", row["answer"][:160].replace("\n", " "))
            for item, (got, want) in error["wrong"].items():
                print(f"    {item}: got {got!r}, want {want!r}")


if __name__ == "__main__":
    main()
