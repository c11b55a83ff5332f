"""Markdown export: a readable brief, newest day first, grouped by theme; renders in Obsidian and on GitHub.

Bulletin and user text is data, never markup: control characters (ESC, C1, bidi overrides) are removed
from the whole brief, every character that Markdown (CommonMark + GFM) or Obsidian would act on is
backslash-escaped, and line-start markers (`#`, `>`, `-`, `+`, `1.`) cannot start
a heading, quote or list. Multi-line notes keep their line breaks with Markdown hard breaks (two trailing
spaces), which both GitHub and Obsidian honour, and their leading indentation with no-break spaces (four
ordinary spaces inside a quote would turn the rest into a code block).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import PurePath

from warreader.controls import strip_controls
from warreader.export.records import ExportData, ExportEvent, ExportFilters
from warreader.themes import theme_label

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# Characters with a meaning somewhere in CommonMark, GFM or Obsidian: emphasis, code, links and wiki
# links, raw HTML, tables, strikethrough, math ($), highlights (==), tags (#).
_ACTIVE = re.compile(r"([\\`*_\[\]<>|~$=#])")
_ENTITY = re.compile(r"&(?=#?\w+;)")  # "&amp;" would render as "&"; a lone "&" is harmless
_OBSIDIAN_COMMENT = re.compile(r"%%")
_LIST_START = re.compile(r"^([-+])")  # also "---", a thematic break or setext underline
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_LEADING_SPACE = re.compile(r"^[ \t]+")
_NBSP = "\u00a0"
# Most text needs no escaping at all; one search decides, so a 2,000-note export skips five substitutions.
_NEEDS_ESCAPE = re.compile(r"[\\`*_\[\]<>|~$=#&%]|^[-+\d \t]")
_HARD_BREAK = "  "
_TAG_JUNK = re.compile(r"[^\w/-]+", re.UNICODE)


def english_date(date: dt.date) -> str:
    """`Friday, 8 November 2024`, the same whatever the machine's locale (strftime would follow it)."""
    return f"{_WEEKDAYS[date.weekday()]}, {date.day} {_MONTHS[date.month - 1]} {date.year}"


def escape(text: str) -> str:
    """One line of user or bulletin text made inert: it renders as the characters it holds."""
    if not _NEEDS_ESCAPE.search(text):
        return text
    indent = _LEADING_SPACE.match(text)
    if indent:
        # Leading blanks would make an indented code block (4+) or vanish: keep them as no-break spaces,
        # and escape what follows them as a line start, since it still is one for a reader.
        text = text[indent.end() :]
    text = _ACTIVE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _OBSIDIAN_COMMENT.sub(r"\\%\\%", text)
    text = _LIST_START.sub(r"\\\1", text)
    text = _ORDERED_START.sub(r"\1\\\2", text)
    if indent:
        text = indent.group(0).replace("\t", "    ").replace(" ", _NBSP) + text
    return text


def paragraphs(text: str) -> list[str]:
    """Multi-line text as Markdown lines: paragraphs stay apart, single line breaks become hard breaks."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n").split("\n")
    out: list[str] = []
    for index, line in enumerate(lines):
        line = line.rstrip()
        if not line:
            if out and out[-1] != "":
                out.append("")
            continue
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        out.append(escape(line) + (_HARD_BREAK if following else ""))
    return out


def obsidian_tag(tag: str) -> str:
    """`#tag` that Obsidian (and a reader) sees as one tag: blanks become hyphens, other punctuation
    goes, and an all-digit tag gets a leading underscore because Obsidian ignores numeric-only tags."""
    slug = _TAG_JUNK.sub("-", "-".join(tag.split())).strip("-")
    if not slug:
        return ""
    if slug.isdigit():
        slug = "_" + slug
    return "#" + slug


def code_span(text: str) -> str:
    """`text` as an inline code span, whatever backticks it holds (a longer fence wraps them)."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def describe_filters(filters: ExportFilters) -> str:
    """The header's plain-words summary of the filters."""
    parts = []
    for label, values in (("tag", filters.tags), ("flag", filters.flags), ("theme", filters.themes)):
        if values:
            parts.append(f"{label} " + " or ".join(code_span(v) for v in values))
    for label, bound in (("since", filters.since), ("until", filters.until)):
        if isinstance(bound, dt.date):
            parts.append(f"{label} {bound.isoformat()}")
        elif bound is not None:
            parts.append(f"{label} day {bound}")
    return "; ".join(parts) if parts else "none"


