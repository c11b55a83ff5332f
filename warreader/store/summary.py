"""summary.json: what the reader's first screen needs, so it can appear before bulletins.json is parsed.

Parsing the ~12 MB bulletins.json of a 1,500-day library takes ~60 ms and summing up its days ~25 ms;
this ~130 kB file holds just the day list and the newest day's document:

```
{"_rev": "<_rev of the bulletins.json it was derived from>", "format": 3,
 "days": [[day, "2024-11-02" or null, title, sections, events, bulletins, [outlets]], …],   newest first
 "newest": {the stored document of the newest day} or null,
 "offsets": {"981": [start, length], …} or null}     where each day's document lies in bulletins.json
```

It is a derived cache, never the truth: it is rewritten after every write of bulletins.json, and a reader
uses it only while its `_rev` equals the one at the head of bulletins.json. A missing, stale or damaged
summary therefore costs only speed (the full load), never a wrong answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import orjson

from warreader.store.atomic import atomic_write_bytes
from warreader.store.views import parse_date

FORMAT = 3


@dataclass(frozen=True, slots=True)
class Summary:
    """One summary.json as read: `rows` are exactly what `BulletinView.summaries()` gives."""

    rev: str
    rows: list[tuple]
    newest: dict | None
    #: Byte range of each day's document in bulletins.json (str(day) → (start, length)), when known.
    offsets: dict[str, tuple[int, int]] | None = None

    @property
    def newest_day(self) -> int | None:
        return self.rows[0][0] if self.rows else None


def write(
    path: Path,
    rev: str,
    rows: list[tuple],
    newest: dict | None,
    offsets: dict[str, tuple[int, int]] | None = None,
) -> None:
    """Atomically store `BulletinView.summaries()` rows and the newest day's stored document as derived
    from the bulletins.json whose `_rev` is `rev`. OSError on failure: the caller decides it is harmless."""
    days = [
        (day, date.isoformat() if date else None, title, sections, events, bulletins, list(outlets))
        for day, date, title, sections, events, bulletins, outlets in rows
    ]
    document = {"_rev": rev, "format": FORMAT, "days": days, "newest": newest, "offsets": offsets}
    atomic_write_bytes(path, orjson.dumps(document))


def read(path: Path) -> Summary | None:
    """The summary at `path`, or None when it is missing, unreadable or not in the expected shape."""
    try:
        data = orjson.loads(path.read_bytes())
        rev, newest = data["_rev"], data["newest"]
        if data["format"] != FORMAT or not isinstance(rev, str) or not isinstance(newest, dict | None):
            return None
        rows = [
            (int(day), parse_date(date), title, int(sections), int(events), int(count), tuple(outlets))
            for day, date, title, sections, events, count, outlets in data["days"]
        ]
        raw_offsets = data.get("offsets")
        offsets = (
            {str(key): (int(start), int(length)) for key, (start, length) in raw_offsets.items()}
            if isinstance(raw_offsets, dict)
            else None
        )
    except (OSError, orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
        return None
    if rows and (newest is None or newest.get("day") != rows[0][0]):
        return None
    return Summary(rev, rows, newest, offsets)
