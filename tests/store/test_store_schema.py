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


def test_library_before_meta_json_is_migrated_with_backup(filled):
    (filled / "meta.json").unlink()
    before = snapshot(filled)
    library = Library.open(filled, seed_samples=False)
    assert library.annotations()[0].tags == ["keep me"]
    meta = orjson.loads((filled / "meta.json").read_bytes())
    assert (meta["schema"], meta["migrated_from"]) == (layout.CURRENT_SCHEMA, 0)
    for name in ("bulletins.json", "annotations.json"):
        assert (filled / f"{name}.bak-v0").read_bytes() == before[name]


def test_migration_steps_run_in_order_keeping_backups(filled, monkeypatch):
    def v1_to_v2(folder):  # a pretend future change: every annotation gains a field
        path = folder / "annotations.json"
        data = orjson.loads(path.read_bytes())
        for doc in data["annotations"].values():
            doc["migrated"] = True
        path.write_bytes(orjson.dumps(data))

    monkeypatch.setattr(layout, "CURRENT_SCHEMA", 2)
    monkeypatch.setitem(layout.MIGRATIONS, 1, v1_to_v2)
    before = snapshot(filled)
    Library.open(filled, seed_samples=False)
    assert orjson.loads((filled / "meta.json").read_bytes())["schema"] == 2
    assert (filled / "annotations.json.bak-v1").read_bytes() == before["annotations.json"]
    assert (filled / "meta.json.bak-v1").read_bytes() == before["meta.json"]
    data = orjson.loads((filled / "annotations.json").read_bytes())
    assert all(doc["migrated"] for doc in data["annotations"].values())
