"""Which titles read like daily bulletins (by shape, spun wordings too), and one spelling per link."""

from __future__ import annotations

import pytest

from warreader.fetch import FetchError, is_bulletin_title, is_url, normalise_url
from warreader.fetch.urls import check_scheme, resolve

BULLETIN_TITLES = [
    "Russia-Ukraine war: List of key events, day 987",
    "Russia-Ukraine war at a glance: what we know on day 1,000",
    "Russia’s invasion of Ukraine: List of key moments from Day 3",
    "Russia’s invasion of Ukraine: List of key events on day 50",
    "Russia-Ukraine Conflict: Key Events on Day 1,001",
    "Russia-Ukraine War at a Glance: What We Know on 250th Day of Invasion | Ukraine",
    "Russia-Ukraine War: List of the most important events, day 900 | News about the Russia-Ukraine War",
    "Russia-Ukraine conflict at a glance: what we understand on day 250 of the invasion - The Guardian",
    "Russian-Ukrainian war at a glance: what we know on the 320th day of the invasion | Ukraine",
    "Russia-Ukraine war latest: what we know on day 180 of the invasion",
    "288th day of war in Ukraine - the list of key events",
    "Key events of the Russia-Ukraine war: Day 1,077",
    "Russia-Ukraine War: Key Occasions, Day 765",
    "Guerra Russia-Ucraina: Elenco degli eventi chiave, giorno 1.300",
    "Ukraine war: key developments on Sunday, October 6",
    "At a glance: what we know on day fifty of the invasion",
    "Russia-Ukraine war: List of key events, day 1,243 | Russia-Ukraine war News",
]

OTHER_TITLES = [
    "Israel-Hamas war: List of key events, day 100",  # another war's bulletin: its days are not ours
    "Sudan War: Key Events On Day 300",
    "Gaza war at a glance: what we know on day 200",
    "Russia-Ukraine war: List of key events",  # no day
    "Russia-Ukraine war: Day 987 live updates",  # a day, but not a summary
    "Zelenskyy presents ‘victory plan’ to parliament",
    "What we know about the Kursk incursion",
    "Ukraine war briefing: Kyiv hit by drones as winter nears",
    "",
]


@pytest.mark.parametrize("title", BULLETIN_TITLES)
def test_bulletin_titles(title):
    assert is_bulletin_title(title)


@pytest.mark.parametrize("title", OTHER_TITLES)
def test_other_titles(title):
    assert not is_bulletin_title(title)


def test_a_card_runs_on_after_its_title():
    card = "Russia-Ukraine war: List of key events, day 974  These are the key developments…  3 hours ago"
    assert is_bulletin_title(card)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://www.aljazeera.com/news/", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("ftp://files.example.org/x", True),  # a link, refused later by name
        ("data/day0981.txt", False),
        ("C:\\bulletins\\day0981.txt", False),
        ("www.aljazeera.com/news/x", False),
    ],
)
def test_is_url(text, expected):
    assert is_url(text) is expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://WWW.AlJazeera.com:443/news/2024/11/20/russia-ukraine-war-list-of-key-events-day-1000"
            "?traffic_source=rss#comments",
            "https://www.aljazeera.com/news/2024/11/20/russia-ukraine-war-list-of-key-events-day-1000",
        ),
        ("http://example.org:8080/a?utm_source=x&utm_medium=y&page=2", "http://example.org:8080/a?page=2"),
        (
            "https://msnbctv.news/russia-ukraine-war-day-1243/?amp=1",
            "https://msnbctv.news/russia-ukraine-war-day-1243/?amp=1",
        ),
        ("https://example.org", "https://example.org/"),
        ("ftp://Example.org/x#y", "ftp://Example.org/x#y"),  # not ours to spell
    ],
)
def test_normalise_url(url, expected):
    assert normalise_url(url) == expected


def test_resolve_relative_links():
    base = "https://www.aljazeera.com/tag/ukraine-russia-crisis/"
    assert resolve(base, "../../news/x") == "https://www.aljazeera.com/news/x"
    assert resolve(base, "//cdn.example.org/y") == "https://cdn.example.org/y"
    assert resolve(base, "/news/z") == "https://www.aljazeera.com/news/z"


def test_check_scheme_names_the_link_and_the_scheme():
    check_scheme("https://example.org/")
    with pytest.raises(FetchError, match=r"^file:///etc/passwd: only http and https links can be fetched"):
        check_scheme("file:///etc/passwd")
    with pytest.raises(FetchError, match=r"^https://a/: redirected to ftp://b/x, which is not an http"):
        check_scheme("ftp://b/x", shown="https://a/")
