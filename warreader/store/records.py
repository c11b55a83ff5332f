"""The value objects the store hands out: day summaries, event references, annotations, import reports.

They are plain dataclasses with no I/O so the TUI, export and tests can build and compare them freely.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from warreader.model import Event

#: Flags every library knows; any other string is a user-defined flag.
DEFAULT_FLAGS: tuple[str, ...] = ("important", "verify", "follow-up")

_SPACES = re.compile(r"\s+")


def normalise_label(label: str) -> str:
    """A tag or flag as stored: trimmed, inner whitespace collapsed to one space, case kept as typed."""
    return _SPACES.sub(" ", label).strip()


def label_key(label: str) -> str:
    """What labels are compared by: `Drones`, ` drones ` and `DRONES` are one tag."""
    return normalise_label(label).casefold()


def now_iso() -> str:
    """The current time as ISO 8601 UTC with second precision, e.g. `2024-11-02T09:15:04Z`."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class DaySummary:
    """One row of the day list; computed without building the day's Bulletin."""

    day: int
    date: dt.date | None
    title: str | None
    sections: int
    events: int
    annotated: int  # events of this day that carry an annotation
    flagged: int  # of those, how many carry at least one flag


@dataclass(frozen=True, slots=True)
class EventRef:
    """An event together with where it lives: what search, storylines and `locate` return."""

    day: int
    date: dt.date | None
    section_index: int
    heading: str | None
    theme: str
    event: Event
    source: str

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def text(self) -> str:
        return self.event.text


@dataclass(frozen=True, slots=True)
class MovedFrom:
    """Where an annotation was before an import moved it by its closest quote (until accepted or undone)."""

    event_id: str
    quote: str
    heading: str | None
    theme: str | None
    at: str
    score: float


@dataclass(slots=True)
class Annotation:
    """A user's tags, flags and note on one event, with the anchor used to find the event again.

    `tags` and `flags` are ordered lists without case-insensitive duplicates (a set in meaning, kept in the
    order and case first typed). `orphan` is True when no stored bulletin holds `event_id`.
    """

    id: str
    event_id: str
    day: int | None
    theme: str | None
    heading: str | None
    quote: str
    tags: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    note: str = ""
    created_at: str = ""
    updated_at: str = ""
    orphan: bool = False
    #: Set while a move by closest quote awaits the user's review (`warreader orphans`).
    moved: MovedFrom | None = None

    def is_empty(self) -> bool:
        return not (self.tags or self.flags or self.note.strip())


@dataclass(slots=True)
class DayNote:
    """A note on a whole day."""

    day: int
    note: str
    updated_at: str


@dataclass(slots=True)
class ImportReport:
    """What one `import_bulletins` call did; `messages` are short sentences for the user."""

    imported: int = 0  # days new to the library
    updated: int = 0  # days replaced by a different version
    unchanged: int = 0  # days already stored exactly so
    skipped: int = 0  # bulletins not stored (see messages for the reason)
    reattached: int = 0  # annotations found again by their event id in a replaced or newly imported day
    moved: int = 0  # annotations moved to the clearly same event by their quote; see `Library.moved()`
    orphaned: int = 0  # annotations whose event is gone; kept, see `Library.orphans()`
    messages: list[str] = field(default_factory=list)
    days: list[int] = field(default_factory=list)  # days stored or replaced by this import

    def summary(self) -> str:
        """One line such as `imported 3, updated 1, unchanged 0, skipped 1, notes kept on their events 2,
        moved by closest quote: 1, orphaned 0`."""
        return (
            f"imported {self.imported}, updated {self.updated}, unchanged {self.unchanged}, "
            f"skipped {self.skipped}, notes kept on their events {self.reattached}, "
            f"moved by closest quote: {self.moved}, orphaned {self.orphaned}"
        )
