"""`import_notes`: round trip, idempotence, merging, missing events, and refusal of bad files."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from warreader.errors import InputError
from warreader.export import ExportOptions, import_notes, render_export
from warreader.store.merging import import_marker, merged_note, new_labels

from .fixture_library import DAY_NOTES, NOW, event_id


def annotations_of(library) -> dict[str, tuple]:
    """What a user sees of each annotation (timestamps and internal ids left out)."""
    return {
        a.event_id: (a.day, a.theme, a.heading, a.quote, a.tags, a.flags, a.note, a.orphan)
        for a in library.annotations()
    }


def day_notes_of(library) -> dict[int, str]:
    return {d.day: n.note for d in library.days() if (n := library.day_note(d.day)) is not None}


def export_file(library, tmp_path, name="notes.json", **options):
    path = tmp_path / name
    path.write_text(
        render_export(library, ExportOptions(format="json", **options), now=NOW), encoding="utf-8"
    )
    return path


def test_round_trip_gives_identical_annotations(library, bare_library, tmp_path):
    path = export_file(library, tmp_path)
    report = import_notes(bare_library, path)
    assert annotations_of(bare_library) == annotations_of(library)
    assert day_notes_of(bare_library) == day_notes_of(library) == DAY_NOTES
    assert (report.merged, report.unchanged, report.orphaned) == (8, 0, 0)
    assert (report.days_merged, report.days_unchanged) == (2, 0)


def test_importing_twice_changes_nothing(library, bare_library, tmp_path):
    path = export_file(library, tmp_path)
    import_notes(bare_library, path)
    before = (annotations_of(bare_library), day_notes_of(bare_library))
    stamps = {a.event_id: a.updated_at for a in bare_library.annotations()}
    report = import_notes(bare_library, path)
    assert (annotations_of(bare_library), day_notes_of(bare_library)) == before
    assert {a.event_id: a.updated_at for a in bare_library.annotations()} == stamps  # nothing was rewritten
    assert (report.merged, report.unchanged, report.days_merged, report.days_unchanged) == (0, 8, 0, 2)
    assert not report.changed


def test_own_export_into_itself_is_a_no_op(library, tmp_path):
    before = annotations_of(library)
    report = import_notes(library, export_file(library, tmp_path))
    assert annotations_of(library) == before and not report.changed


def test_merge_unites_labels_and_keeps_a_differing_note_beside_the_existing_one(
    library, bare_library, tmp_path
):
    path = export_file(library, tmp_path, name="colleague.json")
    target = event_id(987, "Russian")
    bare_library.annotate(target, add_tags=["Drones", "mine"], add_flags=["verify"], note="My own note.")
    bare_library.set_day_note(987, "My day.")
    import_notes(bare_library, path)
    merged = bare_library.annotation(target)
    assert merged.tags == ["Drones", "mine", "air-defence"]  # case-insensitive union, my spelling kept
    assert merged.flags == ["verify", "important"]
    theirs = library.annotation(target).note
    assert (
        merged.note == f"My own note.\n\n--- imported from colleague.json (exported 2024-11-09) ---\n{theirs}"
    )
    assert bare_library.day_note(987).note.startswith("My day.\n\n--- imported from colleague.json")
    # And again: the imported text is already there, so nothing is appended twice.
    report = import_notes(bare_library, path)
    assert bare_library.annotation(target).note == merged.note
    assert not report.changed


def test_events_the_library_lacks_become_orphans_that_attach_when_their_bulletin_comes(library, tmp_path):
    from warreader.store import Library

    from .fixture_library import BULLETINS

    path = export_file(library, tmp_path)
    partial = Library.open(tmp_path / "partial", seed_samples=False)
    try:
        partial.import_bulletins(BULLETINS[:1])  # day 987 only
        report = import_notes(partial, path)
        assert (report.merged, report.orphaned) == (4, 4)
        assert (report.days_merged, report.days_pending) == (1, 1)
        assert report.pending_days == [986, 985]
        assert "day 986, 985" in report.messages[0]
        orphans = partial.orphans()
        assert len(orphans) == 4 and {o.day for o in orphans} <= {985, 986}
        assert {o.event_id for o in orphans} <= {a.event_id for a in library.annotations()}
        # A second import of the same file changes nothing, orphans included.
        again = import_notes(partial, path)
        assert not again.changed and again.orphaned == 0 and again.days_pending == 0
        # Importing the missing bulletins attaches every orphan by its id: nothing left over.
        partial.import_bulletins(BULLETINS[1:])
        assert partial.orphans() == []
        assert annotations_of(partial) == annotations_of(library)
        report = import_notes(partial, path)
        assert not report.changed
    finally:
        partial.close()


def test_an_import_is_one_write_all_or_nothing(library, bare_library, tmp_path, monkeypatch):
    """A full disk when the merge is written leaves the library exactly as it was, and says so."""
    from warreader.errors import LibraryError
    from warreader.store import Library, storage

    path = export_file(library, tmp_path)
    before = annotations_of(bare_library)
    writes = []

    def full_disk(target, data):
        writes.append(target)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage, "atomic_write_bytes", full_disk)
    with pytest.raises(LibraryError, match="No space left"):
        import_notes(bare_library, path)
    monkeypatch.undo()
    assert len(writes) == 1  # one write for the whole file
    reopened = Library.open(bare_library.path, seed_samples=False)
    try:
        assert annotations_of(reopened) == before
    finally:
        reopened.close()


def test_an_all_events_export_imports_only_the_annotated_ones(library, bare_library, tmp_path):
    report = import_notes(bare_library, export_file(library, tmp_path, all_events=True))
    assert (report.merged, report.skipped) == (8, 3)
    assert annotations_of(bare_library) == annotations_of(library)


# -- bad files: a clear error naming the file, and nothing written --------------------------------------


def valid_doc(library) -> dict:
    return json.loads(render_export(library, ExportOptions(format="json"), now=NOW))


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d.update(format="something-else"), "not a warreader notes export"),
        (lambda d: d.update(version=2), "newer warreader"),
        (lambda d: d.update(version="1"), "version"),
        (lambda d: d.update(events={}), '"events" is not a list'),
        (lambda d: d["events"][-1].update(tags="drones"), 'event 8: "tags" is not a list of text'),
        (lambda d: d["events"][-1].pop("id"), 'event 8 has no "id"'),
        (lambda d: d["events"][-1].update(day="986"), "day number"),
        (lambda d: d["events"][-1].update(date="07/11/2024"), "YYYY-MM-DD"),
        (lambda d: d["days"][0].update(note=None), 'day note 1: "note" is not text'),
    ],
)
def test_bad_exports_are_refused_whole(library, bare_library, tmp_path, mutate, message):
    doc = valid_doc(library)
    mutate(doc)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        import_notes(bare_library, path)
    assert str(path) in str(caught.value)
    # The failing record is the last one: validation ran before the earlier ones were written.
    assert bare_library.annotations() == [] and day_notes_of(bare_library) == {}


@pytest.mark.parametrize(
    "content, message",
    [(b"{not json", "not valid JSON"), (b"\xff\xfe\x00", "not UTF-8"), (b"[1, 2]", "not a warreader notes")],
)
def test_malformed_files_are_clear_errors(bare_library, tmp_path, content, message):
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        import_notes(bare_library, path)
    assert str(path) in str(caught.value)


def test_missing_file_is_a_clear_error(bare_library, tmp_path):
    with pytest.raises(InputError, match="no such file"):
        import_notes(bare_library, tmp_path / "nope.json")


# -- merge rules ----------------------------------------------------------------------------------------


def test_merge_rules():
    marker = import_marker("f.json", "2024-11-09")
    assert merged_note(None, "theirs", marker) == "theirs"
    assert merged_note("mine", None, marker) is None
    assert merged_note("mine", "  ", marker) is None
    assert merged_note("mine and theirs", "theirs", marker) is None
    assert merged_note("same\r\n", "same\n", marker) is None
    assert (
        merged_note("mine", "theirs", marker)
        == "mine\n\n--- imported from f.json (exported 2024-11-09) ---\ntheirs"
    )
    assert new_labels(["Drones", "a b"], ["drones", " a   b ", "new", "NEW"]) == ["new"]


def test_export_date_in_marker_comes_from_the_file(library, bare_library, tmp_path):
    doc = valid_doc(library)
    doc["exported_at"] = dt.datetime(2023, 1, 2, tzinfo=dt.UTC).isoformat()
    path = tmp_path / "old.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    bare_library.annotate(event_id(986, "=SUM"), note="mine")
    import_notes(bare_library, path)
    assert (
        "--- imported from old.json (exported 2023-01-02) ---"
        in bare_library.annotation(event_id(986, "=SUM")).note
    )
