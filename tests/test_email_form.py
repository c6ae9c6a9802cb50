"""The pasted e-mail's review on Reflect: rows with their words, the draft's rules kept, and only
the kept rows put into the draft."""

from __future__ import annotations

import datetime as dt

from assessment import forms
from assessment.reading.email import EmailProposals, Proposal
from assessment.reading.email_form import (
    NOTHING_KEPT,
    apply_review,
    filled_message,
    read_for_review,
    review_email,
    tidy_name,
)

TODAY = dt.date(2026, 12, 1)
EMAIL = """Subject: Your application for Data Analyst at Acme Analytics
Date: 14 November 2026

Dear Alex,

Thank you for your interest in the Data Analyst position at Acme Analytics.

After careful consideration, we decided to move forward with a candidate whose experience
more closely matches the requirements of the role.

We wish you every success in your search.

Kind regards,
Priya Shah
Talent Acquisition
"""
BOILERPLATE = """Dear Alex,

Thank you for applying. We received many strong applications and have decided to move
forward with other candidates. We wish you all the best in your search.

Best regards,
The Hiring Team
"""


def by_id(review):
    return {row.id: row for row in review.rows}


def test_a_full_email_gives_a_row_per_field_each_with_its_words():
    review = read_for_review(EMAIL, TODAY)
    rows = by_id(review)
    assert list(rows) == [
        "company",
        "role",
        "contact_name",
        "rejected_on",
        "reason_given",
        "fit_other_candidate",
    ]
    assert rows["company"].value == "Acme Analytics" and rows["company"].label == "Company"
    assert "position at Acme Analytics" in rows["company"].words
    assert rows["role"].value == "Data Analyst"
    assert rows["contact_name"].value == "Priya Shah"
    assert rows["contact_name"].label == "Contact name"
    assert rows["rejected_on"].value == "2026-11-14"
    assert rows["rejected_on"].shown == "14 November 2026"
    assert rows["rejected_on"].words == "Date: 14 November 2026"
    assert rows["reason_given"].label == "Reason they gave"
    assert "more closely matches the requirements" in rows["reason_given"].value
    fit = rows["fit_other_candidate"]
    assert fit.shown == "Another candidate"
    assert fit.label == "Outside your control: Another candidate"
    assert all(row.words for row in review.rows)
    assert [r.editable for r in review.rows] == [True, True, True, False, True, False]
    assert review.skipped == ()


def test_boilerplate_proposes_nothing():
    review = read_for_review(BOILERPLATE, TODAY)
    assert review.rows == () and review.skipped == ()


def test_empty_text_proposes_nothing():
    assert read_for_review("", TODAY).rows == ()
    assert read_for_review("   \n", TODAY).rows == ()


def test_the_greeting_fills_no_field():
    review = review_email(EmailProposals(candidate_name=Proposal("Alex", "Dear Alex,")), TODAY)
    assert review.rows == () and review.skipped == ()


def test_a_future_date_is_not_proposed_and_says_why():
    review = read_for_review(EMAIL.replace("14 November 2026", "14 January 2027"), TODAY)
    assert "rejected_on" not in by_id(review)
    (skipped,) = review.skipped
    assert skipped.label == "Rejection date"
    assert skipped.why == "Rejection date cannot be in the future."
    assert skipped.words == "Date: 14 January 2027"


def test_a_date_before_1970_or_unreadable_is_not_proposed():
    old = review_email(EmailProposals(date=Proposal("1969-12-31", "Date: 31 Dec 1969")), TODAY)
    assert old.rows == () and old.skipped[0].why == "Rejection date cannot be before 1970-01-01."
    bad = review_email(EmailProposals(date=Proposal("2026-02-30", "Date: 30 Feb 2026")), TODAY)
    assert bad.rows == () and "could not be read" in bad.skipped[0].why


def test_an_over_long_value_is_not_proposed():
    review = review_email(EmailProposals(role=Proposal("R" * 201, "the R… role")), TODAY)
    assert review.rows == ()
    assert review.skipped[0].why.startswith("Role is 201 characters long")


