"""Day number ↔ date, the way Al Jazeera's bulletins actually print them.

Counting day 1 as 24 February 2022 gives AJ's "situation on" date up to about day 750. After that AJ's
date runs ahead of the arithmetic: +1 day from day 751, +2 days from day 850 (day 850 = Monday, June 24,
2024; day 987 = Friday, November 8, 2024), and +1 again by day 1,000 (Wednesday, November 20, 2024). The
real corpus pins the +2 band to days 850–987 and the +1 to day 1,000; the switch back is placed between
them. The generator prints these dates so that synthetic bulletins agree with real ones.
"""

from __future__ import annotations

import datetime as dt

#: Day 1 of the full-scale invasion.
DAY_ONE = dt.date(2022, 2, 24)

# (first day, drift in days) in ascending order; the last entry whose first day ≤ day applies.
_DRIFT = ((1, 0), (751, 1), (850, 2), (994, 1))


def drift(day: int) -> int:
    """How many days AJ's printed date runs ahead of `DAY_ONE + (day - 1)`."""
    ahead = 0
    for first, value in _DRIFT:
        if day >= first:
            ahead = value
    return ahead


def bulletin_date(day: int) -> dt.date:
    """The date AJ prints in the situation line of bulletin `day`."""
    if day < 1:
        raise ValueError(f"day must be 1 or more, not {day}")
    return DAY_ONE + dt.timedelta(days=day - 1 + drift(day))


def ordinal(n: int) -> str:
    """`1st`, `2nd`, `987th`, `1,000th` — with AJ's thousands comma."""
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n:,}{suffix}"
