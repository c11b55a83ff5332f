"""The export tests' fixture library, built in tmp_path from hand-made bulletins, with tags, flags and
notes that exercise every escaping rule: Markdown-active text, formula-looking cells, quotes, commas,
newlines."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from warreader.model import Bulletin, Event, Section, assign_ids
from warreader.store import Library
from warreader.themes import theme_for

NOW = dt.datetime(2024, 11, 9, 8, 30, tzinfo=dt.UTC)
GOLDEN = Path(__file__).parent / "golden"
_STORE_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def bulletin(day: int, date: dt.date, sections: list[tuple[str | None, list[str]]]) -> Bulletin:
    """A Bulletin as the parser would build it: themes from the heading, ids from the text."""
    built = []
    for heading, texts in sections:
        ids = assign_ids(day, texts)
        built.append(
            Section(heading, theme_for(heading), [Event(i, t) for i, t in zip(ids, texts, strict=True)])
        )
    return Bulletin(
        day, date, f"Russia-Ukraine war: List of key events, day {day}", f"day{day:04d}.txt", built
    )


BULLETINS = [
    bulletin(
        987,
        dt.date(2024, 11, 8),
        [
            (
                "Fighting",
                [
                    'Russian drones hit Kyiv overnight, officials said; "heavy" damage in three districts.',
                    "Kharkiv's mayor said 40% of the city was without power; "
                    "*two* <b>schools</b> were hit [bold].",
                    "# Not a heading > not a quote",
                ],
            ),
            ("Politics and diplomacy", ['@x posted: "talks, maybe" on Telegram.', "Zelenskyy met allies."]),
        ],
    ),
    bulletin(
        986,
        dt.date(2024, 11, 7),
        [
            (
                "Fighting",
                [
                    "=SUM(A1) appeared in a leaked spreadsheet.",
                    "-5 degrees forecast as power cuts continue.",
                    "+1 brigade moved to Pokrovsk.",
                    "Line one of an event\nwith a newline inside.",
                ],
            ),
            ("Weapons", ["The US announced $425m in new aid."]),
        ],
    ),
    bulletin(985, dt.date(2024, 11, 6), [("Fighting", ["Quiet day on the front."])]),
]


def event_id(day: int, text_start: str) -> str:
    """The id of the fixture event of `day` whose text starts with `text_start`."""
    for b in BULLETINS:
        if b.day == day:
            for _section, event in b.iter_events():
                if event.text.startswith(text_start):
                    return event.id
    raise KeyError(text_start)


#: (day, text start) → (tags, flags, note)
ANNOTATIONS = {
    (987, "Russian drones"): (
        ["drones", "air defence"],
        ["important"],
        'Check against the mayor\'s statement.\nSecond line, "quoted".\n\n  - indented, list-looking line',
    ),
    (987, "Kharkiv"): (["power"], [], '=HYPERLINK("http://evil.example")'),
    (987, "# Not"): ([], ["verify"], None),
    (987, "@x"): (["@handles", "2024"], ["follow-up", "my flag"], "+1 from me, with, commas"),
    (986, "=SUM"): (["spreadsheet"], [], "-5 is not a formula"),
    (986, "-5"): ([], ["verify"], None),
    (986, "+1"): (["pokrovsk"], [], None),
    (986, "Line one"): ([], [], "multi\nline\r\nnote"),
}
DAY_NOTES = {
    987: 'Quiet morning.\n# Not a heading\nEvening: strikes, "loud".',
    985: "A day note on a day with no annotated event.",
}


def make_library(path: Path, *, annotated: bool = True) -> Library:
    """The fixture bulletins in a new library at `path`, annotated unless told otherwise."""
    library = Library.open(path, seed_samples=False)
    library.import_bulletins(BULLETINS)
    if annotated:
        for (day, start), (tags, flags, note) in ANNOTATIONS.items():
            library.annotate(event_id(day, start), add_tags=tags, add_flags=flags, note=note)
        for day, note in DAY_NOTES.items():
            library.set_day_note(day, note)
    return library


def stable(text: str) -> str:
    """Export text with the store's own timestamps (`updated_at`, set at write time) pinned."""
    return _STORE_STAMP.sub("2024-11-08T12:00:00Z", text)
