"""The bulletin model: plain dataclasses, no I/O, no Textual.

A `Bulletin` is one day's list of key events as parsed from one file. It is converted to and from the
plain-dict "document" shape that `warreader parse --json` prints and the store keeps, so that the JSON
contract lives in exactly one place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

#: Version of the stored library shape; the store records it and migrates older ones (2: a day holds
#: several bulletins, each with several copies; see `warreader.store.day_docs`).
SCHEMA_VERSION = 2


@dataclass(frozen=True, slots=True)
class Event:
    """One bullet of a bulletin: its stable id and its cleaned text."""

    id: str
    text: str


@dataclass(slots=True)
class Section:
    """A themed section: the heading as written (cleaned, or None before the first heading).

    `theme_inferred` is True when the theme was not given by a heading the theme table knows but
    inferred from the events' own words (an untitled group, a numbered headline): readers should show
    it as a guess. It is never part of an event id.
    """

    heading: str | None
    theme: str
    events: list[Event] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    theme_inferred: bool = False


@dataclass(slots=True)
class Bulletin:
    """One day's bulletin as read from one source file.

    `outlet` is the publisher's name as the page itself gives it (its site name, a "Source: …" line, a
    title suffix), `canonical_url` the article's address as the page states it (`<link rel=canonical>`,
    `og:url`, a record's `url`); both None when the copy does not say.
    """

    day: int | None
    date: dt.date | None
    title: str | None
    source: str
    sections: list[Section] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: The publisher the page or the bulletin's wording names ("Al Jazeera"), when the parser found one.
    outlet: str | None = None
    #: The page's own canonical link (`<link rel="canonical">`, `og:url`), when it has one.
    canonical_url: str | None = None

    def iter_events(self) -> Iterator[tuple[Section, Event]]:
        """Every event in reading order, with the section it belongs to."""
        for section in self.sections:
            for event in section.events:
                yield section, event

    @property
    def event_count(self) -> int:
        return sum(len(s.events) for s in self.sections)


# What the id ignores is decided by one rule: NFKC, casefold, then every run of non-word characters
# (\W: punctuation, quotes of any glyph, spaces) collapses into one space. Curly and straight quotes are
# both \W, so no quote table is needed. The code below is a faster route to exactly that result;
# tests/test_model.py keeps the original one-liner and proves with hypothesis that both agree.
_NON_WORD = re.compile(r"[^\w]+")

# Most event texts are ASCII once their typographic punctuation is set aside. These are all \W (and
# NFKC leaves them \W), so turning them into spaces changes nothing in the result.
_TYPOGRAPHIC = ("’", "‘", "“", "”", "–", "—", "«", "»", "„", "‚", "…", "\u00a0")
# ASCII fast path as one bytes.translate: A–Z → a–z (ASCII casefold), [A-Za-z0-9_] kept, all else → space.
_ASCII_WORD = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
_ASCII_TABLE = bytes((b + 32 if 65 <= b <= 90 else b) if b in _ASCII_WORD else 32 for b in range(256))


def _normalised_bytes(text: str) -> bytes:
    """`normalise_for_id(text)` as UTF-8 bytes (what the id hashes), by the cheapest exact route."""
    if not text.isascii():
        # Typographic marks first: they are starters that neither compose nor decompose into a word
        # character, so turning them into spaces before NFKC gives the same result as after it, and
        # most event texts are then plain ASCII and skip NFKC and casefold altogether.
        for mark in _TYPOGRAPHIC:
            if mark in text:
                text = text.replace(mark, " ")
        if not text.isascii():
            # NFKC (full-width letters, ligatures…), then a full Unicode casefold ("ß" → "ss").
            text = unicodedata.normalize("NFKC", text).casefold()
            if not text.isascii():
                # Letters beyond ASCII (Cyrillic, "é"): only the regex knows Unicode \w.
                return _NON_WORD.sub(" ", text).strip().encode("utf-8")
    # ASCII: \w is [A-Za-z0-9_], so one C-level table turns every other byte into a space; then the
    # runs of spaces are collapsed.
    # After the table every byte is a word character or a space, so split() + join() collapse the
    # runs and trim the ends exactly as a regex substitution would, without the regex engine.
    return b" ".join(text.encode("ascii").translate(_ASCII_TABLE).split())


def normalise_for_id(text: str) -> str:
    """The text an id is derived from: the same event published in another encoding, with other quote
    glyphs, spacing or punctuation, normalises to the same string."""
    return _normalised_bytes(text).decode("utf-8")


def event_id(day: int | None, text: str) -> str:
    """A stable id from the day and the normalised text, never the position: `981-3fa9c01b2e`."""
    digest = hashlib.blake2b(_normalised_bytes(text), digest_size=5).hexdigest()
    return f"{day if day is not None else 0}-{digest}"


def assign_ids(day: int | None, texts: list[str]) -> list[str]:
    """Ids for a bulletin's event texts in order; a repeated text gets `-2`, `-3`… so ids stay unique."""
    seen: dict[str, int] = {}
    ids = []
    for text in texts:
        base = event_id(day, text)
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def _section_doc(section: Section) -> dict:
    doc = {
        "heading": section.heading,
        "theme": section.theme,
        "events": [{"id": e.id, "text": e.text} for e in section.events],
        "captions": list(section.captions),
    }
    if section.theme_inferred:
        # Only when true: documents of headed sections (most of them) keep their old shape, so a day
        # stored by an older version compares equal to the same day parsed again.
        doc["theme_inferred"] = True
    return doc


def bulletin_to_doc(bulletin: Bulletin) -> dict:
    """The `parse --json` object for one bulletin (also the stored shape).

    `outlet` and `canonical_url` are always present (null when the copy does not say); a section has
    `"theme_inferred": true` when its theme was inferred from its events' words, and no such key
    otherwise."""
    return {
        "day": bulletin.day,
        "date": bulletin.date.isoformat() if bulletin.date else None,
        "title": bulletin.title,
        "source": bulletin.source,
        "outlet": bulletin.outlet,
        "canonical_url": bulletin.canonical_url,
        "sections": [_section_doc(s) for s in bulletin.sections],
        "warnings": list(bulletin.warnings),
    }


def bulletin_from_doc(doc: dict) -> Bulletin:
    """Inverse of `bulletin_to_doc`; documents written before a field existed load with its default."""
    date = doc.get("date")
    return Bulletin(
        day=doc.get("day"),
        date=dt.date.fromisoformat(date) if date else None,
        title=doc.get("title"),
        source=doc.get("source", ""),
        sections=[
            Section(
                heading=s.get("heading"),
                theme=s["theme"],
                events=[Event(e["id"], e["text"]) for e in s.get("events", [])],
                captions=list(s.get("captions", [])),
                theme_inferred=bool(s.get("theme_inferred", False)),
            )
            for s in doc.get("sections", [])
        ],
        warnings=list(doc.get("warnings", [])),
        outlet=doc.get("outlet"),
        canonical_url=doc.get("canonical_url"),
    )
