"""The synthetic corpus generator: deterministic, in the shapes real bulletins take, and read back by the
real parser with the same day, date and event count."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest

from warreader.generator import (
    SOURCE_LINE,
    STYLES,
    bulletin_date,
    generate,
    generate_bulletin,
    iter_bulletins,
    ordinal,
    write_corpus,
)

# Enough days to see every layout and quirk at least once (each is drawn with ≥ 10% odds per day).
SAMPLE = generate(120, seed=3, first_day=900)


def test_same_seed_same_text_and_days_do_not_depend_on_n():
    again = generate(120, seed=3, first_day=900)
    assert [b.text for b in again] == [b.text for b in SAMPLE]
    # Day 950 is the same whether it is generated alone or among 120.
    assert generate_bulletin(950, seed=3).text == SAMPLE[50].text


def test_another_seed_gives_other_text():
    assert generate_bulletin(950, seed=4).text != generate_bulletin(950, seed=3).text


def test_day_to_date_follows_al_jazeera_including_its_drift():
    assert bulletin_date(1) == dt.date(2022, 2, 24)
    assert bulletin_date(430) == dt.date(2023, 4, 29)  # no drift yet
    assert bulletin_date(760) == dt.date(2024, 3, 25)  # +1
    assert bulletin_date(850) == dt.date(2024, 6, 24)  # +2
    assert bulletin_date(987) == dt.date(2024, 11, 8)  # +2
    assert bulletin_date(1000) == dt.date(2024, 11, 20)  # +1
    assert bulletin_date(1219) == dt.date(2025, 6, 27)
    with pytest.raises(ValueError):
        bulletin_date(0)


def test_ordinals():
    assert [ordinal(n) for n in (1, 2, 3, 11, 12, 13, 22, 987, 1000)] == [
        "1st",
        "2nd",
        "3rd",
        "11th",
        "12th",
        "13th",
        "22nd",
        "987th",
        "1,000th",
    ]


def test_title_intro_and_situation_line_agree_with_the_day():
    for b in SAMPLE:
        lines = b.text.splitlines()
        assert lines[0] == f"Russia-Ukraine war: List of key events, day {b.day:,}"
        situation = next(line for line in lines if line.startswith("Here is"))
        weekday = b.date.strftime("%A")
        assert f"{weekday}, {b.date:%B} {b.date.day}" in situation
        year = re.search(r", (\d{4})[:.]$", situation)
        assert year is None or int(year.group(1)) == b.date.year
    assert "day 1,000" in generate_bulletin(1000).text


def test_event_counts_and_lengths_are_realistic():
    for b in SAMPLE:
        assert 15 <= b.event_count <= 40
        assert 2 <= len(b.sections) <= 6
        assert all(s.events for s in b.sections)
        for text in b.event_texts():
            assert 150 <= len(text) <= 600, text
            assert text.endswith((".", "”", "”."))
            assert text in b.text  # every event is printed verbatim


def test_every_layout_and_quirk_occurs():
    quirks = {q for b in SAMPLE for q in b.quirks}
    assert {f"style:{s}" for s in STYLES} <= quirks
    assert {"no-first-heading", "heading-colon", "caption", "published-on", "source-line"} <= quirks
    texts = "\n".join(b.text for b in SAMPLE)
    assert "\n  • " in texts and "\n- " in texts
    assert re.search(r"\n[^\n\[]+ \[[^\]]+/[^\]]+\]\n", texts)  # a "[Name/Agency]" caption line
    assert re.search(r"\nPublished On \d{1,2} [A-Z][a-z]{2} \d{4}\n", texts)
    assert SOURCE_LINE in texts
    headings = {s.heading for b in SAMPLE for s in b.sections}
    assert {None, "Fighting", "Politics and diplomacy", "Politics/diplomacy"} <= headings
    assert len(headings) >= 15


def test_era_specific_sections_only_in_their_era():
    early = generate(60, seed=1, first_day=100)
    assert not any(s.theme == "north_korea" for b in early for s in b.sections)
    assert any(s.theme == "north_korea" for b in SAMPLE for s in b.sections)


def test_write_corpus_writes_what_it_returns(tmp_path):
    written = write_corpus(tmp_path / "corpus", 5, seed=2, first_day=998)
    files = sorted((tmp_path / "corpus").iterdir())
    assert [f.name for f in files] == [f"day{d:04d}_synthetic.txt" for d in range(998, 1003)]
    assert [f.read_bytes() for f in files] == [b.data for b in written]
    assert list(iter_bulletins(0)) == []
    with pytest.raises(ValueError):
        list(iter_bulletins(-1))


def test_cli_writes_a_corpus(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "warreader.generator", str(tmp_path / "out"), "-n", "3", "--seed", "7"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "wrote 3 bulletins" in result.stderr
    assert len(list((tmp_path / "out").glob("day000?_synthetic.txt"))) == 3


# Thirty days spread over the whole war, so every era's intro, heading set and date drift is read back.
ROUND_TRIP_DAYS = range(1, 1501, 50)


def test_the_real_parser_reads_back_day_date_and_event_count():
    from warreader.parsing import parse_bytes

    for day in ROUND_TRIP_DAYS:
        made = generate_bulletin(day, seed=7)
        parsed = parse_bytes(made.data, made.filename)
        assert (parsed.day, parsed.date, parsed.event_count) == (made.day, made.date, made.event_count), (
            day,
            made.quirks,
        )
        assert [s.heading for s in parsed.sections] == [s.heading for s in made.sections], day
        assert sum(len(s.captions) for s in parsed.sections) == 2 * made.caption_count, day


def test_to_bulletin_is_what_the_parser_produces():
    from warreader.parsing import parse_bytes

    for day in ROUND_TRIP_DAYS:
        made = generate_bulletin(day, seed=7)
        parsed = parse_bytes(made.data, made.filename)
        model = made.to_bulletin()
        expected = [(e.id, e.text) for _, e in model.iter_events()]
        assert expected == [(e.id, e.text) for _, e in parsed.iter_events()], day
        assert [s.theme for s in model.sections] == [s.theme for s in parsed.sections]
