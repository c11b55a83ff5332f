"""The day-list pane's views (all days, flagged, tagged with X, with notes, orphaned notes), how its rows
and the day's header look. Pure functions over the store's records: the views decide when to call them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text

from warreader.model import Bulletin
from warreader.store import DEFAULT_FLAGS, Annotation, DaySummary
from warreader.store.records import label_key
from warreader.tui.text import clean, format_date, literal

#: `v` cycles through these kinds; "tagged" uses the last chosen tag (else the most used one).
VIEW_KINDS = ("all", "flagged", "tagged", "notes", "orphans")
#: Under this many columns the day list drops the weekday and the year.
COMPACT_WIDTH = 24


@dataclass(frozen=True)
class ViewSpec:
    """Which rows the day-list pane shows."""

    kind: str = "all"
    tag: str | None = None

    @property
    def title(self) -> str:
        """What the pane's title says."""
        return {
            "all": "All days",
            "flagged": "Flagged events",
            "tagged": f"Tagged #{clean(self.tag or '')}",
            "notes": "Events with notes",
            "orphans": "Orphaned notes",
        }[self.kind]


def day_row(summary: DaySummary, width: int) -> Text:
    """` 987 Fri 08 Nov 24  23 ⚑● 2×` (narrower: ` 987 08 Nov  23⚑●2×`): day, date, events, flag and note
    marks, and how many bulletins (outlets) the day holds when more than one."""
    text = Text()
    text.append(f"{summary.day:>4} ", style="bold")
    compact = width < COMPACT_WIDTH
    if summary.date is not None:
        text.append(summary.date.strftime("%d %b " if compact else "%a %d %b %y "))
    else:
        text.append("no date " if compact else "no date       ", style="dim")
    text.append(f"{summary.events:>3}", style="dim")
    text.append("" if compact else " ")
    text.append("⚑" if summary.flagged else " ", style="bold red")
    text.append("●" if summary.annotated else " ", style="green")
    if summary.bulletins > 1:  # (last: one-bulletin rows look as they always did)
        text.append(f"{'' if compact else ' '}{min(summary.bulletins, 9)}×", style="bold cyan")
    return text


def annotation_row(annotation: Annotation, width: int = 0) -> Text:
    """`987 ⚑✎ Russian forces have…`: one annotated event (or orphan) in a filtered view."""
    text = Text()
    day = annotation.day if annotation.day is not None else "?"
    text.append(f"{day:>4} ", style="bold")
    text.append("⚑" if annotation.flags else " ", style="bold red")
    text.append("✎" if annotation.note.strip() else " ", style="green")
    text.append(" ")
    if annotation.orphan:
        text.append("orphan ", style="bold red")
    text.append(clean(annotation.quote))
    return text


def filter_annotations(annotations: Sequence[Annotation], view: ViewSpec) -> list[Annotation]:
    """The annotations a filtered view lists, newest day first."""
    if view.kind == "orphans":
        chosen = [a for a in annotations if a.orphan]
    else:
        live = [a for a in annotations if not a.orphan]
        if view.kind == "flagged":
            chosen = [a for a in live if a.flags]
        elif view.kind == "notes":
            chosen = [a for a in live if a.note.strip()]
        elif view.kind == "tagged":
            key = label_key(view.tag or "")
            chosen = [a for a in live if any(label_key(t) == key for t in a.tags)]
        else:
            chosen = live
    return sorted(chosen, key=lambda a: (-(a.day or 0), a.event_id))


def export_prefill(
    view: ViewSpec, storyline_theme: str | None, own_flags: Sequence[str] = ()
) -> dict[str, list[str]]:
    """Export dialog filters matching what the user is looking at.

    The "Flagged" view lists events with any flag, so its export names every flag: the built-in ones
    and `own_flags` (the user's own, from settings and from the annotations), each once.
    """
    prefill: dict[str, list[str]] = {"tags": [], "flags": [], "themes": []}
    if view.kind == "tagged" and view.tag:
        prefill["tags"] = [view.tag]
    if view.kind == "flagged":
        flags: list[str] = []
        for flag in (*DEFAULT_FLAGS, *own_flags):
            if label_key(flag) not in {label_key(f) for f in flags}:
                flags.append(flag)
        prefill["flags"] = flags
    if storyline_theme:
        prefill["themes"] = [storyline_theme]
    return prefill


def describe_day(summary: DaySummary) -> Text:
    """`Day 987 · Fri 08 Nov 2024 · 23 events, 4 sections` (fits 80 columns)."""
    text = Text()
    text.append(f"Day {summary.day}", style="bold")
    text.append(" · ")
    text.append(format_date(summary.date), style="bold")
    text.append(f" · {summary.events} events, {summary.sections} sections", style="dim")
    return text


def day_header(
    bulletin: Bulletin,
    summary: DaySummary | None,
    note: str,
    bulletin_line: Text | None = None,
    outlet: str | None = None,
) -> Text:
    """The day view's header: the day and its counts (and the `outlet` of a day's only bulletin); the
    open bulletin's outlet, place among the day's bulletins and warnings (`bulletin_line`, when there is
    one); the day's own note (or how to write one); the bulletin's title. The header shows three lines
    (two, one on a short terminal): the title goes first, then the note, when there is a bulletin line."""
    header = describe_day(summary) if summary is not None else Text(f"Day {bulletin.day}", style="bold")
    if bulletin_line is None and outlet:
        header.append(" · ", style="dim")
        header.append_text(literal(outlet, style="dim"))
    header.append("\n")
    if bulletin_line is not None:
        header.append_text(bulletin_line)
        header.append("\n")
    if note.strip():
        header.append("✎ Day note: ", style="green")
        header.append_text(literal(note))
    else:
        header.append("D writes a note for the whole day", style="dim")
    header.append("\n")
    if bulletin.title:
        header.append_text(literal(bulletin.title, style="italic"))
    header.no_wrap = True
    header.overflow = "ellipsis"
    return header
