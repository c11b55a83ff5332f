"""`show` takes every day form and prints the parser's warnings and inferred themes; `import` stores every
bulletin of a file, refuses what is not one without touching the stored day, and says when a day shrinks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warreader.cli import main
from warreader.store import Library

DAY_987 = """Russia-Ukraine war: List of key events, day 987

As the war enters its 987th day, these are the main developments.

Here is the situation on Friday, November 8:

- Russian forces captured the village of Kreminna Balka, the defence ministry said.
- Fragments from downed drones injured two people in Kyiv.
- A Russian drone attack on Odesa damaged an 11-storey building.
- Ukraine’s air force said it downed 74 of 106 drones launched by Russia across the count
"""

DAY_1000 = """Russia-Ukraine war: List of key events, day 1,000

Here is the situation on Wednesday, November 20:

Fighting

- Ukraine used US-made long-range missiles to hit a military facility in Bryansk, Moscow said.
"""


@pytest.fixture
def db(tmp_path, capsys):
    path = tmp_path / "in"
    path.mkdir()
    (path / "day0987.txt").write_text(DAY_987, encoding="utf-8")
    (path / "day1000.txt").write_text(DAY_1000, encoding="utf-8")
    assert main(["--db", str(tmp_path / "lib"), "import", str(path)]) == 0
    capsys.readouterr()  # the import's report is not what the tests read
    return tmp_path / "lib"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("form", "day"),
    [("987", 987), ("1,000", 1000), ("2024-11-08", 987), ("Nov 8 2024", 987), ("day 1000", 1000)],
)
def test_show_takes_every_day_form(capsys, db, form, day):
    code, out, _ = run(capsys, "--db", str(db), "show", form, "--json")
    assert code == 0 and json.loads(out)["day"] == day


def test_show_names_the_nearest_days(capsys, db):
    code, _, err = run(capsys, "--db", str(db), "show", "990")
    assert code == 4
    assert "Day 990 is not in the library; the nearest stored days are 987 and 1000." in err
    code, _, err = run(capsys, "--db", str(db), "show", "Nov 10 2024")
    assert code == 4 and "nearest stored days are 987 (Friday 8 November 2024) and 1000" in err


def test_show_prints_warnings_and_inferred_themes(capsys, db):
    code, out, _ = run(capsys, "--db", str(db), "show", "987")
    assert code == 0
    assert "warning: last event looks cut off" in out
    assert "(no heading)  [fighting, inferred from its events]" in out
    code, out, _ = run(capsys, "--db", str(db), "show", "987", "--json")
    doc = json.loads(out)
    assert doc["sections"][0]["theme_inferred"] is True
    assert doc["warnings"] == ["last event looks cut off"]


def test_import_stores_every_bulletin_of_a_file(capsys, tmp_path):
    both = tmp_path / "both.txt"
    both.write_text(DAY_987 + ".\n\n" + DAY_1000, encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(tmp_path / "lib2"), "import", str(both))
    assert code == 0 and "day 987: new bulletin" in out and "day 1000: new bulletin" in out
    assert [d.day for d in Library.open(tmp_path / "lib2", seed_samples=False).days()] == [1000, 987]


def test_a_refused_file_leaves_the_stored_day_and_its_notes_alone(capsys, db, tmp_path):
    library = Library.open(db, seed_samples=False)
    event = library.bulletin(987).sections[0].events[0]
    library.annotate(event.id, note="check this")
    page = tmp_path / "day0987.html"
    page.write_text(
        "<html><head><title>Russia-Ukraine war: List of key events, day 987</title>"
        "<script>location.replace('/')</script></head><body><div></div><p></p></body></html>",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--db", str(db), "import", str(page))
    assert code == 2 and f"{page}: not a bulletin (no events found)" in err
    library.reload_if_changed()
    assert library.bulletin(987).event_count == 4
    assert library.annotation(event.id).note == "check this" and not library.orphans()


def test_import_says_when_a_source_comes_back_with_fewer_than_half_its_events(capsys, db, tmp_path):
    """Issue 14: a day is never emptied without a word. Since issue 13 another file is a new copy beside
    the fuller one (which stays the one read); the same file edited down updates its own copy, and says so."""
    short = tmp_path / "copy987.txt"
    short.write_text(DAY_987.split("- Fragments")[0], encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db), "import", str(short))
    assert code == 0 and "day 987: new copy of the bulletin" in out
    library = Library.open(db, seed_samples=False)
    assert library.bulletin(987).event_count == 4  # the fuller copy is still the one read
    original = library.bulletins(987)[0].reading.source
    Path(original).write_text(DAY_987.split("- Fragments")[0], encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db), "import", original)
    assert code == 0 and "day 987: updated its copy of the bulletin" in out
    assert "fewer than half of the 4 it held" in out
