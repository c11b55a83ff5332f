"""`warreader import-notes FILE.json`: merge a colleague's JSON export into the library.

Two steps, and only two: the file is read and validated in full (`notes_file`), so a bad file is refused
before the library is touched; then `Library.merge_notes` merges every record in one read-modify-write
under the library lock, on the library as it is at that moment, with one durable write (none when the
file adds nothing). A note written by another process a moment before is therefore merged with, never
replaced, and the work is linear in the sizes of the file and the library.

Merge rules (`warreader.store.merging`): tags and flags united, a differing note kept in full under a
marker line, never appended twice, so importing the same file again is a no-op. Two records for one event
merge like two colleagues' notes. Events the library does not hold become orphans anchored on the
export's day, theme, heading and text; they attach by themselves when their bulletin is imported. A day
note for a day the library lacks is kept too, and shows once that day is imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from warreader.export.notes_file import NotesFile, read_notes_file
from warreader.store import Library
from warreader.store.bulk_merge import IncomingDayNote, IncomingNote, MergeResult
from warreader.store.merging import import_marker


@dataclass
class NotesImportReport:
    """What one import did, counted per record of the file. `messages` are sentences for the user."""

    path: Path
    merged: int = 0  # records that added a tag, flag or note to an event this library holds
    unchanged: int = 0  # records whose content the library already held
    orphaned: int = 0  # records for events the library does not hold: kept as orphans until they come
    days_merged: int = 0
    days_unchanged: int = 0
    days_pending: int = 0  # day notes for days the library does not hold yet: kept
    skipped: int = 0  # bare events of an `--all` export: nothing to merge
    pending_days: list[int] = field(default_factory=list)  # the days those orphans and notes belong to
    messages: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.merged or self.orphaned or self.days_merged or self.days_pending)

    def summary(self) -> str:
        """One line for the CLI and the reader's notice."""
        return (
            f"Imported notes from {self.path.name}: {self.merged} merged, {self.unchanged} unchanged, "
            f"{self.orphaned} kept as orphans (their day is not in this library); day notes: "
            f"{self.days_merged} merged, {self.days_unchanged} unchanged, "
            f"{self.days_pending} kept for days not in this library."
        )


def incoming(notes: NotesFile) -> tuple[list[IncomingNote], list[IncomingDayNote], int]:
    """The file's records as the store merges them, and how many bare events were left out."""
    events = [
        IncomingNote(
            event_id=e.id,
            day=e.day,
            theme=e.theme,
            heading=e.heading,
            quote=e.text,
            tags=e.tags,
            flags=e.flags,
            note=e.note,
        )
        for e in notes.events
        if e.annotated
    ]
    days = [IncomingDayNote(d.day, d.note) for d in notes.days]
    return events, days, len(notes.events) - len(events)


def import_notes(library: Library, path: Path) -> NotesImportReport:
    """Merge the JSON export at `path` into `library`; raise `InputError` (nothing written) for a bad file."""
    notes = read_notes_file(Path(path))
    events, days, skipped = incoming(notes)
    result = library.merge_notes(events, days, import_marker(notes.path.name, notes.exported_on))
    return _report(Path(path), result, skipped)


def _report(path: Path, result: MergeResult, skipped: int) -> NotesImportReport:
    report = NotesImportReport(
        path=path,
        merged=result.merged,
        unchanged=result.unchanged,
        orphaned=result.orphaned,
        days_merged=result.days_merged,
        days_unchanged=result.days_unchanged,
        days_pending=result.days_pending,
        skipped=skipped,
        pending_days=result.pending_days,
    )
    if report.orphaned or report.days_pending:
        days = ", ".join(str(d) for d in report.pending_days[:10])
        more = f" and {len(report.pending_days) - 10} more" if len(report.pending_days) > 10 else ""
        report.messages.append(
            f"Notes on days this library does not hold yet (day {days}{more}) were kept as orphans: they "
            f"attach by themselves when you import those bulletins (`warreader orphans` lists them)."
        )
    return report
