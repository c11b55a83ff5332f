"""CSV export: one row per event, RFC 4180, UTF-8 with a byte-order mark, formula cells neutralised.

- Columns, in this order: `COLUMNS`. Tags and flags are joined with `;`; a missing note is an empty cell.
- Quoting and line ends follow RFC 4180 (the csv module, `\\r\\n`); notes keep their line breaks inside a
  quoted cell.
- The text starts with a UTF-8 byte-order mark: Excel reads a CSV without one in the machine's legacy code
  page and garbles every non-ASCII character (Kyiv’s apostrophe, Cyrillic names). Python reads it back with
  `encoding="utf-8-sig"`; LibreOffice and Google Sheets ignore it.
- A cell that a spreadsheet would run as a formula (its first character is `=`, `+`, `-`, `@`, a tab or a
  carriage return) gets a single quote `'` in front, as OWASP advises against CSV injection. This applies
  to every text cell, so "-5 degrees" is written `'-5 degrees` too: a spreadsheet shows it as text.
- Control characters other than tab and line breaks (ESC, NUL, C1 controls, bidi embeddings,
  overrides and isolates…) are dropped: they mean nothing in a cell, an ESC would drive the terminal
  when the CSV is printed to it, and a bidi override would reorder what a spreadsheet shows.
"""

from __future__ import annotations

import csv
import io

from warreader.controls import CONTROLS_BUT_CR
from warreader.export.records import ExportData, ExportEvent

COLUMNS = (
    "id",
    "day",
    "date",
    "theme",
    "heading",
    "text",
    "tags",
    "flags",
    "note",
    "source",
    "updated_at",
    "outlet",
)
BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Every control character but CR, which stays a line break inside a quoted cell.
_CONTROLS = CONTROLS_BUT_CR


def neutralise(cell: str) -> str:
    """`cell` with a leading `'` when a spreadsheet would otherwise evaluate it as a formula."""
    cell = _CONTROLS.sub("", cell)
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def row(event: ExportEvent) -> list[str]:
    """One event as the CSV's cells (every cell is text; numbers never need neutralising)."""
    cells = [
        event.id,
        str(event.day),
        event.date.isoformat() if event.date else "",
        event.theme,
        event.heading or "",
        event.text,
        ";".join(event.tags),
        ";".join(event.flags),
        event.note or "",
        event.source,
        event.updated_at or "",
        event.outlet or "",
    ]
    return [neutralise(cell) for cell in cells]


def render_csv(data: ExportData) -> str:
    """The whole CSV as one string (BOM first, `\\r\\n` line ends)."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    writer.writerows(row(event) for event in data.events)
    return buffer.getvalue()
