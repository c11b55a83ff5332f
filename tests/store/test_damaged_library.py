"""Issue 12.8: a library file damaged in any way gets one clear error from every command, and no command
rewrites it; an existing library missing a file says so instead of being refilled with the samples."""

from __future__ import annotations

import json

import orjson
import pytest
from conftest import DAY_981, build_bulletin

from warreader.cli import main
from warreader.store import Library

GOOD_DAY = """Russia-Ukraine war: List of key events, day 500

Here is the situation on Saturday, July 8, 2023:

Fighting

  • Russian shelling killed two people in Kherson, the regional governor said.
"""


@pytest.fixture
def filled(lib_path):
    library = Library.open(lib_path, seed_samples=False)
    library.import_bulletins([build_bulletin(981, DAY_981)])
    event = library.bulletin(981).sections[0].events[0].id
    library.annotate(event, add_tags=["kept"], note="precious")
    library.set_day_note(981, "a day note")
    library.annotate(event, add_tags=["second"])  # a second write: annotations.json.bak exists
    library.close()
    return lib_path


def _damage(path, change) -> bytes:
    data = orjson.loads(path.read_bytes())
    change(data)
    raw = json.dumps(data).encode()  # json: a day beyond 64 bits must be writable here
    path.write_bytes(raw)
    return raw


def _copy(data: dict) -> dict:
    """The first copy of day 981's first bulletin in a loaded bulletins.json."""
    return data["bulletins"]["981"]["bulletins"][0]["copies"][0]


DAMAGES = {
    "bulletin entry not an object": ("bulletins.json", lambda d: d["bulletins"].update({"981": 5})),
    "non-numeric bulletin key": (
        "bulletins.json",
        lambda d: d["bulletins"].update({"abc": d["bulletins"].pop("981")}),
    ),
    "sections not a list": ("bulletins.json", lambda d: _copy(d).update(sections="x")),
    "event without text": ("bulletins.json", lambda d: _copy(d)["sections"][0]["events"][0].pop("text")),
    "no bulletins": ("bulletins.json", lambda d: d["bulletins"]["981"].update(bulletins=[])),
    "reading copy out of range": (
        "bulletins.json",
        lambda d: d["bulletins"]["981"]["bulletins"][0].update(reading=3),
    ),
    "annotation entry not an object": ("annotations.json", lambda d: d["annotations"].update({"1": []})),
    "non-numeric annotation key": (
        "annotations.json",
        lambda d: d["annotations"].update({"x1": d["annotations"].pop("1")}),
    ),
    "tags not a list": ("annotations.json", lambda d: d["annotations"]["1"].update(tags="kept")),
    "day note day beyond 64 bits": (
        "annotations.json",
        lambda d: d["day_notes"]["981"].update(day=2**70),
    ),
    "table not an object": ("annotations.json", lambda d: d.update(day_notes=[1, 2])),
}


def _commands(lib_path, tmp_path, event_id):
    notes = tmp_path / "notes.json"
    notes.write_text(
        json.dumps(
            {
                "format": "warreader-notes",
                "version": 1,
                "exported_at": "2024-11-02T00:00:00Z",
                "events": [],
                "days": [],
            }
        ),
        encoding="utf-8",
    )
    bulletin = tmp_path / "day500.txt"
    bulletin.write_text(GOOD_DAY, encoding="utf-8")
    db = ["--db", str(lib_path)]
    return {
        "list": [*db, "list"],
        "show": [*db, "show", "981"],
        "search": [*db, "search", "Kyiv"],
        "annotate": [*db, "annotate", event_id, "--tag", "new"],
        "day-note": [*db, "day-note", "981", "--note", "changed"],
        "orphans": [*db, "orphans"],
        "import": [*db, "import", str(bulletin)],
        "export": [*db, "export"],
        "import-notes": [*db, "import-notes", str(notes)],
    }


@pytest.mark.parametrize("damage", DAMAGES)
def test_every_command_refuses_a_damaged_file_and_leaves_it_alone(filled, tmp_path, capsys, damage):
    name, change = DAMAGES[damage]
    event_id = Library.open(filled, seed_samples=False).bulletin(981).sections[0].events[0].id
    path = filled / name
    before = _damage(path, change)
    others = {p.name: p.read_bytes() for p in filled.iterdir() if p.is_file() and p.name != name}
    for command, argv in _commands(filled, tmp_path, event_id).items():
        status = main(argv)
        out, err = capsys.readouterr()
        assert status != 0, f"{command} succeeded on a damaged {name}"
        assert str(path) in err and "backup" in err.lower() or ".bak" in err, (command, err)
        assert "Traceback" not in err
        assert path.read_bytes() == before, f"{command} rewrote the damaged {name}"
    after = {p.name: p.read_bytes() for p in filled.iterdir() if p.is_file() and p.name != name}
    assert {k: v for k, v in after.items() if k != "summary.json"} == {
        k: v for k, v in others.items() if k != "summary.json"
    }


def test_a_missing_bulletins_file_is_an_error_not_a_sample_refill(filled, capsys):
    (filled / "bulletins.json").unlink()
    assert main(["--db", str(filled), "list"]) != 0
    err = capsys.readouterr().err
    assert "bulletins.json is missing" in err and "Traceback" not in err
    assert not (filled / "bulletins.json").exists()
    assert main(["--db", str(filled), "annotate", "981-x", "--tag", "t"]) != 0
    assert not (filled / "bulletins.json").exists()


def test_a_missing_annotations_file_is_an_error(filled, capsys):
    (filled / "annotations.json").unlink()
    assert main(["--db", str(filled), "list"]) != 0
    err = capsys.readouterr().err
    assert "annotations.json is missing" in err and "annotations.json.bak" in err


def test_only_a_new_library_gets_the_samples(tmp_path, capsys):
    path = tmp_path / "new"
    assert main(["--db", str(path), "list"]) == 0
    assert "981" in capsys.readouterr().out  # the samples, in a library this call created
    library = Library.open(path)
    days = [d.day for d in library.days()]
    library.close()
    # An existing library whose days were all imported elsewhere stays as it is: no refill.
    empty = tmp_path / "empty"
    Library.open(empty, seed_samples=False).close()
    assert main(["--db", str(empty), "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [] and days


def test_a_day_number_beyond_64_bits_is_skipped_with_a_message(lib_path, tmp_path, capsys):
    huge = tmp_path / "huge.txt"
    huge.write_text(GOOD_DAY.replace("day 500", "day 99999999999999999999999"), encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(GOOD_DAY, encoding="utf-8")
    status = main(["--db", str(lib_path), "import", str(huge), str(good)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert "huge.txt" in out + err
    library = Library.open(lib_path, seed_samples=False)
    assert [d.day for d in library.days()] == [500] and status in (0, 1, 2)


def test_import_notes_with_a_day_beyond_64_bits_is_refused(lib_path, tmp_path, capsys):
    Library.open(lib_path).close()
    notes = tmp_path / "notes.json"
    record = {
        "id": "1-abc",
        "day": 2**70,
        "date": None,
        "theme": "fighting",
        "heading": None,
        "text": "x",
        "tags": ["t"],
        "flags": [],
        "note": None,
    }
    notes.write_text(
        json.dumps(
            {
                "format": "warreader-notes",
                "version": 1,
                "exported_at": "2024-11-02T00:00:00Z",
                "events": [record],
                "days": [],
            }
        )
    )
    assert main(["--db", str(lib_path), "import-notes", str(notes)]) == 2
    err = capsys.readouterr().err
    assert "notes.json" in err and "day" in err and "Traceback" not in err
