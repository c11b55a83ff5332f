"""The format writers on small in-memory records: escaping, formula cells, the JSON contract."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from warreader.errors import InputError
from warreader.export import ExportData, ExportDay, ExportEvent, ExportFilters, ExportOptions, render_data
from warreader.export.csv_format import COLUMNS, neutralise
from warreader.export.markdown import code_span, english_date, escape, obsidian_tag, paragraphs

NOW = dt.datetime(2024, 11, 9, 8, 30, tzinfo=dt.UTC)


def event(**overrides) -> ExportEvent:
    values = dict(
        id="987-aaaaaaaaaa",
        day=987,
        date=dt.date(2024, 11, 8),
        theme="fighting",
        heading="Fighting",
        text="A drone hit Kyiv.",
        tags=("drones",),
        flags=(),
        note=None,
        source="day0987.txt",
        updated_at="2024-11-08T10:00:00Z",
    )
    values.update(overrides)
    return ExportEvent(**values)


def data(*events: ExportEvent, days=(), filters: ExportFilters | None = None) -> ExportData:
    filters = filters or ExportFilters()
    return ExportData(exported_at=NOW, filters=filters, events=list(events), days=list(days))


# -- CSV ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cell", ["=SUM(A1)", "+1", "-5 degrees", "@x", "\tx", "\rx", "-"])
def test_formula_looking_cells_get_a_leading_quote(cell):
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Kyiv", "", "5-1", " =x", "'quoted", "1+1"])
def test_ordinary_cells_are_untouched(cell):
    assert neutralise(cell) == cell


def read_csv(text: str) -> list[dict]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_csv_reads_back_with_every_column_and_neutral_cells():
    text = render_data(
        data(
            event(text="=SUM(A1)", tags=("-neg", "b"), flags=("@f",), note='line 1\nline 2, "quoted"'),
            event(id="987-b", text="+1 and -5", heading=None, note=None, tags=(), updated_at=None),
        ),
        "csv",
    )
    assert text.splitlines()[0] == "\ufeff" + ",".join(COLUMNS)
    assert "\r\n" in text and text.endswith("\r\n")
    rows = read_csv(text)
    assert [list(r) for r in rows] == [list(COLUMNS)] * 2
    first, second = rows
    assert first["text"] == "'=SUM(A1)"
    assert first["tags"] == "'-neg;b"
    assert first["flags"] == "'@f"
    assert first["note"] == 'line 1\nline 2, "quoted"'
    assert first["day"] == "987" and first["date"] == "2024-11-08"
    assert second["text"] == "'+1 and -5"
    assert second["heading"] == "" and second["note"] == "" and second["updated_at"] == ""
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_of_nothing_is_the_header_only():
    assert render_data(data(), "csv") == "\ufeff" + ",".join(COLUMNS) + "\r\n"


# -- JSON -----------------------------------------------------------------------------------------------


def test_json_follows_the_contract_exactly():
    filters = ExportFilters(tags=("drones",), since=dt.date(2024, 11, 1), until=990)
    doc = json.loads(
        render_data(
            data(event(note="n"), days=[ExportDay(987, dt.date(2024, 11, 8), "day")], filters=filters), "json"
        )
    )
    assert list(doc) == ["format", "version", "exported_at", "filters", "events", "days"]
    assert doc["format"] == "warreader-notes" and doc["version"] == 1
    assert doc["exported_at"] == "2024-11-09T08:30:00+00:00"
    assert doc["filters"] == {
        "tags": ["drones"], "flags": [], "themes": [], "since": "2024-11-01", "until": 990, "all": False,
    }  # fmt: skip
    assert doc["events"] == [
        {
            "id": "987-aaaaaaaaaa", "day": 987, "date": "2024-11-08", "theme": "fighting",
            "heading": "Fighting", "text": "A drone hit Kyiv.", "tags": ["drones"], "flags": [],
            "note": "n", "source": "day0987.txt", "updated_at": "2024-11-08T10:00:00Z", "outlet": None,
        }
    ]  # fmt: skip
    assert doc["days"] == [{"day": 987, "date": "2024-11-08", "note": "day"}]


def test_json_keeps_unicode_readable_and_null_note():
    text = render_data(data(event(text="Kyiv’s «Київ»", note=None)), "json")
    assert "Kyiv’s «Київ»" in text
    assert json.loads(text)["events"][0]["note"] is None


# -- Markdown -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, rendered",
    [
        ("# not a heading", "\\# not a heading"),
        ("> not a quote", "\\> not a quote"),
        ("- not a list", "\\- not a list"),
        ("+ not a list", "\\+ not a list"),
        ("1. not a list", "1\\. not a list"),
        ("---", "\\---"),
        ("<b>html</b>", "\\<b\\>html\\</b\\>"),
        ("[bold] and [[wiki]]", "\\[bold\\] and \\[\\[wiki\\]\\]"),
        ("*a* _b_ `c`", "\\*a\\* \\_b\\_ \\`c\\`"),
        ("~~d~~ ==e== $5 and $6", "\\~\\~d\\~\\~ \\=\\=e\\=\\= \\$5 and \\$6"),
        ("#hashtag mid #text", "\\#hashtag mid \\#text"),
        ("a | b", "a \\| b"),
        ("&amp; & AT&T", "\\&amp; & AT&T"),
        ("%%comment%%", "\\%\\%comment\\%\\%"),
        ("back\\slash", "back\\\\slash"),
        ("    four spaces", "\u00a0\u00a0\u00a0\u00a0four spaces"),
        ("plain text, 40% more", "plain text, 40% more"),
    ],
)
def test_markdown_escaping_makes_text_inert(raw, rendered):
    assert escape(raw) == rendered


def test_paragraphs_keep_line_breaks_and_blank_lines():
    assert paragraphs("one\ntwo\r\n\n\nthree\n") == ["one  ", "two", "", "three"]


@pytest.mark.parametrize(
    "tag, rendered",
    [("drones", "#drones"), ("air defence", "#air-defence"), ("a  b\tc", "#a-b-c"), ("2024", "#_2024"),
     ("what?!", "#what"), ("nested/tag", "#nested/tag"), ("!!!", "")],
)  # fmt: skip
def test_obsidian_tags(tag, rendered):
    assert obsidian_tag(tag) == rendered


def test_code_span_survives_backticks():
    assert code_span("a.txt") == "`a.txt`"
    assert code_span("a`b") == "``a`b``"
    assert code_span("`x") == "`` `x ``"


def test_english_date_ignores_locale():
    assert english_date(dt.date(2024, 11, 8)) == "Friday, 8 November 2024"


def test_markdown_quotes_each_event_with_tags_flags_note_and_source():
    text = render_data(
        data(event(tags=("air defence",), flags=("important",), note="first\n  second\n\nthird")), "md"
    )
    block = text.split("### Fighting\n\n", 1)[1]
    assert block == (
        "> A drone hit Kyiv.\n"
        ">\n"
        "> #air-defence\n"
        ">\n"
        "> **Flags:** important\n"
        ">\n"
        "> **Note:**  \n"
        "> first  \n"
        "> \u00a0\u00a0second\n"
        ">\n"
        "> third\n"
        ">\n"
        "> — source `day0987.txt` · id `987-aaaaaaaaaa`\n"
    )


def test_markdown_header_says_what_when_and_filters():
    text = render_data(data(filters=ExportFilters(tags=("drones", "kyiv"), since=980)), "md")
    assert text.startswith("# warreader notes\n\n- Exported: 2024-11-09 08:30 UTC\n")
    assert "- Contents: annotated events and day notes: 0 events on 0 days, 0 day notes\n" in text
    assert "- Filters: tag `drones` or `kyiv`; since day 980\n" in text
    assert "*Nothing matched.*" in text


def test_markdown_marks_orphans():
    text = render_data(data(event(orphan=True, source="")), "md")
    assert "*Orphaned:" in text
    assert "source" not in text.split("### Fighting", 1)[1]


# -- Options --------------------------------------------------------------------------------------------


def test_options_normalise_dates_and_day_numbers():
    filters = ExportOptions(since="2024-11-01", until="987", tags=[" a ", "a", ""]).filters()
    assert filters.since == dt.date(2024, 11, 1) and filters.until == 987 and filters.tags == ("a",)
    assert ExportOptions(since="day 5", until=dt.date(2024, 1, 2)).filters().since == 5


@pytest.mark.parametrize("value", ["2024-13-01", "yesterday", "2024/11/01", "-3", "11-01-2024"])
def test_invalid_dates_are_clear_errors(value):
    with pytest.raises(InputError, match="not valid"):
        ExportOptions(since=value).filters()


def test_since_after_until_and_unknown_format_are_errors():
    with pytest.raises(InputError, match="after"):
        ExportOptions(since="2024-11-08", until="2024-11-01").filters()
    with pytest.raises(InputError, match="Unknown export format"):
        ExportOptions(format="xlsx").filters()


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("red\x1b[31m alert", "red[31m alert"),  # ESC would drive the terminal the CSV is printed to
        ("\x1b=SUM(A1)", "'=SUM(A1)"),  # a control character cannot hide a formula from the check
        ("a\x00b\x9bc", "abc"),
        ("line one\nline two\ttab", "line one\nline two\ttab"),  # line breaks and tabs are text
    ],
)
def test_csv_cells_drop_control_characters(cell, expected):
    assert neutralise(cell) == expected
