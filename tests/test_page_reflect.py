import datetime as dt

from assessment import drafts, storage
from tests.cases import rejection_email
from tests.helpers import app_page

PAGE = "app_pages/reflect.py"


def fill_first_step(at, company="Globex", role="Product Analyst"):
    at.text_input(key="r_company").input(company)
    at.text_input(key="r_role").input(role)
    at.text_input(key="r_contact_name").input("Sam Lee")
    at.selectbox(key="r_stage").select("final")
    at.date_input(key="r_interviewed_on").set_value(dt.date.today() - dt.timedelta(days=6))
    at.text_area(key="r_reason_given").input("They chose someone internal.")
    at.button(key="r_next_1").click().run()


def test_the_questionnaire_shows_progress_and_saves_on_the_last_step(db_path):
    at = app_page(PAGE)
    assert not at.exception
    assert "Step 1 of 3" in at.get("progress")[0].proto.text
    fill_first_step(at)
    assert not at.exception and not at.error
    assert "Step 2 of 3" in at.get("progress")[0].proto.text
    at.text_area(key="r_went_well").input("Good rapport.\r\nClear case study.")
    at.text_area(key="r_do_differently").input("Numbers in my stories.")
    at.multiselect(key="r_fit_factors").select("internal_candidate")
    at.segmented_control(key="r_mood").set_value(2)
    at.segmented_control(key="r_confidence").set_value(3)
    at.button(key="r_next_2").click().run()
    assert "Step 3 of 3" in at.get("progress")[0].proto.text
    # the anchors are visible while rating
    assert any("specific situation-action-result" in c.value for c in at.caption)
    db = storage.connect(db_path)
    assert storage.count_rejections(db) == 0  # nothing saved before the last step
    at.segmented_control(key="r_self_evidence").set_value(4)
    at.segmented_control(key="r_self_composure").set_value(2)
    at.button(key="r_save").click().run()
    assert not at.exception
    # Home numbers feedback as the next step, so saving a new reflection goes there.
    assert at.title[0].value == "Interviewer feedback"
    assert "Your reflection is saved." in at.success[0].value
    assert "Next: what the interviewer said" in at.success[0].value
    saved = storage.get_rejection(db, storage.latest_rejection_id(db))
    assert (saved.company, saved.role, saved.stage) == ("Globex", "Product Analyst", "final")
    assert saved.reflection.went_well == "Good rapport.\nClear case study."
    assert saved.reflection.mood == 2 and saved.reflection.confidence == 3
    assert saved.self_ratings["evidence"] == 4 and saved.self_ratings["communication"] is None
    assert saved.fit_factors == ("internal_candidate",)
    assert at.query_params["rejection"] in (str(saved.id), [str(saved.id)])


def test_going_back_keeps_what_was_typed(db_path):
    at = app_page(PAGE)
    fill_first_step(at)
    at.text_area(key="r_went_well").input("Kept text")
    at.multiselect(key="r_fit_factors").select("internal_candidate")
    at.button(key="r_next_2").click().run()
    at.segmented_control(key="r_self_evidence").set_value(5)
    at.button(key="r_back_3").click().run()
    assert at.text_area(key="r_went_well").value == "Kept text"
    assert at.multiselect(key="r_fit_factors").value == ["internal_candidate"]
    at.button(key="r_back_2").click().run()
    assert at.text_input(key="r_company").value == "Globex"
    at.button(key="r_next_1").click().run()
    assert at.multiselect(key="r_fit_factors").value == ["internal_candidate"]
    at.button(key="r_next_2").click().run()
    assert at.segmented_control(key="r_self_evidence").value == 5


def test_validation_errors_show_next_to_fields_and_nothing_is_saved(db_path):
    at = app_page(PAGE)
    at.text_input(key="r_company").input("   ")
    at.text_input(key="r_role").input("x" * 201)
    at.date_input(key="r_interviewed_on").set_value(dt.date.today())
    at.date_input(key="r_rejected_on").set_value(dt.date.today() - dt.timedelta(days=3))
    at.button(key="r_next_1").click().run()
    assert not at.exception
    messages = [e.value for e in at.error]
    assert "Company is required." in messages
    assert any("Role is 201 characters long" in m for m in messages)
    assert "Rejection date cannot be before the interview date." in messages
    assert "Step 1 of 3" in at.get("progress")[0].proto.text
    assert at.text_input(key="r_role").value == "x" * 201  # kept, not cut
    assert storage.count_rejections(storage.connect(db_path)) == 0


