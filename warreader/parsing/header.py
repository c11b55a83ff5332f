"""What a bulletin says about itself: its title, day number, date, intro and situation line, outlet.

The reader (`core.Reader`) hands each line it does not file as an event to these tests; `Header` keeps
what they found. A file is a bulletin only if it has a bulletin title, an intro or a situation line
(`headed`), as well as an event.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from warreader.parsing import dates
from warreader.parsing import furniture as F
from warreader.parsing import patterns as P
from warreader.parsing.lines import BLANK, HEADING, TEXT, TITLE, Line
from warreader.parsing.outlet import outlet_from_title
from warreader.parsing.shapes import clean_title, maybe_intro, more_words_than, title_like

#: What `take_intro` returns for an intro that announces the list ("Below are the key moments…").
LIST_FOLLOWS = "list-follows"
INTRO = "intro"

# A line that is nothing but a date: "Saturday, February 26", "December 9, 2022".
_DATE_ONLY = re.compile(
    rf"^\W*(?:{dates._WEEKDAY_RE})?\W*(?:\d{{1,2}}\s+)?(?:{dates._MONTH_RE})\b[\w\s,.:]*$", re.IGNORECASE
)


# Every situation line starts with one of these letters ("Here…", "This…", "Right here…", "The
# situation…", "Situation…", "Key events…"): a set lookup before the regex.
_SITUATION_FIRST = frozenset("hHtTrRsSkK")


def situation_start(text: str) -> bool:
    """`P.SITUATION.match(text)`, with a cheap test of the first letter first."""
    return text[:1] in _SITUATION_FIRST and P.SITUATION.match(text) is not None


class Header:
    """The title, day, date and the header lines seen so far of one bulletin."""

    def __init__(self) -> None:
        self.title: str | None = None
        self.title_key: str | None = None
        self.outlet: str | None = None
        self.day: int | None = None
        self.date: dt.date | None = None
        self.date_line: re.Match | None = None  # the situation line's date, resolved at the end
        self.fallback_date: re.Match | None = None  # a line that is only a date
        self.warnings: list[str] = []
        self.saw_intro = False
        self.saw_situation = False

    @property
    def headed(self) -> bool:
        """A bulletin title, an intro or a situation line was seen."""
        return self.saw_intro or self.saw_situation or bool(self.title and F.bulletin_title(self.title))

    # -- title ---------------------------------------------------------------------------------------
    def find_title(self, lines: list[Line], is_junk: Callable[[str], bool]) -> None:
        """The first title-like line near the top; its duplicates (and run-together copies such as
        "HomeBreaking NewsRussia-Ukraine war: …") are marked so the body skips them."""
        candidates: list[tuple[Line, str]] = []
        content_seen = 0
        _split_run_together_title(lines)
        for line in lines[:60]:
            if line.kind == BLANK or is_junk(line.text):
                continue
            content_seen += 1
            if content_seen > 15:
                break
            if line.kind == TITLE or (line.kind in (TEXT, HEADING) and title_like(line.text)):
                if P.INTRO.search(line.text) or P.SITUATION.match(line.text):
                    continue
                candidates.append((line, clean_title(line.text)))
        if not candidates:
            return
        title = candidates[0][1]
        for _, other in candidates[1:]:
            if other != title and title.endswith(other):
                title = other  # the clean copy of a title with site chrome glued to its front
        key = title.casefold()
        for line, cleaned in candidates:
            folded = cleaned.casefold()
            if folded == key or folded.endswith(key) or key.endswith(folded):
                line.kind = TITLE
                self.outlet = self.outlet or outlet_from_title(line.text)
        self.title, self.title_key = title, key
        self.day = dates.day_from_title(title)

    # -- intro, situation line, date -------------------------------------------------------------------
    def take_intro(self, text: str, header_zone: bool, is_intro: bool | None = None) -> str | None:
        """An intro ("As the war enters its 981st day, these are the main developments.") → `INTRO`, or
        `LIST_FOLLOWS` when it announces the list; in the header zone (before any event or heading),
        also a standfirst announcing the list. A date stated in it is the bulletin's date. (`is_intro`
        is the intro test's answer when the caller knows it already.)"""
        found = None
        if is_intro is None:
            is_intro = maybe_intro(text) and P.INTRO.search(text) is not None
        if is_intro:
            if self.day is None:
                self.day = dates.day_from_intro(text)
            found = LIST_FOLLOWS if P.LIST_FOLLOWS.search(text) else INTRO
        elif header_zone and F.announces_list(text, self.day):
            found = INTRO
        if found is not None:
            self.note_date(text)  # "These are the key events so far on Friday, March 25."
            self.saw_intro = True
        return found

    def take_situation(self, text: str) -> bool:
        """A "Here is the situation on…" line, or a line with such a sentence after another one
        ("…war on Ukraine.Here's where things stand on Thursday, June 12:"): remember its date."""
        if situation_start(text) and not more_words_than(text, 25):
            self.note_date(text)
            if self.day is None:
                self.day = dates.day_from_intro(text)  # "Here are the key events on day 1,211 of…"
            self.saw_situation = True
            return True
        # A situation sentence inside a line is looked for until the date is known (cheap tests first:
        # every line of a bulletin comes here).
        if self.date_line is not None or len(text) > 500 or not F.SITUATION_INSIDE.search(text):
            return False
        if not any(P.SITUATION.match(s) and dates.find_stated_date(s) for s in F.sentences(text)[1:]):
            return False
        self.note_date(text)
        self.saw_situation = True
        return True

    def note_date(self, text: str) -> None:
        match = dates.find_stated_date(text)
        if match and self.date_line is None:
            self.date_line = match

    def take_date_only(self, text: str) -> bool:
        """A line that is only a date ("Saturday, February 26"): a fallback date source."""
        if len(text) > 80 or more_words_than(text, 6) or not _DATE_ONLY.match(text):
            return False
        match = dates.find_stated_date(text)
        if not match:
            return False
        if self.fallback_date is None:
            self.fallback_date = match  # resolved once the day number is known
        return True

    def resolve_date(self) -> None:
        """The date, once the day number (which picks the year of a year-less date) is known."""
        if self.date_line is not None:
            self.date, warnings = dates.date_from_match(self.date_line, self.day)
            self.warnings.extend(warnings)
            return
        if self.fallback_date is not None:
            date, warnings = dates.date_from_match(self.fallback_date, self.day)
            # A lone date line is often the site's own header (copied on another day): only trust it
            # when it agrees with the day number.
            if date and (self.day is None or abs((date - dates.estimate_date(self.day)).days) <= 5):
                self.date = date
                self.warnings.extend(warnings)


def _split_run_together_title(lines: list[Line]) -> None:
    """ "…, giorno 1.300 Ecco gli eventi chiave…": a title run together with the text after it is split
    after its day number, so the rest is read as ordinary lines."""
    first = next((i for i, line in enumerate(lines) if line.kind != BLANK), None)
    if first is None or lines[first].kind not in (TEXT, TITLE):
        return
    match = P.RUN_TOGETHER_TITLE.match(lines[first].text)
    if match and more_words_than(lines[first].text, 30):
        lines[first : first + 1] = [Line(match["title"], TITLE), Line(match["rest"], TEXT)]
