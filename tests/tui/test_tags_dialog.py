"""ctrl+p → Tags…: every tag with its count; rename (a merge says so), remove (with the count), undo."""

from __future__ import annotations

from tests.tui.conftest import first_id, settle


async def open_tags(pilot, app) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"Tags", "enter")
    await settle(pilot, app)
    assert app.screen.id == "tags-dialog"


def rows(app) -> list[str]:
    options = app.screen.query_one("#tag-list")
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


async def test_tags_lists_counts_renames_merges_removes_and_u_undoes(app, library):
    a, b, c = first_id(library, 987), first_id(library, 986), first_id(library, 985)
    library.annotate(a, add_tags=["drone"])
    library.annotate(b, add_tags=["drone", "drones"])
    library.annotate(c, add_tags=["drones"])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await open_tags(pilot, app)
        listed = rows(app)
        assert len(listed) == 2 and all("#drone" in r and " 2 " in r for r in listed)
        drone = next(n for n, r in enumerate(listed) if r.startswith("#drone "))
        app.screen.query_one("#tag-list").highlighted = drone
        await pilot.press("r", "ctrl+u", *"drones", "enter")
        await pilot.pause()
        assert "merge #drone (2 events) into it?" in app.screen._question
        await pilot.press("y")
        await settle(pilot, app)
        assert [library.annotation(e).tags for e in (a, b, c)] == [["drones"]] * 3
        assert len(rows(app)) == 1 and " 3 " in rows(app)[0]
        await pilot.press("x")
        await pilot.pause()
        assert app.screen._question == "Remove #drones from 3 events?"
        await pilot.press("y")
        await settle(pilot, app)
        assert all(library.annotation(e) is None for e in (a, b, c))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "reader"
        await pilot.press("u")  # the removal comes back
        await pilot.pause()
        assert [library.annotation(e).tags for e in (a, b, c)] == [["drones"]] * 3
        assert app.screen.panel.subject.annotation.tags == ["drones"]  # the panel shows it again
