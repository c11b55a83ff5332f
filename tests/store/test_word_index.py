"""The word index answers exactly what the scan answers, or hands the question back to it (None)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.store.test_search_index import QUERY, TEXT, reference
from warreader import word_index
from warreader.search import SearchIndex, fold
from warreader.store import Library
from warreader.word_index import WordIndex


def indexed(texts: list[str]) -> SearchIndex:
    index = SearchIndex(texts)
    index.index_words()
    return index


@settings(max_examples=300, deadline=None)
@given(
    st.lists(TEXT, max_size=25),
    QUERY,
    st.sampled_from([None, None, 0, 1, 3]),
    st.sampled_from([1, 2, 16]),
    st.sampled_from([1, 3, 4000]),
)
@example(["v v", "x", "vv v"], "v", None, 16, 4000)
@example(["a b", "ab", "b a"], '"a b"', None, 16, 4000)
def test_search_with_the_word_index_matches_the_brute_force_reference(
    texts, query, limit, common_min, max_candidates
):
    # Small limits send some tokens to "common" and some lookups back to the scan: every path is taken.
    with_limits = {"COMMON_MIN": common_min, "MAX_CANDIDATES": max_candidates, "CHUNK": 4}
    saved = {name: getattr(word_index, name) for name in with_limits}
    try:
        for name, value in with_limits.items():
            setattr(word_index, name, value)
        assert indexed(texts).find(query, limit) == reference(texts, query, limit)
    finally:
        for name, value in saved.items():
            setattr(word_index, name, value)


def folded(texts: list[str]) -> list[str]:
    return [fold(t) for t in texts]


def test_a_word_inside_a_token_is_found_with_its_punctuation_around_it():
    index = WordIndex(folded(["Near Ocheretyne, fighting.", "(ocheretyne)", "nothing here", "OCHERETYNE's"]))
    assert index.texts_with("ocheretyne") == [0, 1, 3]
    assert index.texts_with("ocheretyne,") == [0]
    assert index.texts_with("retyne's") == [3]
    assert index.texts_with("zebra") == []


def test_a_phrase_is_looked_up_by_its_longest_piece_then_checked():
    index = WordIndex(folded(["near ocheretyne today", "ocheretyne near", "nearocheretyne"]))
    assert index.texts_with("near ocheretyne") == [0]
    assert index.texts_with("r ocheretyne") == [0]
    assert index.texts_with("   ") is None  # only whitespace: nothing to look up


def test_common_tokens_keep_no_list_and_strings_inside_them_go_to_the_scan(monkeypatch):
    monkeypatch.setattr(word_index, "COMMON_MIN", 2)
    monkeypatch.setattr(word_index, "CHUNK", 2)
    texts = folded(["the war", "the front", "the city", "rare word", "the end"])
    index = WordIndex(texts)
    assert index.common_tokens == 1  # "the": in 4 of 5 texts, over the limit of 2
    assert index.texts_with("the") is None
    assert index.texts_with("he") is None  # inside a common token: the scan's
    assert index.texts_with("rare") == [3]
    assert index.texts_with("front") == [1]


def test_a_string_inside_too_many_rare_tokens_goes_to_the_scan(monkeypatch):
    monkeypatch.setattr(word_index, "MAX_CANDIDATES", 3)
    texts = folded(["ab1", "ab2", "ab3", "ab4", "xyz"])
    index = WordIndex(texts)
    assert index.texts_with("ab") is None
    assert index.texts_with("ab3") == [2]
    assert index.texts_with_any(["ab3", "xyz"]) == [2, 4]
    assert index.texts_with_any(["ab3", "ab"]) is None


def test_the_build_pauses_between_chunks_for_other_threads(monkeypatch):
    monkeypatch.setattr(word_index, "CHUNK", 10)
    pauses = []
    WordIndex([f"text {i}" for i in range(35)], pause=lambda: pauses.append(1))
    assert len(pauses) == 4  # after texts 0–9, 10–19, 20–29, 30–34


def test_library_search_gives_the_same_results_once_words_are_indexed(lib, make):
    lib.import_bulletins(
        [
            make(981, {"Fighting": ["Fighting near Ocheretyne.", "Kyiv shelled."], "Politics": ["Talks."]}),
            make(982, {"Fighting": ["Ocheretyne's defenders.", "Kiev calm."]}),
        ]
    )
    queries = ["ocheretyne", "kyiv", "kyiv ocheretyne", '"near ocheretyne"', "talks", "zebra", "e"]
    before = {q: lib.search(q) for q in queries}
    lib.prepare_search(words=True)
    assert {q: lib.search(q) for q in queries} == before
    assert [r.text for r in before["ocheretyne"]] == ["Ocheretyne's defenders.", "Fighting near Ocheretyne."]


def test_a_library_reopened_after_an_import_indexes_the_new_words(lib_path, make):
    lib = Library.open(lib_path, seed_samples=False)
    lib.import_bulletins([make(981, {"Fighting": ["Fighting near Ocheretyne."]})])
    lib.prepare_search(words=True)
    other = Library.open(lib_path, seed_samples=False)
    other.import_bulletins([make(982, {"Fighting": ["Zebrafish spotted near Ocheretyne."]})])
    assert lib.reload_if_changed()
    lib.prepare_search(words=True)
    assert [r.day for r in lib.search("ocheretyne")] == [982, 981]
    assert [r.day for r in lib.search("zebrafish")] == [982]
