"""The extractor's fast paths (docs/FACTS.md, "Speed") decide exactly what the plainer code they replaced
decided. Each test keeps the plain form as the reference and compares the two on many texts: the labelled
set, events of generated bulletins (the shapes real ones take), and arbitrary texts built from the words
and characters that make each shortcut tricky (hypothesis)."""

from __future__ import annotations

import re
from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st
from labelled import LABELLED

from warreader.facts import figures as F
from warreader.facts import money as M
from warreader.facts import name_rules as R
from warreader.facts import numbers as N
from warreader.facts import people_counts as PC
from warreader.facts.patterns import word_start
from warreader.facts.text import _MARKS, EventText, normalise

_many = settings(max_examples=200, deadline=None)

_FRAGMENTS = [
    "Kyiv", "Kyiv's", "Kyiv'", "KYIV", "Kiev", "Pro-Kyiv", "aKyiv", "Kyiv-based", "Kup'yans'k", "O'Brien",
    "Ivano-Frankivsk", "Rostov-on-Don", "Kryvyi Rih", "Kryvyi", "Russia-Ukraine", "Ukraine's", "Russian",
    "Russian Defence Ministry", "Ministry of Defence", "the Kharkiv and Dnipro regions", "Donetsk region",
    "regions of Mykolaiv, Lviv and Zhytomyr", "Kherson Governor", "the Luhansk governor", "Odesa Oblast",
    "Sea of Azov", "Kyiv said", "Moscow's forces", "Kreminna Balka", "village of Novoselivka in the Donetsk",
    "Lyman", "Pokrovsk", "Zolochiv, Lviv region", "Berlin", "Moldova", "UN", "Un", "NATO", "General Staff",
    "Oleh Syniehubov", "Vladimir Putin", "Zelenskyy", "St. Petersburg", "Kharkiv", "Kharkiv\tGovernor",
    "of\tKyiv", "Київ", "Žytomyr", "Dnipró", "İzmir", "\u212aharkiv",
    "four", "thirty-three", "a dozen", "dozens of", "tens of thousands", "at least 25", "between 10 and 15",
    "2 to 3", "$425m", "€160m (£143m/$174m)", "1,500", "2.5 million", "31 of 51", "93 out of 141",
    "half a dozen", "54-year-old", "aged 44 and 46", "in 2014", "2000", "no one", "Moreover 25",
    "two hundred and fifty", "C$5bn", "UAH 10bn", "500 roubles", "ten dollars", "often dollars", "scrub 5bn",
    "us pounds sterling", "US$ 3,000", "euros", "£1.2bn", "₴10bn", "₽", "usd5",
    "people", "drones", "missiles", "civilians", "soldiers", "Shahed drones", "children", "of them",
    "of whom",
    "were killed", "killed", "were shot down", "shot down", "launched", "wounded", "injured", "died",
    "were evacuated", "captured", "are missing", "since 2022", "to date", "including", "among them", "and",
    "a woman and her child", "a man", "another woman", "the second", "the", "a", "an", "in", "of", "town",
    "city", "said", "region", "Governor", "Mayor", "The", "Moscow", "tonnes", "%", "years",
]  # fmt: skip
_TRICKY = " \t\n\u00a0\u2028',.;:-_()\"’“”–—é$€£0123456789ABCKXakx"
_texts = st.one_of(
    st.lists(st.sampled_from(_FRAGMENTS), max_size=30).map(" ".join),
    st.lists(st.sampled_from(_FRAGMENTS) | st.text(alphabet=_TRICKY, max_size=3), max_size=30).map("".join),
    st.text(),
)


@lru_cache(maxsize=1)
def corpus() -> list[str]:
    """The labelled texts and the events of 120 generated bulletins, with their case and spacing bent."""
    from warreader.generator import generate

    texts = [text for text, _figures, _places in LABELLED]
    for generated in generate(120, seed=11):
        texts.extend(event.text for _section, event in generated.to_bulletin().iter_events())
    bent = [t.upper() for t in texts[::7]] + [t.replace(" ", "  ") for t in texts[3::7]]
    bent += [t.replace(" ", "-") for t in texts[5::11]] + [t.replace(" ", "'s ") for t in texts[2::13]]
    return texts + bent


