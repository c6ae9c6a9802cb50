import datetime as dt
from dataclasses import replace

from assessment import drafts, storage
from assessment.models import Rejection
from assessment.plan import calendar, steps, texts
from tests.cases import FEEDBACK_TEXT, data_analyst_case
from tests.helpers import app_page

PAGE = "app_pages/feedback.py"
EMAIL = (
    "Thank you for coming in last week. Your answers were clear, but we wanted more concrete "
    "examples with numbers. In the end we went with someone with more industry experience. "
    "We wish you the best of luck."
)


def new_rejection(db, **changes):
    values = dict(
        company="Globex",
        role="Analyst",
        stage="onsite",
        rejected_on=dt.date.today(),
        contact_name="Sam Lee",
    )
    values.update(changes)
    return storage.save_reflection(db, Rejection(**values))


def test_empty_database(db_path):
    at = app_page(PAGE)
    assert not at.exception
    assert "once you have logged a rejection" in at.info[0].value


def test_not_requested_offers_a_polite_request_filled_in(db):
    new_rejection(db)
    at = app_page(PAGE)
    assert not at.exception
    request = at.code[0].value
    assert "Sam" in request and "Globex" in request and "Analyst" in request
    assert "strength" in request.lower() and "improve" in request.lower()


def test_read_confirm_change_drop_and_save(db):
    rid = new_rejection(db)
    at = app_page(PAGE)
    at.text_area(key="fb_text").input(EMAIL)
    at.button(key="fb_read").click().run()
    assert not at.exception
    quotes = [t.value for t in at.text]
    assert any("concrete examples" in q for q in quotes)
    assert at.segmented_control(key="fb_rating_evidence").value != 0  # pre-filled
    assert any("outside factor" in i.value for i in at.info)  # noted, added on save
    # the user changes one finding and drops another
    keys = [at.selectbox(key=f"fb_key_{i}").value for i in range(len(at.session_state.fb_rows))]
    evidence_row = keys.index("Evidence & examples")
    at.selectbox(key=f"fb_key_{evidence_row}").select("Problem solving")
    at.selectbox(key=f"fb_pol_{evidence_row}").select("Concern")
    if "Communication" in keys:
        at.checkbox(key=f"fb_keep_{keys.index('Communication')}").uncheck()
    at.button(key="fb_apply").click().run()
    assert not at.exception
    assert at.segmented_control(key="fb_rating_problem_solving").value in (1, 2)
    at.segmented_control(key="fb_rating_evidence").set_value(0)  # the user overrides a rating
    at.radio(key="fb_status").set_value("received")
    at.button(key="fb_save").click().run()
    assert not at.exception
    assert at.title[0].value == "Results"
    saved = storage.get_rejection(db, rid)
    assert saved.feedback.status == "received"
    assert saved.feedback.text == EMAIL
    found = {(f.key, f.polarity) for f in saved.feedback.findings}
    assert ("problem_solving", -1) in found
    assert ("communication", 1) not in found
    assert ("other_candidate", 0) in found
    assert saved.feedback.ratings["evidence"] is None
    assert saved.feedback.ratings["problem_solving"] in (1, 2)
    assert "other_candidate" in saved.fit_factors


def test_pleasantries_only_say_so_and_suggest_rating_by_hand(db):
    new_rejection(db)
    at = app_page(PAGE)
    at.text_area(key="fb_text").input("Thanks so much for your time. Best of luck!")
    at.button(key="fb_read").click().run()
    assert not at.exception
    assert any("Rate the skills by hand" in i.value for i in at.info)


def test_requested_needs_a_date_and_nothing_is_saved_without_it(db):
    rid = new_rejection(db)
    at = app_page(PAGE)
    at.radio(key="fb_status").set_value("requested")
    at.button(key="fb_save").click().run()
    assert not at.exception
    assert any("Add the date you asked" in e.value for e in at.error)
    assert storage.get_rejection(db, rid).feedback.status == "not_requested"
    at.date_input(key="fb_requested_on").set_value(dt.date.today() - dt.timedelta(days=2))
    at.button(key="fb_save").click().run()
    assert storage.get_rejection(db, rid).feedback.status == "requested"


def test_over_long_feedback_text_is_refused_and_kept(db):
    rid = new_rejection(db)
    at = app_page(PAGE)
    at.text_area(key="fb_text").input("z" * 20_001)
    at.button(key="fb_save").click().run()
    assert not at.exception
    assert any("Feedback text is 20,001 characters long" in e.value for e in at.error)
    assert at.text_area(key="fb_text").value == "z" * 20_001
    assert storage.get_rejection(db, rid).feedback.text == ""


