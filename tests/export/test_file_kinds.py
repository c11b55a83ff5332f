"""Issue 12.9: files keep their kind and mode — library files, settings and exports alike."""

from __future__ import annotations

import os
import stat

import pytest

from warreader.cli import main
from warreader.export import write_export
from warreader.store import Library
from warreader.store.atomic import atomic_write_bytes

from .fixture_library import make_library

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes, FIFOs and devices")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "library"
    make_library(path).close()
    return path


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_rewritten_library_files_keep_their_mode(db):
    library = Library.open(db)
    bulletins, annotations = db / "bulletins.json", db / "annotations.json"
    event = next(e for _, e in library.bulletin(library.days()[0].day).iter_events())
    library.annotate(event.id, add_tags=["first"])
    for path in (bulletins, annotations):
        os.chmod(path, 0o640)
    library.annotate(event.id, add_tags=["second"])
    library.set_day_note(library.days()[0].day, "a day note")
    assert _mode(annotations) == 0o640
    assert _mode(bulletins) == 0o640


def test_new_files_follow_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        atomic_write_bytes(tmp_path / "new.json", b"{}")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "new.json") == 0o640


def test_overwritten_export_keeps_its_mode(tmp_path):
    target = tmp_path / "notes.md"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o644)
    write_export("new", target, force=True)
    assert _mode(target) == 0o644 and target.read_text(encoding="utf-8") == "new"


def test_a_symlinked_library_file_stays_a_link(tmp_path):
    real = tmp_path / "elsewhere.json"
    real.write_bytes(b"old")
    link = tmp_path / "linked.json"
    link.symlink_to(real)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


@pytest.mark.parametrize("force", [False, True])
def test_export_refuses_a_symlink_whatever_force_says(db, tmp_path, capsys, force):
    real = tmp_path / "real.md"
    real.write_text("precious", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    args = ["--db", str(db), "export", "-o", str(link)] + (["--force"] if force else [])
    assert main(args) != 0
    err = capsys.readouterr().err
    assert "symbolic link" in err and str(link) in err and "Traceback" not in err
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "precious"


@pytest.mark.parametrize("force", [False, True])
def test_export_refuses_a_fifo_without_hanging(db, tmp_path, capsys, force):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    args = ["--db", str(db), "export", "-o", str(fifo)] + (["--force"] if force else [])
    assert main(args) != 0
    assert "FIFO" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_export_refuses_a_device(db, tmp_path, capsys):
    # A device node of our own (never /dev/null: a regression would replace the machine's).
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    assert main(["--db", str(db), "export", "-o", str(device), "--force"]) != 0
    assert "character device" in capsys.readouterr().err
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_export_into_a_missing_folder_creates_nothing(db, tmp_path, capsys):
    target = tmp_path / "missing" / "folder" / "x.md"
    assert main(["--db", str(db), "export", "-o", str(target)]) != 0
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "missing").exists()
