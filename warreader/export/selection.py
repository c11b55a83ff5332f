"""Choose what an export holds: read the library once, apply the filters, order the records.

Speed matters (2,000 notes over 1,500 days in well under a second), so the library is read in bulk:
the annotations once, grouped by day, and each needed day's bulletin once; never one lookup per event.

Rules (documented in docs/EXPORT.md):
- By default the annotated events (a tag, a flag or a note) and the day notes; `all_events` adds every
  other event of the days in range.
- Filters: AND across kinds (tag, flag, theme, date range), OR within one kind. Tags and flags match
  case-insensitively; a date bound needs a known date, a day-number bound compares day numbers.
- When a tag, flag or theme filter is given, a day note is exported only for a day that has an exported
  event (a day note has no tag or theme of its own); otherwise every day note in range is.
- Orphaned annotations (their event left the library) are exported too, from their anchor, last in their day.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from warreader.export.records import ExportDay, ExportEvent, ExportFilters, format_timestamp
from warreader.store.records import label_key


def as_date(value: object) -> dt.date | None:
    """A date from the store's `date` (a date, an ISO string, or None)."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def in_range(day: int, date: dt.date | None, filters: ExportFilters) -> bool:
    """True when the day is inside the since/until bounds (inclusive)."""
    for bound, after in ((filters.since, True), (filters.until, False)):
        if bound is None:
            continue
        if isinstance(bound, dt.date):
            if date is None:
                return False  # an unknown date cannot be shown to be in range
            value, limit = date, bound
        else:
            value, limit = day, bound
        if (value < limit) if after else (value > limit):
            return False
    return True


def matches(event: ExportEvent, filters: ExportFilters) -> bool:
    """The tag, flag and theme filters (the date range is applied per day before this)."""
    if filters.tags and not _folded(event.tags) & _folded(filters.tags):
        return False
    if filters.flags and not _folded(event.flags) & _folded(filters.flags):
        return False
    if filters.themes and event.theme.casefold() not in {t.casefold() for t in filters.themes}:
        return False
    return True


def _folded(values: Iterable[str]) -> set[str]:
    """Labels as the store compares them: trimmed, inner blanks collapsed, case-insensitive."""
    return {label_key(v) for v in values}


def _ordered(values: Iterable[str] | None) -> tuple[str, ...]:
    """Tags/flags in the store's order (the order first typed), which keeps exports deterministic."""
    return tuple(values or ())


def _is_annotated(annotation) -> bool:
    return bool(annotation.tags or annotation.flags or (annotation.note or "").strip())


def collect(library, filters: ExportFilters) -> tuple[list[ExportEvent], list[ExportDay]]:
    """The events and day notes one export holds, newest day first, reading order within a day."""
    # A reader open for hours must export what another warreader process wrote meanwhile (a stat check).
    library.reload_if_changed()
    summaries = library.days()
    dates = {s.day: as_date(s.date) for s in summaries}

    by_event: dict[str, object] = {}
    orphans_by_day: dict[int, list] = defaultdict(list)
    # One bulk read; `annotations()` lists orphans too, with `orphan` set.
    for annotation in library.annotations():
        if not _is_annotated(annotation):
            continue
        if annotation.orphan:
            orphans_by_day[annotation.day].append(annotation)
        else:
            by_event[annotation.event_id] = annotation

    annotated_days: dict[int, list] = defaultdict(list)
    for annotation in by_event.values():
        annotated_days[annotation.day].append(annotation)
    wanted = set(dates) if filters.all_events else set(annotated_days) | set(orphans_by_day)
    wanted = {day for day in wanted if day is not None and in_range(day, dates.get(day), filters)}

    events: list[ExportEvent] = []
    for day in sorted(wanted, reverse=True):
        annotated = annotated_days.get(day, [])
        load = filters.all_events or bool(annotated)
        orphans = orphans_by_day.get(day, [])
        events.extend(_day_events(library, day, dates.get(day), load, by_event, annotated, orphans, filters))

    notes = _day_notes(library, dates, filters, {e.day for e in events})
    return events, notes


def _day_events(library, day, date, load, by_event, annotated, orphans, filters) -> list[ExportEvent]:
    """One day's exported events: each bulletin's in reading order, then the day's orphans."""
    out: list[ExportEvent] = []
    placed: set[str] = set()
    for day_bulletin in library.bulletins(day) if load else ():
        bulletin = day_bulletin.bulletin
        date = date or bulletin.date
        for section, event in bulletin.iter_events():
            annotation = by_event.get(event.id)
            if annotation is None and not filters.all_events:
                continue
            placed.add(event.id)
            record = ExportEvent(
                id=event.id,
                day=day,
                date=date,
                theme=section.theme,
                heading=section.heading,
                text=event.text,
                tags=_ordered(annotation.tags) if annotation else (),
                flags=_ordered(annotation.flags) if annotation else (),
                note=(annotation.note or None) if annotation else None,
                source=day_bulletin.reading.link,
                updated_at=format_timestamp(annotation.updated_at) if annotation else None,
                outlet=day_bulletin.outlet,
            )
            if matches(record, filters):
                out.append(record)
    # An annotation the store files under this day but whose event the bulletin no longer holds is
    # exported from its anchor like an orphan: a note is never silently left out of an export.
    strays = [a for a in annotated if a.event_id not in placed]
    for annotation in strays + orphans:
        record = ExportEvent(
            id=annotation.event_id,
            day=day,
            date=date,
            theme=annotation.theme or "general",
            heading=annotation.heading,
            text=annotation.quote or "",
            tags=_ordered(annotation.tags),
            flags=_ordered(annotation.flags),
            note=annotation.note or None,
            source="",
            updated_at=format_timestamp(annotation.updated_at),
            orphan=True,
        )
        if matches(record, filters):
            out.append(record)
    return out


def _day_notes(library, dates, filters, event_days: set[int]) -> list[ExportDay]:
    """The day notes in range, newest first (only days with exported events when events are filtered)."""
    notes: list[ExportDay] = []
    for day in sorted(dates, reverse=True):
        if filters.narrows_events and day not in event_days:
            continue
        if not in_range(day, dates[day], filters):
            continue
        day_note = library.day_note(day)
        if day_note is None or not (day_note.note or "").strip():
            continue
        notes.append(ExportDay(day, dates[day], day_note.note, format_timestamp(day_note.updated_at)))
    return notes
