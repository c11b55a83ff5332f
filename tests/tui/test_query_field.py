"""The search field speaks the query language: fields, errors under the field, saved views, orphans."""

from __future__ import annotations

from tests.tui.conftest import first_id, orphan_a_note, settle
from warreader.tui import make_app


async def search(pilot, app, query: str) -> None:
    await pilot.press("slash", *query, "enter")
    await settle(pilot, app)


def rows(screen) -> list[str]:
    results = screen.query_one("#results")
    return [results.row_text(n, results.size.width).plain for n in range(len(results.items))]


async def test_fields_narrow_the_results_and_notes_are_searched(app, library):
    tagged = first_id(library, 986, 0)
    library.annotate(tagged, add_tags=["kharkiv-watch"], note="pokrovsk figure to check")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await search(pilot, app, "tag:kharkiv-watch")
        screen = app.screen
        assert [r.id for r in screen.query_one("#results").items] == [tagged]
        await pilot.press("slash", "ctrl+u", *"pokrovsk", "enter")
        await settle(pilot, app)
        assert [r.id for r in screen.query_one("#results").items] == [tagged]
        await pilot.press("slash", "ctrl+u", *"drones day:986..987 -struck", "enter")
        await settle(pilot, app)
        found = rows(screen)
        assert len(found) == 2 and all("air force" in row for row in found)


async def test_a_query_that_cannot_be_read_is_said_under_the_field(app, library):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await search(pilot, app, "colour:red")
        screen = app.screen
        status = str(screen.query_one("#search-status").render())
        assert "colour:" in status and "⚠" in status
        assert screen.query_one("#results").items == []
        assert "query language" in str(screen.query_one("#result-preview").render())


async def test_show_query_lists_a_saved_view_by_name(app, library):
    library.save_view("brussels talks", "brussels day:986..987")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        from warreader.tui.views.search import SearchView

        view = await screen.views.show(SearchView)
        view.show_query("brussels day:986..987", "brussels talks")
        await settle(pilot, app)
        status = str(screen.query_one("#search-status").render())
        assert "View brussels talks" in status and "2 results" in status


async def test_an_orphaned_note_is_a_result_that_does_not_open(library, settings):
    gone = orphan_a_note(library)
    app = make_app(library, settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await search(pilot, app, "is:orphan")
        screen = app.screen
        assert [r.id for r in screen.query_one("#results").items] == [gone]
        assert "Orphaned note" in str(screen.query_one("#result-preview").render())
        await pilot.press("enter")
        await pilot.pause()
        assert screen.mode == "search"  # nothing to open: a notice says why


def option_texts(app) -> list[str]:
    options = app.screen.query_one("#choice-list")
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


async def test_v_lists_the_views_with_counts_and_a_saved_view_opens_in_the_search(app, library):
    library.annotate(first_id(library, 986), add_flags=["verify"])
    library.annotate(first_id(library, 985), add_tags=["alpha"], note="n")
    library.save_view("brussels talks", "brussels day:986..987")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        texts = option_texts(app)
        assert texts[0].startswith("All days") and "3 days" in texts[0]
        assert "Flagged events" in texts[1] and texts[1].rstrip().endswith("1")
        assert any(t.startswith("Tagged #alpha") and t.rstrip().endswith("1") for t in texts)
        saved = [t for t in texts if "brussels talks" in t]
        assert saved and "2" in saved[0].split("brussels day")[0] and "brussels day:986..987" in saved[0]
        await pilot.press(*"brussels", "enter")
        await settle(pilot, app)
        screen = app.screen
        assert screen.mode == "search"
        assert len(screen.query_one("#results").items) == 2
        assert "View brussels talks" in str(screen.query_one("#search-status").render())


async def test_ctrl_s_in_the_field_saves_the_query_and_delete_removes_it(app, library):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"drones -struck", "ctrl+s")
        await pilot.pause()
        assert app.screen.id == "save-view-dialog"
        await pilot.press(*"downed", "enter")
        await pilot.pause()
        assert [(v.name, v.query) for v in library.views()] == [("downed", "drones -struck")]
        await pilot.press("escape", "v")
        await pilot.pause()
        await pilot.press(*"downed")
        await pilot.press("delete")
        await pilot.pause()
        assert "Remove the saved view 'downed'?" in app.screen._question
        await pilot.press("y")
        await pilot.pause()
        assert library.views() == []
        assert not any("downed" in t for t in option_texts(app))


async def test_help_shows_the_query_language_and_the_new_keys(app):
    from warreader.query import HELP
    from warreader.tui.screens.help import HelpScreen

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = str(app.screen.query_one("#help-query").render())
        assert "tag:drones" in shown and "day:900..1000" in shown and shown.strip() == HELP.strip()
        table_text = "".join(
            seg.text for seg in app.console.render(app.screen.table, app.console.options.update_width(110))
        )
        for key_id in (
            "undo",
            "redo",
            "mark-row",
            "mark-all",
            "search-save-view",
            "views-remove",
            "tags-rename",
        ):
            assert key_id in table_text, key_id
