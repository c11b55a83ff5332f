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


def test_search_finds_notes_and_tags_and_names_a_bad_field(capsys, db):
    """Issue 16: words from the user's own note and a tag are found; an unknown field is an error."""
    eid = event(db, 3)
    run(capsys, "--db", str(db), "annotate", eid, "--note", "Pokrovsk figure to check", "--tag", "clitag")
    code, out, _ = run(capsys, "--db", str(db), "search", "Pokrovsk figure", "--json")
    assert code == 0 and [r["id"] for r in json.loads(out)] == [eid]
    code, out, _ = run(capsys, "--db", str(db), "search", "clitag")
    assert code == 0 and eid in out
    code, out, err = run(capsys, "--db", str(db), "search", "colour:red")
    assert code == 2 and "Unknown field 'colour:'" in err and out == ""


def test_search_help_shows_the_language(capsys):
    with pytest.raises(SystemExit):
        main(["search", "--help"])
    out = capsys.readouterr().out
    assert "tag:drones" in out and "day:900..1000" in out and "is:orphan" in out and "examples:" in out


def test_views_add_list_rm(capsys, db):
    run(capsys, "--db", str(db), "annotate", event(db, 0), "--flag", "verify")
    code, out, _ = run(capsys, "--db", str(db), "views", "add", "to verify", "flag:verify")
    assert code == 0 and "1 events now" in out
    code, out, _ = run(capsys, "--db", str(db), "views", "list", "--json")
    assert json.loads(out) == [{"name": "to verify", "query": "flag:verify", "count": 1}]
    code, _, err = run(capsys, "--db", str(db), "views", "add", "bad", "nope:x")
    assert code == 2 and "Unknown field" in err
    assert run(capsys, "--db", str(db), "views", "rm", "TO VERIFY")[0] == 0
    code, _, err = run(capsys, "--db", str(db), "views", "rm", "to verify")
    assert code == 4 and "No saved view" in err


def test_annotate_query_counts_first_and_needs_yes_above_twenty(capsys, tmp_path):
    db = tmp_path / "big"
    library = Library.open(db, seed_samples=False)
    library.import_bulletins([build_bulletin(900 + n, DAY_981) for n in range(5)])  # 25 events
    library.close()
    code, out, _ = run(capsys, "--db", str(db), "annotate", "--query", "day:900..904", "--tag", "bulk")
    assert code == 3 and "25 event(s) match" in out and "--yes" in out
    assert Library.open(db, seed_samples=False).annotations() == []
    argv = ["--db", str(db), "annotate", "--query", "day:900..904", "--tag", "bulk", "--yes"]
    code, out, _ = run(capsys, *argv)
    assert code == 0 and "changed 25 event(s) in one step" in out
    assert len(Library.open(db, seed_samples=False).annotations()) == 25
    code, out, _ = run(capsys, "--db", str(db), "undo")
    assert code == 0 and Library.open(db, seed_samples=False).annotations() == []
    code, _, err = run(capsys, "--db", str(db), "annotate", "--query", "kyiv", "--note", "x")
    assert code == 2 and "one event at a time" in err
