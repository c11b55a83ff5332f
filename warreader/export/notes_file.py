"""Reading and fully validating a JSON export before anything is merged from it.

Everything is checked first (format name, version, every record's fields and types) so a bad file is
refused with one clear sentence naming it, and the library is never half-merged from a broken file.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from warreader.errors import InputError, read_input_file
from warreader.export.json_format import FORMAT_NAME, FORMAT_VERSION
from warreader.store.validate import MAX_DAY, valid_day


@dataclass(frozen=True, slots=True)
class ImportedEvent:
    """One event record of an export: its anchor (day, theme, heading, text) and its annotation."""

    id: str
    day: int
    date: dt.date | None
    theme: str
    heading: str | None
    text: str
    tags: tuple[str, ...]
    flags: tuple[str, ...]
    note: str | None

    @property
    def annotated(self) -> bool:
        """False for an `--all` export's bare event: there is nothing to merge from it."""
        return bool(self.tags or self.flags or (self.note or "").strip())


@dataclass(frozen=True, slots=True)
class ImportedDay:
    """One day note of an export."""

    day: int
    date: dt.date | None
    note: str


@dataclass(frozen=True, slots=True)
class NotesFile:
    """A validated export: where it came from, when it was made, and its records."""

    path: Path
    exported_at: str
    events: tuple[ImportedEvent, ...]
    days: tuple[ImportedDay, ...]

    @property
    def exported_on(self) -> str:
        """The export's date (`YYYY-MM-DD`) for the marker line above an imported note."""
        return self.exported_at[:10]


class _Invalid(Exception):
    """A validation failure; the message says where in the file."""


def read_notes_file(path: Path) -> NotesFile:
    """Load and validate `path`; raise `InputError` naming the file when it is not a usable export."""
    path = Path(path)
    raw = read_input_file(path, expected="a warreader JSON export")
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{path} is not a warreader JSON export (it is not UTF-8 text).") from None
    except json.JSONDecodeError as error:
        raise InputError(
            f"{path} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}); "
            "nothing was imported."
        ) from None
    try:
        return _validate(path, document)
    except _Invalid as error:
        raise InputError(f"{path} is not a usable warreader export: {error}; nothing was imported.") from None


def _validate(path: Path, document: object) -> NotesFile:
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise InputError(
            f'{path} is not a warreader notes export (expected "format": "{FORMAT_NAME}"); '
            "nothing was imported."
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _Invalid(f"its version {version!r} is not a version number")
    if version > FORMAT_VERSION:
        raise InputError(
            f"{path} was written by a newer warreader (export version {version}; this one reads up to "
            f"{FORMAT_VERSION}). Update warreader to import it; nothing was imported."
        )
    exported_at = document.get("exported_at")
    if not isinstance(exported_at, str):
        raise _Invalid('"exported_at" is missing')
    events = _list(document, "events")
    days = _list(document, "days")
    return NotesFile(
        path=path,
        exported_at=exported_at,
        events=tuple(_event(record, i) for i, record in enumerate(events)),
        days=tuple(_day(record, i) for i, record in enumerate(days)),
    )


def _list(document: dict, key: str) -> list:
    value = document.get(key)
    if not isinstance(value, list):
        raise _Invalid(f'"{key}" is not a list')
    return value


def _event(record: object, index: int) -> ImportedEvent:
    where = f"event {index + 1}"
    if not isinstance(record, dict):
        raise _Invalid(f"{where} is not an object")
    event_id = _text(record, "id", where)
    if not event_id.strip():
        raise _Invalid(f"{where} has an empty id")
    return ImportedEvent(
        id=event_id,
        day=_day_number(record, where),
        date=_date(record, where),
        theme=_text(record, "theme", where),
        heading=_text(record, "heading", where, optional=True),
        text=_text(record, "text", where),
        tags=_strings(record, "tags", where),
        flags=_strings(record, "flags", where),
        note=_text(record, "note", where, optional=True),
    )


def _day(record: object, index: int) -> ImportedDay:
    where = f"day note {index + 1}"
    if not isinstance(record, dict):
        raise _Invalid(f"{where} is not an object")
    return ImportedDay(
        day=_day_number(record, where), date=_date(record, where), note=_text(record, "note", where)
    )


def _text(record: dict, key: str, where: str, *, optional: bool = False) -> str | None:
    if key not in record:
        raise _Invalid(f'{where} has no "{key}"')
    value = record[key]
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise _Invalid(f'{where}: "{key}" is not text')
    return value


def _day_number(record: dict, where: str) -> int:
    value = record.get("day")
    if not valid_day(value):
        raise _Invalid(f'{where}: "day" {value!r} is not a day number (1 to {MAX_DAY:,})')
    return value  # type: ignore[return-value]


def _date(record: dict, where: str) -> dt.date | None:
    value = _text(record, "date", where, optional=True)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _Invalid(f'{where}: "date" {value!r} is not YYYY-MM-DD') from None


def _strings(record: dict, key: str, where: str) -> tuple[str, ...]:
    value = record.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Invalid(f'{where}: "{key}" is not a list of text')
    return tuple(v for v in value if v.strip())
