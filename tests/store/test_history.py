"""Issue 16: every change is recorded with its origin and values; undo never overwrites a newer change;
tags follow one rule; bulk changes are one step."""

from __future__ import annotations

import pytest
from conftest import DAY_981

from warreader.errors import InputError, NotFoundError
from warreader.store import Library
from warreader.store.annotating import UndoError


@pytest.fixture
def events(lib, make):
    lib.import_bulletins([make(981, DAY_981)])
    return [e.id for _, e in lib.bulletin(981).iter_events()]


def test_every_change_is_recorded_with_origin_and_values(lib, events):
    lib.annotate(events[0], add_tags=["drones"], origin="reader")
    lib.annotate(events[0], note="check the count", origin="command")
    lib.set_day_note(981, "quiet day", origin="reader")
    changes = lib.history()
    assert [c.origin for c in changes] == ["reader", "command", "reader"]
    note_change = changes[1]
    (item,) = note_change.items
    assert (
        item.target == events[0] and item.before == {"note": ""} and item.after == {"note": "check the count"}
    )
    assert [c.label for c in lib.history(events[0])] == ["note", "tag +drones"]
    created = changes[2].items[0]
    assert created.before is None and created.after["tags"] == ["drones"]  # a new annotation, whole
    assert changes[0].items[0].after == {"day": 981, "note": "quiet day", "updated_at": changes[0].at}


def test_undo_restores_and_redo_reapplies(lib, events):
    lib.annotate(events[0], add_tags=["drones"], note="first")
    lib.annotate(events[0], note="second")
    undo = lib.undo()
    assert undo.undoes is not None and lib.annotation(events[0]).note == "first"
    lib.undo()  # the command line's last change that is not an undo: the tag and first note
    assert lib.annotation(events[0]) is None
    lib.redo()
    assert lib.annotation(events[0]).tags == ["drones"]
    with pytest.raises(UndoError, match="Nothing to undo"):
        lib.undo(origin="reader")


def test_undo_never_overwrites_a_newer_change_made_elsewhere(lib, lib_path, events):
    lib.annotate(events[0], note="mine", origin="reader")
    other = Library.open(lib_path, seed_samples=False)  # another process
    other.annotate(events[0], note="theirs")
    with pytest.raises(UndoError) as refused:
        lib.undo(origin="reader")
    theirs = other.history()[0]
    assert theirs.id in str(refused.value) and "Nothing was changed" in str(refused.value)
    assert lib.annotation(events[0]).note == "theirs"
    # A newer change to another field does not stand in the way, and is kept.
    lib.annotate(events[1], add_tags=["first"])
    lib.annotate(events[1], note="a note", origin="reader")
    other.annotate(events[1], add_tags=["later"])
    lib.undo(origin="reader")
    assert lib.annotation(events[1]).note == "" and lib.annotation(events[1]).tags == ["first", "later"]
    # Undoing a creation would delete what was added since: refused.
    lib.annotate(events[2], note="created", origin="reader")
    other.annotate(events[2], add_tags=["added later"])
    with pytest.raises(UndoError, match=r"tag \+added-later"):
        lib.undo(origin="reader")
    assert lib.annotation(events[2]).note == "created"


def test_a_bulk_change_is_one_step(lib, events):
    lib.annotate(events[2], add_tags=["Drones"])
    changed, change_id = lib.annotate_many(events, add_tags=["drones"], add_flags=["verify"])
    assert changed == 5 and change_id == lib.history()[0].id
    assert all(lib.annotation(e).tags == ["Drones"] for e in events)  # the library's spelling
    lib.undo(change_id)
    assert [lib.annotation(e) is not None for e in events] == [False, False, True, False, False]
    assert lib.annotation(events[2]).flags == []


def test_tags_follow_one_rule_and_rename_and_remove(lib, events):
    lib.annotate(events[0], add_tags=["#Kharkiv oblast"])
    lib.annotate(events[1], add_tags=["kharkiv-OBLAST", "energy"])
    assert [(t.tag, t.count) for t in lib.tag_stats()] == [("Kharkiv-oblast", 2), ("energy", 1)]
    assert lib.rename_tag("kharkiv oblast", "Energy") == 2  # merges into the existing tag
    assert lib.annotation(events[1]).tags == ["energy"] and lib.annotation(events[0]).tags == ["energy"]
    assert lib.rename_tag("energy", "Power") == 2
    assert lib.all_tags() == ["Power"]
    lib.undo()
    assert lib.all_tags() == ["energy"]
    assert lib.remove_tag("#energy") == 2 and lib.annotations() == []
    with pytest.raises(NotFoundError):
        lib.remove_tag("nothing")
    with pytest.raises(InputError):
        lib.annotate(events[0], add_tags=["#"])


def test_append_note_adds_a_paragraph(lib, events):
    lib.annotate(events[0], note="first")
    assert lib.annotate(events[0], append_note="second").note == "first\n\nsecond"
    assert lib.annotate(events[1], append_note="only").note == "only"


def test_history_survives_a_restart_and_is_kept_short(lib, lib_path, events, monkeypatch):
    from warreader.store import history

    monkeypatch.setattr(history, "KEEP_CHANGES", 3)
    for n in range(5):
        lib.annotate(events[0], note=f"note {n}")
    again = Library.open(lib_path, seed_samples=False)
    assert [c.label for c in again.history()] == ["note"] * 3
    assert again.history()[0].items[0].after == {"note": "note 4"}


def test_undo_after_redo_takes_the_redone_change_back_again(lib, events):
    lib.annotate(events[0], add_tags=["a"])
    lib.annotate(events[0], add_tags=["b"])
    lib.undo()
    assert lib.annotation(events[0]).tags == ["a"]
    lib.redo()
    assert lib.annotation(events[0]).tags == ["a", "b"]
    lib.undo()
    assert lib.annotation(events[0]).tags == ["a"]
    lib.undo()  # further back
    assert lib.annotation(events[0]) is None
