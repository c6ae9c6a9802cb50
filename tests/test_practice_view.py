"""What the Practise page shows: the drill aimed at the concern, the checklist and suggestions
of an answer (each quoting the answer), the story prefill, the log and the counts."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from assessment.models import Drill, Story
from assessment.practice import texts
from assessment.practice.bank import PracticeCounts
from assessment.practice.questions import question_id, questions_for, topic_question_id
from assessment.reading.answers import check_answer
from assessment.skills import SKILL_KEYS
from assessment.views import practice as view
from tests.cases import data_analyst_case, with_feedback

TODAY = dt.date(2026, 11, 20)
COMPLETE = (
    "At my last job as a data analyst our weekly sales report took two days to build by hand. "
    "I wrote a SQL query that pulled the numbers and I set up a scheduled job to run it every "
    "Monday. As a result the report took ten minutes instead of two days, and the sales team "
    "used the time to call customers."
)
WE_STORY = (
    "In my last role our team had a slow report. We rewrote the pipeline together and we "
    "tested it. I think it was basically fine. In the end it was faster."
)
NO_RESULT = "At my last job the weekly report took two days. I wrote a query that built it."
REFUSAL = "I don't really have any weaknesses."
QUESTION = "Tell me about your greatest achievement at work."


def drill(skill: str, qid: str | None, day: int = 1, checklist: dict | None = None) -> Drill:
    return Drill(
        skill=skill,
        question="A question?",
        answer="An answer.",
        practised_on=TODAY - dt.timedelta(days=30 - day),
        checklist=checklist if checklist is not None else {},
        question_id=qid,
    )


def bank_ids(skill: str) -> list[str]:
    return [question_id(skill, q) for q in questions_for(skill)]


def plain(text: str) -> str:
    return " ".join(text.split())


# ---- the drill -------------------------------------------------------------------------


def test_the_topic_the_interviewer_named_comes_first():
    case = data_analyst_case()
    assert view.topic_of(case, "evidence") == "quantified impact"
    assert view.topic_of(case, "role_knowledge") == "SQL"
    questions = view.drill_questions("role_knowledge", view.topic_of(case, "role_knowledge"))
    assert len(questions) == view.DRILL_LENGTH == 3
    assert questions[0].topic == "SQL" and "SQL" in questions[0].text
    assert questions[0].id == topic_question_id("role_knowledge", "SQL")
    assert [q.id for q in questions[1:]] == bank_ids("role_knowledge")[:2]


def test_without_a_topic_the_drill_is_three_bank_questions():
    case = data_analyst_case()
    assert view.topic_of(case, "communication") == ""  # praised, no topic named
    assert view.topic_of(None, "evidence") == ""
    questions = view.drill_questions("communication")
    assert [q.id for q in questions] == bank_ids("communication")[:3]
    assert not questions[0].story  # "Tell me about yourself." is not a story question
    assert all(q.strong for q in questions)


def test_a_repeat_drill_gets_questions_not_answered_yet():
    ids = bank_ids("evidence")
    done = [drill("evidence", ids[0]), drill("evidence", ids[1])]
    again = view.drill_questions("evidence", "", done)
    assert [q.id for q in again] == ids[2:5]
    # with the topic: it stays first, the bank's part still moves on
    with_topic = view.drill_questions("evidence", "quantified impact", done)
    assert with_topic[0].topic == "quantified impact"
    assert [q.id for q in with_topic[1:]] == ids[2:4]


def test_once_all_are_answered_the_one_answered_longest_ago_comes_back():
    ids = bank_ids("composure")
    done = [drill("composure", qid, day=i) for i, qid in enumerate(ids)]
    done.append(drill("composure", ids[0], day=len(ids)))  # the first one, answered twice
    again = view.drill_questions("composure", "", done)
    assert [q.id for q in again] == ids[1:4]


def test_a_drill_is_found_again_by_its_ids_and_a_stale_id_is_refused():
    questions = view.drill_questions("evidence", "quantified impact")
    ids = [q.id for q in questions]
    assert view.drill_from_ids("evidence", "quantified impact", ids) == questions
    assert view.drill_from_ids("evidence", "", ids) is None  # the topic question is gone
    assert view.drill_from_ids("evidence", "", ["evidence:no-such-question"]) is None
    assert view.drill_from_ids("evidence", "", []) is None


def test_the_default_skill_is_the_first_concern():
    case = data_analyst_case()
    assert view.default_skill(case) == "role_knowledge"  # rated 2, first in the skills' order
    only_findings = with_feedback(case, ratings={})
    assert view.default_skill(only_findings) == "role_knowledge"
    assert view.default_skill(None) == SKILL_KEYS[0]


# ---- query parameters -----------------------------------------------------------------


def test_the_plan_link_is_read():
    params = view.read_params({"rejection": "1", "skill": "evidence", "story": "new"})
    assert params == view.Params(skill="evidence", new_story=True, warnings=())


def test_unknown_params_are_ignored_with_a_warning_that_does_not_repeat_them():
    params = view.read_params(
        {"skill": "![x](https://evil.example/a.png)", "story": "<b>7</b>"}, data_analyst_case()
    )
    assert params.skill is None and not params.new_story
    assert len(params.warnings) == 2
    assert "Role knowledge" in params.warnings[0]
    assert not any("evil" in w or "<b>" in w for w in params.warnings)
    assert view.read_params({}) == view.Params()


# ---- the checklist ---------------------------------------------------------------------


def rows_of(answer: str, skill: str = "evidence", story: bool = True) -> dict[str, view.Row]:
    check = check_answer(skill, answer, QUESTION)
    return {row.key: row for row in view.checklist(check, skill, answer, story)}


def test_a_complete_answer_ticks_every_row_and_quotes_its_words():
    rows = rows_of(COMPLETE)
    assert list(rows) == [
        "situation",
        "action",
        "result",
        "result_number",
        "ownership",
        "length",
        "hedges",
        "answers_question",
    ]
    assert all(row.met for row in rows.values()), [r for r in rows.values() if not r.met]
    assert rows["situation"].words.startswith("At my last job")
    assert rows["result"].words.startswith("As a result")
    assert rows["length"].explanation == "62 words, about 25 seconds at a normal pace."


def test_the_missing_parts_say_what_to_add():
    rows = rows_of(NO_RESULT)
    assert rows["situation"].met and rows["action"].met
    assert not rows["result"].met
    assert (
        rows["result"].explanation
        == "We did not spot a result: what changed because of what you did?"
    )
    assert not rows["result_number"].met
    assert rows["result_number"].explanation == texts.NO_RESULT_FOR_NUMBER


def test_a_we_story_and_its_hedges_are_quoted():
    rows = rows_of(WE_STORY)
    assert not rows["ownership"].met
    assert rows["ownership"].words == "We rewrote the pipeline together and we tested it."
    assert not rows["hedges"].met
    assert "\u201ci think\u201d" in rows["hedges"].explanation
    assert rows["hedges"].words == "I think it was basically fine."


def test_length_is_told_in_speaking_time_and_a_short_story_is_noted():
    rows = rows_of(NO_RESULT)
    assert not rows["length"].met
    assert "at least 40 words" in rows["length"].explanation
    assert rows_of(NO_RESULT, story=False)["length"].met  # not a story question
    long = rows_of(" ".join([COMPLETE] * 7))
    assert not long["length"].met and "over 2 minutes 30 seconds" in long["length"].explanation
    assert view.spoken_time(25) == "25 seconds"
    assert view.spoken_time(60) == "1 minute"
    assert view.spoken_time(150) == "2 minutes 30 seconds"


def test_where_the_checker_is_unsure_it_asks():
    rows = rows_of(REFUSAL)
    assert not rows["answers_question"].met
    assert rows["answers_question"].explanation.startswith("Does this answer the question?")
    assert rows["answers_question"].words == REFUSAL
    # it answers, but the skill's own words were not spotted: a question, not a verdict
    answers = rows_of(COMPLETE)["answers_question"]
    assert answers.met and "Does it show evidence & examples?" in answers.explanation


# ---- suggestions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "answer", [COMPLETE, WE_STORY, NO_RESULT, REFUSAL, " ".join([COMPLETE] * 7)]
)
def test_suggestions_are_at_most_three_and_quote_the_answer(answer):
    check = check_answer("evidence", answer, QUESTION)
    tips = view.suggestions(check, "evidence", answer)
    assert len(tips) <= texts.MAX_SUGGESTIONS == 3
    for tip in tips:
        assert tip.quote.removesuffix(" \u2026") in plain(answer), tip


def test_the_missing_result_is_the_suggestion_with_the_end_of_the_answer():
    check = check_answer("evidence", NO_RESULT, QUESTION)
    tips = view.suggestions(check, "evidence", NO_RESULT)
    result = next(t for t in tips if t.key == "result")
    assert result.text.startswith("Add the result: what changed because of what you did?")
    assert result.quote == "I wrote a query that built it."


def test_a_we_story_gets_three_suggestions_in_order():
    check = check_answer("evidence", WE_STORY, QUESTION)
    tips = view.suggestions(check, "evidence", WE_STORY)
    assert [t.key for t in tips] == ["result_number", "ownership", "hedges"]
    assert tips[0].quote == "In the end it was faster."


def test_a_non_answer_is_asked_about_first():
    check = check_answer("composure", REFUSAL, "What is your biggest weakness?")
    tips = view.suggestions(check, "composure", REFUSAL)
    assert tips[0].key == "answers_question"
    assert tips[0].text.startswith("Does this answer the question asked?")
    assert tips[0].quote == REFUSAL


def test_a_complete_answer_has_nothing_to_change():
    check = check_answer("evidence", COMPLETE, QUESTION)
    assert view.suggestions(check, "evidence", COMPLETE) == []
    assert view.all_there(check) == (
        "Every part is there. Now say it out loud once, at a normal pace: about 25 seconds."
    )


def test_a_long_quote_is_cut_at_a_word():
    cut = view.quote("word " * 100)
    assert len(cut) <= view.QUOTE_CHARS + 2 and cut.endswith(" \u2026")
    assert view.quote("two\nlines") == "two lines"


def test_no_word_of_the_page_grades():
    words = [t for row in texts.ROWS.values() for t in row]
    words += list(texts.SUGGESTIONS.values())
    grading = re.compile(r"(?i)\b(score|grade|fail\w*|poor|bad|wrong|weak)\b|/10|\d+%")
    assert not [w for w in words if grading.search(w)]


# ---- stories ---------------------------------------------------------------------------


def test_the_story_form_starts_on_the_concern():
    case = data_analyst_case()
    story = view.story_prefill(case, "evidence")
    assert story == Story(
        title="The story that answers the quantified impact concern",
        skills=("evidence",),
        rejection_id=1,
    )
    assert view.story_prefill(case, "role_knowledge").title == (
        "The story that answers the SQL concern"
    )
    assert view.story_prefill(case, "composure").title == (
        "The story that answers the Composure & confidence concern"
    )
    assert view.story_prefill(None, "evidence").rejection_id is None


def test_a_story_is_shown_in_parts_and_becomes_an_answer():
    story = Story(
        title="The weekly report",
        situation="Our report took two days.",
        action="I wrote a SQL query.",
        result="It took 10 minutes.",
        skills=("problem_solving", "evidence"),
    )
    assert view.story_parts(story) == [
        ("Situation", "Our report took two days."),
        ("Action", "I wrote a SQL query."),
        ("Result", "It took 10 minutes."),
    ]
    assert view.story_answer(story) == (
        "Our report took two days.\n\nI wrote a SQL query.\n\nIt took 10 minutes."
    )
    assert view.skills_text(story.skills) == "Problem solving, Evidence & examples"
    assert view.skills_text(()) == "No skill ticked"


def test_the_empty_story_bank_says_which_story_to_write():
    message = view.no_stories(data_analyst_case(), "evidence")
    assert message.startswith("No stories yet: write the one that answers the quantified impact")
    assert "Composure & confidence" in view.no_stories_for("composure")


# ---- the log and the counts ---------------------------------------------------------------


def test_the_log_is_newest_first_with_its_checklist_in_words():
    from assessment.practice.bank import checklist_of

    first = drill(
        "evidence", "a", day=1, checklist=checklist_of(check_answer("evidence", WE_STORY))
    )
    second = drill(
        "composure", "b", day=2, checklist=checklist_of(check_answer("composure", COMPLETE))
    )
    rows = view.log_rows([first, second])
    assert [r["Skill"] for r in rows] == ["Composure & confidence", "Evidence & examples"]
    assert rows[0]["Had"] == "situation, what you did, result, a number"
    assert rows[0]["To add next time"] == ""
    assert rows[1]["Had"] == "situation, what you did, result"
    assert rows[1]["To add next time"] == "a number, your part (\u201cI\u201d), fewer hedges"
    assert rows[1]["Date"] == first.practised_on


def test_a_damaged_checklist_shows_as_nothing_known():
    damaged = drill("evidence", None, checklist={"situation": "yes", "result": {"present": 1}})
    assert view.log_rows([damaged])[0]["Had"] == ""
    assert view.log_rows([damaged])[0]["To add next time"] == ""


def test_only_practised_skills_are_counted():
    counts = {key: PracticeCounts() for key in SKILL_KEYS}
    counts["evidence"] = PracticeCounts(stories=1, drills=3, last_practised_on=TODAY)
    counts["composure"] = PracticeCounts(reratings=1, latest_rating=4)
    assert view.count_rows(counts) == [
        {
            "Skill": "Evidence & examples",
            "Stories": 1,
            "Drills": 3,
            "Last practised": TODAY,
            "Latest re-rating": None,
        },
        {
            "Skill": "Composure & confidence",
            "Stories": 0,
            "Drills": 0,
            "Last practised": None,
            "Latest re-rating": 4,
        },
    ]


def test_the_re_rating_reminds_of_the_rating_before():
    assert view.rerate_note(data_analyst_case(), "evidence").startswith(
        "After this rejection you rated your evidence & examples 3."
    )
    assert "from 1 (weak) to 5 (strong)" in view.rerate_note(None, "evidence")


# ---- the draft -------------------------------------------------------------------------


def test_a_practice_draft_is_checked_when_read_back():
    fields = view.draft_fields("evidence", ["evidence:a", "evidence:b"], 1, "I wrote")
    assert view.draft_from_json(fields) == fields
    for broken in (
        None,
        [],
        {**fields, "skill": "juggling"},
        {**fields, "index": 2},
        {**fields, "index": True},
        {**fields, "questions": []},
        {**fields, "questions": [1]},
        {**fields, "answer": None},
        {**fields, "extra": 1},
    ):
        assert view.draft_from_json(broken) is None, broken
