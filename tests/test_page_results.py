from assessment import storage
from tests.helpers import app_page

PAGE = "app_pages/results.py"


def test_empty_database_explains_where_results_come_from(db_path):
    at = app_page(PAGE)
    assert not at.exception
    assert "once you have reflected" in at.info[0].value


def test_example_results_show_radar_table_strengths_areas_and_quadrants(example_db):
    at = app_page(PAGE)
    assert not at.exception
    chart = at.get("plotly_chart")[0]
    assert '"You"' in chart.proto.spec and '"Interviewer"' in chart.proto.spec
    assert "Previous rejection (combined)" in chart.proto.spec
    table = at.dataframe[0].value
    assert len(table) == 8
    subheaders = [s.value for s in at.subheader]
    assert "Strengths" in subheaders and "Areas to work on" in subheaders
    markdown = " ".join(m.value for m in at.markdown)
    assert "**Problem solving**" in markdown
    assert "**Evidence & examples**" in markdown
    assert "Blind spot" in markdown and "Confirmed strength" in markdown
    texts = " ".join(t.value for t in at.text)
    assert "a blind spot, worth learning from first" in texts
    assert "We went with a candidate whose experience matched more closely." in texts


def test_choosing_another_rejection_by_query_parameter(example_db):
    oldest = storage.list_rejections(example_db)[-1]["id"]
    at = app_page(PAGE, rejection=str(oldest))
    assert not at.exception
    assert at.selectbox(key="choose_rejection").value == oldest
    chart = at.get("plotly_chart")[0]
    assert "Previous rejection (combined)" not in chart.proto.spec


def test_unknown_or_foreign_rejection_falls_back_to_the_latest(example_db):
    at = app_page(PAGE, rejection="99999")
    assert not at.exception
    assert "not found" in at.warning[0].value
    assert at.selectbox(key="choose_rejection").value == storage.latest_rejection_id(example_db)


def test_skills_nobody_rated_say_not_rated(db):
    import datetime as dt

    from assessment.models import Rejection

    rid = storage.save_reflection(
        db,
        Rejection(
            company="A",
            role="B",
            stage="onsite",
            rejected_on=dt.date(2026, 11, 1),
            self_ratings={"communication": 4},
        ),
    )
    at = app_page(PAGE, rejection=str(rid))
    assert not at.exception
    combined = list(at.dataframe[0].value["Combined"])
    assert combined.count("not rated") == 7


def test_no_ratings_at_all_points_to_reflect_and_feedback(db):
    import datetime as dt

    from assessment.models import Rejection

    storage.save_reflection(
        db, Rejection(company="A", role="B", stage="onsite", rejected_on=dt.date(2026, 11, 1))
    )
    at = app_page(PAGE)
    assert not at.exception
    assert "No skill is rated yet" in at.info[0].value
