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


def _store_case(db, case) -> int:
    import dataclasses

    return storage.insert_rejection(db, dataclasses.replace(case, id=None))


def _columns_text(at, index: int) -> str:
    """What one of the Strengths / Areas columns says (markdown and text)."""
    column = at.columns[index]
    return " ".join([m.value for m in column.markdown] + [t.value for t in column.text])


def test_data_analyst_case_puts_both_concerns_in_areas_with_the_reason_first(db):
    from tests.cases import data_analyst_case

    rid = _store_case(db, data_analyst_case())
    at = app_page(PAGE, rejection=str(rid))
    assert not at.exception
    strengths, areas = _columns_text(at, 0), _columns_text(at, 1)
    assert "**Communication**" in strengths and "a confirmed strength" in strengths
    assert "Role knowledge" not in strengths and "Evidence" not in strengths
    assert areas.index("**Role knowledge**") < areas.index("**Evidence & examples**")
    texts = [t.value for t in at.text]
    assert 'they said: "a candidate with more SQL experience"' in texts
    assert "Communication" not in areas

    table = at.dataframe[0].value.set_index("Skill")
    assert table.loc["Role knowledge", "Quadrant"] == "Growth area"
    assert table.loc["Evidence & examples", "Quadrant"] == "Growth area"
    assert table.loc["Problem solving", "Interviewer"] == "the interviewer did not rate this"
    assert "Neutral" not in " ".join(m.value for m in at.markdown)
    assert "Neutral" not in set(table["Quadrant"])
    captions = " ".join(c.value for c in at.caption)
    assert "The interviewer did not rate this: Problem solving" in captions
    markdown = " ".join(m.value for m in at.markdown)
    assert "- Role knowledge" in markdown and "- Evidence & examples" in markdown
    assert at.get("plotly_chart")  # the radar is still drawn


def test_a_blind_spot_variant_and_a_finding_without_a_rating(db):
    from tests.cases import data_analyst_case, with_feedback, with_self_ratings

    case = with_self_ratings(data_analyst_case(), evidence=5)
    case = with_feedback(case, ratings={"communication": 3, "role_knowledge": 2})
    rid = _store_case(db, case)
    at = app_page(PAGE, rejection=str(rid))
    assert not at.exception
    table = at.dataframe[0].value.set_index("Skill")
    # evidence has only the kept finding: a concern from the feedback, and a blind spot at 5
    assert table.loc["Evidence & examples", "Interviewer"] == "Concern, from their feedback"
    assert table.loc["Evidence & examples", "Quadrant"] == "Blind spot"
    areas = _columns_text(at, 1)
    assert areas.index("**Role knowledge**") < areas.index("**Evidence & examples**")
    assert "Evidence" not in _columns_text(at, 0)


def test_the_reason_line_is_shown_as_text_not_markdown(db):
    from tests.cases import data_analyst_case

    case = data_analyst_case(reason_given="A candidate with more **SQL** experience :smile:")
    rid = _store_case(db, case)
    at = app_page(PAGE, rejection=str(rid))
    assert not at.exception
    texts = [t.value for t in at.text]
    assert 'they said: "A candidate with more **SQL** experience"' in texts
    assert not any("**SQL**" in m.value for m in at.markdown)
