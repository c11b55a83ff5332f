"""The export section: every annotation of a library holding `--notes` notes, in each format."""

from __future__ import annotations

import time

from bench.core import need_library, require, sample_event_ids
from bench.measure import Figure, Goal, latency_figures, median, ms, time_calls
from bench.workspace import Workspace

TAGS = ("drones", "energy", "verify-later", "front-line", "diplomacy")
FLAGS = ("important", "verify", "follow-up")


def _note(i: int) -> str:
    # Notes of varied length, some multi-line, as a reader's notes are.
    body = f"Note {i}: compare with the previous day's figures and the General Staff report."
    return body if i % 3 else body + "\nSecond line: check the source.\n- a list item"


def add_notes(library, wanted: int) -> tuple[int, float]:
    """Annotate events (tag, flag, note) until `wanted` annotations carry a note; (added, seconds)."""
    have = sum(1 for a in library.annotations() if a.note)
    missing = max(0, wanted - have)
    start = time.perf_counter()
    ids = sample_event_ids(library, wanted + 50)
    added = 0
    for i, event_id in enumerate(ids):
        if added == missing:
            break
        current = library.annotation(event_id)
        if current is not None and current.note:
            continue
        library.annotate(
            event_id,
            add_tags=(TAGS[i % len(TAGS)],),
            note=_note(i),
            add_flags=(FLAGS[i % len(FLAGS)],) if i % 4 == 0 else (),
        )
        added += 1
    return added, time.perf_counter() - start


def export_section(ws: Workspace, out: list[Figure]) -> list[Figure]:
    store = require("warreader.store", "the store")
    export = require("warreader.export", "export")
    need_library(ws)
    library = store.Library.open(ws.library, seed_samples=False)
    try:
        added, seconds = add_notes(library, ws.notes)
        total = len(library.annotations())
        figures = [
            Figure(
                "build notes (annotate one by one)",
                seconds,
                "s",
                f"{added:,} durable writes",
                note=f"{total:,} annotations in the library",
            )
        ]
        # The annotations file grows with the notes; a write must stay cheap at this size too.
        ids = iter([a.event_id for a in library.annotations()][: 10 if ws.quick else 50])
        samples = time_calls(
            lambda: library.annotate(next(ids), add_tags=("bench-late",)), 10 if ws.quick else 50
        )
        figures += latency_figures(f"annotate with {total:,} notes", samples, 10, "tag added, durable")
        repeats = 1 if ws.quick else max(3, ws.runs)
        for fmt in ("md", "json", "csv"):
            options = export.ExportOptions(format=fmt)
            text = export.render_export(library, options)
            samples = time_calls(lambda o=options: export.render_export(library, o), repeats)
            figures.append(
                Figure(
                    f"export {fmt} (all annotations)",
                    ms(median(samples)),
                    "ms",
                    f"median of {repeats}",
                    Goal("<=", 1000),
                    f"{total:,} annotations, {len(text) / 1e6:.2f} MB",
                )
            )
    finally:
        library.close()
    return figures
