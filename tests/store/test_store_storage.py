"""CachedJSONStorage: one read, change detection, atomic and batched writes, clear errors."""

from __future__ import annotations

import errno

import orjson
import pytest
from tinydb import TinyDB

from warreader.errors import LibraryError
from warreader.store import storage as storage_module
from warreader.store.storage import CachedJSONStorage


def test_round_trip_and_revision_at_head(tmp_path):
    path = tmp_path / "db.json"
    store = CachedJSONStorage(path)
    store.write({"t": {"1": {"a": "Kyiv’s"}}})
    raw = path.read_bytes()
    assert raw.startswith(b'{"_rev":"')
    assert orjson.loads(raw)["t"] == {"1": {"a": "Kyiv’s"}}
    fresh = CachedJSONStorage(path)
    assert fresh.read() == {"t": {"1": {"a": "Kyiv’s"}}}  # the revision is not a table
    # Stock TinyDB can still read the file (a user's library stays a plain TinyDB file).
    assert TinyDB(path).table("t").get(doc_id=1) == {"a": "Kyiv’s"}


def test_reads_once_and_refreshes_only_on_change(tmp_path, monkeypatch):
    path = tmp_path / "db.json"
    writer, reader = CachedJSONStorage(path), CachedJSONStorage(path)
    writer.write({"t": {"1": {"n": 1}}})
    assert reader.read() == {"t": {"1": {"n": 1}}}
    loads = []
    real_loads = orjson.loads
    monkeypatch.setattr(storage_module.orjson, "loads", lambda raw: loads.append(1) or real_loads(raw))
    reader.read()
    assert not reader.refresh() and loads == []  # unchanged: no re-read
    writer.write({"t": {"1": {"n": 2}}})  # same size as before, written within the same clock tick
    assert reader.refresh() and loads == [1]
    assert reader.read() == {"t": {"1": {"n": 2}}}
    assert not writer.refresh()  # its own write is not "another process's change"


def test_batch_writes_once_and_discards_on_error(tmp_path, monkeypatch):
    path = tmp_path / "db.json"
    store = CachedJSONStorage(path)
    writes = []
    real = storage_module.atomic_write_bytes
    monkeypatch.setattr(storage_module, "atomic_write_bytes", lambda p, d: writes.append(p) or real(p, d))
    db = TinyDB(storage=lambda: store)
    with store.batch():
        for i in range(50):
            db.table("t").insert({"i": i})
    assert len(writes) == 1
    assert len(TinyDB(path).table("t")) == 50
    with pytest.raises(RuntimeError), store.batch():
        db.table("t").insert({"i": 99})
        raise RuntimeError("boom")
    assert len(writes) == 1
    assert len(db.table("t")) == 50  # the half-done change was dropped from the cache too


def test_full_disk_leaves_file_and_reports(tmp_path, monkeypatch):
    path = tmp_path / "db.json"
    store = CachedJSONStorage(path)
    store.write({"t": {"1": {"n": 1}}})
    before = path.read_bytes()

    def full(p, d):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage_module, "atomic_write_bytes", full)
    with pytest.raises(LibraryError, match="No space left") as info:
        store.write({"t": {"1": {"n": 2}}})
    assert str(path) in str(info.value)
    assert path.read_bytes() == before
    assert store.read() == {"t": {"1": {"n": 1}}}  # the cache went back to what is on disk


@pytest.mark.parametrize("content", [b'{"t": {"1": {"n"', b"", b"[1, 2]", b'{"t": 3}'])
def test_corrupt_file_is_named_and_left_alone(tmp_path, content):
    path = tmp_path / "db.json"
    path.write_bytes(content)
    with pytest.raises(LibraryError) as info:
        CachedJSONStorage(path).read()
    message = str(info.value)
    assert str(path) in message and "left untouched" in message
    assert path.read_bytes() == content


def test_previous_version_is_kept_as_backup(tmp_path):
    path = tmp_path / "db.json"
    store = CachedJSONStorage(path)
    store.write({"t": {"1": {"n": 1}}})
    first = path.read_bytes()
    store.write({"t": {"1": {"n": 2}}})
    backup = tmp_path / "db.json.bak"
    assert backup.read_bytes() == first
    path.write_bytes(b"garbage")
    with pytest.raises(LibraryError) as info:
        CachedJSONStorage(path).read()
    assert str(backup) in str(info.value)
