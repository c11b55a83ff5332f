"""`WarReaderApp`: the Textual application around `ReaderScreen`.

It owns what is app-wide: the library and settings passed in (never opened here), the theme (remembered
in settings), key remaps (settings' keymap → `App.set_keymap`), the help screen, the command palette's
list of every reader action, and the `WARREADER_EXIT_WHEN_READY` start-up probe for the benchmark.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.markup import escape
from textual.screen import Screen
from textual.theme import Theme

from warreader.errors import WarreaderError
from warreader.settings import Settings
from warreader.store import Library
from warreader.tui.annotator import Annotator
from warreader.tui.bindings import APP_BINDINGS, READER_GROUPS, all_binding_ids, keys_of, use_keymap
from warreader.tui.idle_gc import IdleCollector
from warreader.tui.screens.reader import FirstDayShown, LibraryReloaded, ReaderScreen

if TYPE_CHECKING:
    from warreader.facts.queries import FactsIndex

#: Set to 1 to exit as soon as the first screen shows the newest day (start-up benchmark).
EXIT_WHEN_READY_ENV = "WARREADER_EXIT_WHEN_READY"


class WarReaderApp(App[None]):
    """The reader. Build it with `warreader.tui.make_app(library, settings)`.

    `WARREADER_EXIT_WHEN_READY=1`: the app exits right after the first screen showing the newest day has
    been painted and has settled (`call_after_refresh` from the day's first render, which Textual runs
    once no refresh is pending), so process start → exit measures start-up; exit status 0.

    Without a TTY it still runs and exits the same way: Textual's driver writes its escape sequences to
    stderr (stdout stays empty), reads no keys from a non-terminal stdin, and draws at 80×24 unless
    `COLUMNS`/`LINES` say otherwise. For timings, run it in a pty (as `bench` does) or send stderr to
    /dev/null and set `COLUMNS=120 LINES=40`.
    """

    CSS_PATH = "app.tcss"
    TITLE = "warreader"

    BINDINGS: ClassVar[list[BindingType]] = list(APP_BINDINGS)
    """`q` quits (saving the note being edited first); `?`/F1 lists every key."""

    def __init__(self, library: Library, settings: Settings) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        use_keymap(settings.keymap)
        #: Every change to an annotation goes through it (see `warreader.tui.annotator`).
        self.annotator = Annotator(library, settings, self._report_error, self.save_settings)
        #: True once the first screen with the newest day has been painted.
        self.ready = False
        #: True once the library's search index is built (a search then takes milliseconds).
        self.search_ready = False
        #: The library's figures, places and people, read by the background worker after the search index;
        #: None until then. `_facts_rev`: the bulletins' `_rev` they were read at.
        self.facts: FactsIndex | None = None
        self._facts_rev: str | None = None
        self._exit_when_ready = os.environ.get(EXIT_WHEN_READY_ENV, "") not in ("", "0")
        #: Set by `warreader read`, which pauses the garbage collector until the first screen is painted.
        self.gc_paused_for_start = False
        #: Runs the collector's full collections in pauses, not during keypresses (see `idle_gc`).
        self.idle_collector = IdleCollector()

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.notify(
                f"Unknown theme {self.settings.theme!r} in settings; using the default.", severity="warning"
            )
        # Watch after applying the stored theme, so only the user's own choices are saved.
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.settings.keymap:
            unknown = sorted(set(self.settings.keymap) - all_binding_ids())
            if unknown:
                self.notify(
                    f"Settings keymap: unknown binding id(s) {', '.join(unknown)}; see ? for keys.",
                    severity="warning",
                    timeout=8,
                )
            self.set_keymap(self.settings.keymap)
        for warning in self.settings.warnings:
            self.notify(warning, title="Settings", severity="warning", timeout=10)

    def _report_error(self, title: str, message: str) -> None:
        self.notify(message, title=title, severity="error", timeout=8, markup=False)  # may quote a tag

    def get_default_screen(self) -> Screen:
        """The reader is the default screen (pushing it over Textual's blank one would paint twice)."""
        return ReaderScreen(self.library, self.settings, self.annotator)

    def _readers(self) -> list[ReaderScreen]:
        return [screen for screen in self.screen_stack if isinstance(screen, ReaderScreen)]

    @on(FirstDayShown)
    def first_screen_ready(self) -> None:
        """The first day has been painted."""
        self.ready = True
        if self.gc_paused_for_start:
            # (see `warreader.commands.read`) What start-up built stays: keep it out of every collection.
            # Frozen as it is, garbage included, to answer the first keys at once: the idle collector's
            # first freeze, at the first pause, unfreezes and collects everything before freezing again.
            self.gc_paused_for_start = False
            gc.freeze()
            gc.enable()
        self.idle_collector.started()
        self.set_interval(0.5, self.idle_collector.tick)
        if self._exit_when_ready:
            self.exit()
            return
        for screen in self._readers():
            screen.add_class("-ready")  # shows the panel's tags, flags and note
        # Opened from its summary, the library parses its bulletins now; then the first search would
        # build the index (~0.3 s on 1,500 days): both happen here, off the UI thread, while the user reads.
        self._load_in_background()

    @on(LibraryReloaded)
    def _reloaded(self) -> None:
        # New bulletins mean a new search index: built off the UI thread, not by the next search.
        self.index_in_background()

    def _set_search_ready(self, ready: bool) -> None:
        self.search_ready = ready
        for screen in self._readers():
            screen.search_ready = ready

    @work(thread=True, exclusive=True, group="search-index", description="Loading every day")
    def _load_in_background(self) -> None:
        library = self.library
        try:
            if library.load_bulletins():
                # Day-list markers while deferred counted notes by their day; now they are exact.
                self.call_from_thread(self._library_loaded)
        except WarreaderError as error:
            # The day list and the newest day stay readable; any other day reports the error when opened.
            self.call_from_thread(self.notify, str(error), title="Cannot load the library", severity="error")
            return
        self._index_for_search()
        self._read_facts()

    @work(thread=True, group="search-index", description="Indexing every day for search")
    def index_in_background(self) -> None:
        """(Re)build the search indexes off the UI thread, e.g. after another process changed the library
        (nothing to do when they are current)."""
        self.call_from_thread(self._set_search_ready, False)
        self._index_for_search()
        self._read_facts()

    def _index_for_search(self) -> None:
        library = self.library
        try:
            library.prepare_search()
            self.call_from_thread(self._set_search_ready, True)
            # Then the word index (~0.3 s on 1,500 days): until it is built, a rare word is found by a
            # scan of every day (~5 ms) rather than at once; the results are the same.
            library.prepare_search(words=True)
        except WarreaderError as error:
            # Not fatal: the first search will try again and report its own error.
            self.call_from_thread(self.notify, f"Search index not built: {error}", severity="warning")
        # The library and its indexes stay for the whole session: left to the collector, each full
        # collection would walk them all (~30 ms on 1,500 days: a stalled keypress). Frozen, they are
        # skipped. The idle collector freezes them after its next collection in a pause: frozen without
        # collecting first, the garbage of the moment would be kept for good (thousands of objects a
        # reload). What a reload replaces is freed by reference counting (it holds no cycles).
        self.idle_collector.freeze_after_next_collection()

    def _read_facts(self) -> None:
        """(In the background worker, after the search index.) The library's figures, places and people:
        from facts.json beside the library when it is current (about a second on 1,500 days), else read
        anew, the panel counting the events; nothing to do when the bulletins have not changed since."""
        from warreader.facts.index import bulletins_rev, load_index

        library = self.library

        def progress(done: int, total: int) -> None:
            self.call_from_thread(
                self._show_facts, self.facts, f"reading figures… {done:,} of {total:,} events"
            )

        try:
            # A change the screens have not seen yet is shown first: `load_index` would otherwise pick it up
            # itself, and the reader's once-a-second check would then find nothing new.
            if library.reload_if_changed():
                self.call_from_thread(self._library_changed)
            rev = bulletins_rev(library)
            if self.facts is not None and rev is not None and rev == self._facts_rev:
                return
            self.call_from_thread(self._show_facts, self.facts, "reading figures…")
            index = load_index(library, progress=progress)
            index.facts("")  # builds the event-id lookup here, not on the first move of the cursor
        except Exception as error:  # noqa: BLE001 - derived data: the reader goes on without it, and says so
            self.call_from_thread(self._show_facts, self.facts, f"figures not read: {error}")
            self.call_from_thread(self.notify, str(error), title="Cannot read the figures", severity="error")
            return
        self._facts_rev = rev
        self.call_from_thread(self._show_facts, index, "")
        self.idle_collector.freeze_after_next_collection()  # (see `_index_for_search`)

    def _show_facts(self, index: FactsIndex | None, status: str) -> None:
        self.facts = index
        for screen in self._readers():
            screen.show_facts(index, status)

    def _library_changed(self) -> None:
        for screen in self._readers():
            screen.library_changed()

    def _library_loaded(self) -> None:
        for screen in self._readers():
            screen.day_list.refresh_days()

    # -- settings -----------------------------------------------------------------------------------
    def save_settings(self) -> None:
        """Write settings.json (only ever after the user changed something); failures are shown."""
        try:
            self.settings.save()
        except OSError as error:
            self.notify(
                f"Cannot save settings to {self.settings.path}: {error.strerror or error}",
                severity="error",
                timeout=8,
            )
        else:
            self.settings.warnings = []

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self.settings.theme:
            self.settings.theme = theme.name
            self.save_settings()

    def action_toggle_dark(self) -> None:
        """Switch between Textual's dark and light themes."""
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    # -- screens ------------------------------------------------------------------------------------
    def action_help(self) -> None:
        """Show every key."""
        from warreader.tui.screens.help import HelpScreen  # built on first use: not part of start-up

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        """Save the note being edited, then quit."""
        self._save_pending_note()
        self.exit()

    def _save_pending_note(self) -> None:
        for screen in self._readers():
            screen.save_note()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.idle_collector.input_seen()
        await super().on_event(event)

    def on_unmount(self) -> None:
        # Any other way out (ctrl+c, an exception) still writes the note being typed.
        self._save_pending_note()
        self.idle_collector.stopped()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette: Textual's own commands plus every reader action.

        The palette parses help strings as markup, hence `escape` (a key like `[` or `/` must stay text).
        """
        yield from super().get_system_commands(screen)
        reader = next(iter(self._readers()), None)
        if reader is None:
            return
        for _group, bindings in READER_GROUPS:
            for binding in bindings:
                keys = keys_of(binding.id or binding.key)
                key_text = ", ".join(
                    self.get_key_display(Binding(k.strip(), "")) for k in keys.split(",") if k.strip()
                )
                yield SystemCommand(
                    binding.description,
                    escape(f"{binding.tooltip} — key: {key_text}"),
                    partial(reader.run_action, binding.action),
                )
        yield SystemCommand(
            "Tags…",
            "Every tag with its count and last use: rename, merge or remove one on every event",
            partial(reader.run_action, "tags"),
        )
        yield SystemCommand("Help: keys", "List every key — key: ?", self.action_help)
