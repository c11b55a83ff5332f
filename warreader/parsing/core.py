"""The shared line-based core: a list of `Line`s (from any format) → a `Bulletin`.

It reads the page the way a person skims it: find the title, skip furniture (share buttons, comment
forms, "Published On…"), note the intro and the "Here is the situation on…" line for the day and date,
then collect headings, events and photo captions until the article ends.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from warreader.model import Bulletin, Event, Section, assign_ids
from warreader.parsing import dates
from warreader.parsing import patterns as P
from warreader.parsing.lines import BLANK, BULLET, CAPTION, HEADING, TEXT, TITLE, Line
from warreader.parsing.shapes import (
    clean_title,
    heading_shaped,
    is_credit,
    maybe_intro,
    more_words_than,
    similar,
    spun,
    strip_colon,
    title_like,
)
from warreader.themes import is_known_heading, theme_for

# Warnings are short, stable sentences: other tools and tests match them exactly.
W_NO_DATE = "no date in the text"
W_NO_DAY = "no day number in the text"
W_CUT_OFF = "last event looks cut off"
W_SPUN = "text looks machine-spun"
W_NO_EVENTS = "no events found"
W_EMPTY_HEADING = "last heading has no events"

# A line that is nothing but a date: "Saturday, February 26", "December 9, 2022".
_DATE_ONLY = re.compile(
    rf"^\W*(?:{dates._WEEKDAY_RE})?\W*(?:\d{{1,2}}\s+)?(?:{dates._MONTH_RE})\b[\w\s,.:]*$", re.IGNORECASE
)


@dataclass(slots=True)
class _Draft:
    """A section while it is being filled."""

    heading: str | None
    texts: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


class _Reader:
    """One pass over the lines; state lives here so the helpers stay small."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.title: str | None = None
        self.title_key: str | None = None
        self.day: int | None = None
        self.date: dt.date | None = None
        self.fallback_date: tuple[dt.date | None, list[str]] | None = None
        self.date_line: re.Match | None = None
        self.warnings: list[str] = []
        self.sections: list[_Draft] = [_Draft(None)]
        self.pending_captions: list[str] = []  # captions seen before the first event
        self.cut_marker = False
        self.last_kind: str | None = None  # what the previous non-blank line became
        self.blank_before = True  # was there a paragraph break right before the current line?
        self.last_event_opened_paragraph = False
        self.pending_headline: str | None = None  # a short bullet that titles the next paragraph
        self.junk: dict[str, bool] = {}  # is_junk's answers, for this page only

    # -- title, day, date ------------------------------------------------------------------------
    def find_title(self) -> None:
        """The first title-like line near the top; its duplicates (and run-together copies such as
        "HomeBreaking NewsRussia-Ukraine war: …") are marked so the body skips them."""
        candidates: list[tuple[Line, str]] = []
        content_seen = 0
        self._split_run_together_title()
        for line in self.lines[:60]:
            if line.kind == BLANK or self.is_junk(line.text):
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
        self.title, self.title_key = title, key
        self.day = dates.day_from_title(title)

    def _split_run_together_title(self) -> None:
        """ "…, giorno 1.300 Ecco gli eventi chiave…": a title run together with the text after it is
        split after its day number, so the rest is read as ordinary lines."""
        first = next((i for i, line in enumerate(self.lines) if line.kind != BLANK), None)
        if first is None or self.lines[first].kind not in (TEXT, TITLE):
            return
        match = P.RUN_TOGETHER_TITLE.match(self.lines[first].text)
        if match and more_words_than(self.lines[first].text, 30):
            self.lines[first : first + 1] = [Line(match["title"], TITLE), Line(match["rest"], TEXT)]

    def _take_situation(self, text: str) -> bool:
        """A "Here is the situation on…" line: remember its date; True if the line was one."""
        if not P.SITUATION.match(text) or more_words_than(text, 25):
            return False
        match = dates.find_stated_date(text)
        if match and self.date_line is None:
            self.date_line = match
        if self.day is None:
            self.day = dates.day_from_intro(text)  # "Here are the key events on day 1,211 of…"
        return True

    def _take_date_only(self, text: str) -> bool:
        """A line that is only a date ("Saturday, February 26"): a fallback date source."""
        if more_words_than(text, 6) or not _DATE_ONLY.match(text):
            return False
        match = dates.find_stated_date(text)
        if not match:
            return False
        if self.fallback_date is None:
            self.fallback_date = (match, [])  # resolved once the day number is known
        return True

    def resolve_date(self) -> None:
        if self.date_line is not None:
            self.date, warnings = dates.date_from_match(self.date_line, self.day)
            self.warnings.extend(warnings)
            return
        if self.fallback_date is not None:
            date, warnings = dates.date_from_match(self.fallback_date[0], self.day)
            # A lone date line is often the site's own header (copied on another day): only trust it
            # when it agrees with the day number.
            if date and (self.day is None or abs((date - dates.estimate_date(self.day)).days) <= 5):
                self.date = date
                self.warnings.extend(warnings)

    # -- body --------------------------------------------------------------------------------------
    @property
    def current(self) -> _Draft:
        return self.sections[-1]

    def add_caption(self, text: str, index: int | None = None) -> None:
        section = self.current
        # The alt text of the same photo, read as an event just before: move it to the captions.
        # (Adjacent to the caption, and either a paragraph of its own, alike in words, or credit-shaped.)
        prev = section.texts[-1] if section.texts else ""
        unfinished = bool(prev) and not P.SENTENCE_END.search(prev)  # alt texts often lack a full stop
        if (
            self.last_kind == "event-text"
            and not self._opens_photo(index, text)
            and (not self.blank_before or unfinished)
            and prev
            and (
                unfinished
                or self.last_event_opened_paragraph
                or similar(section.texts[-1], text)
                or self._alt_text_shaped(section.texts[-1])
            )
        ):
            self._add_caption_text(section.texts.pop())
        self._add_caption_text(text)
        self.last_kind = "caption"

    def _opens_photo(self, index: int | None, text: str) -> bool:
        """Is this credited line the photo's own alt text, i.e. directly followed by its caption?

        Sites print the agency's caption as alt text ("… REUTERS/Stringer", "(Photo by … / AFP)") and
        their own credited caption right under it ("… [File: Reuters]"). Then the photo starts here,
        and the unmarked line before it is an event of a list whose markers are missing, not alt text.
        (A verbatim repeat of the same line is a duplicated caption, not a second one.)
        """
        if index is None or index + 1 >= len(self.lines):
            return False
        nxt = self.lines[index + 1]
        return nxt.text != text and (nxt.kind == CAPTION or (nxt.kind == TEXT and is_credit(nxt.text)))

    @staticmethod
    def _alt_text_shaped(text: str) -> bool:
        return bool(P.BARE_CREDIT.search(text)) or text.startswith("FILE PHOTO")

    def _add_caption_text(self, text: str) -> None:
        if self.current.texts or self.current.heading is not None:
            self.current.captions.append(text)
        else:
            self.pending_captions.append(text)

    def add_event(self, text: str, kind: str) -> None:
        if self.pending_headline:
            # Early bulletins: "• Battle for Kyiv" then its paragraph; one event, headline first.
            text = f"{self.pending_headline}: {text}"
            self.pending_headline = None
        marker = P.CHARS_MARKER.search(text) if "chars]" in text[-24:] else None
        if marker:
            text = text[: marker.start()].rstrip()
            self.cut_marker = True
        if text:
            after_event = (self.last_kind or "").startswith("event")
            self.last_event_opened_paragraph = self.blank_before or not after_event
            self.current.texts.append(text)
            self.last_kind = "event-bullet" if kind == BULLET else "event-text"

    def start_section(self, heading: str) -> None:
        heading = strip_colon(heading).strip()
        if not self.current.texts and not self.current.captions and self.current.heading is not None:
            self.sections[-1] = _Draft(heading)  # a heading with nothing under it: replaced
        else:
            self.sections.append(_Draft(heading))
        self.last_kind = "heading"

    def next_content(self, index: int) -> Line | None:
        """The next non-blank, non-junk line after `index`."""
        lines = self.lines
        for i in range(index + 1, len(lines)):  # not lines[index + 1:]: no copy of the rest per call
            line = lines[i]
            if line.kind != BLANK and not self.is_junk(line.text):
                return line
        return None

    def is_junk(self, text: str) -> bool:
        """`JUNK_LINE` matches, remembered for this page: the title search, the body and the look-ahead
        of `next_content` ask about the same lines."""
        junk = self.junk.get(text)
        if junk is None:
            junk = self.junk[text] = P.JUNK_LINE.match(text) is not None
        return junk

    def is_heading(self, index: int, line: Line) -> bool:
        if line.kind == HEADING:
            return True
        if line.kind != TEXT or not heading_shaped(line.text):
            return False
        nxt = self.next_content(index)
        if nxt is None:
            return False
        if is_known_heading(line.text):
            return True
        # An unmarked short line heads a section only if events follow it.
        return nxt.kind == BULLET or (nxt.kind == TEXT and not heading_shaped(nxt.text))

    def read_body(self) -> None:
        for index, line in enumerate(self.lines):
            if line.kind == BLANK:
                self.blank_before = True
                continue
            if P.END_OF_ARTICLE.match(line.text):
                break
            self._classify(index, line)
            self.blank_before = False

    def _classify(self, index: int, line: Line) -> None:
        """Decide what one non-blank line is and file it."""
        text = line.text
        if line.kind == TITLE:
            return  # the title (and its duplicates, marked by find_title)
        if self.is_junk(text):
            return
        if line.kind == CAPTION or is_credit(text):
            self.add_caption(text, index)
            return
        if line.kind != BULLET and maybe_intro(text) and P.INTRO.search(text):
            if self.day is None:
                self.day = dates.day_from_intro(text)
            if P.LIST_FOLLOWS.search(text) and self.current.heading is None:
                # "Below are the key moments…": what came before was the article's prose intro.
                self.current.texts.clear()
            self.last_kind = "intro"
            return
        if line.kind != BULLET and (self._take_situation(text) or self._take_date_only(text)):
            self.last_kind = "situation"
            return
        if self.is_heading(index, line):
            self.start_section(text)
            return
        if self._is_headline_bullet(index, line):
            self.pending_headline = strip_colon(text)
            return
        if line.kind == TEXT and self._is_trailing_fragment(index, line):
            self.warnings.append(W_EMPTY_HEADING)
            return
        self.add_event(text, line.kind)

    def _is_headline_bullet(self, index: int, line: Line) -> bool:
        """A short bullet with no full stop whose paragraph follows unbulleted ("• Battle for Kyiv")."""
        if line.kind != BULLET:
            return False
        headline = line.text.strip("‘’“”\"'")  # "• ‘Stiff resistance’" is a headline too
        if not heading_shaped(headline) or more_words_than(headline, 6):
            return False
        nxt = self.next_content(index)
        return nxt is not None and nxt.kind == TEXT and not heading_shaped(nxt.text)

    def _is_trailing_fragment(self, index: int, line: Line) -> bool:
        """A heading-shaped line with nothing after it: a heading whose events were cut off."""
        # The cheap shape tests first: next_content walks on through the lines.
        text = line.text
        return heading_shaped(text) and not more_words_than(text, 3) and self.next_content(index) is None


