"""Amounts as bulletins write them: "33", "1,500", "thirty-three", "a dozen", "dozens", "at least 25",
"between 10 and 15", "$60.4bn". Pure functions over text; no tables beyond the words below.

`normalise` maps typographic marks to ASCII one character for one character, so offsets found in the
normalised text are offsets into the original. `find_quantities` lists every amount in a text with its
qualifier ("at least", "about"…), its range and whether it is vague, and marks the numbers that are
never counts of anything: ages ("a 54-year-old", "aged 44 and 46"), percentages, distances, durations,
times, dates and years. The rules are stated in docs/FACTS.md.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from warreader.facts.patterns import word_start
from warreader.facts.text import EventText, lower_same_length, normalise  # noqa: F401 (re-exported)

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

#: Vague plural amounts read the conservative way ACLED codes them: the least the words can mean.
VAGUE = {
    "tens of thousands": 10_000,
    "hundreds of thousands": 100_000,
    "tens": 10,
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1_000,
    "millions": 1_000_000,
}

#: Words before an amount that make it approximate; the amount itself stays the conservative value.
APPROX_QUALIFIERS = (
    "at the very least",
    "at least",
    "no less than",
    "no fewer than",
    "not less than",
    "more than",
    "over",
    "well over",
    "just over",
    "upwards of",
    "in excess of",
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "some",
    "an estimated",
    "estimated",
    "up to",
    "as many as",
    "close to",
    "just under",
)
#: Words before an amount that do not change it.
PLAIN_QUALIFIERS = ("a total of", "another", "an additional", "a further", "all", "all of the", "a record")

_WORD = "|".join(sorted(UNITS, key=len, reverse=True))
_NUMBER_WORDS = (
    rf"(?:half\s+a\s+dozen|a\s+dozen|one\s+dozen|a\s+(?:hundred|thousand|million)"
    rf"|(?:{_WORD})(?:[ -](?:{_WORD}))?(?:\s+hundred(?:\s+and\s+(?:{_WORD})(?:[ -](?:{_WORD}))?)?)?"
    rf"(?:\s+(?:thousand|million|billion))?)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_DIGITS_SCALE = rf"{_DIGITS}(?:\s*(?:thousand|million|billion))?"
_VAGUE = "|".join(k.replace(" ", r"\s+") for k in sorted(VAGUE, key=len, reverse=True))
_ONE = rf"(?:{_DIGITS_SCALE}|{_NUMBER_WORDS})"
_END = r"(?![\w$€£₴₽]|[.,]\d)"

# Anchored at the first character of an amount (all patterns read the lower-cased text).
_SINGLE_OR_RANGE = re.compile(rf"(?P<a>{_ONE})(?:\s*(?:-|to|or)\s*(?P<b>{_ONE}))?{_END}")
_BETWEEN = re.compile(rf"(?P<a>{_ONE})\s+and\s+(?P<b>{_ONE}){_END}")
_VAGUE_AT = re.compile(rf"(?P<vague>{_VAGUE})(?:\s+of)?(?![\w])")
_VAGUE_FIRST = frozenset(k[0] for k in VAGUE)

#: The words an amount can start with, as the word sets of `EventText` hold them.
NUMBER_WORDS = frozenset(w.encode() for w in (*UNITS, "dozen", "dozens", "hundred", "hundreds", "tens"))
NUMBER_WORDS |= frozenset((b"thousands", b"millions", b"scores", b"million", b"thousand"))
# The word first, then the letter before it checked: a pattern beginning with a literal is searched for
# at C speed, one beginning with a lookbehind is tried at every position.
_WORD_AT = {w: re.compile(rf"{w.decode()}(?<![a-z]{w.decode()})(?![a-z])") for w in NUMBER_WORDS}
_DIGITS_RUN = re.compile(r"[0-9]+")
_BEFORE_AMOUNT = ("half a ", "a ", "one ")
_QUALIFIERS = tuple(sorted((f"{q} " for q in APPROX_QUALIFIERS + PLAIN_QUALIFIERS), key=len, reverse=True))
_APPROX = frozenset(f"{q} " for q in APPROX_QUALIFIERS)
_QUALIFIERS_BY_LAST_WORD: dict[str, list[str]] = {}
for _q in _QUALIFIERS:  # longest first, as `_QUALIFIERS` is sorted
    _QUALIFIERS_BY_LAST_WORD.setdefault(_q.split()[-1], []).append(_q)

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# After an amount: the words that make it an age, a share, a distance, a duration, a time or a date.
_NOT_A_COUNT_AFTER = re.compile(
    rf"(?:\s*-?\s*(?:year|month|week|day)s?[\s-]olds?\b"
    rf"|\s*(?:%|per\s*cent\b|percent\b|percentage\b)"
    rf"|\s*(?:km|kilomet(?:er|re)s?|miles?|metres?|meters?|m|ft|feet|sq|square|hectares?|tonnes?|tons?"
    rf"|kg|kilograms?|litres?|liters?|barrels?|mw|gw|kw|megawatts?|kwh|degrees?)\b"
    rf"|\s*-?\s*(?:years?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|decades?|centur(?:y|ies))\b"
    rf"|\s*(?:am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|local\s+time)\b|:\d"
    rf"|\s*(?:st|nd|rd|th)\b|\s+(?:{_MONTHS})\b)"
)
_NOT_A_COUNT_BEFORE = tuple(f"{m} " for m in _MONTHS.split("|")) + tuple(f"{m}. " for m in _MONTHS.split("|"))
_NOT_A_COUNT_BEFORE += ("aged ", "age ", "ages ", "ages of ", "age of ", "day ", "no. ", "number ", "page ")
_NOT_A_COUNT_BEFORE += ("code ", "of the year ", "#", "№", "-", ".", ",", "$", "€", "£", "₴", "₽")
_NOT_A_COUNT_BEFORE += ("no ", "not ")  # "no one was killed", "not one missile"
_YEAR = re.compile(r"(?:19|20)\d\d")
# A year-like number followed by a noun ("2000 people") is a count; "in 2014 and …" is a year.
_LOWER_WORD = re.compile(
    r"\s+(?!(?:and|or|to|when|after|before|the|a|an|as|at|in|on|of|with|by|for|while|until|through)\b)[a-z]"
)
# "aged 44 and 46", "ages 5, 7 and 9", "at the age of 12": every number of the list is an age.
_AGE_LIST = re.compile(
    word_start("aged?", r"ages(?:\s+of)?", r"age\s+of", r"between\s+the\s+ages\s+of")
    + r"\s+\d+(?:\s*(?:,|and|or|to|-)\s*\d+)*"
)


class Quantity(NamedTuple):
    """One amount found in a text: where it is (qualifier included) and what it means."""

    start: int
    end: int
    value: int
    low: int | None
    high: int | None
    approx: bool
    vague: bool
    #: The number itself, without the qualifier (where a rule looks for the words before it).
    number_start: int


def word_number(words: str) -> int | None:
    """ "thirty-three" → 33, "two hundred and fifty" → 250, "a dozen" → 12, "3 million" → 3,000,000."""
    text = words.lower().replace("-", " ")
    parts = text.split()
    if not parts:
        return None
    if parts[0] in ("a", "one") and len(parts) == 2 and parts[1] == "dozen":
        return 12
    if parts == ["half", "a", "dozen"]:
        return 6
    total = 0
    current = 0
    seen = False
    for part in parts:
        if part == "a":
            current = 1
            continue
        if part == "and":
            continue
        if part in UNITS:
            current += UNITS[part]
            seen = True
        elif part == "hundred":
            current = (current or 1) * 100
            seen = True
        elif part in SCALES:
            total += (current or 1) * SCALES[part]
            current = 0
            seen = True
        else:
            number = _decimal(part)
            if number is None:
                return None
            current += number
            seen = True
    if not seen:
        return None
    return int(total + current)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


_DIGITS_AMOUNT = re.compile(rf"({_DIGITS})(?:\s*(thousand|million|billion))?", re.IGNORECASE)


def amount(text: str) -> int | None:
    """The value of one amount as written ("1,500", "2.5 million", "forty four", "a hundred")."""
    value = _AMOUNTS.get(text, _UNREAD)
    if value is _UNREAD:
        if len(_AMOUNTS) > 100_000:
            _AMOUNTS.clear()  # a bound on memory news never reaches
        value = _AMOUNTS[text] = _amount(text)
    return value  # type: ignore[return-value]


# The same few hundred amounts come back in every bulletin: each is read once per process.
_AMOUNTS: dict[str, int | None] = {}
_UNREAD = object()


def _amount(text: str) -> int | None:
    text = " ".join(text.split())
    match = _DIGITS_AMOUNT.fullmatch(text)
    if match:
        number = _decimal(match.group(1))
        if number is None:
            return None
        scale = SCALES.get((match.group(2) or "").lower(), 1)
        return int(number * scale)
    return word_number(text)


def find_quantities(t: EventText) -> list[Quantity]:
    """Every amount in the text that could be a count, in order.

    Ages, percentages, distances, durations, times of day, ordinals, dates, years and numbers inside a
    larger token ("L-39", "S-300", "F-16") are left out: they are never counts of people or weapons."""
    low = t.low
    starts: list[int] = []
    if t.digits:
        # Where a run of digits starts (a digit after another one never starts an amount).
        starts.extend(
            at for m in _DIGITS_RUN.finditer(low) if (at := m.start()) == 0 or not low[at - 1].isdigit()
        )
    for word in NUMBER_WORDS & t.words:
        starts.extend(m.start() for m in _WORD_AT[word].finditer(low))
    if not starts:
        return []
    starts.sort()
    ages = (
        [m.span() for m in _AGE_LIST.finditer(low)]
        if b"age" in t.words or b"aged" in t.words or (b"ages" in t.words)
        else []
    )
    found: list[Quantity] = []
    taken_until = -1
    for start in starts:
        if start < taken_until:
            continue
        before = low[max(0, start - 24) : start]
        if low.startswith(("dozen", "hundred", "thousand", "million"), start):
            for prefix in _BEFORE_AMOUNT:  # "a dozen", "half a dozen", "a hundred"
                if before.endswith(prefix):
                    start -= len(prefix)
                    before = low[max(0, start - 24) : start]
                    break
        if start > 0 and (low[start - 1].isalnum() or before.endswith(_NOT_A_COUNT_BEFORE)):
            continue
        if ages and any(a <= start < b for a, b in ages):
            continue
        quantity = _read_amount(low, start, before)
        if quantity is not None:
            found.append(quantity)
            taken_until = quantity.end
        else:
            taken_until = start + 1
    return found


def _read_amount(low: str, start: int, before: str) -> Quantity | None:
    qualifier = ""
    if before.endswith(_QUALIFIERS):
        # Whole words only: "moreover 25" ends with "over " but has no qualifier.
        last = before.rsplit(None, 1)[-1]
        qualifier = next((q for q in _QUALIFIERS_BY_LAST_WORD.get(last, ()) if before.endswith(q)), "")
    q_start = start - len(qualifier)
    approx = qualifier in _APPROX
    if before.endswith("between "):
        match = _BETWEEN.match(low, start)
        if match:
            lo, hi = amount(match.group("a")), amount(match.group("b"))
            if (
                lo is not None
                and hi is not None
                and hi > lo
                and not _NOT_A_COUNT_AFTER.match(low, match.end())
            ):
                return Quantity(start - 8, match.end(), lo, lo, hi, True, False, start)
    vague = _VAGUE_AT.match(low, start) if low[start] in _VAGUE_FIRST else None
    if vague:
        value = VAGUE[" ".join(vague.group("vague").split())]
        return Quantity(q_start, vague.end(), value, None, None, True, True, start)
    match = _SINGLE_OR_RANGE.match(low, start)
    if match is None:
        return None
    end = match.end()
    low_text, high_text = match.group("a"), match.group("b")
    value = amount(low_text)
    if value is None:
        return None
    if high_text is not None:
        high = amount(high_text)
        if high is None or high <= value:
            # "10-5" or "2022-2024" is not a range of counts: keep the first number alone.
            high_text, end = None, match.end("a")
        elif before.endswith("from "):
            # "rose from 20 to 28": a change, whose figure is where it ended.
            if _NOT_A_COUNT_AFTER.match(low, end):
                return None
            b_start = match.start("b")
            return Quantity(b_start, end, high, None, None, False, False, b_start)
        else:
            if _NOT_A_COUNT_AFTER.match(low, end):
                return None
            return Quantity(q_start, end, value, value, high, True, False, start)
    if _NOT_A_COUNT_AFTER.match(low, end):
        return None
    if len(low_text) == 4 and _YEAR.fullmatch(low_text) and not _LOWER_WORD.match(low, end):
        return None  # "in 2022", "since 2014"; but "2000 people" is a count
    return Quantity(q_start, end, value, None, None, approx, False, start)
