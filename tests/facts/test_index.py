"""facts.json beside the library: a derived cache validated by bulletins.json's `_rev`, refreshed for
changed days (reusing unchanged events by id), written atomically, never a user data file; and the
queries the reader and the CLI ask of it."""

from __future__ import annotations

import datetime as dt

import orjson
import pytest

from warreader.facts import index as facts_index
from warreader.facts.index import FACTS_FILE, iter_events, load_index
from warreader.model import Bulletin, Event, Section, assign_ids
from warreader.store import Library


def bulletin(day: int, date: dt.date, texts: list[str]) -> Bulletin:
    ids = assign_ids(day, texts)
    events = [Event(i, t) for i, t in zip(ids, texts, strict=True)]
    return Bulletin(day, date, f"day {day}", f"day{day}.txt", [Section("Fighting", "fighting", events)])


DAYS = [
    bulletin(
        1000,
        dt.date(2024, 11, 20),
        ["Russia launched 120 drones overnight; 80 were shot down.", "Zelenskyy met allies in Kyiv."],
    ),  # fmt: skip
    bulletin(999, dt.date(2024, 11, 19), ["Russia launched 50 drones at Kharkiv, killing two people."]),
    bulletin(990, dt.date(2024, 11, 10), ["Russia launched 30 drones at Pokrovsk.", "A quiet day."]),
    bulletin(950, dt.date(2024, 10, 1), ["Ukraine said Russia had launched 10,000 drones since 2022."]),
]


@pytest.fixture
def library(tmp_path):
    lib = Library.open(tmp_path / "library", seed_samples=False)
    lib.import_bulletins(DAYS)
    yield lib
    lib.close()


class CountingExtractor:
    """The default extractor, counting the texts it reads."""

    def __init__(self, extractor):
        self.inner = extractor
        self.gazetteer, self.people = extractor.gazetteer, extractor.people
        self.texts: list[str] = []

    def extract(self, text):
        self.texts.append(text)
        return self.inner.extract(text)


def test_iter_events_walks_newest_day_first_in_reading_order(library):
    events = list(iter_events(library))
    assert [e.day for e in events] == [1000, 1000, 999, 990, 990, 950]
    assert events[0].text.startswith("Russia launched 120") and events[0].date == dt.date(2024, 11, 20)


def test_the_cache_is_written_beside_the_library_and_answers_next_time(library, extractor, monkeypatch):
    index = load_index(library)
    path = library.path / FACTS_FILE
    document = orjson.loads(path.read_bytes())
    assert document["_rev"] == orjson.loads((library.path / "bulletins.json").read_bytes())["_rev"]
    assert len(index) == 6
    # Current: answered from the file, nothing extracted, bulletins.json not even parsed.
    monkeypatch.setattr(facts_index, "_refresh", lambda *a, **k: pytest.fail("refreshed a current cache"))
    again = Library.open(library.path, defer_bulletins=True)
    try:
        cached = load_index(again)
        assert not again.loaded
    finally:
        again.close()
    assert [r.event_id for r in cached.records] == [r.event_id for r in index.records]


def test_only_changed_days_are_read_again(library, extractor, monkeypatch):
    load_index(library)
    counting = CountingExtractor(extractor)
    monkeypatch.setattr(facts_index, "default_extractor", lambda: counting)
    library.import_bulletins([bulletin(1001, dt.date(2024, 11, 21), ["Russia launched 7 drones at Sumy."])])
    index = load_index(library)
    assert counting.texts == ["Russia launched 7 drones at Sumy."]
    assert index.records[0].day == 1001 and index.records[0].figures[0][:2] == ["drones_launched", 7]


def test_an_edited_text_under_the_same_id_is_read_again(library, extractor, monkeypatch):
    load_index(library)
    # Same normalised text, so the same id, but different characters: offsets would be wrong if reused.
    edited = bulletin(990, dt.date(2024, 11, 10), ["Russia  launched 30 drones at Pokrovsk!", "A quiet day."])
    assert edited.sections[0].events[0].id == DAYS[2].sections[0].events[0].id
    library.import_bulletins([edited])
    counting = CountingExtractor(extractor)
    monkeypatch.setattr(facts_index, "default_extractor", lambda: counting)
    index = load_index(library)
    assert counting.texts == ["Russia  launched 30 drones at Pokrovsk!"]
    record = next(r for r in index.records if r.day == 990 and r.figures)
    assert record.figures[0][7] == "launched 30 drones"


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"format": 99}', b'{"format": 1, "days": 5}'])
def test_a_damaged_cache_is_rebuilt(library, damage):
    (library.path / FACTS_FILE).write_bytes(damage)
    assert len(load_index(library)) == 6
    assert orjson.loads((library.path / FACTS_FILE).read_bytes())["format"] == 1


