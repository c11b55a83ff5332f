"""Unsafe or unbounded input: control characters, special files, size, nesting depth, wide encodings."""

from __future__ import annotations

import codecs
import os
import sys
import threading

import pytest

from warreader.cli import main
from warreader.controls import CONTROLS
from warreader.errors import InputError
from warreader.model import bulletin_to_doc
from warreader.parsing import MAX_FILE_BYTES, parse_bytes, parse_path
from warreader.parsing.html import MAX_DEPTH

W_CONTROLS = "control characters removed"
_BULLETIN = (
    "Russia-Ukraine war: List of key events, day 987\n"
    "Here is the situation on Friday, November 8:\n"
    "Fighting\n"
    "- Russian forces advanced near Pokrovsk, officials said.\n"
    "- Ukraine’s air force said it downed 74 of 106 drones.\n"
)


def _every_text(bulletin) -> list[str]:
    doc = bulletin_to_doc(bulletin)
    found = [doc["title"] or "", *doc["warnings"]]
    for section in doc["sections"]:
        found += [section["heading"] or "", *section["captions"]]
        found += [event["text"] for event in section["events"]]
    return found


@pytest.mark.parametrize(
    "hostile",
    [
        "\x1b[2J\x1b]0;owned\x07",  # clear the screen, set the window title, ring the bell
        "\x9b31m",  # a one-byte C1 CSI
        "\u202e\u202c",  # a bidi override (and its pop)
        "\u2066\u2067\u2068\u2069\u202a\u202b\u202d",  # isolates and embeddings
        "\x00\x08\x7f\x90\x9f",  # NUL, backspace, DEL, C1 (NEL would be a line break)
    ],
)
def test_control_characters_are_removed_when_read_with_a_warning(hostile):
    text = _BULLETIN.replace("advanced near", f"advanced{hostile} near")
    b = parse_bytes(text.encode(), "hostile.txt")
    assert b.sections[0].events[0].text == "Russian forces advanced near Pokrovsk, officials said."
    assert not any(CONTROLS.search(t) for t in _every_text(b))
    assert W_CONTROLS in b.warnings
    assert W_CONTROLS not in parse_bytes(_BULLETIN.encode(), "clean.txt").warnings


def test_control_characters_spelled_as_entities_or_escapes_are_removed_too():
    page = (
        "<html><body><article><h1>Russia-Ukraine war: List of key events, day 987</h1>"
        "<p>Here is the situation on Friday, November 8:</p><h2>Fighting&#x202E;</h2><ul>"
        "<li>Russian &#27;[31mforces advanced&#7; near Pokrovsk, officials said.</li></ul>"
        "</article></body></html>"
    )
    b = parse_bytes(page.encode(), "hostile.html")
    assert b.sections[0].heading == "Fighting"
    assert b.sections[0].events[0].text == "Russian forces advanced near Pokrovsk, officials said."
    assert W_CONTROLS in b.warnings


