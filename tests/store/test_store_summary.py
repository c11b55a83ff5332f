"""summary.json and `Library.open(…, defer_bulletins=True)`: the first screen without parsing bulletins.json,
the same answers as a full load, and a silent full load whenever the summary cannot be trusted."""

from __future__ import annotations

import threading

import orjson
import pytest
from conftest import DAY_981

from warreader.errors import LibraryError
from warreader.generator import generate
from warreader.parsing.api import parse_text
from warreader.store import Library, layout
from warreader.store import summary as summary_module
from warreader.store.storage import CachedJSONStorage, head_rev

GENERATED = [parse_text(g.text, g.filename) for g in generate(12, seed=5, first_day=700)]
NEWEST = max(b.day for b in GENERATED)


@pytest.fixture
def filled(lib_path):
    """12 generated days, notes on the newest and an older day, one orphan whose id has no day prefix."""
    with Library.open(lib_path, seed_samples=False) as library:
        library.import_bulletins(GENERATED)
        for day, flags in ((NEWEST, ["important"]), (NEWEST, []), (703, ["verify"])):
            events = [e.id for s in library.bulletin(day).sections for e in s.events]
            done = {a.event_id for a in library.annotations()}
            event = next(e for e in events if e not in done)
            library.annotate(event, add_tags=["t"], add_flags=flags)
        # Merged from elsewhere, for an event this library lacks: an orphan that must not count for its day.
        library.merge_annotation("12-0000000000", day=NEWEST, quote="elsewhere", tags=["x"], flags=["verify"])
    return lib_path


def full(path) -> tuple[list, object]:
    with Library.open(path, seed_samples=False) as library:
        return library.days(), library.bulletin(NEWEST)


@pytest.fixture
def parsed_paths(monkeypatch):
    """The files `CachedJSONStorage` parsed in full, in order."""
    paths = []
    real = CachedJSONStorage._load

    def spy(self):
        paths.append(self.path.name)
        real(self)

    monkeypatch.setattr(CachedJSONStorage, "_load", spy)
    return paths


def deferred(path) -> Library:
    return Library.open(path, seed_samples=False, defer_bulletins=True)


# -- writing the summary -------------------------------------------------------------------------------


def test_summary_written_on_import_and_matches_the_bulletins(filled):
    found = summary_module.read(filled / layout.SUMMARY)
    assert found is not None and found.rev == head_rev(filled / layout.BULLETINS)
    days, newest = full(filled)
    assert [row[:5] for row in found.rows] == [(d.day, d.date, d.title, d.sections, d.events) for d in days]
    assert (
        found.newest_day == NEWEST
        and found.newest == orjson.loads((filled / layout.BULLETINS).read_bytes())["bulletins"][str(NEWEST)]
    )


def test_summary_follows_every_import(filled, make):
    with Library.open(filled, seed_samples=False) as library:
        library.import_bulletins([make(981, DAY_981)])
    found = summary_module.read(filled / layout.SUMMARY)
    assert found.rev == head_rev(filled / layout.BULLETINS) and found.newest_day == 981


def test_summary_written_by_the_seed(lib_path):
    with Library.open(lib_path, defer_bulletins=True) as library:
        days = library.days()
    assert days  # the bundled samples
    found = summary_module.read(lib_path / layout.SUMMARY)
    assert found.rev == head_rev(lib_path / layout.BULLETINS) and found.newest_day == days[0].day
    with deferred(lib_path) as library:
        assert not library.loaded and library.days() == days


def test_new_empty_library_deferred(lib_path):
    with deferred(lib_path) as library:
        assert library.days() == [] and library.bulletin(1) is None
    # A new library has its (empty) bulletins.json from the start, and the summary derived from it.
    assert summary_module.read(lib_path / layout.SUMMARY).rev == head_rev(lib_path / layout.BULLETINS)
    with deferred(lib_path) as library:
        assert library.days() == [] and library.bulletin(1) is None


# -- reading deferred ----------------------------------------------------------------------------------


def test_deferred_open_answers_the_first_screen_without_parsing_bulletins(filled, parsed_paths):
    days, newest = full(filled)
    assert days[0].annotated == 2 and days[0].flagged == 1
    parsed_paths.clear()
    with deferred(filled) as library:
        assert library.days() == days
        assert library.bulletin(NEWEST) == newest
        assert library.loaded is False and library.reload_if_changed() is False
        assert layout.BULLETINS not in parsed_paths and layout.ANNOTATIONS in parsed_paths
        assert library.day_note(NEWEST) is None and library.all_tags() == ["t", "x"] and not library.loaded


