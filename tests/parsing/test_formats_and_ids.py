"""HTML, Markdown and source-code fragments; encodings; the same bulletin gives the same ids everywhere."""

from __future__ import annotations

import codecs
import datetime as dt
import html

import pytest

from warreader.parsing import iter_bulletin_files, parse_bytes, parse_file
from warreader.resources import data_dir


def test_saved_html_page_keeps_only_the_article(fixture_path, texts, captions):
    b = parse_file(fixture_path("saved_page.html"))
    assert b.title == "Russia-Ukraine war: List of key events, day 492"
    assert b.day == 492  # "enters it 492nd day" typo in the intro does not matter: the title has it
    assert b.date == dt.date(2023, 6, 30)  # "…as it stands on Friday, June 30." → 2023 by weekday
    assert [s.heading for s in b.sections] == ["Fighting", "Politics and diplomacy"]  # <h2>, <p><strong>
    event_texts = texts(b)
    assert len(event_texts) == 3
    assert "war in Ukraine" in event_texts[0]  # link text kept
    for junk in ("News", "Related story", "Popular story", "Advertisement", "Facebook", "Name", "©"):
        assert not any(t.startswith(junk) for t in event_texts), junk
    assert captions(b) == [
        "A Ukrainian serviceman fires a howitzer near Bakhmut.",
        "A Ukrainian serviceman fires towards Russian positions near Bakhmut [Sofiia Gatilova/Reuters]",
    ]


def test_markdown_note(fixture_path, texts, captions):
    b = parse_file(fixture_path("note.md"))
    assert (b.day, b.date) == (1161, dt.date(2025, 4, 30))
    assert [s.heading for s in b.sections] == ["Fighting", "Politics and diplomacy"]
    assert (
        texts(b)[0] == "Russian drone attacks on Kharkiv injured at least 45 people, the city’s mayor said."
    )
    assert "**" not in texts(b)[2] and "critical" in texts(b)[2]
    assert captions(b) == ["Firefighters work at the site of a Russian drone strike in Kharkiv"]


def test_news_api_record_in_javascript(fixture_path, texts):
    b = parse_file(fixture_path("newsapi_record.js.txt"))
    assert b.title == "Russia-Ukraine war: List of key events, day 480"  # " - Al Jazeera English" dropped
    assert (b.day, b.date) == (480, dt.date(2023, 6, 18))
    assert [s.heading for s in b.sections] == ["Fighting"]
    assert texts(b)[1].startswith("Russia’s defence ministry")  # \u2019 escape decoded
    assert not any("publishedAt" in t or "http" in t or "<li>" in t for t in texts(b))
    assert "last event looks cut off" in b.warnings


def test_csharp_verbatim_string_with_indented_lines(fixture_path, texts):
    b = parse_file(fixture_path("verbatim_migration.cs.txt"))
    assert b.title == "Russia-Ukraine war: List of key events, day 221"
    assert b.day == 221
    assert [s.heading for s in b.sections] == ["Diplomacy", "Zaporizhzhia nuclear plant"]
    assert [s.theme for s in b.sections] == ["diplomacy", "nuclear"]
    assert len(texts(b)) == 3 and not any(t.startswith(("{", "As the")) for t in texts(b))


def test_sql_row_with_title_only_is_not_a_bulletin(fixture_path):
    """A title and a standfirst without a single event: nothing to store (it would replace a real day)."""
    from warreader.errors import InputError

    path = fixture_path("sql_seed.sql.txt")
    with pytest.raises(InputError) as info:
        parse_file(path)
    assert str(info.value) == f"{path}: not a bulletin (no events found)"


def _sample_987_clean_text() -> str:
    from warreader.parsing.decode import repair_text

    return repair_text(data_dir().joinpath("day0987_mojibake-copy.txt").read_bytes().decode("utf-8"))


def _as_html(bulletin) -> str:
    parts = [f"<html><body><nav><ul><li>Home</li></ul></nav><article><h1>{html.escape(bulletin.title)}</h1>"]
    parts.append("<p>Here is the situation on Friday, November 8:</p>")
    for section in bulletin.sections:
        parts.append(f"<h2>{html.escape(section.heading)}</h2><ul>")
        parts += [f"<li>{html.escape(e.text)}</li>" for e in section.events]
        parts.append("</ul>")
    return "".join(parts) + "</article><footer>Footer</footer></body></html>"


def _as_markdown(bulletin) -> str:
    lines = [f"# {bulletin.title}", "", "Here is the situation on Friday, November 8:", ""]
    for section in bulletin.sections:
        lines += [f"## {section.heading}", ""] + [f"- {e.text}" for e in section.events] + [""]
    return "\n".join(lines)


def test_same_bulletin_gives_same_ids_across_files_formats_and_encodings():
    sample = parse_file(data_dir() / "day0987_mojibake-copy.txt")
    clean = _sample_987_clean_text()
    variants = {
        "clean utf-8": clean.encode("utf-8"),
        "utf-8 with BOM": codecs.BOM_UTF8 + clean.encode("utf-8"),
        "utf-16": clean.encode("utf-16"),
        "cp1252": clean.encode("cp1252"),
        "CR line ends": clean.replace("\n", "\r").encode("utf-8"),
        "html": _as_html(sample).encode("utf-8"),
        "markdown": _as_markdown(sample).encode("utf-8"),
    }
    expected = [(e.id, e.text) for _, e in sample.iter_events()]
    for name, data in variants.items():
        other = parse_bytes(data, name)
        assert [(e.id, e.text) for _, e in other.iter_events()] == expected, name
        assert [s.heading for s in other.sections] == [s.heading for s in sample.sections], name


def test_invisible_characters_and_nbsp_do_not_change_text_or_ids():
    plain = "Key events, day 12\nFighting\n- Russian forces shelled the city of Kharkiv overnight.\n"
    noisy = (
        plain.replace(" city", "\u00a0city")
        .replace("Kharkiv", "Khar\u200bkiv")
        .replace("Fighting", "\ufeffFighting")
    )
    a, b = parse_bytes(plain.encode(), "a"), parse_bytes(noisy.encode(), "b")
    assert [(e.id, e.text) for _, e in a.iter_events()] == [(e.id, e.text) for _, e in b.iter_events()]


def test_iter_bulletin_files_expands_folders_sorted(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in (
        "b.txt",
        "a.md",
        "sub/c.html",
        "sub/d.htm",
        "e.markdown",
        "README.md",
        "x.json",
        ".hidden.txt",
    ):
        (tmp_path / name).write_text("x")
    explicit = tmp_path / "x.json"
    found = iter_bulletin_files([tmp_path, explicit])
    names = [p.relative_to(tmp_path).as_posix() for p in found]
    assert names == sorted(names)
    assert set(names) == {"a.md", "b.txt", "e.markdown", "sub/c.html", "sub/d.htm", "x.json"}


def test_iter_bulletin_files_missing_path(tmp_path):
    from warreader.errors import InputError

    with pytest.raises(InputError, match="missing.txt"):
        iter_bulletin_files([tmp_path / "missing.txt"])


def test_a_backslash_u_without_four_hex_digits_is_the_letter_not_a_crash():
    """Found by the control-character property test: `\\u` followed by no hex code in a text that looks
    like source code raised ValueError from the parser."""
    from warreader.parsing.codefragments import unescape_code

    assert unescape_code('x = "a \\u2019 b \\users \\u"') == unescape_code('x = "a \u2019 b users u"')