def _default_label(key: str) -> str:
    """The theme's display label from the theme table; an odd key must never break an export."""
    try:
        return theme_label(key)
    except Exception:  # a label is cosmetic: fall back to a readable form of the key
        return key.replace("-", " ").capitalize()


def render_markdown(data: ExportData, theme_label: Callable[[str], str] | None = None) -> str:
    """The whole brief as one string ending in a newline."""
    label = theme_label or _default_label
    out: list[str] = ["# warreader notes", ""]
    if data.filters.all_events:
        what = "every event (with its notes) and day notes"
    else:
        what = "annotated events and day notes"
    n_days = len({e.day for e in data.events})
    out.append(f"- Exported: {data.exported_at.strftime('%Y-%m-%d %H:%M')} UTC")
    out.append(
        f"- Contents: {what}: {_count(len(data.events), 'event')} on {_count(n_days, 'day')}, "
        f"{_count(len(data.days), 'day note')}"
    )
    out.append(f"- Filters: {describe_filters(data.filters)}")
    out.append("")

    notes = {d.day: d for d in data.days}
    events_by_day: dict[int, list[ExportEvent]] = {}
    for event in data.events:
        events_by_day.setdefault(event.day, []).append(event)
    dates = {d.day: d.date for d in data.days} | {e.day: e.date for e in data.events}
    if not dates:
        out += ["*Nothing matched.*", ""]
    for day in sorted(dates, reverse=True):
        date = dates[day]
        out += [f"## Day {day} · {english_date(date)}" if date else f"## Day {day}", ""]
        if day in notes:
            out += ["**Day note:**" + _HARD_BREAK, *paragraphs(notes[day].note), ""]
        by_theme: dict[str, list[ExportEvent]] = {}
        for event in events_by_day.get(day, []):
            by_theme.setdefault(event.theme, []).append(event)
        for theme, events in by_theme.items():
            out += [f"### {escape(label(theme))}", ""]
            for event in events:
                out += [*_quote(_event_lines(event)), ""]
    # The last guard: whatever reached the library, no control character (ESC, C1, a bidi override)
    # leaves in the brief, where it would drive the terminal it is printed on or reorder its text.
    return strip_controls("\n".join(out).rstrip("\n") + "\n")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _event_lines(event: ExportEvent) -> list[str]:
    """One event's block, before it is quoted."""
    lines = paragraphs(event.text) or [""]
    if event.orphan:
        lines += [
            "",
            "*Orphaned: this event is no longer in the library; the text above is the quote "
            "the note was anchored to.*",
        ]
    tags = " ".join(t for t in (obsidian_tag(tag) for tag in event.tags) if t)
    if tags:
        lines += ["", tags]
    if event.flags:
        lines += ["", "**Flags:** " + " · ".join(escape(f) for f in event.flags)]
    if event.note and event.note.strip():
        lines += ["", "**Note:**" + _HARD_BREAK, *paragraphs(event.note)]
    # The outlet, unless it is only the source file's own name.
    named = event.outlet and event.outlet != PurePath(event.source).name
    where = [escape(event.outlet)] if named else []
    if event.source:
        where.append(f"source {code_span(event.source)}")
    where.append(f"id {code_span(event.id)}")
    lines += ["", "— " + " · ".join(where)]
    return lines


def _quote(lines: list[str]) -> list[str]:
    """Lines as one blockquote (an empty line stays inside the quote as a bare `>`)."""
    return [f"> {line}" if line else ">" for line in lines]
