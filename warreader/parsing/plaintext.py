"""Plain text (pasted from a page, copied by an aggregator): lines and bullet markers only."""

from __future__ import annotations

import re

from warreader.controls import strip_controls
from warreader.parsing.lines import BLANK, BULLET, CAPTION, TEXT, Line, clean

# Bullet markers seen in the wild: • · ▪ - * – — followed by space, or alone on their line.
# A Markdown image left in copied text, possibly cut off: "![alt text](/wp-content/…" or "![alt text".
_IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)(?:\]\(.*)?$")
_BULLET = re.compile(r"^\s*(?:[•·▪●◦‣]|[-*–—](?=\s|$))\s*")
_BULLET_MARKS = frozenset("•·▪●◦‣")  # (as a set of one-character strings: "" is in none)
_DASH_MARKS = frozenset("-*–—")


def bullet_body(stripped: str) -> str | None:
    """What follows the bullet marker of a stripped line, or None when it has none: `_BULLET`, by hand
    (a regex call per line cost more than the rest of the line's reading)."""
    first = stripped[:1]
    if first in _BULLET_MARKS or (first in _DASH_MARKS and (len(stripped) == 1 or stripped[1].isspace())):
        return stripped[1:].lstrip()
    return None


def _clean(text: str) -> str:
    """`clean()`, skipped when it could change nothing: no run of spaces and no other whitespace
    (every whitespace character but the ASCII space is non-printable)."""
    if "  " in text or not text.isprintable():
        return clean(text)
    return text


def plain_lines(text: str) -> tuple[list[Line], bool]:
    """Plain text → (Lines, whether control characters were removed): bullet markers are recognised
    (including a lone marker with the item on the next line); everything else stays TEXT for the core
    to classify. Every line separator counts (form feed, NEL, U+2028…), and control characters are
    removed line by line, where each line is looked at anyway (a printable line has none)."""
    out: list[Line] = []
    removed = False
    pending_bullet = False  # a lone "-" or "•": its text is on the next non-blank line
    raws = text.splitlines()
    for index, raw in enumerate(raws):
        raws[index] = ""  # let go of each raw line once read: a bullet's text is a new (sliced) string
        stripped = raw.strip()
        if not stripped:
            if not pending_bullet and (not out or out[-1].kind != BLANK):
                out.append(Line("", BLANK))
            continue
        printable = stripped.isprintable()
        if not printable:
            fixed = strip_controls(stripped)
            if fixed is not stripped:  # (the same object when there was nothing to remove)
                removed = True
                stripped = clean(fixed)
                if not stripped:
                    continue
                printable = stripped.isprintable()
        image = _IMAGE.match(stripped) if stripped[0] == "!" else None
        if image:
            if image["alt"].strip():
                out.append(Line(clean(image["alt"]), CAPTION))
            pending_bullet = False
            continue
        rest = bullet_body(stripped)
        if rest is not None:
            rest = rest if printable and "  " not in rest else clean(rest)
            if not rest:
                pending_bullet = True
                continue
            out.append(Line(rest, BULLET))
        else:
            line = stripped if printable and "  " not in stripped else clean(stripped)
            out.append(Line(line, BULLET if pending_bullet else TEXT))
        pending_bullet = False
    return out, removed