def test_stored_feedback_is_loaded_for_editing(example_db):
    at = app_page(PAGE)
    assert not at.exception
    assert at.radio(key="fb_status").value == "received"
    assert at.segmented_control(key="fb_rating_evidence").value == 2
    assert len(at.session_state.fb_rows) == 3


# ---- the status follows the facts (issue 13, item 2) ------------------------------------


def case_without_feedback(db) -> int:
    """The Data Analyst case as Reflect saves it: no feedback yet, status "not requested"."""
    return storage.save_reflection(db, replace(data_analyst_case(), id=None))


def save(at):
    at.button(key="fb_save").click().run()
    assert not at.exception
    return at


def test_pasting_the_feedback_and_saving_marks_it_received(db):
    rid = case_without_feedback(db)
    at = app_page(PAGE)
    assert at.radio(key="fb_status").value == "not_requested"
    assert any("marks it “Received”" in c.value for c in at.caption)
    assert any("Haven't asked yet" in e.label for e in at.expander)
    at.text_area(key="fb_text").input(FEEDBACK_TEXT)  # the status is left untouched
    save(at)
    assert at.title[0].value == "Results"
    assert any("its status is now “Received”" in s.value for s in at.success)
    saved = storage.get_rejection(db, rid).feedback
    assert saved.status == "received"
    assert saved.text == FEEDBACK_TEXT
    # shown when the page is opened again
    again = app_page(PAGE)
    assert again.radio(key="fb_status").value == "received"
    assert not any("Haven't asked yet" in e.label for e in again.expander)


def test_ratings_alone_mark_it_received_even_when_it_said_requested_without_a_date(db):
    rid = case_without_feedback(db)
    at = app_page(PAGE)
    at.radio(key="fb_status").set_value("requested")
    at.segmented_control(key="fb_rating_role_knowledge").set_value(2)
    save(at)
    assert not any("date you asked" in e.value for e in at.error)
    assert at.title[0].value == "Results"
    saved = storage.get_rejection(db, rid).feedback
    assert saved.status == "received"
    assert saved.ratings["role_knowledge"] == 2


def test_kept_findings_alone_mark_it_received(db):
    rid = case_without_feedback(db)
    at = app_page(PAGE)
    at.text_area(key="fb_text").input(FEEDBACK_TEXT)
    at.button(key="fb_read").click().run()
    assert at.session_state.fb_rows
    at.text_area(key="fb_text").input("")  # keep the findings, drop the text
    save(at)
    saved = storage.get_rejection(db, rid).feedback
    assert saved.text == "" and saved.findings
    assert saved.status == "received"


def test_the_status_stays_changeable_and_the_users_choice_is_kept(db):
    rid = case_without_feedback(db)
    at = app_page(PAGE)
    at.text_area(key="fb_text").input(FEEDBACK_TEXT)
    save(at)
    assert storage.get_rejection(db, rid).feedback.status == "received"

    # the user changes it on purpose: kept, with the feedback still there
    at = app_page(PAGE)
    at.radio(key="fb_status").set_value("requested")
    at.date_input(key="fb_requested_on").set_value(dt.date.today() - dt.timedelta(days=3))
    save(at)
    assert any(s.value == "The interviewer's feedback is saved." for s in at.success)
    assert storage.get_rejection(db, rid).feedback.status == "requested"

    # a later save that leaves the status alone keeps it too
    at = app_page(PAGE)
    assert at.radio(key="fb_status").value == "requested"
    at.text_area(key="fb_text").input(FEEDBACK_TEXT + " One more note.")
    save(at)
    saved = storage.get_rejection(db, rid).feedback
    assert saved.status == "requested"
    assert saved.text.endswith("One more note.")

    at = app_page(PAGE)
    at.radio(key="fb_status").set_value("declined")
    save(at)
    assert storage.get_rejection(db, rid).feedback.status == "declined"


def test_without_feedback_the_status_stays_as_chosen(db):
    rid = case_without_feedback(db)
    at = app_page(PAGE)
    save(at)
    assert storage.get_rejection(db, rid).feedback.status == "not_requested"
    assert not any("Received" in s.value for s in at.success)
    at = app_page(PAGE)
    at.radio(key="fb_status").set_value("declined")
    at.text_area(key="fb_text").input("We don't give feedback after interviews, sorry.")
    save(at)
    assert storage.get_rejection(db, rid).feedback.status == "declined"


