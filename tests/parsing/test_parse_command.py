"""`warreader parse PATH… [--json]` through the real CLI entry point."""

from __future__ import annotations

import json

from warreader.cli import main
from warreader.resources import data_dir


def test_json_output_is_the_documented_shape(capsys):
    sample = data_dir() / "day0987_mojibake-copy.txt"
    assert main(["parse", str(sample), "--json"]) == 0
    docs = json.loads(capsys.readouterr().out)
    assert isinstance(docs, list) and len(docs) == 1
    doc = docs[0]
    assert set(doc) == {"day", "date", "title", "source", "outlet", "canonical_url", "sections", "warnings"}
    assert (doc["day"], doc["date"], doc["source"]) == (987, "2024-11-08", str(sample))
    assert (doc["outlet"], doc["canonical_url"]) == ("Al Jazeera", None)  # its "Source: Al Jazeera…" line
    assert len(doc["sections"]) == 5
    section = doc["sections"][0]
    assert set(section) == {"heading", "theme", "events", "captions"}
    assert set(section["events"][0]) == {"id", "text"}
    assert sum(len(s["events"]) for s in doc["sections"]) == 21


def test_json_is_not_ascii_escaped(capsys):
    main(["parse", str(data_dir() / "day0987_mojibake-copy.txt"), "--json"])
    out = capsys.readouterr().out
    assert "Ukraine’s" in out and "\\u2019" not in out


def test_summary_per_file_for_a_folder(capsys, tmp_path):
    for name in ("day0981_dailywriteups-spun.txt", "day0987_mojibake-copy.txt"):
        (tmp_path / name).write_bytes((data_dir() / name).read_bytes())
    assert main(["parse", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "day:      981" in out and "2024-11-02 (Saturday)" in out
    assert "Preventing → fighting" in out
    assert "Russian affairs → russia" in out
    assert "warning:  text looks machine-spun" in out
    assert out.index("day0981") < out.index("day0987")


def test_failures_are_reported_and_other_files_still_parse(capsys, tmp_path):
    good = tmp_path / "good.txt"
    good.write_bytes((data_dir() / "day0987_mojibake-copy.txt").read_bytes())
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    missing = tmp_path / "missing.txt"
    code = main(["parse", str(empty), str(good), str(binary), str(missing), "--json"])
    captured = capsys.readouterr()
    assert code != 0
    assert [d["day"] for d in json.loads(captured.out)] == [987]
    err = captured.err
    assert f"{empty}: the file is empty" in err
    assert f"{binary}: this is a binary file" in err
    assert f"{missing}: no such file or folder" in err
    assert "Traceback" not in err


def test_not_a_bulletin_exits_non_zero(capsys, fixture_path):
    assert main(["parse", str(fixture_path("readme_not_a_bulletin.md"))]) != 0
    assert "not a bulletin" in capsys.readouterr().err