def test_tabs_and_line_separators_are_not_lost_as_words():
    text = _BULLETIN.replace("Pokrovsk, officials", "Pokrovsk,\tofficials").replace(
        "\n- Ukraine", "\x0c- Ukraine"
    )
    b = parse_bytes(text.encode(), "f.txt")
    assert [e.text for e in b.sections[0].events] == [
        "Russian forces advanced near Pokrovsk, officials said.",
        "Ukraine’s air force said it downed 74 of 106 drones.",
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "bulletin.txt"
    os.mkfifo(fifo)
    result: list[object] = []

    def parse() -> None:
        try:
            parse_path(fifo)
        except InputError as error:
            result.append(str(error))

    worker = threading.Thread(target=parse, daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():  # unblock the reader so the test run can end, then fail
        with open(fifo, "wb"):
            pass
        pytest.fail("parse_path waited on a FIFO")
    assert result == [f"{fifo}: is not a regular file (a pipe); save the bulletin first"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_device_is_refused():
    with pytest.raises(InputError, match="/dev/zero: is not a regular file"):
        parse_path("/dev/zero")


def test_a_file_over_20_mb_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as stream:  # sparse: no 20 MB written to the test machine's disk
        stream.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(InputError) as info:
        parse_path(big)
    assert str(info.value).startswith(f"{big}: 20 MB is too large for a bulletin")
    with pytest.raises(InputError, match="too large"):
        parse_bytes(b"x" * (MAX_FILE_BYTES + 1), "bytes")


@pytest.mark.parametrize(
    ("depth", "parsed"), [(1_000, True), (4_000, True), (MAX_DEPTH + 10, False), (100_000, False)]
)
def test_deep_html_parses_or_is_refused_without_a_traceback(depth, parsed):
    page = (
        "<html><body><article><h1>Russia-Ukraine war: List of key events, day 5</h1>"
        "<p>Here is the situation on Monday, February 28:</p>"
        + "<div>" * depth
        + "<ul><li>Russian forces shelled Kharkiv, officials said.</li></ul>"
        + "</div>" * depth
        + "</article></body></html>"
    )
    if parsed:
        assert parse_bytes(page.encode(), "deep.html").event_count == 1
    else:
        with pytest.raises(InputError, match="deep.html: the page's HTML nests more than"):
            parse_bytes(page.encode(), "deep.html")


def test_a_recursion_limit_is_a_message_not_a_traceback(monkeypatch):
    from warreader.parsing import api

    def explode(*_args, **_kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(api, "build_bulletins", explode)
    with pytest.raises(InputError, match="f.txt: cannot be read as a bulletin"):
        parse_bytes(_BULLETIN.encode(), "f.txt")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("bom", [True, False])
def test_utf16_and_utf32_with_or_without_bom(encoding, bom):
    expected = parse_bytes(_BULLETIN.encode(), "utf8.txt")
    marks = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }
    data = (marks[encoding] if bom else b"") + _BULLETIN.encode(encoding)
    b = parse_bytes(data, "wide.txt")
    assert [(e.id, e.text) for _, e in b.iter_events()] == [(e.id, e.text) for _, e in expected.iter_events()]
    # A copy cut off in the middle of a character still reads.
    assert parse_bytes(data[:-1], "cut.txt").day == 987


def test_one_bad_file_in_a_folder_import_is_reported_and_the_others_stored(tmp_path, capsys):
    folder = tmp_path / "bulletins"
    folder.mkdir()
    (folder / "a_good.txt").write_text(_BULLETIN, encoding="utf-8")
    deep = "<html><body><article>" + "<div>" * 100_000 + "</div>" * 100_000 + "</article></body></html>"
    (folder / "b_deep.html").write_text(deep, encoding="utf-8")
    (folder / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (folder / "d_notes.md").write_text("# My notes\n\n- check the map\n- call Anna\n", encoding="utf-8")
    second = _BULLETIN.replace("day 987", "day 988").replace("Friday, November 8", "Saturday, November 9")
    (folder / "e_good.txt").write_text(second, encoding="utf-8")
    code = main(["--db", str(tmp_path / "lib"), "import", str(folder)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "day 987: new bulletin" in out and "day 988: new bulletin" in out
    assert "b_deep.html: the page's HTML nests more than" in err
    assert "c_binary.txt: this is a binary file" in err
    assert "d_notes.md: not a bulletin" in err
    assert "Traceback" not in err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_an_unreadable_file_is_a_message(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    locked = tmp_path / "locked.txt"
    locked.write_text(_BULLETIN)
    locked.chmod(0)
    with pytest.raises(InputError, match="locked.txt: cannot be read"):
        parse_path(locked)


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="no /proc")
def test_a_file_that_reports_no_size_is_still_read_whole():
    from warreader.parsing import read_bulletin_file

    data = read_bulletin_file("/proc/self/status")  # st_size is 0 for /proc files
    assert b"Name:" in data and len(data) > 100
