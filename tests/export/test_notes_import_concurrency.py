"""Issue 12.2, 12.3: `import-notes` merges on fresh data under the lock, and duplicate records merge."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from warreader.export import import_notes
from warreader.store import Library

from .fixture_library import event_id, make_library


def _notes_file(path, records, days=()):
    path.write_text(
        json.dumps(
            {
                "format": "warreader-notes",
                "version": 1,
                "exported_at": "2024-11-09T08:30:00Z",
                "events": records,
                "days": list(days),
            }
        ),
        encoding="utf-8",
    )
    return path


def _record(eid, day, text, *, tags=(), note=None):
    return {
        "id": eid,
        "day": day,
        "date": None,
        "theme": "fighting",
        "heading": "Fighting",
        "text": text,
        "tags": list(tags),
        "flags": [],
        "note": note,
    }


def test_two_records_for_one_existing_event_both_merge(tmp_path):
    library = make_library(tmp_path / "lib", annotated=False)
    target = event_id(987, "Russian")
    text = library.locate(target).text
    path = _notes_file(
        tmp_path / "two.json",
        [
            _record(target, 987, text, tags=["alpha"], note="First colleague's note."),
            _record(target, 987, text, tags=["beta"], note="Second colleague's note."),
        ],
    )
    report = import_notes(library, path)
    merged = library.annotation(target)
    assert merged.tags == ["alpha", "beta"]
    assert "First colleague's note." in merged.note and "Second colleague's note." in merged.note
    assert (report.merged, report.unchanged, report.orphaned) == (2, 0, 0)
    # The same file again adds nothing, and says so.
    again = import_notes(library, path)
    assert (again.merged, again.unchanged) == (0, 2) and not again.changed


def test_two_records_for_one_missing_event_merge_the_same_way(tmp_path):
    library = make_library(tmp_path / "lib", annotated=False)
    path = _notes_file(
        tmp_path / "two.json",
        [
            _record("990-aaaaaaaaaa", 990, "A later event.", tags=["alpha"], note="First note."),
            _record("990-aaaaaaaaaa", 990, "A later event.", tags=["beta"], note="Second note."),
        ],
    )
    report = import_notes(library, path)
    (orphan,) = library.orphans()
    assert orphan.tags == ["alpha", "beta"] and "First note." in orphan.note and "Second note." in orphan.note
    assert (report.merged, report.orphaned) == (0, 2)


IMPORTER = r"""
import sys
from pathlib import Path
from warreader.export import import_notes
from warreader.store import Library
library = Library.open(Path(sys.argv[1]), seed_samples=False)
print(import_notes(library, Path(sys.argv[2])).summary(), flush=True)
"""


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))


def test_an_annotate_just_before_the_merge_takes_the_lock_survives(tmp_path, monkeypatch):
    """The race made certain: another process writes the note at the last moment before the import
    takes the library lock. The import must merge with what it then finds, not with what it read."""
    db = tmp_path / "lib"
    library = make_library(db, annotated=False)
    target = event_id(987, "Russian")
    library.annotate(target, note="old")
    path = _notes_file(tmp_path / "one.json", [_record(target, 987, "x", note="Imported note.")])
    real_writing = Library._writing
    done = []

    def writing_after_another_process(self):
        if not done:
            done.append(
                subprocess.run(
                    [sys.executable, "-m", "warreader", "--db", str(db), "annotate", target, "--note", "CLI"],
                    capture_output=True,
                    text=True,
                    env=_env(),
                    timeout=60,
                )
            )
        return real_writing(self)

    monkeypatch.setattr(Library, "_writing", writing_after_another_process)
    report = import_notes(library, path)
    assert done and done[0].returncode == 0, done[0].stderr if done else "no write happened"
    note = library.annotation(target).note
    assert note.startswith("CLI\n\n--- imported from one.json") and note.endswith("Imported note.")
    assert report.merged == 1


@pytest.mark.parametrize("attempt", range(2))
def test_an_annotate_during_import_notes_is_never_overwritten(tmp_path, attempt):
    """Two real processes: `import-notes` of a large file, and `annotate --note` on one of its events
    landing while it runs. The command-line note must survive, whichever write comes last."""
    db = tmp_path / "lib"
    library = make_library(db, annotated=False)
    target = event_id(987, "Russian")
    text = library.locate(target).text
    library.annotate(target, note="old")
    library.close()
    # Many records for events the library lacks make the import take a while; one is for the target.
    records = [
        _record(f"5{i:04d}-{i:010x}", 5000 + i % 90, f"Event {i}.", tags=["bulk"]) for i in range(6000)
    ]
    records.insert(3000, _record(target, 987, text, note="Imported note."))
    path = _notes_file(tmp_path / "big.json", records)
    importer = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(db), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    time.sleep(0.05 * attempt)
    annotate = subprocess.run(
        [sys.executable, "-m", "warreader", "--db", str(db), "annotate", target, "--note", "CLI note"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
    )
    out, err = importer.communicate(timeout=120)
    assert annotate.returncode == 0, annotate.stderr
    assert importer.returncode == 0, err
    note = Library.open(db, seed_samples=False).annotation(target).note
    assert "CLI note" in note, f"the command-line note was overwritten: {note!r}"