def test_a_company_name_loses_a_trailing_and():
    proposals = EmailProposals(company=Proposal("Acme Analytics and", "… at Acme Analytics and"))
    (row,) = review_email(proposals, TODAY).rows
    assert row.value == "Acme Analytics"
    assert row.words == "… at Acme Analytics and"  # the words stay as written
    assert tidy_name("Barnes & Noble") == "Barnes & Noble"
    assert tidy_name("Bank of") == "Bank"


def test_every_kept_row_fills_the_draft_and_passes_its_checks():
    review = read_for_review(EMAIL, TODAY)
    draft = forms.empty_draft(TODAY)
    new, filled = apply_review(draft, review.rows, {row.id: True for row in review.rows})
    assert filled == 6
    assert (new["company"], new["role"], new["contact_name"]) == (
        "Acme Analytics",
        "Data Analyst",
        "Priya Shah",
    )
    assert new["rejected_on"] == dt.date(2026, 11, 14)
    assert new["reason_given"].startswith("After careful consideration")
    assert new["fit_factors"] == ["other_candidate"]
    assert forms.step_errors(new, 0, TODAY) == {} and forms.step_errors(new, 1, TODAY) == {}
    assert draft == forms.empty_draft(TODAY)  # the draft given is left as it was


def test_only_kept_rows_overwrite_what_was_typed():
    review = read_for_review(EMAIL, TODAY)
    draft = forms.empty_draft(TODAY) | {"company": "Typed Co", "role": "Typed role"}
    use = {row.id: True for row in review.rows} | {"company": False}
    new, filled = apply_review(draft, review.rows, use, {"role": "Senior Data Analyst"})
    assert new["company"] == "Typed Co"  # unticked: what was typed stays
    assert new["role"] == "Senior Data Analyst"  # ticked and changed: the change is used
    assert filled == 5


def test_a_row_missing_from_use_is_not_kept():
    review = read_for_review(EMAIL, TODAY)
    draft = forms.empty_draft(TODAY)
    new, filled = apply_review(draft, review.rows, {"role": True})
    assert filled == 1 and new["role"] == "Data Analyst" and new["company"] == ""
    assert new["rejected_on"] == TODAY


def test_fit_factors_are_added_to_those_chosen():
    proposals = EmailProposals(
        fit_factors=(
            Proposal("other_candidate", "a candidate whose experience"),
            Proposal("compensation", "the salary"),
        )
    )
    review = review_email(proposals, TODAY)
    draft = forms.empty_draft(TODAY) | {"fit_factors": ["internal_candidate", "compensation"]}
    new, filled = apply_review(draft, review.rows, {row.id: True for row in review.rows})
    assert new["fit_factors"] == ["internal_candidate", "compensation", "other_candidate"]
    assert filled == 2
    assert draft["fit_factors"] == ["internal_candidate", "compensation"]


def test_an_edited_value_is_cleaned_and_a_blanked_one_fills_nothing():
    review = read_for_review(EMAIL, TODAY)
    draft = forms.empty_draft(TODAY) | {"contact_name": "Sam"}
    use = {"company": True, "contact_name": True, "reason_given": True}
    edited = {"company": " Acme\nAnalytics Ltd ", "contact_name": "  ", "reason_given": "A\r\nB"}
    new, filled = apply_review(draft, review.rows, use, edited)
    assert new["company"] == "AcmeAnalytics Ltd"  # one line, as the form keeps it
    assert new["contact_name"] == "Sam"
    assert new["reason_given"] == "A\nB"
    assert filled == 2


def test_the_message_counts_the_fields_filled():
    assert filled_message(0) == NOTHING_KEPT
    assert filled_message(1).startswith("Filled in 1 field from the email. Check it below")
    assert filled_message(5) == (
        "Filled in 5 fields from the email. Check them below; nothing is saved until the last step."
    )
