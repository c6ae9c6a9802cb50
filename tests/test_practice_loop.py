"""The whole practice loop of issue 16 through AppTest, as a user walks it: a rejection whose
areas are role knowledge and evidence; its plan links to a drill on evidence and to the story
for that concern; the user writes the story, answers a three-question drill, sees what each
answer lacks, re-rates themselves; and at the next interview, where the interviewer rated
evidence higher, Progress says so."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs

from assessment import storage
from assessment.practice import bank
from assessment.scoring import assessment_of
from tests.cases import data_analyst_case, with_feedback
from tests.helpers import app_page

TODAY = dt.date.today()
NO_RESULT = "At my last job the weekly report took two days. I wrote a query that built it."
COMPLETE = (
    "At my last job our weekly sales report took two days to build by hand. I wrote a SQL "
    "query and scheduled it for Monday mornings. As a result the report took ten minutes "
    "instead of two days, and the sales team called 30 more customers a week."
)


def practise_links(at) -> dict[str, dict[str, list[str]]]:
    return {
        link.proto.label + " " + parse_qs(link.proto.query_string)["skill"][0]
        + (" story" if "story" in parse_qs(link.proto.query_string) else ""):
        parse_qs(link.proto.query_string)
        for link in at.get("page_link")
        if link.proto.page == "practise"
    }  # fmt: skip


def test_from_a_weak_spot_to_a_drill_to_a_better_rating_at_the_next_interview(db):
    rid = storage.insert_rejection(db, data_analyst_case(id=None))
    areas = assessment_of(storage.get_rejection(db, rid)).areas
    assert {"role_knowledge", "evidence"} <= {a.key for a in areas}

    # The plan links to the story and to a drill on evidence.
    plan = app_page("app_pages/next_steps.py", rejection=str(rid))
    assert not plan.exception
    links = practise_links(plan)
    story_link = links["Write the story that answers this concern evidence story"]
    drill_link = links["Start a drill on Evidence & examples evidence"]
    assert drill_link == {"rejection": [str(rid)], "skill": ["evidence"]}

    # The story for that concern.
    at = app_page("app_pages/practise.py", **{k: v[0] for k, v in story_link.items()})
    assert not at.exception
    assert at.text_input(key="pr_story_title").value.endswith("concern")
    for field, text in {
        "situation": "Our weekly sales report took two days by hand.",
        "task": "Make it faster without losing accuracy.",
        "action": "I wrote a SQL query and scheduled it.",
        "result": "Ten minutes instead of two days; 30 more customer calls a week.",
    }.items():
        at.text_area(key=f"pr_story_{field}").input(text)
    at.button(key="pr_story_save").click().run()
    assert not at.exception
    assert len(bank.list_stories(db, skill="evidence")) == 1

    # A three-question drill on evidence: what each answer lacks is named.
    at = app_page("app_pages/practise.py", **{k: v[0] for k, v in drill_link.items()})
    assert not at.exception
    for text in (NO_RESULT, COMPLETE, COMPLETE):
        at.text_area(key="pr_answer").input(text)
        at.button(key="pr_check").click().run()
        assert not at.exception
        missing = [m.value for m in at.markdown if m.value.startswith("\u25cb ")]
        if text == NO_RESULT:
            assert "\u25cb Result" in missing
        at.button(key="pr_keep_drill").click().run()
        assert not at.exception
    drills = bank.list_drills(db, skill="evidence")
    assert len(drills) == 3
    assert [d.checklist["result"]["present"] for d in drills] == [False, True, True]

    # Re-rated after practising.
    at.segmented_control(key="pr_rerate").set_value(4).run()
    at.button(key="pr_rerate_save").click().run()
    assert not at.exception
    assert [r.rating for r in bank.list_reratings(db, skill="evidence")] == [4]

    # Later: the drills were four days ago, and the next interview, two days ago, rated
    # evidence a strength (it was a concern before the drills).
    db.execute("UPDATE drills SET practised_on = ?", [(TODAY - dt.timedelta(days=4)).isoformat()])
    db.conn.commit()
    later = with_feedback(
        data_analyst_case(
            id=None,
            company="Contoso",
            interviewed_on=TODAY - dt.timedelta(days=2),
            rejected_on=TODAY - dt.timedelta(days=1),
        ),
        ratings={"evidence": 3},
        findings=(),
    )
    storage.insert_rejection(db, later)

    progress = app_page("app_pages/progress.py")
    assert not progress.exception
    said = " ".join(t.value for t in progress.text)
    assert "Evidence & examples: rated higher at the next interview" in said
