"""Score the rejection e-mail reader on real e-mails (``tests/data/real_emails/``).

    python benchmarks/email_eval.py                  # per-field precision and recall, both halves
    python benchmarks/email_eval.py --errors tuning  # also list the tuning half's mistakes

Per field (company, role, contact_name, candidate_name, date, reason_sentence): a proposal is
a true positive when it equals the label (whitespace folded, case kept; dates as ISO), a false
positive when it is proposed and differs from the label or the label is empty, and a false
negative when the label is set and the proposal is missing or differs. Fit factors are scored
per key. ``reported`` is the held-out half: only its figures are printed, never its rows.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assessment.reading.email import EmailProposals, read_email  # noqa: E402
from benchmarks.scoring_sets import add_sets, precision_recall  # noqa: E402
from benchmarks.scoring_sets import load_labelled as load  # noqa: E402

DATA = ROOT / "tests" / "data" / "real_emails"
EMAIL_SETS = {"reported": DATA / "reported.jsonl", "tuning": DATA / "tuning.jsonl"}
TUNING_SPLITS = ("tuning",)
FIELDS = ("company", "role", "contact_name", "candidate_name", "date", "reason_sentence")


def _fold(value: str | None) -> str | None:
    return None if value is None else " ".join(str(value).split())


def proposed(proposals: EmailProposals, name: str) -> str | None:
    attribute = "reason" if name == "reason_sentence" else name
    proposal = getattr(proposals, attribute)
    return None if proposal is None else _fold(proposal.value)


def score_emails(rows: list[dict]) -> dict:
    counts = {name: [0, 0, 0] for name in (*FIELDS, "fit_factors")}  # tp, fp, fn
    errors = []
    for row in rows:
        proposals = read_email(row["text"])
        wrong = {}
        for name in FIELDS:
            got, want = proposed(proposals, name), _fold(row["labels"].get(name))
            tp_fp_fn = counts[name]
            if got is not None and got == want:
                tp_fp_fn[0] += 1
                continue
            if got is not None:
                tp_fp_fn[1] += 1
            if want is not None:
                tp_fp_fn[2] += 1
            if got != want:
                wrong[name] = (got, want)
        got_keys = {p.value for p in proposals.fit_factors}
        want_keys = set(row["labels"].get("fit_factors") or [])
        add_sets(counts["fit_factors"], got_keys, want_keys)
        if got_keys != want_keys:
            wrong["fit_factors"] = (sorted(got_keys), sorted(want_keys))
        if wrong:
            errors.append({"id": row["id"], "wrong": wrong})
    return {"counts": counts, "errors": errors, "emails": len(rows)}


def field_scores(result: dict) -> dict[str, tuple[float, float, int, int, int]]:
    return precision_recall(result["counts"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--errors", choices=TUNING_SPLITS, help="list the mistakes on a tuning split"
    )
    args = parser.parse_args()
    results = {name: score_emails(load(path)) for name, path in EMAIL_SETS.items()}
    for name, result in results.items():
        print(f"{name}: {result['emails']} e-mails")
        print(f"  {'field':<16} {'P':>5} {'R':>5}   TP/FP/FN")
        for field, (p, r, tp, fp, fn) in field_scores(result).items():
            print(f"  {field:<16} {p:5.2f} {r:5.2f}   {tp}/{fp}/{fn}")
    if args.errors:
        print()
        for error in results[args.errors]["errors"]:
            print(error["id"])
            for field, (got, want) in error["wrong"].items():
                print(f"    {field}: got {got!r}, want {want!r}")


if __name__ == "__main__":
    main()
