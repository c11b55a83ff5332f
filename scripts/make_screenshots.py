"""Regenerate screenshots/*.svg with Textual's own screenshot support, on the bundled sample bulletins.

    python scripts/make_screenshots.py   # screenshots/*.svg: main, search, storyline, help, figures, and
                                         # at 80×24 small, small-panel and note (the editor taking typing)

A throwaway library (seeded with the samples, plus a few annotations made here) lives in a temporary folder;
the user's library and settings are never read. The figures plot needs months of days: its library adds
half a year of bulletins from `warreader.generator` (synthetic, reproducible) to the samples. Rerun after
any change to the reader's look, and whenever the pinned Textual version changes.
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


def add_half_a_year(library) -> None:
    """Six months of synthetic days before the samples, so weekly totals make a plot."""
    from warreader.generator import generate
    from warreader.parsing import parse_text

    oldest = min(summary.day for summary in library.days())
    made = generate(182, seed=7, first_day=oldest - 182)
    library.import_bulletins(parse_text(b.text, source=b.filename) for b in made)


async def shoot_scenes(library, size: tuple[int, int], scenes: list[tuple[str, list[str]]]) -> list[Path]:
    """Press each scene's keys in one reader and save what it shows."""
    from textual.widgets import Input, TextArea

    from warreader.settings import Settings
    from warreader.tui import make_app

    written: list[Path] = []
    settings = Settings(path=None, pinned_tags=["drones", "frontline", "kyiv"])
    app = make_app(library, settings)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for name, keys in scenes:
            await pilot.press(*keys)
            await app.workers.wait_for_complete()
            await pilot.pause()
            for widget in (*app.screen.query(Input), *app.screen.query(TextArea)):
                widget.cursor_blink = False  # the cursor shows, whatever the moment
            await pilot.pause()
            written.append(Path(app.save_screenshot(f"{name}.svg", str(OUT))))
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
    return written


async def shoot() -> list[Path]:
    from warreader.store import Library

    OUT.mkdir(exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        library = Library.open(Path(tmp) / "library")  # a first run seeds the sample bulletins
        try:
            annotate_samples(library)
            written += await shoot_scenes(library, SIZE, LARGE)
            written += await shoot_scenes(library, SMALL, SMALL_SCENES)
        finally:
            library.close()
        library = Library.open(Path(tmp) / "figures")
        try:
            add_half_a_year(library)
            written += await shoot_scenes(library, SIZE, FIGURES_SCENES)
        finally:
            library.close()
    return written


#: (file name, keys pressed from the previous scene) at 130×40 and at 80×24.
LARGE = [
    ("main", ["j"]),
    ("search", ["slash", *"drone", "enter"]),
    ("storyline", ["escape", "T", *"fighting", "enter", "g"]),
    ("help", ["escape", "question_mark"]),
]
SMALL_SCENES = [
    ("small", ["j"]),
    ("small-panel", ["tab"]),
    ("note", ["escape", "a", *" Check the oblast's own figures."]),
]
SMALL = (80, 24)
#: The figures plot: killed per week, a tall week selected and its events listed under it.
FIGURES_SCENES = [("figures", ["P", "left", "left", "left"])]


def main() -> int:
    sys.path.insert(0, str(ROOT))
    for path in asyncio.run(shoot()):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
