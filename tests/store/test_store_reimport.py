"""Re-importing a day keeps every annotation: same id, fuzzy match of an edited text, or an orphan."""

from __future__ import annotations

import copy

import pytest
from conftest import DAY_981

from warreader.errors import NotFoundError
from warreader.store import Library, day_docs

SPUN_981 = {  # the same day reworded by a synonym spinner, one event dropped, one added
    "Preventing": [
        "At the very least two individuals have been wounded in an in a single day Russian drone assault "
        "on Kyiv.",
        "A Russian missile strike on Kharkiv hit a constructing utilized by police, killing one officer.",
    ],
    "Politics and diplomacy": [
        "Zelenskyy stated Ukraine had requested its companions for long-range weapons.",
        "South Korea summoned Russia’s ambassador to protest the North Korean deployment.",
        "Hungary’s prime minister said Europe should prepare for a change in Washington.",
    ],
}


def ids(lib: Library, day: int) -> list[str]:
    return [e.id for _, e in lib.bulletin(day).iter_events()]


def test_identical_import_is_unchanged(lib, make):
    first = lib.import_bulletins([make(981, DAY_981)])
    assert (first.imported, first.updated, first.unchanged, first.days) == (1, 0, 0, [981])
    again = lib.import_bulletins([make(981, DAY_981)])
    assert (again.imported, again.updated, again.unchanged, again.days) == (0, 0, 1, [])


def test_the_same_text_from_another_file_is_a_second_source_of_the_bulletin(lib, make):
    lib.import_bulletins([make(981, DAY_981)])
    event = ids(lib, 981)[0]
    lib.annotate(event, add_tags=["kept"])
    report = lib.import_bulletins([make(981, DAY_981, source="elsewhere/copy.txt")])
    assert (report.imported, report.copies, report.unchanged) == (0, 1, 0)
    (bulletin,) = lib.bulletins(981)
    assert [s.source for s in bulletin.sources] == ["day981.txt", "elsewhere/copy.txt"]
    assert lib.annotation(event).tags == ["kept"] and lib.orphans() == []
    again = lib.import_bulletins([make(981, DAY_981, source="elsewhere/copy.txt")])
    assert (again.copies, again.unchanged, again.days) == (0, 1, [])


def test_skipped_and_duplicate_days(lib, make):
    report = lib.import_bulletins(
        [
            make(None, DAY_981, source="nameless.txt"),
            make(981, DAY_981, source="a.txt"),
            make(981, {"Fighting": ["Other text."]}, source="b.txt"),
        ]
    )
    # Nothing is dropped: b.txt shares no event with a.txt, so it is another bulletin of that day.
    assert (report.imported, report.skipped) == (2, 1)
    assert any("nameless.txt" in m and "no day number" in m for m in report.messages)
    assert [b.bulletin.source for b in lib.bulletins(981)] == ["a.txt", "b.txt"]
    assert lib.bulletin(981).source == "a.txt"  # the day's first bulletin


def test_reimport_keeps_exact_fuzzy_and_orphans(lib, make):
    lib.import_bulletins([make(981, DAY_981)])
    old = ids(lib, 981)
    # Annotate every event: [drone attack, missile strike, villages, long-range weapons, ambassador]
    for n, event_id in enumerate(old):
        lib.annotate(event_id, add_tags=[f"t{n}"], note=f"note {n}", add_flags=["verify"] if n == 2 else ())
    before = {a.id: a for a in lib.annotations()}

    report = lib.import_bulletins([make(981, SPUN_981)])  # the same file, edited: its copy is replaced
    # One found again by its id; three moved by their closest quote (counted apart); one orphaned.
    assert (report.updated, report.reattached, report.moved, report.orphaned) == (1, 1, 3, 1)
    new = ids(lib, 981)
    by_tag = {a.tags[0]: a for a in lib.annotations()}
    assert len(by_tag) == 5  # nothing dropped
    assert by_tag["t4"].event_id == old[4] == new[3]  # same text → same id
    assert by_tag["t0"].event_id == new[0] and by_tag["t0"].heading == "Preventing"  # fuzzy
    assert by_tag["t1"].event_id == new[1] and by_tag["t3"].event_id == new[2]
    assert by_tag["t0"].quote == SPUN_981["Preventing"][0]  # the anchor follows the new text
    # ...and keeps the original quote beside it until the user accepts or undoes the move.
    assert by_tag["t0"].moved.quote == DAY_981["Fighting"][0] and by_tag["t0"].moved.event_id == old[0]
    assert by_tag["t4"].moved is None
    assert {a.tags[0] for a in lib.moved()} == {"t0", "t1", "t3"}
    assert all(a.note == before[a.id].note for a in by_tag.values())
    orphan = by_tag["t2"]
    assert orphan.orphan and orphan.flags == ["verify"] and orphan.quote == DAY_981["Fighting"][2]
    assert [o.id for o in lib.orphans()] == [orphan.id]
    assert any(orphan.id in m for m in report.messages)
    assert lib.days()[0].annotated == 4

    # Re-attach by hand onto the event nobody claimed.
    with pytest.raises(NotFoundError):
        lib.reattach("a-nope", new[4])
    with pytest.raises(NotFoundError):
        lib.reattach(orphan.id, "981-nope")
    moved = lib.reattach(orphan.id, new[4])
    assert (moved.event_id, moved.orphan, moved.tags, moved.note) == (new[4], False, ["t2"], "note 2")
    assert lib.orphans() == [] and lib.days()[0].annotated == 5


