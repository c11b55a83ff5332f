"""Who published a bulletin and where, as the copy itself says: the outlet's name and the article's URL.

Names come from the page's own words, never from a table of sites: a "Source: Al Jazeera and news
agencies" line, a title's site suffix ("… | Russia-Ukraine war News | Al Jazeera", "… - The Guardian"),
a wrapper's "The Guardian - AU" line, a saved page's `og:site_name` / `application-name`, a news API
record's `"source": {"name": …}`. URLs come from `<link rel="canonical">`, `og:url` or a record's `url`.
"""

from __future__ import annotations

import re

from warreader.controls import has_controls
from warreader.parsing.patterns import has_title_words

# A name as sites write theirs: capitalised words ("Al Jazeera", "The Guardian", "BBC News", "France 24").
_NAME_WORD = r"[A-Z0-9][\w&'’.\-]*"
_NAME = rf"(?:The\s+)?{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|and|&)){{0,4}}"
# Edition and language words after a name ("Al Jazeera English", "The Guardian - AU").
_EDITION = r"(?:English|International|Online|Edition|Arabic|[A-Z]{2})"
_TRAILING_EDITION = re.compile(rf"(?:\s+[-–—|]\s+|\s+){_EDITION}$")
# A wrapper's line naming the outlet and its edition: "The Guardian - AU".
_SITE_LINE = re.compile(rf"^(?P<name>{_NAME})\s+[-–—|]\s+{_EDITION}$")
# "Source: Al Jazeera and news agencies", "Sources: Reuters, AFP".
_SOURCE_LINE = re.compile(rf"^(?i:sources?)\s*:\s*(?P<name>{_NAME}?)(?=\s*(?:,|\band\b|&|$))")
# Title parts that name a section or a topic, not a publisher ("Russia-Ukraine war News", "Ukraine").
_NOT_A_PUBLISHER = re.compile(
    r"\b(?:war|conflict|invasion|crisis|live|latest|breaking|updates?|opinion|analysis)\b"
    r"|^(?:news|world|world\ news|europe|ukraine|russia|politics|home|features?)$",
    re.IGNORECASE | re.VERBOSE,
)
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—-]|::)\s+")
_URL = re.compile(r"^https?://[^\s<>\"']{1,2000}$", re.IGNORECASE)


def clean_outlet(name: str | None) -> str | None:
    """A publisher's name as shown to users, or None when `name` does not read as one."""
    if not name:
        return None
    name = " ".join(name.split()).strip(" \"'“”‘’:;,.-–—|")
    name = _TRAILING_EDITION.sub("", name).strip()
    if not name or len(name) > 60 or has_controls(name) or not re.fullmatch(_NAME, name):
        return None
    if _NOT_A_PUBLISHER.search(name) or has_title_words(name):
        return None
    return name


def outlet_from_title(title: str) -> str | None:
    """The site name a title ends in: "… | Russia-Ukraine war News | Al Jazeera" → "Al Jazeera"."""
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return None
    return clean_outlet(parts[-1])


def outlet_from_source_line(text: str) -> str | None:
    """ "Source: Al Jazeera and news agencies" → "Al Jazeera"."""
    match = _SOURCE_LINE.match(text)
    return clean_outlet(match["name"]) if match else None


# An attribution trailer without "Source:": "Al Jazeera and news agencies | Published 20 Nov 2024".
_ATTRIBUTION = re.compile(rf"^(?P<name>{_NAME}?)\s+(?:and|&)\s+(?:news|wire|information)\s+\w+")


def outlet_from_attribution(text: str) -> str | None:
    """The outlet a furniture line credits ("Al Jazeera and news agencies | …" → "Al Jazeera")."""
    for part in text.split("|"):
        match = _ATTRIBUTION.match(part.strip())
        if match and (name := clean_outlet(match["name"])):
            return name
    return None


def outlet_from_site_line(text: str) -> str | None:
    """ "The Guardian - AU" (a news wrapper's header) → "The Guardian"."""
    if len(text) > 80 or not (" - " in text or " – " in text or " — " in text or " | " in text):
        return None
    match = _SITE_LINE.match(text)
    return clean_outlet(match["name"]) if match else None


def clean_url(url: str | None) -> str | None:
    """An absolute http(s) URL as given, or None."""
    if not url:
        return None
    url = url.strip()
    return url if _URL.match(url) and not has_controls(url) else None


# A news API record: "source": {"id": "al-jazeera-english", "name": "Al Jazeera English"}, "url": "…".
_RECORD_SOURCE = re.compile(
    r"""\bsource["']?\s*:\s*\{[^{}]{0,300}?\bname["']?\s*:\s*["'](?P<name>[^"'\n]{1,80})["']"""
)
_RECORD_URL = re.compile(r"""(?:^|[\s{,])["']?url["']?\s*[:=]\s*["'](?P<url>https?://[^"'\s]{1,2000})["']""")


def record_meta(code: str) -> tuple[str | None, str | None]:
    """(outlet, canonical URL) of a bulletin embedded in a source file, from its record's keys."""
    source = _RECORD_SOURCE.search(code)
    url = _RECORD_URL.search(code)
    return (
        clean_outlet(source["name"]) if source else None,
        clean_url(url["url"]) if url else None,
    )
