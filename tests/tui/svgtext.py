"""Read the characters back out of a Textual SVG screenshot (rows by y, cells by x)."""

from __future__ import annotations

import html
import re

_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)" textLength="[\d.]+" clip-path="[^"]*">(.*?)</text>'
)


def svg_to_text(svg: str) -> str:
    """The screen as lines of text, as a user would read it."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for match in _TEXT.finditer(svg):
        x, y, text = float(match.group(1)), float(match.group(2)), html.unescape(match.group(3))
        rows.setdefault(y, []).append((x, text))
    lines = []
    for y in sorted(rows):
        line = ""
        for x, text in sorted(rows[y]):
            line = line.ljust(int(round(x / 12.2))) + text
        lines.append(line.replace("\xa0", " ").rstrip())
    return "\n".join(lines)
