import datetime as dt

from assessment import storage
from tests.helpers import app_page

PAGE = "app_pages/reflect.py"


def fill_first_step(at, company="Globex", role="Product Analyst"):
    at.text_input(key="r_company").input(company)
    at.text_input(key="r_role").input(role)
    at.text_input(key="r_contact_name").input("Sam Lee")
    at.selectbox(key="r_stage").select("final")
    at.date_input(key="r_interviewed_on").set_value(dt.date.today() - dt.timedelta(days=6))
    at.text_area(key="r_reason_given").input("They chose someone internal.")
    at.multiselect(key="r_fit_factors").select("internal_candidate")
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
    at.radio(key="r_mood").set_value(2)
    at.radio(key="r_confidence").set_value(3)
    at.button(key="r_next_2").click().run()
    assert "Step 3 of 3" in at.get("progress")[0].proto.text
    # the anchors are visible while rating
    assert any("specific situation-action-result" in c.value for c in at.caption)
    db = storage.connect(db_path)
    assert storage.count_rejections(db) == 0  # nothing saved before the last step
    at.radio(key="r_self_evidence").set_value(4)
    at.radio(key="r_self_composure").set_value(2)
    at.button(key="r_save").click().run()
    assert not at.exception
    assert at.title[0].value == "Results"
    assert "Your reflection is saved." in at.success[0].value
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
    at.button(key="r_next_2").click().run()
    at.radio(key="r_self_evidence").set_value(5)
    at.button(key="r_back_3").click().run()
    assert at.text_area(key="r_went_well").value == "Kept text"
    at.button(key="r_back_2").click().run()
    assert at.text_input(key="r_company").value == "Globex"
    assert at.multiselect(key="r_fit_factors").value == ["internal_candidate"]
    at.button(key="r_next_1").click().run()
    at.button(key="r_next_2").click().run()
    assert at.radio(key="r_self_evidence").value == 5


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
    assert at.radio(key="r_self_preparation").value == 4
    at.button(key="r_save").click().run()
    assert not at.exception
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
