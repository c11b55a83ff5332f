"""Amounts as bulletins write them (warreader.facts.numbers): number words, vague amounts, qualifiers,
ranges, and the numbers that are never counts."""

from __future__ import annotations

import pytest

from warreader.facts.numbers import EventText, amount, find_quantities, normalise, word_number


def quantities(text: str) -> list[tuple]:
    return [
        (q.value, q.low, q.high, q.approx, text[q.start : q.end]) for q in find_quantities(EventText(text))
    ]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("four", 4),
        ("thirty-three", 33),
        ("thirty three", 33),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("two hundred and fifty", 250),
        ("a hundred", 100),
        ("three thousand", 3000),
        ("forty four", 44),
    ],
)
def test_number_words(words, value):
    assert word_number(words) == value


@pytest.mark.parametrize(
    ("text", "value"), [("1,500", 1500), ("2.5 million", 2_500_000), ("121,000", 121_000), ("12", 12)]
)
def test_digits(text, value):
    assert amount(text) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ACLED's conservative reading of vague amounts
        ("tens of people", (10, None, None, True, "tens of")),
        ("dozens of drones", (12, None, None, True, "dozens of")),
        ("hundreds died", (100, None, None, True, "hundreds")),
        ("thousands of residents", (1000, None, None, True, "thousands of")),
        ("tens of thousands fled", (10_000, None, None, True, "tens of thousands")),
        # qualifiers: the number stays, it becomes approximate
        ("at least 25 people", (25, None, None, True, "at least 25")),
        ("more than 130 injured", (130, None, None, True, "more than 130")),
        ("over a dozen injuries", (12, None, None, True, "over a dozen")),
        ("about 3,500 children", (3500, None, None, True, "about 3,500")),
        ("nearly 40 missiles", (40, None, None, True, "nearly 40")),
        ("some 6,000 people", (6000, None, None, True, "some 6,000")),
        ("no less than one officer", (1, None, None, True, "no less than one")),
        ("a total of 74 people", (74, None, None, False, "a total of 74")),
        # ranges: value = the low end
        ("between 10 and 15 people", (10, 10, 15, True, "between 10 and 15")),
        ("10 to 15 people", (10, 10, 15, True, "10 to 15")),
        ("two or three people", (2, 2, 3, True, "two or three")),
        ("10-15 people", (10, 10, 15, True, "10-15")),
    ],
)
def test_amounts(text, expected):
    assert quantities(text)[0] == expected


def test_a_change_counts_where_it_ended():
    assert quantities("the death toll rose from 20 to 28")[0][0] == 28


@pytest.mark.parametrize(
    "text",
    [
        "a 54-year-old woman",
        "two men aged 44 and 46",  # the ages (the "two" is a count)
        "sentenced to 15 years in prison",
        "45 years old",
        "40% of the city",
        "40 percent of the city",
        "just 70km (43 miles) from the border",
        "on February 24, 2022",
        "on 24 February",
        "in 2014",
        "at 7:28am local time (04:28 GMT)",
        "for 30 minutes",
        "its 31st anniversary",
        "S-300 and F-16 and L-39",
        "a 50-day deadline",
        "day 1,000 of the war",
    ],
)
def test_numbers_that_are_never_counts(text):
    found = quantities(text)
    assert found in ([], [(2, None, None, False, "two")]), found


def test_a_year_followed_by_a_noun_is_a_count():
    assert quantities("in 2014 and 2000 people")[0][0] == 2000


def test_normalise_keeps_every_offset():
    text = "Ukraine’s “key” city – Kharkiv\u00a0…"
    assert len(normalise(text)) == len(text)
    assert normalise(text).startswith('Ukraine\'s "key" city - Kharkiv ')
