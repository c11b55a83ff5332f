"""Fixtures for store tests: hand-built bulletins (no parser needed) and a fresh library per test."""

from __future__ import annotations

import datetime as dt

import pytest

from warreader.model import Bulletin, Event, Section, assign_ids
from warreader.store import Library


def build_bulletin(day: int | None, sections: dict[str, list[str]], *, source: str | None = None) -> Bulletin:
    """A bulletin of `day` with `{heading: [event text, …]}`; ids assigned the way the parser does."""
    texts = [text for events in sections.values() for text in events]
    ids = iter(assign_ids(day, texts))
    return Bulletin(
        day=day,
        date=dt.date(2022, 2, 24) + dt.timedelta(days=(day or 1) - 1),
        title=f"Russia-Ukraine war: List of key events, day {day}",
        source=source or f"day{day}.txt",
        sections=[
            Section(heading, heading.lower().replace(" ", "-"), [Event(next(ids), t) for t in events])
            for heading, events in sections.items()
        ],
    )


DAY_981 = {
    "Fighting": [
        "At least two people were wounded in an overnight Russian drone attack on Kyiv.",
        "A Russian missile strike on Kharkiv hit a building used by police, killing one officer.",
        "Russia’s Defence Ministry said its forces took two more villages in the Donetsk region.",
    ],
    "Politics and diplomacy": [
        "Zelenskyy said Ukraine had asked its partners for long-range weapons.",
        "South Korea summoned Russia’s ambassador to protest the North Korean deployment.",
    ],
}


@pytest.fixture
def make():
    """`make(day, {heading: [texts]})` → Bulletin."""
    return build_bulletin


@pytest.fixture
def lib_path(tmp_path):
    return tmp_path / "library"


@pytest.fixture
def lib(lib_path):
    library = Library.open(lib_path, seed_samples=False)
    yield library
    library.close()
