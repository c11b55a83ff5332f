"""Captions wherever they stand, furniture by its shape, numbered headlines, dates anywhere in a line."""

from __future__ import annotations

import datetime as dt

import pytest

from warreader.parsing import parse_bytes, parse_file


def test_day_981_captions_after_the_last_bullet_of_a_later_section(fixture_path, texts):
    b = parse_file(fixture_path("day0981_caption_after_later_section.txt"))
    diplomacy = b.sections[2]
    assert diplomacy.heading == "Politics and diplomacy"
    assert len(diplomacy.events) == 6
    assert len(diplomacy.captions) == 2 and all("Kharkiv" in c for c in diplomacy.captions)
    assert [len(s.events) for s in b.sections] == [5, 5, 6, 4]
    assert not any("Rescuers" in t for t in texts(b))


_LIST = (
    "Russia-Ukraine war: List of key events, day 981\n"
    "Here is the situation on Saturday, November 2:\n"
    "Fighting\n"
    "  • Russian drones hit Kyiv overnight, officials said.\n"
    "  • A Russian missile hit Kharkiv, killing one officer.\n"
    "Politics and diplomacy\n"
    "  • Zelenskyy said Ukraine asked its partners for long-range weapons.\n"
    "  • South Korea summoned Russia’s ambassador to protest.\n"
)
_AFTER = "Weapons\n  • The US announced a new $425m aid package for Ukraine.\n"


@pytest.mark.parametrize(
    ("photo", "lines"),
    [
        # alt text and credited caption, adjacent
        (
            "Rescuers inspect the remains of a building in Kharkiv, on November 1, 2024.\n"
            "Rescuers examine the remains of a building in Kharkiv [Sergey Bobok/AFP]\n",
            2,
        ),
        # separated by blank lines
        (
            "\nRescuers inspect the remains of a building in Kharkiv, on November 1, 2024.\n\n"
            "Rescuers examine the remains of a building in Kharkiv [Sergey Bobok/AFP]\n\n",
            2,
        ),
        # alt text that shares no words with its caption
        (
            "A man walks past a destroyed building in the city centre.\n"
            "Zelenskyy and Yoon shake hands in Seoul [Sergey Bobok/AFP]\n",
            2,
        ),
        # a short alt text without a full stop (heading-shaped)
        ("Zelenskyy in Seoul\nZelenskyy and Yoon shake hands in Seoul [Sergey Bobok/AFP]\n", 2),
        # agency credits in other shapes
        (
            "Soldiers fire at positions near Bakhmut. (Photo by Genya Savilov / AFP via Getty Images)\n"
            "Soldiers fire at positions near Bakhmut [Genya Savilov/AFP]\n",
            2,
        ),
        ("Soldiers fire at positions near Bakhmut (Genya Savilov/AFP)\n", 1),
        ("Soldiers fire at positions near Bakhmut. Photo: Genya Savilov/AFP\n", 1),
        ("Soldiers fire at positions near Bakhmut. © Reuters\n", 1),
    ],
)
def test_a_photo_after_the_last_bullet_of_a_later_section_is_captions(photo, lines):
    b = parse_bytes((_LIST + photo + _AFTER).encode(), "x.txt")
    assert [s.heading for s in b.sections] == ["Fighting", "Politics and diplomacy", "Weapons"]
    assert [len(s.events) for s in b.sections] == [2, 2, 1]
    assert len(b.sections[1].captions) == lines


def test_furniture_is_told_by_its_shape(fixture_path, texts):
    b = parse_file(fixture_path("furniture_shapes.txt"))
    assert (b.day, b.date) == (1000, dt.date(2024, 11, 20))
    assert [s.heading for s in b.sections] == ["Fighting and Weapons", "Diplomacy"]
    assert [len(s.events) for s in b.sections] == [2, 2]
    event_texts = texts(b)
    for furniture in ("By Jane", "Posted", "November 20", "News,", "Here’s", "Al Jazeera and", "Home"):
        assert not any(t.startswith(furniture) for t in event_texts), furniture
    assert b.outlet == "Al Jazeera"  # from the attribution trailer


