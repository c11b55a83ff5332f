"""Plain-text quirks, each on a short fixture in the shape of a real copy."""

from __future__ import annotations

import datetime as dt

import pytest

from warreader.errors import InputError
from warreader.parsing import parse_bytes, parse_file


def test_dash_bullets_captions_junk_and_title_suffix(fixture_path, texts, captions):
    b = parse_file(fixture_path("aj_dashes_captions.txt"))
    assert b.title == "Russia-Ukraine war: List of key events, day 1,000"
    assert b.day == 1000
    assert b.date == dt.date(2024, 11, 20)  # no year stated: the weekday picks 2024
    assert [s.heading for s in b.sections] == ["Fighting and weapons", "Diplomacy"]  # "Diplomacy :"
    event_texts = texts(b)
    assert len(event_texts) == 6
    for junk in ("Save", "share2", "Advertisement", "Published On", "Source:", "Click here", "These were"):
        assert not any(t.startswith(junk) for t in event_texts), junk
    # Both forms of the caption (REUTERS/Stringer, [Reuters]) are captions of the first section.
    assert len(b.sections[0].captions) == 2
    # Brackets inside quotes or mid-sentence are editorial, not credits.
    assert any("[drones] “assembled in Ukraine”" in t for t in event_texts)
    assert any("“[air defence] systems now”" in t for t in event_texts)
    assert b.warnings == []


def test_spun_copy_with_bullets_and_comment_form(fixture_path, texts, captions):
    b = parse_file(fixture_path("spun_bullets_comments.txt"))
    assert b.title == "Russia-Ukraine struggle: Record of key occasions, day 981"
    assert (b.day, b.date) == (981, dt.date(2024, 11, 2))
    assert [s.theme for s in b.sections] == ["fighting", "diplomacy"]
    event_texts = texts(b)
    assert len(event_texts) == 3
    assert not any(
        "Reply" in t or "email" in t or "Related" in t or "information companies" in t for t in event_texts
    )
    assert len(captions(b)) == 2
    assert "text looks machine-spun" in b.warnings


def test_unbulleted_paragraphs_and_alt_text(fixture_path, texts, captions):
    b = parse_file(fixture_path("paragraphs_no_markers.txt"))
    assert b.date == dt.date(2024, 5, 6)
    assert [s.heading for s in b.sections] == [None, "Politics and diplomacy"]
    # The untitled first group (AJ left out "Fighting") gets its theme from its words, marked inferred.
    assert (b.sections[0].theme, b.sections[0].theme_inferred) == ("fighting", True)
    assert (b.sections[1].theme, b.sections[1].theme_inferred) == ("diplomacy", False)
    assert [len(s.events) for s in b.sections] == [2, 2]
    # The alt text (no credit of its own) sits right above its credited caption: both are captions.
    assert b.sections[0].captions[0].startswith("Emergency workers at an apartment building")
    assert b.sections[0].captions[1].endswith("[Vyacheslav Madiyevskyy/Reuters]")
    assert b.warnings == []


def test_lone_markers_mixed_lines_cutoff_and_empty_final_bullet(fixture_path, texts, captions):
    b = parse_file(fixture_path("lone_markers_mixed_cutoff.txt"))
    assert b.title == "Key events of the Russia-Ukraine war: Day 1,077"  # no crawl prefix
    assert b.day == 1077
    assert b.date == dt.date(2025, 2, 7)
    assert [s.heading for s in b.sections] == ["Fighting and Weapons", "Humanitarian Efforts"]
    fighting, humanitarian = b.sections
    # A lone "-" or "•" line: the text is on the next line. Invented labels stay part of the text.
    assert fighting.events[0].text.startswith("Command Post Hit: The Ukrainian military")
    assert fighting.events[1].text.startswith("Russian Advances: ")
    # A line without a marker in the middle of a bulleted list is an event too.
    assert fighting.events[2].text.startswith("Kyiv’s military claimed")
    # The truncated last event is kept (the empty final bullet is not) and a warning says so.
    assert len(humanitarian.events) == 2
    assert humanitarian.events[-1].text.endswith("leaving thousands witho")
    assert "last event looks cut off" in b.warnings
    assert not any(t in ("X", "14:38", "Follow Us on Facebook") for t in texts(b))


