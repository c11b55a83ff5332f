"""No note lost or misplaced, from the reader's side: the note editor follows what another process writes,
a save over a note changed elsewhere keeps both versions and says so, and keys sent in one burst act on
the event the panel shows."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

from textual import events

from tests.tui.conftest import first_id, settle
from warreader.store import Library

WARREADER = Path(sys.executable).parent / "warreader"
#: The reader shows a note written by another process within this (issue: "within 2 s").
FOLLOW_SECONDS = 2.0


def cli_annotate(library_path: Path, event_id: str, *args: str) -> None:
    """`warreader annotate` in a process of its own, as a user in another shell would run it."""
    result = subprocess.run(
        [str(WARREADER), "--db", str(library_path), "annotate", event_id, *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr


async def cli_annotate_while_running(library_path: Path, event_id: str, *args: str) -> None:
    """The same, with the reader running meanwhile (its timers fire while the process runs)."""
    process = await asyncio.create_subprocess_exec(
        str(WARREADER), "--db", str(library_path), "annotate", event_id, *args, stdin=subprocess.DEVNULL
    )
    assert await process.wait() == 0


async def wait_until(pilot, check, seconds: float) -> float:
    """Let the app run until `check()` holds; how long it took (fails after `seconds`)."""
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > seconds:
            raise AssertionError(f"not within {seconds} s")
        await pilot.pause(0.05)
    return time.monotonic() - start


async def test_the_note_editor_shows_a_note_written_from_the_command_line(app, library, library_path):
    target = first_id(library, 987)
    library.annotate(target, note="old")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        editor = app.screen.query_one("#panel-note")
        assert editor.text == "old"
        await cli_annotate_while_running(library_path, target, "--note", "CLI note", "--tag", "t")
        await wait_until(pilot, lambda: editor.text == "CLI note", FOLLOW_SECONDS)
        assert [o.id for o in app.screen.query_one("#panel-tags").options] == ["t"]
        # Editing goes on from the note as it is on disk now.
        await pilot.press("a", *" more", "escape")
        await settle(pilot, app)
    assert library.annotation(target).note == "CLI note more"
    assert library.annotation(target).tags == ["t"]


async def test_a_appends_to_the_note_on_disk_even_before_the_reader_noticed_the_change(
    app, library, library_path
):
    target = first_id(library, 987)
    library.annotate(target, note="old")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        cli_annotate(library_path, target, "--note", "CLI note")  # the reader is blocked meanwhile
        await pilot.press("a")  # `a` reads the note first, whether or not the reload came
        assert app.screen.query_one("#panel-note").text == "CLI note"
        await pilot.press(*" more", "escape")
        await settle(pilot, app)
    assert library.annotation(target).note == "CLI note more"


async def test_typing_over_a_note_changed_elsewhere_keeps_both_and_says_so(app, library, library_path):
    target = first_id(library, 987)
    library.annotate(target, note="old")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("a", *" more")  # typed, not yet saved (the save waits for a pause)
        editor = app.screen.query_one("#panel-note")
        assert editor.pending() is not None
        # Another process writes while the typing is unsaved (the reader is blocked meanwhile).
        cli_annotate(library_path, target, "--note", "CLI note")
        await pilot.press("escape")  # saves
        await settle(pilot, app)
        stored = library.annotation(target).note
        assert "CLI note" in stored and "old more" in stored  # both versions, nothing lost
        assert stored.index("CLI note") < stored.index("old more")
        assert editor.text == stored  # the editor shows what is kept
        assert any("both versions" in str(n.message) for n in app._notifications)
        # Later typing goes on from the merged note, without another warning.
        await pilot.press("a", *"!", "escape")
        await settle(pilot, app)
        assert library.annotation(target).note == stored + "!"
        assert sum("both versions" in str(n.message) for n in app._notifications) == 1


async def test_a_day_note_typed_over_one_changed_elsewhere_keeps_both(app, library, library_path):
    library.set_day_note(987, "old")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("D", *" more")
        other = Library.open(library_path, seed_samples=False)
        other.set_day_note(987, "from elsewhere")  # the reader is not running meanwhile: no reload yet
        other.close()
        await pilot.press("escape")
        await settle(pilot, app)
    stored = library.day_note(987).note
    assert "from elsewhere" in stored and "old more" in stored


async def burst(pilot, app, *keys: str) -> None:
    """Send keys in one burst, as a paste or a slow link delivers them: all queued before any is handled
    (Pilot's `press` waits for the app between keys)."""
    for key in keys:
        char = "\x1b" if key == "escape" else key
        app.post_message(events.Key(key, char))
    await settle(pilot, app)


async def test_keys_in_one_burst_act_on_the_event_the_panel_shows(app, library):
    first, second = first_id(library, 987), first_id(library, 987, 1)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await burst(pilot, app, "j", "f", "a", "x", "escape")
        assert app.screen.panel.event_id == second
        assert library.annotation(second).flags == ["important"]
        assert library.annotation(second).note == "x"
        assert library.annotation(first) is None
        # Again, on the next event, from a note the burst leaves behind.
        await burst(pilot, app, "j", "a", "y", "escape", "k", "t")
        await pilot.press(*"seen", "enter")
        await settle(pilot, app)
        assert library.annotation(first_id(library, 987, 2)).note == "y"
        assert library.annotation(second).tags == ["seen"]


async def test_every_reader_key_types_into_the_note_and_the_search_field(app, library):
    """The reader's keys are matched as they arrive, yet a text field still types each of them."""
    from textual.keys import key_to_character

    from warreader.tui.bindings import SCREEN_BINDINGS

    keys = sorted(
        {
            k.strip()
            for b in SCREEN_BINDINGS
            for k in b.key.split(",")
            if (key_to_character(k.strip()) or "\t").isprintable()
            and len(k.strip()) == 1
            or k.strip() in ("slash", "left_square_bracket", "right_square_bracket")
            or k.strip().endswith("curly_bracket")
        }
    )
    typed = "".join(key_to_character(k) or "/" for k in keys)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("a", *keys)
        assert app.screen.query_one("#panel-note").text == typed
        await pilot.press("escape")
        await settle(pilot, app)
        assert library.annotation(first_id(library, 987)).note == typed
        await pilot.press("slash", *keys)
        assert app.screen.query_one("#search-input").value == typed
