"""The parser reads back what the synthetic generator wrote, and the credited-alt-text quirk it found.

The generator (`warreader.generator`) says what a correct parser should read from each day; comparing
the two over the whole war found unmarked list items lost into photo captions (seed 7: days 88, 261, …).
"""

from __future__ import annotations

import pytest

from warreader.generator import generate_bulletin
from warreader.model import bulletin_to_doc
from warreader.parsing import parse_bytes, parse_file

# Days the parser once misread (an unmarked item followed by a credited alt text and its caption).
KNOWN_BAD = {
    7: (88, 261, 265, 740, 992, 996, 1177, 1231, 1287, 1310, 1453),
    1: (219, 259, 393, 493, 829, 906, 1043, 1119, 1139, 1199, 1360, 1442),
}


def test_unmarked_item_before_a_credited_alt_text_stays_an_event(fixture_path, texts, captions):
    b = parse_file(fixture_path("mixed_markers_credited_alt.txt"))
    event_texts = texts(b)
    assert [len(s.events) for s in b.sections] == [4, 2]
    # The unmarked items right above each photo are events, not the photo's alt text…
    assert any(t.startswith("Rescuers pulled three bodies") for t in event_texts)
    assert any(t.startswith("France said it would deliver") for t in event_texts)
    # …and each photo keeps exactly its own two lines: the agency's alt text and the site's caption.
    assert [len(s.captions) for s in b.sections] == [2, 2]
    assert captions(b)[0].endswith("REUTERS/Stringer")
    assert captions(b)[1].endswith("[Reuters]")
    assert captions(b)[2].startswith("FILE PHOTO:")
    assert not any("REUTERS" in t or "[Reuters]" in t or "FILE PHOTO" in t for t in event_texts)


def _read_back(day: int, seed: int) -> tuple[dict, dict]:
    """(what the generator meant, what the parser read) as comparable documents, warnings aside."""
    generated = generate_bulletin(day, seed)
    meant = bulletin_to_doc(generated.to_bulletin("x"))
    read = bulletin_to_doc(parse_bytes(generated.data, "x"))
    for doc in (meant, read):
        doc.pop("warnings")
    # The generator counts photos; each is printed as two lines (alt text, credited caption), and the
    # parser must keep both as that section's captions.
    for section, photos in zip(meant["sections"], generated.sections, strict=True):
        section["captions"] = 2 * photos.captions
    for section in read["sections"]:
        section["captions"] = len(section["captions"])
    return meant, read


@pytest.mark.parametrize("seed", [7, 1])
def test_every_generated_day_reads_back_exactly(seed):
    """All 1,500 days: day, date, title, headings, themes, event texts and ids as the generator meant."""
    for day in range(1, 1501):
        meant, read = _read_back(day, seed)
        assert read == meant, f"seed {seed}, day {day}"


@pytest.mark.parametrize(("seed", "day"), [(s, d) for s, days in KNOWN_BAD.items() for d in days])
def test_days_that_once_lost_events(seed, day):
    meant, read = _read_back(day, seed)
    assert read == meant