# ---- drafts and the rating segments --------------------------------------------------


def restored_notice(at) -> bool:
    return any(i.value.startswith("Draft restored") for i in at.info)


def test_a_kept_draft_comes_back_after_a_reload_and_can_be_discarded(db):
    rid = new_rejection(db)
    at = app_page(PAGE)
    at.text_area(key="fb_text").input("They liked my SQL.")
    at.segmented_control(key="fb_rating_role_knowledge").set_value(4)
    at.button(key="fb_keep_draft").click().run()
    assert not at.exception
    assert drafts.count(db) == 1
    assert storage.get_rejection(db, rid).feedback.text == ""

    again = app_page(PAGE)  # a reload: a new session
    assert not again.exception and restored_notice(again)
    assert again.text_area(key="fb_text").value == "They liked my SQL."
    assert again.segmented_control(key="fb_rating_role_knowledge").value == 4
    again.button(key="fb_discard_draft").click().run()
    assert not again.exception and not restored_notice(again)
    assert again.text_area(key="fb_text").value == ""
    assert drafts.count(db) == 0


def test_reading_keeps_a_draft_and_saving_deletes_it(db):
    new_rejection(db)
    at = app_page(PAGE)
    at.text_area(key="fb_text").input(EMAIL)
    at.button(key="fb_read").click().run()
    assert drafts.count(db) == 1
    at.button(key="fb_save").click().run()
    assert not at.exception and at.title[0].value == "Results"
    assert drafts.count(db) == 0
    after = app_page(PAGE)
    assert not restored_notice(after)
    assert after.text_area(key="fb_text").value == EMAIL  # the saved text, not a draft


