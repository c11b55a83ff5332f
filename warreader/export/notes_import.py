"""`warreader import-notes FILE.json`: merge a colleague's JSON export into the library.

The file is read and validated in full before anything is written (`notes_file`); the merge itself is
planned against the library first (`plan_import`), so a merge that changes nothing writes nothing and the
report can say so. Merge rules live in `merging`: tags and flags united, a differing note kept in full
under a marker line, never appended twice. Importing the same file again is therefore a no-op.

Events the library lacks become orphans anchored on the export's day, theme, heading and text; the
store re-attaches them when their bulletin is imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from warreader.export.merging import import_marker, merged_note, new_labels
from warreader.export.notes_file import ImportedEvent, NotesFile, read_notes_file


@dataclass
class NotesImportReport:
    """What one import did. `messages` are short sentences for the user."""

    path: Path
    merged: int = 0  # events whose annotation gained a tag, flag or note (new annotations included)
    unchanged: int = 0  # events that already held everything the file had for them
    orphaned: int = 0  # events the library lacks: kept as new orphans until their bulletin is imported
    days_merged: int = 0
    days_unchanged: int = 0
    skipped: int = 0  # bare events of an `--all` export: nothing to merge
    messages: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.merged or self.orphaned or self.days_merged)

    def summary(self) -> str:
        """One line for the CLI and the reader's notice."""
        return (
            f"Imported notes from {self.path.name}: {self.merged} merged, {self.unchanged} unchanged, "
            f"{self.orphaned} new orphans; day notes: {self.days_merged} merged, "
            f"{self.days_unchanged} unchanged."
        )


@dataclass(frozen=True)
class EventChange:
    """One planned write: what to add to the event's annotation (an orphan is created when `orphan`)."""

    event: ImportedEvent
    add_tags: tuple[str, ...]
    add_flags: tuple[str, ...]
    note: str | None  # the whole new note, or None to leave the note alone
    orphan: bool


@dataclass(frozen=True)
class DayChange:
    day: int
    note: str


@dataclass
class ImportPlan:
    events: list[EventChange] = field(default_factory=list)
    days: list[DayChange] = field(default_factory=list)


def plan_import(library, notes: NotesFile, report: NotesImportReport) -> ImportPlan:
    """Compare the file with the library (reads only) and count what will change."""
    marker = import_marker(notes.path.name, notes.exported_on)
    plan = ImportPlan()
    current = {a.event_id: a for a in list(library.annotations()) + list(library.orphans())}
    for event in notes.events:
        if not event.annotated:
            report.skipped += 1
            continue
        existing = current.get(event.id)
        tags = new_labels(existing.tags if existing else (), event.tags)
        flags = new_labels(existing.flags if existing else (), event.flags)
        note = merged_note(existing.note if existing else None, event.note, marker)
        if not (tags or flags or note is not None):
            report.unchanged += 1
            continue
        orphan = existing is None and library.locate(event.id) is None
        plan.events.append(EventChange(event, tuple(tags), tuple(flags), note, orphan))
        if orphan:
            report.orphaned += 1
        else:
            report.merged += 1
    for day in notes.days:
        existing_day = library.day_note(day.day)
        note = merged_note(existing_day.note if existing_day else None, day.note, marker)
        if note is None:
            report.days_unchanged += 1
        else:
            plan.days.append(DayChange(day.day, note))
            report.days_merged += 1
    return plan


def import_notes(library, path: Path) -> NotesImportReport:
    """Merge the JSON export at `path` into `library`; raise `InputError` (nothing written) for a bad file."""
    notes = read_notes_file(Path(path))
    report = NotesImportReport(path=Path(path))
    plan = plan_import(library, notes, report)
    apply_plan(library, plan)
    if report.orphaned:
        report.messages.append(
            f"{report.orphaned} notes are on events this library does not hold; they are kept as orphans "
            "(see `warreader orphans`) and re-attach when their bulletin is imported."
        )
    return report


def apply_plan(library, plan: ImportPlan) -> None:
    """Write the planned changes through the library's public API."""
    for change in plan.events:
        event = change.event
        if change.orphan:
            library.add_orphan(
                event.id,
                day=event.day,
                theme=event.theme,
                heading=event.heading,
                quote=event.text,
                tags=change.add_tags,
                flags=change.add_flags,
                note=change.note or "",
            )
        else:
            library.annotate(event.id, add_tags=change.add_tags, add_flags=change.add_flags, note=change.note)
    for day in plan.days:
        library.set_day_note(day.day, day.note)
