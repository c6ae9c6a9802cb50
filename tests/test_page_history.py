from assessment import storage
from tests.helpers import app_page

PAGE = "app_pages/history.py"


def test_empty_history(db_path):
    at = app_page(PAGE)
    assert not at.exception
    assert "newest first" in at.info[0].value


def test_history_lists_newest_first_with_scores(example_db):
    at = app_page(PAGE)
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["Company"]) == [
        "Acme Analytics",
        "BrightPath Health",
        "Northwind Logistics",
    ]
    assert all(v != "not rated" for v in table["Average combined"])
    assert "3 rejections" in at.markdown[0].value


def test_delete_asks_for_confirmation(example_db):
    from assessment.views import history

    rows = storage.list_rejections(example_db)
    target = rows[1]["id"]
    at = app_page(PAGE)
    # choose the second row, as a click in the table would
    at.session_state["history_confirm_delete"] = target
    at.run()
    assert not at.exception
    assert any("BrightPath Health" in t.value for t in at.text)
    at.button(key="history_delete_cancel").click().run()
    assert storage.count_rejections(example_db) == 3
    at.session_state["history_confirm_delete"] = target
    at.run()
    at.button(key="history_delete_confirm").click().run()
    assert not at.exception
    assert storage.count_rejections(example_db) == 2
    assert storage.get_rejection(example_db, target) is None
    assert "deleted" in at.success[0].value
    assert history.page_count(2) == 1


def test_history_pages_long_lists(db):
    import datetime as dt

    from assessment.models import Rejection

    for i in range(60):
        storage.save_reflection(
            db,
            Rejection(
                company=f"Co {i}",
                role="R",
                stage="screening",
                rejected_on=dt.date(2026, 1, 1) + dt.timedelta(days=i),
            ),
        )
    at = app_page(PAGE)
    assert not at.exception
    assert len(at.dataframe[0].value) == 50
    at.number_input(key="history_page").set_value(2).run()
    assert len(at.dataframe[0].value) == 10
    assert at.dataframe[0].value["Company"].iloc[-1] == "Co 0"


def test_a_delete_clears_the_tables_selection(example_db):
    """The table is drawn afresh (a new key) after a delete, so no row is selected and
    "Delete this rejection" is not armed on the row that took the deleted one's place."""
    target = storage.list_rejections(example_db)[0]["id"]
    at = app_page(PAGE)
    before = at.dataframe[0].key
    at.session_state["history_confirm_delete"] = target
    at.run()
    at.button(key="history_delete_confirm").click().run()
    assert not at.exception
    assert at.dataframe[0].key != before
    assert not any(t.value.startswith("Selected:") for t in at.text)
    assert not [b for b in at.button if b.key == "history_delete"]
