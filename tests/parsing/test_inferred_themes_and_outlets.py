"""Untitled events get a theme from their words (marked inferred); the outlet and URL a copy names."""

from __future__ import annotations

import json

from warreader import themes
from warreader.cli import main
from warreader.model import bulletin_from_doc, bulletin_to_doc
from warreader.parsing import parse_bytes, parse_file

_UNTITLED = (
    "Russia-Ukraine war: List of key events, day 700\n"
    "As the war enters its 700th day, these are the main developments.\n"
    "Here is the situation on Wednesday, January 24, 2024:\n"
    "- At least 18 people were killed after Russia targeted Ukraine’s cities with missiles and drones.\n"
    "- Ukraine’s air force said it shot down 21 of 41 missiles overnight.\n"
    "Politics and diplomacy\n"
    "- Turkey’s parliament voted to ratify Sweden’s NATO membership after talks with allies.\n"
)


def test_an_untitled_group_gets_a_theme_from_its_words():
    b = parse_bytes(_UNTITLED.encode(), "day700.txt")
    untitled, diplomacy = b.sections
    assert (untitled.heading, untitled.theme, untitled.theme_inferred) == (None, "fighting", True)
    assert (diplomacy.theme, diplomacy.theme_inferred) == ("diplomacy", False)


def test_an_inferred_theme_never_changes_the_event_ids():
    headed = _UNTITLED.replace("Wednesday, January 24, 2024:\n", "Wednesday, January 24, 2024:\nFighting\n")
    a, b = parse_bytes(_UNTITLED.encode(), "a"), parse_bytes(headed.encode(), "b")
    assert a.sections[0].theme == b.sections[0].theme == "fighting"
    assert [e.id for _, e in a.iter_events()] == [e.id for _, e in b.iter_events()]


def test_events_without_any_theme_word_stay_general():
    text = "Russia-Ukraine war: List of key events, day 700\n- Something was said about the weather.\n"
    section = parse_bytes(text.encode(), "x").sections[0]
    assert (section.theme, section.theme_inferred) == ("general", False)


def test_theme_inferred_in_parse_json_and_round_trip(tmp_path, capsys):
    path = tmp_path / "day700.txt"
    path.write_text(_UNTITLED, encoding="utf-8")
    assert main(["parse", str(path), "--json"]) == 0
    (doc,) = json.loads(capsys.readouterr().out)
    assert doc["sections"][0]["theme_inferred"] is True
    assert "theme_inferred" not in doc["sections"][1]  # a heading's theme: no marker
    assert bulletin_to_doc(bulletin_from_doc(doc)) == doc


def test_keywords_from_the_users_table_count(tmp_path, monkeypatch):
    table = tmp_path / "themes.toml"
    table.write_text('[themes.energy-grid]\nlabel = "Power grid"\nkeywords = ["blackout*", "substation"]\n')
    monkeypatch.setenv("WARREADER_THEMES", str(table))
    themes.reload_themes()
    try:
        assert themes.infer_theme(
            ["Blackouts hit Kyiv after strikes on a substation and two substations."]
        ) == ("energy-grid")
        assert themes.infer_theme(["Russian drones struck Kharkiv, killing two."]) == "fighting"
    finally:
        monkeypatch.delenv("WARREADER_THEMES")
        themes.reload_themes()


def test_keywords_count_plurals_prefixes_and_phrases_once():
    counts = themes._table().keyword_index.counts(
        "Front lines moved; evacuations began; air defence shot down drones"
    )
    assert counts["fighting"] == 4  # "front lines", "air defence", "shot down", "drones"
    assert counts["humanitarian"] == 1  # "evacuat*"


def test_a_numbered_headline_never_puts_its_number_in_the_theme():
    assert themes.theme_for("1. Russia advances in the south") == "russia-advances-in-the-south"
    assert themes.theme_for("3) Fighting") == "fighting"
    assert themes.section_theme(
        "1. Russia advances in the south", ["Russian forces captured two villages."]
    ) == (
        "fighting",
        True,
    )


def test_outlet_and_canonical_url_from_a_saved_page():
    page = (
        '<html><head><meta property="og:site_name" content="Al Jazeera">'
        '<link rel="canonical" href="https://www.aljazeera.com/news/2024/11/8/key-events-day-987">'
        '<meta property="og:url" content="https://example.org/other"></head><body><article>'
        "<h1>Russia-Ukraine war: List of key events, day 987</h1><h2>Fighting</h2>"
        "<ul><li>Russian forces advanced, officials said.</li></ul></article></body></html>"
    )
    b = parse_bytes(page.encode(), "saved.html")
    assert (b.outlet, b.canonical_url) == (
        "Al Jazeera",
        "https://www.aljazeera.com/news/2024/11/8/key-events-day-987",
    )
    og_only = page.replace(
        '<link rel="canonical" href="https://www.aljazeera.com/news/2024/11/8/key-events-day-987">', ""
    )
    og_only = og_only.replace(
        'property="og:site_name" content="Al Jazeera"', 'name="application-name" content="The Guardian"'
    )
    b = parse_bytes(og_only.encode(), "saved.html")
    assert (b.outlet, b.canonical_url) == ("The Guardian", "https://example.org/other")


def test_outlet_from_the_copys_own_words(fixture_path):
    def outlet(text: str) -> str | None:
        return parse_bytes(text.encode(), "x").outlet

    body = "\nFighting\n- Russian forces advanced, officials said.\n"
    title = "Russia-Ukraine war: List of key events, day 987"
    assert outlet(title + body + "Source: Al Jazeera and news agencies\n") == "Al Jazeera"
    assert outlet(title + " | Russia-Ukraine war News | Al Jazeera" + body) == "Al Jazeera"
    assert outlet(title + " - Al Jazeera English" + body) == "Al Jazeera"
    assert (
        outlet("Russia-Ukraine war at a glance: what we know on day 987 - The Guardian" + body)
        == "The Guardian"
    )
    assert outlet("The Guardian - AU\n" + title + body) == "The Guardian"
    # Section names and topics after a title are no publishers.
    assert outlet(title + " | Ukraine" + body) is None
    assert outlet(title + " | Russia-Ukraine war News" + body) is None
    assert parse_file(fixture_path("newsapi_record.js.txt")).outlet == "Al Jazeera"


def test_old_documents_still_load():
    doc = {
        "day": 981,
        "date": "2024-11-02",
        "title": "t",
        "source": "s",
        "sections": [
            {"heading": None, "theme": "general", "events": [{"id": "981-a", "text": "x."}], "captions": []}
        ],
        "warnings": [],
    }
    b = bulletin_from_doc(doc)
    assert (b.outlet, b.canonical_url, b.sections[0].theme_inferred) == (None, None, False)
    assert bulletin_to_doc(b) == {**doc, "outlet": None, "canonical_url": None}
