"""The draft store: what was typed and not saved yet, per owner, form and rejection."""

from __future__ import annotations

import datetime as dt

import pytest

from assessment import drafts, erase, forms, storage
from assessment.models import Feedback, Rejection
from tests.test_erase import MARKER, traces

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def mem():
    return storage.memory_db()


def reflect_data(company: str = "Globex", step: int = 1, rejection_id: int | None = None) -> dict:
    draft = forms.empty_draft(TODAY) | {"company": company, "id": rejection_id}
    draft["interviewed_on"] = TODAY - dt.timedelta(days=3)
    draft["self_ratings"]["evidence"] = 4
    draft["fit_factors"] = ["other_candidate"]
    return forms.reflect_draft_to_json(draft, step)


def read_reflect(db, rejection_id=None, owner=storage.LOCAL_OWNER):
    return drafts.read(
        db,
        drafts.REFLECT,
        rejection_id,
        lambda data: forms.reflect_draft_from_json(data, rejection_id),
        owner,
    )


def test_the_migration_makes_the_table(mem):
    assert "0007_drafts" in {m.name for m in storage.migrations.applied(mem)}
    assert set(mem["drafts"].columns_dict) == {
        "owner",
        "form",
        "rejection_id",
        "version",
        "fields",
        "updated_at",
    }


def test_a_reflect_draft_round_trips(mem):
    drafts.keep(mem, drafts.REFLECT, None, reflect_data(), "local")
    kept = read_reflect(mem)
    assert kept is not None and kept.fields["step"] == 1
    draft = kept.fields["draft"]
    assert draft["company"] == "Globex" and draft["id"] is None
    assert draft["interviewed_on"] == TODAY - dt.timedelta(days=3)  # a date again
    assert draft["rejected_on"] == TODAY
    assert draft["self_ratings"]["evidence"] == 4 and draft["self_ratings"]["composure"] is None
    assert draft["fit_factors"] == ["other_candidate"]
    assert kept.updated_at is not None
    # Keeping again replaces it: one draft per owner, form and rejection.
    drafts.keep(mem, drafts.REFLECT, None, reflect_data("Initech"), "local")
    assert drafts.count(mem) == 1
    assert read_reflect(mem).fields["draft"]["company"] == "Initech"


def test_a_feedback_draft_round_trips(mem):
    fields = {
        "status": "requested",
        "requested_on": TODAY,
        "text": "Clear answers, few numbers. :smile: $x$",
        "ratings": dict.fromkeys(forms.SKILL_KEYS) | {"evidence": 2},
        "rows": [
            {
                "keep": True,
                "quote": "few numbers",
                "cue": "numbers",
                "reads_as": "Evidence & examples",
                "polarity": "Concern",
                "intensity": "",
            }
        ],
        "card_rows": [
            {
                "keep": False,
                "line": "Technical skills: 2 out of 5",
                "note": "2 of 5",
                "skill": "Role knowledge",
                "rating": "Concern",
            },
            {
                "keep": False,
                "line": "Recommendation: No hire",
                "note": "an overall verdict (no hire), not a skill rating",
                "skill": None,
                "rating": "Concern",
            },
        ],
        "read_empty": False,
    }
    drafts.keep(mem, drafts.FEEDBACK, 7, forms.feedback_draft_to_json(fields), "local")
    kept = drafts.read(mem, drafts.FEEDBACK, 7, forms.feedback_draft_from_json, "local")
    assert kept.fields == fields
    # A draft kept before scorecards were read comes back, with no scorecard lines.
    older = {k: v for k, v in forms.feedback_draft_to_json(fields).items() if k != "card_rows"}
    assert forms.feedback_draft_from_json(older)["card_rows"] == []
    # A scorecard row of an unknown shape makes it no draft of this version.
    odd = forms.feedback_draft_to_json(fields) | {"card_rows": [{"line": "x"}]}
    assert forms.feedback_draft_from_json(odd) is None


def test_drafts_are_kept_per_owner(mem):
    drafts.keep(mem, drafts.REFLECT, None, reflect_data("Mine"), "local")
    drafts.keep(mem, drafts.REFLECT, None, reflect_data("Theirs"), "someone@example.com")
    assert read_reflect(mem).fields["draft"]["company"] == "Mine"
    theirs = read_reflect(mem, owner="someone@example.com")
    assert theirs.fields["draft"]["company"] == "Theirs"
    assert read_reflect(mem, owner="nobody") is None


def test_drafts_are_kept_per_rejection(mem):
    drafts.keep(mem, drafts.REFLECT, None, reflect_data("New one"), "local")
    drafts.keep(mem, drafts.REFLECT, 5, reflect_data("Edit of 5", rejection_id=5), "local")
    assert read_reflect(mem).fields["draft"]["company"] == "New one"
    assert read_reflect(mem, 5).fields["draft"]["company"] == "Edit of 5"
    assert read_reflect(mem, 6) is None