@pytest.mark.parametrize(
    "line",
    [
        "By Oleksandr Petrenko | 8 Nov 2024 | Kyiv",  # a byline of pipes and a date
        "Written by",  # a bare label
        "Published in",
        "Updated 8 Nov 2024, 10:32 GMT",  # a label and a date
        "World, Europe, Russia-Ukraine war, Military",  # category names
        "Home · News · Europe",
        "Al Jazeera and news agencies | Reuters | AFP",  # an attribution trailer with pipes
        "Briefly",  # a lone word that is no heading
    ],
)
def test_furniture_lines_between_events_are_never_events(line):
    text = (
        "Russia-Ukraine war: List of key events, day 987\nFighting\n"
        f"- One event happened in the east, officials said.\n{line}\n"
        "- Another event happened in the south, officials said.\n"
    )
    b = parse_bytes(text.encode(), "x.txt")
    assert [e.text for _, e in b.iter_events()] == [
        "One event happened in the east, officials said.",
        "Another event happened in the south, officials said.",
    ]


def test_a_heading_of_known_theme_names_is_still_a_heading():
    text = (
        "Russia-Ukraine war: List of key events, day 987\n"
        "Politics, Diplomacy, Economy\n- The EU agreed new sanctions, officials said.\n"
    )
    b = parse_bytes(text.encode(), "x.txt")
    assert [s.heading for s in b.sections] == ["Politics, Diplomacy, Economy"]


def test_a_guardian_standfirst_is_not_an_event():
    text = (
        "Russia-Ukraine war: what we know on day 50 of the invasion\n\n"
        "Russia defence ministry says entire crew of Moskva warship evacuated after ammunition blast; "
        "Ukraine earlier claimed it had struck the cruiser\n\n"
        "  • The Russian defence ministry said the entire crew of the warship Moskva had been evacuated.\n"
        "  • Russia has warned Nato that it would take measures in the Baltic.\n"
    )
    b = parse_bytes(text.encode(), "x.txt")
    assert [e.text[:13] for _, e in b.iter_events()] == ["The Russian d", "Russia has wa"]


def test_numbered_headlines_are_headings_kept_as_written(fixture_path, texts):
    b = parse_file(fixture_path("numbered_headlines.txt"))
    assert [s.heading for s in b.sections] == [
        "1. Russia advances in the south",
        "4. UK says it will send more Storm Shadow missiles to Ukraine within weeks",
        "6. West risks provoking nuclear war: Lavrov",
    ]
    assert [len(s.events) for s in b.sections] == [1, 1, 1]
    assert not any(t[:1].isdigit() for t in texts(b))
    # Themes come from the words, never from the number: no "1-russia-advances-in-the-south".
    assert [s.theme for s in b.sections] == ["fighting", "weapons", "nuclear"]
    assert [s.theme_inferred for s in b.sections] == [True, True, False]  # the last one: a table rule


def test_a_numbered_list_of_events_stays_a_list_of_events():
    text = (
        "Russia-Ukraine war: List of key events, day 987\nFighting\n"
        "1. Russian forces advanced near Pokrovsk, officials said\n"
        "2. Ukraine shot down 30 drones overnight\n"
        "Diplomacy\n- Talks were held in Riyadh.\n"
    )
    b = parse_bytes(text.encode(), "x.txt")
    assert [s.heading for s in b.sections] == ["Fighting", "Diplomacy"]
    assert [e.text for e in b.sections[0].events] == [
        "1. Russian forces advanced near Pokrovsk, officials said",
        "2. Ukraine shot down 30 drones overnight",
    ]


@pytest.mark.parametrize(
    ("line", "day", "expected"),
    [
        # the situation sentence shares its line with another sentence
        (
            "These are the key events so far on Friday, March 25. Get the latest updates here.",
            30,
            (2022, 3, 25),
        ),
        # an intro fused to the situation line without a space
        (
            "These are the key events on day 1,205 of Russia’s war on Ukraine.Here's where things stand "
            "on Thursday, June 12:",
            1205,
            (2025, 6, 12),
        ),
        ("As the war enters its 987th day, here is the situation on Friday, November 8:", 987, (2024, 11, 8)),
        ("Here’s where things stand on Thursday, June 12:", 1205, (2025, 6, 12)),
    ],
)
def test_a_date_is_found_wherever_the_situation_sentence_stands(line, day, expected, texts):
    text = (
        f"Russia-Ukraine war: List of key events, day {day}\n{line}\nFighting\n- Russian drones hit Kyiv.\n"
    )
    b = parse_bytes(text.encode(), "x.txt")
    assert b.date == dt.date(*expected)
    assert texts(b) == ["Russian drones hit Kyiv."]
