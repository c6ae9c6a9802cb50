"""The Example badge wherever an example is listed or shown, and never on the user's own."""

from __future__ import annotations

import datetime as dt

import pytest

from assessment import storage
from assessment.models import Feedback, Rejection
from tests.helpers import app_page

BADGE = ":orange-badge[:material/science: Example]"
PAGES_WITH_A_CHOOSER = ["app_pages/results.py", "app_pages/feedback.py", "app_pages/next_steps.py"]


def own(db) -> int:
    rejection = Rejection(
        company="Umbrella Corp",
        role="Analyst",
        stage="final",
        rejected_on=dt.date.today() - dt.timedelta(days=90),
        self_ratings={"communication": 4, "evidence": 2},
        feedback=Feedback(text="Clear answers.", ratings={"evidence": 2}),
    )
    rid = storage.save_reflection(db, rejection)
    storage.save_feedback(db, rid, rejection.feedback)
    return rid


def example_id(db) -> int:
    return db.execute("SELECT max(id) FROM rejections WHERE example = 1").fetchone()[0]


def badges(at) -> int:
    return sum(m.value == BADGE for m in at.markdown)


@pytest.mark.parametrize("page", PAGES_WITH_A_CHOOSER)
def test_an_example_shows_its_badge_and_its_label_says_example(example_db, page):
    mine = own(example_db)
    at = app_page(page, rejection=str(example_id(example_db)))
    assert not at.exception
    assert badges(at) == 1
    assert any("not your own" in c.value for c in at.caption)
    chooser = at.selectbox(key="choose_rejection")
    labels = list(chooser.options)
    assert sum(label.startswith("Example · ") for label in labels) == 3
    assert [label for label in labels if not label.startswith("Example · ")] == [
        f"{(dt.date.today() - dt.timedelta(days=90)).isoformat()} · "
        "Umbrella Corp · Analyst · Final round"
    ]
    chooser.set_value(mine).run()
    assert not at.exception
    assert badges(at) == 0


def test_the_reflect_chooser_names_examples_too(example_db):
    own(example_db)
    at = app_page("app_pages/reflect.py")
    assert not at.exception
    chooser = next(s for s in at.selectbox if len(s.options) == 5)
    labels = list(chooser.options)
    assert sum(label.startswith("Edit: Example · ") for label in labels) == 3


def test_history_marks_the_examples_rows(example_db):
    own(example_db)
    at = app_page("app_pages/history.py")
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["Example"]) == ["Example", "Example", "Example", ""]
    assert list(table["Company"])[-1] == "Umbrella Corp"


def test_history_without_examples_has_no_example_column(db):
    own(db)
    at = app_page("app_pages/history.py")
    assert not at.exception
    assert "Example" not in at.dataframe[0].value.columns


def test_progress_counts_only_the_users_own_once_they_have_one(example_db):
    at = app_page("app_pages/progress.py")
    assert not at.exception
    assert badges(at) == 1  # only examples: their progress, marked
    assert at.metric[0].value == "3"
    own(example_db)
    at = app_page("app_pages/progress.py")
    assert not at.exception
    assert badges(at) == 0
    assert at.metric[0].value == "1"
    companies = list(at.dataframe[-1].value["Company"])
    assert companies == ["Umbrella Corp"]


def test_results_of_the_users_own_never_layer_an_example_as_previous(example_db):
    mine = own(example_db)
    at = app_page("app_pages/results.py", rejection=str(mine))
    assert not at.exception
    assert not any("previous rejection" in c.value for c in at.caption)
    assert storage.previous_rejection_id(example_db, mine) is None