def build_bulletin(lines: list[Line], source: str) -> Bulletin:
    """Turn a format module's lines into a Bulletin (ids assigned, themes looked up, warnings set)."""
    reader = _Reader(lines)
    reader.find_title()
    reader.read_body()
    if reader.day is None:
        # Some copies state the day only in the body ("…on the 1,000th day…").
        for line in lines[:60]:
            if line.kind != BLANK and (day := dates.day_from_intro(line.text)):
                reader.day = day
                break
    reader.resolve_date()

    drafts = [d for d in reader.sections if d.texts or d.captions]
    if reader.pending_captions:
        if drafts:
            drafts[0].captions[:0] = reader.pending_captions
        else:
            drafts = [_Draft(None, captions=reader.pending_captions)]
    texts = [t for d in drafts for t in d.texts]
    ids = iter(assign_ids(reader.day, texts))
    sections = [
        Section(
            heading=d.heading,
            theme=theme_for(d.heading),
            events=[Event(next(ids), t) for t in d.texts],
            captions=d.captions,
        )
        for d in drafts
    ]

    warnings = list(reader.warnings)
    if reader.day is None:
        warnings.append(W_NO_DAY)
    if reader.date is None:
        warnings.append(W_NO_DATE)
    if not texts:
        warnings.append(W_NO_EVENTS)
    elif reader.cut_marker or not P.SENTENCE_END.search(texts[-1]):
        warnings.append(W_CUT_OFF)
    if spun(lines, [d.heading for d in drafts]):
        warnings.append(W_SPUN)
    return Bulletin(
        day=reader.day,
        date=reader.date,
        title=reader.title,
        source=source,
        sections=sections,
        warnings=list(dict.fromkeys(warnings)),
    )
