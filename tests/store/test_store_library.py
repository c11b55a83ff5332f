"""Library: reading bulletins, annotations and day notes, and staying in step with other instances."""

from __future__ import annotations

import threading

import orjson
import pytest
from conftest import DAY_981

from warreader.errors import InputError, NotFoundError
from warreader.store import DEFAULT_FLAGS, Library


def test_new_library_layout(lib, lib_path):
    # Both data files from the start, so that a missing one later is known to be lost.
    assert sorted(p.name for p in lib_path.iterdir()) == [
        ".lock",
        "annotations.json",
        "bulletins.json",
        "meta.json",
        "summary.json",
    ]
    meta = orjson.loads((lib_path / "meta.json").read_bytes())
    assert meta["schema"] == 2 and meta["created"].endswith("Z")
    assert lib.days() == [] and lib.bulletin(1) is None


def test_bulletin_reads(lib, make):
    lib.import_bulletins([make(981, DAY_981), make(982, {"Weapons": ["Germany sent IRIS-T systems."]})])
    assert [d.day for d in lib.days()] == [982, 981]
    summary = lib.days()[1]
    assert (summary.sections, summary.events, summary.annotated, summary.flagged) == (2, 5, 0, 0)
    assert summary.date == make(981, DAY_981).date and summary.title.endswith("day 981")
    bulletin = lib.bulletin(981)
    assert bulletin == make(981, DAY_981)
    event = bulletin.sections[1].events[0]
    ref = lib.locate(event.id)
    assert (ref.day, ref.section_index, ref.heading, ref.theme, ref.text) == (
        981,
        1,
        "Politics and diplomacy",
        "politics-and-diplomacy",
        event.text,
    )
    assert lib.locate("981-0000000000") is None
    assert [r.day for r in lib.theme_events("fighting")] == [981, 981, 981]


def test_annotate_normalises_and_deletes_when_empty(lib, make):
    lib.import_bulletins([make(981, DAY_981)])
    eid = lib.bulletin(981).sections[0].events[0].id
    a = lib.annotate(eid, add_tags=["  Drone   strikes ", "drone strikes", "#Kyiv"], add_flags=["important"])
    # One rule for a tag: `#` dropped, spaces as `-`, case as first typed, no case-only duplicates.
    assert a.tags == ["Drone-strikes", "Kyiv"] and a.flags == ["important"] and not a.orphan
    assert (a.day, a.theme, a.heading, a.quote) == (981, "fighting", "Fighting", DAY_981["Fighting"][0])
    assert a.created_at.endswith("Z") and a.updated_at >= a.created_at
    a = lib.annotate(eid, remove_tags=["DRONE STRIKES"], add_flags=["my own flag"], note="line 1\nline 2")
    assert a.tags == ["Kyiv"] and a.flags == ["important", "my own flag"] and a.note == "line 1\nline 2"
    assert lib.annotation(eid) == a
    summary = lib.days()[0]
    assert (summary.annotated, summary.flagged) == (1, 1)
    assert lib.annotate(eid, remove_tags=["kyiv"], remove_flags=["IMPORTANT", "my own flag"], note="") is None
    assert lib.annotation(eid) is None and lib.annotations() == []
    assert "follow-up" in DEFAULT_FLAGS


def test_annotate_errors(lib, make):
    lib.import_bulletins([make(981, DAY_981)])
    with pytest.raises(NotFoundError, match="981-nope"):
        lib.annotate("981-nope", add_tags=["x"])
    eid = lib.bulletin(981).sections[0].events[0].id
    with pytest.raises(InputError):
        lib.annotate(eid, add_tags=["   "])
    assert lib.annotations() == []


def test_all_tags_most_used_first(lib, make):
    lib.import_bulletins([make(981, DAY_981)])
    ids = [e.id for _, e in lib.bulletin(981).iter_events()]
    lib.annotate(ids[0], add_tags=["zeta", "Alpha"])
    lib.annotate(ids[1], add_tags=["ZETA"])
    lib.annotate(ids[2], add_tags=["beta"])
    assert lib.all_tags() == ["zeta", "Alpha", "beta"]


def test_day_notes(lib, make):
    lib.import_bulletins([make(981, DAY_981)])
    with pytest.raises(NotFoundError):
        lib.set_day_note(5, "no such day")
    note = lib.set_day_note(981, "A quiet day.\nMostly drones.")
    assert note.note == "A quiet day.\nMostly drones." and lib.day_note(981) == note
    assert lib.set_day_note(981, "  ") is None and lib.day_note(981) is None


def test_other_instance_sees_writes_and_loses_nothing(lib, lib_path, make):
    lib.import_bulletins([make(981, DAY_981)])
    other = Library.open(lib_path, seed_samples=False)
    eid = lib.bulletin(981).sections[0].events[0].id
    lib.annotate(eid, add_tags=["one"])
    assert other.annotation(eid) is None  # a snapshot until asked to reload
    assert other.reload_if_changed() and other.annotation(eid).tags == ["one"]
    assert not other.reload_if_changed()
    lib.annotate(eid, add_tags=["two"])
    # `other` has not reloaded, yet its write starts from the fresh state: nothing is lost.
    assert other.annotate(eid, add_tags=["three"]).tags == ["one", "two", "three"]
    assert lib.reload_if_changed() and lib.annotation(eid).tags == ["one", "two", "three"]
    lib.import_bulletins([make(982, {"Weapons": ["A new aid package."]})])
    assert other.bulletin(982) is None and other.reload_if_changed() and other.bulletin(982) is not None


