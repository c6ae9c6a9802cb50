"""Text that leaves the app: printable files, escaped messages, one CSV writer."""

from __future__ import annotations

import csv
import io
import unicodedata

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from assessment import text

CONTROLS = "\x00\x1b\x07\x7f\x85"
FORMULA = ("=", "+", "-", "@")


def test_printable_removes_controls_and_keeps_tabs_and_line_breaks():
    assert text.printable("a\x00b\x1b[2Jc\x07\x7fd\x85\x9fe\x0b\x0c") == "ab[2Jcde"
    assert text.printable("one\r\ntwo\rthree\nfour\tfive") == "one\ntwo\nthree\nfour\tfive"
    assert text.printable("lone \ud800 surrogate") == "lone \ufffd surrogate"
    assert text.printable("Zürich 東京 😀 ‚quotes‘") == "Zürich 東京 😀 ‚quotes‘"


@given(st.text())
def test_printable_leaves_only_what_every_file_format_can_hold(value):
    out = text.printable(value)
    out.encode("utf-8")  # no lone surrogate left
    assert all(unicodedata.category(c) != "Cc" or c in "\t\n" for c in out)


def test_escaped_shows_what_cannot_be_displayed_as_an_escape():
    assert text.escaped("Acme Analytics") == "Acme Analytics"
    assert text.escaped("Bad\ud800Co") == "Bad\\ud800Co"
    assert text.escaped("\x1b[2J\x00\u202eevil") == "\\x1b[2J\\x00\\u202eevil"
    text.escaped("\udfff" * 10).encode("utf-8")


def test_escaped_cuts_long_text():
    shown = text.escaped("x" * 10_000)
    assert shown == "x" * text.MESSAGE_LIMIT + "…"
    assert text.escaped("y" * 300, limit=200) == "y" * 200 + "…"


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def spreadsheet_records(data: str) -> list[list[str]]:
    """CSV read the way spreadsheets read it: a bare CR, a LF or CRLF outside quotes ends a
    record (Python's csv module is more forgiving than that)."""
    records, record, cell, quoted, i = [], [], "", False, 0
    while i < len(data):
        c = data[i]
        if quoted:
            if c == '"' and data[i + 1 : i + 2] == '"':
                cell, i = cell + '"', i + 1
            elif c == '"':
                quoted = False
            else:
                cell += c
        elif c == '"':
            quoted = True
        elif c == ",":
            record.append(cell)
            cell = ""
        elif c in "\r\n":
            if c == "\r" and data[i + 1 : i + 2] == "\n":
                i += 1
            records.append([*record, cell])
            record, cell = [], ""
        else:
            cell += c
        i += 1
    if cell or record:
        records.append([*record, cell])
    return records


HOSTILE_CELLS = [
    "Beta\r=cmd|' /C calc'!A0",
    "Beta\n=cmd|' /C calc'!A0",
    "Beta\r\n+SUM(A1)",
    "=HYPERLINK(1)",
    "  =1+1",
    "\t=1+1",
    "\r@SUM(A1)",
    "-2+3",
    "+1",
    "@A1",
    f"Co{CONTROLS}mpany",
    'He said "no", twice',
    "plain",
]


def test_no_cell_a_spreadsheet_reads_starts_a_formula():
    rows = [[value, 3.5, None, -1] for value in HOSTILE_CELLS]
    data = text.csv_text(["name", "score", "empty", "change"], rows).removeprefix(text.BOM)
    records = spreadsheet_records(data)
    assert len(records) == len(rows) + 1  # a line break inside a value starts no record
    for record in records:
        assert len(record) == 4
        for cell in record:
            if is_number(cell):
                continue  # a negative number is a number, not a formula
            assert not cell.lstrip().startswith(FORMULA), cell
            assert not cell.startswith(("\t", "\r", "\n")), cell
    quotes = 0
    for line in data.splitlines(keepends=True):
        if quotes % 2 == 0:  # outside quotes: this line starts a record
            assert line.startswith('"'), line
            first = line.split('"')[1]
            assert is_number(first) or not first.lstrip().startswith(FORMULA), line
        quotes += line.count('"')


def test_csv_round_trips_through_csv_reader_with_formulas_defused():
    rows = [[value, 3.5, None, -1] for value in HOSTILE_CELLS]
    data = text.csv_text(["name", "score", "empty", "change"], rows)
    assert data.startswith(text.BOM)
    header, *back = list(csv.reader(io.StringIO(data.removeprefix(text.BOM), newline="")))
    assert header == ["name", "score", "empty", "change"]
    assert [r[1:] for r in back] == [["3.5", "", "-1"]] * len(rows)
    names = [r[0] for r in back]
    assert names[0] == "Beta\n=cmd|' /C calc'!A0"  # one cell, its CR made a LF
    assert names[3] == "'=HYPERLINK(1)"
    assert names[4] == "'  =1+1"
    assert names[5] == "'\t=1+1"
    assert names[6] == "'\n@SUM(A1)"
    assert names[7:10] == ["'-2+3", "'+1", "'@A1"]
    assert names[10] == "Company" and names[11] == 'He said "no", twice'
    assert not any(c in data for c in CONTROLS)


def test_a_table_goes_through_the_same_writer():
    frame = pd.DataFrame({"Company": ["=evil()", "Acme"], "Average score": [3.5, None]})
    data = text.frame_csv(frame)
    assert data == text.csv_text(["Company", "Average score"], [["=evil()", 3.5], ["Acme", None]])
    assert '"\'=evil()"' in data


def test_every_csv_starts_with_one_byte_order_mark_so_spreadsheets_read_utf8():
    data = text.csv_text(["Company"], [["Zoë Łódź 東京"]])
    raw = data.encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf") and data.count(text.BOM) == 1
    assert raw.decode("utf-8-sig") == '"Company"\r\n"Zoë Łódź 東京"\r\n'
