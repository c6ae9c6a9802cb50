"""The plan as Markdown: every step in plan order, readable printed, user text escaped."""

from __future__ import annotations

import datetime as dt
import re

from assessment import examples, storage
from assessment.models import Action, Rejection
from assessment.plan import markdown, steps, texts
from tests.cases import TODAY as CASE_TODAY
from tests.cases import data_analyst_case

TODAY = dt.date(2026, 11, 25)


def test_markdown_lists_every_step_in_plan_order_with_status():
    db = storage.memory_db()
    examples.load_examples(db, today=TODAY)
    rid = storage.latest_rejection_id(db)
    plan = steps.build_plan(db, rid, today=TODAY)
    text = markdown.plan_markdown(storage.get_rejection(db, rid), plan, today=TODAY)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [f"## {s.priority}. {markdown.escape(s.title)}" for s in plan]
    assert text.startswith("# Next steps: Acme Analytics, Data Analyst\n")
    assert f"Progress: 0 of {len(plan)} steps done." in text  # every step counts
    assert "no actions taken on yet" not in text and "Accept a step" not in text
    assert "**Why:**" in text and "**Time:** about" in text


def test_messages_are_indented_and_wrapped_for_printing():
    db = storage.memory_db()
    examples.load_examples(db, today=TODAY)
    rid = storage.latest_rejection_id(db)
    plan = steps.build_plan(db, rid, today=TODAY)
    text = markdown.plan_markdown(storage.get_rejection(db, rid), plan, today=TODAY)
    assert "    Dear Priya Shah," in text
    assert "Send today, to Priya Shah." in text  # one message to send now, the rest dated
    assert text.count("Send today, to") == 1 and "Send on " in text
    code_lines = [line for line in text.splitlines() if line.startswith("    ")]
    assert code_lines and max(len(line) for line in code_lines) <= 4 + markdown.MESSAGE_WIDTH


def test_user_text_is_escaped_and_status_dates_shown():
    r = Rejection(
        company="[click](http://x.example) <b>Evil</b> _Co_ " + "Long " * 60,
        role="Analyst #1",
        stage="final",
        rejected_on=dt.date(2026, 11, 1),
    )
    actions = (
        Action(
            "shore_up",
            "![img](http://x.example/a.png)",
            "evidence",
            id=1,
            due_on=dt.date(2026, 11, 2),
        ),
        Action("keep_door_open", texts.TITLE_DOOR, None, id=2, done_on=dt.date(2026, 11, 3)),
    )
    plan = steps.merge_actions(steps.suggest_steps(r, today=TODAY), actions)
    text = markdown.plan_markdown(r, plan, today=TODAY)
    prose = "\n".join(line for line in text.splitlines() if not line.startswith("    "))
    assert "](http" not in prose.replace("\\](http", "")  # code blocks are never rendered
    assert "<b>" not in prose and "\\<b\\>" in prose
    assert "\\!\\[img\\]" in text
    assert "due 2026-11-02 (overdue)" in text
    assert "Overdue: \\!\\[img\\]" in text
    assert "[x] Keep the door open · Done on 2026-11-03" in text
    assert f"Progress: 1 of {len(plan)} steps done. 1 more taken on." in text
    assert "1 of 2 actions" not in text


def test_empty_plan_still_reads_sensibly():
    r = Rejection(company="A", role="B", stage="screening", rejected_on=TODAY)
    text = markdown.plan_markdown(r, [], today=TODAY)
    assert "There are no steps" in text
    assert "Progress: no steps yet." in text and "0 of 0" not in text


def test_control_characters_from_user_text_stay_out_of_the_markdown():
    controls = "\x00\x1b\x07\x7f\x85"
    r = Rejection(
        company=f"Ac{controls}me",
        role=f"Ana{controls}lyst",
        stage="final",
        rejected_on=dt.date(2026, 11, 1),
        contact_name=f"Pri{controls}ya",
        reason_given=f"No{controls}pe\r\nnext\rline",
        fit_factors=("other_candidate",),
    )
    actions = (Action("stay_positive", f"Ti{controls}tle", None, id=1, due_on=TODAY),)
    plan = steps.merge_actions(steps.suggest_steps(r, today=TODAY), actions)
    text = markdown.plan_markdown(r, plan, today=TODAY)
    assert not any(c in text for c in controls + "\r")
    text.encode("utf-8")
    assert text.startswith("# Next steps: Acme, Analyst\n")
    assert re.search(r"\n## \d+\. Title\n", text) and "Due this week: Title." in text
    assert "Dear Pri" in text  # a message to copy, in a code block


def test_dates_at_the_ends_of_the_calendar_still_make_a_plan():
    for day in (dt.date.min, dt.date.max):
        r = Rejection(company="A", role="B", stage="final", rejected_on=day)
        actions = (Action("shore_up", "Shore up", "evidence", id=1, due_on=day, done_on=day),)
        plan = steps.merge_actions(steps.suggest_steps(r, today=TODAY), actions)
        text = markdown.plan_markdown(r, plan, today=TODAY)
        assert f"Rejected on {day.isoformat()}" in text


def test_the_data_analyst_case_reads_as_a_coach_would_write_it():
    r = data_analyst_case()
    text = markdown.plan_markdown(r, steps.suggest_steps(r, today=CASE_TODAY), today=CASE_TODAY)
    assert text.index("## 1. Send a thank-you note") < text.index("Shore up Role knowledge")
    assert text.index("Shore up Role knowledge") < text.index("Shore up Evidence & examples")
    assert "SQL, joins and window functions" in text and "quantified impact" in text
    assert text.count("Send today, to Dana Whitfield.") == 1
    assert f"Send on {(CASE_TODAY + dt.timedelta(days=3)).isoformat()}, to Dana Whitfield." in text
    assert "Ask for honest feedback" not in text and "[your name]" not in text
