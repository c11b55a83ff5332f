"""The search index against a brute-force reference: order without sorting, several words, threads."""

from __future__ import annotations

import threading

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from warreader import search
from warreader.search import SearchIndex, fold, query_terms
from warreader.store import Library


def reference(texts: list[str], query: str, limit: int | None = None) -> list[int]:
    """What `find` must return: every text (in list order) holding, for each term, one of its spellings."""
    folded = [fold(t.replace("\x00", " ")) for t in texts]
    terms = query_terms(query)
    found = [
        i
        for i, text in enumerate(folded)
        if terms and all(any(alt in text for alt in alts) for alts in terms)
    ]
    return found if limit is None else found[: max(limit, 0)]


# Letters, spaces, the typographic marks folding rewrites, accents, Cyrillic, an emoji, NUL and a lone
# surrogate: everything that could break the bytes haystack or the mapping of a hit to its text.
ALPHABET = st.sampled_from(list("kyievab s'-\"’“”–…\u00a0éÉКиївß🙂") + ["\x00", "\udc80"])
WORDS = st.sampled_from(
    [
        "Kyiv",
        "Kiev’s",
        "KIEV",
        "kyiv's",
        "a",
        "b",
        "ab",
        "—",
        "…",
        "Київ",
        "Straße",
        "strasse",
        "café",
        "e",
        "v",
        "\x00",
        "🙂",
        "",
        " ",
    ]
)
TEXT = st.one_of(
    st.text(ALPHABET, max_size=30),
    st.lists(WORDS, max_size=12).map(" ".join),
    st.lists(WORDS, max_size=12).map("".join),
)
QUERY = st.sampled_from(
    [
        "kyiv",
        "KIEV",
        "kyiv's",
        "ab",
        "a b",
        '"a b"',
        "v",
        "e ki",
        "київ",
        "é",
        "-",
        "...",
        "ss",
        "\x00",
        "kyiv a",
        "a kiev",
        "zz",
        "'",
        "🙂",
        "\udc80",
        "cafe",
        '"kyiv a"',
        "kyiv’s b",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=25), QUERY, st.sampled_from([None, None, 0, 1, 3]))
@example(["v v", "x", "vv v"], "v", None)
@example(["Kyiv KIEV kyiv", "x", "kiev kiev"], "kyiv", None)
def test_find_matches_the_brute_force_reference(texts, query, limit):
    assert SearchIndex(texts).find(query, limit) == reference(texts, query, limit)


def test_each_text_is_listed_once_however_often_it_matches():
    index = SearchIndex(["v v v", "none", "vvv", "Kyiv and Kiev and KYIV", "kiev"])
    assert index.find("v") == [0, 2, 3, 4]
    assert index.find("kyiv") == [3, 4]
    assert index.find("kyiv", limit=1) == [3]
    assert index.find("v kyiv") == [3, 4]


def test_a_common_word_switches_to_the_regex_midway(monkeypatch):
    # After 2 hits any word counts as common here: the rest of the scan is the regex's, from that point.
    monkeypatch.setattr(search, "_PROBE_HITS", 2)
    monkeypatch.setattr(search, "_COMMON_HITS", 1)
    texts = ["v v", "x", "vv", "a v", "kyiv", "b", "v", "Kiev v", "none"] * 3
    index = SearchIndex(texts)
    for query in ("v", "kyiv", "v kyiv", "a v", "none"):
        assert index.find(query) == reference(texts, query)


def test_several_words_any_driver_same_answer():
    texts = ["a strike on Kyiv", "strike", "Kiev was calm", "strike near kiev’s edge", "kyiv"] * 50
    index = SearchIndex(texts)
    for query in ("kyiv strike", "strike kyiv", "strike kyiv's", '"strike on" kyiv', "calm kiev was"):
        assert index.find(query) == reference(texts, query)
        assert index.find(query, limit=7) == reference(texts, query, 7)


