"""Issue 16: `Library.find` holds to a brute-force filter over `show --json` of every day, for queries
drawn from the whole language; errors name the term."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import DAY_981, build_bulletin
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warreader.cli import main
from warreader.query import QueryError, parse
from warreader.search import fold
from warreader.store import Library

WORDS = ["kyiv", "kiev", "drone", "drones", "grain", "power", "Zelenskyy", "court", "night", "é"]
TAGS = ["drones", "Energy", "kharkiv-oblast", "verify-later"]
FLAGS = ["important", "verify", "follow-up", "geolocate"]
THEMES = ["fighting", "politics-and-diplomacy", "economy"]
TEXTS = [
    "Russian drones hit Kyiv overnight, killing two people.",
    "Ukraine said grain exports from Odesa resumed.",
    "Power cuts across Kharkiv after strikes on energy sites.",
    "Zelenskyy met allies in Kiev to discuss air defence.",
    "A court in Moscow jailed a US citizen for 12 years.",
    "Drone debris fell on a café near the Dnipro river at night.",
    "The grain corridor stayed open despite the attacks.",
    "Strikes on Kyiv’s energy grid left thousands without power.",
]

GLANCE = [  # another outlet's wording: no event of it is a copy of the list above
    "The Kremlin said talks would have to reflect realities on the ground.",
    "Poland scrambled jets overnight as a precaution.",
    "Inflation in Russia rose again, the central bank said.",
]


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """Ten days, two outlets on some, annotations and day notes of every kind, one orphan."""
    path = tmp_path_factory.mktemp("query") / "lib"
    library = Library.open(path, seed_samples=False)
    bulletins = []
    for n, day in enumerate(range(900, 910)):
        sections = {
            "Fighting": [f"{TEXTS[(n + i) % len(TEXTS)]} Day {day} item {i}." for i in range(3)],
            "Politics and diplomacy": [f"{TEXTS[(n + 5) % len(TEXTS)]} ({day})"],
        }
        bulletin = build_bulletin(day, sections, source=f"aj-{day}.txt")
        bulletin.date = dt.date(2024, 10, 25) + dt.timedelta(days=n)
        bulletins.append(bulletin)
        if n % 3 == 0:
            glance = [f"{GLANCE[(n + i) % len(GLANCE)]} [{day}]" for i in range(2)]
            other = build_bulletin(day, {"Economy": glance}, source=f"https://www.theguardian.com/{day}")
            other.date = bulletin.date
            bulletins.append(other)
    library.import_bulletins(bulletins)
    events = [
        e.id for d in library.days() for b in library.bulletins(d.day) for _, e in b.bulletin.iter_events()
    ]
    for i, event_id in enumerate(events):
        if i % 3 == 0:
            library.annotate(event_id, add_tags=[TAGS[i % 4]], add_flags=[FLAGS[i % 4]] if i % 2 else [])
        if i % 5 == 0:
            library.annotate(event_id, note=f"check {WORDS[i % len(WORDS)]} figure {i}")
    library.set_day_note(903, "Big drone night across Ukraine.")
    library.set_day_note(907, "Quiet on the grain front.")
    library.merge_annotation(
        "950-aaaaaaaaaa",
        day=950,
        quote="An event from a colleague's library.",
        tags=["drones"],
        note="orphan note",
    )
    yield library
    library.close()


def brute_force(library: Library, capsys, query: str) -> list[str]:
    """Every event of `show --json` (and every orphan) kept by a filter written from the docs alone."""
    assert main(["--db", str(library.path), "list", "--json"]) == 0
    days = [d["day"] for d in json.loads(capsys.readouterr().out)]
    annotations = {a.event_id: a for a in library.annotations()}
    day_notes = {d: (n.note if (n := library.day_note(d)) else "") for d in days}
    rows = []
    for day in days:
        assert main(["--db", str(library.path), "show", str(day), "--json"]) == 0
        shown = json.loads(capsys.readouterr().out)
        date = dt.date.fromisoformat(shown["date"]) if shown["date"] else None
        for bulletin in shown["bulletins"]:
            for section in bulletin["sections"]:
                for event in section["events"]:
                    rows.append(
                        (event["id"], event["text"], day, date, section["theme"], bulletin["outlet"], False)
                    )
    for a in annotations.values():
        if a.orphan:
            rows.append((a.event_id, a.quote, a.day, None, a.theme, None, True))
    terms = parse(query).terms
    kept = []
    for event_id, text, day, date, theme, outlet, orphan in rows:
        a = annotations.get(event_id)
        tags, flags, note = (a.tags, a.flags, a.note) if a else ([], [], "")
        everything = " ".join([fold(text), fold(note), fold(" ".join(tags)), fold(day_notes.get(day, ""))])
        ok = True
        for term in terms:
            if term.field is None:
                hit = any(s in everything for s in term.spellings[0])
            elif term.field == "tag":
                hit = any(t.casefold() == v.casefold().replace(" ", "-") for t in tags for v in term.values)
            elif term.field == "flag":
                hit = any(f.casefold() == v.casefold() for f in flags for v in term.values)
            elif term.field == "theme":
                hit = any(theme == v.lower() for v in term.values)
            elif term.field == "outlet":
                hit = any(fold(v) in fold(outlet or "") for v in term.values)
            elif term.field == "note":
                hit = any(fold(v) in fold(note) for v in term.values)
            elif term.field == "day":
                hit = any((lo is None or day >= lo) and (hi is None or day <= hi) for lo, hi in term.bounds)
            elif term.field == "date":
                hit = date is not None and any(
                    (lo is None or date >= lo) and (hi is None or date <= hi) for lo, hi in term.bounds
                )
            elif term.field == "has":
                hit = any(
                    {"note": bool(note.strip()), "tag": bool(tags), "flag": bool(flags)}[v]
                    for v in term.values
                )
            else:
                hit = any({"orphan": orphan, "moved": False}[v] for v in term.values)
            ok = ok and (hit != term.negate)
        if ok:
            kept.append(event_id)
    return kept


def _term():
    word = st.sampled_from(WORDS)
    return st.one_of(
        word,
        word.map(lambda w: f'"{w} "'.replace(' "', '"')),
        st.sampled_from(TAGS).map(lambda t: f"tag:{t.upper() if len(t) % 2 else t}"),
        st.lists(st.sampled_from(FLAGS), min_size=1, max_size=2).map(lambda f: "flag:" + ",".join(f)),
        st.sampled_from(THEMES).map(lambda t: f"theme:{t}"),
        st.sampled_from(["guardian", "aj", "theguardian.com", "guard"]).map(lambda o: f"outlet:{o}"),
        st.sampled_from(["check", "figure", "kyiv"]).map(lambda n: f"note:{n}"),
        st.tuples(st.integers(895, 912), st.integers(0, 6)).map(lambda p: f"day:{p[0]}..{p[0] + p[1]}"),
        st.integers(895, 912).map(lambda d: f"day:{d}"),
        st.sampled_from(["2024-10", "2024-11", "2024-10-28..2024-11-01", "2024", "..2024-10-30"]).map(
            lambda d: f"date:{d}"
        ),
        st.sampled_from(["note", "tag", "flag", "note,flag"]).map(lambda h: f"has:{h}"),
        st.just("is:orphan"),
    )


@pytest.fixture(scope="module")
def command_line(library):
    """The same library as a short command opens it: deferred, reading single days and words.idx."""
    Library.open(library.path, keep_caches=True).find("kyiv")  # leaves words.idx and the summary current
    assert (library.path / "words.idx").exists()
    opened = Library.open(library.path, defer_bulletins=True, keep_caches=True)
    yield opened
    opened.close()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.booleans(), _term()), min_size=1, max_size=3))
def test_find_equals_the_brute_force_filter(library, command_line, capsys, terms):
    query = " ".join(("-" if negate else "") + term for negate, term in terms)
    expected = sorted(brute_force(library, capsys, query))
    assert sorted(r.id for r in library.find(query)) == expected
    # A command-line process answers the same, from single days and the word file.
    assert sorted(r.id for r in command_line.find(query)) == expected


def test_a_word_query_from_the_command_line_reads_only_its_days(command_line):
    fresh = Library.open(command_line.path, defer_bulletins=True, keep_caches=True)
    for query in ("tag:drones kyiv", "grain -odesa", "day:903..905", "date:2024-11", "is:orphan"):
        assert fresh.find(query), query
    assert not fresh.loaded
    fresh.find("theme:economy")  # needs every event: loads them
    assert fresh.loaded


def test_a_stale_word_file_is_never_used(tmp_path, make):
    library = Library.open(tmp_path / "lib", seed_samples=False, keep_caches=True)
    library.import_bulletins([make(981, DAY_981)])
    assert [r.day for r in library.find("kyiv")] == [981]
    other = Library.open(tmp_path / "lib", seed_samples=False)
    other.import_bulletins([make(982, {"Fighting": ["Drones hit Kyiv again."]})])
    short = Library.open(tmp_path / "lib", defer_bulletins=True, keep_caches=True)
    assert [r.day for r in short.find("kyiv")] == [982, 981]  # the new day, though words.idx predates it


def test_the_fixture_has_two_outlets(library):
    assert {d.bulletins for d in library.days()} == {1, 2}
    assert library.find("outlet:guardian") and library.find("outlet:aj")


def test_results_come_newest_day_first_in_reading_order(library):
    found = library.find("tag:drones,energy,kharkiv-oblast,verify-later")
    days = [r.day for r in found]
    assert days == sorted(days, reverse=True)
    assert found[-1].section_index == -1 or found[-1].day >= 900


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("foo:bar", "Unknown field 'foo:'"),
        ("tag:", "nothing after 'tag:'"),
        ("day:1000..900", "runs backwards"),
        ("day:abc", "a day is a number"),
        ("date:2024-13", "a date is YYYY"),
        ("has:notes", "has: takes note, tag, flag"),
        ("is:lost", "is: takes orphan, moved"),
    ],
)
def test_bad_queries_are_clear_errors(library, query, message):
    with pytest.raises(QueryError, match=message):
        library.find(query)


def _in_result_order(library: Library, query: str) -> list[str]:
    """Every match, sorted as the results promise: newest day first, then reading order, then the day's
    orphans (the order `find` gives without a limit, built here from the library's own day listing)."""
    order: dict[str, tuple] = {}
    for day in library.days():
        position = 0
        for bulletin in library.bulletins(day.day):
            for _, event in bulletin.bulletin.iter_events():
                order.setdefault(event.id, (-day.day, False, position))
                position += 1
    found = library.find(query)
    return [r.id for r in sorted(found, key=lambda r: order.get(r.id, (-r.day, True, 0)))]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.booleans(), _term()), min_size=1, max_size=3), st.integers(1, 12))
def test_a_limit_gives_the_first_results_in_order(library, terms, limit):
    """The reader asks for a page (`limit`): candidates are then checked lazily, in result order, and the
    page is exactly the start of the whole answer."""
    query = " ".join(("-" if negate else "") + term for negate, term in terms)
    whole = _in_result_order(library, query)
    assert [r.id for r in library.find(query)] == whole
    assert [r.id for r in library.find(query, limit=limit)] == whole[:limit]


def test_an_orphan_is_found_by_its_day(library):
    """An orphan keeps the day it was made on: `day:` finds it, alone or with a word, like any event."""
    assert [r.id for r in library.find("day:950")] == ["950-aaaaaaaaaa"]
    assert [r.id for r in library.find("day:940..960 orphan")] == ["950-aaaaaaaaaa"]
    assert library.find("date:2024 day:950") == []  # an orphan has no date
