"""`warreader.days`: the one place where a typed day (number or date) is resolved against the library."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from warreader.days import day_number, find_day, parse_date, resolve_day
from warreader.errors import InputError, NotFoundError


@dataclass
class Day:
    day: int
    date: dt.date | None


DAYS = [Day(1000, dt.date(2024, 11, 20)), Day(987, dt.date(2024, 11, 8)), Day(986, dt.date(2024, 11, 7)),
        Day(622, dt.date(2023, 11, 8)), Day(5, None)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("987", 987),
        (" day 987 ", 987),
        ("Day 1,000", 1000),
        ("1,000", 1000),
        ("1.000", 1000),
        ("2024-11-08", 987),
        ("Nov 8 2024", 987),
        ("8 November 2024", 987),
        ("08/11/2024", 987),  # day first
        ("November 20, 2024", 1000),
        ("Nov 7", 986),  # no year: the only stored day on 7 November
        ("5", 5),
    ],
)
def test_every_form_names_its_day(text, day):
    assert find_day(text, DAYS) == day
    assert resolve_day(text, DAYS) == (day, "")


def test_a_missing_number_names_the_nearest_stored_days():
    with pytest.raises(NotFoundError) as info:
        find_day("990", DAYS)
    assert str(info.value) == "Day 990 is not in the library; the nearest stored days are 987 and 1000."
    assert resolve_day("2000", DAYS) == (
        None,
        "Day 2000 is not in the library; the nearest stored day is 1000.",
    )
    assert resolve_day("3", DAYS)[1] == "Day 3 is not in the library; the nearest stored day is 5."


def test_a_missing_date_names_the_nearest_stored_days():
    with pytest.raises(NotFoundError) as info:
        find_day("2024-11-10", DAYS)
    assert str(info.value) == (
        "No bulletin for Sunday 10 November 2024 in the library; the nearest stored days are "
        "987 (Friday 8 November 2024) and 1000 (Wednesday 20 November 2024)."
    )


def test_a_yearless_date_on_several_days_asks_for_the_year():
    with pytest.raises(InputError) as info:
        find_day("Nov 8", DAYS)
    assert "day 622 (2023-11-08), day 987 (2024-11-08): add the year" in str(info.value)
    with pytest.raises(NotFoundError, match="No day in the library falls on 9 November"):
        find_day("9 Nov", DAYS)


def test_text_that_names_no_day():
    with pytest.raises(InputError, match="'yesterday' is not a day number or a date"):
        find_day("yesterday", DAYS)
    assert resolve_day("", DAYS)[0] is None


def test_an_empty_library():
    assert resolve_day("987", [])[1].startswith("Day 987 is not in the library: it is empty")


def test_helpers():
    assert day_number("Day 1,313") == 1313 and day_number("1313 days") is None
    assert parse_date("Nov 8 2024") == (dt.date(2024, 11, 8), True)
    assert parse_date("Nov 8")[1] is False
    assert parse_date("not a date") == (None, False)