def test_reattach_onto_an_annotated_event_merges(lib, make):
    lib.import_bulletins([make(981, DAY_981)])
    a, b = ids(lib, 981)[:2]
    lib.annotate(a, add_tags=["x"], note="first")
    lib.annotate(b, add_tags=["y", "X"], note="second", add_flags=["important"])
    lib.import_bulletins([make(981, {"Fighting": ["Something entirely different happened on this day."]})])
    assert len(lib.orphans()) == 2
    target = ids(lib, 981)[0]
    first, second = sorted(lib.orphans(), key=lambda o: o.note)
    lib.reattach(first.id, target)
    merged = lib.reattach(second.id, target)
    assert merged.tags == ["x", "y"] and merged.flags == ["important"] and merged.note == "first\n\nsecond"
    assert [x.event_id for x in lib.annotations()] == [target]


def test_orphan_from_elsewhere_attaches_when_its_day_arrives(lib, lib_path, make):
    lib.import_bulletins([make(981, DAY_981)])
    eid = ids(lib, 981)[0]
    lib.annotate(eid, add_tags=["kept"])
    # Simulate notes merged from a colleague: the annotation exists, its bulletin does not (yet).
    other = Library.open(lib_path.parent / "colleague", seed_samples=False)
    other.import_bulletins([make(990, {"Fighting": ["A colleague's event."]})])
    colleague_id = ids(other, 990)[0]
    other.annotate(colleague_id, add_tags=["theirs"])
    (lib_path / "annotations.json").write_bytes((other.path / "annotations.json").read_bytes())
    lib.reload_if_changed()
    assert [o.event_id for o in lib.orphans()] == [colleague_id]
    assert lib.annotate(colleague_id, note="still editable").orphan  # an orphan's id is accepted
    report = lib.import_bulletins([make(990, {"Fighting": ["A colleague's event."]})])
    assert (report.imported, report.reattached, report.orphaned) == (1, 1, 0)
    assert lib.orphans() == [] and lib.annotation(colleague_id).tags == ["theirs"]


def test_reimport_does_not_touch_unrelated_days(lib, make):
    lib.import_bulletins([make(981, DAY_981), make(982, {"Weapons": ["An aid package."]})])
    eid = ids(lib, 982)[0]
    lib.annotate(eid, add_tags=["aid"])
    snapshot = copy.deepcopy(lib.annotations())
    lib.import_bulletins([make(981, SPUN_981)])
    assert lib.annotations() == snapshot


def test_merged_annotation_for_an_unknown_event_waits_as_an_orphan(lib, make):
    lib.import_bulletins([make(981, DAY_981)])
    future = make(990, {"Fighting": ["An event from a colleague's library."]})
    future_id = future.sections[0].events[0].id
    kept = lib.merge_annotation(
        future_id,
        day=990,
        quote="An event from a colleague's library.",
        theme="fighting",
        heading="Fighting",
        tags=["theirs"],
        note="their note",
    )
    assert kept.orphan and [o.event_id for o in lib.orphans()] == [future_id]
    assert lib.candidates(kept.id) == []  # its day is not in this library: nothing sensible to propose
    # Merging the same again changes nothing; merging more unites tags and keeps both notes.
    assert lib.merge_annotation(future_id, day=990, quote="x", tags=["THEIRS"], note="their note").tags == [
        "theirs"
    ]
    merged = lib.merge_annotation(future_id, day=990, quote="x", tags=["more"], note="another note")
    assert merged.tags == ["theirs", "more"] and merged.note == "their note\n\nanother note"
    report = lib.import_bulletins([future])
    assert report.reattached == 1 and lib.orphans() == []
    # For a stored event, the library's own anchor wins.
    eid = ids(lib, 981)[0]
    a = lib.merge_annotation(eid, day=1, quote="stale text", flags=["verify"])
    assert (a.day, a.quote, a.flags, a.orphan) == (981, DAY_981["Fighting"][0], ["verify"], False)
    assert lib.merge_annotation(eid, day=981, quote="", tags=[]).flags == ["verify"]


