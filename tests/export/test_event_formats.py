"""The event formats: ACLED-style CSV and GeoJSON of the fixture library (golden files), formula-safe
cells, the choice of place and fatalities, the filters.

Regenerate the golden files after an intended change with `WARREADER_UPDATE_GOLDEN=1 pytest tests/export`
and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

from warreader.cli import main
from warreader.export import ExportOptions, render_export
from warreader.export.acled import COLUMNS, suggest_actor, suggest_type

from .fixture_library import GOLDEN, NOW, make_library


@pytest.mark.parametrize("fmt, name", [("acled", "events.acled.csv"), ("geojson", "events.geojson")])
def test_golden(library, fmt, name):
    text = render_export(library, ExportOptions(format=fmt), now=NOW)
    golden = GOLDEN / name
    if os.environ.get("WARREADER_UPDATE_GOLDEN"):
        golden.write_bytes(text.encode("utf-8"))
    assert text.encode("utf-8") == golden.read_bytes()


def acled_rows(library, **options) -> list[dict]:
    text = render_export(library, ExportOptions(format="acled", **options), now=NOW)
    assert text.startswith("\ufeff") and "\r\n" in text
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_acled_has_one_row_per_event_with_its_columns(library):
    rows = acled_rows(library)
    assert list(rows[0]) == list(COLUMNS)
    assert len(rows) == 11  # every event of the three days, annotated or not
    drones = next(r for r in rows if r["notes"].startswith("Russian drones hit Kyiv"))
    assert (drones["event_id_cnty"], drones["event_date"], drones["year"], drones["time_precision"]) == (
        drones["event_id_cnty"], "2024-11-08", "2024", "1",
    )  # fmt: skip
    assert (drones["location"], drones["admin1"], drones["country"], drones["geo_precision"]) == (
        "Kyiv", "Kyiv City", "Ukraine", "1",
    )  # fmt: skip
    assert (drones["event_type"], drones["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert drones["actor1"] == "Military Forces of Russia"
    assert drones["tags"] == "drones;air-defence;important"
    assert drones["source"] == "day0987.txt"


def test_acled_cells_are_formula_safe(library):
    rows = acled_rows(library)
    notes = {r["notes"] for r in rows}
    assert "'=SUM(A1) appeared in a leaked spreadsheet." in notes
    assert "'-5 degrees forecast as power cuts continue." in notes
    assert "'+1 brigade moved to Pokrovsk." in notes


def test_acled_fatalities_are_the_conservative_killed_not_cumulative(tmp_path):
    import datetime as dt

    from .fixture_library import bulletin

    library = make_library(tmp_path / "lib", annotated=False)
    library.import_bulletins([bulletin(990, dt.date(2024, 11, 11), [("Fighting", [
        "At least 12 people were killed and 30 injured in Kramatorsk; "
        "a woman and her child died in Sloviansk.",
        "The UN said 12,000 civilians have been killed since 2022.",
    ])])])  # fmt: skip
    rows = {r["notes"][:12]: r for r in acled_rows(library, since=990, until=990)}
    assert rows["At least 12 "]["fatalities"] == "14"
    assert rows["At least 12 "]["location"] == "Kramatorsk"
    assert rows["The UN said "]["fatalities"] == "0"
    library.close()


def test_geojson_points_are_longitude_first_one_per_event_and_place(library):
    text = render_export(library, ExportOptions(format="geojson"), now=NOW)
    document = json.loads(text)
    assert document["type"] == "FeatureCollection"
    kyiv = next(f for f in document["features"] if f["properties"]["place"] == "Kyiv")
    lon, lat = kyiv["geometry"]["coordinates"]
    assert 30 < lon < 31 and 50 < lat < 51
    assert kyiv["properties"]["tags"] == ["drones", "air-defence"]
    keys = [(f["properties"]["event_id"], f["properties"]["place"]) for f in document["features"]]
    assert len(keys) == len(set(keys))


def test_event_formats_honour_the_filters(library):
    rows = acled_rows(library, tags=["pokrovsk"])
    assert [r["notes"] for r in rows] == ["'+1 brigade moved to Pokrovsk."]


def test_export_cli_writes_the_event_formats(tmp_path, capsysbinary):
    db = tmp_path / "library"
    make_library(db).close()
    assert main(["--db", str(db), "export", "--format", "acled"]) == 0
    assert capsysbinary.readouterr().out.startswith("\ufeffevent_id_cnty,event_date,".encode())
    out = tmp_path / "map.geojson"
    assert main(["--db", str(db), "export", "--format", "geojson", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["features"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Russian missile strike on Kharkiv",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        ("Drones hit Kyiv", ("Explosions/Remote violence", "Air/drone strike")),
        ("Russian forces captured the village of Olhivske", ("Battles", "Armed clash")),
        ("A Moscow court sentenced a man", ("Strategic developments", "Arrests")),
        ("Zelenskyy met allies", ("", "")),
    ],
)
def test_type_suggestions(text, expected):
    assert suggest_type(text) == expected


def test_actor_suggestions():
    assert suggest_actor("Ukrainian drones hit a refinery") == "Military Forces of Ukraine"
    assert suggest_actor("Russian forces advanced") == "Military Forces of Russia"
    assert suggest_actor("Talks resumed") == ""
