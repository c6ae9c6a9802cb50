import datetime as dt

from assessment import storage
from assessment.models import Action, Feedback, Rejection
from tests.helpers import app_page

BADGE = ":orange-badge[:material/science: Example]"


def own_rejection(**changes) -> Rejection:
    values = dict(
        company="Umbrella Corp",
        role="Analyst",
        stage="technical",
        rejected_on=dt.date.today() - dt.timedelta(days=2),
        self_ratings={"communication": 4, "evidence": 2},
    )
    values.update(changes)
    return Rejection(**values)


def link_labels(at) -> list[str]:
    return [link.label for link in at.get("page_link")]


def button_labels(at) -> list[str]:
    return [button.label for button in at.button]


def test_empty_home_starts_the_first_reflection_and_offers_examples_second(db_path):
    at = app_page()
    assert not at.exception
    assert at.title[0].value == "Rebound"
    start = at.button(key="start_reflection")
    assert start.label == "Start your first reflection" and start.proto.type == "primary"
    examples = at.button(key="load_examples")
    assert examples.label == "Load example data" and examples.proto.type == "secondary"
    assert any("no reflections yet" in m.value for m in at.markdown)


def test_start_your_first_reflection_opens_reflect(db_path):
    at = app_page()
    at.button(key="start_reflection").click().run()
    assert not at.exception
    assert at.title[0].value == "Reflect"


def test_load_example_data_then_home_shows_the_latest_example_with_its_badge(db_path):
    at = app_page()
    at.button(key="load_examples").click().run()
    assert not at.exception
    assert "Loaded 3 example rejections" in at.success[0].value
    assert any("Acme Analytics" in t.value for t in at.text)
    assert at.subheader[0].value == "An example rejection"
    assert BADGE in [m.value for m in at.markdown]
    captions = [c.value for c in at.caption]
    assert captions[1:4] == ["Top strength", "Top area to work on", "Average combined score"]
    markdown = [m.value for m in at.markdown]
    assert "**Problem solving**" in markdown
    assert "**Evidence & examples**" in markdown
    db = storage.connect(db_path)
    assert storage.count_rejections(db) == 3 and storage.count_examples(db) == 3
    # the example has feedback: Home never asks to record it
    assert at.button(key="home_next").label == "See your results"
    assert "Record feedback" not in link_labels(at) + button_labels(at)


def test_home_shows_the_users_own_latest_not_a_newer_example(example_db):
    storage.save_reflection(
        example_db, own_rejection(rejected_on=dt.date.today() - dt.timedelta(days=30))
    )
    at = app_page()
    assert not at.exception
    assert at.subheader[0].value == "Your latest rejection"
    assert any(t.value.startswith("Umbrella Corp · Analyst") for t in at.text)
    assert BADGE not in [m.value for m in at.markdown]
    assert any("example rejections are loaded too" in c.value for c in at.caption)


def test_after_a_reflection_without_feedback_the_next_step_is_feedback(db_path):
    db = storage.connect(db_path)
    rid = storage.save_reflection(db, own_rejection())
    at = app_page()
    assert not at.exception
    assert at.button(key="home_next").label == "Record feedback"
    assert at.button(key="home_next").proto.type == "primary"
    at.button(key="home_next").click().run()
    assert not at.exception
    assert at.title[0].value == "Interviewer feedback"
    assert at.query_params["rejection"] == str(rid)


def test_once_feedback_exists_home_never_offers_record_feedback_again(db_path):
    db = storage.connect(db_path)
    rid = storage.save_reflection(db, own_rejection())
    storage.save_feedback(db, rid, Feedback(text="Your examples lacked numbers."))
    at = app_page()
    assert not at.exception
    assert at.button(key="home_next").label == "See your results"
    assert "Record feedback" not in link_labels(at) + button_labels(at)
    assert "See your next steps" in link_labels(at)

    storage.add_action(db, rid, Action("shore_up", "Practise", skill="evidence"))
    at = app_page()
    assert not at.exception
    assert at.button(key="home_next").label == "See your next steps"
    assert "Record feedback" not in link_labels(at) + button_labels(at)
    at.button(key="home_next").click().run()
    assert at.title[0].value == "Next steps"
