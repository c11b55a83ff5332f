"""The shared line-based core: a list of `Line`s (from any format) → what one bulletin says.

It reads the page the way a person skims it: find the title, skip furniture (share buttons, comment
forms, bylines, "Published On…"), note the intro and the "Here is the situation on…" line for the day
and date, then collect headings, events and photo captions until the article ends, or until another
bulletin starts (a second title, intro or situation line after this one's events): `read_body` then
returns where, and `bulletins.py` reads the rest as the next bulletin.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from warreader.parsing import dates
from warreader.parsing import furniture as F
from warreader.parsing import patterns as P
from warreader.parsing.header import LIST_FOLLOWS, Header
from warreader.parsing.lines import BLANK, BULLET, CAPTION, HEADING, TEXT, TITLE, Line
from warreader.parsing.outlet import outlet_from_attribution, outlet_from_source_line
from warreader.parsing.shapes import (
    heading_shaped,
    is_credit,
    maybe_intro,
    more_words_than,
    similar,
    strip_colon,
)
from warreader.themes import is_known_heading

W_EMPTY_HEADING = "last heading has no events"

# How far after a title, following the end of an article, the next bulletin's structure must show.
_STRUCTURE_WINDOW = 8


@dataclass(slots=True)
class Draft:
    """A section while it is being filled."""

    heading: str | None
    texts: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


class Reader:
    """One pass over the lines of one bulletin; state lives here so the helpers stay small."""

    def __init__(self, lines: list[Line], *, split: bool = True) -> None:
        self.lines = lines
        self.split = split  # look for the start of another bulletin (off when re-reading a cut part)
        self.header = Header()  # title, day, date, intro, situation line, outlet
        self.warnings: list[str] = []
        self.sections: list[Draft] = [Draft(None)]
        self.pending_captions: list[str] = []  # captions seen before the first event
        self.cut_marker = False
        self.last_kind: str | None = None  # what the previous non-blank line became
        self.blank_before = True  # was there a paragraph break right before the current line?
        self.last_event_opened_paragraph = False
        self.pending_headline: str | None = None  # a short bullet that titles the next paragraph
        self.junk: dict[str, bool] = {}  # is_junk's answers, for this page only
        self._intro: tuple[str | None, bool] = (None, False)
        self.events = 0  # events read so far…
        self.bullets = 0  # …of which marked as list items
        self.ended = False  # an end-of-article line ("Source: Al Jazeera…", a comment form) was passed

    def find_title(self) -> None:
        self.header.find_title(self.lines, self.is_junk)

    # -- where this bulletin ends ------------------------------------------------------------------
    def _starts_another(self, index: int, line: Line) -> bool:
        """Does another bulletin start at this line (not a list item nor a caption)? Its title, intro or
        situation line, once this bulletin has events of its own (or its article has ended)."""
        if not (self.events or self.ended):
            return False
        text = line.text
        if self.is_junk(text):
            return False
        if line.kind == TITLE or F.bulletin_title(text):
            # After the end of an article come related links and comment forms; a title there starts
            # a bulletin only if a bulletin's structure follows it.
            return not self.ended or self._structure_follows(index)
        if not (self.header.saw_intro or self.header.saw_situation or self.ended):
            return False  # this bulletin's own intro may come after a prose paragraph
        if self.is_intro(text):
            return not P.LIST_FOLLOWS.search(text)
        return (
            bool(P.SITUATION.match(text))
            and not more_words_than(text, 25)
            and bool(dates.find_stated_date(text))
        )

    def _structure_follows(self, index: int) -> bool:
        seen = 0
        for line in self.lines[index + 1 :]:
            if line.kind == BLANK or self.is_junk(line.text):
                continue
            seen += 1
            if seen > _STRUCTURE_WINDOW or line.kind == TITLE or F.bulletin_title(line.text):
                return False
            text = line.text
            if line.kind in (BULLET, HEADING) or is_known_heading(text) or P.SITUATION.match(text):
                return True
            if maybe_intro(text) and P.INTRO.search(text):
                return True
        return False

    # -- body --------------------------------------------------------------------------------------
    @property
    def current(self) -> Draft:
        return self.sections[-1]

    def header_zone(self) -> bool:
        """Before the first event and the first heading: where titles, standfirsts and intros stand."""
        return not self.events and self.current.heading is None

    def add_caption(self, text: str, index: int | None = None) -> None:
        section = self.current
        # The alt text of the same photo, read as an event just before: move it to the captions.
        # (Adjacent to the caption, and either a paragraph of its own, alike in words, credit-shaped,
        # or an unmarked line in a list whose other items are all marked.)
        prev = section.texts[-1] if section.texts else ""
        unfinished = bool(prev) and not P.ends_sentence(prev)  # alt texts often lack a full stop
        if (
            self.last_kind == "event-text"
            and prev
            and not self._opens_photo(index, text)
            and (
                (self.bullets and self.events - 1 == self.bullets)
                or (
                    (not self.blank_before or unfinished)
                    and (
                        unfinished
                        or self.last_event_opened_paragraph
                        or similar(prev, text)
                        or self._alt_text_shaped(prev)
                    )
                )
            )
        ):
            self.events -= 1
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
            after_event = self.last_kind == "event-bullet" or self.last_kind == "event-text"
            self.last_event_opened_paragraph = self.blank_before or not after_event
            self.current.texts.append(text)
            self.events += 1
            self.bullets += kind == BULLET
            self.last_kind = "event-bullet" if kind == BULLET else "event-text"

    def start_section(self, heading: str) -> None:
        heading = strip_colon(heading).strip()
        if not self.current.texts and not self.current.captions and self.current.heading is not None:
            self.sections[-1] = Draft(heading)  # a heading with nothing under it: replaced
        else:
            self.sections.append(Draft(heading))
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
            junk = self.junk[text] = P.is_junk_line(text)
        return junk

    def is_intro(self, text: str) -> bool:
        """Is this line an intro ("As the war enters its 981st day, these are the main developments.")?
        Remembered for the line at hand: the start-of-bulletin test and the intro test both ask."""
        if self._intro[0] is not text:
            self._intro = (text, maybe_intro(text) and P.INTRO.search(text) is not None)
        return self._intro[1]

    def is_heading(self, index: int, line: Line) -> bool:
        kind = line.kind
        if kind == HEADING:
            return True
        if line.text[:1].isdigit() and kind in (TEXT, BULLET) and F.numbered_headline(line.text) is not None:
            return self._heads_paragraphs(index)
        if kind != TEXT or not heading_shaped(line.text):
            return False
        nxt = self.next_content(index)
        if nxt is None:
            return False
        if is_known_heading(line.text):
            return True
        if nxt.kind == CAPTION or is_credit(nxt.text):
            return False  # a short alt text right above its credited caption
        # An unmarked short line heads a section only if events follow it.
        return nxt.kind == BULLET or (nxt.kind == TEXT and not heading_shaped(nxt.text))

    def _heads_paragraphs(self, index: int) -> bool:
        """A numbered headline heads the text under it; a numbered line followed by another numbered
        line is an item of a numbered list."""
        nxt = self.next_content(index)
        if nxt is None or F.is_numbered(nxt.text):
            return False
        return nxt.kind in (BULLET, CAPTION) or (nxt.kind == TEXT and not heading_shaped(nxt.text))

    def read_body(self) -> int | None:
        """Classify the lines; the index where another bulletin starts, or None."""
        end_of_article = P.ends_article
        for index, line in enumerate(self.lines):
            kind = line.kind
            if kind == BLANK:
                self.blank_before = True
                continue
            # (list items and captions never start a bulletin: most lines skip the call)
            if self.split and kind != BULLET and kind != CAPTION and self._starts_another(index, line):
                return index
            if self.ended:
                continue  # past the end of the article: furniture, unless another bulletin starts
            if end_of_article(line.text):
                self.header.outlet = self.header.outlet or outlet_from_source_line(line.text)
                self.ended = True
                continue
            self._classify(index, line)
            self.blank_before = False
        return None

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
        if line.kind != BULLET:
            if self._take_intro(text):
                self.last_kind = "intro"
                return
            if self.header.take_situation(text) or self.header.take_date_only(text):
                self.last_kind = "situation"
                return
            if not F.is_numbered(text) and self._is_furniture(index, text):
                return
        if self.is_heading(index, line):
            self.start_section(text)
            return
        if self._is_headline_bullet(index, line):
            self.pending_headline = strip_colon(text)
            return
        if line.kind == TEXT:
            if self._is_trailing_fragment(index, line):
                self.warnings.append(W_EMPTY_HEADING)
                return
            if self._no_sentence(index, text) or self._is_standfirst(index, text):
                return
        self.add_event(text, line.kind)

    def _take_intro(self, text: str) -> bool:
        """An intro, or before the list a standfirst announcing it (see `Header.take_intro`)."""
        found = self.header.take_intro(text, self.header_zone(), self.is_intro(text))
        if found == LIST_FOLLOWS and self.current.heading is None:
            # "Below are the key moments…": what came before was the article's prose intro.
            self.events -= len(self.current.texts)
            self.bullets = min(self.bullets, self.events)
            self.current.texts.clear()
        return found is not None

    def _is_furniture(self, index: int, text: str) -> bool:
        """Bylines, stamps, category lists, bare labels: page furniture told by its shape."""
        if "|" in text and F.pipe_furniture(text):
            self.header.outlet = self.header.outlet or outlet_from_attribution(text)
            return True
        if text.endswith((".", "!", "?", "…")) or len(text) > 160 or is_known_heading(text):
            return False  # (furniture below ends no sentence, is short and is no section heading)
        if (F.bare_label(text) or F.label_and_date(text)) and self.next_content(index) is not None:
            return True  # (the last line may be an event cut off after "on" or a date)
        if text.count(",") + text.count("·") + text.count("›") + text.count("/") + text.count("•") >= 2:
            return F.category_list(text, is_known_heading)
        return False

    def _no_sentence(self, index: int, text: str) -> bool:
        """One to three words that are no heading and end no sentence ("Briefly", "Europe"): a label
        of the page, not an event (unless it is the last line: an event cut off)."""
        if len(text) > 60 or more_words_than(text, 3) or P.ends_sentence(text):
            return False
        nxt = self.next_content(index)
        # (a short alt text right above its credited caption is the photo's: add_caption takes it)
        return nxt is not None and not (nxt.kind == CAPTION or is_credit(nxt.text))

    def _is_standfirst(self, index: int, text: str) -> bool:
        """The one-sentence summary under a title (the Guardian's "… evacuated after ammunition blast;
        Ukraine earlier claimed it had struck the cruiser"): before the list, no closing full stop,
        and not a photo's alt text (whose credited caption would follow it)."""
        if not self.header_zone() or P.ends_sentence(text) or not more_words_than(text, 7):
            return False
        nxt = self.next_content(index)
        if nxt is None or nxt.kind == CAPTION or is_credit(nxt.text):
            return False
        self.header.saw_intro = True
        return True

    def _is_headline_bullet(self, index: int, line: Line) -> bool:
        """A short bullet with no full stop whose paragraph follows unbulleted ("• Battle for Kyiv")."""
        if line.kind != BULLET or len(line.text) > 64:
            return False  # (a headline is at most 6 words: most bullets are far longer)
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
