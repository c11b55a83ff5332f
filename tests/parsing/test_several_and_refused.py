"""Several bulletins in one file become several bulletins; a file without a bulletin is refused whole."""

from __future__ import annotations

import datetime as dt

import pytest

from warreader.errors import InputError
from warreader.parsing import parse_bytes, parse_bytes_all, parse_file, parse_path, parse_text_all
from warreader.resources import data_dir


def test_two_pasted_bulletins_are_two(fixture_path, texts):
    first, second = parse_path(fixture_path("two_bulletins_pasted.txt"))
    assert (first.day, first.date) == (986, dt.date(2024, 11, 7))
    assert (second.day, second.date) == (987, dt.date(2024, 11, 8))
    assert [s.heading for s in first.sections] == ["Fighting", "Politics and diplomacy"]
    assert [len(s.events) for s in first.sections] == [2, 1]
    assert [len(s.events) for s in second.sections] == [3, 1]
    # Nothing of one day is read into the other, and the share buttons between them are no events.
    assert not any("Kreminna" in t for t in texts(first))
    assert not any("Zaporizhzhia" in t or t in ("Share", "Facebook") for t in texts(second))
    assert all(e.id.startswith("986-") for _, e in first.iter_events())
    assert all(e.id.startswith("987-") for _, e in second.iter_events())
    # The first-bulletin API gives the first one.
    assert parse_file(fixture_path("two_bulletins_pasted.txt")).day == 986


def test_the_samples_pasted_together_give_both_exactly():
    parts = [
        (data_dir() / name).read_bytes()
        for name in ("day0987_mojibake-copy.txt", "day0981_dailywriteups-spun.txt")
    ]
    alone = [parse_bytes(part, "x") for part in parts]
    together = parse_bytes_all(b"\n".join(parts), "x")
    assert [b.day for b in together] == [987, 981]
    for one, other in zip(alone, together, strict=True):
        assert [(e.id, e.text) for _, e in one.iter_events()] == [
            (e.id, e.text) for _, e in other.iter_events()
        ]
        assert [s.captions for s in one.sections] == [s.captions for s in other.sections]


def test_a_guardian_list_after_an_al_jazeera_one_without_a_blank_line():
    text = (
        "Russia-Ukraine war: List of key events, day 400\n"
        "Here is the situation on Wednesday, March 29, 2023:\n"
        "- Russian forces shelled Bakhmut, officials said.\n"
        "Russia-Ukraine war at a glance: what we know on day 400 of the invasion\n"
        "  • The head of the UN nuclear watchdog made a second visit to the Zaporizhzhia plant.\n"
        "  • Russia has stopped informing the US about its nuclear activities.\n"
    )
    aj, guardian = parse_text_all(text, "x")
    assert [e.text for _, e in aj.iter_events()] == ["Russian forces shelled Bakhmut, officials said."]
    assert guardian.title == "Russia-Ukraine war at a glance: what we know on day 400 of the invasion"
    assert guardian.event_count == 2


def test_related_links_after_the_end_of_an_article_start_no_bulletin():
    text = (
        "Russia-Ukraine war: List of key events, day 981\n"
        "Fighting\n- Russian drones hit Kyiv overnight, officials said.\n"
        "Source: Al Jazeera and news agencies\n"
        "Related Posts\n"
        "Russia-Ukraine war: List of key events, day 980\n"
        "Russia-Ukraine war: List of key events, day 979\n"
        "Ukraine says it downed 30 drones in a night of attacks on the capital.\n"
    )
    (only,) = parse_text_all(text, "x")
    assert only.day == 981 and only.event_count == 1


def test_a_prose_intro_then_its_list_is_one_bulletin():
    text = (
        "Russia’s invasion of Ukraine: List of key moments from Day 3\n\n"
        "As the Russian offensive enters its third day we take a look at the key events during the day.\n\n"
        "Russia has launched a full-scale military invasion of Ukraine.\n\n"
        "The US, EU and Western allies have ramped up sanctions against Russia.\n\n"
        "Ukraine’s President Volodymyr Zelenskyy has pledged to not surrender.\n\n"
        "Below are the key moments of the third day of invasion:\n\n"
        "  • Battle for Kyiv\n\nRussian forces launched missile attacks on cities.\n"
    )
    (only,) = parse_text_all(text, "x")
    assert [e.text for _, e in only.iter_events()] == [
        "Battle for Kyiv: Russian forces launched missile attacks on cities."
    ]


def test_a_markdown_notes_file_is_not_a_bulletin(fixture_path):
    """A notes file a shell glob picked up ("## Day 1", 14 bullets) was once imported as day 1."""
    path = fixture_path("notes_by_day.md")
    with pytest.raises(InputError) as info:
        parse_path(path)
    assert str(info.value) == f"{path}: not a bulletin (no bulletin title, intro or situation line)"


def test_a_page_holding_only_a_script_is_not_a_bulletin(fixture_path):
    """Its <title> is a bulletin's, but it has no event: storing it would replace a real day."""
    path = fixture_path("script_only_page.html")
    with pytest.raises(InputError) as info:
        parse_path(path)
    assert str(info.value) == f"{path}: not a bulletin (no events found)"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Russia-Ukraine war: List of key events, day 1,462\n", "no events found"),
        ("As the war enters its 1,462nd day, these are the main developments.\n", "no events found"),
        ("- apples\n- bread and butter for the week\n", "no bulletin title, intro or situation line"),
        ("# Notes on day 12\n\n- Check the Kharkiv claims.\n", "no bulletin title, intro or situation line"),
    ],
)
def test_a_bulletin_needs_a_header_and_an_event(text, reason):
    with pytest.raises(InputError) as info:
        parse_bytes(text.encode(), "f.txt")
    assert str(info.value) == f"f.txt: not a bulletin ({reason})"


@pytest.mark.parametrize(
    "header",
    [
        "Russia-Ukraine war: List of key events, day 12",  # a title…
        "As the war enters its 12th day, these are the main developments.",  # …an intro…
        "Here is the situation on Monday, March 7:",  # …or a situation line is enough
    ],
)
def test_any_one_of_title_intro_or_situation_line_makes_a_bulletin(header):
    b = parse_bytes(f"{header}\n- Russian forces shelled Kharkiv, officials said.\n".encode(), "f.txt")
    assert b.event_count == 1
