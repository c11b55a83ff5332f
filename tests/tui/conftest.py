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


#: The facts fixture's events by day (every figure and place hand-checked against the extractor):
#: killed per ISO week W43 6 (4 + 2), W44 ~3 (a range 3–5; the "since 2022" total left out), W45 1.
FACTS_DAYS: dict[int, list[tuple[str | None, list[str]]]] = {
    970: [
        (
            "Fighting",
            [
                "Russian drones killed four people and wounded 33 in Kharkiv, Governor Oleh Syniehubov said.",
                "Russia launched 96 drones overnight, of which 61 were shot down, Ukraine's air force said.",
            ],
        )
    ],
    975: [
        ("Fighting", ["A Russian missile strike on Pokrovsk in the Donetsk region killed two civilians."]),
        (
            "Politics and diplomacy",
            ["Ukrainian President Volodymyr Zelenskyy met NATO chief Mark Rutte in Kyiv."],
        ),
    ],
    980: [
        (
            "Fighting",
            [
                "At least 12 people were wounded in shelling of Kherson.",
                "Shelling killed between three and five people in Nikopol, in the Dnipropetrovsk region.",
                "Since 2022, more than 10,000 civilians have been killed in Ukraine, the UN said.",
            ],
        )
    ],
    987: [
        (
            "Fighting",
            [
                "Russian forces captured 48 Ukrainian soldiers near Kupiansk in the Kharkiv region.",
                "Dozens of residents were evacuated from Vovchansk.",
                "A drone attack on Kharkiv killed one man, Governor Oleh Syniehubov said.",
            ],
        ),
        (
            "Politics and diplomacy",
            [
                "The US announced an extra $425m in military aid.",
                "Zelenskyy thanked allies in Kyiv for new air defence systems.",
                "Talks on a grain corridor continued in Istanbul.",
            ],
        ),
    ],
}


def facts_bulletins() -> list[Bulletin]:
    """Four days over three ISO weeks (W43–W45 of 2024) whose events have known figures and places."""
    bulletins = []
    for day, sections in FACTS_DAYS.items():
        bulletins.append(
            Bulletin(
                day=day,
                date=dt.date(2024, 11, 8) - dt.timedelta(days=987 - day),
                title=f"Russia-Ukraine war: List of key events, day {day}",
                source=f"facts-day{day}.txt",
                sections=[section(day, heading, texts) for heading, texts in sections],
            )
        )
    return bulletins


@pytest.fixture
def facts_library(tmp_path: Path):
    """A library of `facts_bulletins`, open."""
    library = Library.open(tmp_path / "facts-library", seed_samples=False)
    report = library.import_bulletins(facts_bulletins())
    assert report.imported == len(FACTS_DAYS), report.messages
    yield library
    library.close()


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


def orphan_a_note(library: Library, note: str = "orphaned note") -> str:
    """Annotate day 985's fourth event, then re-import the day without it: its note is an orphan. Returns
    the gone event's id."""
    gone = first_id(library, 985, 3)
    library.annotate(gone, note=note)
    changed = fixture_bulletins()[0]
    changed.sections[1] = section(985, "Politics and diplomacy", ["Something else entirely."])
    library.import_bulletins([changed])
    return gone


async def settle(pilot, app: WarReaderApp) -> None:
    """Wait until every worker is done and the screen has processed what they posted (no sleeps)."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


#: Day 987 of `sources_bulletins`: Al Jazeera's list (two copies) and the Guardian's summary.
AL_JAZEERA_LINK = "https://www.aljazeera.com/news/2024/11/8/russia-ukraine-war-list-of-key-events-day-987"
GUARDIAN_LINK = "https://www.theguardian.com/world/2024/nov/08/ukraine-war-at-a-glance-day-987"
SAVED_COPY = "/home/reader/saved/aggregator-day987.html"


def sources_bulletins() -> list[Bulletin]:
    """Days 985–986 of the fixture, then day 987 with two outlets' bulletins: Al Jazeera's (imported
    from its link, and a spun copy saved from an aggregator that lacks its last event) and the
    Guardian's, whose first group is untitled (its theme inferred) and whose last event is cut off."""
    day, date = 987, dt.date(2024, 11, 8)
    fighting = [
        "Russian drones struck Kharkiv overnight, wounding nine people, the governor said.",
        "Ukraine's air force said it downed 40 of the 62 drones Russia launched.",
        "Rescuers searched the rubble of a block of flats in Zaporizhzhia.",
    ]
    diplomacy = ["Zelenskyy met the Dutch prime minister in Kyiv to discuss air defence."]

    def al_jazeera(texts: list[str], source: str, warnings: list[str]) -> Bulletin:
        sections = [section(day, "Fighting", texts), section(day, "Politics and diplomacy", diplomacy)]
        title = "Russia-Ukraine war: List of key events, day 987"
        return Bulletin(day, date, title, source, sections, warnings, outlet="Al Jazeera")

    untitled = section(day, None, ["Shelling hit Kherson, killing two civilians, officials said."])
    untitled.theme, untitled.theme_inferred = "fighting", True
    economy = ["Ukraine's grain exports rose in October.", "Energy prices fell in Kyiv and"]
    guardian = Bulletin(
        day,
        date,
        "Ukraine war at a glance: what we know on day 987",
        GUARDIAN_LINK,
        [untitled, section(day, "Economy", economy)],
        ["last event looks cut off"],
        outlet="The Guardian",
    )
    return [
        *fixture_bulletins()[:2],
        al_jazeera(fighting, AL_JAZEERA_LINK, []),
        al_jazeera(fighting[:2], SAVED_COPY, ["text looks machine-spun"]),
        guardian,
    ]


@pytest.fixture
def sources_library(tmp_path: Path):
    """A library of `sources_bulletins`, open: day 987 holds two bulletins, the first of two copies."""
    library = Library.open(tmp_path / "sources-library", seed_samples=False)
    report = library.import_bulletins(sources_bulletins())
    assert (report.imported, report.copies) == (4, 1), report.messages
    assert [b.outlet for b in library.bulletins(987)] == ["Al Jazeera", "The Guardian"]
    yield library
    library.close()
