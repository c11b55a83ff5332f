"""A stored day (schema 2): every bulletin the user brought in for it, each with every copy of it.

```
{"day": 981,
 "bulletins": [                                  one per outlet's bulletin, in the order they arrived
   {"id": "b3f9a0c1d2",                          stable for the bulletin's life (the reader and CLI name it)
    "outlet": "Al Jazeera",                      see `outlet_name`
    "reading": 0,                                which copy is read (index into "copies")
    "picked": false,                             true once the user chose it: imports then leave it alone
    "copies": [                                  the same bulletin from several sources
      {"title", "date", "sections", "warnings",  as `parse --json` gives them (no "day")
       "source",                                 the path or URL it was imported from
       "canonical_url",                          the page's own canonical link, when it has one
       "outlet",                                 the outlet the parser found in that copy, or null
       "imported_at"}]}]}                        when it was imported (updated when its content changes)
```

Pure functions, no I/O. `flatten` gives the shape the views read: the first bulletin's reading copy's
fields at the top (what `show --json` prints at the top level), and the sections of every bulletin's
reading copy one after the other, each section tagged with its bulletin's index, so that ids, search,
storylines and exports see every bulletin of the day.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from warreader.model import Bulletin, bulletin_to_doc

#: Parser warnings that make a copy a worse reading copy (they say the text is spun or cut off).
_SPUN = "spun"
_CUT_OFF = "cut off"

_DAY_TOKEN = re.compile(r"^(?:day)?\d+$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"[_\-\s.]+")


def new_bulletin_id() -> str:
    import secrets

    return "b" + secrets.token_hex(5)


def copy_from(bulletin: Bulletin, imported_at: str) -> dict:
    """A stored copy of one parsed bulletin."""
    doc = bulletin_to_doc(bulletin)
    doc.pop("day", None)
    doc.setdefault("outlet", None)
    doc.setdefault("canonical_url", None)
    doc["imported_at"] = imported_at
    return doc


def events_of(copy: dict) -> list[dict]:
    return [event for section in copy.get("sections", []) for event in section.get("events", [])]


def event_count(copy: dict) -> int:
    return sum(len(section.get("events", [])) for section in copy.get("sections", []))


def quality(copy: dict) -> tuple:
    """How good a reading copy is, greater is better: not spun; then the most whole events (a last event
    cut off does not count: most saved pages are excerpts, and a one-event copy must not win over a
    nine-event original for ending on a full stop); then not cut off; then the fewest other warnings.
    A tie keeps the copy imported first (what the user already reads)."""
    warnings = copy.get("warnings", [])
    spun = any(_SPUN in w for w in warnings)
    cut = any(_CUT_OFF in w for w in warnings)
    return (not spun, event_count(copy) - cut, not cut, -len(warnings))


def choose_reading(bulletin: dict) -> int:
    """The index of the best copy (the first of equals), or the user's pick when they made one."""
    copies = bulletin["copies"]
    if bulletin.get("picked") and 0 <= bulletin.get("reading", 0) < len(copies):
        return int(bulletin["reading"])
    best = 0
    for i, copy in enumerate(copies):
        if quality(copy) > quality(copies[best]):
            best = i
    return best


def reading_copy(bulletin: dict) -> dict:
    copies = bulletin["copies"]
    index = bulletin.get("reading", 0)
    return copies[index] if 0 <= index < len(copies) else copies[0]


def source_keys(copy: dict) -> set[str]:
    """What identifies where a copy came from: its source (path or URL) and its canonical link."""
    return {key for key in (copy.get("source"), copy.get("canonical_url")) if key}


def link_of(copy: dict) -> str:
    """The link a person follows to read a copy again: its canonical URL, else its URL, else its path."""
    return copy.get("canonical_url") or copy.get("source") or ""


def host_name(url: str) -> str | None:
    """`https://www.aljazeera.com/news/…` → `aljazeera.com`; None for a path."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    return host[4:] if host.startswith("www.") else host


def file_name_outlet(source: str) -> str | None:
    """An outlet named from a file name when nothing better is known: the name's words without the day
    number and the extension (`day0250_aljazeera-pages.txt` → `aljazeera pages`), else the file name
    itself (`day0981.txt`); None without a source."""
    name = PurePath(source).name
    stem = name.split(".", 1)[0]
    words = [w for w in _NAME_SPLIT.split(stem) if w and not _DAY_TOKEN.match(w)]
    return " ".join(words) or name or None


def outlet_name(copy: dict) -> str | None:
    """A copy's outlet: what the page or the bulletin's wording says (the parser's `outlet`), else the
    link's host, else the file name's words."""
    if copy.get("outlet"):
        return copy["outlet"]
    for link in (copy.get("canonical_url"), copy.get("source")):
        if link and (host := host_name(link)):
            return host
    return file_name_outlet(copy.get("source") or "")


def bulletin_outlet(bulletin: dict) -> str | None:
    """A bulletin's outlet: named by its reading copy, else by the first copy that names one."""
    named = outlet_name(reading_copy(bulletin))
    if named:
        return named
    for copy in bulletin["copies"]:
        if named := outlet_name(copy):
            return named
    return None


def new_bulletin(copy: dict) -> dict:
    bulletin = {"id": new_bulletin_id(), "outlet": None, "reading": 0, "picked": False, "copies": [copy]}
    bulletin["outlet"] = bulletin_outlet(bulletin)
    return bulletin


def settle(bulletin: dict) -> dict:
    """The bulletin with its reading copy and outlet chosen again after its copies changed."""
    bulletin["reading"] = choose_reading(bulletin)
    bulletin["outlet"] = bulletin_outlet(bulletin)
    return bulletin


def flatten(day_doc: dict) -> dict:
    """The view of a stored day: the first bulletin's reading copy at the top, every bulletin's reading
    sections in order (each tagged `"bulletin": index`), and `"outlets"`. Builds new dicts only: the
    stored document is never changed."""
    bulletins = day_doc.get("bulletins", [])
    first = reading_copy(bulletins[0]) if bulletins else {}
    sections = []
    for index, bulletin in enumerate(bulletins):
        for section in reading_copy(bulletin).get("sections", []):
            sections.append({**section, "bulletin": index})
    dates = [reading_copy(b).get("date") for b in bulletins]
    return {
        "day": day_doc["day"],
        "date": first.get("date") or next((d for d in dates if d), None),
        "title": first.get("title"),
        "source": first.get("source", ""),
        "warnings": first.get("warnings", []),
        "sections": sections,
        "outlets": [b.get("outlet") for b in bulletins],
    }
