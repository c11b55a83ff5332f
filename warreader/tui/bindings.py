"""Every key of the reader in one place: ids (for remapping), descriptions, tooltips and help groups.

Users remap keys in settings.json, e.g. `"keymap": {"next-event": "j,down,ctrl+n"}`; the app passes that to
Textual's `App.set_keymap`, which matches on these ids. The widgets and dialogs take their `BINDINGS` from
here, and the help screen (`?`/F1, each key with its id), the command palette and the key bar are
generated from these lists, so nothing can be bound but undocumented.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from textual.binding import Binding
from textual.keys import key_to_character


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
            _b("j,down", "move('next')", "Next event", "next-event", "Next event, crossing sections"),
            _b(
                "k,up",
                "move('previous')",
                "Previous event",
                "previous-event",
                "Previous event, crossing sections",
            ),
            _b(
                "right_curly_bracket",
                "move('next-section')",
                "Next section",
                "next-section",
                "First event of the next section",
            ),
            _b(
                "left_curly_bracket",
                "move('previous-section')",
                "Previous section",
                "previous-section",
                "First event of this section, or of the previous one",
            ),
            _b("g", "move('first')", "First event", "first-event", "First event of the day"),
            _b("G", "move('last')", "Last event", "last-event", "Last event of the day"),
            _b(
                "left_square_bracket",
                "step_day(-1)",
                "Previous day",
                "previous-day",
                "The day before (older)",
            ),
            _b(
                "right_square_bracket",
                "step_day(1)",
                "Next day",
                "next-day",
                "The day after (newer)",
            ),
            _b(
                "ctrl+g",
                "goto_day",
                "Go to day",
                "goto-day",
                "Go to a day by number or date (981, 2024-11-02)",
            ),
            _b(
                "tab",
                "app.focus_next",
                "Next pane",
                "next-pane",
                "Focus the next pane (day list → events → tags → flags → note); opens a collapsed panel",
            ),
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
                "u",
                "undo",
                "Undo",
                "undo",
                "Undo the last change made in the reader (a bulk change in one step)",
            ),
            _b("ctrl+r", "undo(True)", "Redo", "redo", "Redo the last change undone in the reader"),
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
            _b("n", "open_result(1)", "Next result", "next-result", "Open the next search result in its day"),
            _b(
                "N",
                "open_result(-1)",
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
            _b(
                "p",
                "thread",
                "Thread",
                "thread",
                "Every event naming a place or person of the selected event, across days, newest first",
            ),
            _b(
                "escape",
                "back",
                "Back",
                "back",
                "Leave the note (it is saved); back to the events from the day list or the panel; back to "
                "the day from search, the storyline, a thread or the figures",
            ),
        ],
    ),
    (
        "Views",
        [
            _b(
                "v",
                "choose_view",
                "Views",
                "choose-view",
                "List the views with their counts: all days, flagged, tagged with X, with notes, orphaned "
                "notes, and your saved views (a saved view lists its results in the search)",
                show=True,
            ),
            _b(
                "V",
                "cycle_view",
                "Next view",
                "cycle-view",
                "Cycle the day-list view: all days, flagged, tagged, with notes, orphaned notes",
            ),
            _b(
                "P",
                "figures",
                "Figures…",
                "figures",
                "Plot one kind of figure per week or month, for all places or one oblast",
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

# A day's several bulletins (one per outlet) and their copies.
READER_GROUPS.append(
    (
        "Bulletins",
        [
            _b(
                "b",
                "step_bulletin(1)",
                "Next bulletin",
                "next-bulletin",
                "The open day's next bulletin (another outlet's), round the day's bulletins",
            ),
            _b(
                "B",
                "step_bulletin(-1)",
                "Previous bulletin",
                "previous-bulletin",
                "The open day's previous bulletin",
            ),
            _b(
                "o",
                "open_source",
                "Open source",
                "open-source",
                "Open the bulletin's web page in the browser (or show the file it was imported from)",
            ),
            _b(
                "O",
                "choose_copy",
                "Copies…",
                "choose-copy",
                "The bulletin's copies (sites, files, spun versions): pick the one to read, or automatic",
            ),
        ],
    )
)

#: The reader screen's bindings, as documented (one per id).
READER_BINDINGS: list[Binding] = [b for _, group in READER_GROUPS for b in group]

#: Keys the lists need for themselves (and `p`, which pins a tag in the panel's tags list): the screen's
#: binding for them waits its turn.
_LIST_KEYS = {"down", "up", "p"}


def _waits(key: str) -> bool:
    """Whether a screen binding of `key` must wait its turn (not be a priority binding): the lists' keys,
    and character keys whose character Textual cannot tell (`slash`): a text field keeps only the keys
    whose character it knows, so such a priority binding would fire while typing."""
    return key in _LIST_KEYS or (key_to_character(key) is None and "+" not in key)


def _as_arriving(binding: Binding) -> list[Binding]:
    """`binding` split into a priority binding for its keys and an ordinary one for `_LIST_KEYS`.

    Why priority: Textual hands a key to the focused widget at once, but runs an ordinary binding only
    after the key has come back up through every container. Keys arriving in one burst (a paste, a slow
    link) are all handed on before the first one's binding runs, so after `a` (focus the note) an `x` went
    to the event list, not to the note. A priority binding runs as its key arrives, in order. A text
    field still types these keys: Textual drops bindings of keys a focused Input or TextArea consumes
    (`_waits` keeps out the keys where it cannot tell).
    """
    keys = [k.strip() for k in binding.key.split(",") if k.strip()]
    arriving = [k for k in keys if not _waits(k)]
    waiting = [k for k in keys if _waits(k)]
    split = []
    for group, priority in ((arriving, True), (waiting, False)):
        if group:
            split.append(replace(binding, key=",".join(group), priority=priority))
    return split


#: What the reader screen binds: `READER_BINDINGS`, each key matched as it arrives (see `_as_arriving`).
SCREEN_BINDINGS: list[Binding] = [split for b in READER_BINDINGS for split in _as_arriving(b)]

#: App-wide bindings (active on every screen).
APP_BINDINGS: list[Binding] = [
    _b("q", "quit", "Quit", "quit", "Save and quit", show=True),
    _b("question_mark,f1", "help", "Keys", "help", "List every key", show=True),
]

#: The lists' own keys (days, events, results, storyline): bound on `CursorList`.
LIST_BINDINGS: list[Binding] = [
    _b("down", "move('next')", "Down", "list-down", "Next row of the focused list"),
    _b("up", "move('previous')", "Up", "list-up", "Previous row of the focused list"),
    _b("home", "move('first')", "First row", "list-first", "First row of the focused list"),
    _b("end", "move('last')", "Last row", "list-last", "Last row of the focused list"),
    _b("pagedown", "page(1)", "Page down", "list-page-down", "One screen down in the focused list"),
    _b("pageup", "page(-1)", "Page up", "list-page-up", "One screen up in the focused list"),
    _b("enter", "select", "Open", "list-select", "Open the highlighted row (a day, a result, an event)"),
]

#: Lists of results (search, a thread): marking rows for a bulk action.
MARK_BINDINGS: list[Binding] = [
    _b("space", "toggle_mark", "Mark", "mark-row", "Mark or unmark the highlighted result and move on"),
    _b(
        "asterisk",
        "mark_all",
        "Mark all",
        "mark-all",
        "Mark every result listed, or none; then t, f, F or 1–9 act on all the marked ones",
    ),
]

#: The tagging panel's tags list.
TAG_LIST_BINDINGS: list[Binding] = [
    _b("x,delete,backspace", "remove", "Remove tag", "panel-remove-tag", "Remove the highlighted tag"),
    _b("p", "pin", "Pin tag", "panel-pin-tag", "Pin or unpin the highlighted tag to a number key (1–9)"),
]

#: The tagging panel's flags list.
FLAG_LIST_BINDINGS: list[Binding] = [
    _b("space,enter", "toggle_flag", "Toggle flag", "panel-toggle-flag", "Set or clear the highlighted flag"),
]

#: The search field.
SEARCH_FIELD_BINDINGS: list[Binding] = [
    # Priority: matched as the key arrives, not after it has gone round the DOM (see SearchInput).
    _b("enter", "submit", "Search", "search-submit", "Run the search and move to the results", priority=True),
    _b(
        "ctrl+s",
        "save_view",
        "Save view",
        "search-save-view",
        "Save the query as a view, under a name (v lists it with its count)",
        priority=True,
    ),
]

#: The tags dialog (`ctrl+p` → Tags…).
TAGS_DIALOG_BINDINGS: list[Binding] = [
    _b("escape", "cancel", "Close", "tags-close", "Close the tags dialog"),
    _b(
        "r",
        "rename",
        "Rename",
        "tags-rename",
        "Rename the highlighted tag on every event (merges into an existing one)",
    ),
    _b(
        "x,delete",
        "remove",
        "Remove",
        "tags-remove",
        "Remove the highlighted tag from every event (asked first)",
    ),
]

#: The views dialog (`v`).
VIEWS_DIALOG_BINDINGS: list[Binding] = [
    _b("delete", "remove_view", "Remove", "views-remove", "Remove the highlighted saved view", priority=True),
]

#: Every dialog: Enter does what the dialog is for, Escape backs out.
DIALOG_BINDINGS: list[Binding] = [
    _b("escape", "cancel", "Cancel", "dialog-cancel", "Close the dialog without doing anything"),
]

#: The choice lists (storyline theme, day-list view): arrows move while typing filters.
CHOICE_BINDINGS: list[Binding] = [
    *DIALOG_BINDINGS,
    _b("down", "move(1)", "Down", "choice-down", "Next choice (while typing in the filter)"),
    _b("up", "move(-1)", "Up", "choice-up", "Previous choice (while typing in the filter)"),
]

#: The yes/no question (e.g. overwrite a file).
CONFIRM_BINDINGS: list[Binding] = [
    _b("y", "answer(True)", "Yes", "confirm-yes", "Answer yes"),
    _b("n,escape", "answer(False)", "No", "confirm-no", "Answer no"),
]

#: The export dialog.
EXPORT_BINDINGS: list[Binding] = [
    _b("escape", "cancel", "Cancel", "export-cancel", "Close without exporting"),
    _b("ctrl+s", "export", "Export", "export-run", "Export with these settings (Enter does too)"),
]

#: The figures view. Priority: the list of events under the plot would take the arrows for scrolling.
FIGURES_BINDINGS: list[Binding] = [
    _b("left,h", "bar(-1)", "Previous bar", "figures-previous-bar", "The bar before (older)", priority=True),
    _b("right,l", "bar(1)", "Next bar", "figures-next-bar", "The bar after (newer)", priority=True),
    _b("c", "kind(1)", "Next kind", "figures-next-kind", "Plot the next kind of figure", priority=True),
    _b("C", "kind(-1)", "Previous kind", "figures-previous-kind", "Plot the previous kind", priority=True),
    _b("w", "toggle_period", "Week/month", "figures-period", "Totals per week or per month", priority=True),
    _b("r", "choose_oblast", "Oblast", "figures-oblast", "All places or one oblast (region)", priority=True),
]

#: The help screen.
HELP_BINDINGS: list[Binding] = [
    _b("escape,q,question_mark,f1", "dismiss", "Close", "help-close", "Close the help"),
]

#: Keys bound on widgets and dialogs, by where they work, for the help screen.
WIDGET_GROUPS: list[tuple[str, list[Binding]]] = [
    ("Lists", LIST_BINDINGS),
    ("Results (search, thread)", MARK_BINDINGS),
    ("Tagging panel", [*TAG_LIST_BINDINGS, *FLAG_LIST_BINDINGS]),
    ("Search field", SEARCH_FIELD_BINDINGS),
    ("Figures view", FIGURES_BINDINGS),
    (
        "Dialogs",
        [
            *DIALOG_BINDINGS,
            *CHOICE_BINDINGS[1:],
            *VIEWS_DIALOG_BINDINGS,
            *TAGS_DIALOG_BINDINGS,
            *CONFIRM_BINDINGS,
            *EXPORT_BINDINGS,
        ],
    ),
    ("Help", HELP_BINDINGS),
]


def all_bindings() -> list[Binding]:
    """Every binding of the reader, each once."""
    groups = [*READER_GROUPS, ("App", APP_BINDINGS), *WIDGET_GROUPS]
    seen: dict[str, Binding] = {}
    for _, bindings in groups:
        for binding in bindings:
            seen.setdefault(binding.id or binding.key, binding)
    return list(seen.values())


def all_binding_ids() -> set[str]:
    """Every id a keymap can name."""
    return {b.id for b in all_bindings() if b.id}


#: The user's remaps (binding id → keys), as the app passed them to Textual's `App.set_keymap`.
_keymap: dict[str, str] = {}


def use_keymap(keymap: Mapping[str, str]) -> None:
    """Remember the user's remaps, so the key bars and the help show the keys as remapped."""
    _keymap.clear()
    _keymap.update(keymap)


def keys_of(binding_id: str) -> str:
    """The keys bound to `binding_id` now (`j,down`): the user's remap, else the default. A name that is
    not a binding id (`escape`) is returned as it is."""
    binding = BY_ID.get(binding_id)
    default = binding.key if binding is not None else binding_id
    return _keymap.get(binding_id, default)


def first_key(binding_id: str) -> str:
    """The first of `keys_of(binding_id)`, the one a key bar shows."""
    return keys_of(binding_id).split(",")[0].strip()


#: binding id → binding.
BY_ID: dict[str, Binding] = {b.id: b for b in all_bindings() if b.id}
