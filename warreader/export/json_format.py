"""JSON export, the contract `import-notes` reads back (see docs/EXPORT.md):

    {"format": "warreader-notes", "version": 1, "exported_at": ISO 8601, "filters": {...},
     "events": [{"id", "day", "date", "theme", "heading", "text", "tags": [str], "flags": [str],
                 "note": str|null, "source", "updated_at", "outlet": str|null}],
     "days": [{"day", "date", "note"}]}

Keys come in that order and records in the export's order (newest day first, reading order within a
day), with two-space indentation and a final newline, so the same library gives the same bytes.
"""

from __future__ import annotations

import json

from warreader.controls import escape_json_controls
from warreader.export.records import ExportData, ExportDay, ExportEvent

FORMAT_NAME = "warreader-notes"
FORMAT_VERSION = 1


def event_to_json(event: ExportEvent) -> dict:
    """One event in the contract's shape."""
    return {
        "id": event.id,
        "day": event.day,
        "date": event.date.isoformat() if event.date else None,
        "theme": event.theme,
        "heading": event.heading,
        "text": event.text,
        "tags": list(event.tags),
        "flags": list(event.flags),
        "note": event.note,
        "source": event.source,
        "updated_at": event.updated_at,
        "outlet": event.outlet,
    }


def day_to_json(day: ExportDay) -> dict:
    """One day note in the contract's shape."""
    return {"day": day.day, "date": day.date.isoformat() if day.date else None, "note": day.note}


def render_json(data: ExportData) -> str:
    """The whole export as one JSON document ending in a newline."""
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": data.exported_at.isoformat(),
        "filters": data.filters.to_json(),
        "events": [event_to_json(e) for e in data.events],
        "days": [day_to_json(d) for d in data.days],
    }
    # ensure_ascii=False: notes stay readable (Cyrillic, curly quotes) in the file itself. JSON escapes
    # C0 controls; C1 controls and bidi overrides are escaped too, so the file printed on a terminal
    # drives nothing, and the data still reads back exactly.
    return escape_json_controls(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"