def test_returning_to_the_page_in_the_same_session_keeps_the_form(db):
    new_rejection(db)
    at = app_page(PAGE)
    at.text_area(key="fb_text").input("Kept across pages.")
    at.button(key="fb_keep_draft").click().run()
    at.switch_page("app_pages/results.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.text_area(key="fb_text").value == "Kept across pages."


def test_the_interviewer_scale_is_one_segment_per_word_never_split(db):
    new_rejection(db)
    at = app_page(PAGE)
    scale = at.segmented_control(key="fb_rating_evidence")
    assert [o.replace("\u00a0", " ") for o in scale.options] == [
        "Strong concern",
        "Concern",
        "Strength",
        "Strong strength",
        "Not assessed",
    ]
    assert all(" " not in o for o in scale.options)  # a no-break space holds each together
    assert scale.value == 0  # "Not assessed" until chosen


def test_pre_filled_counts_read_in_the_right_number(db):
    new_rejection(db)
    at = app_page(PAGE)
    at.text_area(key="fb_text").input("Your examples lacked numbers.")
    at.button(key="fb_read").click().run()
    message = next(i.value for i in at.info if i.value.startswith("Pre-filled"))
    assert "(s)" not in message
    assert "1 rating " in message or "ratings" in message


# ---- the request kit and the scorecard (issue 15) -----------------------------------------

SCORECARD = """Interview scorecard
Communication: Strong yes
Problem solving - 3/4
Technical skills: 2 out of 5
Culture add: Mixed
Recommendation: No hire
She was well prepared, but her SQL was weak."""


def test_the_kit_has_three_ways_to_ask_the_courteous_one_first(db):
    new_rejection(db)
    at = app_page(PAGE)
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Polite request", "Short version", "Request by right"]
    polite, short = at.code[0].value, at.code[1].value
    assert "Sam Lee" in polite and len(short) < len(polite)
    assert at.radio(key="fb_place").value is None  # the user picks where the employer is
    assert any("Choose where the employer is" in c.value for c in at.caption)


def test_a_request_by_right_in_the_eu_is_drafted_recorded_and_put_on_the_plan(db):
    rid = new_rejection(db)
    at = app_page(PAGE)
    at.radio(key="fb_place").set_value("eu").run()
    assert not at.exception
    assert any("Article 15" in i.value for i in at.info)  # the legal basis, one sentence
    assert any("eur-lex.europa.eu" in c.value for c in at.caption)  # with its source
    assert any("not legal advice" in c.value for c in at.caption)
    letter = at.code[2].value
    assert "General Data Protection Regulation" in letter and "Globex" in letter
    due = storage.get_rejection(db, rid)  # nothing recorded before the user says it is sent
    assert due.feedback.status == "not_requested" and due.actions == ()
    assert any("The answer is due by" in m.value for m in at.markdown)
    at.button(key="fb_place_sent").click().run()
    assert not at.exception
    assert any("Recorded: your request by right" in s.value for s in at.success)
    saved = storage.get_rejection(db, rid)
    assert (saved.feedback.status, saved.feedback.requested_on) == ("requested", dt.date.today())
    (deadline,) = [a for a in saved.actions if a.due_on]
    assert deadline.due_on > dt.date.today() + dt.timedelta(days=27)
    # the form below shows the new status, and the deadline is shown with its calendar file
    assert at.radio(key="fb_status").value == "requested"
    assert any("Your request by right: the answer is due by" in m.value for m in at.markdown)
    # Next steps has it, accepted and dated, so its calendar file holds it
    plan = app_page("app_pages/next_steps.py", rejection=str(rid))
    assert not plan.exception
    assert any(texts.TITLE_ACCESS_DUE in m.value for m in plan.markdown)
    events = calendar.calendar_steps(steps.build_plan(db, rid))
    assert [(s.title, s.due_on) for s in events] == [(texts.TITLE_ACCESS_DUE, deadline.due_on)]


def test_elsewhere_offers_no_request_by_right(db):
    new_rejection(db)
    at = app_page(PAGE)
    at.radio(key="fb_place").set_value("elsewhere").run()
    assert not at.exception
    assert any("does not know a right of access" in i.value for i in at.info)
    assert len(at.code) == 2  # the polite and the short request only
    assert not any(b.key == "fb_place_sent" for b in at.button)


def test_ive_sent_it_records_a_polite_request_with_todays_date(db):
    rid = new_rejection(db)
    at = app_page(PAGE)
    at.button(key="fb_polite_sent").click().run()
    assert not at.exception
    assert any("Recorded: you asked on" in s.value for s in at.success)
    fb = storage.get_rejection(db, rid).feedback
    assert (fb.status, fb.requested_on) == ("requested", dt.date.today())
    assert at.radio(key="fb_status").value == "requested"
    assert at.date_input(key="fb_requested_on").value == dt.date.today()
    # waiting now: the kit stays, folded, without "I've sent it"
    assert any("Still waiting?" in e.label for e in at.expander)
    assert not any(b.key == "fb_polite_sent" for b in at.button)


def test_a_pasted_scorecard_proposes_ratings_line_by_line(db):
    rid = new_rejection(db)
    at = app_page(PAGE)
    at.text_area(key="fb_text").input(SCORECARD)
    at.button(key="fb_read").click().run()
    assert not at.exception
    lines = [t.value for t in at.text]
    for line in ("Communication: Strong yes", "Technical skills: 2 out of 5", "Culture add: Mixed"):
        assert line in lines
    assert any("An overall verdict" in c.value for c in at.caption)
    assert any("so not assessed" in c.value for c in at.caption)
    # proposed ratings are pre-filled
    assert at.segmented_control(key="fb_rating_communication").value == 4
    assert at.segmented_control(key="fb_rating_role_knowledge").value == 2
    assert at.segmented_control(key="fb_rating_problem_solving").value == 3
    assert at.segmented_control(key="fb_rating_motivation").value == 0  # "Mixed": not assessed
    # the user drops one line, changes another, and applies what they kept
    skills = {i: at.selectbox(key=f"fb_cskill_{i}").value for i in range(4)}
    comm = next(i for i, s in skills.items() if s == "Communication")
    solving = next(i for i, s in skills.items() if s == "Problem solving")
    at.checkbox(key=f"fb_ckeep_{comm}").uncheck()
    at.selectbox(key=f"fb_crating_{solving}").select("Concern")
    at.segmented_control(key="fb_rating_communication").set_value(0)
    at.button(key="fb_apply").click().run()
    assert not at.exception
    assert at.segmented_control(key="fb_rating_problem_solving").value == 2
    at.button(key="fb_save").click().run()
    assert not at.exception
    saved = storage.get_rejection(db, rid).feedback
    assert saved.ratings["problem_solving"] == 2 and saved.ratings["role_knowledge"] == 2
    assert saved.ratings["communication"] is None
    quotes = {(f.key, f.quote) for f in saved.findings}
    assert ("role_knowledge", "Technical skills: 2 out of 5") in quotes  # quoted by the plan
    assert not any(q == "Communication: Strong yes" for _, q in quotes)  # dropped
    assert not any("Recommendation" in q for _, q in quotes)  # a verdict is no finding
