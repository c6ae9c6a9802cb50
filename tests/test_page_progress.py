"""The Progress page in AppTest: empty, with the example data, with filters and patterns."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from streamlit.testing.v1 import AppTest

from assessment import examples, storage
from tests.cases import practised, rated_rejection
from tests.helpers import app_page


def page() -> AppTest:
    return app_page("app_pages/progress.py")


def texts(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


def test_empty_database_invites_a_first_reflection(db_path):
    at = page()
    assert not at.exception
    assert "Your progress shows up here" in at.info[0].value
    assert not at.get("plotly_chart")


def test_example_data_shows_charts_metrics_and_says_patterns_need_more(example_db):
    at = page()
    assert not at.exception
    assert at.metric[0].label == "Rejections shown" and at.metric[0].value == "3"
    # three example rejections are enough to look, and none of the patterns repeats
    assert "No repeating pattern" in at.success[0].value
    charts = at.get("plotly_chart")
    assert len(charts) == 4
    table = at.dataframe[-1].value
    assert list(table["Company"]) == ["Acme Analytics", "BrightPath Health", "Northwind Logistics"]


def test_filters_narrow_everything_and_say_how_many_more_patterns_need(example_db):
    at = page()
    at.text_input(key="progress_company").set_value("acme").run()
    assert not at.exception
    assert at.metric[0].value == "1"
    assert "2 more are needed" in at.info[0].value
    assert list(at.dataframe[-1].value["Company"]) == ["Acme Analytics"]

    at.text_input(key="progress_company").set_value("").run()
    at.multiselect(key="progress_stages").set_value(["screening", "technical"]).run()
    assert at.metric[0].value == "2"
    assert "1 more is needed" in at.info[0].value

    at.multiselect(key="progress_stages").set_value([]).run()
    today = dt.date.today()
    at.date_input(key="progress_dates").set_value((today - dt.timedelta(days=40), today)).run()
    assert at.metric[0].value == "2"

    at.text_input(key="progress_company").set_value("no such company").run()
    assert not at.exception
    assert "No rejection matches these filters" in at.info[0].value


def test_patterns_are_stated_as_text_with_their_rejections(db):
    base = examples.example_rejections()[1]  # screening, evidence rated a concern
    for i, company in enumerate(["Alpha [x](http://e.x)", "Beta", "Gamma"]):
        storage.insert_rejection(
            db,
            dataclasses.replace(
                base,
                company=company,
                rejected_on=dt.date(2026, 3, 1) + dt.timedelta(days=i),
                interviewed_on=None,
            ),
        )
    at = page()
    assert not at.exception
    sentences = texts(at)
    assert any(
        s.startswith(
            "The interviewer saw Evidence & examples as a concern in 3 rejections: "
            "Alpha [x](http://e.x) (2026-03-01)"
        )
        for s in sentences
    )
    assert any("3 of your rejections ended at the Screening stage" in s for s in sentences)
    assert any(s.startswith("Your average combined score did not rise") for s in sentences)
    # user text is never rendered as Markdown
    assert all("http://e.x" not in m.value for m in at.markdown)


def test_choosing_skills_changes_the_lines(example_db):
    at = page()
    at.multiselect(key="progress_skills").set_value(["evidence"]).run()
    assert not at.exception
    chart = at.get("plotly_chart")[0]
    figure = json.loads(chart.proto.spec)
    assert [trace["name"] for trace in figure["data"]] == ["Evidence & examples"]


def test_a_save_elsewhere_shows_on_the_next_rerun_despite_the_cache(example_db):
    at = page()
    assert at.metric[0].value == "3"
    at.run()  # a rerun served from this session's cache
    assert at.metric[0].value == "3"
    # another connection (another browser session, or the CLI) adds a rejection
    latest = storage.get_rejection(example_db, storage.latest_rejection_id(example_db))
    storage.insert_rejection(
        example_db,
        dataclasses.replace(latest, id=None, company="Initech"),
    )
    at.run()
    assert not at.exception
    assert at.metric[0].value == "4"
    assert any("Initech" in str(v) for v in at.dataframe[-1].value["Company"])


# ---- Practice ------------------------------------------------------------------------------

DAY = dt.date(2026, 9, 1)


def day(n: int) -> dt.date:
    return DAY + dt.timedelta(days=n)


def practice_table(at: AppTest):
    """The table of practice per skill (the one with a "Drills" column)."""
    (table,) = [d.value for d in at.dataframe if "Drills" in d.value.columns]
    return table


def test_nothing_practised_invites_practice_with_a_link(example_db):
    at = page()
    assert not at.exception
    assert any(
        i.value.startswith("Practise a skill from your plan or the Practise page") for i in at.info
    )
    assert [link.proto.label for link in at.get("page_link") if link.proto.page == "practise"] == [
        "Practise a skill"
    ]
    # the examples' interviewer ratings are not the user's: nothing to draw yet
    assert any("Too little data yet: 0 of 3" in i.value for i in at.info)
    assert "chart_gaps" not in [c.key for c in at.get("plotly_chart")]


def test_too_little_data_says_how_many_of_three_and_draws_no_trend(db):
    examples.load_examples(db)  # their interviewer ratings never count
    rated_rejection(db, day(0), {"evidence": 5}, {"evidence": 2})
    rated_rejection(db, day(20), {"evidence": 4}, {"evidence": 2})
    practised(db, "evidence", day(5))
    at = page()
    assert not at.exception
    assert any(
        i.value.startswith("Too little data yet: 2 of 3 rejections rated by an interviewer.")
        for i in at.info
    )
    assert "chart_gaps" not in [c.key for c in at.get("plotly_chart")]
    assert not any("converging" in t or "diverging" in t for t in texts(at))
    table = practice_table(at)
    assert table.iloc[0].tolist() == ["Evidence & examples", 1, "06 Sep 2026", "-"]


def test_enough_data_draws_the_gaps_and_says_which_skills_converge(db):
    for i, own in enumerate((5, 4, 3)):
        rated_rejection(
            db,
            day(20 * i),
            {"evidence": own, "composure": 3},
            {"evidence": 2, "composure": 3},
            company=f"Company [{i}](http://e.x)",
        )
    practised(db, "composure", day(1))
    at = page()
    assert not at.exception
    charts = {c.key: json.loads(c.proto.spec) for c in at.get("plotly_chart")}
    assert [t["name"] for t in charts["chart_gaps"]["data"]] == [
        "Evidence & examples",
        "Composure & confidence",
    ]
    assert "Company" not in json.dumps(charts["chart_gaps"])
    sentences = texts(at)
    assert any(s.startswith("Evidence & examples: converging:") for s in sentences)
    assert any(s.startswith("Composure & confidence: steady:") for s in sentences)
    assert not any(i.value.startswith("Too little data") for i in at.info)


def test_a_practised_skill_rated_higher_at_the_next_interview_says_so(db):
    rated_rejection(db, day(7), {"evidence": 3}, {"evidence": 2}, interviewed_on=day(0))
    practised(db, "evidence", day(10))
    rated_rejection(db, day(30), {"evidence": 4}, {"evidence": 4}, interviewed_on=day(25))
    at = page()
    assert not at.exception
    assert (
        "Evidence & examples: rated higher at the next interview: concern at the interview of "
        "01 Sep 2026, before you first practised it on 11 Sep 2026; then strong strength at "
        "the interview of 26 Sep 2026."
    ) in texts(at)


def test_a_practised_skill_not_rated_again_yet_says_so(db):
    rated_rejection(db, day(0), {"evidence": 3}, {"evidence": 2})
    practised(db, "evidence", day(10))
    at = page()
    assert not at.exception
    assert any(
        s.startswith("Evidence & examples: not rated yet at a later interview.") for s in texts(at)
    )