def test_over_long_reflection_text_is_refused(db_path):
    at = app_page(PAGE)
    fill_first_step(at)
    at.text_area(key="r_went_well").input("y" * 20_001)
    at.button(key="r_next_2").click().run()
    assert any("What went well is 20,001 characters long" in e.value for e in at.error)
    assert "Step 2 of 3" in at.get("progress")[0].proto.text


def test_editing_an_earlier_rejection(example_db, db_path):
    rid = storage.list_rejections(example_db)[-1]["id"]  # Northwind, the oldest
    at = app_page(PAGE, rejection=str(rid))
    assert not at.exception
    assert at.text_input(key="r_company").value == "Northwind Logistics"
    at.text_input(key="r_role").input("Data Analyst II")
    at.button(key="r_next_1").click().run()
    at.button(key="r_next_2").click().run()
    assert at.segmented_control(key="r_self_preparation").value == 4
    at.button(key="r_save").click().run()
    assert not at.exception
    # Northwind has feedback and accepted steps already: the next step Home offers is its plan.
    assert at.title[0].value == "Next steps"
    assert "Your changes are saved." in at.success[0].value
    assert storage.get_rejection(example_db, rid).role == "Data Analyst II"
    assert storage.count_rejections(example_db) == 3


def test_another_owners_rejection_is_not_opened_for_editing(db, db_path):
    from assessment.models import Rejection

    other = storage.save_reflection(
        db,
        Rejection(company="Secret Co", role="R", stage="onsite", rejected_on=dt.date(2026, 1, 1)),
        owner="someone@example.com",
    )
    at = app_page(PAGE, rejection=str(other))
    assert not at.exception
    assert at.text_input(key="r_company").value == ""
    assert "not found" in at.warning[0].value


# ---- drafts, the rating inputs, the path after saving --------------------------------


def labels_on_page(at) -> list[str]:
    widgets = [*at.text_input, *at.text_area, *at.multiselect, *at.segmented_control]
    return [w.label for w in widgets]


def test_a_reload_restores_the_draft_with_a_notice_and_it_can_be_discarded(db_path):
    at = app_page(PAGE)
    fill_first_step(at)
    at.text_area(key="r_went_well").input("Calm answers.")
    at.button(key="r_next_2").click().run()
    db = storage.connect(db_path)
    assert drafts.count(db) == 1 and storage.count_rejections(db) == 0

    again = app_page(PAGE)  # a reload: a new session on the same database
    assert not again.exception
    assert any(i.value.startswith("Draft restored") for i in again.info)
    assert "Step 3 of 3" in again.get("progress")[0].proto.text
    again.button(key="r_back_3").click().run()
    assert again.text_area(key="r_went_well").value == "Calm answers."
    assert not any(i.value.startswith("Draft restored") for i in again.info)

    third = app_page(PAGE)
    third.button(key="r_discard_draft").click().run()
    assert not third.exception
    assert not any(i.value.startswith("Draft restored") for i in third.info)
    assert "Step 1 of 3" in third.get("progress")[0].proto.text
    assert third.text_input(key="r_company").value == ""
    assert drafts.count(db) == 0


def test_saving_deletes_the_draft(db_path):
    at = app_page(PAGE)
    fill_first_step(at)
    at.button(key="r_next_2").click().run()
    db = storage.connect(db_path)
    assert drafts.count(db) == 1
    at.button(key="r_save").click().run()
    assert not at.exception
    assert drafts.count(db) == 0 and storage.count_rejections(db) == 1
    after = app_page(PAGE)
    assert not any(i.value.startswith("Draft restored") for i in after.info)
    assert after.text_input(key="r_company").value == ""


def test_a_draft_belongs_to_the_rejection_being_edited(example_db, db_path):
    rid = storage.list_rejections(example_db)[-1]["id"]
    at = app_page(PAGE, rejection=str(rid))
    at.text_input(key="r_role").input("Edited role")
    at.button(key="r_next_1").click().run()
    new = app_page(PAGE)  # a new rejection has no draft
    assert not any(i.value.startswith("Draft restored") for i in new.info)
    assert new.text_input(key="r_company").value == ""
    edit = app_page(PAGE, rejection=str(rid))
    assert any(i.value.startswith("Draft restored") for i in edit.info)
    edit.button(key="r_back_2").click().run()
    assert edit.text_input(key="r_role").value == "Edited role"


