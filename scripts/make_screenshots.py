"""Regenerate screenshots/*.svg with Textual's own screenshot support, on the bundled sample bulletins.

    python scripts/make_screenshots.py   # screenshots/main.svg, search.svg, storyline.svg, help.svg

A throwaway library (seeded with the samples, plus a few annotations made here) lives in a temporary folder;
the user's library and settings are never read. Rerun after any change to the reader's look, and whenever
the pinned Textual version changes.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"
SIZE = (130, 40)


def annotate_samples(library) -> None:
    """A few tags, flags and notes so the screenshots show what annotating looks like."""
    newest = library.days()[0].day
    events = [e.id for _, e in library.bulletin(newest).iter_events()]
    library.annotate(events[0], add_tags=["donetsk", "frontline"], add_flags=["important"])
    note = "Casualty figure differs from the regional governor's."
    library.annotate(events[1], add_flags=["verify"], note=note)
    library.annotate(events[3], add_tags=["drones"], note="Compare with air force totals on day 981.")
    library.set_day_note(newest, "Heavy drone night; check the Kharkiv figures tomorrow.")


async def shoot() -> list[Path]:
    from warreader.settings import Settings
    from warreader.store import Library
    from warreader.tui import make_app

    OUT.mkdir(exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        library = Library.open(Path(tmp) / "library")  # a first run seeds the sample bulletins
        try:
            annotate_samples(library)
            settings = Settings(path=None, pinned_tags=["drones", "frontline", "kyiv"])
            app = make_app(library, settings)
            async with app.run_test(size=SIZE) as pilot:

                async def save(name: str) -> None:
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                    written.append(Path(app.save_screenshot(f"{name}.svg", str(OUT))))

                await pilot.pause()
                await pilot.press("j")
                await save("main")

                await pilot.press("slash", *"drone", "enter")
                await save("search")

                await pilot.press("escape", "T", *"fighting", "enter")
                await app.workers.wait_for_complete()
                await pilot.pause()
                story = app.screen.query_one("#story")
                story.first_event()
                story.scroll_home(animate=False)
                await save("storyline")

                await pilot.press("escape", "question_mark")
                await save("help")
        finally:
            library.close()
    return written


def main() -> int:
    sys.path.insert(0, str(ROOT))
    for path in asyncio.run(shoot()):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
