"""Every output layer keeps its own guard: control characters that reached the library some other way
(an older version, a merged export) never leave in a Markdown, CSV or JSON export, nor in `parse`."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from warreader.cli import main
from warreader.controls import CONTROLS, CONTROLS_BUT_CR
from warreader.export import ExportOptions, render_export
from warreader.model import Bulletin, Event, Section, assign_ids
from warreader.store import Library

HOSTILE = "\x1b[2J\x1b]0;owned\x07\x9b31m\u202eevil\u202c\u2066\x00"


@pytest.fixture
def library(tmp_path):
    """A library holding a day whose text, heading, source and note carry control characters, stored
    without the parser (which would have removed them)."""
    texts = [f"Russian forces {HOSTILE} advanced near Pokrovsk.", "A second event."]
    ids = assign_ids(987, texts)
    bulletin = Bulletin(
        day=987,
        date=dt.date(2024, 11, 8),
        title=f"Key events {HOSTILE}",
        source=f"copy{HOSTILE}.txt",
        sections=[
            Section(f"Fighting{HOSTILE}", "fighting", [Event(i, t) for i, t in zip(ids, texts, strict=True)])
        ],
    )
    lib = Library.open(tmp_path / "lib", seed_samples=False)
    lib.import_bulletins([bulletin])
    lib.annotate(
        ids[0], add_tags=[f"tag{HOSTILE}"], note=f"note {HOSTILE}\nsecond line", add_flags=["verify"]
    )
    lib.set_day_note(987, f"day {HOSTILE}")
    yield lib
    lib.close()


@pytest.mark.parametrize("all_events", [False, True])
def test_markdown_export_has_no_control_character(library, all_events):
    text = render_export(library, ExportOptions(format="md", all_events=all_events))
    assert "advanced near Pokrovsk" in text and "evil" in text
    assert not CONTROLS.search(text)


def test_csv_export_has_none_but_its_own_line_ends(library):
    text = render_export(library, ExportOptions(format="csv", all_events=True))
    assert "evil" in text
    assert not CONTROLS_BUT_CR.search(text)


def test_json_export_escapes_them_and_reads_back_exactly(library):
    text = render_export(library, ExportOptions(format="json"))
    assert not CONTROLS.search(text)  # C0 escaped by json, C1 and bidi by the guard
    (event,) = json.loads(text)["events"]
    assert HOSTILE in event["text"]  # the data itself round-trips


def test_parse_output_is_guarded(tmp_path, capsys):
    path = tmp_path / f"day987{HOSTILE[:3]}.txt"
    title = "Russia-Ukraine war: List of key events, day 987"
    path.write_text(f"{title}\nFighting\n- Russian forces advanced, officials said.\n", encoding="utf-8")
    for argv in (["parse", str(path)], ["parse", str(path), "--json"]):
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert not CONTROLS.search(out)
