"""The import-notes section: a colleague's export of 100,000 annotated events merged into the library."""

from __future__ import annotations

import json
import shutil
import time

from bench.core import need_library, require
from bench.measure import Figure, Goal
from bench.workspace import Workspace

#: Issue 12: the merge must be linear; 100,000 events under 30 s (every other writer waits 30 s at most).
NOTES_IMPORT_GOAL = Goal("<=", 30)


def _records(library, count: int) -> list[dict]:
    """`count` annotated records: a tenth on events the library holds, the rest on days it lacks."""
    held = []
    for summary in library.days():
        bulletin = library.bulletin(summary.day)
        held += [(summary.day, section, event) for section, event in bulletin.iter_events()]
        if len(held) >= count // 10:
            break
    records = []
    for i in range(count):
        if i < len(held):
            day, section, event = held[i]
            anchor = {
                "id": event.id,
                "day": day,
                "theme": section.theme,
                "heading": section.heading,
                "text": event.text,
            }
        else:
            day = 90_000 + i % 1_000
            anchor = {
                "id": f"{day}-{i:010x}",
                "day": day,
                "theme": "fighting",
                "heading": "Fighting",
                "text": f"A colleague's event {i}, from a day this library does not hold.",
            }
        records.append(
            dict(
                anchor,
                date=None,
                tags=["colleague", f"t{i % 40}"],
                flags=["verify"] if i % 3 == 0 else [],
                note=f"Colleague's note {i}: check the source." if i % 2 else None,
            )
        )
    return records


def notes_import_section(ws: Workspace, out: list[Figure]) -> list[Figure]:
    store = require("warreader.store", "the store")
    export = require("warreader.export", "export")
    need_library(ws)
    count = 2_000 if ws.quick else 100_000
    target = ws.root / "notes-import-library"
    shutil.copytree(ws.library, target)
    library = store.Library.open(target, seed_samples=False)
    try:
        path = ws.root / "colleague.json"
        path.write_text(
            json.dumps(
                {
                    "format": "warreader-notes",
                    "version": 1,
                    "exported_at": "2024-11-09T08:30:00Z",
                    "events": _records(library, count),
                    "days": [],
                }
            ),
            encoding="utf-8",
        )
        start = time.perf_counter()
        report = export.import_notes(library, path)
        first = time.perf_counter() - start
        start = time.perf_counter()
        export.import_notes(library, path)
        again = time.perf_counter() - start
    finally:
        library.close()
        shutil.rmtree(target, ignore_errors=True)
    size = path.stat().st_size / 1e6
    return [
        Figure(
            f"import-notes, {count:,} events",
            first,
            "s",
            "1 run",
            NOTES_IMPORT_GOAL,
            f"{size:.0f} MB file; {report.merged:,} merged, {report.orphaned:,} orphans; one write",
        ),
        Figure("  the same file again", again, "s", "1 run", NOTES_IMPORT_GOAL, "nothing to change"),
    ]
