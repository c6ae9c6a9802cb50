import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from assessment import forms, validation

TODAY = dt.date(2026, 11, 25)


def check(**changes):
    values = dict(
        company="Acme",
        role="Analyst",
        contact_name="",
        stage="onsite",
        interviewed_on=dt.date(2026, 11, 1),
        rejected_on=dt.date(2026, 11, 8),
        reason_given="",
        fit_factors=(),
        today=TODAY,
    )
    values.update(changes)
    return validation.check_rejection(**values)


def test_a_valid_rejection_has_no_errors():
    assert check() == {}


def test_company_and_role_are_required_even_if_only_spaces():
    errors = check(company="   ", role="")
    assert errors == {"company": "Company is required.", "role": "Role is required."}


def test_rejection_before_interview_is_refused():
    assert "before the interview" in check(rejected_on=dt.date(2026, 10, 1))["rejected_on"]


def test_dates_in_the_future_are_refused():
    future = TODAY + dt.timedelta(days=1)
    assert "future" in check(rejected_on=future, interviewed_on=None)["rejected_on"]
    assert "future" in check(interviewed_on=future)["interviewed_on"]


def test_over_long_text_is_refused_with_the_field_and_limit():
    errors = check(company="x" * 201, reason_given="y" * 20_001)
    assert "Company" in errors["company"] and "200" in errors["company"]
    assert "20,000" in errors["reason_given"]


def test_unknown_stage_and_fit_factor():
    errors = check(stage="lunch", fit_factors=("astrology",))
    assert set(errors) == {"stage", "fit_factors"}


def test_ratings_ranges():
    assert validation.check_ratings({"evidence": 5}, "self") == {}
    assert "evidence" in validation.check_ratings({"evidence": 5}, "interviewer")
    assert "nope" in validation.check_ratings({"nope": 1}, "self")
    assert validation.check_ratings({"evidence": None}, "interviewer") == {}
    assert "evidence" in validation.check_ratings({"evidence": True}, "self")


def test_feedback_checks():
    assert (
        validation.check_feedback(status="received", requested_on=None, text="", today=TODAY) == {}
    )
    errors = validation.check_feedback(
        status="maybe", requested_on=TODAY + dt.timedelta(days=2), text="z" * 20_001, today=TODAY
    )
    assert set(errors) == {"status", "requested_on", "text"}


@given(st.text())
def test_cleaning_only_normalises_line_endings(text):
    cleaned = validation.clean_text(text)
    assert "\r" not in cleaned
    assert cleaned.replace("\n", "") == text.replace("\r\n", "").replace("\r", "").replace("\n", "")
    line = validation.clean_line(text)
    assert "\n" not in line and "\r" not in line


def test_draft_round_trip_through_a_rejection():
    draft = forms.empty_draft(TODAY)
    draft.update(company="Acme", role="Analyst", went_well="ok", mood=3)
    draft["self_ratings"]["evidence"] = 4
    rejection = forms.rejection_from_draft(draft)
    back = forms.draft_from_rejection(rejection)
    assert back["company"] == "Acme" and back["self_ratings"]["evidence"] == 4
    assert back["mood"] == 3 and back["rejected_on"] == TODAY


def test_first_step_with_an_error_points_the_user_back():
    assert forms.first_step_with_error({"company": "x"}) == 0
    assert forms.first_step_with_error({"went_well": "x"}) == 1
    assert forms.first_step_with_error({"evidence": "x"}) == 2


def test_clean_parts_remove_newlines_from_single_line_fields():
    part = forms.clean_rejection_part(
        {"company": "Ac\nme", "role": "R\r\nole", "contact_name": "", "reason_given": "a\r\nb"}
    )
    assert part["company"] == "Acme" and part["role"] == "Role"
    assert part["reason_given"] == "a\nb"
    assert "fit_factors" not in part  # asked on the next step: the draft keeps its own


# ---- dates: one rule per field, for the forms, the import and the pages ------------------


def test_every_date_field_has_one_range():
    for field in ("interviewed_on", "rejected_on", "requested_on", "done_on"):
        assert validation.date_range(field, TODAY) == (dt.date(1970, 1, 1), TODAY)
    assert validation.date_range("due_on", TODAY) == (dt.date(1970, 1, 1), dt.date(2036, 11, 25))
    assert validation.date_range("due_on", dt.date(2028, 2, 29))[1] == dt.date(2038, 2, 28)
    assert validation.date_range("due_on", dt.date(9995, 1, 1))[1] == dt.date.max


def test_dates_before_1970_are_refused_in_the_reflect_form():
    errors = check(rejected_on=dt.date(1, 1, 1), interviewed_on=dt.date(1969, 12, 31))
    assert errors == {
        "rejected_on": "Rejection date cannot be before 1970-01-01.",
        "interviewed_on": "Interview date cannot be before 1970-01-01.",
    }
    assert check(rejected_on=dt.date.max, interviewed_on=None) == {
        "rejected_on": "Rejection date cannot be in the future."
    }


def test_the_feedback_form_refuses_old_dates_and_requested_without_a_date():
    def feedback(status, requested_on):
        return validation.check_feedback(
            status=status, requested_on=requested_on, text="", today=TODAY
        )

    assert feedback("received", dt.date(1, 1, 1)) == {
        "requested_on": "The date you asked cannot be before 1970-01-01."
    }
    assert feedback("requested", None) == {
        "requested_on": "Add the date you asked, so Rebound can suggest a polite nudge after "
        "a week."
    }
    assert feedback("requested", TODAY) == {} and feedback("declined", None) == {}


def test_action_checks():
    def action(title="Do it", due_on=None, done_on=None):
        return validation.check_action(title=title, due_on=due_on, done_on=done_on, today=TODAY)

    assert action() == {} and action(due_on=dt.date(2036, 11, 25), done_on=TODAY) == {}
    assert action(title=" ") == {"title": "Title is required."}
    assert "200" in action(title="x" * 201)["title"]
    assert action(due_on=dt.date.max) == {"due_on": "Due date cannot be after 2036-11-25."}
    assert action(done_on=TODAY + dt.timedelta(days=1)) == {
        "done_on": "Done date cannot be in the future."
    }


def test_a_picker_holds_a_stored_date_outside_the_range():
    first, last = dt.date(1970, 1, 1), TODAY
    assert validation.picker_range("rejected_on", None, today=TODAY) == (first, last)
    assert validation.picker_range("rejected_on", dt.date.max, today=TODAY) == (first, dt.date.max)
    assert validation.picker_range("requested_on", dt.date.min, TODAY, today=TODAY) == (
        dt.date.min,
        last,
    )
    assert validation.picker_range("due_on", today=TODAY)[1] == dt.date(2036, 11, 25)
