"""Issue 16 from the command line: history, undo, tags, --append-note, as a script would use them."""

from __future__ import annotations

import json

import pytest
from conftest import DAY_981, build_bulletin

from warreader.cli import main
from warreader.store import Library


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "lib"
    library = Library.open(path, seed_samples=False)
    library.import_bulletins([build_bulletin(981, DAY_981)])
    library.close()
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def event(db, n=0):
    return [e.id for _, e in Library.open(db, seed_samples=False).bulletin(981).iter_events()][n]


def test_annotate_append_history_and_undo(capsys, db):
    eid = event(db)
    assert run(capsys, "--db", str(db), "annotate", eid, "--note", "first", "--tag", "#drones")[0] == 0
    code, out, _ = run(capsys, "--db", str(db), "annotate", eid, "--append-note", "second")
    assert code == 0 and "second" in out
    code, out, _ = run(capsys, "--db", str(db), "history", "--json")
    changes = json.loads(out)
    assert [c["label"] for c in changes] == ["note appended", "tag +drones, note"]
    assert changes[0]["items"][0]["after"] == {"note": "first\n\nsecond"}
    assert changes[0]["origin"] == "command"
    code, out, _ = run(capsys, "--db", str(db), "undo")
    assert code == 0 and out.startswith("undone: note appended")
    assert Library.open(db, seed_samples=False).annotation(eid).note == "first"
    code, out, _ = run(capsys, "--db", str(db), "undo", "--redo")
    assert code == 0 and out.startswith("redone: note appended")
    code, out, _ = run(capsys, "--db", str(db), "history", eid)
    assert "undone by" in out and "redo: note appended" in out


def test_undo_refuses_over_a_newer_change_and_exits_non_zero(capsys, db):
    eid = event(db)
    run(capsys, "--db", str(db), "annotate", eid, "--note", "mine")
    code, out, _ = run(capsys, "--db", str(db), "history", "--json")
    mine = json.loads(out)[0]["id"]
    Library.open(db, seed_samples=False).annotate(eid, note="from the reader", origin="reader")
    code, out, err = run(capsys, "--db", str(db), "undo", mine)
    assert code == 5 and "changed since by" in err and "Nothing was changed" in err and out == ""
    assert Library.open(db, seed_samples=False).annotation(eid).note == "from the reader"
    code, _, err = run(capsys, "--db", str(db), "undo", "c-nope")
    assert code == 5 and "No change c-nope" in err


def test_tags_list_rename_and_remove(capsys, db):
    run(capsys, "--db", str(db), "annotate", event(db, 0), "--tag", "Kharkiv oblast")
    run(capsys, "--db", str(db), "annotate", event(db, 1), "--tag", "#kharkiv-oblast", "--tag", "energy")
    code, out, _ = run(capsys, "--db", str(db), "tags", "--json")
    assert [(t["tag"], t["count"]) for t in json.loads(out)] == [("Kharkiv-oblast", 2), ("energy", 1)]
    code, out, _ = run(capsys, "--db", str(db), "tags", "rename", "kharkiv oblast", "Kharkiv")
    assert code == 0 and "on 2 event(s)" in out
    code, out, _ = run(capsys, "--db", str(db), "tags", "rm", "energy")
    assert code == 0 and "from 1 event(s)" in out
    code, out, _ = run(capsys, "--db", str(db), "tags")
    assert "Kharkiv" in out and "energy" not in out
    code, _, err = run(capsys, "--db", str(db), "tags", "rm", "energy")
    assert code == 4 and "No event carries the tag 'energy'" in err
    # The export shows a tag exactly as stored.
    code, out, _ = run(capsys, "--db", str(db), "export")
    assert "> #Kharkiv\n" in out and "##Kharkiv" not in out
