"""The Practise page through AppTest: opened from the plan's link, a story written, a
three-question drill answered, checked and kept, a re-rating saved; empty states, bad links,
refusals next to their field, drafts that survive a new session."""

from __future__ import annotations

import datetime as dt

from assessment import drafts, storage
from assessment.models import Story
from assessment.practice import bank
from assessment.practice.questions import topic_question_id
from tests.cases import data_analyst_case
from tests.helpers import app_page

PAGE = "app_pages/practise.py"
NO_RESULT = "At my last job the weekly report took two days. I wrote a query that built it."
COMPLETE = (
    "At my last job as a data analyst our weekly sales report took two days to build by hand. "
    "I wrote a SQL query that pulled the numbers and I set up a scheduled job to run it every "
    "Monday. As a result the report took ten minutes instead of two days, and the sales team "
    "used the time to call customers."
)
STORY = {
    "situation": "Our weekly sales report took two days by hand.",
    "task": "Make it faster without losing accuracy.",
    "action": "I wrote a SQL query and scheduled it for Monday mornings.",
    "result": "It took ten minutes, and sales called 30 more customers a week.",
}


def own_case(db) -> int:
    return storage.insert_rejection(db, data_analyst_case(id=None), storage.LOCAL_OWNER)


def markdowns(at) -> list[str]:
    return [m.value for m in at.markdown]


def texts(at) -> list[str]:
    return [t.value for t in at.text]


def answer(at, text: str, button: str = "pr_check"):
    at.text_area(key="pr_answer").input(text)
    return at.button(key=button).click().run()


def test_from_the_plan_a_story_a_drill_and_a_re_rating(db):
    rid = own_case(db)
    at = app_page(PAGE, rejection=str(rid), skill="evidence", story="new")
    assert not at.exception
    assert at.selectbox(key="pr_skill").value == "evidence"
    assert not at.warning

    # The story form starts on the concern the interviewer named.
    assert at.text_input(key="pr_story_title").value == (
        "The story that answers the quantified impact concern"
    )
    assert at.multiselect(key="pr_story_skills").value == ["evidence"]
    assert any(i.value.startswith("No stories yet: write the one that answers") for i in at.info)
    for field, value in STORY.items():
        at.text_area(key=f"pr_story_{field}").input(value)
    at.button(key="pr_story_save").click().run()
    assert not at.exception
    assert any("Your story is saved." in s.value for s in at.success)
    (story,) = bank.list_stories(db)
    assert story.title == "The story that answers the quantified impact concern"
    assert story.skills == ("evidence",) and story.rejection_id == rid
    assert story.result == STORY["result"]
    assert "story" not in at.query_params
    assert at.text_input(key="pr_story_title").value == ""  # ready for the next one
    assert STORY["action"] in texts(at)

    # Question 1: the topic the interviewer named; the answer has no result.
    headings = [s.value for s in at.subheader]
    assert headings[0].startswith("The interviewer mentioned quantified impact.")
    answer(at, NO_RESULT)
    assert not at.exception
    shown = markdowns(at)
    assert "\u25cb Result" in shown and "\u2713 Situation" in shown
    assert any(m.startswith("1. Add the result: what changed because") for m in shown)
    assert "\u201cI wrote a query that built it.\u201d" in texts(at)
    assert drafts.count(db) == 1  # checked: kept as a draft
    at.button(key="pr_keep_drill").click().run()
    assert not at.exception
    assert at.text_area(key="pr_answer").value == ""
    assert drafts.count(db) == 0
    assert any("Kept" in s.value for s in at.success)

    # Question 2: started from the story.
    at.selectbox(key="pr_story_pick").select(story.id).run()
    at.button(key="pr_story_paste").click().run()
    assert at.text_area(key="pr_answer").value.startswith(STORY["situation"])
    at.button(key="pr_keep_drill").click().run()

    # Question 3: a complete answer, kept without checking.
    answer(at, COMPLETE, "pr_keep_drill")
    assert not at.exception
    assert any("last question of this drill" in s.value for s in at.success)

    drills = bank.list_drills(db)
    assert len(drills) == 3
    assert drills[0].question_id == topic_question_id("evidence", "quantified impact")
    assert len({d.question_id for d in drills}) == 3
    assert [d.story_id for d in drills] == [None, story.id, None]
    assert all(d.rejection_id == rid and d.skill == "evidence" for d in drills)
    assert drills[0].checklist["result"]["present"] is False
    assert drills[2].checklist["result_number"]["present"] is True
    assert drills[0].practised_on == dt.date.today()

    # The re-rating, and the log.
    at.segmented_control(key="pr_rerate").set_value(4).run()
    at.button(key="pr_rerate_save").click().run()
    assert not at.exception
    (rerating,) = bank.list_reratings(db)
    assert (rerating.skill, rerating.rating, rerating.rejection_id) == ("evidence", 4, rid)
    assert any("you rate your evidence & examples 4 now" in s.value for s in at.success)
    log = at.dataframe[0].value
    assert len(log) == 3 and log["To add next time"].iloc[-1].startswith("result")
    counts = at.dataframe[1].value
    assert counts.to_dict("records")[0]["Drills"] == 3


