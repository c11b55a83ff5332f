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


def find_money(t: EventText) -> list[Figure]:
    """Money figures in the text."""
    text, norm = t.text, t.low
    if not (t.has_any(_MONEY_WORDS) or any(symbol in norm for symbol in _SYMBOLS_IN_TEXT)):
        return []
    figures: list[Figure] = []
    previous_end = -10
    for match in _AMOUNT.finditer(norm):
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
