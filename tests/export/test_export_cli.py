"""`warreader export` and `warreader import-notes` through `warreader.cli.main`."""

from __future__ import annotations

import json

import pytest

from warreader.cli import main

from .fixture_library import make_library


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "library"
    make_library(path).close()
    return path


@pytest.fixture
def bare_db(tmp_path):
    path = tmp_path / "bare"
    make_library(path, annotated=False).close()
    return path


def test_export_to_stdout_defaults_to_markdown(db, capsys):
    assert main(["--db", str(db), "export"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("# warreader notes\n")
    assert "## Day 987 · Friday, 8 November 2024" in out
    assert err == ""


def test_export_json_with_filters_to_stdout(db, capsys):
    assert main(["--db", str(db), "export", "--format", "json", "--tag", "drones", "--tag", "pokrovsk",
                 "--since", "2024-11-07", "--until", "987"]) == 0  # fmt: skip
    doc = json.loads(capsys.readouterr().out)
    assert [e["tags"][0] for e in doc["events"]] == ["drones", "pokrovsk"]
    assert doc["filters"] == {
        "tags": ["drones", "pokrovsk"], "flags": [], "themes": [], "since": "2024-11-07", "until": 987,
        "all": False,
    }  # fmt: skip


def test_csv_on_stdout_keeps_crlf_and_bom(db, capsysbinary):
    assert main(["--db", str(db), "export", "--format", "csv", "--all"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith("\ufeffid,day,".encode()) and b"\r\n" in out and b"\r\r\n" not in out


def test_export_to_a_file_and_never_over_an_existing_one(db, tmp_path, capsys):
    target = tmp_path / "notes.csv"
    assert main(["--db", str(db), "export", "--format", "csv", "-o", str(target)]) == 0
    assert target.read_bytes().startswith("\ufeffid,".encode())
    assert str(target) in capsys.readouterr().err

    target.write_text("precious", encoding="utf-8")
    assert main(["--db", str(db), "export", "--format", "csv", "-o", str(target)]) != 0
    out, err = capsys.readouterr()
    assert str(target) in err and "--force" in err and "Traceback" not in err and out == ""
    assert target.read_text(encoding="utf-8") == "precious"

    assert main(["--db", str(db), "export", "--format", "csv", "-o", str(target), "--force"]) == 0
    assert target.read_bytes().startswith("\ufeffid,".encode())


def test_export_into_a_folder_is_a_clear_error(db, tmp_path, capsys):
    assert main(["--db", str(db), "export", "-o", str(tmp_path)]) != 0
    assert "is a folder" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["2024-13-40", "last week"])
def test_invalid_dates_exit_non_zero_with_a_message(db, capsys, value):
    assert main(["--db", str(db), "export", "--since", value]) == 2
    out, err = capsys.readouterr()
    assert value in err and "YYYY-MM-DD" in err and out == ""


def test_import_notes_round_trip_and_second_run(db, bare_db, tmp_path, capsys):
    path = tmp_path / "notes.json"
    assert main(["--db", str(db), "export", "--format", "json", "-o", str(path)]) == 0
    capsys.readouterr()
    assert main(["--db", str(bare_db), "import-notes", str(path)]) == 0
    out = capsys.readouterr().out
    assert "8 merged, 0 unchanged, 0 kept as orphans" in out
    assert main(["--db", str(bare_db), "import-notes", str(path)]) == 0
    assert "0 merged, 8 unchanged" in capsys.readouterr().out
    assert main(["--db", str(bare_db), "export", "--format", "json"]) == 0
    mine = json.loads(capsys.readouterr().out)
    main(["--db", str(db), "export", "--format", "json"])
    theirs = json.loads(capsys.readouterr().out)
    strip = [{k: v for k, v in e.items() if k != "updated_at"} for e in theirs["events"]]
    assert [{k: v for k, v in e.items() if k != "updated_at"} for e in mine["events"]] == strip
    assert mine["days"] == theirs["days"]


def test_import_notes_bad_file_is_a_clear_error(bare_db, tmp_path, capsys):
    path = tmp_path / "other.json"
    path.write_text('{"format": "something"}', encoding="utf-8")
    assert main(["--db", str(bare_db), "import-notes", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "not a warreader notes export" in err and "Traceback" not in err
