"""How a rejection is named: one format for lists and choosers, one for sentences."""

from __future__ import annotations

import datetime as dt

from assessment import backup
from assessment.models import Rejection
from assessment.names import rejection_in_sentence, rejection_label
from assessment.plan import patterns

DAY = dt.date(2026, 3, 4)


def test_a_list_names_company_role_stage_and_date_on_one_line():
    assert rejection_label("Acme\n Corp", "Data  Analyst", "onsite", DAY) == (
        "2026-03-04 · Acme Corp · Data Analyst · Onsite"
    )
    assert rejection_label("Acme", "Analyst", "lunch", "2026-03-04") == (
        "2026-03-04 · Acme · Analyst · lunch"
    )  # a stage no form offers is shown as stored


def test_a_sentence_names_company_and_date():
    assert rejection_in_sentence(" Acme\tCorp ", DAY) == "Acme Corp (2026-03-04)"
    assert rejection_in_sentence("Acme", "0001-01-01") == "Acme (0001-01-01)"


def test_the_backup_and_the_patterns_name_rejections_alike():
    rejection = Rejection(company="Acme  Corp", role="Analyst", stage="final", rejected_on=DAY)
    assert backup.label(rejection) == "2026-03-04 · Acme Corp · Analyst · Final round"
    summary = patterns.RejectionSummary(1, "Acme  Corp", DAY, "final")
    assert patterns.name_rejections([summary]) == "Acme Corp (2026-03-04)"
