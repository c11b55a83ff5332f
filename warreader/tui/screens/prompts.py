"""The reader's questions, each a dialog built from what the reader knows: go to a day, add a tag, set a
flag of one's own, pick a storyline's theme, pick a day-list view, pick the place or person to follow.
(The dialogs themselves are in dialogs.py, imported on first use: no dialog is part of the first screen;
this module only fills them and reads their answers.)"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from warreader.store import DaySummary, EventRef
from warreader.tui.facts import ThreadSubject
from warreader.tui.navigation import resolve_goto
from warreader.tui.text import theme_colour, theme_label

if TYPE_CHECKING:
    from warreader.tui.screens.dialogs import ChoiceDialog, PromptDialog


def goto_day(days: Sequence[DaySummary]) -> PromptDialog:
    """Asks for a day number or a date; refuses one that is not in the library, saying why."""
    from warreader.tui.screens.dialogs import PromptDialog

    def check(text: str) -> str | None:
        return resolve_goto(text, days)[1] or None

    return PromptDialog(
        "Go to day", placeholder="981, 2024-11-02 or Nov 2 2024", check=check, id="goto-dialog"
    )


def goto_target(answer: str | None, days: Sequence[DaySummary]) -> int | None:
    """The day `goto_day`'s answer names, or None."""
    return resolve_goto(answer, days)[0] if answer else None


def add_tag(tags: Sequence[str]) -> PromptDialog:
    """Asks for a tag, completing the library's existing tags."""
    from warreader.tui.screens.dialogs import PromptDialog

    return PromptDialog("Add a tag", placeholder="tag", suggestions=tags, id="tag-dialog")


def add_flag(own_flags: Sequence[str]) -> PromptDialog:
    """Asks for a flag of the user's own (e.g. geolocate)."""
    from warreader.tui.screens.dialogs import PromptDialog

    return PromptDialog("Set a flag", placeholder="e.g. geolocate", suggestions=own_flags, id="flag-dialog")


def storyline_theme(day_events: Iterable[EventRef], selected: EventRef | None) -> ChoiceDialog:
    """Asks which theme to follow: the bundled table's and the open day's own, the selected event's first."""
    from warreader.themes import known_themes
    from warreader.tui.screens.dialogs import ChoiceDialog

    themes = list(known_themes())
    for ref in day_events:
        if ref.theme not in themes:
            themes.append(ref.theme)
    choices: list[tuple[str, Text | str]] = []
    for theme in themes:
        label = Text("█ ", style=theme_colour(theme))
        label.append(theme_label(theme))
        label.append(f"  {theme}", style="dim")
        choices.append((theme, label))
    current = selected.theme if selected is not None else None
    return ChoiceDialog("Storyline: which theme?", choices, current=current, id="theme-dialog")


def thread_subject(subjects: Sequence[ThreadSubject]) -> ChoiceDialog:
    """Asks which of an event's places and people to follow across days (answers the index, as text)."""
    from warreader.tui.screens.dialogs import ChoiceDialog

    choices: list[tuple[str, Text | str]] = []
    for number, subject in enumerate(subjects):
        label = Text("⌖ " if subject.place is not None else "☺ ", style="cyan")
        label.append_text(subject.label())
        choices.append((str(number), label))
    return ChoiceDialog("Thread: which place or person?", choices, id="thread-dialog")
