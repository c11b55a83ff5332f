"""The two bundled samples parse exactly as the issue's "done when" says."""

from __future__ import annotations

import datetime as dt

from warreader.parsing import parse_file
from warreader.resources import data_dir


def test_day_981_spun_sample(texts, captions):
    b = parse_file(data_dir() / "day0981_dailywriteups-spun.txt")
    assert b.day == 981
    assert b.date == dt.date(2024, 11, 2)
    assert [s.heading for s in b.sections] == [
        "Preventing",
        "North Korean troops in Ukraine",
        "Politics and diplomacy",
        "Weapons",
    ]
    assert b.event_count == 18
    assert "text looks machine-spun" in b.warnings
    event_texts = texts(b)
    # Neither the caption pair, the intro, the situation line nor the comment form is an event.
    assert not any("Rescuers" in t or "Leave a Reply" in t or "Right here is" in t for t in event_texts)
    assert not any("enters its 981st day" in t or "Save my name" in t for t in event_texts)
    assert len(captions(b)) == 2 and all("Rescuers" in c for c in captions(b))
    # "[drones]" mid-sentence is part of an event, not a caption.
    assert any("about [drones] “assembled in Ukraine”" in t for t in event_texts)


def test_day_987_mojibake_sample(texts, captions):
    b = parse_file(data_dir() / "day0987_mojibake-copy.txt")
    assert (b.day, b.date, b.title) == (
        987,
        dt.date(2024, 11, 8),
        "Russia-Ukraine war: List of key events, day 987",
    )
    assert len(b.sections) == 5 and b.event_count == 21
    assert "Russian affairs" in [s.heading for s in b.sections]
    event_texts = texts(b)
    # Mojibake repaired, curly quotes and apostrophes kept as published.
    assert event_texts[0].startswith(
        "Russian forces have captured the village of Kreminna Balka in Ukraine’s eastern"
    )
    assert any("“locationally lost”" in t for t in event_texts)
    assert not any("â€" in t or "Ã" in t or "Â" in t for t in event_texts)
    assert not any(
        t.startswith(("Rescuers", "Advertisement", "Published On", "Here is the situation"))
        for t in event_texts
    )
    assert len(captions(b)) == 2
    assert b.warnings == []


def test_preventing_and_fighting_share_a_theme(texts, captions):
    spun = parse_file(data_dir() / "day0981_dailywriteups-spun.txt")
    clean = parse_file(data_dir() / "day0987_mojibake-copy.txt")
    assert spun.sections[0].theme == clean.sections[0].theme == "fighting"
