"""One layout of a step: what the Next steps page, Home and the Markdown plan all show."""

from __future__ import annotations

import datetime as dt

import pytest

from assessment.models import Rejection, Step
from assessment.plan import layout, outreach, texts

TODAY = dt.date(2026, 11, 25)
REJECTION = Rejection(
    company="Acme", role="Analyst", stage="final", rejected_on=dt.date(2026, 11, 20)
)


def step(**changes) -> Step:
    fields = {"strategy": "shore_up", "title": "Shore up Evidence & examples", "why": "Because."}
    return Step(priority=2, **(fields | changes))


@pytest.mark.parametrize(
    "minutes, text",
    [
        (5, "about 5 minutes"),
        (60, "about 1 hour"),
        (90, "about 1 hour 30 minutes"),
        (120, "about 2 hours"),
        (135, "about 2 hours 15 minutes"),
    ],
)
def test_minutes_in_words(minutes, text):
    assert layout.minutes_text(minutes) == text


def test_a_suggested_step_with_a_skill():
    view = layout.step_view(step(skill="evidence", minutes=45), TODAY, REJECTION)
    assert (view.number, view.strategy, view.skill) == (
        2,
        "Shore up a weak spot",
        "Evidence & examples",
    )
    assert (view.status, view.status_line, view.done) == ("Suggested", "Suggested", False)
    assert view.title_is_ours and view.time == "about 45 minutes"
    assert view.message == view.send_line == view.mail_link == ""


@pytest.mark.parametrize(
    "changes, status, line",
    [
        ({"status": "accepted"}, "On your plan", "On your plan, no due date"),
        ({"status": "accepted", "due_on": TODAY}, "On your plan", "On your plan, due 2026-11-25"),
        (
            {"status": "accepted", "due_on": TODAY - dt.timedelta(days=1)},
            "On your plan",
            "On your plan, due 2026-11-24 (overdue)",
        ),
        ({"status": "done", "done_on": TODAY}, "Done", "Done on 2026-11-25"),
        ({"status": "done"}, "Done", "Done"),
    ],
)
def test_status_and_its_dates(changes, status, line):
    view = layout.step_view(step(**changes), TODAY, REJECTION)
    assert (view.status, view.status_line, view.done) == (status, line, changes["status"] == "done")


def test_a_stored_title_is_user_text_and_an_unknown_strategy_is_a_step():
    view = layout.step_view(step(strategy="renamed", title="**mine**"), TODAY, REJECTION)
    assert not view.title_is_ours and view.title == "**mine**"
    assert view.strategy == texts.UNKNOWN_STRATEGY and view.skill == "" and view.time == ""


def test_a_message_says_when_and_to_whom_it_goes_and_opens_in_a_mail_app():
    later = TODAY + dt.timedelta(days=3)
    cases = [
        ({"send_on": TODAY, "to": "Dana Whitfield"}, "Send today, to Dana Whitfield"),
        ({"send_on": later, "to": None}, f"Send on {later.isoformat()}, to the hiring team"),
        ({"send_on": None, "to": "Dana", "status": "done"}, "Sent, to Dana"),
    ]
    for changes, line in cases:
        message = step(
            strategy="keep_door_open",
            title=texts.TITLE_THANKS,
            message="Subject: Hi\n\nThanks.",
            **changes,
        )
        view = layout.step_view(message, TODAY, REJECTION)
        assert view.send_line == line
        assert view.mail_link == outreach.mail_link("Subject: Hi\n\nThanks.")
        assert view.mail_link.startswith("mailto:?subject=Hi&body=Thanks.")


def test_only_a_message_that_goes_today_is_open_and_a_folded_one_names_its_day():
    later = TODAY + dt.timedelta(days=3)
    cases = [  # (changes, open, label)
        ({"send_on": TODAY - dt.timedelta(days=1)}, True, texts.MESSAGE_LABEL),
        ({"send_on": TODAY}, True, texts.MESSAGE_LABEL),
        ({"send_on": later}, False, f"Message to adapt and send on {later.isoformat()}"),
        ({"send_on": None}, False, texts.MESSAGE_LABEL),
        ({"send_on": TODAY, "status": "done"}, False, "The message you sent"),
        ({"send_on": TODAY, "to": "**Dana** <b>"}, True, texts.MESSAGE_LABEL),  # no user text
    ]
    for changes, send_now, label in cases:
        message = step(strategy="keep_door_open", title=texts.TITLE_THANKS, message="Hi", **changes)
        view = layout.step_view(message, TODAY, REJECTION)
        assert (view.send_now, view.message_title) == (send_now, label)
    view = layout.step_view(step(), TODAY, REJECTION)
    assert (view.send_now, view.message_title) == (False, "")


def test_the_reconnect_note_is_a_step_of_its_own():
    view = layout.step_view(
        step(strategy="keep_door_open", title=texts.TITLE_RECONNECT), TODAY, REJECTION
    )
    assert view.title_is_ours and view.strategy == "Keep the door open"
