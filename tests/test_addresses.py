"""``?rejection=`` is parsed once, strictly: anything but ASCII digits within SQLite's 64-bit
range is "not found", on every page, never a crash."""

from __future__ import annotations

import pytest

from assessment import storage
from tests.helpers import PAGES, app_page

ODD_IDS = [
    "99999999999999999999",  # past SQLite's 64-bit range (OverflowError)
    "9223372036854775808",  # one past the largest id
    "²",  # str.isdigit() is true, int() fails
    "٣",  # an Arabic-Indic digit: int() accepts it, it is no id of ours
    "-1",
    "0",
    "1e3",
    " 1",
    "",
    "1" * 5000,
]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", 1), ("42", 42), ("9223372036854775807", 2**63 - 1), *[(v, None) for v in ODD_IDS]],
)
def test_parse_id_takes_only_ascii_digits_in_range(raw, expected):
    assert storage.parse_id(raw) == expected


def test_parse_id_of_nothing_is_none():
    assert storage.parse_id(None) is None


@pytest.mark.parametrize("page", PAGES)
def test_every_page_treats_an_odd_id_as_not_found(example_db, page):
    latest = storage.latest_rejection_id(example_db)
    for raw in ODD_IDS:
        at = app_page(page, rejection=raw)
        assert not at.exception, (page, raw, at.exception)
        if page in ("app_pages/results.py", "app_pages/next_steps.py", "app_pages/feedback.py"):
            assert any("not found" in w.value for w in at.warning), (page, raw)
            assert at.query_params["rejection"] == str(latest)


@pytest.mark.parametrize("raw", ["99999999999999999999", "²", "٣", "0", "-1"])
def test_the_cli_refuses_an_odd_rejection_id_in_one_line(db_path, raw, capsys):
    from assessment import cli

    assert cli.main(["plan", "--db", str(db_path), "--rejection", raw]) == cli.INVALID
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "not a rejection id" in err, err
