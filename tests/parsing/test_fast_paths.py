"""The parser's fast paths (cheap pre-tests before regexes, bytes instead of str) decide exactly what the
slower code they replaced decided. Each test keeps the old form as the reference and compares on
arbitrary text (hypothesis), dense in the characters that make the shortcuts tricky."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from warreader.parsing import codefragments, decode, plaintext, shapes
from warreader.parsing import patterns as P
from warreader.parsing.lines import TEXT, Line, clean

_TRICKY = (
    " \t\n\r\x0b\x0c\x1c\x85\u00a0\u2028\u3000\u200b\ufeff\u00ad:;.!?\"'’”“)]([{}/\\@=-–—•*#<>!"
    "İıſ\u212aKkIiSsÃÂâ€™éßДд0123456789"
)
_words = st.sampled_from(
    [
        "day", "Day 981", "key events", "AT A GLANCE", "what we know", "giorno 12", "stated", " stated ",
        "metropolis", "Record of key occasions", "right here is", "in a single day", "troopers", "enter",
        "These ", "take a look", "developments", "REUTERS", "Photograph:", "FILE PHOTO", "//", "('", ': "',
        "Fighting", "Diplomacy:", " :", "\u2060", "\u202f",
    ]
)  # fmt: skip
_texts = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(_TRICKY)),
    st.lists(_words | st.text(alphabet=st.sampled_from(_TRICKY), max_size=3)).map("".join),
)
_many = settings(max_examples=300, deadline=None)


def test_odd_case_lists_every_non_ascii_character_ignorecase_matches_to_ascii():
    pattern = re.compile("[a-z0-9]", re.IGNORECASE)
    found = tuple(chr(c) for c in range(128, 0x110000) if pattern.fullmatch(chr(c)))
    assert found == P.ODD_CASE


@_many
@given(_texts)
def test_title_words_in_parts_is_the_old_regex(text):
    assert P.has_title_words(text) == bool(P.TITLE_WORDS.search(text))


@_many
@given(st.lists(st.sampled_from(["day", "DAY", "Day", "3rd", "21st", "x", "_", " ", "-", "–", "1", "é"])))
def test_title_words_day_forms(parts):
    text = "".join(parts)
    assert P.has_title_words(text) == bool(P.TITLE_WORDS.search(text))


@_many
@given(_texts)
def test_strip_colon_is_the_old_regex(text):
    assert shapes.strip_colon(text) == re.sub(r"\s*:\s*$", "", text)


@_many
@given(_texts, st.integers(min_value=0, max_value=40))
def test_more_words_than(text, n):
    assert shapes.more_words_than(text, n) == (len(text.split()) > n)


@_many
@given(_texts)
def test_plain_clean_shortcut(text):
    assert plaintext._clean(text.strip()) == clean(text.strip())


@_many
@given(_texts)
def test_intro_pretest_is_the_hint_list(text):
    low = text[:200].lower()
    assert shapes.maybe_intro(text) == any(hint in low for hint in shapes.INTRO_HINTS)


def _old_spun(lines, headings):
    text = shapes._sample(lines)  # (what is read is tested elsewhere: this holds how it is searched)
    low = f" {text.lower()} "
    hits = {phrase for phrase in P.SPINNER_PHRASES if phrase in low}
    if any(h and h.lower().startswith(("preventing", "combating")) for h in headings):
        hits.add("preventing")
    stated = low.count(" stated ")
    if stated >= 3 and stated * 200 > max(1, len(text.split())):
        hits.add("stated")
    return len(hits) >= 2


@_many
@given(st.lists(_texts, max_size=6), st.lists(st.none() | st.sampled_from(["Preventing", "Fighting"])))
def test_spinner_check_on_bytes_is_the_old_one(texts, headings):
    lines = [Line(t, TEXT) for t in texts]
    assert shapes.spun(lines, headings) == _old_spun(lines, headings)


_OLD_NEEDS_TRANSLATE = re.compile("[" + "".join(map(chr, decode._TRANSLATE)) + "]")


def _old_repair(text):
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _OLD_NEEDS_TRANSLATE.search(text):
        text = text.translate(decode._TRANSLATE)
    if decode._MOJIBAKE.search(text):
        text = decode._repair_mojibake(text)
    return text


@_many
@given(_texts)
def test_repair_text_is_the_old_one(text):
    assert decode.repair_text(text) == _old_repair(text)


@_many
@given(st.binary(max_size=300) | _texts.map(lambda t: t.encode("utf-8", "replace")))
def test_binary_sniff_counts_control_bytes_as_before(data):
    sample = data[:4096]
    controls = sum(sample.count(bytes([b])) for b in decode._CONTROL_BYTES)
    nuls = sample.count(b"\x00")
    old = nuls > max(2, len(sample) // 200) or controls > max(2, len(sample) // 100)
    assert decode._looks_binary(data) == old


@_many
@given(_texts)
def test_code_pretest_is_the_old_hint_list(text):
    old_hints = ("\\", "//", "{", '@"', "('", "':", '":', ': "', ": '", '= "')
    old = any(hint in text for hint in old_hints) and len(codefragments._CODE_MARKERS.findall(text)) >= 2
    assert codefragments.looks_like_code(text) == old


def test_spinner_gates_are_parts_of_their_phrases():
    for phrase, gate in shapes.SPINNER_GATES.items():
        assert phrase in shapes.SPINNER_BYTES and gate in phrase


def test_spinner_sample_is_whole_lines_up_to_the_limit():
    short = [Line("a" * 10, TEXT)] * 3
    assert shapes._sample(short) == "\n".join(["a" * 10] * 3)
    long = [Line("b" * 1000, TEXT)] * 10
    sample = shapes._sample(long)
    assert sample == "\n".join(["b" * 1000] * 3)  # the third line crosses the limit and is kept whole
    assert len(sample) > shapes.SPUN_SAMPLE_CHARS


_junkish = st.sampled_from(
    ["Share", "share2", "close close", "Source: Al Jazeera", "source : x", "By Jane Doe Smith", "14:38",
     "INTERACTIVE Russia", "Published on", "click here to share on social media", "— ", "|", "x", "X",
     "2 hours ago 1", "Trending 9 months ago", "This article is more than 2 months old", "Leave a Reply",
     "Related Posts", "You may also like", "Save my name, email", "Next article", "ſource: al jazeera"]
)  # fmt: skip


@_many
@given(st.one_of(_texts, st.lists(_junkish | _texts, max_size=4).map("".join), _junkish))
def test_junk_and_end_tests_are_the_full_regexes(text):
    assert P.is_junk_line(text) == bool(P.JUNK_LINE.match(text))
    assert P.ends_article(text) == bool(P.END_OF_ARTICLE.match(text))


@_many
@given(st.one_of(_texts, st.text(alphabet=st.sampled_from(".!?…:;\"'”’»)]\nab "), max_size=8)))
def test_sentence_end_from_the_end_is_the_regex(text):
    assert P.ends_sentence(text) == bool(P.SENTENCE_END.search(text))


@_many
@given(_texts | st.text(alphabet=st.sampled_from("•·▪●◦‣-*–— \t\u3000\u2028xy"), max_size=6))
def test_bullet_marker_by_hand_is_the_regex(text):
    stripped = text.strip()
    match = plaintext._BULLET.match(stripped)
    assert plaintext.bullet_body(stripped) == (stripped[match.end() :] if match else None)