def test_an_unwritable_cache_only_costs_time(library, monkeypatch):
    def refuse(*_args):
        raise OSError("disk full")

    monkeypatch.setattr("warreader.store.atomic.atomic_write_bytes", refuse)
    assert len(load_index(library)) == 6
    assert not (library.path / FACTS_FILE).exists()


def test_the_cache_follows_the_users_tables(library, extractor):
    load_index(library)
    before = orjson.loads((library.path / FACTS_FILE).read_bytes())["tables"]
    from warreader.facts.people import user_people_path

    user_people_path().parent.mkdir(parents=True, exist_ok=True)
    user_people_path().write_text('[[person]]\nname = "Someone"\n', encoding="utf-8")
    assert facts_index.fingerprint() != before


def test_events_naming_a_place_newest_first_and_regions_gather_their_places(library):
    index = load_index(library)
    (kharkiv,) = index.find_place("Kharkiv")
    assert [r.day for r in index.events_naming_place(kharkiv)] == [999]
    from warreader.facts.extractor import default_extractor

    donetsk = default_extractor().gazetteer.resolve("Donetsk region")
    assert [r.day for r in index.events_naming_place(donetsk)] == [990]  # Pokrovsk is in it
    assert [r.day for r in index.events_naming_person("Volodymyr Zelenskyy")] == [1000]


def test_weekly_and_monthly_totals(library):
    index = load_index(library)
    weeks = index.totals("drones_launched", "week")
    assert [(p.label, p.total, len(p.events)) for p in weeks] == [
        ("2024-W40", 0, 0),  # the cumulative 10,000 "since 2022" is not that week's
        *[(f"2024-W{n}", 0, 0) for n in range(41, 45)],
        ("2024-W45", 30, 1),
        ("2024-W46", 0, 0),
        ("2024-W47", 170, 2),
    ]
    assert weeks[-1].start == dt.date(2024, 11, 18) and weeks[-1].end == dt.date(2024, 11, 24)
    months = index.totals("drones_launched", "month")
    assert [(p.label, p.total) for p in months] == [("2024-10", 0), ("2024-11", 200)]
    from warreader.facts.extractor import default_extractor

    kharkiv_oblast = default_extractor().gazetteer.resolve("Kharkiv Oblast")
    assert [(p.label, p.total) for p in index.totals("drones_launched", "month", place=kharkiv_oblast)] == [
        ("2024-11", 50)
    ]
    assert index.totals("drones_downed", "month", since=dt.date(2024, 11, 20))[0].total == 80


def test_places_and_people_summaries(library):
    index = load_index(library)
    places = {s.name: (s.events, s.first_day, s.last_day) for s in index.places()}
    assert places["Russia"] == (4, 950, 1000)
    assert places["Kyiv"] == (1, 1000, 1000)
    assert [(s.name, s.kind) for s in index.people()] == [("Volodymyr Zelenskyy", "person")]


def test_a_big_refresh_on_several_cores_gives_the_same_facts(library, monkeypatch):
    serial = load_index(library, write=False)
    monkeypatch.setattr(facts_index, "PARALLEL_MIN", 2)
    monkeypatch.setattr(facts_index, "_CHUNK", 2)
    monkeypatch.setattr(facts_index, "_cores", lambda: 2)
    called = []
    real = facts_index._extract_forked
    monkeypatch.setattr(facts_index, "_extract_forked", lambda *a: called.append(1) or real(*a))
    parallel = load_index(library, write=False)
    assert called  # the helpers did the reading (pytest runs tests on one thread)
    assert [(r.event_id, r.figures, r.places, r.people) for r in parallel.records] == [
        (r.event_id, r.figures, r.places, r.people) for r in serial.records
    ]