def test_load_bulletins_keeps_the_newest_bulletin_object(filled):
    days, _ = full(filled)
    with deferred(filled) as library:
        shown = library.bulletin(NEWEST)
        assert library.load_bulletins() is True and library.loaded
        assert library.bulletin(NEWEST) is shown and library.days() == days
        assert library.load_bulletins() is False


CALLS = {
    "older bulletin": lambda lib: lib.bulletin(703),
    "missing bulletin": lambda lib: lib.bulletin(5),
    "locate": lambda lib: lib.locate(lib_first_id(lib, 703)),
    "search": lambda lib: lib.search("the", limit=5),
    "prepare_search": lambda lib: lib.prepare_search(),
    "theme_events": lambda lib: lib.theme_events("general"),
    "annotations": lambda lib: lib.annotations(),
    "orphans": lambda lib: lib.orphans(),
    "annotate": lambda lib: lib.annotate(lib_first_id(lib, 701), add_tags=["x"]).day,
    "set_day_note": lambda lib: lib.set_day_note(702, "note").day,
    "import": lambda lib: lib.import_bulletins(GENERATED[:2]).unchanged,
}


def lib_first_id(library: Library, day: int) -> str:
    return library.bulletin(day).sections[0].events[0].id


#: Calls about single days: answered from those days' byte ranges, without parsing the whole file.
DAY_LOCAL = {
    "older bulletin",
    "missing bulletin",
    "locate",
    "annotations",
    "orphans",
    "annotate",
    "set_day_note",
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_any_other_call_is_answered_exactly(filled, tmp_path, name):
    twin = tmp_path / "twin"
    twin.mkdir()
    for path in filled.iterdir():
        (twin / path.name).write_bytes(path.read_bytes())
    with Library.open(twin, seed_samples=False) as library:
        expected = CALLS[name](library)
    with deferred(filled) as library:
        assert CALLS[name](library) == expected
        # A call about single days reads only those; any other loads the whole file.
        assert library.loaded == (name not in DAY_LOCAL)


def test_stale_byte_ranges_fall_back_to_the_full_load(filled):
    """A summary whose ranges no longer describe the file (a foreign rewrite with the same _rev) is
    never trusted: the day is read from the whole file."""
    with deferred(filled) as library:
        expected = None
        with Library.open(filled, seed_samples=False) as full:
            expected = full.bulletin(703)
        summary = library._summary
        shifted = {k: (start + 7, length) for k, (start, length) in summary.offsets.items()}
        library._summary = type(summary)(summary.rev, summary.rows, summary.newest, shifted)
        assert library.bulletin(703) == expected and library.loaded


def test_write_while_deferred_refreshes_the_summary(filled, make):
    with deferred(filled) as library:
        library.import_bulletins([make(981, DAY_981)])
        assert library.loaded and library.days()[0].day == 981
    with deferred(filled) as library:
        assert not library.loaded and library.days()[0].day == 981
        assert library.bulletin(981) == make(981, DAY_981)


# -- a summary that cannot be trusted ------------------------------------------------------------------


def _old_summary(path, make):
    old = (path / layout.SUMMARY).read_bytes()
    with Library.open(path, seed_samples=False) as other:
        other.import_bulletins([make(981, DAY_981)])
    (path / layout.SUMMARY).write_bytes(old)


def _deleted(path, make):
    (path / layout.SUMMARY).unlink()


def _corrupt(path, make):
    (path / layout.SUMMARY).write_bytes(b'{"_rev": "abc", "days": [[1, ')


def _wrong_shape(path, make):
    data = orjson.loads((path / layout.SUMMARY).read_bytes())
    data["days"][0] = [NEWEST, "not a date", None, 1, 1]
    (path / layout.SUMMARY).write_bytes(orjson.dumps(data))


def _bulletins_without_rev(path, make):
    data = orjson.loads((path / layout.BULLETINS).read_bytes())
    moved = {"bulletins": data["bulletins"], "_rev": data["_rev"]}  # not at the head: stock TinyDB's order
    (path / layout.BULLETINS).write_bytes(orjson.dumps(moved))


@pytest.mark.parametrize("spoil", [_old_summary, _deleted, _corrupt, _wrong_shape, _bulletins_without_rev])
def test_untrusted_summary_falls_back_to_the_full_load(filled, make, parsed_paths, spoil):
    spoil(filled, make)
    days, newest = full(filled)
    parsed_paths.clear()
    with deferred(filled) as library:
        assert library.loaded and layout.BULLETINS in parsed_paths
        assert library.days() == days and library.bulletin(NEWEST) == newest
        assert library.load_bulletins() is False  # nothing left to load; the summary is rewritten
    if spoil is not _bulletins_without_rev:  # no `_rev` to validate a summary by: it is never used
        found = summary_module.read(filled / layout.SUMMARY)
        assert found.rev == head_rev(filled / layout.BULLETINS)
        with deferred(filled) as library:
            assert not library.loaded and library.days() == days


def test_another_instance_writes_while_deferred(filled, make):
    with deferred(filled) as library, Library.open(filled, seed_samples=False) as other:
        other.annotate(lib_first_id(other, 701), add_flags=["verify"])
        assert library.reload_if_changed() is True and not library.loaded  # notes only
        assert next(d for d in library.days() if d.day == 701).flagged == 1
        other.import_bulletins([make(981, DAY_981)])
        assert library.reload_if_changed() is True and library.loaded
        assert library.days()[0].day == 981 and library.bulletin(981) == make(981, DAY_981)


def test_bulletins_changed_before_the_first_load(filled, make):
    with deferred(filled) as library:
        with Library.open(filled, seed_samples=False) as other:
            other.import_bulletins([make(981, DAY_981)])
        assert library.days()[0].day == NEWEST  # the snapshot it opened, until it loads or reloads
        assert library.bulletin(981) == make(981, DAY_981)  # loads what is on disk now
        assert library.days()[0].day == 981


def test_orphan_counts_until_the_full_load(filled, make):
    with Library.open(filled, seed_samples=False) as library:
        old = library.bulletin(703)
        event = next(e for s in old.sections for e in s.events if library.annotation(e.id) is not None)
        shortened = make(  # the same source, edited: its copy is replaced
            703,
            {"Only": ["Nothing at all like the old text, to be sure of an orphan."]},
            source=library.bulletins(703)[0].reading.source,
        )
        assert library.import_bulletins([shortened]).orphaned == 1
        assert library.annotation(event.id).orphan
    days, _ = full(filled)
    exact = next(d for d in days if d.day == 703)
    assert (exact.annotated, exact.flagged) == (0, 0)
    with deferred(filled) as library:
        approx = next(d for d in library.days() if d.day == 703)
        assert (approx.annotated, approx.flagged) == (1, 1)  # documented: its id keeps the day's prefix
        library.load_bulletins()
        assert library.days() == days


def test_failed_summary_write_does_not_fail_the_import(filled, make, monkeypatch):
    real = summary_module.atomic_write_bytes

    def failing(path, data):
        if path.name == layout.SUMMARY:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(summary_module, "atomic_write_bytes", failing)
    with Library.open(filled, seed_samples=False) as library:
        report = library.import_bulletins([make(981, DAY_981)])
    assert report.imported == 1
    monkeypatch.undo()
    days, _ = full(filled)
    assert days[0].day == 981
    with deferred(filled) as library:
        assert library.loaded and library.days() == days


def test_damaged_bulletins_body_raises_at_the_load_and_stays_deferred(filled):
    days, _ = full(filled)
    raw = (filled / layout.BULLETINS).read_bytes()
    (filled / layout.BULLETINS).write_bytes(raw[: len(raw) // 2])
    with deferred(filled) as library:
        assert library.days() == days
        with pytest.raises(LibraryError, match="cannot be read"):
            library.load_bulletins()
        assert not library.loaded and library.days() == days


def test_load_in_a_thread_while_reading(filled):
    days, newest = full(filled)
    for _ in range(5):
        with deferred(filled) as library:
            worker = threading.Thread(target=library.load_bulletins)
            worker.start()
            while worker.is_alive():
                assert library.days() == days and library.bulletin(NEWEST) == newest
            worker.join()
            assert library.loaded and library.days() == days