def test_a_damaged_draft_is_discarded_quietly(db_path):
    db = storage.connect(db_path)
    db["drafts"].insert(
        {"owner": "local", "form": "reflect", "rejection_id": 0, "version": 1, "fields": "{oops"}
    )
    at = app_page(PAGE)
    assert not at.exception
    assert not any(i.value.startswith("Draft restored") for i in at.info)
    assert drafts.count(db) == 0


def test_ratings_are_segments_with_an_explicit_not_sure(db_path):
    at = app_page(PAGE)
    fill_first_step(at)
    at.button(key="r_next_2").click().run()
    evidence = at.segmented_control(key="r_self_evidence")
    assert evidence.options == ["1", "2", "3", "4", "5", "Not sure"]
    assert evidence.value == 0  # "Not sure" until the user picks a number
    at.segmented_control(key="r_self_communication").set_value(5)
    at.segmented_control(key="r_self_evidence").set_value(3)
    at.segmented_control(key="r_self_evidence").set_value(0)  # changed their mind
    at.button(key="r_save").click().run()
    db = storage.connect(db_path)
    saved = storage.get_rejection(db, storage.latest_rejection_id(db))
    assert saved.self_ratings["communication"] == 5
    assert saved.self_ratings["evidence"] is None


def test_outside_your_control_is_asked_once(db_path):
    at = app_page(PAGE)
    asked = [label for label in labels_on_page(at) if "outside your control" in label.lower()]
    fill_first_step(at)
    asked += [label for label in labels_on_page(at) if "outside your control" in label.lower()]
    at.button(key="r_next_2").click().run()
    asked += [label for label in labels_on_page(at) if "outside your control" in label.lower()]
    assert asked == ["What was outside your control? (optional)"]


def test_an_error_goes_when_its_field_is_fixed(db_path):
    at = app_page(PAGE)
    at.text_input(key="r_company").input("")
    at.text_input(key="r_role").input("x" * 201)
    at.button(key="r_next_1").click().run()
    messages = [e.value for e in at.error]
    assert "Company is required." in messages and len(messages) == 2
    at.text_input(key="r_company").input("Globex")
    at.button(key="r_next_1").click().run()
    messages = [e.value for e in at.error]
    assert "Company is required." not in messages
    assert len(messages) == 1 and messages[0].startswith("Role is 201 characters long")
    at.text_input(key="r_role").input("Analyst")
    at.button(key="r_next_1").click().run()
    assert not at.error and "Step 2 of 3" in at.get("progress")[0].proto.text


def test_saving_when_feedback_exists_goes_to_results(db):
    from assessment.models import Feedback, Rejection

    rid = storage.save_reflection(
        db,
        Rejection(company="Initech", role="Analyst", stage="onsite", rejected_on=dt.date.today()),
    )
    storage.save_feedback(db, rid, Feedback(status="received", text="Clear answers."))
    at = app_page(PAGE, rejection=str(rid))
    at.button(key="r_next_1").click().run()
    at.button(key="r_next_2").click().run()
    at.button(key="r_save").click().run()
    assert not at.exception
    assert at.title[0].value == "Results"


# ---- starting from the rejection e-mail -------------------------------------------------


REASON = (
    "After careful consideration, we decided to move forward with a candidate whose experience "
    "more closely matches the requirements of the role."
)


def read_pasted(at, text: str):
    at.text_area(key="r_email_text").input(text)
    at.button(key="r_email_read").click().run()
    assert not at.exception
    return at


