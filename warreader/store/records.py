"""The value objects the store hands out: day summaries, event references, annotations, import reports.

They are plain dataclasses with no I/O so the TUI, export and tests can build and compare them freely.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from warreader.model import Bulletin, Event

#: Flags every library knows; any other string is a user-defined flag.
DEFAULT_FLAGS: tuple[str, ...] = ("important", "verify", "follow-up")

_SPACES = re.compile(r"\s+")


def normalise_label(label: str) -> str:
    """A tag or flag as stored: trimmed, inner whitespace collapsed to one space, case kept as typed."""
    return _SPACES.sub(" ", label).strip()


def normalise_tag(tag: str) -> str:
    """A tag as stored and shown everywhere: leading `#` dropped (it is how tags are written, not part of
    them), trimmed, inner whitespace as `-` (`Kharkiv oblast` → `Kharkiv-oblast`), case kept as typed."""
    return _SPACES.sub("-", str(tag).strip().lstrip("#").strip())


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
    bulletins: int = 1  # how many outlets' bulletins the day holds
    outlets: tuple[str | None, ...] = ()  # their outlets, in the day's order


@dataclass(frozen=True, slots=True)
class SavedView:
    """A query kept under a name (`warreader views`, the reader's `v`)."""

    name: str
    query: str
    created_at: str


@dataclass(frozen=True, slots=True)
class TagStat:
    """One tag in use: its spelling, how many events carry it, and when one of them last changed."""

    tag: str
    count: int
    last_used: str


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
    outlet: str | None = None  # the outlet of the bulletin holding the event
    bulletin: int = 0  # that bulletin's index in its day
    link: str = ""  # where to read it again: the reading copy's canonical URL, URL or path

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


@dataclass(frozen=True, slots=True)
class Source:
    """One copy of a stored bulletin: where it came from and what it holds."""

    source: str  # the path or URL it was imported from
    canonical_url: str | None
    imported_at: str
    outlet: str | None  # what the copy names (its page or wording), else its link's host, else its file name
    title: str | None
    events: int
    warnings: tuple[str, ...]
    reading_copy: bool

    @property
    def link(self) -> str:
        return self.canonical_url or self.source

    @property
    def is_url(self) -> bool:
        return self.source.startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class DayBulletin:
    """One outlet's bulletin of a day: its reading copy as a Bulletin, and every copy of it."""

    id: str
    index: int  # its place in the day
    outlet: str | None
    bulletin: Bulletin
    sources: tuple[Source, ...]
    picked: bool  # the user chose the reading copy

    @property
    def reading(self) -> Source:
        return next(s for s in self.sources if s.reading_copy)


@dataclass(slots=True)
class DayNote:
    """A note on a whole day."""

    day: int
    note: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class SourceOutcome:
    """What became of one imported bulletin (a file, a URL, or one of several bulletins in a file)."""

    source: str
    day: int | None
    outcome: str  # "new bulletin", "new copy", "updated", "unchanged" or "skipped"
    outlet: str | None
    detail: str = ""  # the reason when skipped; a warning when an update shrank the copy


@dataclass(slots=True)
class ImportReport:
    """What one `import_bulletins` call did; `messages` are short sentences for the user."""

    imported: int = 0  # new bulletins: a day new to the library, or another outlet's bulletin of a day
    copies: int = 0  # new copies of a bulletin the day already holds (another site, format, spun…)
    updated: int = 0  # sources imported again with a different content: their copy was updated
    unchanged: int = 0  # sources already stored exactly so
    skipped: int = 0  # bulletins not stored (see messages for the reason)
    reattached: int = 0  # annotations found again by their event id in a replaced or newly imported day
    moved: int = 0  # annotations moved to the clearly same event by their quote; see `Library.moved()`
    orphaned: int = 0  # annotations whose event is gone; kept, see `Library.orphans()`
    messages: list[str] = field(default_factory=list)
    days: list[int] = field(default_factory=list)  # days whose stored document changed
    sources: list[SourceOutcome] = field(default_factory=list)  # one per bulletin given, in order

    def summary(self) -> str:
        """One line such as `new bulletins 3, new copies 1, updated 1, unchanged 0, skipped 1, notes kept on
        their events 2, moved by closest quote: 1, orphaned 0`."""
        return (
            f"new bulletins {self.imported}, new copies {self.copies}, updated {self.updated}, "
            f"unchanged {self.unchanged}, skipped {self.skipped}, "
            f"notes kept on their events {self.reattached}, "
            f"moved by closest quote: {self.moved}, orphaned {self.orphaned}"
        )
