"""Issue 13: a day keeps every bulletin brought in: copies join their bulletin, other outlets sit beside
it, the best copy is read, and importing never removes a bulletin or orphans a note without saying so."""

from __future__ import annotations

import json

import pytest
from conftest import build_bulletin

from warreader.cli import main
from warreader.errors import NotFoundError

AJ = {
    "Fighting": [
        "Russian drones and missiles hit Kyiv overnight, killing two people, the city's mayor said.",
        "Ukraine's air force said it shot down 38 of 42 drones launched by Russia overnight.",
        "Russian forces captured the village of Novohrodivka in the Donetsk region, Moscow said.",
    ],
    "Politics and diplomacy": [
        "Zelenskyy said Ukraine needed more air defence systems before the winter.",
        "Hungary's Viktor Orban said the European Union should talk to Moscow.",
        "The UN said 12 civilians were killed in Ukraine in the past week.",
        "Germany announced a new military aid package worth 1.4 billion euros.",
    ],
}
GUARDIAN = {
    "At a glance": [
        "The Kremlin said any talks would have to take account of the realities on the ground.",
        "Poland scrambled jets as Russia launched a large attack on western Ukraine.",
        "A court in Moscow jailed a US citizen for 12 years on treason charges.",
    ],
}
SPUN_AJ = {  # a content farm's synonym-spun copy of AJ
    "Preventing": [
        "Russian drones and missiles struck Kyiv in a single day, killing two individuals, the city's "
        "mayor mentioned.",
        "Ukraine's air pressure said it shot down 38 of 42 drones launched by Russia in a single day.",
        "Russian forces captured the village of Novohrodivka within the Donetsk area, Moscow stated.",
    ],
    "Politics and diplomacy": [
        "Zelenskyy stated Ukraine wanted extra air defence methods earlier than the winter.",
        "Hungary's Viktor Orban mentioned the European Union ought to speak to Moscow.",
        "The UN said 12 civilians have been killed in Ukraine previously week.",
        "Germany introduced a brand new navy assist package deal price 1.4 billion euros.",
    ],
}


def aj(source="aljazeera.txt", sections=AJ, warnings=()):
    bulletin = build_bulletin(250, sections, source=source)
    bulletin.warnings = list(warnings)
    return bulletin


@pytest.mark.parametrize("blog_first", [True, False])
def test_a_one_event_blog_copy_never_shadows_the_original(lib, blog_first):
    blog = aj("blog-copy.txt", {"Fighting": [AJ["Fighting"][0]]})
    lib.import_bulletins([blog, aj()] if blog_first else [aj(), blog])
    (bulletin,) = lib.bulletins(250)
    assert bulletin.reading.source == "aljazeera.txt" and bulletin.bulletin.event_count == 7
    assert sorted(s.source for s in bulletin.sources) == ["aljazeera.txt", "blog-copy.txt"]


def test_each_copy_is_named_as_its_bulletin_is_when_it_names_no_outlet(lib):
    # A copy whose page names no outlet is named by its link's host or its file's words, so the reader's
    # list of copies can tell them apart ("unknown outlet" twice could not).
    linked = aj("https://www.example-aggregator.com/day-250")
    lib.import_bulletins([aj("day0250_blog-copy.txt"), linked])
    (bulletin,) = lib.bulletins(250)
    assert sorted(source.outlet for source in bulletin.sources) == ["blog copy", "example-aggregator.com"]


def test_a_spun_copy_is_never_the_reading_copy_and_notes_follow_the_original(lib):
    report = lib.import_bulletins([aj("farm.txt", SPUN_AJ, warnings=["text looks machine-spun"])])
    assert report.imported == 1
    spun_event = lib.bulletin(250).sections[0].events[0].id
    lib.annotate(spun_event, add_tags=["kyiv"], note="read before the original came")
    report = lib.import_bulletins([aj()])
    assert (report.imported, report.copies) == (0, 1)
    (bulletin,) = lib.bulletins(250)
    assert bulletin.reading.source == "aljazeera.txt"  # the original is read now
    (note,) = lib.annotations()
    assert note.event_id == lib.bulletin(250).sections[0].events[0].id and not note.orphan
    assert note.moved is not None and report.moved == 1  # listed for review, with its original quote
    assert note.moved.quote == SPUN_AJ["Preventing"][0]


def test_another_outlet_is_a_second_bulletin_and_a_note_survives_it(lib):
    lib.import_bulletins([aj()])
    event = lib.bulletin(250).sections[1].events[0].id
    lib.annotate(event, add_tags=["air defence"], note="check the count")
    report = lib.import_bulletins([build_bulletin(250, GUARDIAN, source="https://www.theguardian.com/x")])
    assert (report.imported, report.copies, report.orphaned, report.moved) == (1, 0, 0, 0)
    first, second = lib.bulletins(250)
    assert first.reading.source == "aljazeera.txt" and second.outlet == "theguardian.com"
    assert lib.annotation(event).note == "check the count" and lib.orphans() == []
    summary = lib.days()[0]
    assert (summary.bulletins, summary.outlets, summary.events) == (2, ("aljazeera", "theguardian.com"), 10)
    # The Guardian's events are found, located and annotated like any other.
    guardian_event = second.bulletin.sections[0].events[0]
    assert lib.locate(guardian_event.id).outlet == "theguardian.com"
    assert [r.id for r in lib.search("treason")] == [second.bulletin.sections[0].events[2].id]
    lib.annotate(guardian_event.id, add_flags=["verify"])
    # Re-importing the AJ file (unchanged) replaces nothing and orphans nothing.
    again = lib.import_bulletins([aj()])
    assert (again.unchanged, again.orphaned, again.days) == (1, 0, [])
    assert len(lib.bulletins(250)) == 2 and lib.annotation(guardian_event.id).flags == ["verify"]


