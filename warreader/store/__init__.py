"""The library: TinyDB bulletins plus atomic, locked annotations; re-import keeps notes.

`Library.open(path)` is the entry point; see docs/ARCHITECTURE.md for the contract.
"""

from warreader.store.library import Library
from warreader.store.records import (
    DEFAULT_FLAGS,
    Annotation,
    DayNote,
    DaySummary,
    EventRef,
    ImportReport,
    MovedFrom,
)

__all__ = [
    "DEFAULT_FLAGS",
    "Annotation",
    "DayNote",
    "DaySummary",
    "EventRef",
    "ImportReport",
    "Library",
    "MovedFrom",
]
