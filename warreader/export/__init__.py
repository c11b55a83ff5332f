"""Export notes as Markdown, JSON or CSV, and merge a JSON export back into a library.

The CLI (`warreader export`, `warreader import-notes`) and the reader's `e` dialog both call these:

    text = render_export(library, ExportOptions(format="csv", tags=["drones"]))
    write_export(text, Path("notes.csv"))          # refuses to overwrite unless force=True
    report = import_notes(library, Path("colleague.json"))

Formats are described in docs/EXPORT.md.
"""

from __future__ import annotations

import datetime as dt

from warreader.export.acled import render_acled
from warreader.export.csv_format import render_csv
from warreader.export.geojson_format import render_geojson
from warreader.export.json_format import render_json
from warreader.export.markdown import render_markdown
from warreader.export.notes_import import NotesImportReport, import_notes
from warreader.export.options import EVENT_FORMATS, FORMATS, ExportOptions
from warreader.export.output import OutputError, OutputExistsError, write_export
from warreader.export.records import ExportData, ExportDay, ExportEvent, ExportFilters, utc_now
from warreader.export.selection import collect

__all__ = [
    "FORMATS",
    "ExportData",
    "ExportDay",
    "ExportEvent",
    "ExportFilters",
    "ExportOptions",
    "NotesImportReport",
    "OutputError",
    "OutputExistsError",
    "build_export",
    "import_notes",
    "render_data",
    "render_export",
    "write_export",
]

_RENDERERS = {
    "md": render_markdown,
    "json": render_json,
    "csv": render_csv,
    "acled": render_acled,
    "geojson": render_geojson,
}


def build_export(library, options: ExportOptions, now: dt.datetime | None = None) -> ExportData:
    """The records an export holds, read from `library` once (validates the options first)."""
    filters = options.filters()
    events, days = collect(library, filters)
    data = ExportData(exported_at=utc_now(now), filters=filters, events=events, days=days)
    if options.format in EVENT_FORMATS:
        # Imported here: the notes formats never need the facts (nor their gazetteer).
        from warreader.facts.index import load_index

        index = load_index(library)
        data.facts = {e.id: facts for e in events if (facts := index.facts(e.id)) is not None}
    return data


def render_data(data: ExportData, format: str) -> str:
    """`data` in one of `FORMATS`."""
    return _RENDERERS[format](data)


def render_export(library, options: ExportOptions, now: dt.datetime | None = None) -> str:
    """The export as text. `now` fixes the timestamp (tests, golden files); default: the current time.

    Raises `InputError` for invalid options (unknown format, bad date) before reading anything.
    """
    return render_data(build_export(library, options, now), options.format)