def test_the_pasted_email_is_proposed_with_its_words_then_used_and_saved(db_path):
    sent = dt.date.today() - dt.timedelta(days=3)
    at = read_pasted(app_page(PAGE), rejection_email(sent))
    assert at.text_input(key="r_email_val_company").value == "Acme Analytics"
    assert at.text_input(key="r_email_val_role").value == "Data Analyst"
    assert at.text_input(key="r_email_val_contact_name").value == "Priya Shah"
    assert at.text_area(key="r_email_val_reason_given").value == REASON
    for key in ("company", "role", "contact_name", "rejected_on", "reason_given"):
        assert at.checkbox(key=f"r_email_use_{key}").value is True
    assert at.checkbox(key="r_email_use_fit_other_candidate").label == (
        "Use for Outside your control: Another candidate"
    )
    shown = [t.value for t in at.text]
    assert f"{sent.day} {sent:%B %Y}" in shown and "Another candidate" in shown
    assert "“Thank you for your interest in the Data Analyst position at Acme Analytics.”" in shown
    assert f"“Date: {sent.day} {sent:%B %Y}”" in shown
    assert "“Priya Shah”" in shown and "“move forward with a candidate”" in shown
    assert sum(c.value == "From the words:" for c in at.caption) == 6
    assert at.text_input(key="r_company").value == ""  # nothing is in the form yet

    at.checkbox(key="r_email_use_rejected_on").uncheck()
    at.text_input(key="r_email_val_role").input("Senior Data Analyst")
    at.button(key="r_email_apply").click().run()
    assert not at.exception
    assert at.success[0].value == (
        "Filled in 5 fields from the email. Check them below; nothing is saved until the last step."
    )
    assert at.text_input(key="r_company").value == "Acme Analytics"
    assert at.text_input(key="r_role").value == "Senior Data Analyst"
    assert at.text_input(key="r_contact_name").value == "Priya Shah"
    assert at.text_area(key="r_reason_given").value == REASON
    assert at.date_input(key="r_rejected_on").value == dt.date.today()  # unticked: as it was
    assert not at.checkbox  # the rows are used up
    db = storage.connect(db_path)
    assert drafts.count(db) == 1 and storage.count_rejections(db) == 0

    at.button(key="r_next_1").click().run()
    assert not at.error
    assert at.multiselect(key="r_fit_factors").value == ["other_candidate"]
    at.button(key="r_next_2").click().run()
    at.button(key="r_save").click().run()
    assert not at.exception
    saved = storage.get_rejection(db, storage.latest_rejection_id(db))
    assert (saved.company, saved.role, saved.contact_name) == (
        "Acme Analytics",
        "Senior Data Analyst",
        "Priya Shah",
    )
    assert saved.reason_given == REASON
    assert saved.fit_factors == ("other_candidate",)
    assert saved.rejected_on == dt.date.today()


def test_a_kept_row_replaces_what_was_typed_and_an_unticked_one_does_not(db_path):
    at = app_page(PAGE)
    fill_first_step(at)  # Globex, Product Analyst, Sam Lee …
    at.button(key="r_back_2").click().run()
    read_pasted(at, rejection_email(dt.date.today() - dt.timedelta(days=1)))
    at.checkbox(key="r_email_use_company").uncheck()
    at.button(key="r_email_apply").click().run()
    assert not at.exception
    assert at.text_input(key="r_company").value == "Globex"
    assert at.text_input(key="r_role").value == "Data Analyst"
    assert at.text_input(key="r_contact_name").value == "Priya Shah"
    assert at.selectbox(key="r_stage").value == "final"  # not in the email: as it was


def test_boilerplate_proposes_nothing_and_says_so(db_path):
    boilerplate = (
        "Dear Alex,\n\nThank you for applying. We received many strong applications and have "
        "decided to move forward with other candidates. We wish you all the best.\n\n"
        "Best regards,\nThe Hiring Team\n"
    )
    at = read_pasted(app_page(PAGE), boilerplate)
    assert at.info[0].value.startswith("The email names nothing the form can use")
    assert "thanks and good wishes don't count" in at.info[0].value
    assert not at.checkbox and not any(c.value == "From the words:" for c in at.caption)
    assert at.text_input(key="r_company").value == ""


def test_a_future_date_in_the_email_is_not_proposed(db_path):
    at = read_pasted(app_page(PAGE), rejection_email(dt.date.today() + dt.timedelta(days=40)))
    assert "Not proposed: Rejection date cannot be in the future." in [c.value for c in at.caption]
    assert not [c for c in at.checkbox if c.key == "r_email_use_rejected_on"]
    assert at.text_input(key="r_email_val_company").value == "Acme Analytics"


def test_unticking_every_row_fills_nothing(db_path):
    at = read_pasted(app_page(PAGE), rejection_email(dt.date.today()))
    for box in at.checkbox:
        box.uncheck()
    at.button(key="r_email_apply").click().run()
    assert not at.exception
    assert at.success[0].value == "No row was ticked, so the form is as it was."
    assert at.text_input(key="r_company").value == ""
    assert at.checkbox  # the rows are still there to tick


def test_the_words_are_shown_as_text_never_as_markdown(db_path):
    line = (
        "Thank you for your interest in the Data Analyst position at Acme Analytics. "
        "![x](https://example.com/a.png) :smile: $x^2$"
    )
    at = read_pasted(app_page(PAGE), f"Dear Alex,\n\n{line}\n")
    assert at.text_input(key="r_email_val_company").value == "Acme Analytics"
    assert f"“{line}”" in [t.value for t in at.text]
    rendered = [m.value for m in (*at.markdown, *at.caption, *at.info)]
    assert not any("example.com" in value or ":smile:" in value for value in rendered)
