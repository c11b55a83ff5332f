"""Schema versions, migrations with backups, and damaged files: clear errors, nothing lost."""

from __future__ import annotations

import orjson
import pytest
from conftest import DAY_981

from warreader.errors import LibraryError
from warreader.store import Library, layout


def snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.name != ".lock"}


@pytest.fixture
def filled(lib, make):
    lib.import_bulletins([make(981, DAY_981)])
    lib.import_bulletins([make(982, {"Weapons": ["An aid package."]})])  # second writes: a .bak exists
    lib.annotate(lib.bulletin(981).sections[0].events[0].id, add_tags=["keep me"])
    lib.set_day_note(981, "a day note")
    lib.close()
    return lib.path


def test_newer_schema_is_refused_untouched(filled):
    meta = filled / "meta.json"
    meta.write_bytes(orjson.dumps({"schema": 99, "created": "2030-01-01T00:00:00Z"}))
    before = snapshot(filled)
    with pytest.raises(LibraryError) as info:
        Library.open(filled)
    assert str(meta) in str(info.value) and "newer warreader" in str(info.value)
    assert snapshot(filled) == before


@pytest.mark.parametrize("name", ["bulletins.json", "annotations.json", "meta.json"])
def test_corrupt_file_is_refused_untouched(filled, name):
    damaged = filled / name
    damaged.write_bytes(damaged.read_bytes()[: len(damaged.read_bytes()) // 2])
    before = snapshot(filled)
    with pytest.raises(LibraryError) as info:
        Library.open(filled).annotations()
    assert str(damaged) in str(info.value)
    if name != "meta.json":
        assert str(damaged) + ".bak" in str(info.value)  # where the previous version is
    assert snapshot(filled) == before


def write_v1_library(folder, make) -> dict:
    """A library as warreader wrote it with schema 1: one document per day, the bulletin itself."""
    from warreader.model import bulletin_to_doc

    folder.mkdir(parents=True)
    b981 = make(981, DAY_981, source="/home/me/bulletins/day0981.txt")
    b982 = make(982, {"Weapons": ["An aid package."]}, source="https://www.aljazeera.com/news/day-982")
    docs = {}
    for b in (b981, b982):
        doc = bulletin_to_doc(b)
        del doc["outlet"], doc["canonical_url"]  # schema 1 had neither
        docs[str(b.day)] = doc
    event = b981.sections[0].events[0].id
    second = b981.sections[0].events[1].id
    files = {
        "meta.json": {"schema": 1, "created": "2024-11-01T00:00:00Z", "app": "warreader"},
        "bulletins.json": {"_rev": "0123456789abcdef", "bulletins": docs},
        "annotations.json": {
            "_rev": "fedcba9876543210",
            "annotations": {
                "1": {
                    "id": "a0000000001",
                    "event_id": event,
                    "day": 981,
                    "theme": "fighting",
                    "heading": "Fighting",
                    "quote": DAY_981["Fighting"][0],
                    "tags": ["keep me", "drones"],
                    "flags": [],
                    "note": "",
                    "created_at": "2024-11-02T00:00:00Z",
                    "updated_at": "2024-11-02T00:00:00Z",
                },
                "2": {
                    "id": "a0000000002",
                    "event_id": second,
                    "day": 981,
                    "theme": "fighting",
                    "heading": "Fighting",
                    "quote": DAY_981["Fighting"][1],
                    "tags": ["#Drones", "DRONES"],
                    "flags": ["verify"],
                    "note": "",
                    "created_at": "2024-11-03T00:00:00Z",
                    "updated_at": "2024-11-03T00:00:00Z",
                },
            },
            "day_notes": {"981": {"day": 981, "note": "a day note", "updated_at": "2024-11-02T00:00:00Z"}},
        },
    }
    for name, data in files.items():
        (folder / name).write_bytes(orjson.dumps(data))
    return {"event": event, "b981": b981}


def test_schema_1_library_is_migrated_keeping_every_day_note_and_id(tmp_path, make):
    folder = tmp_path / "old"
    old = write_v1_library(folder, make)
    before = snapshot(folder)
    library = Library.open(folder)  # seed_samples: an existing library is never seeded
    assert [d.day for d in library.days()] == [982, 981]
    assert [e.id for _, e in library.bulletin(981).iter_events()] == [
        e.id for _, e in old["b981"].iter_events()
    ]
    first, second = library.annotations()
    assert not first.orphan and first.event_id == old["event"]
    # Tags follow schema 2's one rule: spaces as `-`, no `#`, one spelling (the first used) per tag.
    assert first.tags == ["keep-me", "drones"] and second.tags == ["drones"]
    assert library.day_note(981).note == "a day note"
    (bulletin,) = library.bulletins(982)
    assert bulletin.outlet == "aljazeera.com"  # from the link's host
    assert bulletin.sources[0].source == "https://www.aljazeera.com/news/day-982"
    assert library.bulletins(981)[0].outlet == "day0981.txt"  # nothing better than the file name
    meta = orjson.loads((folder / "meta.json").read_bytes())
    assert (meta["schema"], meta["migrated_from"]) == (2, 1)
    for name in ("bulletins.json", "annotations.json", "meta.json"):
        assert (folder / f"{name}.bak-v1").read_bytes() == before[name]
    assert search_works(library)


def search_works(library) -> bool:
    return bool(library.search("Kyiv")) and library.locate(library.search("Kyiv")[0].id) is not None


def test_library_before_meta_json_is_migrated_with_backup(tmp_path, make):
    folder = tmp_path / "ancient"
    write_v1_library(folder, make)
    (folder / "meta.json").unlink()
    before = snapshot(folder)
    library = Library.open(folder, seed_samples=False)
    assert library.annotations()[0].tags == ["keep-me", "drones"]
    meta = orjson.loads((folder / "meta.json").read_bytes())
    assert (meta["schema"], meta["migrated_from"]) == (layout.CURRENT_SCHEMA, 0)
    for name in ("bulletins.json", "annotations.json"):
        assert (folder / f"{name}.bak-v0").read_bytes() == before[name]


def test_migration_steps_run_in_order_keeping_backups(filled, monkeypatch):
    def v2_to_v3(folder):  # a pretend future change: every annotation gains a field
        path = folder / "annotations.json"
        data = orjson.loads(path.read_bytes())
        for doc in data["annotations"].values():
            doc["migrated"] = True
        path.write_bytes(orjson.dumps(data))

    monkeypatch.setattr(layout, "CURRENT_SCHEMA", 3)
    monkeypatch.setitem(layout.MIGRATIONS, 2, v2_to_v3)
    before = snapshot(filled)
    Library.open(filled, seed_samples=False)
    assert orjson.loads((filled / "meta.json").read_bytes())["schema"] == 3
    assert (filled / "annotations.json.bak-v2").read_bytes() == before["annotations.json"]
    assert (filled / "meta.json.bak-v2").read_bytes() == before["meta.json"]
    data = orjson.loads((filled / "annotations.json").read_bytes())
    assert all(doc["migrated"] for doc in data["annotations"].values())
