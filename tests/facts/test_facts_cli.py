"""`warreader facts`, `places` and `people` through `warreader.cli.main`, as a terminal user runs them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from warreader.cli import main
from warreader.model import Bulletin, Event, Section, assign_ids
from warreader.store import Library


def bulletin(day: int, date: dt.date, texts: list[str]) -> Bulletin:
    ids = assign_ids(day, texts)
    events = [Event(i, t) for i, t in zip(ids, texts, strict=True)]
    return Bulletin(day, date, f"day {day}", f"day{day}.txt", [Section("Fighting", "fighting", events)])


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "library"
    library = Library.open(path, seed_samples=False)
    library.import_bulletins([
        bulletin(987, dt.date(2024, 11, 8), [
            "A Russian-guided bomb attack on Zaporizhzhia has killed four people and wounded 33.",
            "Ukraine’s air force said it downed 74 of 106 drones launched by Russia.",
            "Zelenskyy met allies in Budapest.",
            "=cmd| ' /C calc'!A0 said nothing of \x1b[31mnote\x1b[0m in Kyiv.",
        ]),
        bulletin(980, dt.date(2024, 11, 1), [
            "Russia launched 50 drones at Kharkiv, killing two people.",
            "The US announced a new $425m military aid package.",
        ]),
    ])  # fmt: skip
    library.close()
    return path


def run(db, *args) -> tuple[int, str, str]:
    return main(["--db", str(db), *args])


def test_json_is_one_object_per_event_with_facts_in_the_issues_shape(db, capsys):
    assert run(db, "facts", "--json") == 0
    events = json.loads(capsys.readouterr().out)
    assert [e["day"] for e in events] == [987, 987, 987, 987, 980, 980]
    first = events[0]
    assert list(first) == ["event_id", "day", "date", "text", "figures", "places", "people"]
    assert list(first["figures"][0]) == [
        "kind", "value", "low", "high", "approx", "cumulative", "unit", "quote", "start", "end",
    ]  # fmt: skip
    assert list(first["places"][0]) == ["name", "admin1", "country", "lat", "lon", "quote", "start", "end"]
    assert first["figures"][0]["quote"] == "killed four people"
    text = first["text"]
    for fact in first["figures"] + first["places"]:
        assert text[fact["start"] : fact["end"]] == fact["quote"]
    assert list(events[2]["people"][0]) == ["name", "quote", "start", "end"]


def test_kind_place_and_day_filters(db, capsys):
    assert run(db, "facts", "--kind", "killed", "--json") == 0
    events = json.loads(capsys.readouterr().out)
    assert [(e["day"], [f["value"] for f in e["figures"]]) for e in events] == [(987, [4]), (980, [2])]
    assert run(db, "facts", "--place", "Kharkov", "--json") == 0  # the alias finds Kharkiv
    assert [e["day"] for e in json.loads(capsys.readouterr().out)] == [980]
    assert run(db, "facts", "--place", "Zaporizhzhia region", "--json") == 0  # a region gathers its city
    assert [e["day"] for e in json.loads(capsys.readouterr().out)] == [987]
    assert run(db, "facts", "980", "--json") == 0
    assert {e["day"] for e in json.loads(capsys.readouterr().out)} == {980}
    assert run(db, "facts", "--since", "2024-11-05", "--person", "Zelensky", "--json") == 0
    assert [e["text"] for e in json.loads(capsys.readouterr().out)] == ["Zelenskyy met allies in Budapest."]


def test_human_output_quotes_every_figure_and_never_drives_the_terminal(db, capsys):
    assert run(db, "facts") == 0
    out, err = capsys.readouterr()
    assert "killed 4 people" in out and "“killed four people”" in out
    assert "drones_downed 74" in out and "places: Zaporizhzhia (Zaporizhzhia Oblast, UA)" in out
    assert "\x1b" not in out and "\x1b" not in err
    assert "6 events" in err


def test_weekly_totals(db, capsys):
    assert run(db, "facts", "--kind", "drones_launched", "--by", "week") == 0
    out = capsys.readouterr().out
    assert "2024-W44  2024-10-28" in out and "50" in out
    assert "2024-W45  2024-11-04" in out and "106" in out
    assert run(db, "facts", "--kind", "drones_launched", "--by", "month", "--json") == 0
    assert json.loads(capsys.readouterr().out) == [
        {"period": "2024-11", "start": "2024-11-01", "end": "2024-11-30", "kind": "drones_launched",
         "total": 156, "approx": False, "events": json.loads(json.dumps(_ids(db)))},
    ]  # fmt: skip


def _ids(db) -> list[str]:
    library = Library.open(db)
    try:
        ids = [
            e.id for day in (987, 980) for _s, e in library.bulletin(day).iter_events() if "drones" in e.text
        ]
    finally:
        library.close()
    return ids


def test_csv_is_one_row_per_fact_and_formula_safe(db, capsysbinary):
    assert run(db, "facts", "--csv") == 0
    text = capsysbinary.readouterr().out.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert {r["fact"] for r in rows} == {"figure", "place", "person"}
    money = next(r for r in rows if r["kind"] == "money")
    assert (money["value"], money["unit"], money["quote"]) == ("425000000", "USD", "$425m")
    formula = next(r for r in rows if "calc" in r["text"])
    assert formula["text"].startswith("'=") and "\x1b" not in formula["text"]


def test_places_and_people(db, capsys):
    assert run(db, "places", "--json") == 0
    places = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert places["Kharkiv"] == {
        "name": "Kharkiv", "admin1": "Kharkiv Oblast", "country": "UA", "lat": places["Kharkiv"]["lat"],
        "lon": places["Kharkiv"]["lon"], "events": 1, "first_day": 980, "last_day": 980,
    }  # fmt: skip
    assert places["Russia"]["events"] == 2
    assert run(db, "places") == 0
    assert "Zaporizhzhia" in capsys.readouterr().out
    assert run(db, "people", "--json") == 0
    assert json.loads(capsys.readouterr().out) == [
        {"name": "Volodymyr Zelenskyy", "kind": "person", "events": 1, "first_day": 987, "last_day": 987}
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["facts", "--kind", "deaths"], "Unknown kind 'deaths'"),
        (["facts", "--by", "week"], "--by week totals one kind of figure: add --kind"),
        (["facts", "--place", "Atlantis"], "No place called 'Atlantis' is known"),
        (["facts", "--person", "Nobody Here"], "No person or organisation called 'Nobody Here'"),
        (["facts", "--since", "yesterday"], "The since date 'yesterday' is not valid"),
        (["facts", "day x"], "'day x' is not a day number"),
    ],
)
def test_clear_errors(db, capsys, args, message):
    assert run(db, *args) == 2
    assert message in capsys.readouterr().err


def test_help_shows_examples(capsys):
    with pytest.raises(SystemExit):
        main(["facts", "--help"])
    out = capsys.readouterr().out
    assert "warreader facts --kind drones_launched --by week" in out


def test_import_fills_the_facts_cache(tmp_path, capsys):
    source = tmp_path / "day0990.txt"
    source.write_text(
        "Russia-Ukraine war: List of key events, day 990\n\nHere is the situation on Monday, November 11, "
        "2024.\n\nFighting\n\n- Russia launched 80 drones overnight, Ukraine's air force said.\n",
        encoding="utf-8",
    )
    db = tmp_path / "library"
    assert main(["--db", str(db), "import", str(source)]) == 0
    assert (db / "facts.json").exists()
    assert main(["--db", str(db), "facts", "--kind", "drones_launched", "--json"]) == 0
    assert "80" in capsys.readouterr().out