def texts_and(extra: str) -> list[str]:
    return [*corpus(), extra]


# -- names ---------------------------------------------------------------------------------------


def starts_reference(finder, t: EventText) -> list[int]:
    """The start positions as they were found before: every occurrence of every hit, checked one by one."""
    norm, low = t.norm, t.low
    words = R.CAPITALISED.findall(norm)
    if not words:
        return []
    hits = set(finder.surfaces.intersection({w.lower() for w in words}))
    if not norm.isascii():
        hits.update(w.lower() for w in words if not w.isascii() and R.fold_word(w) in finder.known)
    starts = []
    for hit in hits:
        at = low.find(hit)
        while at != -1:
            end = at + len(hit)
            if (
                (at == 0 or not low[at - 1].isalnum())
                and norm[at].isupper()
                and (end == len(low) or not (low[end].isalnum() or low[end] in "-_"))
            ):
                starts.append(at)
            at = low.find(hit, end)
    return sorted(set(starts))


def word_starts(low: str) -> list[int]:
    """Where the rules that read back from a name or an amount are cut: nothing alphanumeric before."""
    return [end for end in range(len(low) + 1) if end == 0 or not low[end - 1].isalnum()]


def check_names(finder, text: str) -> None:
    t = EventText(text)
    starts = finder._starts(t)
    assert [s for s, _end in starts] == starts_reference(finder, t)
    norm = t.norm
    for start, _stop in starts:
        match = R.CAPITALISED.match(norm, start)
        if match is None:
            continue
        word, end = match.group(), match.end()
        folded = R.fold_word(word)
        # What a word means alone, remembered: as reading it alone.
        info = finder._word(word)
        assert info.key == (found[0] if (found := finder._longest([(0, len(word), word, folded)])) else None)
        # A run of name words, remembered: as reading the words one by one in the text itself.
        if folded in finder.prefixes:
            assert finder._run(norm, start, end, word, folded) == finder._longest(
                finder._name_words(norm, start, end, word, folded)
            )
        # A name is looked at for a longer capitalised name only when a capitalised word is next to it.
        nearby = norm[end + 1 : end + 2].isupper() or (
            start >= 2 and norm[start - 1] == " " and norm[norm.rfind(" ", 0, start - 1) + 1].isupper()
        )
        if not nearby:
            assert finder._stands_alone(norm, start, end)


def test_names_fast_paths_on_the_corpus(extractor):
    for text in corpus():
        check_names(extractor._names, text)


@_many
@given(_texts)
def test_names_fast_paths_on_any_text(extractor, text):
    check_names(extractor._names, text)


@_many
@given(_texts)
def test_name_rules_never_match_without_their_words(text):
    t = EventText(text)
    if not t.has_any(R.REGION_AFTER_GATE):
        assert R.REGION_AFTER.search(t.low) is None
    if not t.has_any(R.LOCALITY_GATE):
        assert R.LOCALITY.search(t.norm) is None
    # Read back from the start of a name ("Sea of |Azov").
    if not t.has_any(R.WATER_GATE):
        assert all(R.WATER_BEFORE.search(t.low, 0, end) is None for end in word_starts(t.low))
    if not (t.has_any(R.REGION_BEFORE_GATE) and b"of" in t.words):
        assert all(R.REGION_BEFORE.search(t.low, 0, end) is None for end in word_starts(t.low))


