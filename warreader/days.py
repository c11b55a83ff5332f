"""Naming a day: what `warreader show DAY` and the reader's go-to accept, resolved in one place.

A day is named by its number (`987`, `day 987`, `1,000`, `1.000`) or by its date (`2024-11-08`,
`Nov 8 2024`, `8 November 2024`, `08/11/2024` read day first; `Nov 8` without a year when one stored
day falls on it). A name that matches no stored day gets a message naming the nearest days that are
stored, so the user can go on from there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Protocol

from warreader.errors import InputError, NotFoundError

_DAY_NUMBER = re.compile(r"^\s*(?:day\s*)?(\d{1,3}(?:[,.]\d{3})+|\d{1,6})\s*$", re.IGNORECASE)
FORMS = "987, 1,000, 2024-11-08 or Nov 8 2024"


class StoredDay(Protocol):
    """What resolution needs of a stored day (`DaySummary` has it)."""

    day: int
    date: dt.date | None


def day_number(text: str) -> int | None:
    """`987`, `day 987`, `Day 1,000`, `1.000` → the number; None for anything else."""
    match = _DAY_NUMBER.match(text)
    return int(re.sub(r"[,.]", "", match.group(1))) if match else None


def parse_date(text: str) -> tuple[dt.date | None, bool]:
    """(date, year given?) for `2024-11-08`, `Nov 8 2024`, `8 November 2024`, `08/11/2024` (day first),
    `Nov 8`; (None, False) when `text` is no date. Without a year the date is in year 2000 (a leap
    year, so 29 February is accepted): only its month and day mean anything."""
    text = text.strip()
    if not text:
        return None, False
    try:
        return dt.date.fromisoformat(text), True
    except ValueError:
        pass
    from dateutil import parser as date_parser

    try:
        # Two defaults that differ in the year only: if the results differ, the text gave no year.
        first = date_parser.parse(text, dayfirst=True, default=dt.datetime(2000, 1, 1))
        second = date_parser.parse(text, dayfirst=True, default=dt.datetime(2004, 1, 1))
    except (ValueError, OverflowError):
        return None, False
    return first.date(), first.year == second.year


def resolve_day(text: str, days: Sequence[StoredDay]) -> tuple[int | None, str]:
    """(the stored day `text` names, "") or (None, why not: unreadable, or not stored and the nearest
    days that are). The reader's go-to shows the message as it is typed."""
    try:
        return find_day(text, days), ""
    except (InputError, NotFoundError) as error:
        return None, str(error)


def find_day(text: str, days: Sequence[StoredDay]) -> int:
    """The stored day `text` names. `InputError` when `text` is neither a day number nor a date;
    `NotFoundError` (naming the nearest stored days) when no stored day matches."""
    number = day_number(text)
    if number is not None:
        if any(d.day == number for d in days):
            return number
        raise NotFoundError(f"Day {number} is not in the library{_nearest_numbers(number, days)}.")
    date, has_year = parse_date(text)
    if date is None:
        raise InputError(f"{text.strip()!r} is not a day number or a date (try {FORMS}).")
    if not has_year:
        return _by_month_day(text.strip(), date, days)
    for stored in days:
        if stored.date == date:
            return stored.day
    raise NotFoundError(f"No bulletin for {_long(date)} in the library{_nearest_dates(date, days)}.")


def _by_month_day(text: str, date: dt.date, days: Sequence[StoredDay]) -> int:
    matches = sorted(
        (d for d in days if d.date is not None and (d.date.month, d.date.day) == (date.month, date.day)),
        key=lambda d: d.day,
    )
    if len(matches) == 1:
        return matches[0].day
    when = f"{date.day} {_MONTHS[date.month - 1]}"
    if not matches:
        raise NotFoundError(f"No day in the library falls on {when}.")
    listed = ", ".join(f"day {d.day} ({d.date.isoformat()})" for d in matches)
    example = f"{_MONTHS[date.month - 1][:3]} {date.day} {matches[-1].date.year}"
    raise InputError(f"{text!r} matches {listed}: add the year (e.g. {example}).")


def _nearest_numbers(number: int, days: Sequence[StoredDay]) -> str:
    if not days:
        return ": it is empty (add bulletins with `warreader import PATH`)"
    below = max((d.day for d in days if d.day < number), default=None)
    above = min((d.day for d in days if d.day > number), default=None)
    return _nearest([str(n) for n in (below, above) if n is not None], "days")


def _nearest_dates(date: dt.date, days: Sequence[StoredDay]) -> str:
    dated = [d for d in days if d.date is not None]
    if not days:
        return ": it is empty (add bulletins with `warreader import PATH`)"
    below = max((d for d in dated if d.date < date), key=lambda d: d.date, default=None)
    above = min((d for d in dated if d.date > date), key=lambda d: d.date, default=None)
    named = [f"{d.day} ({_long(d.date)})" for d in (below, above) if d is not None]
    return _nearest(named, "days")


def _nearest(named: list[str], noun: str) -> str:
    if not named:
        return ""
    if len(named) == 1:
        return f"; the nearest stored day is {named[0]}"
    return f"; the nearest stored {noun} are {named[0]} and {named[1]}"


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _long(date: dt.date) -> str:
    """`Friday 8 November 2024`, whatever the machine's locale."""
    return f"{_WEEKDAYS[date.weekday()]} {date.day} {_MONTHS[date.month - 1]} {date.year}"
