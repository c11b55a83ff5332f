"""Fixtures for the reader's Pilot tests: a small library built from Bulletin objects in tmp_path.

Nothing here reads the user's data or /work/shared: the library, the settings file and any export live
in pytest's temporary folders.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from warreader.model import Bulletin, Event, Section, assign_ids
from warreader.settings import Settings
from warreader.store import Library
from warreader.themes import theme_for
from warreader.tui import WarReaderApp, make_app

#: What the markup-injection tests put into bulletin text and notes.
HOSTILE = "Strike [bold]x[/] and [/] then [link=http://x]y[/link] \x1b[31mred"


def section(day: int, heading: str | None, texts: list[str], captions=()) -> Section:
    """A section whose theme key comes from the real theme table, as the parser would give it."""
    ids = assign_ids(day, texts)
    events = [Event(i, t) for i, t in zip(ids, texts, strict=True)]
    return Section(heading, theme_for(heading), events, list(captions))


def fixture_bulletins() -> list[Bulletin]:
    """Three days (985–987), two or three themed sections each, with distinctive words to search for."""
    days = []
    for day in (985, 986, 987):
        date = dt.date(2024, 11, 8) - dt.timedelta(days=987 - day)
        days.append(
            Bulletin(
                day=day,
                date=date,
                title=f"Russia-Ukraine war: List of key events, day {day}",
                source=f"fixture-day{day}.txt",
                sections=[
                    section(
                        day,
                        "Fighting",
                        [
                            f"Day {day}: drones struck Kharkiv overnight, officials said.",
                            f"Day {day}: shelling hit Zaporizhzhia region.",
                            f"Day {day}: air force downed {day % 50} drones.",
                        ],
                        captions=[f"Rescuers at a site in Kharkiv on day {day} [AFP]"],
                    ),
                    section(
                        day,
                        "Politics and diplomacy",
                        [
                            f"Day {day}: Zelenskyy met allies in Kyiv.",
                            f"Day {day}: sanctions package discussed in Brussels.",
                        ],
                    ),
                    section(day, "Weapons", [f"Day {day}: new air defence systems pledged."]),
                ],
            )
        )
    return days


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    """A library folder filled with the fixture bulletins (closed again, so each test opens it itself)."""
    path = tmp_path / "library"
    library = Library.open(path, seed_samples=False)
    report = library.import_bulletins(fixture_bulletins())
    assert report.imported == 3, report.messages
    library.close()
    return path


@pytest.fixture
def library(library_path: Path):
    library = Library.open(library_path, seed_samples=False)
    yield library
    library.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(path=tmp_path / "config" / "settings.json", pinned_tags=["drones", "kyiv"])


@pytest.fixture
def app(library, settings) -> WarReaderApp:
    return make_app(library, settings)


def first_id(library: Library, day: int, index: int = 0) -> str:
    """The id of the `index`-th event of `day`, in reading order."""
    return [e.id for _, e in library.bulletin(day).iter_events()][index]


async def settle(pilot, app: WarReaderApp) -> None:
    """Wait until every worker is done and the screen has processed what they posted (no sleeps)."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