def test_threads_share_one_library(lib, make):
    lib.import_bulletins([make(981, DAY_981)])
    eid = lib.bulletin(981).sections[0].events[0].id

    def worker(n: int) -> None:
        for i in range(25):
            lib.annotate(eid, add_tags=[f"w{n}-{i}"])
            lib.days()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(Library.open(lib.path, seed_samples=False).annotation(eid).tags) == 100


def test_seed_samples_fill_an_empty_library(tmp_path):
    library = Library.open(tmp_path / "fresh")
    days = [d.day for d in library.days()]
    assert days and days == sorted(days, reverse=True)
    assert Library.open(tmp_path / "fresh").days() == library.days()  # seeded once, not twice


def test_library_path_that_is_a_file(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("mine")
    from warreader.errors import LibraryError

    with pytest.raises(LibraryError, match="is a file"):
        Library.open(path)
    assert path.read_text() == "mine"


BUSY_WRITER = r"""
import sys, time
from pathlib import Path
from warreader.store.lock import LibraryLock
lock = LibraryLock(Path(sys.argv[1]), timeout=5)
lock.acquire()
print("holding", flush=True)
sys.stdin.readline()
"""


def test_busy_library_is_a_clear_error_not_a_hang(lib_path, make):
    import subprocess
    import sys

    from warreader.errors import LibraryError

    library = Library.open(lib_path, seed_samples=False, lock_timeout=0.2)
    library.import_bulletins([make(981, DAY_981)])
    eid = library.bulletin(981).sections[0].events[0].id
    env = {"PYTHONPATH": ":".join(sys.path)}
    holder = subprocess.Popen(  # another process writing, holding the lock
        [sys.executable, "-c", BUSY_WRITER, str(lib_path / ".lock")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert holder.stdout.readline() == "holding\n"
        with pytest.raises(LibraryError, match="busy"):
            library.annotate(eid, add_tags=["x"])
    finally:
        holder.communicate("go\n", timeout=30)
    assert library.annotate(eid, add_tags=["x"]).tags == ["x"]


def test_a_killed_lock_holder_never_leaves_the_library_locked(lib_path, make):
    import signal
    import subprocess
    import sys

    library = Library.open(lib_path, seed_samples=False, lock_timeout=5)
    library.import_bulletins([make(981, DAY_981)])
    eid = library.bulletin(981).sections[0].events[0].id
    holder = subprocess.Popen(
        [sys.executable, "-c", BUSY_WRITER, str(lib_path / ".lock")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={"PYTHONPATH": ":".join(sys.path)},
    )
    assert holder.stdout.readline() == "holding\n"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert library.annotate(eid, add_tags=["after the kill"]).tags == ["after-the-kill"]


def test_temp_files_of_a_killed_writer_are_cleaned_up(lib_path, make):
    library = Library.open(lib_path, seed_samples=False)
    library.import_bulletins([make(981, DAY_981)])
    (lib_path / ".annotations.json.abc123.tmp").write_bytes(b'{"half": ')
    library = Library.open(lib_path, seed_samples=False)
    assert list(lib_path.glob(".*.tmp"))  # readers never touch them
    library.set_day_note(981, "a write takes the lock")
    assert not list(lib_path.glob(".*.tmp"))


def test_editor_save_over_a_note_changed_elsewhere_keeps_both(lib, make, lib_path):
    """Issue 12.1 at the store: a save based on an older note keeps the newer one beside it."""
    lib.import_bulletins([make(981, DAY_981)])
    event = lib.bulletin(981).sections[0].events[0].id
    lib.annotate(event, note="old")
    other = Library.open(lib_path, seed_samples=False)
    other.annotate(event, note="CLI note", add_tags=["t"])  # another process, between read and save
    saved = lib.annotate(event, note="old more", note_base="old", origin="reader")
    assert saved.note.startswith("CLI note\n\n--- typed in the reader, ")
    assert saved.note.endswith("both are kept ---\nold more")
    assert saved.tags == ["t"]
    # A save whose base is current replaces, as before; so does a plain replacement.
    assert lib.annotate(event, note="clean", note_base=saved.note).note == "clean"
    assert lib.annotate(event, note="forced").note == "forced"


def test_day_note_save_over_a_change_elsewhere_keeps_both(lib, make, lib_path):
    lib.import_bulletins([make(981, DAY_981)])
    lib.set_day_note(981, "mine")
    Library.open(lib_path, seed_samples=False).set_day_note(981, "theirs")
    note = lib.set_day_note(981, "mine, edited", base="mine")
    assert note.note.startswith("theirs\n\n--- written from the command line, ")
    assert note.note.endswith("\nmine, edited")