def test_a_picked_copy_stays_read_until_the_user_gives_the_choice_back(lib):
    lib.import_bulletins([aj(), aj("mirror.txt", {"Fighting": AJ["Fighting"]})])
    (bulletin,) = lib.bulletins(250)
    assert [s.reading_copy for s in bulletin.sources] == [True, False]
    report = lib.pick_copy(250, bulletin.id, 1)
    assert lib.bulletins(250)[0].reading.source == "mirror.txt" and lib.bulletins(250)[0].picked
    assert report.days == [250]
    lib.import_bulletins([aj("third.txt")])  # a better copy arrives: the pick holds
    assert lib.bulletins(250)[0].reading.source == "mirror.txt"
    lib.pick_copy(250, bulletin.id, None)
    assert lib.bulletins(250)[0].reading.source == "aljazeera.txt"
    with pytest.raises(NotFoundError, match="no copy 9"):
        lib.pick_copy(250, bulletin.id, 8)
    with pytest.raises(NotFoundError, match="no bulletin"):
        lib.pick_copy(250, "b-nope", 0)


def test_known_sources_lists_paths_urls_and_canonical_links(lib):
    page = build_bulletin(250, GUARDIAN, source="saved/page.html")
    page.canonical_url = "https://www.theguardian.com/world/2022/oct/31/at-a-glance"
    lib.import_bulletins([aj(), page])
    assert lib.known_sources() == {"aljazeera.txt", "saved/page.html", page.canonical_url}
    # The same page saved again elsewhere is the same source, by its canonical link: an update.
    again = build_bulletin(250, GUARDIAN, source="elsewhere/page.html")
    again.canonical_url = page.canonical_url
    assert lib.import_bulletins([again]).unchanged == 1


AJ_TEXT = """Russia-Ukraine war: List of key events, day 250

As the war enters its 250th day, these are the main developments.

Here is the situation on Monday, October 31, 2022.

Fighting

- Russian missiles hit critical infrastructure across Ukraine, cutting power to hundreds of thousands.
- Ukraine's military said it shot down 44 of 50 cruise missiles fired by Russia.

Grain deal

- Ukraine said 12 grain ships left its ports despite Russia suspending its part of the deal.
"""

GUARDIAN_TEXT = """Russia-Ukraine war at a glance: what we know on day 250 of the invasion

  • Vladimir Putin said Russia could return to the grain deal once it had investigated a drone attack.
  • The UN said talks with Russia and Turkey about the grain corridor would continue on Monday.
  • Kyiv's mayor said 80% of the city's consumers were without water after the strikes.
"""

BLOG_TEXT = """Russia-Ukraine war: List of key events, day 250

- Ukraine's military said it shot down 44 of 50 cruise missiles fired by Russia.
"""


def test_importing_a_folder_keeps_every_bulletin_and_twice_changes_nothing(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_blog.txt").write_text(BLOG_TEXT, encoding="utf-8")
    (folder / "b_aljazeera.txt").write_text(AJ_TEXT, encoding="utf-8")
    (folder / "c_guardian.txt").write_text(GUARDIAN_TEXT, encoding="utf-8")
    db = tmp_path / "lib"
    assert main(["--db", str(db), "import", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "day 250: new bulletin" in out and "day 250: new copy of the bulletin" in out
    assert main(["--db", str(db), "show", "250", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert len(shown["bulletins"]) == 2
    aj_bulletin = next(b for b in shown["bulletins"] if len(b["sources"]) == 2)
    reading = next(s for s in aj_bulletin["sources"] if s["reading_copy"])
    assert reading["path"].endswith("b_aljazeera.txt")  # the original, not the one-event copy
    event = aj_bulletin["sections"][0]["events"][0]["id"]
    assert main(["--db", str(db), "annotate", event, "--note", "power cuts"]) == 0
    before = (db / "bulletins.json").read_bytes(), (db / "annotations.json").read_bytes()
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(folder)]) == 0
    out = capsys.readouterr().out
    assert (
        out.count("day 250: unchanged") == 3
        and "new bulletins 0, new copies 0, updated 0, unchanged 3" in out
    )
    assert ((db / "bulletins.json").read_bytes(), (db / "annotations.json").read_bytes()) == before
    assert main(["--db", str(db), "list", "--json"]) == 0
    (day,) = json.loads(capsys.readouterr().out)
    assert day["bulletins"] == 2 and len(day["outlets"]) == 2


def test_an_excerpt_cut_off_is_still_read_before_a_shorter_whole_copy(lib):
    """Most saved pages are excerpts whose last event is cut off: that must not let a one-event copy
    that ends on a full stop shadow the original."""
    original = aj(warnings=["last event looks cut off"])
    blog = aj("blog-copy.txt", {"Fighting": [AJ["Fighting"][0]]})
    lib.import_bulletins([blog, original])
    assert lib.bulletins(250)[0].reading.source == "aljazeera.txt"
