"""warreader.search: folding, aliases, all-words matching, order and limits; and Library.search."""

from __future__ import annotations

from warreader.search import SearchIndex, fold, query_terms

TEXTS = [  # index order = result order (newest first)
    "Drones hit Kyiv’s Obolon district overnight.",
    "Shelling reported near ZAPORIZHZHIA and Kherson.",
    "A strike on Kiev in 2022 damaged a power plant.",
    "Officials in Dnipro said a café was damaged.",
    "Odessa port resumed grain shipments.",
]


def test_fold_is_case_accent_and_quote_insensitive():
    assert fold("Café ZAPORIŽŽIA “quoted” it’s") == 'cafe zaporizzia "quoted" it\'s'
    assert fold("Straße") == "strasse"


def test_query_terms_expand_place_aliases():
    assert query_terms("Kyiv") == [("kyiv", "kiev")]
    assert query_terms("kyiv's drones") == [("kyiv's", "kiev's"), ("drones",)]
    assert query_terms('"power plant" ,') == [("power plant",)]
    assert query_terms("   ") == []


def test_find_aliases_accents_and_order():
    index = SearchIndex(TEXTS)
    assert index.find("kyiv") == [0, 2]
    assert index.find("KIEV") == [0, 2]
    assert index.find("cafe") == [3]
    assert index.find("odesa") == [4]
    assert index.find("zaporozhye") == [1]
    assert index.find("dnepr") == [3]


def test_find_requires_every_word_and_respects_limit():
    index = SearchIndex(TEXTS)
    assert index.find("damaged kiev") == [2]
    assert index.find("damaged") == [2, 3]
    assert index.find("damaged", limit=1) == [2]
    assert index.find("damaged", limit=0) == []
    assert index.find("kyiv nowhere") == []
    assert index.find("") == []


def test_matches_never_cross_event_boundaries():
    index = SearchIndex(["ends with kyi", "v starts here"])
    assert index.find("kyiv") == []
    assert index.find("kyi here") == []  # every word must be in the same event
    assert index.find('"kyi v"') == []


def test_library_search_newest_first(lib, make):
    lib.import_bulletins(
        [
            make(100, {"Fighting": ["Missiles struck Kiev at dawn."]}),
            make(900, {"Fighting": ["Drones struck Kyiv at night.", "Kharkiv was calm."]}),
        ]
    )
    refs = lib.search("kyiv struck")
    assert [(r.day, r.text) for r in refs] == [
        (900, "Drones struck Kyiv at night."),
        (100, "Missiles struck Kiev at dawn."),
    ]
    assert [r.day for r in lib.search("kyiv", limit=1)] == [900]
    lib.import_bulletins([make(950, {"Fighting": ["Kyiv again."]})])  # the index follows new imports
    assert [r.day for r in lib.search("kiev")] == [950, 900, 100]
