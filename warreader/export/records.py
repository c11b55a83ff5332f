"""The plain records every export format renders: no library, no I/O.

`selection.collect` turns a `Library` and `ExportOptions` into one `ExportData`; each format module turns
an `ExportData` into text. Keeping the formats on these small records lets them be tested (and golden-
filed) without a store, and means the library is read exactly once per export.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ExportEvent:
    """One exported event with whatever annotation it carries (empty tags/flags and no note if none).

    `orphan` is True for an annotation whose event is no longer in the library: its `text` is then the
    quote kept as its anchor. The JSON contract has no field for it; Markdown says so in words.
    """

    id: str
    day: int
    date: dt.date | None
    theme: str
    heading: str | None
    text: str
    tags: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    note: str | None = None
    source: str = ""  # the link to read it again: the reading copy's canonical URL, URL or file path
    updated_at: str | None = None
    orphan: bool = False
    outlet: str | None = None  # the outlet of the bulletin holding it (several may cover one day)


@dataclass(frozen=True, slots=True)
class ExportDay:
    """A note on a whole day."""

    day: int
    date: dt.date | None
    note: str
    updated_at: str | None = None


@dataclass(frozen=True, slots=True)
class ExportFilters:
    """The filters as applied, normalised; `since`/`until` are a date, a day number, or None."""

    tags: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    since: dt.date | int | None = None
    until: dt.date | int | None = None
    all_events: bool = False

    @property
    def narrows_events(self) -> bool:
        """True when a tag, flag or theme filter picks events (day notes then follow their events)."""
        return bool(self.tags or self.flags or self.themes)

    def to_json(self) -> dict:
        """The `filters` object of the JSON export (and what the Markdown header describes)."""
        return {
            "tags": list(self.tags),
            "flags": list(self.flags),
            "themes": list(self.themes),
            "since": bound_to_json(self.since),
            "until": bound_to_json(self.until),
            "all": self.all_events,
        }


def bound_to_json(bound: dt.date | int | None) -> str | int | None:
    """A date bound as `YYYY-MM-DD`, a day-number bound as the int, no bound as None."""
    if isinstance(bound, dt.date):
        return bound.isoformat()
    return bound


@dataclass(slots=True)
class ExportData:
    """Everything one export holds, already filtered and in output order.

    `events` are newest day first and in reading order within a day (orphans last in their day);
    `days` are the day notes, newest first.
    """

    exported_at: dt.datetime
    filters: ExportFilters
    events: list[ExportEvent] = field(default_factory=list)
    days: list[ExportDay] = field(default_factory=list)
    #: event id → its facts (figures, places, people); filled for the event formats (acled, geojson).
    facts: dict = field(default_factory=dict)


def format_timestamp(value: object) -> str | None:
    """The store's `updated_at` as ISO 8601 text, whatever shape it is kept in (str, datetime, epoch)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.isoformat(timespec="seconds")
    if isinstance(value, int | float):
        return dt.datetime.fromtimestamp(value, tz=dt.UTC).isoformat(timespec="seconds")
    return str(value)


def utc_now(now: dt.datetime | None = None) -> dt.datetime:
    """`now` (naive means UTC) or the current time, in UTC to the second: the export's timestamp."""
    if now is None:
        now = dt.datetime.now(dt.UTC)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    return now.astimezone(dt.UTC).replace(microsecond=0)
