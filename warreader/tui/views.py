"""The day-list pane's views (all days, flagged, tagged with X, with notes, orphaned notes) and how
their rows look. Pure functions over the store's records: the screen decides when to call them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text

from warreader.tui.text import clean, format_date

#: `v` cycles through these kinds; "tagged" uses the last chosen tag (else the most used one).
VIEW_KINDS = ("all", "flagged", "tagged", "notes", "orphans")


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


def day_row(summary: Any) -> Text:
    """` 987 Fri 08 Nov 24  23 ⚑●`: day, date with weekday, events, markers for flags and notes."""
    text = Text()
    text.append(f"{summary.day:>4} ", style="bold")
    date = summary.date.strftime("%a %d %b %y") if summary.date else "no date     "
    text.append(f"{date} ", style="dim" if summary.date is None else "")
    text.append(f"{summary.events:>3}", style="dim")
    text.append(" ")
    text.append("⚑" if summary.flagged else " ", style="bold red")
    text.append("●" if summary.annotated else " ", style="green")
    return text


def annotation_row(annotation: Any) -> Text:
    """`987 ⚑✎ Russian forces have…`: one annotated event (or orphan) in a filtered view."""
    text = Text()
    day = annotation.day if annotation.day is not None else "?"
    text.append(f"{day:>4} ", style="bold")
    text.append("⚑" if annotation.flags else " ", style="bold red")
    text.append("✎" if (annotation.note or "").strip() else " ", style="green")
    text.append(" ")
    if annotation.orphan:
        text.append("orphan ", style="bold red")
    text.append(clean(annotation.quote))
    return text


def filter_annotations(annotations: Sequence[Any], view: ViewSpec) -> list[Any]:
    """The annotations a filtered view lists, newest day first."""
    if view.kind == "orphans":
        chosen = [a for a in annotations if a.orphan]
    else:
        live = [a for a in annotations if not a.orphan]
        if view.kind == "flagged":
            chosen = [a for a in live if a.flags]
        elif view.kind == "notes":
            chosen = [a for a in live if (a.note or "").strip()]
        elif view.kind == "tagged":
            key = (view.tag or "").casefold()
            chosen = [a for a in live if any(t.casefold() == key for t in a.tags)]
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
        for flag in ("important", "verify", "follow-up", *own_flags):
            if flag.casefold() not in {f.casefold() for f in flags}:
                flags.append(flag)
        prefill["flags"] = flags
    if storyline_theme:
        prefill["themes"] = [storyline_theme]
    return prefill


def describe_day(summary: Any) -> Text:
    """The viewer's header: `Day 987 · Fri 08 Nov 2024 · 23 events, 4 sections` (fits 80 columns)."""
    text = Text()
    text.append(f"Day {summary.day}", style="bold")
    text.append(" · ")
    text.append(format_date(summary.date), style="bold")
    text.append(f" · {summary.events} events, {summary.sections} sections", style="dim")
    return text
