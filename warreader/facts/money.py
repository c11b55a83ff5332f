"""Money figures: "$425m" = 425,000,000 USD, "$60.4bn", "1.4 billion euros", "UAH 10bn", "500 roubles".

Rules (docs/FACTS.md): the currency is a symbol or code before the amount, or a currency word after it;
"m"/"mn"/"million" = 10⁶, "bn"/"b"/"billion" = 10⁹, "tn"/"trillion" = 10¹², "k"/"thousand" = 10³. Only
USD, EUR, GBP, UAH and RUB are figures: "C$", "A$" and other dollars are not US dollars. An amount in
brackets or after a slash right after another amount is the same sum converted ("€160m (£143m/$174m)"),
not a second figure. A price or rate ("$60 a barrel", "€160m a day") is not a sum and gives no figure.
"""

from __future__ import annotations

import re
from decimal import Decimal

from warreader.facts.model import Figure
from warreader.facts.numbers import _NUMBER_WORDS, APPROX_QUALIFIERS, EventText, word_number

_SYMBOLS = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP"}
_SYMBOLS |= {"₴": "UAH", "uah": "UAH", "₽": "RUB", "rub": "RUB"}
_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "sterling": "GBP",
    "hryvni": "UAH",
    "hryvnia": "UAH",
    "hryvna": "UAH",
    "rouble": "RUB",
    "ruble": "RUB",
}
_SCALE = {
    "k": 10**3,
    "thousand": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "million": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "billion": 10**9,
    "tn": 10**12,
    "trillion": 10**12,
}
_QUALIFIER = "|".join(q.replace(" ", r"\s+") for q in sorted(APPROX_QUALIFIERS, key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_WORDS = r"trillion|billion|million|thousand|mln|tn|bn|mn|m|b|k"
_CURRENCY_WORD = (
    r"(?:us\s+)?(?:dollars?|euros?|pounds?(?:\s+sterling)?|sterling|hryvni[ae]s?|hryvnas?|hryvnias?"
    r"|roubles?|rubles?)"
)

# Read on the lower-cased text; the symbol alternative first, so the scan jumps from symbol to symbol.
_AMOUNT = re.compile(
    rf"(?:(?P<qual>{_QUALIFIER})\s+)?"
    rf"(?:(?P<sym>us\$|\$|€|£|₴|₽|(?:usd|eur|gbp|uah|rub)(?=\s?\d))\s?(?P<num>{_DIGITS})"
    rf"(?:\s?(?P<scale>{_SCALE_WORDS})\b)?"
    rf"|(?P<wnum>{_DIGITS}|{_NUMBER_WORDS})(?:\s?(?P<wscale>{_SCALE_WORDS})\b)?\s+(?P<word>{_CURRENCY_WORD})\b)"
)
_FOREIGN_DOLLAR = re.compile(r"[a-z]$")
_CONVERSION_GAP = re.compile(
    r"\s*(?:\(|/|,\s*or\s+|\s+or\s+)\s*(?:about\s+|around\s+|roughly\s+|approximately\s+|some\s+|nearly\s+"
    r"|almost\s+|over\s+|more\s+than\s+|at\s+least\s+)?$"
)
_RATE_AFTER = re.compile(
    r"(?:\s*\([^()]{0,40}\))?\s*(?:a|an|per|/)\s*(?:barrel|bbl|tonne|ton|litre|liter|gallon|kilo\w*|kg|unit"
    r"|share|head|person|day|week|month|year|hour|megawatt\w*|mwh|kwh|cubic|gram|ounce|troy)\b"
)
_RANGE_AFTER = re.compile(r"\s*(?:-|to|and)\s*$")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$")
_SYMBOLS_IN_TEXT = ("$", "€", "£", "₴", "₽")
_MONEY_WORDS = frozenset(
    w.encode()
    for w in (
        "dollar dollars euro euros pound pounds sterling hryvnia hryvnias hryvna hryvnas hryvnia hryvni"
        " rouble roubles ruble rubles usd eur gbp uah rub"
    ).split()
)


# Speed: `_AMOUNT` cannot be scanned for quickly (it may begin with a qualifier, a symbol, digits or a
# number word), so it is run only near a currency, which every amount of money holds: from at most
# `_WORDS_BEFORE` words before a currency word (a qualifier of 4 words, a number of up to 7, a scale,
# "us", "pounds" before "sterling") or a qualifier's 4 words before a symbol or code, up to the first
# character no amount contains (any but letters, digits, spaces, currency symbols, hyphens, and commas or
# full stops before a digit). The same matches as scanning the whole text, in the same order
# (tests/facts/test_speed_rules.py).
_OUTSIDE_AMOUNTS = re.compile(r"[^\w\s$€£₴₽\-](?!(?<=[,.])\d)")
_CURRENCY_TOKENS = frozenset(
    w.encode()
    for w in (
        "dollar dollars euro euros pound pounds sterling hryvnia hryvnias hryvnie hryvnies hryvna hryvnas"
        " rouble roubles ruble rubles"
    ).split()
)
_CODES = ("usd", "eur", "gbp", "uah", "rub")  # also inside a word, as `_AMOUNT` reads them
_WORDS_BEFORE = 16  # before a currency word, with the part of its own word ("us$")
_WORDS_BEFORE_SYMBOL = 6


def _currencies(t: EventText) -> list[tuple[int, int]]:
    """(offset, words an amount may begin before it) of every currency symbol, code and word (and of some
    words that only contain one: they cost a look, nothing more), in text order."""
    low = t.low
    marks: dict[int, int] = {}
    for mark in (*(_SYMBOLS_IN_TEXT if not low.isascii() else ("$",)), *_CODES):
        at = low.find(mark)
        while at != -1:
            marks[at] = _WORDS_BEFORE_SYMBOL
            at = low.find(mark, at + 1)
    for word in _CURRENCY_TOKENS.intersection(t.words):
        word = word.decode()
        at = low.find(word)
        while at != -1:
            marks[at] = _WORDS_BEFORE  # "euros" over the "eur" in it
            at = low.find(word, at + 1)
    return sorted(marks.items())


def _amounts(t: EventText) -> list[re.Match]:
    """`list(_AMOUNT.finditer(t.low))`, read only near currencies (see above)."""
    norm = t.low
    found = []
    pos = 0
    for mark, words in _currencies(t):
        if mark < pos:
            continue  # inside an amount already read
        # No amount starts between `pos` and the words before this currency (nor holds an earlier one).
        head = norm[pos:mark].rsplit(None, words)
        start = pos + len(head[0]) if len(head) > words else pos
        outside = _OUTSIDE_AMOUNTS.search(norm, mark)
        end = outside.start() if outside is not None else len(norm)
        match = _AMOUNT.search(norm, start, end)
        if match is None:
            pos = end + 1  # none from here to where no amount can reach
        else:
            found.append(match)
            pos = match.end()
    return found


def find_money(t: EventText) -> list[Figure]:
    """Money figures in the text."""
    text, norm = t.text, t.low
    if not (
        not _MONEY_WORDS.isdisjoint(t.words)
        or ("$" in norm if norm.isascii() else any(symbol in norm for symbol in _SYMBOLS_IN_TEXT))
    ):
        return []
    figures: list[Figure] = []
    previous_end = -10
    for match in _amounts(t):
        start, end = match.span()
        currency = _currency(match)
        value = _value(match)
        gap = norm[previous_end:start] if previous_end >= 0 else None
        converted = gap is not None and len(gap) <= 6 and _CONVERSION_GAP.fullmatch(gap) is not None
        range_end = (
            gap is not None and figures and _RANGE_AFTER.fullmatch(gap) and figures[-1].end == previous_end
        )
        previous_end = end
        if currency is None or value is None:
            continue
        if match.group("sym") == "$" and _FOREIGN_DOLLAR.search(norm, max(0, start - 1), start):
            continue  # C$, A$, HK$: not US dollars
        if converted:
            continue
        if range_end and figures[-1].unit == currency and value > figures[-1].value:
            first = figures.pop()
            low_start = first.start
            if _BETWEEN_BEFORE.search(norm, max(0, low_start - 10), low_start):
                low_start = _BETWEEN_BEFORE.search(norm, max(0, low_start - 10), low_start).start()  # type: ignore[union-attr]
            figures.append(
                Figure(
                    "money",
                    first.value,
                    first.value,
                    value,
                    True,
                    False,
                    currency,
                    text[low_start:end],
                    low_start,
                    end,
                )
            )
            continue
        if _RATE_AFTER.match(norm, end):
            continue
        approx = bool(match.group("qual"))
        figures.append(
            Figure("money", value, None, None, approx, False, currency, text[start:end], start, end)
        )
    return figures


def _currency(match: re.Match) -> str | None:
    symbol = match.group("sym")
    if symbol:
        return _SYMBOLS.get(symbol.lower())
    word = match.group("word").lower().removeprefix("us").strip()
    for stem, code in _WORDS.items():
        if word.startswith(stem):
            return code
    return None


def _value(match: re.Match) -> int | None:
    number = match.group("num") or match.group("wnum")
    scale = (match.group("scale") or match.group("wscale") or "").lower()
    if match.group("num") is None and not re.match(r"\d", number):
        base = word_number(number)
        if base is None:
            return None
        return base * _SCALE.get(scale, 1)
    try:
        value = Decimal(number.replace(",", ""))
    except ArithmeticError:
        return None
    return int(value * _SCALE.get(scale, 1))