def test_library_search_is_newest_day_first_then_reading_order(lib, make):
    # Imported out of order, several sections: the index's own order must give the answer, no sort.
    lib.import_bulletins(
        [
            make(500, {"Fighting": ["Kyiv one.", "Kyiv two."], "Politics": ["Kyiv three."]}),
            make(1200, {"Fighting": ["Kiev four."], "Economy": ["no match", "Kyiv five."]}),
            make(30, {"Fighting": ["Kyiv six."]}),
            make(800, {"Politics": ["Kyiv seven.", "elsewhere"]}),
        ]
    )
    refs = lib.search("kyiv")
    assert [r.text for r in refs] == [
        "Kiev four.",
        "Kyiv five.",
        "Kyiv seven.",
        "Kyiv one.",
        "Kyiv two.",
        "Kyiv three.",
        "Kyiv six.",
    ]
    assert [(r.day, r.section_index) for r in refs][:3] == [(1200, 0), (1200, 1), (800, 0)]
    assert lib.search("kyiv", limit=3) == refs[:3]
    assert lib.search("kyiv") == refs  # warm: the same EventRefs again
    assert all(lib.locate(r.id) == r for r in refs)


def test_prepare_search_does_not_hold_the_library_lock(lib, make, monkeypatch):
    lib.import_bulletins([make(981, {"Fighting": ["Drones over Kyiv.", "Calm in Lviv."]})])
    started, release = threading.Event(), threading.Event()
    builds = []
    real_index = SearchIndex

    def slow_index(texts):
        builds.append(len(texts))
        started.set()
        assert release.wait(10), "the test never released the build"
        return real_index(texts)

    monkeypatch.setattr("warreader.search.SearchIndex", slow_index)  # the view imports it on first use
    worker = threading.Thread(target=lib.prepare_search)
    worker.start()
    assert started.wait(10)
    # While the index is being built, the UI thread reads and writes freely.
    done = threading.Event()

    def ui() -> None:
        assert [d.day for d in lib.days()] == [981]
        assert lib.bulletin(981) is not None
        event = lib.bulletin(981).sections[0].events[0]
        assert lib.annotate(event.id, add_tags=["seen"]) is not None
        done.set()

    threading.Thread(target=ui).start()
    assert done.wait(10), "a read or write waited for the search index build"
    # A search meanwhile waits for that build instead of starting its own.
    results: list = []
    searcher = threading.Thread(target=lambda: results.append(lib.search("kyiv")))
    searcher.start()
    release.set()
    worker.join(10)
    searcher.join(10)
    assert builds == [2]
    assert [r.text for r in results[0]] == ["Drones over Kyiv."]


def test_annotate_keeps_lookups_in_step_with_the_file(lib_path, make):
    lib = Library.open(lib_path, seed_samples=False)
    lib.import_bulletins([make(981, {"Fighting": ["One.", "Two.", "Three."]})])
    ids = [e.id for e in lib.bulletin(981).sections[0].events]
    other = Library.open(lib_path, seed_samples=False)  # a second writer (as another process would be)
    lib.annotate(ids[0], add_tags=["a"])
    lib.annotate(ids[1], note="note")
    other.annotate(ids[2], add_flags=["verify"])  # lib must notice this write, not trust its patched indexes
    lib.annotate(ids[0], add_tags=["b"])
    lib.annotate(ids[1], note="")  # nothing left: deleted
    lib.annotate(ids[2], add_tags=["c"])
    assert lib.annotation(ids[1]) is None
    assert lib.annotation(ids[0]).tags == ["a", "b"]
    assert (lib.annotation(ids[2]).flags, lib.annotation(ids[2]).tags) == (["verify"], ["c"])
    fresh = Library.open(lib_path, seed_samples=False)
    assert fresh.annotations() == lib.annotations()
    assert {a.event_id for a in fresh.annotations()} == {ids[0], ids[2]}
    by_id = {a.id: a for a in lib.annotations()}
    assert all(fresh.annotation(a.event_id).id in by_id for a in fresh.annotations())
    lib.annotate(ids[1], add_tags=["again"])  # a new key after a deletion
    assert Library.open(lib_path, seed_samples=False).annotation(ids[1]).tags == ["again"]


@pytest.mark.parametrize("query", ["", "   ", "\x00", '""'])
def test_queries_that_can_match_nothing(query):
    assert SearchIndex(["kyiv", "a\x00b"]).find(query) == []
