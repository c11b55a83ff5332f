"""The store's commands through `warreader.cli.main` (and one real `python -m warreader` process)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from conftest import DAY_981, build_bulletin

from warreader.cli import main
from warreader.model import bulletin_to_doc
from warreader.store import Library

DAY_500 = """Russia-Ukraine war: List of key events, day 500

As the war enters its 500th day, these are the main developments.

Here is the situation on Saturday, July 8, 2023:

Fighting

  • Russian shelling killed two people in Kherson, the regional governor said.
  • Ukraine’s military said it had advanced near Bakhmut.

Politics and diplomacy

  • Zelenskyy visited Turkey and met President Erdogan in Istanbul.
"""

NO_DAY = """Russia-Ukraine war: List of key events

Here is the situation on Saturday, July 8, 2023:

Fighting

  • Russian shelling killed two people in Kherson, the regional governor said.
"""


@pytest.fixture
def db(tmp_path):
    return tmp_path / "lib"


@pytest.fixture
def filled(db):
    """A library holding day 981 (hand-built) and nothing else."""
    library = Library.open(db, seed_samples=False)
    library.import_bulletins([build_bulletin(981, DAY_981)])
    return library


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def first_id(library: Library, day: int = 981) -> str:
    library.reload_if_changed()
    return library.bulletin(day).sections[0].events[0].id


def test_import_reports_each_file_and_continues(capsys, db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "day0500.txt").write_text(DAY_500, encoding="utf-8")
    (folder / "nodaynum.txt").write_text(NO_DAY, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\x03 binary")
    code, out, err = run(capsys, "--db", str(db), "import", str(folder))
    assert code == 2
    assert f"day 500: new bulletin from {folder / 'day0500.txt'}" in out
    assert "nodaynum.txt: skipped: no day number" in out
    assert "broken.txt" in err and "Traceback" not in err
    assert (
        "new bulletins 1, new copies 0, updated 0, unchanged 0, skipped 1, notes kept on their events 0, "
        "moved by closest quote: 0, orphaned 0, failed 1"
    ) in out
    code, out, _ = run(capsys, "--db", str(db), "import", str(folder / "day0500.txt"))
    assert code == 0 and "day 500: unchanged from" in out
    assert [d.day for d in Library.open(db, seed_samples=False).days()] == [500]  # no samples mixed in


def test_reimport_of_an_edited_file_keeps_the_note(capsys, db, tmp_path):
    path = tmp_path / "day0500.txt"
    path.write_text(DAY_500, encoding="utf-8")
    assert run(capsys, "--db", str(db), "import", str(path))[0] == 0
    library = Library.open(db, seed_samples=False)
    event_id = first_id(library, 500)
    assert run(capsys, "--db", str(db), "annotate", event_id, "--tag", "Kherson")[0] == 0
    path.write_text(DAY_500.replace("killed two people", "killed two civilians"), encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db), "import", str(path))
    assert code == 0 and "day 500: updated its copy of the bulletin from" in out
    assert "moved by closest quote: 1" in out
    library.reload_if_changed()
    (annotation,) = library.annotations()
    assert annotation.tags == ["Kherson"] and "two civilians" in annotation.quote and not annotation.orphan


def test_list(capsys, filled, db):
    filled.annotate(first_id(filled), add_flags=["important"])
    code, out, _ = run(capsys, "--db", str(db), "list", "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "day": 981,
            "date": "2024-10-31",
            "title": filled.bulletin(981).title,
            "sections": 2,
            "events": 5,
            "annotated": 1,
            "flagged": 1,
            "bulletins": 1,
            "outlets": ["day981.txt"],
        }
    ]
    code, out, _ = run(capsys, "--db", str(db), "list")
    assert code == 0 and "981" in out and "2024-10-31" in out


def test_show(capsys, filled, db):
    event_id = first_id(filled)
    filled.annotate(event_id, add_tags=["drones"], note="first line\nsecond line")
    code, out, _ = run(capsys, "--db", str(db), "show", "981", "--json")
    shown = json.loads(out)
    # The top level is the day's first bulletin, as `parse --json` gives it; "bulletins" lists them all.
    assert code == 0 and {k: v for k, v in shown.items() if k != "bulletins"} == bulletin_to_doc(
        filled.bulletin(981)
    )
    (listed,) = shown["bulletins"]
    assert listed["outlet"] == "day981.txt" and listed["sections"] == shown["sections"]
    assert listed["sources"] == [
        {
            "path": "day981.txt",
            "canonical_url": None,
            "imported_at": listed["sources"][0]["imported_at"],
            "reading_copy": True,
        }
    ]
    code, out, _ = run(capsys, "--db", str(db), "show", "981")
    assert code == 0
    assert f"id {event_id}" in out and "tags: drones" in out and "second line" in out
    assert "Politics and diplomacy" in out
    code, _, err = run(capsys, "--db", str(db), "show", "12")
    assert code == 4 and "Day 12 is not in the library" in err
    code, _, err = run(capsys, "--db", str(db), "show", "yesterday")
    assert code == 2 and "not a day number" in err


def test_search(capsys, filled, db):
    code, out, _ = run(capsys, "--db", str(db), "search", "KIEV", "--json")
    assert code == 0
    (hit,) = json.loads(out)
    assert hit == {
        "id": first_id(filled),
        "day": 981,
        "date": "2024-10-31",
        "heading": "Fighting",
        "theme": "fighting",
        "text": DAY_981["Fighting"][0],
        "outlet": "day981.txt",
        "orphan": False,
    }
    code, out, _ = run(capsys, "--db", str(db), "search", "russia", "--json", "--limit", "2")
    assert len(json.loads(out)) == 2
    code, out, _ = run(capsys, "--db", str(db), "search", "kyiv drone")
    assert code == 0 and first_id(filled) in out
    code, out, err = run(capsys, "--db", str(db), "search", "nothing-like-this")
    assert code == 0 and out == "" and "No event matches" in err


def test_annotate(capsys, filled, db, monkeypatch):
    event_id = first_id(filled)
    code, out, _ = run(
        capsys,
        "--db",
        str(db),
        "annotate",
        event_id,
        "--tag",
        "Drones",
        "--tag",
        "kyiv",
        "--flag",
        "verify",
        "--note",
        "check the count",
    )
    assert code == 0 and "saved" in out
    monkeypatch.setattr(sys, "stdin", io.StringIO("from stdin\nline two\n"))
    code, out, _ = run(capsys, "--db", str(db), "annotate", event_id, "--untag", "DRONES", "--note", "-")
    assert code == 0
    filled.reload_if_changed()
    annotation = filled.annotation(event_id)
    assert annotation.tags == ["kyiv"] and annotation.flags == ["verify"]
    assert annotation.note == "from stdin\nline two"
    code, out, _ = run(capsys, "--db", str(db), "annotate", event_id)
    assert code == 0 and "tags: kyiv" in out
    code, out, _ = run(
        capsys, "--db", str(db), "annotate", event_id, "--untag", "kyiv", "--unflag", "verify", "--note", ""
    )
    assert code == 0 and "removed" in out
    code, _, err = run(capsys, "--db", str(db), "annotate", "981-0000000000", "--tag", "x")
    assert code == 4 and "No event with id 981-0000000000" in err and "Traceback" not in err


def test_day_note(capsys, filled, db):
    code, _, err = run(capsys, "--db", str(db), "day-note", "981")
    assert code == 0 and "no note" in err
    assert run(capsys, "--db", str(db), "day-note", "981", "--note", "Quiet day.")[0] == 0
    code, out, _ = run(capsys, "--db", str(db), "day-note", "981")
    assert code == 0 and out == "Quiet day.\n"
    code, _, err = run(capsys, "--db", str(db), "day-note", "4", "--note", "x")
    assert code == 4


def test_orphans_and_reattach(capsys, filled, db):
    event_id = first_id(filled)
    filled.annotate(event_id, add_tags=["lost"], note="keep me")
    edited = dict(DAY_981, Fighting=["Something else entirely was reported on this day by officials."])
    filled.import_bulletins([build_bulletin(981, edited)])
    code, out, _ = run(capsys, "--db", str(db), "orphans", "--json")
    assert code == 0
    (orphan,) = json.loads(out)
    assert orphan["event_id"] == event_id and orphan["quote"] == DAY_981["Fighting"][0]
    assert orphan["tags"] == ["lost"] and orphan["note"] == "keep me" and orphan["day"] == 981
    assert orphan["reattach"] == f"warreader reattach {orphan['id']} EVENT_ID"
    assert orphan["candidates"] and all(
        c["command"] == f"warreader reattach {orphan['id']} {c['id']}" for c in orphan["candidates"]
    )
    code, out, _ = run(capsys, "--db", str(db), "orphans")
    assert code == 0 and f"orphan {orphan['id']}" in out and "warreader reattach" in out
    target = first_id(filled)
    code, out, _ = run(capsys, "--db", str(db), "reattach", orphan["id"], target)
    assert code == 0 and f"re-attached {orphan['id']} to {target}" in out
    code, out, _ = run(capsys, "--db", str(db), "orphans", "--json")
    assert json.loads(out) == []
    code, _, err = run(capsys, "--db", str(db), "reattach", "a-missing", target)
    assert code == 4 and "No annotation with id a-missing" in err


def test_terminal_control_characters_never_reach_the_terminal(capsys, db):
    library = Library.open(db, seed_samples=False)
    evil = {"Fighting [bold]": ["Evil \x1b[2J text \x9b31m [red]x[/red]"]}
    library.import_bulletins([build_bulletin(981, evil)])
    event_id = first_id(library)
    library.annotate(event_id, note="note \x1b]0;title\x07")
    for argv in (["show", "981"], ["search", "evil"], ["annotate", event_id], ["list"]):
        code, out, _ = run(capsys, "--db", str(db), *argv)
        assert code == 0
        assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    code, out, _ = run(capsys, "--db", str(db), "show", "981")
    assert "[red]x[/red]" in out and "Fighting [bold]" in out  # printed as written, not as markup
    code, out, _ = run(capsys, "--db", str(db), "search", "evil", "--json")
    assert "\x9b" not in out and json.loads(out)[0]["text"] == "Evil \x1b[2J text \x9b31m [red]x[/red]"


def test_damaged_library_is_a_clear_error(capsys, filled, db):
    (db / "bulletins.json").write_bytes(b"{not json")
    code, _, err = run(capsys, "--db", str(db), "list")
    assert code == 3 and str(db / "bulletins.json") in err and "Traceback" not in err
    assert (db / "bulletins.json").read_bytes() == b"{not json"


def test_real_process(filled, db):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    event_id = first_id(filled)
    result = subprocess.run(
        [sys.executable, "-m", "warreader", "--db", str(db), "annotate", event_id, "--tag", "from a process"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    filled.reload_if_changed()
    assert filled.annotation(event_id).tags == ["from-a-process"]  # one rule for tags: spaces as -
    result = subprocess.run(
        [sys.executable, "-m", "warreader", "--db", str(db), "show", "981", "--json"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0 and json.loads(result.stdout)["day"] == 981
    result = subprocess.run(
        [sys.executable, "-m", "warreader", "--db", str(db), "annotate", "nope-1"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 4 and "Traceback" not in result.stderr


def test_orphans_lists_moves_until_accepted_or_undone(capsys, filled, db):
    """Issue 12.4: a move by closest quote is listed (text and JSON) with its original quote."""
    event_id = first_id(filled)
    filled.annotate(event_id, add_tags=["drone"], note="check the count")
    reworded = dict(DAY_981)
    reworded["Fighting"] = [
        "At least two people were hurt in an overnight Russian drone attack on Kyiv.",
        *DAY_981["Fighting"][1:],
    ]
    filled.import_bulletins([build_bulletin(981, reworded)])
    code, out, _ = run(capsys, "--db", str(db), "orphans", "--json")
    (record,) = json.loads(out)
    assert record["kind"] == "moved" and record["moved_from"]["event_id"] == event_id
    assert record["moved_from"]["quote"] == DAY_981["Fighting"][0]
    assert record["quote"] == reworded["Fighting"][0] and record["note"] == "check the count"
    code, out, _ = run(capsys, "--db", str(db), "orphans")
    assert code == 0 and f"moved {record['id']}" in out and "was:" in out and "--undo" in out
    code, out, _ = run(capsys, "--db", str(db), "orphans", "--undo", record["id"])
    assert code == 0 and "orphan with its original quote" in out
    code, out, _ = run(capsys, "--db", str(db), "orphans", "--json")
    (orphan,) = json.loads(out)
    assert orphan["kind"] == "orphan" and orphan["quote"] == DAY_981["Fighting"][0]
    code, _, err = run(capsys, "--db", str(db), "orphans", "--accept", orphan["id"])
    assert code == 4 and "not moved" in err
