"""`warreader import-notes FILE.json`: merge a colleague's JSON export into the library.

The file is read and validated in full before anything is written (`notes_file`); the merge is then
planned against the library (`plan_import`, reads only), so an import that changes nothing writes nothing
and the report can say so. Merge rules live in `merging`: tags and flags united, a differing note kept in
full under a marker line, never appended twice. Importing the same file again is therefore a no-op.

All changes are written in one `Library.batch()`: one lock, one durable write, all or nothing.

Events the library does not hold become orphans anchored on the export's day, theme, heading and text
(`Library.merge_annotation`); they attach by themselves when their bulletin is imported. A day note for a
day the library lacks is kept too, and shows once that day is imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from warreader.export.merging import import_marker, merged_note, new_labels
from warreader.export.notes_file import ImportedEvent, NotesFile, read_notes_file


@dataclass
class NotesImportReport:
    """What one import did (or, with nothing changed, found). `messages` are sentences for the user."""

    path: Path
    merged: int = 0  # events whose annotation gained a tag, flag or note (new annotations included)
    unchanged: int = 0  # events that already held everything the file had for them
    orphaned: int = 0  # events the library does not hold: kept as orphans until their bulletin comes
    days_merged: int = 0
    days_unchanged: int = 0
    days_pending: int = 0  # day notes for days the library does not hold yet: kept
    skipped: int = 0  # bare events of an `--all` export: nothing to merge
    pending_days: list[int] = field(default_factory=list)  # the days those orphans and notes belong to
    messages: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.merged or self.days_merged)

    def summary(self) -> str:
        """One line for the CLI and the reader's notice."""
        return (
            f"Imported notes from {self.path.name}: {self.merged} merged, {self.unchanged} unchanged, "
            f"{self.orphaned} kept as orphans (their day is not in this library); day notes: "
            f"{self.days_merged} merged, {self.days_unchanged} unchanged, "
            f"{self.days_pending} kept for days not in this library."
        )


@dataclass(frozen=True)
class EventChange:
    """One planned write: what to add to an event's annotation."""

    event: ImportedEvent
    add_tags: tuple[str, ...]
    add_flags: tuple[str, ...]
    note: str | None  # the whole new note, or None to leave the note alone
    orphan: bool = False  # the library holds neither the event nor an annotation on it


@dataclass(frozen=True)
class DayChange:
    day: int
    note: str
    pending: bool = False  # the library does not hold this day yet


@dataclass
class ImportPlan:
    events: list[EventChange] = field(default_factory=list)
    days: list[DayChange] = field(default_factory=list)


def plan_import(library, notes: NotesFile, report: NotesImportReport) -> ImportPlan:
    """Compare the file with the library (reads only) and count what will change."""
    marker = import_marker(notes.path.name, notes.exported_on)
    plan = ImportPlan()
    # One bulk read: `annotations()` lists orphans too, and `annotate` accepts an orphan's event id.
    current = {a.event_id: a for a in library.annotations()}
    stored_days = {summary.day for summary in library.days()}
    pending_days: set[int] = set()
    for event in notes.events:
        if not event.annotated:
            report.skipped += 1
            continue
        existing = current.get(event.id)
        orphan = existing is None and library.locate(event.id) is None
        tags = new_labels(existing.tags if existing else (), event.tags)
        flags = new_labels(existing.flags if existing else (), event.flags)
        note = merged_note(existing.note if existing else None, event.note, marker)
        if tags or flags or note is not None:
            plan.events.append(EventChange(event, tuple(tags), tuple(flags), note, orphan=orphan))
            if orphan:
                report.orphaned += 1
                pending_days.add(event.day)
            else:
                report.merged += 1
        else:
            report.unchanged += 1
    for day in notes.days:
        existing_day = library.day_note(day.day)
        note = merged_note(existing_day.note if existing_day else None, day.note, marker)
        if note is None:
            report.days_unchanged += 1
            continue
        pending = existing_day is None and day.day not in stored_days
        plan.days.append(DayChange(day.day, note, pending=pending))
        if pending:
            report.days_pending += 1
            pending_days.add(day.day)
        else:
            report.days_merged += 1
    report.pending_days = sorted(pending_days, reverse=True)
    return plan


def import_notes(library, path: Path) -> NotesImportReport:
    """Merge the JSON export at `path` into `library`; raise `InputError` (nothing written) for a bad file."""
    notes = read_notes_file(Path(path))
    report = NotesImportReport(path=Path(path))
    plan = plan_import(library, notes, report)
    apply_plan(library, plan)
    if report.orphaned or report.days_pending:
        days = ", ".join(str(d) for d in report.pending_days[:10])
        more = f" and {len(report.pending_days) - 10} more" if len(report.pending_days) > 10 else ""
        report.messages.append(
            f"Notes on days this library does not hold yet (day {days}{more}) were kept as orphans: they "
            f"attach by themselves when you import those bulletins (`warreader orphans` lists them)."
        )
    return report


def apply_plan(library, plan: ImportPlan) -> None:
    """Write the planned changes in one batch: one lock, one durable write, all or nothing."""
    if not plan.events and not plan.days:
        return
    with library.batch():
        for change in plan.events:
            event = change.event
            if change.orphan:
                library.merge_annotation(
                    event.id,
                    day=event.day,
                    quote=event.text,
                    theme=event.theme,
                    heading=event.heading,
                    tags=change.add_tags,
                    flags=change.add_flags,
                    note=change.note or "",
                )
            else:
                library.annotate(
                    event.id, add_tags=change.add_tags, add_flags=change.add_flags, note=change.note
                )
        for day in plan.days:
            library.set_day_note(day.day, day.note, allow_missing_day=day.pending)