def test_a_practice_answer_is_a_draft_of_its_own(mem):
    from assessment.views import practice

    fields = practice.draft_fields("evidence", ["evidence:a", "evidence:b"], 1, "I wrote")
    drafts.keep(mem, drafts.PRACTICE, 5, fields, "local")
    drafts.keep(mem, drafts.REFLECT, 5, reflect_data("Edit of 5", rejection_id=5), "local")
    kept = drafts.read(mem, drafts.PRACTICE, 5, practice.draft_from_json, "local")
    assert kept.fields == fields
    assert read_reflect(mem, 5).fields["draft"]["company"] == "Edit of 5"
    drafts.keep(mem, drafts.PRACTICE, None, {**fields, "skill": "juggling"}, "local")
    assert drafts.read(mem, drafts.PRACTICE, None, practice.draft_from_json, "local") is None
    assert drafts.count(mem) == 2  # the damaged one is gone


@pytest.mark.parametrize(
    "fields",
    [
        "{not json",
        "[]",
        '{"step": 1}',
        '{"step": 9, "draft": {}}',
        "null",
        '"text"',
    ],
)
def test_a_damaged_draft_is_discarded_not_an_error(mem, fields):
    mem["drafts"].insert(
        {"owner": "local", "form": "reflect", "rejection_id": 0, "version": 1, "fields": fields}
    )
    assert read_reflect(mem) is None
    assert drafts.count(mem) == 0


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["draft"].update(company=3),
        lambda d: d["draft"].update(stage="lunch"),
        lambda d: d["draft"].update(rejected_on="yesterday"),
        lambda d: d["draft"].update(mood=9),
        lambda d: d["draft"].update(fit_factors=["aliens"]),
        lambda d: d["draft"]["self_ratings"].update(evidence=True),
        lambda d: d["draft"]["self_ratings"].pop("evidence"),
        lambda d: d["draft"].pop("went_well"),
        lambda d: d["draft"].update(extra="field"),
        lambda d: d["draft"].update(id=12),  # a draft of another rejection
    ],
)
def test_a_draft_of_the_wrong_shape_is_discarded(mem, change):
    data = reflect_data()
    change(data)
    drafts.keep(mem, drafts.REFLECT, None, data, "local")
    assert read_reflect(mem) is None
    assert drafts.count(mem) == 0


def test_an_outdated_draft_is_discarded(mem):
    drafts.keep(mem, drafts.REFLECT, None, reflect_data(), "local")
    mem.execute("UPDATE drafts SET version = 0")
    assert read_reflect(mem) is None
    assert drafts.count(mem) == 0


def test_a_draft_goes_with_the_save_in_one_transaction(mem):
    drafts.keep(mem, drafts.REFLECT, None, reflect_data(), "local")
    with drafts.discarding(mem, drafts.REFLECT, None, "local"):
        storage.save_reflection(
            mem, Rejection(company="Globex", role="R", stage="onsite", rejected_on=TODAY)
        )
    assert drafts.count(mem) == 0 and storage.count_rejections(mem) == 1
    # A save that fails keeps the draft.
    drafts.keep(mem, drafts.REFLECT, None, reflect_data(), "local")
    with (
        pytest.raises(storage.StorageError),
        drafts.discarding(mem, drafts.REFLECT, None, "local"),
    ):
        storage.save_feedback(mem, 999, Feedback(text="x"), "local")
    assert drafts.count(mem) == 1


def test_deleting_a_rejection_deletes_its_drafts(mem):
    rid = storage.save_reflection(
        mem, Rejection(company="Globex", role="R", stage="onsite", rejected_on=TODAY)
    )
    drafts.keep(mem, drafts.FEEDBACK, rid, {"any": "thing"}, "local")
    drafts.keep(mem, drafts.REFLECT, None, reflect_data(), "local")
    storage.delete_rejection(mem, rid)
    assert mem.execute("SELECT form FROM drafts").fetchall() == [("reflect",)]


def test_a_draft_too_long_to_keep_is_refused(mem):
    with pytest.raises(storage.StorageError):
        drafts.keep(mem, drafts.REFLECT, None, {"text": "x" * drafts.MAX_CHARS}, "local")
    assert drafts.count(mem) == 0


def test_delete_everything_removes_the_owners_drafts(db, db_path):
    rid = storage.save_reflection(
        db, Rejection(company="Globex", role="R", stage="onsite", rejected_on=TODAY)
    )
    drafts.keep(db, drafts.REFLECT, None, reflect_data(f"New {MARKER}"), "local")
    drafts.keep(db, drafts.FEEDBACK, rid, {"text": f"feedback {MARKER}"}, "local")
    drafts.keep(db, drafts.REFLECT, None, reflect_data("Theirs"), "someone@example.com")
    assert traces(db_path, MARKER)
    erase.delete_everything(db, "local", db_path)
    assert drafts.count(db, "local") == 0
    assert drafts.count(db, "someone@example.com") == 1
    assert traces(db_path, MARKER) == []