def test_a_repeat_drill_gets_new_questions(db):
    rid = own_case(db)
    at = app_page(PAGE, rejection=str(rid), skill="evidence")
    first = []
    for _ in range(3):
        first.append(at.subheader[0].value)
        answer(at, COMPLETE, "pr_keep_drill")
    at.button(key="pr_new_drill").click().run()
    assert not at.exception
    again = at.subheader[0].value
    assert again == first[0]  # the topic question stays first
    answer(at, COMPLETE, "pr_keep_drill")
    assert at.subheader[0].value not in first


def test_an_empty_database(db_path):
    at = app_page(PAGE)
    assert not at.exception
    infos = [i.value for i in at.info]
    assert any(i.startswith("No stories yet: write the one that answers") for i in infos)
    assert any(i.startswith("No drills yet.") for i in infos)
    assert at.selectbox(key="pr_skill").value == "communication"
    assert at.subheader[0].value == "Tell me about yourself."
    answer(at, COMPLETE, "pr_keep_drill")
    assert not at.exception
    (kept,) = bank.list_drills(storage.connect(db_path))
    assert kept.rejection_id is None


def test_bad_params_are_ignored_gently(db):
    own_case(db)
    at = app_page(PAGE, rejection="999", skill="![x](https://example.com/x.png)", story="7")
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert any("rejection was not found" in w for w in warnings)
    assert any("skill Rebound does not know" in w for w in warnings)
    assert any("story form it could not open" in w for w in warnings)
    assert not any("example.com" in w for w in warnings)
    assert at.selectbox(key="pr_skill").value == "role_knowledge"  # the first concern
    assert at.text_input(key="pr_story_title").value == ""


def test_an_over_long_answer_is_refused_next_to_the_field_and_kept(db):
    rid = own_case(db)
    at = app_page(PAGE, rejection=str(rid), skill="evidence")
    long = "word " * 4_001  # 20,005 characters
    answer(at, long, "pr_keep_drill")
    assert not at.exception
    assert at.error[0].value.startswith("Answer is 20,005 characters long; the limit is 20,000.")
    assert at.text_area(key="pr_answer").value == long
    assert bank.list_drills(db) == []
    answer(at, long)  # checking it is refused too, and nothing is kept as a draft
    assert at.error[0].value.startswith("Answer is 20,005")
    assert drafts.count(db) == 0
    answer(at, "   ", "pr_keep_drill")
    assert at.error[0].value == "Type or paste your answer first."


def test_a_checked_answer_survives_a_new_session_and_can_be_discarded(db):
    rid = own_case(db)
    at = app_page(PAGE, rejection=str(rid), skill="role_knowledge")
    answer(at, NO_RESULT)
    question = at.subheader[0].value
    again = app_page(PAGE, rejection=str(rid))
    assert not again.exception
    assert again.selectbox(key="pr_skill").value == "role_knowledge"
    assert again.text_area(key="pr_answer").value == NO_RESULT
    assert again.subheader[0].value == question
    assert any(i.value.startswith("Draft restored") for i in again.info)
    again.button(key="pr_discard_draft").click().run()
    assert again.text_area(key="pr_answer").value == ""
    assert drafts.count(db) == 0


def test_story_errors_edit_and_delete(db):
    at = app_page(PAGE)
    at.text_area(key="pr_story_action").input("I wrote it.")
    at.button(key="pr_story_save").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == ["Title is required."]
    assert at.text_area(key="pr_story_action").value == "I wrote it."
    assert bank.list_stories(db) == []

    at.text_input(key="pr_story_title").input("The migration")
    at.multiselect(key="pr_story_skills").select("composure")
    at.button(key="pr_story_save").click().run()
    (story,) = bank.list_stories(db)
    assert story.skills == ("composure",) and story.rejection_id is None

    at.button(key=f"pr_story_edit_{story.id}").click().run()
    assert at.text_input(key="pr_story_title").value == "The migration"
    at.text_input(key="pr_story_title").input("The database migration")
    at.button(key="pr_story_save").click().run()
    assert [s.title for s in bank.list_stories(db)] == ["The database migration"]

    at.selectbox(key="pr_story_filter").select("evidence").run()
    assert any("No story shows Evidence & examples yet" in i.value for i in at.info)
    at.selectbox(key="pr_story_filter").select("all").run()

    at.button(key=f"pr_story_delete_{story.id}").click().run()
    assert "The database migration" in texts(at)
    at.button(key="pr_story_delete_cancel").click().run()
    assert len(bank.list_stories(db)) == 1
    at.button(key=f"pr_story_delete_{story.id}").click().run()
    at.button(key="pr_story_delete_confirm").click().run()
    assert not at.exception
    assert bank.list_stories(db) == []
    assert any("The story was deleted." in s.value for s in at.success)


def test_user_text_is_shown_as_text(db):
    title = "**bold** :smile: $x^2$ ![img](https://example.com/x.png)"
    bank.add_story(db, Story(title=title, action="<b>I did</b> :tada:"))
    at = app_page(PAGE)
    assert title in texts(at)
    assert "<b>I did</b> :tada:" in texts(at)
    assert not any(title in m for m in markdowns(at))
