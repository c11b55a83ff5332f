"""Exports of the fixture library: golden files for the three formats, filters, ordering, orphans.

Regenerate the golden files after an intended change with `WARREADER_UPDATE_GOLDEN=1 pytest tests/export`
and review the diff.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os

import pytest

from warreader.errors import InputError
from warreader.export import ExportOptions, render_export

from .fixture_library import GOLDEN, NOW, bulletin, event_id, stable


@pytest.mark.parametrize("fmt, name", [("md", "notes.md"), ("json", "notes.json"), ("csv", "notes.csv")])
def test_golden(library, fmt, name):
    text = stable(render_export(library, ExportOptions(format=fmt), now=NOW))
    golden = GOLDEN / name
    if os.environ.get("WARREADER_UPDATE_GOLDEN"):
        golden.write_bytes(text.encode("utf-8"))
    # Compared as bytes: CSV's \r\n and BOM are part of the contract.
    assert text.encode("utf-8") == golden.read_bytes()


def test_golden_all_events_markdown(library):
    text = stable(render_export(library, ExportOptions(format="md", all_events=True), now=NOW))
    golden = GOLDEN / "all.md"
    if os.environ.get("WARREADER_UPDATE_GOLDEN"):
        golden.write_bytes(text.encode("utf-8"))
    assert text.encode("utf-8") == golden.read_bytes()


def ids_of(doc: dict) -> list[str]:
    return [e["id"] for e in doc["events"]]


def json_export(library, **options) -> dict:
    return json.loads(render_export(library, ExportOptions(format="json", **options), now=NOW))


def test_default_export_is_annotated_events_newest_day_first_in_reading_order(library):
    doc = json_export(library)
    assert [e["day"] for e in doc["events"]] == [987] * 4 + [986] * 4
    assert [e["id"] for e in doc["events"][:4]] == [
        event_id(987, "Russian"), event_id(987, "Kharkiv"), event_id(987, "# Not"), event_id(987, "@x"),
    ]  # fmt: skip
    assert [d["day"] for d in doc["days"]] == [987, 985]
    assert all(e["tags"] or e["flags"] or e["note"] for e in doc["events"])


def test_all_exports_every_event_with_annotations_where_present(library):
    doc = json_export(library, all_events=True)
    assert len(doc["events"]) == 5 + 5 + 1
    bare = [e for e in doc["events"] if e["text"] == "Zelenskyy met allies."][0]
    assert bare["tags"] == [] and bare["flags"] == [] and bare["note"] is None and bare["updated_at"] is None
    assert doc["filters"]["all"] is True


def test_filters_or_within_a_kind_and_across_kinds(library):
    assert ids_of(json_export(library, tags=["drones", "pokrovsk"])) == [
        event_id(987, "Russian"), event_id(986, "+1"),
    ]  # fmt: skip
    # AND across kinds: the verify flag AND day 986.
    assert ids_of(json_export(library, flags=["verify"], since="986", until="986")) == [event_id(986, "-5")]
    # Tags match case-insensitively; the theme filter uses theme keys.
    assert ids_of(json_export(library, tags=["DRONES"])) == [event_id(987, "Russian")]
    assert ids_of(json_export(library, themes=["diplomacy"])) == [event_id(987, "@x")]
    assert ids_of(json_export(library, tags=["drones"], flags=["verify"])) == []


def test_event_filters_keep_only_the_day_notes_of_their_days(library):
    assert [d["day"] for d in json_export(library, tags=["drones"])["days"]] == [987]
    assert [d["day"] for d in json_export(library, tags=["pokrovsk"])["days"]] == []


def test_date_range_by_date_and_by_day_number(library):
    doc = json_export(library, since="2024-11-07", until=dt.date(2024, 11, 7))
    assert {e["day"] for e in doc["events"]} == {986}
    assert doc["filters"]["since"] == "2024-11-07"
    doc = json_export(library, until="985")
    assert doc["events"] == [] and [d["day"] for d in doc["days"]] == [985]
    assert doc["filters"]["until"] == 985


def test_invalid_date_is_refused_before_anything(library):
    with pytest.raises(InputError, match="2024-02-30"):
        render_export(library, ExportOptions(since="2024-02-30"))


def test_csv_reads_back_neutral(library):
    text = render_export(library, ExportOptions(format="csv", all_events=True), now=NOW)
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    by_text = {row["text"]: row for row in rows}
    assert "'=SUM(A1) appeared in a leaked spreadsheet." in by_text
    assert "'-5 degrees forecast as power cuts continue." in by_text
    assert "'+1 brigade moved to Pokrovsk." in by_text
    assert by_text['\'@x posted: "talks, maybe" on Telegram.']["tags"] == "'@handles;2024"
    assert by_text["Line one of an event\nwith a newline inside."]["note"] == "multi\nline\nnote"
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_orphans_are_exported_from_their_anchor(library):
    # Re-import day 985 with wholly different text: its event is gone, a note on it becomes an orphan.
    library.annotate(event_id(985, "Quiet"), add_tags=["calm"], note="orphan me")
    library.import_bulletins([bulletin(985, dt.date(2024, 11, 6), [("Fighting", ["Entirely other news."])])])
    assert [a.event_id for a in library.orphans()] == [event_id(985, "Quiet")]
    doc = json_export(library)
    orphan = [e for e in doc["events"] if e["day"] == 985]
    assert orphan == [
        {
            "id": event_id(985, "Quiet"), "day": 985, "date": "2024-11-06", "theme": "fighting",
            "heading": "Fighting", "text": "Quiet day on the front.", "tags": ["calm"], "flags": [],
            "note": "orphan me", "source": "", "updated_at": orphan[0]["updated_at"], "outlet": None,
        }
    ]  # fmt: skip
    markdown = render_export(library, ExportOptions(format="md"), now=NOW)
    assert "*Orphaned:" in markdown
