"""Every key of the reader in one place: ids (for remapping), descriptions, tooltips and help groups.

Users remap keys in settings.json, e.g. `"keymap": {"next-event": "j,down,ctrl+n"}`; the app passes that to
Textual's `App.set_keymap`, which matches on these ids. The help screen (`?`/F1) and the command palette
are generated from these lists, so nothing can be bound but undocumented.
"""

from __future__ import annotations

from textual.binding import Binding


def _b(
    key: str,
    action: str,
    description: str,
    id: str,
    tooltip: str,
    *,
    show: bool = False,
    priority: bool = False,
) -> Binding:
    return Binding(key, action, description, show=show, id=id, tooltip=tooltip, priority=priority)


#: (help group, bindings) in the order the help screen lists them.
READER_GROUPS: list[tuple[str, list[Binding]]] = [
    (
        "Move",
        [
            _b("j,down", "next_event", "Next event", "next-event", "Next event, crossing sections"),
            _b(
                "k,up",
                "previous_event",
                "Previous event",
                "previous-event",
                "Previous event, crossing sections",
            ),
            _b(
                "right_curly_bracket",
                "next_section",
                "Next section",
                "next-section",
                "First event of the next section",
            ),
            _b(
                "left_curly_bracket",
                "previous_section",
                "Previous section",
                "previous-section",
                "First event of this section, or of the previous one",
            ),
            _b("g", "first_event", "First event", "first-event", "First event of the day"),
            _b("G", "last_event", "Last event", "last-event", "Last event of the day"),
            # Priority: matched as the key arrives, before it is handed to the focused widget and bubbles
            # back up through every container (about a millisecond of a day switch). A text field still
            # types the bracket: Textual drops bindings of keys that a focused Input or TextArea consumes.
            _b(
                "left_square_bracket",
                "previous_day",
                "Previous day",
                "previous-day",
                "The day before (older)",
                priority=True,
            ),
            _b(
                "right_square_bracket",
                "next_day",
                "Next day",
                "next-day",
                "The day after (newer)",
                priority=True,
            ),
            _b(
                "ctrl+g",
                "goto_day",
                "Go to day",
                "goto-day",
                "Go to a day by number or date (981, 2024-11-02)",
            ),
            _b("tab", "app.focus_next", "Next pane", "next-pane", "Focus the next pane"),
            _b(
                "shift+tab", "app.focus_previous", "Previous pane", "previous-pane", "Focus the previous pane"
            ),
        ],
    ),
    (
        "Annotate",
        [
            _b("t", "add_tag", "Tag", "add-tag", "Add a tag to the selected event", show=True),
            *[
                _b(
                    str(n),
                    f"toggle_pinned({n})",
                    f"Pinned tag {n}",
                    f"pinned-tag-{n}",
                    f"Toggle the tag pinned to {n} on the selected event",
                )
                for n in range(1, 10)
            ],
            _b(
                "f",
                "toggle_important",
                "Important",
                "toggle-important",
                "Flag or unflag the selected event as important",
                show=True,
            ),
            _b("F", "add_flag", "Custom flag", "add-flag", "Set a flag of your own on the selected event"),
            _b(
                "a",
                "edit_note",
                "Note",
                "edit-note",
                "Edit the selected event's note (saves as you type)",
                show=True,
            ),
            _b(
                "D",
                "edit_day_note",
                "Day note",
                "edit-day-note",
                "Edit the open day's own note (saves as you type)",
            ),
        ],
    ),
    (
        "Find",
        [
            _b("slash", "search", "Search", "search", "Search every day", show=True),
            _b("n", "next_result", "Next result", "next-result", "Open the next search result in its day"),
            _b(
                "N",
                "previous_result",
                "Previous result",
                "previous-result",
                "Open the previous search result",
            ),
            _b(
                "T",
                "storyline",
                "Storyline",
                "storyline",
                "One theme's events across all days, in order",
                show=True,
            ),
            _b("escape", "back", "Back", "back", "Back to the day from search or the storyline"),
        ],
    ),
    (
        "Views",
        [
            _b(
                "v",
                "cycle_view",
                "Next view",
                "cycle-view",
                "Cycle the day-list view: all days, flagged, tagged, with notes, orphaned notes",
            ),
            _b(
                "V", "choose_view", "Choose view", "choose-view", "Choose a day-list view, e.g. tagged with X"
            ),
            _b(
                "e",
                "export",
                "Export",
                "export",
                "Export notes (Markdown, JSON or CSV) from the current view",
            ),
            _b(
                "L", "app.toggle_dark", "Light/dark", "toggle-dark", "Switch between the light and dark theme"
            ),
        ],
    ),
]

#: The reader screen's bindings, flattened.
READER_BINDINGS: list[Binding] = [b for _, group in READER_GROUPS for b in group]

#: App-wide bindings (active on every screen).
APP_BINDINGS: list[Binding] = [
    _b("q", "quit", "Quit", "quit", "Save and quit", show=True),
    _b("question_mark,f1", "help", "Keys", "help", "List every key", show=True),
]

#: Keys of the tagging panel's parts and lists (bound on the widgets themselves): keys, name, what it does.
PANEL_KEYS: list[tuple[str, str, str]] = [
    ("x, Delete", "Remove tag", "Remove the highlighted tag (tags list)"),
    ("p", "Pin tag", "Pin or unpin the highlighted tag to a number key (tags list)"),
    ("Space, Enter", "Toggle flag", "Set or clear the highlighted flag (flags list)"),
    ("Escape", "Leave note", "Leave the note editor (the note is already saved)"),
    ("↑, ↓, Enter", "Day list", "Move through the day list; Enter opens"),
    ("^p", "Palette", "Command palette: every action by name"),
]


def all_binding_ids() -> set[str]:
    """Every id a keymap can name."""
    return {b.id for b in (*READER_BINDINGS, *APP_BINDINGS) if b.id}
