"""Day numbers and dates: "day 1,313", "981st day", "day eight"; "Saturday, November 2" → a real date.

The day count starts at day 1 = 24 February 2022. Al Jazeera's own "situation on" date runs up to two or
three days ahead of that arithmetic, so the count only ever picks the *year* of a date the text states
without one; it never supplies the date itself.
"""

from __future__ import annotations

import datetime as dt
import re

DAY_ONE = dt.date(2022, 2, 24)

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(WEEKDAYS)

# "Saturday, November 2", "Monday, May 6, 2024", "Thursday, June 19 :", "Friday November 8th 2024".
STATED_DATE = re.compile(
    rf"\b(?:(?P<wd>{_WEEKDAY_RE})\s*,?\s*)?(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:\s*,?\s*(?P<year>20\d\d)\b)?",
    re.IGNORECASE,
)
# "8 Nov 2024" (the "Published On" form) – day before month.
STATED_DATE_DMY = re.compile(
    rf"\b(?:(?P<wd>{_WEEKDAY_RE})\s*,?\s*)?(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_RE})\.?(?:\s*,?\s*(?P<year>20\d\d))?\b",
    re.IGNORECASE,
)

_NUMBER = r"\d{1,2}(?:[,.]\d{3})+|\d{1,4}"
# "day 981", "Day 1,313", "day 1.300" (Italian), "giorno 1.300", "Day-50".
DAY_IN_TITLE = re.compile(rf"\b(?:day|giorno|dzień|dan|nap)\s*[-–]?\s*(?P<n>{_NUMBER})\b", re.IGNORECASE)
# "981st day", "1,000th day", "enters it 492nd day".
ORDINAL_DAY = re.compile(rf"\b(?P<n>{_NUMBER})\s*(?:st|nd|rd|th)\s+day\b", re.IGNORECASE)

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}  # fmt: skip
_UNITS_RE = "|".join(sorted(_UNITS, key=len, reverse=True))
_WORD_NUMBER = rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{_UNITS_RE}))?|(?:{_UNITS_RE}))"
# "day eight", "Day Twenty-One"; "eighth day", "its third day".
WORD_DAY_AFTER = re.compile(rf"\bday\s+(?P<w>{_WORD_NUMBER})\b", re.IGNORECASE)
WORD_DAY_BEFORE = re.compile(rf"\b(?P<w>{_WORD_NUMBER})\s+day\b", re.IGNORECASE)
_ORDINAL_WORDS = {k for k in list(_UNITS) + list(_TENS) if k.endswith(("st", "nd", "rd", "th"))}


def parse_number(text: str) -> int | None:
    """'1,313' / '1.300' / '981' → int (thousands separators of either kind)."""
    digits = text.replace(",", "").replace(".", "")
    return int(digits) if digits.isdigit() else None


def word_number(words: str) -> int | None:
    """'twenty-one' → 21, 'eighth' → 8."""
    total = 0
    for part in re.split(r"[-\s]+", words.lower()):
        if part in _TENS:
            total += _TENS[part]
        elif part in _UNITS:
            total += _UNITS[part]
        else:
            return None
    return total or None


def day_from_title(title: str) -> int | None:
    """The day number a title states ('day 1,313', 'Day 1.300', 'day eight', '50th day')."""
    match = DAY_IN_TITLE.search(title)
    if match:
        return parse_number(match["n"])
    match = WORD_DAY_AFTER.search(title)
    if match:
        return word_number(match["w"])
    return day_from_intro(title)


def day_from_intro(text: str) -> int | None:
    """The day number an intro states ('enters its 981st day', 'its eighth day', 'on day 1,211 of')."""
    match = ORDINAL_DAY.search(text) or DAY_IN_TITLE.search(text)
    if match:
        return parse_number(match["n"])
    match = WORD_DAY_BEFORE.search(text)
    # Only ordinals: "two day" is not a day number, "second day" is.
    if match and match["w"].lower().split("-")[-1] in _ORDINAL_WORDS:
        return word_number(match["w"])
    return None


def estimate_date(day: int) -> dt.date:
    """The calendar date of day N by plain arithmetic from day 1 = 24 Feb 2022."""
    return DAY_ONE + dt.timedelta(days=day - 1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve_date(
    month: int, day: int, year: int | None, weekday: int | None, bulletin_day: int | None
) -> tuple[dt.date | None, list[str]]:
    """A stated month/day (and maybe year/weekday) → a date and any warnings.

    Without a year, the year is the one whose date falls on the stated weekday, nearest the day number's
    estimate; with no weekday match nearby, the nearest year is still chosen and a warning says so.
    """
    warnings: list[str] = []
    if year is not None:
        date = _safe_date(year, month, day)
        if date is None:
            return None, ["the stated date does not exist"]
        if weekday is not None and date.weekday() != weekday:
            warnings.append("the stated weekday does not match the date")
        return date, warnings
    if bulletin_day is not None:
        anchor = estimate_date(bulletin_day)
        years = (anchor.year - 1, anchor.year, anchor.year + 1)
        candidates = [d for y in years if (d := _safe_date(y, month, day))]
    else:
        anchor = None
        today = dt.date.today()
        candidates = [d for y in range(2022, today.year + 2) if (d := _safe_date(y, month, day))]
    if not candidates:
        return None, ["the stated date does not exist"]
    matching = [d for d in candidates if weekday is None or d.weekday() == weekday]
    if anchor is None:
        if len(matching) == 1:
            return matching[0], warnings
        return None, ["the date has no year and no day number to place it"]
    if not matching:
        warnings.append("the stated weekday does not match the date")
        matching = candidates
    return min(matching, key=lambda d: abs((d - anchor).days)), warnings


def find_stated_date(text: str) -> re.Match | None:
    """The first month-day date in `text`, either order."""
    return STATED_DATE.search(text) or STATED_DATE_DMY.search(text)


def date_from_match(match: re.Match, bulletin_day: int | None) -> tuple[dt.date | None, list[str]]:
    """Resolve a `find_stated_date` match into a date (see `resolve_date`)."""
    weekday = WEEKDAYS[match["wd"].lower()] if match["wd"] else None
    year = int(match["year"]) if match["year"] else None
    return resolve_date(MONTHS[match["month"].lower()], int(match["day"]), year, weekday, bulletin_day)
