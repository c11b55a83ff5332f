"""Pure helpers for moving around the library: reading what the user typed into "go to day"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from warreader.days import resolve_day
from warreader.store import DaySummary

_DAY_NUMBER = re.compile(r"^\s*(?:day\s*)?(\d{1,5})\s*$", re.IGNORECASE)


def parse_date(text: str) -> dt.date | None:
    """`2024-11-02`, `Nov 2 2024`, `2 November 2024`, `02/11/2024` (day first) → a date, else None."""
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    from dateutil import parser as date_parser

    try:
        # A fixed default year-less date would silently pick this year; require what the user typed.
        return date_parser.parse(text, dayfirst=True, fuzzy=False).date()
    except (ValueError, OverflowError):
        return None


def resolve_goto(text: str, days: Sequence[DaySummary]) -> tuple[int | None, str]:
    """The day number `text` names among `days` (objects with `.day` and `.date`), or None and a reason."""
    return resolve_day(text, days)
