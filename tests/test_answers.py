"""The answer checker: a practice answer read into a checklist, each item with its words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessment.reading.answers import WORDS_PER_MINUTE, check_answer, find_hedges

STAR = (
    "At my previous job, our weekly sales report took two days to build by hand. "
    "I wrote a SQL query that pulled the numbers straight from the warehouse and scheduled "
    "it every Monday. As a result, the report was ready by 9 am and we saved 12 hours a week."
)


def test_a_full_story_has_every_part_with_its_words():
    check = check_answer("evidence", STAR, "Tell me about a time you improved a process.")
    assert check.situation.present and check.situation.words.startswith("At my previous job")
    assert check.action.present and check.action.words.startswith("I wrote")
    assert check.result.present and check.result.words.startswith("As a result")
    assert check.result_number.present and "12 hours" in check.result_number.words
    assert check.ownership == "i"
    assert check.hedges == ()
    assert check.answers_question.present
    assert check.words == len(STAR.split())
    assert check.seconds == round(check.words * 60 / WORDS_PER_MINUTE)


def test_a_story_without_a_result_says_so():
    text = "Last year my manager asked me to fix our onboarding. I interviewed five new hires."
    check = check_answer("problem_solving", text)
    assert check.situation.present and check.action.present
    assert not check.result.present and not check.result_number.present


def test_a_result_without_a_number():
    text = "In my last role I reorganised the support rota. In the end the team was happier."
    check = check_answer("collaboration", text)
    assert check.result.present and not check.result_number.present


@pytest.mark.parametrize(
    ("text", "ownership"),
    [
        ("We planned the launch, we built the site and we shipped it on time.", "we"),
        ("I planned the launch and we built the site together; I led the testing.", "mixed"),
        ("I planned the launch, I built the site and I tested it.", "i"),
        ("I want to work here because I love your product.", "i"),  # no actions: not a we-story
    ],
)
def test_ownership(text, ownership):
    assert check_answer("evidence", text).ownership == ownership


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        ("Um, I think I sort of led it, I guess.", ("um", "i think", "sort of", "i guess")),
        ("Well, basically I just tried my best.", ("well", "basically", "just")),
        ("What kind of role is it? I had just 24 hours.", ()),  # "kind of" = type, "just" = only
        ("I think I think I think.", ("i think",)),  # each phrase once
    ],
)
def test_hedges_and_fillers(text, hedges):
    assert find_hedges(text) == hedges


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("What is your biggest weakness?", "Honestly, I'm a perfectionist."),
        ("Tell me about a mistake.", "I can't really think of a time I made a mistake."),
        ("What do you know about us?", "I don't know very much about the company yet."),
        ("Tell me about a time you worked under pressure.", "All the time. Deadlines are tight."),
        ("Why this role?", "Money."),
    ],
)
def test_non_answers_are_flagged_with_their_words(question, text):
    item = check_answer("composure", text, question).answers_question
    assert not item.present and item.words


def test_an_on_topic_answer_names_its_skill_when_the_reader_sees_it():
    text = "I explained the trade-offs clearly and kept my answer concise for the panel."
    item = check_answer("communication", text, "How do you explain complex ideas?").answers_question
    assert item.present and item.words == "communication"


@given(st.text(max_size=500), st.sampled_from(["evidence", "composure", "communication"]))
def test_any_text_is_checked_without_error_and_words_come_from_it(text, skill):
    check = check_answer(skill, text, "Tell me about a time.")
    for item in (check.situation, check.action, check.result, check.result_number):
        assert item.present == bool(item.words)
        assert item.words in text or not item.words
    assert check.ownership in ("i", "we", "mixed")
    assert check.words >= 0 and check.seconds >= 0


# --- the real answers corpus (docs/corpus_answers.md) ----------------------------------------

# Per item (precision, recall), measured once with ``python benchmarks/answer_eval.py`` after the
# checker was written (issue 16), all answers of each half. The reported half is held out: these
# figures are only reported, never tuned against. Each test allows 0.03 for small changes
# elsewhere; a larger drop means a rule stopped generalising (or, on tuning, broke).
REAL_REPORTED_FIGURES = {
    "situation": (0.88, 0.51),
    "action": (0.83, 0.85),
    "result": (0.86, 0.60),
    "result_number": (1.00, 0.44),
    "leans_on_we": (0.62, 0.62),
    "off_question": (0.43, 0.20),
    "hedges": (0.84, 0.70),
}
REAL_TUNING_FIGURES = {
    "situation": (0.89, 0.85),
    "action": (0.79, 0.88),
    "result": (0.95, 0.68),
    "result_number": (1.00, 0.70),
    "leans_on_we": (0.86, 0.55),
    "off_question": (1.00, 0.60),
    "hedges": (1.00, 0.82),
}
ALLOWED_DROP = 0.03


@pytest.mark.parametrize(
    ("split", "figures"),
    [("reported", REAL_REPORTED_FIGURES), ("tuning", REAL_TUNING_FIGURES)],
)
def test_real_answer_figures_do_not_drop(split, figures):
    from benchmarks.answer_eval import ANSWER_SETS, item_scores, score_answers
    from benchmarks.scoring_sets import load_labelled

    scores = item_scores(score_answers(load_labelled(ANSWER_SETS[split])))
    assert set(scores) == set(figures)
    for item, (precision, recall) in figures.items():
        got_p, got_r = scores[item][:2]
        assert got_p >= precision - ALLOWED_DROP, f"{split} {item} precision {got_p:.2f}"
        assert got_r >= recall - ALLOWED_DROP, f"{split} {item} recall {got_r:.2f}"
