"""`write_export` on its own (the reader's dialog calls it directly), and how much an export reads."""

from __future__ import annotations

from collections import Counter

import pytest

from warreader.export import ExportOptions, OutputError, OutputExistsError, render_export, write_export


def test_write_export_returns_the_path_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "notes.md"
    assert write_export("# notes\n", target) == target
    assert target.read_text(encoding="utf-8") == "# notes\n"
    assert [p.name for p in target.parent.iterdir()] == ["notes.md"]  # no temp file left behind


def test_write_export_into_a_missing_folder_is_an_error_and_creates_nothing(tmp_path):
    """Issue 12.9: a typo in a path must not make folders."""
    target = tmp_path / "missing" / "folder" / "x.md"
    with pytest.raises(OutputError, match="does not exist"):
        write_export("# notes\n", target)
    assert not (tmp_path / "missing").exists()


def test_write_export_refuses_an_existing_file_unless_forced(tmp_path):
    target = tmp_path / "notes.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(OutputExistsError, match="already exists") as caught:
        write_export("new", target)
    assert str(target) in str(caught.value)
    assert target.read_text(encoding="utf-8") == "old"
    write_export("new", target, force=True)
    assert target.read_text(encoding="utf-8") == "new"


def test_write_export_to_a_folder_or_an_unwritable_place_is_a_clear_error(tmp_path):
    with pytest.raises(OutputError, match="is a folder"):
        write_export("x", tmp_path, force=True)
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match="Cannot write the export"):
        write_export("x", blocker / "inside.md")


class CountingLibrary:
    """Counts the Library calls an export makes (the speed goal rests on reading in bulk)."""

    def __init__(self, library):
        self._library = library
        self.calls: Counter[str] = Counter()
        self.days_loaded: Counter[int] = Counter()

    def __getattr__(self, name):
        attr = getattr(self._library, name)
        if not callable(attr):
            return attr

        def counted(*args, **kwargs):
            self.calls[name] += 1
            if name in ("bulletin", "bulletins"):
                self.days_loaded[args[0]] += 1
            return attr(*args, **kwargs)

        return counted


def test_an_export_reads_annotations_once_and_each_needed_day_once(library):
    counting = CountingLibrary(library)
    render_export(counting, ExportOptions(format="md"))
    assert counting.calls["annotations"] == 1
    assert counting.calls["annotation"] == 0 and counting.calls["locate"] == 0
    assert dict(counting.days_loaded) == {987: 1, 986: 1}  # day 985 has only a day note: not loaded
