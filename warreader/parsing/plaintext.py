"""Plain text (pasted from a page, copied by an aggregator): lines and bullet markers only."""

from __future__ import annotations

import re

from warreader.parsing.lines import BLANK, BULLET, CAPTION, TEXT, Line, clean

# Bullet markers seen in the wild: • · ▪ - * – — followed by space, or alone on their line.
# A Markdown image left in copied text, possibly cut off: "![alt text](/wp-content/…" or "![alt text".
_IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)(?:\]\(.*)?$")
_BULLET = re.compile(r"^\s*(?:[•·▪●◦‣]|[-*–—](?=\s|$))\s*")


def plain_lines(text: str) -> list[Line]:
    """Plain text → Lines: bullet markers are recognised (including a lone marker with the item on the
    next line); everything else stays TEXT for the core to classify."""
    out: list[Line] = []
    pending_bullet = False  # a lone "-" or "•": its text is on the next non-blank line
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            if not pending_bullet and (not out or out[-1].kind != BLANK):
                out.append(Line("", BLANK))
            continue
        image = _IMAGE.match(stripped)
        if image:
            if image["alt"].strip():
                out.append(Line(clean(image["alt"]), CAPTION))
            pending_bullet = False
            continue
        match = _BULLET.match(stripped)
        if match:
            rest = clean(stripped[match.end() :])
            if not rest:
                pending_bullet = True
                continue
            out.append(Line(rest, BULLET))
        else:
            out.append(Line(clean(stripped), BULLET if pending_bullet else TEXT))
        pending_bullet = False
    return out