def test_importing_an_unchanged_day_again_rematches_its_orphans(lib, lib_path, make):
    lib.import_bulletins([make(981, DAY_981)])
    eid = ids(lib, 981)[0]
    lib.annotate(eid, add_tags=["survivor"])
    # A crash between the two files: bulletins.json has the edited day, annotations.json still the old id.
    edited = dict(
        DAY_981,
        Fighting=[
            "At least two people were wounded in an overnight drone attack on Kyiv.",
            *DAY_981["Fighting"][1:],
        ],
    )
    other = Library.open(lib_path, seed_samples=False)
    day = {"day": 981, "bulletins": [day_docs.new_bulletin(day_docs.copy_from(make(981, edited), "now"))]}
    other._bstore.write({"bulletins": {**other._raw_bulletins(), "981": day}})
    lib.reload_if_changed()
    assert [o.tags for o in lib.orphans()] == [["survivor"]]
    report = lib.import_bulletins([make(981, edited)])
    assert (report.unchanged, report.moved, report.orphaned) == (1, 1, 0)
    assert lib.orphans() == [] and lib.annotation(ids(lib, 981)[0]).tags == ["survivor"]


KYIV = "Russian drones hit Kyiv overnight, killing two people and damaging a school, officials said."
KHARKIV = "Russian drones hit Kharkiv overnight, killing two people and damaging a school, officials said."


def test_a_note_never_moves_to_an_event_that_differs_in_a_place(lib, make):
    """Issue 12.4: the Kyiv note must not land on the Kharkiv event, and keeps its own quote."""
    lib.import_bulletins([make(981, {"Fighting": [KYIV, "Ukraine's army said it repelled 40 attacks."]})])
    kyiv = ids(lib, 981)[0]
    lib.annotate(kyiv, note="my Kyiv note", add_tags=["kyiv"])
    report = lib.import_bulletins(  # the same file, edited
        [make(981, {"Fighting": [KHARKIV, "Ukraine's army said it repelled 40 attacks."]})]
    )
    assert (report.moved, report.orphaned) == (0, 1)
    (orphan,) = lib.orphans()
    assert orphan.note == "my Kyiv note" and orphan.quote == KYIV and orphan.event_id == kyiv
    assert lib.annotation(ids(lib, 981)[0]) is None  # the Kharkiv event carries nothing


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (KYIV, KYIV.replace("killing two", "killing three")),  # a number differs
        (KYIV, KYIV.replace("two people", "2 people")),  # written otherwise: still a different statement
        (KYIV, KYIV.replace("officials said", "Klitschko said")),  # a name swapped... for a name
    ],
)
def test_numbers_and_names_must_agree_for_a_move(lib, make, old, new):
    lib.import_bulletins([make(981, {"Fighting": [old]})])
    lib.annotate(ids(lib, 981)[0], add_tags=["t"])
    report = lib.import_bulletins([make(981, {"Fighting": [new]})])
    if "Klitschko" in new:  # "officials" → "Klitschko" adds a name but swaps none: a clear match
        assert report.moved == 1
    else:
        assert (report.moved, report.orphaned) == (0, 1)


def test_two_close_candidates_are_no_clear_match(lib, make):
    base = "Russian forces shelled the village overnight, regional officials said on Telegram."
    lib.import_bulletins([make(981, {"Fighting": [base]})])
    lib.annotate(ids(lib, 981)[0], add_tags=["t"])
    twins = [base.replace("overnight", "on Monday"), base.replace("overnight", "on Sunday")]
    report = lib.import_bulletins([make(981, {"Fighting": twins})])
    assert (report.moved, report.orphaned) == (0, 1)


def test_moves_are_listed_until_accepted_or_undone(lib, make):
    lib.import_bulletins([make(981, DAY_981)])
    old = ids(lib, 981)
    for n, event_id in enumerate(old):
        lib.annotate(event_id, add_tags=[f"t{n}"])
    lib.import_bulletins([make(981, SPUN_981)])
    moved = {a.tags[0]: a for a in lib.moved()}
    accepted = lib.accept_move(moved["t1"].id)
    assert accepted.moved is None and accepted.event_id == moved["t1"].event_id
    undone = lib.undo_move(moved["t0"].id)
    assert undone.orphan and undone.event_id == old[0] and undone.quote == DAY_981["Fighting"][0]
    assert undone.moved is None
    assert {a.tags[0] for a in lib.moved()} == {"t3"}
    with pytest.raises(NotFoundError, match="not moved"):
        lib.accept_move(accepted.id)
    # The moves survive a restart: they are stored with the annotation.
    again = Library.open(lib.path, seed_samples=False)
    assert {a.tags[0] for a in again.moved()} == {"t3"}
