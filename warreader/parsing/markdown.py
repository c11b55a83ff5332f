"""Markdown notes and exports: `#` headings, `**Heading**` lines, `-`/`*` bullets, `![alt](…)` images."""

from __future__ import annotations

import re

from warreader.parsing.lines import BLANK, BULLET, CAPTION, HEADING, TEXT, TITLE, Line, clean

_ATX_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)([^*_]+?)(?:\*\*|__)\s*(:?)\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
# An image; copies cut off mid-image ("![alt text](/wp-con" or "![alt text") still count.
_IMAGE = re.compile(r"!\[([^\]]*)(?:\]\([^)]*\)?|\]|$)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|(?<![\w*])\*(?!\s)|(?<!\w)_(?!\s))")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")


def _inline(text: str) -> str:
    """Links → their text, emphasis markers dropped."""
    text = _LINK.sub(r"\1", text)
    return clean(_EMPHASIS.sub("", text))


def markdown_lines(text: str) -> list[Line]:
    """Markdown → Lines. The first level-1 heading is the title; other headings and bold-only lines are
    section headings; image alt texts are captions; a paragraph's soft-wrapped lines are joined."""
    out: list[Line] = []
    seen_title = False
    for raw in text.split("\n"):
        if not raw.strip() or _RULE.match(raw):
            out.append(Line("", BLANK))
            continue
        # An image's alt text is a caption; the rest of the line (if any) is read normally.
        for alt in _IMAGE.findall(raw):
            if alt.strip():
                out.append(Line(clean(alt), CAPTION))
        raw = _IMAGE.sub("", raw)
        if not raw.strip():
            continue
        if match := _ATX_HEADING.match(raw):
            level, body = len(match.group(1)), _inline(match.group(2))
            kind = TITLE if level == 1 and not seen_title else HEADING
            seen_title = seen_title or kind == TITLE
            out.append(Line(body, kind))
        elif match := _BOLD_LINE.match(raw):
            out.append(Line(clean(match.group(1)), HEADING))
        elif match := _BULLET.match(raw):
            # A numbered item keeps its number, as plain text does: "4. UK says …" may be a numbered
            # headline, which the core keeps as written.
            body = raw.strip() if raw.strip()[:1].isdigit() else raw[match.end() :]
            out.append(Line(_inline(body), BULLET))
        elif raw.startswith((" ", "\t")) and out and out[-1].kind in (BULLET, TEXT):
            out[-1].text = clean(f"{out[-1].text} {_inline(raw)}")  # continuation of a list item
        elif out and out[-1].kind == TEXT and not raw.rstrip().endswith("  "):
            # Markdown joins consecutive lines into one paragraph, but a bulletin paragraph is usually
            # one line: only join when the previous line clearly did not end a sentence.
            prev = out[-1].text
            if prev and prev[-1] not in '.!?:”"’)]':
                out[-1].text = clean(f"{prev} {_inline(raw)}")
            else:
                out.append(Line(_inline(raw), TEXT))
        else:
            out.append(Line(_inline(raw.lstrip("> ")), TEXT))
    return [line for line in out if line.kind == BLANK or line.text]