def test_guardian_glance_credits_and_spelled_out_day(fixture_path, texts, captions):
    b = parse_file(fixture_path("guardian_glance.txt"))
    assert b.day == 50  # "day fifty"
    assert b.date is None and "no date in the text" in b.warnings
    captions = captions(b)
    assert len(captions) == 3
    assert captions[0].endswith("Photograph: Evgeniy Maloletka/AP")
    assert captions[1].endswith("THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY.")
    assert captions[2].endswith("(Photo by Sergei Supinsky / AFP)")
    event_texts = texts(b)
    assert len(event_texts) == 4
    assert not any(t.startswith(("INTERACTIVE", "Skip to")) for t in event_texts)


def test_headline_bullets_with_paragraphs_become_one_event(texts, captions):
    text = (
        "Russia’s invasion of Ukraine: List of key moments from Day 3\n\n"
        "Russia has launched a full-scale military invasion of Ukraine.\n\n"
        "Below are the key moments of the third day of invasion:\n\n"
        "Saturday, February 26\n\n"
        "  • Battle for Kyiv\n\n"
        "Russian forces launched coordinated missile and artillery attacks on cities.\n\n"
        "  • Russia orders big push\n\n"
        "Russia ordered its troops to advance “from all directions”.\n"
    )
    b = parse_bytes(text.encode(), "day3.txt")
    assert (b.day, b.date) == (3, dt.date(2022, 2, 26))
    assert texts(b) == [
        "Battle for Kyiv: Russian forces launched coordinated missile and artillery attacks on cities.",
        "Russia orders big push: Russia ordered its troops to advance “from all directions”.",
    ]


def test_news_api_truncation_marker_is_cut_and_warned(texts, captions):
    text = "Key events, day 157\nFighting\n- Ukraine said 100 soldiers… [+1779 chars]\n"
    b = parse_bytes(text.encode(), "x.txt")
    assert texts(b) == ["Ukraine said 100 soldiers"]
    assert "last event looks cut off" in b.warnings


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\r\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"hello\x00world" * 20, "binary"),
        (b"# Shopping list\n\n- apples\n- bread and butter\n", "not a bulletin"),
    ],
)
def test_inputs_that_are_not_bulletins_raise_input_error_naming_the_file(data, message, texts, captions):
    with pytest.raises(InputError) as info:
        parse_bytes(data, "some/file.txt")
    assert "some/file.txt" in str(info.value)
    assert message in str(info.value)


def test_missing_file_and_folder_raise_input_error(tmp_path, texts, captions):
    with pytest.raises(InputError, match="nope.txt"):
        parse_file(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        parse_file(tmp_path)


JUNK_LINES = [
    "Advertisement",
    "Published On 8 Nov 2024",
    "Save",
    "share2",
    "Share",
    "Facebook",
    "Twitter",
    "WhatsApp",
    "Click here to share on social media",
    "Get the latest updates here.",
    "Connect with us",
    "spot_img",
    "2 hours ago 1",
    "Trending 9 months ago",
    "close",
    "X",
    "Follow Us on Facebook",
    "14:38",
    "INTERACTIVE Russia Ukraine War Who controls what Day 50",
    "Skip to main contentSkip to navigation",
    "Get all your news in one place.",
    "100’s of premium titles.",
    "One app.",
    "Start reading",
    "The Guardian - AU",
    "This article is more than 2 months old",
]


def test_page_furniture_is_never_an_event(texts):
    body = "\n".join(
        f"{junk}\n- Event number {i} happened in the east, officials said."
        for i, junk in enumerate(JUNK_LINES)
    )
    text = f"Russia-Ukraine war: List of key events, day 987\nFighting\n{body}\n"
    b = parse_bytes(text.encode(), "junk.txt")
    assert texts(b) == [
        f"Event number {i} happened in the east, officials said." for i in range(len(JUNK_LINES))
    ]


def test_source_line_and_comment_form_end_the_article(texts):
    text = (
        "Russia-Ukraine war: List of key events, day 987\nFighting\n- One event happened, officials said.\n"
        "Source: Al Jazeera and information companies\n- Not an event after the source line.\n"
    )
    assert texts(parse_bytes(text.encode(), "x")) == ["One event happened, officials said."]
