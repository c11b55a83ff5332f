"""Day numbers, situation-line dates without a year, and the theme table."""

from __future__ import annotations

import datetime as dt

import pytest

from warreader import themes
from warreader.parsing import dates, parse_bytes


@pytest.mark.parametrize(
    ("title", "day"),
    [
        ("Russia-Ukraine war: List of key events, day 981", 981),
        ("Russia-Ukraine war: List of key events, day 1,313", 1313),
        ("Russia-Ukraine war: List of key events – day 1,100", 1100),
        ("Guerra Russia-Ucraina: Elenco degli eventi chiave, giorno 1.300", 1300),
        ("Russia-Ukraine war: List of key events, Day 1.300", 1300),
        ("Russia’s invasion of Ukraine: List of key moments from Day 3", 3),
        ("Russia-Ukraine war at a glance: what we know on day eight of the invasion", 8),
        ("What we know on the twenty-first day", 21),
    ],
)
def test_day_from_title(title, day):
    assert dates.day_from_title(title) == day


@pytest.mark.parametrize(
    ("intro", "day"),
    [
        ("As the war enters its 981st day, these are the main developments.", 981),
        ("as the war enters it 492nd day, these are the main developments.", 492),
        ("These were the key developments on the 1,000th day of the Russia-Ukraine war.", 1000),
        ("As the Russian offensive enters its eighth day we take a look at the key events.", 8),
    ],
)
def test_day_from_intro(intro, day):
    assert dates.day_from_intro(intro) == day


@pytest.mark.parametrize(
    ("line", "day", "expected"),
    [
        ("Here is the situation on Saturday, November 2:", 981, dt.date(2024, 11, 2)),
        ("Here are the key events so far on Thursday, April 14.", 50, dt.date(2022, 4, 14)),
        ("Here are the key events from Monday, August 22.", 180, dt.date(2022, 8, 22)),
        ("Here is the situation as it stands on Monday, May 1, 2023:", 432, dt.date(2023, 5, 1)),
        ("Here is where things stand on Wednesday, April 30:", 1161, dt.date(2025, 4, 30)),
        ("Here is how things stand on Friday, June 27:", 1219, dt.date(2025, 6, 27)),
        ("This is how things stand on Thursday, June 19 :", 1211, dt.date(2025, 6, 19)),
        ("This is the situation as it stands on Sunday, June 18, 2023.", 480, dt.date(2023, 6, 18)),
        ("Right here is the scenario on Saturday, November 2:", 981, dt.date(2024, 11, 2)),
        ("Right here is the state of affairs on Saturday, November 2:", 981, dt.date(2024, 11, 2)),
        # AJ's date runs two days ahead of the arithmetic between days 850 and 960.
        ("Here is the situation on Monday, June 24:", 850, dt.date(2024, 6, 24)),
    ],
)
def test_situation_line_dates(line, day, expected):
    text = (
        f"Russia-Ukraine war: List of key events, day {day}\n{line}\nFighting\n- Something happened today.\n"
    )
    b = parse_bytes(text.encode(), "x.txt")
    assert b.date == expected
    assert b.event_count == 1  # the situation line is never an event


def test_the_stated_date_wins_over_the_day_arithmetic():
    text = "Key events, day 760\nHere is the situation on Monday, March 25, 2024.\nFighting\n- An event.\n"
    assert parse_bytes(text.encode(), "x").date == dt.date(2024, 3, 25)  # arithmetic says March 24


def test_weekday_that_matches_no_nearby_year_still_picks_nearest_and_warns():
    date, warnings = dates.resolve_date(11, 2, None, dates.WEEKDAYS["monday"], 981)
    assert date == dt.date(2024, 11, 2)
    assert warnings == ["the stated weekday does not match the date"]


def test_no_date_in_text_leaves_date_empty_and_warns():
    b = parse_bytes(b"Key events, day 809\nFighting\n- Ukraine said fighting was raging.\n", "x")
    assert b.date is None  # never from the day number alone
    assert "no date in the text" in b.warnings


@pytest.mark.parametrize(
    ("headings", "key"),
    [
        (
            ["Fighting", "Fighting:", "Preventing", "Fighting in Ukraine", "Battlefield Updates", "Military"],
            "fighting",
        ),
        (["Fighting and Military Activity:", "Fighting and weapons", "FIGHTING :"], "fighting"),
        (
            ["Diplomacy", "Politics and diplomacy", "Politics/diplomacy", "Diplomacy and politics"],
            "diplomacy",
        ),
        (["Politics and Diplomacy", "International diplomacy", "Diplomacy, economy"], "diplomacy"),
        (["North Korean troops in Ukraine", "North Korean soldiers in Ukraine"], "north-korea"),
        (["Kursk incursion", "Kursk invasion"], "kursk"),
        (["Security", "Regional security", "Sicurezza regionale"], "security"),
        (["Russian affairs", "Russian affairsÂ", "Russia"], "russia"),
        (["Weapons", "Military aid"], "weapons"),
        (["Zaporizhzhia nuclear plant"], "nuclear"),
        (["Grain deal"], "grain"),
        (["Gas flows", "Econ", "Sanctions"], "economy"),
        (["Humanitarian Efforts"], "humanitarian"),
        (["Prisoner exchange"], "prisoners"),
        (["War crimes"], "justice"),
    ],
)
def test_theme_variants_gather_under_one_key(headings, key):
    assert {themes.theme_for(h) for h in headings} == {key}


def test_unknown_and_missing_headings():
    assert themes.theme_for(None) == "general"
    assert themes.theme_for("Car bomb death") == "incidents"
    assert themes.theme_for("Space weather over Kyiv") == "space-weather-over-kyiv"
    assert themes.theme_for("") == "general"
    assert themes.theme_label("fighting") == "Fighting"
    assert themes.theme_label("space-weather") == "Space weather"
    assert "fighting" in themes.known_themes() and "general" in themes.known_themes()


def test_user_theme_table_wins(tmp_path, monkeypatch):
    table = tmp_path / "themes.toml"
    table.write_text(
        '[themes.frontline]\nlabel = "Front line"\nnames = ["fighting"]\npatterns = ["^drones?$"]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("WARREADER_THEMES", str(table))
    themes.reload_themes()
    try:
        assert themes.theme_for("Fighting:") == "frontline"
        assert themes.theme_for("Drones") == "frontline"
        assert themes.theme_for("Diplomacy") == "diplomacy"  # shipped rules still apply
        assert themes.theme_label("frontline") == "Front line"
    finally:
        monkeypatch.delenv("WARREADER_THEMES")
        themes.reload_themes()


def test_broken_user_theme_table_is_ignored(tmp_path, monkeypatch, capsys):
    table = tmp_path / "themes.toml"
    table.write_text("this is [not toml", encoding="utf-8")
    monkeypatch.setenv("WARREADER_THEMES", str(table))
    themes.reload_themes()
    try:
        assert themes.theme_for("Fighting") == "fighting"
        assert "ignoring theme table" in capsys.readouterr().err
    finally:
        monkeypatch.delenv("WARREADER_THEMES")
        themes.reload_themes()
