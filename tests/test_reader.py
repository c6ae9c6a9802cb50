"""Reading feedback text into findings: one rule per test, then ratings and the labelled score."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.models import Finding
from assessment.reading.reader import (
    fit_factor_keys,
    read_feedback,
    suggested_rating,
    suggested_ratings,
)
from assessment.skills import FIT_FACTOR_KEYS, SKILL_KEYS
from benchmarks.scoring_sets import (
    READER_SETS,
    boilerplate_findings,
    load_labelled,
    score_reader,
)


def pairs(text: str) -> set[tuple[str, int]]:
    return {(f.key, f.polarity) for f in read_feedback(text)}


# --- one sentence, two findings -------------------------------------------------------------


def test_one_sentence_can_carry_a_strength_and_a_concern():
    text = "Your answers were clear but your examples lacked numbers."
    findings = read_feedback(text)
    assert {(f.key, f.polarity) for f in findings} == {("communication", 1), ("evidence", -1)}
    assert all(f.quote == text for f in findings)


def test_two_skills_praised_in_one_sentence():
    assert pairs("You were well prepared and came across as calm and confident.") == {
        ("preparation", 1),
        ("composure", 1),
    }


# --- negation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your SQL was not as deep as we need.", {("role_knowledge", -1)}),
        ("We had no concerns about your communication.", {("communication", 1)}),
        ("The panel never doubted your motivation.", {("motivation", 1)}),
        ("You didn't ask any questions about the team.", {("preparation", -1)}),
        ("You were not nervous at all.", {("composure", 1)}),
        ("We weren't convinced you were genuinely interested in the role.", {("motivation", -1)}),
        ("There were no issues with your technical skills.", {("role_knowledge", 1)}),
    ],
)
def test_negation_flips_what_follows_it(text, expected):
    assert pairs(text) == expected


# --- contrast -------------------------------------------------------------------------------


def test_after_but_outweighs_before_for_the_same_skill():
    assert pairs("Your answers were clear, but too long.") == {("communication", -1)}


def test_leading_although_gives_way_to_the_main_clause():
    assert pairs("Although your answers were long, they were always clear.") == {
        ("communication", 1)
    }


def test_although_with_different_skills_keeps_both():
    text = "Although your examples were strong, you seemed nervous."
    assert pairs(text) == {("evidence", 1), ("composure", -1)}


def test_trailing_although_reads_like_but():
    assert pairs("You were clear, although a bit long-winded.") == {("communication", -1)}


# --- hedges and intensity -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "intensity"),
    [
        ("Your examples could be a bit more specific.", "evidence", "hedged"),
        ("You seemed slightly nervous at the start.", "composure", "hedged"),
        ("There was a significant gap in your product knowledge.", "role_knowledge", "strong"),
        ("You really lacked structure in your answers.", "communication", "strong"),
        ("Your examples lacked numbers.", "evidence", ""),
    ],
)
def test_concern_intensity(text, key, intensity):
    (finding,) = read_feedback(text)
    assert (finding.key, finding.polarity, finding.intensity) == (key, -1, intensity)


def test_hedged_concern_is_still_a_concern():
    assert pairs("Your answers were somewhat brief.") == {("communication", -1)}


@pytest.mark.parametrize(
    ("text", "intensity"),
    [
        ("Your problem solving was outstanding.", "strong"),
        ("Your analysis of the case was excellent.", "strong"),
        ("Your analysis of the case was good.", ""),
    ],
)
def test_strength_intensity(text, intensity):
    (finding,) = read_feedback(text)
    assert (finding.key, finding.polarity, finding.intensity) == ("problem_solving", 1, intensity)


# --- pleasantries and fit factors -----------------------------------------------------------


def test_pleasantries_yield_nothing():
    text = (
        "Thank you so much for your time last week. It was a pleasure speaking with you. "
        "The process had three rounds. Please don't hesitate to get in touch. "
        "We wish you every success and the best of luck in your search!"
    )
    assert read_feedback(text) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("We went with a candidate who had more experience in B2B sales.", "other_candidate"),
        ("The position has been filled internally.", "internal_candidate"),
        ("The role has been put on hold after a budget freeze.", "role_changed"),
        ("Your salary expectations were above our range.", "compensation"),
        ("The job needs three days a week in the Leeds office.", "location"),
    ],
)
def test_fit_factors_have_polarity_zero(text, key):
    assert pairs(text) == {(key, 0)}


def test_fit_factor_that_was_not_the_issue_is_dropped():
    assert read_feedback("Salary was not an issue.") == []


def test_fit_factor_keys_once_each_in_domain_order():
    findings = read_feedback(
        "The salary was above budget. We hired internally. The salary gap was large."
    )
    assert fit_factor_keys(findings) == ["internal_candidate", "compensation"]


# --- text shapes ----------------------------------------------------------------------------


def test_no_punctuation_splits_on_new_lines():
    findings = read_feedback(
        "your answers were clear\nyour examples lacked numbers\nyou seemed nervous"
    )
    assert [(f.key, f.polarity, f.quote) for f in findings] == [
        ("communication", 1, "your answers were clear"),
        ("evidence", -1, "your examples lacked numbers"),
        ("composure", -1, "you seemed nervous"),
    ]


def test_long_run_on_is_split_on_and():
    text = (
        "you explained things clearly and you knew the product well and you asked good "
        "questions and your examples were a bit thin and you seemed nervous at the start and "
        "the panel liked your energy and overall it was a close call"
    )
    findings = read_feedback(text)
    assert {(f.key, f.polarity) for f in findings} == {
        ("communication", 1),
        ("preparation", 1),
        ("evidence", -1),
        ("composure", -1),
        ("motivation", 1),
    }
    assert all(len(f.quote) < 120 and f.quote in text for f in findings)


def test_bullets_and_headings():
    text = "Strengths:\n- SQL\n- Communication\n\nAreas to improve:\n* Examples\n* Research"
    assert [(f.key, f.polarity, f.quote) for f in read_feedback(text)] == [
        ("role_knowledge", 1, "SQL"),
        ("communication", 1, "Communication"),
        ("evidence", -1, "Examples"),
        ("preparation", -1, "Research"),
    ]


def test_abbreviations_do_not_end_sentences():
    text = (
        "Mr. Jones felt your examples were vague, e.g. the migration. Dr. Smith liked your energy."
    )
    assert [(f.key, f.polarity, f.quote) for f in read_feedback(text)] == [
        ("evidence", -1, "Mr. Jones felt your examples were vague, e.g. the migration."),
        ("motivation", 1, "Dr. Smith liked your energy."),
    ]


def test_html_is_treated_as_text_and_quoted_as_written():
    text = "<p>Your answers were <strong>clear</strong>.</p><p>You seemed <b>nervous</b>.</p>"
    findings = read_feedback(text)
    assert [(f.key, f.polarity, f.quote) for f in findings] == [
        ("communication", 1, "<p>Your answers were <strong>clear</strong>.</p>"),
        ("composure", -1, "<p>You seemed <b>nervous</b>.</p>"),
    ]


def test_markdown_is_quoted_as_written():
    text = "**Areas to work on:** your examples lacked numbers, e.g. revenue figures."
    (finding,) = read_feedback(text)
    assert (finding.key, finding.polarity, finding.quote) == ("evidence", -1, text)


def test_quote_is_the_trimmed_original_sentence():
    text = "  Thanks for coming in.   Your examples LACKED numbers!  \n\n  Good luck.  "
    (finding,) = read_feedback(text)
    assert finding.quote == "Your examples LACKED numbers!"


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "...", "- \n* \n", "<p></p>"])
def test_empty_text_gives_nothing(text):
    assert read_feedback(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Gracias por tu tiempo. Tus respuestas fueron muy claras, pero no hubo ejemplos.",
        "Ihre Kommunikation war gut, aber Ihre Beispiele waren zu vage.",
        "Merci pour votre temps. Vos réponses étaient claires.",
        "面接ありがとうございました。説明は明確でした。",
    ],
)
def test_other_languages_give_nothing(text):
    assert read_feedback(text) == []


# Speed is measured in the speed suite (benchmarks/run.py --only domain: the reader on a
# 5,000-character email against its 50 ms target, and degenerate text against ordinary text),
# never timed here: these machines are shared. Here: long and degenerate text read at all.


def test_fifty_thousand_characters_are_read():
    rows = load_labelled(READER_SETS["tuning"])
    paragraph = " ".join(row["sentence"] for row in rows)
    text = ((paragraph + "\n\n") * 20)[:50_000]
    findings = read_feedback(text)
    assert len(findings) > 100
    assert all(finding.quote in text for finding in findings)


@pytest.mark.parametrize("unit", ["<p>", "a ", "- \n", "e.g. ", "but "])
def test_degenerate_long_text_is_read_without_error(unit):
    text = (unit * 50_000)[:50_000]
    assert isinstance(read_feedback(text), list)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_text_reads_without_error_and_quotes_come_from_it(text):
    for finding in read_feedback(text):
        assert finding.key in SKILL_KEYS + FIT_FACTOR_KEYS
        expected = (0,) if finding.key in FIT_FACTOR_KEYS else (-1, 1)
        assert finding.polarity in expected
        assert finding.quote and finding.quote == finding.quote.strip()
        assert finding.quote in text


# --- ratings --------------------------------------------------------------------------------


def f(key: str, polarity: int, intensity: str = "") -> Finding:
    return Finding(key, polarity, "quote", intensity)


@pytest.mark.parametrize(
    ("findings", "rating"),
    [
        ([], None),
        ([f("evidence", 1)], 3),
        ([f("evidence", 1, "strong")], 4),
        ([f("evidence", -1)], 2),
        ([f("evidence", -1, "hedged")], 2),
        ([f("evidence", -1, "strong")], 1),
        ([f("evidence", 1, "strong"), f("evidence", -1, "hedged")], 2),
        ([f("evidence", 1), f("evidence", -1, "strong")], 1),
    ],
)
def test_suggested_rating_takes_the_concern_when_mixed(findings, rating):
    assert suggested_rating(findings) == rating


def test_suggested_ratings_per_skill_ignores_fit_factors():
    text = (
        "Your answers were clear but your examples lacked numbers. "
        "Your knowledge of tax law was outstanding. "
        "You seemed a little nervous. "
        "There was a major gap in your research on our company. "
        "We went with an internal candidate."
    )
    assert suggested_ratings(read_feedback(text)) == {
        "communication": 3,
        "role_knowledge": 4,
        "evidence": 2,
        "preparation": 1,
        "composure": 2,
    }


# --- labelled set ---------------------------------------------------------------------------


def test_labelled_sets_are_well_formed():
    keys = set(SKILL_KEYS) | set(FIT_FACTOR_KEYS)
    reported, tuning = (load_labelled(READER_SETS[split]) for split in ("reported", "tuning"))
    assert len(reported) >= 60 and len(tuning) >= 60
    sentences = [row["sentence"] for row in reported + tuning]
    assert len(set(sentences)) == len(sentences)
    for row in reported + tuning:
        for label in row["labels"]:
            assert label["key"] in keys
            assert label["polarity"] in ((0,) if label["key"] in FIT_FACTOR_KEYS else (-1, 1))


def test_reported_set_f1_at_least_0_80():
    result = score_reader(load_labelled(READER_SETS["reported"]))
    assert result["f1"] >= 0.80, f"F1 {result['f1']:.3f} on the reported set"


# --- real feedback: the classes the team-written sets missed ---------------------------------
# Every sentence below is our own, written for the class it tests; none is copied from a corpus.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Try to show more enthusiasm for the product next time.", {("motivation", -1)}),
        ("Just be more confident when you give your answers.", {("composure", -1)}),
        ("Work on keeping your answers concise.", {("communication", -1)}),
        ("Needs to work on being more succinct.", {("communication", -1)}),
        ("Practise explaining your reasoning out loud.", {("communication", -1)}),
        ("You should give more specific examples with numbers.", {("evidence", -1)}),
        ("Be ready to justify the trade-offs in your design.", {("problem_solving", -1)}),
        (
            "My advice would be to research the company's competitors before the next round.",
            {("preparation", -1)},
        ),
        (
            "Deeper knowledge of payroll software would be beneficial for this team.",
            {("role_knowledge", -1)},
        ),
    ],
)
def test_advice_to_improve_is_a_concern_even_with_praising_words(text, expected):
    assert pairs(text) == expected


def test_an_imperative_that_is_not_advice_gives_nothing():
    assert read_feedback("Please keep your contact details up to date on our portal.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He failed to show any real interest in the team's mission.", {("motivation", -1)}),
        ("She did not come across as confident in the panel round.", {("composure", -1)}),
        ("Her case answers lacked structure.", {("communication", -1)}),
        ("He had difficulty explaining his approach clearly.", {("communication", -1)}),
        ("We didn't feel that he was a strong communicator.", {("communication", -1)}),
        ("The panel did not think your examples were specific enough.", {("evidence", -1)}),
    ],
)
def test_negation_by_failed_to_lacked_difficulty_and_did_not_feel(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He seemed unenthusiastic about the role.", {("motivation", -1)}),
        ("Your answers felt disorganised.", {("communication", -1)}),
        ("She was unprepared for questions about our product line.", {("preparation", -1)}),
        ("He was inarticulate under questioning.", {("communication", -1)}),
        ("The candidate came across as unmotivated.", {("motivation", -1)}),
        ("Her use of the framework was ineffective.", set()),  # names no skill
    ],
)
def test_prefix_negation(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She spotted the flaw in her own solution without any hints.", {("problem_solving", 1)}),
        ("He walked us through the analysis without being prompted.", {("problem_solving", 1)}),
        ("You needed a lot of hints to get to the answer.", {("problem_solving", -1)}),
        ("He never needed any hints on the design problem.", {("problem_solving", 1)}),
        ("You answered without giving a single example.", {("evidence", -1)}),
    ],
)
def test_without_help_is_praise_and_without_an_example_is_a_concern(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He kept fidgeting with his pen throughout.", {("composure", -1)}),
        ("Her voice was shaky and she avoided eye contact.", {("composure", -1)}),
        ("There were a lot of filler words like um and you know.", {("composure", -1)}),
        ("He maintained good eye contact and a relaxed posture.", {("composure", 1)}),
        ("She spoke so softly that the panel struggled to hear.", {("composure", -1)}),
        ("He came across as a little timid.", {("composure", -1)}),
        ("He froze when we asked a follow-up question.", {("composure", -1)}),
    ],
)
def test_composure_body_language_voice_and_nerves(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It sounded like you just wanted a job, any job.", {("motivation", -1)}),
        ("She didn't seem to really want the role.", {("motivation", -1)}),
        ("He came across as too eager, almost pushy.", {("motivation", -1)}),
        ("You didn't seem excited about the opportunity.", {("motivation", -1)}),
        ("He seemed disengaged for most of the call.", {("motivation", -1)}),
        ("She seemed flat and low-energy throughout.", {("motivation", -1)}),
        ("I was told I came across as not really wanting the job.", {("motivation", -1)}),
        ("Unclear why he wants to leave his current job.", {("motivation", -1)}),
        ("You clearly care about the work our clinic does.", {("motivation", 1)}),
    ],
)
def test_motivation_is_wanting_the_job(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He never asked clarifying questions before diving in.", {("problem_solving", -1)}),
        ("She covered the edge cases thoroughly.", {("problem_solving", 1)}),
        ("His systems thinking was impressive.", {("problem_solving", 1)}),
        ("He didn't consider any alternative approaches.", {("problem_solving", -1)}),
        ("You rushed into the implementation too quickly.", {("problem_solving", -1)}),
        ("Her design handled the constraints well.", {("problem_solving", 1)}),
        ("Great structured thinking on the market sizing case.", {("problem_solving", 1)}),
        ("He gave up on the puzzle quickly.", {("problem_solving", -1)}),
    ],
)
def test_problem_solving_depth_and_rigour(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He didn't answer the question we actually asked.", {("communication", -1)}),
        ("Her presentation was well-structured and easy to follow.", {("communication", 1)}),
        ("Your replies tended to ramble.", {("communication", -1)}),
        (
            "She was very personable and built rapport with the panel quickly.",
            {("communication", 1)},
        ),
        ("He struggled to build rapport with the interviewers.", {("communication", -1)}),
        ("She wrote clean, well-structured code.", {("role_knowledge", 1)}),
        ("He came across as someone who prefers to work alone.", {("collaboration", -1)}),
    ],
)
def test_communication_structure_and_rapport(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Couldn't say what she personally contributed.", {("evidence", -1)}),
        ("Very little detail about his own role in the project.", {("evidence", -1)}),
        ("Her answers were theoretical rather than drawn from her work.", {("evidence", -1)}),
    ],
)
def test_evidence_is_the_candidates_own_part(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He kept saying "we" and never told us what he did.', {("evidence", -1)}),
        ("She refers to 'we' in every story.", {("evidence", -1)}),
        ("His achievements stayed at a very general level.", {("evidence", -1)}),
        ("She walked through the situation, the action she took and the result.", set()),
        ("You showed a lack of attention to detail in the written task.", set()),
        ("The panel saw it as evidence of rigorous thinking.", {("problem_solving", 1)}),
    ],
)
def test_evidence_we_stories_and_false_alarms(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He just wouldn't stop talking.", {("communication", -1)}),
        ("Mostly one-word answers to our questions.", {("communication", -1)}),
        ("Your answer was full of unnecessary details.", {("communication", -1)}),
        ("He was dismissive to the receptionist.", {("communication", -1)}),
        ("Too much jargon for a non-technical panel.", {("communication", -1)}),
        ("She was well spoken and conversed easily with everyone.", {("communication", 1)}),
        ("He listened actively and checked what we meant.", {("communication", 1)}),
    ],
)
def test_communication_as_interviewers_put_it(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He asked two clarifying questions before he started.", {("problem_solving", 1)}),
        ("She overlooked a couple of edge cases.", {("problem_solving", -1)}),
        ("Guessing instead of reasoning through it.", {("problem_solving", -1)}),
        ("The candidate struggled to find the bugs in his code.", {("role_knowledge", -1)}),
        ("Frankly he was not capable of doing the job.", {("role_knowledge", -1)}),
        ("He did his homework on us.", {("preparation", 1)}),
        ("She sat there without a question at the end.", {("preparation", -1)}),
        ("By not asking anything you tell us you don't care.", {("motivation", -1)}),
        ("He spoke badly of his last employer.", {("motivation", -1)}),
        ("She came across as too energetic for the team.", {("motivation", -1)}),
        ("The strongest candidates respond with curiosity.", {("motivation", 1)}),
        ("He seemed incurious about the product.", {("motivation", -1)}),
        ("He talked too fast and too loudly.", {("composure", -1)}),
        ("They avoid responsibility when things go wrong.", {("collaboration", -1)}),
        ("She credited her team for the launch.", set()),
    ],
)
def test_more_skill_wording_from_real_feedback(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("They had to rescind the offer because the position is going away.", "role_changed"),
        ("The company decided to terminate the position mid-process.", "role_changed"),
        ("It turned out they can't afford to hire another person.", "role_changed"),
        ("They preferred to hire nationals.", "location"),
        ("The candidate must now live in Leeds for this role.", "location"),
        ("They went with the person who best meets the criteria of the team.", "other_candidate"),
    ],
)
def test_more_fit_factor_phrasing(text, key):
    assert (key, 0) in pairs(text)


def test_while_before_an_ing_word_is_not_a_contrast():
    text = "She explained her thinking clearly while breaking down the estimate."
    assert pairs(text) == {("communication", 1), ("problem_solving", 1)}


def test_while_as_a_contrast_still_splits():
    text = "While your examples were strong, you seemed nervous."
    assert pairs(text) == {("evidence", 1), ("composure", -1)}


def test_a_long_sentence_keeps_its_evaluation_with_its_subject():
    text = (
        "Looking back at the second round, which was the technical one, and at what the "
        "interviewer wrote up afterwards, the hiring manager, who had the final say in the end, "
        "felt that I was too eager, especially when I asked about the start date twice."
    )
    findings = read_feedback(text)
    assert {(f.key, f.polarity) for f in findings} == {("motivation", -1)}
    (finding,) = findings
    assert "hiring manager" in finding.quote and "too eager" in finding.quote


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The search has been paused until the new financial year.", "role_changed"),
        ("The role was cut from the budget in the last planning round.", "role_changed"),
        ("It turns out there is no open requisition after all.", "role_changed"),
        ("We have temporarily paused hiring across the design team.", "role_changed"),
        ("We've put all hiring on pause for the rest of the quarter.", "role_changed"),
        ("The hiring manager left and the role is being redefined.", "role_changed"),
        ("Funding for the position fell through.", "role_changed"),
        ("The company froze all new hires after the merger.", "role_changed"),
        ("The band for this role tops out below what you asked for.", "compensation"),
        ("We couldn't get close to the number you asked for.", "compensation"),
        ("Working from home full time was not possible for this team.", "location"),
        ("We could not offer visa sponsorship for this post.", "location"),
        ("A job that far away would have meant a move for your family.", "location"),
        ("The new director brought in people from his old company.", "internal_candidate"),
        ("We're going with somebody internal.", "internal_candidate"),
        ("The position has been filled.", "other_candidate"),
    ],
)
def test_real_fit_factor_phrasing(text, key):
    assert pairs(text) == {(key, 0)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We are pausing the process while we work through some internal changes.",
            {("role_changed", 0)},
        ),
        ("We plan to restructure the compensation of the whole team.", {("compensation", 0)}),
        ("I regret that the call we had booked for Friday is cancelled.", set()),
        ("She would partner well internally with the engineers.", {("collaboration", 1)}),
        (
            "We needed someone with more hands-on Kubernetes experience.",
            {("role_knowledge", -1)},
        ),
        (
            "We were looking for someone with more managerial experience.",
            {("collaboration", -1)},
        ),
        ("We'll let you know if a role comes up that is a better fit for your skills.", set()),
        ("You are the most qualified candidate we met.", set()),
    ],
)
def test_fit_factor_false_alarms(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We will keep your CV on file for future vacancies.",
        "Thank you for your interest and the energy you put into the process.",
        "Thanks for your keen interest in working with us.",
        "This decision is not a reflection of your skills.",
        "We'd be keen to stay in touch.",
        "Thank you for taking the time to speak with [Hiring Manager] about the {{role}} role.",
        "I'm sorry the outcome was not the one you hoped for.",
        "Thanks for being upfront about your salary expectations.",
        "We were truly impressed by your skills and experience.",
        "We hope to find a role that matches your experience in the future.",
        "Unfortunately your application was unsuccessful on this occasion.",
    ],
)
def test_rejection_boilerplate_gives_nothing(text):
    assert read_feedback(text) == []


# --- the real-text corpus (docs/corpus_feedback.md) -------------------------------------------

# The real reported half's F1 after the rule work of issue 12 (rules alone): 0.625. The test
# allows 0.03 for small changes elsewhere; a larger drop means a rule stopped generalising.
REAL_REPORTED_F1 = 0.625


def test_real_reported_half_f1_does_not_drop():
    result = score_reader(load_labelled(READER_SETS["real-reported"]))
    floor = REAL_REPORTED_F1 - 0.03
    assert result["f1"] >= floor, f"F1 {result['f1']:.3f} on the real reported half"


@pytest.mark.parametrize("split", ["real-reported", "real-tuning"])
def test_real_boilerplate_gives_no_finding(split):
    rows = load_labelled(READER_SETS[split])
    assert any(row.get("kind") == "boilerplate" for row in rows)
    assert boilerplate_findings(rows) == 0


# ---- every finding explains itself ------------------------------------------------------


def test_every_finding_names_the_words_it_was_read_from():
    from benchmarks.scoring_sets import READER_SETS, load_labelled

    seen = 0
    for name, path in READER_SETS.items():
        if name == "real-reported":
            continue  # the held-out half is only scored, never read here
        for row in load_labelled(path):
            for finding in read_feedback(row["sentence"]):
                seen += 1
                assert finding.cue, (row["sentence"], finding)
                assert finding.cue in " ".join(finding.quote.split()), (finding.quote, finding.cue)
                assert len(finding.cue) <= len(finding.quote)
    assert seen > 100


def test_the_cue_keeps_the_users_own_case_and_quotes():
    (finding,) = read_feedback("Honestly, the STRUCTURE of your answers wasn’t clear.")
    assert "the STRUCTURE of your answers wasn’t clear" in finding.cue


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanks again for your time on the onsite day.", []),
        ("Thank you for coming into the office to meet the team.", []),
        ("We decided to promote in-house.", []),
        ("The role requires working on-site four days a week.", [("location", 0)]),
        ("The job needs three onsite days a week.", [("location", 0)]),
        ("We cannot offer visa sponsorship for this role.", [("location", 0)]),
    ],
)
def test_on_site_is_a_fit_factor_only_as_an_arrangement_of_the_job(text, expected):
    assert [(f.key, f.polarity) for f in read_feedback(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your stories had no numbers and no timeframes.", [("evidence", -1)]),
        ("I kept asking: what did you actually do?", [("evidence", -1)]),
        ("She backed each claim with concrete results.", [("evidence", 1)]),
        ("He had clearly researched the company and the team.", [("preparation", 1)]),
        ("You came with thoughtful questions.", [("preparation", 1)]),
    ],
)
def test_evidence_and_preparation_as_people_say_it(text, expected):
    assert [(f.key, f.polarity) for f in read_feedback(text)] == expected