def test_the_place_a_name_always_means_is_the_one_chosen_in_any_context(extractor):
    gazetteer = extractor.gazetteer
    places = gazetteer.places

    def choose(entry, region, regions_named):  # the choice as it was made for every mention
        if entry.region is not None and (region or entry.region_alone or not entry.settlements):
            return entry.region
        if len(entry.settlements) == 1:
            return entry.settlements[0]
        if entry.settlements:
            return next(
                (i for i in entry.settlements if places[i].admin1 in regions_named), entry.settlements[0]
            )
        return entry.country

    admin1s = {p.admin1 for p in places}
    for key in gazetteer.names:
        entry = gazetteer.entry(key)
        if entry.fixed is not None:
            assert {
                choose(entry, region, named) for region in (False, True) for named in (set(), admin1s)
            } == {entry.fixed}, key


# -- patterns scanned for ----------------------------------------------------------------------------


def test_word_start_is_a_word_boundary_before_the_alternatives():
    cases = [
        (("a", "an", "one", "another", "the", "his", "her", "their"), r"\s+(?:woman|man|child)"),
        (("village", "town", "city", "settlement", "hamlet", "township"), r"\s+of\s+[A-Z]\w*"),
        (("aged?", r"ages(?:\s+of)?", r"age\s+of", r"between\s+the\s+ages\s+of"), r"\s+\d+"),
        (("one", "on", "o"), r"\w*"),
    ]
    for alternatives, rest in cases:
        fast = re.compile(word_start(*alternatives) + rest)
        plain = re.compile(rf"\b(?:{'|'.join(alternatives)})" + rest)
        for text in texts_and("a woman one man ones xone town of Kyiv aged 5 ages of 7 o2 on_e éone"):
            for where in (text, text.lower()):
                assert [m.span() for m in fast.finditer(where)] == [m.span() for m in plain.finditer(where)]


def test_the_patterns_that_begin_with_their_words_are_the_plain_ones():
    plain = {
        PC.PERSON_LIST: PC.PERSON_LIST.pattern.replace(
            word_start("a", "an", "one", "another", "the", "his", "her", "their"), rf"\b{PC._DET}", 1
        ),
        R.LOCALITY: R.LOCALITY.pattern.replace(
            word_start("village", "town", "city", "settlement", "hamlet", "township"),
            r"\b(?:village|town|city|settlement|hamlet|township)",
            1,
        ),
        N._AGE_LIST: N._AGE_LIST.pattern.replace(
            word_start("aged?", r"ages(?:\s+of)?", r"age\s+of", r"between\s+the\s+ages\s+of"),
            r"\b(?:aged?|ages(?:\s+of)?|age\s+of|between\s+the\s+ages\s+of)",
            1,
        ),
    }
    for fast, pattern in plain.items():
        assert pattern != fast.pattern
        reference = re.compile(pattern)
        for text in corpus():
            t = EventText(text)
            for where in (t.low, t.norm):
                assert [m.span() for m in fast.finditer(where)] == [
                    m.span() for m in reference.finditer(where)
                ]


@_many
@given(_texts)
def test_number_words_are_found_where_the_lookbehind_form_finds_them(text):
    low = EventText(text).low
    for word, fast in N._WORD_AT.items():
        plain = re.compile(rf"(?<![a-z]){word.decode()}(?![a-z])")
        assert [m.start() for m in fast.finditer(low)] == [m.start() for m in plain.finditer(low)]


# -- money ---------------------------------------------------------------------------------------


def check_money(text: str) -> None:
    t = EventText(text)
    assert [m.span() for m in M._amounts(t)] == [m.span() for m in M._AMOUNT.finditer(t.low)]


def test_amounts_of_money_read_near_currencies_are_all_of_them():
    for text in texts_and(
        "between $5m and $10m, 1.4 billion euros ($1.53bn) and twenty five us pounds sterling"
    ):
        check_money(text)


@settings(max_examples=500, deadline=None)
@given(_texts)
def test_amounts_of_money_on_any_text(text):
    check_money(text)


# -- figures and the text ----------------------------------------------------------------------------


