"""Text that leaves the app: files people open elsewhere, and messages that quote a file.

- :func:`printable` is applied to every exported text (the calendar file, the Markdown plan,
  every CSV cell): file formats exclude control characters (RFC 5545 text values, CSV cells
  a spreadsheet splits on a bare carriage return) and lone surrogates cannot be encoded.
- :func:`escaped` is for putting a file's own content (a company, an unknown key) into a
  message: what cannot be shown is written as an escape, and long text is cut.
- :func:`csv_text` is the one CSV writer: every CSV the app offers goes through it. It starts
  with a byte order mark, so spreadsheets (Excel above all) read the file as UTF-8 and show
  "Zoë" and "Łódź" as typed instead of guessing a legacy code page.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

# C0 controls except TAB and LF (CR is turned into LF first), DEL and the C1 controls.
_CONTROLS = dict.fromkeys(
    [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)]
)
_NEWLINES = re.compile(r"\r\n?")
_SURROGATES = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def printable(text: str) -> str:
    """``text`` with line endings as LF, control characters other than TAB and LF removed,
    and lone surrogates replaced by U+FFFD, so any file format can hold it."""
    text = _NEWLINES.sub("\n", text).translate(_CONTROLS)
    return _SURROGATES.sub(REPLACEMENT, text)


MESSAGE_LIMIT = 60


def escaped(value: str, limit: int = MESSAGE_LIMIT) -> str:
    """``value`` as it may appear in a message: cut to ``limit`` characters (with "…"), and
    every character that is not printable (controls, lone surrogates, invisible formatting
    such as right-to-left overrides) written as its Python escape, e.g. ``\\x1b``, ``\\ud800``."""
    short = value if len(value) <= limit else value[:limit] + "…"
    if short.isprintable():
        return short
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in short)


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: text made printable, and text a spreadsheet would run as a
    formula (also after leading spaces) prefixed with an apostrophe. Numbers are left as
    they are."""
    if not isinstance(value, str):
        return "" if value is None else value
    value = printable(value)
    if value.startswith(FORMULA_STARTS) or value.lstrip().startswith(FORMULA_STARTS):
        return "'" + value
    return value


BOM = "\ufeff"


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A CSV document: :data:`BOM` first, then every cell through :func:`csv_cell`, and every
    cell quoted, so a line break inside a value can never start a new record, whatever the
    reader splits on. Encode it as UTF-8 (Streamlit's download does)."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([csv_cell(name) for name in header])
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    return out.getvalue()


def frame_csv(frame: Any) -> str:
    """A table (a pandas ``DataFrame``, as the pages show) as CSV, through :func:`csv_text`;
    the index is left out, as the pages hide it."""
    cells = frame.astype(object).where(frame.notna(), None)  # missing values as empty cells
    return csv_text([str(c) for c in frame.columns], cells.itertuples(index=False, name=None))


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` with the word in the number it needs: "1 rating", "2 ratings", "0 ratings"."""
    word = singular if count == 1 else (plural or singular + "s")
    return f"{count:,} {word}"
