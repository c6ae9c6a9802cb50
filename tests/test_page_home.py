from assessment import storage
from tests.helpers import app_page


def test_empty_home_offers_example_data_and_a_first_reflection(db_path):
    at = app_page()
    assert not at.exception
    assert at.title[0].value == "Rebound"
    assert at.button(key="load_examples").label == "Load example data"
    assert any("no reflections yet" in m.value for m in at.markdown)


def test_load_example_data_then_home_shows_the_latest(db_path):
    at = app_page()
    at.button(key="load_examples").click().run()
    assert not at.exception
    assert "Loaded 3 example rejections" in at.success[0].value
    assert any("Acme Analytics" in t.value for t in at.text)
    captions = [c.value for c in at.caption]
    assert captions[:3] == ["Top strength", "Top area to work on", "Average combined score"]
    markdown = [m.value for m in at.markdown]
    assert "**Problem solving**" in markdown
    assert "**Evidence & examples**" in markdown
    assert storage.count_rejections(storage.connect(db_path)) == 3
