"""Tagging, pinned tags, flags and notes — and that all of it is on disk after quitting."""

from __future__ import annotations

from tests.tui.conftest import first_id, settle
from warreader.settings import load_settings
from warreader.store import Library
from warreader.tui import make_app
from warreader.tui.panel.note import NOTE_DEBOUNCE_SECONDS
from warreader.tui.widgets.row_list import RowList


async def test_t_adds_a_tag_with_completion_of_existing_tags(app, library):
    other = first_id(library, 986)
    library.annotate(other, add_tags=["Drones-Kharkiv"])
    target = first_id(library, 987)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        assert app.screen.id == "tag-dialog"
        hint = str(app.screen.query_one("#prompt-hint").render())
        assert "Drones-Kharkiv" in hint  # existing tags are offered
        await pilot.press(*"dro", "right", "enter")  # → accepts the inline completion
        await pilot.pause()
        assert library.annotation(target).tags == ["Drones-Kharkiv"]
        # The event's line in the viewer and the panel show it at once.
        option = app.screen.query_one("#events").row_of(target)
        assert "#Drones-Kharkiv" in option.prompt.plain
        tags = app.screen.query_one("#panel-tags")
        assert [o.id for o in tags.options] == ["Drones-Kharkiv"]


async def test_escape_cancels_the_tag_dialog(app, library):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("t", *"nope", "escape")
        await pilot.pause()
        assert app.screen.id == "reader"
        assert library.annotation(first_id(library, 987)) is None


async def test_number_keys_toggle_pinned_tags(app, library):
    target = first_id(library, 987)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("1", "2")
        assert library.annotation(target).tags == ["drones", "kyiv"]
        await pilot.press("1")
        assert library.annotation(target).tags == ["kyiv"]
        await pilot.press("9")  # nothing pinned there: a notice, no change
        await pilot.pause()
        assert library.annotation(target).tags == ["kyiv"]
        assert any("No tag is pinned to 9" in str(n.message) for n in app._notifications)


async def test_panel_removes_a_tag_with_one_key_and_pins_with_p(app, library, settings):
    target = first_id(library, 987)
    library.annotate(target, add_tags=["alpha", "beta"])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tags = app.screen.query_one("#panel-tags")
        tags.focus()
        tags.highlighted = 1
        await pilot.press("p")  # pin "beta": it becomes number 3 after drones and kyiv
        await pilot.pause()
        assert settings.pinned_tags == ["drones", "kyiv", "beta"]
        assert load_settings(settings.path).pinned_tags == ["drones", "kyiv", "beta"]
        await pilot.press("x")
        await pilot.pause()
        assert library.annotation(target).tags == ["alpha"]


async def test_f_toggles_important_and_marks_the_day(app, library):
    target = first_id(library, 987)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        rows = app.screen.query_one("#days", RowList)
        assert rows.items[0].flagged == 0
        await pilot.press("f")
        assert library.annotation(target).flags == ["important"]
        assert rows.items[0].flagged == 1  # the day's marker is updated in place
        assert "⚑" in rows.row_text(0, rows.size.width).plain
        assert "⚑ important" in app.screen.query_one("#events").row_of(target).prompt.plain
        await pilot.press("f")
        assert library.annotation(target) is None  # nothing left: the annotation is gone
        assert rows.items[0].flagged == 0


async def test_panel_toggles_the_other_flags_and_custom_flags(app, library, settings):
    target = first_id(library, 987)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        flags = app.screen.query_one("#panel-flags")
        flags.focus()
        assert [o.id for o in flags.options] == ["important", "verify", "follow-up"]
        flags.highlighted = 1
        await pilot.press("space")
        flags.highlighted = 2
        await pilot.press("enter")
        assert library.annotation(target).flags == ["verify", "follow-up"]
        await pilot.press("space")
        assert library.annotation(target).flags == ["verify"]
        # A flag of the user's own: set on the event and offered from then on.
        app.screen.query_one("#events").focus()
        await pilot.press("F", *"geolocate", "enter")
        await pilot.pause()
        assert library.annotation(target).flags == ["verify", "geolocate"]
        assert settings.custom_flags == ["geolocate"]
        assert "geolocate" in [o.id for o in flags.options]


async def test_note_saves_as_you_type_and_escape_leaves(app, library):
    target = first_id(library, 987)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        assert app.focused.id == "panel-note"
        await pilot.press(*"Check the j key")  # letters go to the note, not to navigation
        assert app.screen.selected_event_id == target
        await pilot.pause(NOTE_DEBOUNCE_SECONDS + 0.3)  # the debounce timer, not a key, saves it
        assert library.annotation(target).note == "Check the j key"
        await pilot.press("escape")
        assert app.focused.id == "events"
        assert "✎ Check the j key" in app.screen.query_one("#events").row_of(target).prompt.plain


async def test_note_typed_right_before_quitting_is_saved(app, library):
    target = first_id(library, 987)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"last words")
        await app.action_quit()  # no pause: the debounce has not fired
    assert library.annotation(target).note == "last words"


async def test_note_follows_the_selected_event(app, library):
    first, second = first_id(library, 987), first_id(library, 987, 1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"one", "escape", "j", "a", *"two", "escape")
        assert library.annotation(first).note == "one"
        assert library.annotation(second).note == "two"
        await pilot.press("k")
        assert app.screen.query_one("#panel-note").text == "one"


async def test_annotate_flow_survives_quit_and_reopen(library_path, settings):
    library = Library.open(library_path, seed_samples=False)
    target = first_id(library, 986, 1)
    app = make_app(library, settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("left_square_bracket", "j")  # day 986, second event
        await pilot.press("t", *"frontline", "enter")
        await pilot.press("f")
        await pilot.press("a", *"Verify with satellite images")
        await pilot.press("escape", "q")
        await settle(pilot, app)
    library.close()

    reopened = Library.open(library_path, seed_samples=False)
    try:
        annotation = reopened.annotation(target)
        assert annotation.tags == ["frontline"]
        assert annotation.flags == ["important"]
        assert annotation.note == "Verify with satellite images"
        # And a new reader shows it.
        app = make_app(reopened, settings)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("left_square_bracket", "j")
            assert app.screen.query_one("#panel-note").text == "Verify with satellite images"
            assert [o.id for o in app.screen.query_one("#panel-tags").options] == ["frontline"]
            day_986 = app.screen.query_one("#days", RowList).items[1]
            assert (day_986.annotated, day_986.flagged) == (1, 1)
    finally:
        reopened.close()