def verb_before_reference(low: str, at: int) -> tuple[str, int] | None:
    window = low[max(0, at - 40) : at]
    if not window or not window[-1].isspace():
        return None
    words = window.split()
    for n in (4, 3, 2, 1):
        if len(words) >= n:
            phrase = " ".join(words[-n:])
            kind = F.v.VERB_FORMS.get(phrase)
            if kind is not None:
                start = low.rfind(phrase, 0, at)
                if start >= 0 and low[start + len(phrase) : at].isspace():
                    return kind, start
    return None


def check_figures_text(text: str) -> None:
    t = EventText(text)
    reference = text
    for mark, plain in _MARKS:
        reference = reference.replace(mark, plain)
    assert normalise(text) == reference
    assert t.digits == bool(re.search("[0-9]", t.low))
    for at in word_starts(t.low):
        assert F._verb_before(t.low, at) == verb_before_reference(t.low, at)
    if not t.has_any(F._SUBSET_WORDS):
        assert all(F._SUBSET_BEFORE.search(t.low, 0, end) is None for end in word_starts(t.low))
    if not (b"of" in t.words and t.has_any(F._OF_WHICH_WORDS)):
        assert all(F._OF_WHICH_BEFORE.search(t.low, 0, end) is None for end in word_starts(t.low))
    if not t.has_any(F._LIST_KIND_WORDS):  # people counted without a numeral: no kind, no figure
        reader = F._Reader(t, N.find_quantities(t))
        reader.read_person_lists()
        assert reader.figures == []
    for q in N.find_quantities(t):
        written = t.low[q.number_start : q.end]
        assert N.amount(written) == N._amount(written)


def test_figures_fast_paths_on_the_corpus():
    for text in corpus():
        check_figures_text(text)


@_many
@given(_texts)
def test_figures_fast_paths_on_any_text(text):
    check_figures_text(text)


def test_a_qualifier_must_be_whole_words():
    from warreader.facts.figures import extract_figures

    # "over" ends "Moreover": no qualifier, and no crash (it raised a KeyError before).
    assert [(f.kind, f.value, f.approx) for f in extract_figures("Moreover 25 people were killed.")] == [
        ("killed", 25, False)
    ]
    assert [(f.kind, f.value, f.approx) for f in extract_figures("Well over 25 people were killed.")] == [
        ("killed", 25, True)
    ]


# -- the tables and the cache beside the library -------------------------------------------------------


def test_the_gazetteer_cache_is_kept_in_a_folder_that_does_not_exist_yet(extractor, tmp_path, monkeypatch):
    from warreader.facts import gazetteer

    folder = tmp_path / "fresh" / "cache"  # a fresh install: no cache folder at all
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(folder))
    path = gazetteer.cache_dir() / "gazetteer-test.json"
    gazetteer._write_cache(path, extractor.gazetteer)
    assert path.is_file()

    def no_build(*_args):
        raise AssertionError("the gazetteer was built again instead of read from its cache")

    monkeypatch.setattr(gazetteer, "build", no_build)
    monkeypatch.setattr(gazetteer, "tables_fingerprint", lambda *a: "test")
    again = gazetteer.load_gazetteer(gazetteer.data_dir() / "places.toml", None)
    assert again.places == extractor.gazetteer.places and again.names == extractor.gazetteer.names


def test_the_rows_sent_back_by_helpers_are_the_cached_shapes(extractor):
    from warreader.facts.index import _raw

    for text, _figures, _places in LABELLED:
        facts = extractor.extract(text)
        raw = _raw(facts)
        if not facts:
            assert raw is None
            continue
        figures, places, people = raw
        assert figures == [
            [f.kind, f.value, f.low, f.high, f.approx, f.cumulative, f.unit, f.quote, f.start, f.end]
            for f in facts.figures
        ]
        rows = [(p.name, p.admin1, p.country, p.lat, p.lon, p.level) for p in (m.place for m in facts.places)]
        assert places == [(row, m.quote, m.start, m.end) for row, m in zip(rows, facts.places, strict=True)]
        assert people == [((m.name, m.kind), m.quote, m.start, m.end) for m in facts.people]
