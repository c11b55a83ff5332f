"""`ExportOptions`, what the CLI and the reader's export dialog fill in, and their validation."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from warreader.errors import InputError
from warreader.export.records import ExportFilters

#: The formats `render_export` knows, by the name the CLI and the dialog use.
FORMATS = ("md", "json", "csv", "acled", "geojson")
#: Formats that describe the bulletins' events (every event in range), not only the user's notes.
EVENT_FORMATS = ("acled", "geojson")

_DAY_NUMBER = re.compile(r"^\s*(?:day\s*)?(\d{1,5})\s*$", re.IGNORECASE)


@dataclass
class ExportOptions:
    """What to export and how.

    `since`/`until` accept a `datetime.date`, a `YYYY-MM-DD` string, a day number (int or digits, e.g.
    `"987"` or `"day 987"`), or None. Filters combine: AND across kinds, OR within one kind.
    `all_events` exports every event in range, not only annotated ones; the event formats (acled,
    geojson) always do: they describe the bulletins, and the filters narrow them.
    """

    format: str = "md"
    tags: Sequence[str] = ()
    flags: Sequence[str] = ()
    themes: Sequence[str] = ()
    since: dt.date | int | str | None = None
    until: dt.date | int | str | None = None
    all_events: bool = False

    def filters(self) -> ExportFilters:
        """The validated, normalised filters; raise `InputError` with a clear sentence when invalid."""
        if self.format not in FORMATS:
            raise InputError(f"Unknown export format {self.format!r}: use one of {', '.join(FORMATS)}.")
        since = parse_bound(self.since, "since")
        until = parse_bound(self.until, "until")
        if since is not None and until is not None and type(since) is type(until) and since > until:
            raise InputError(
                f"The since value ({since}) is after the until value ({until}): nothing to export."
            )
        return ExportFilters(
            tags=_clean(self.tags),
            flags=_clean(self.flags),
            themes=_clean(self.themes),
            since=since,
            until=until,
            all_events=bool(self.all_events) or self.format in EVENT_FORMATS,
        )


def _clean(values: Sequence[str] | str | None) -> tuple[str, ...]:
    """Strip, drop blanks and repeats, keep the user's order (a bare string is one value, not letters)."""
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    seen: dict[str, None] = {}
    for value in values:
        value = str(value).strip()
        if value:
            seen.setdefault(value, None)
    return tuple(seen)


def parse_bound(value: dt.date | int | str | None, name: str) -> dt.date | int | None:
    """A since/until value as a date or a day number; raise `InputError` naming the bad value."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):  # bool is an int; True is not day 1
        raise InputError(f"The {name} value {value!r} is not a date: use YYYY-MM-DD or a day number.")
    if isinstance(value, int):
        if value < 0:
            raise InputError(f"The {name} day {value} is not a day number.")
        return value
    text = str(value).strip()
    if not text:
        return None
    match = _DAY_NUMBER.match(text)
    if match:
        return int(match.group(1))
    try:
        return dt.date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else _bad(text, name)
    except ValueError:
        return _bad(text, name)


def _bad(text: str, name: str):
    raise InputError(
        f"The {name} date {text!r} is not valid: use YYYY-MM-DD (e.g. 2024-11-08) or a day number (e.g. 987)."
    )
