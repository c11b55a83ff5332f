"""Where Rich breaks a line of text to wrap it, found a line at a time instead of a word at a time.

Internal relied on: `rich._wrap.divide_line` (see `warreader.tui.paint`). With the shortcuts off, `wrap`
and `line_count` are Rich's own `Text.wrap`.

Why: the event list counts every event's lines when a day opens (its length and scrolling depend on them)
and wraps the events it draws. Rich's `divide_line` measures each word's cells in Python: ~45 µs an
event, most of a day switch. When every character of a line is one cell wide (nearly all bulletin text),
lengths are cell counts and the same breaks are found with `str.find`, about six times faster. Anything
else (wide or zero-width characters, other spaces) goes to Rich. Tests hold both to Rich's own wrapping.

Rich's rule, which `breaks` follows: a word is its letters plus the spaces after them (the first word also
takes the spaces before it); a word stays on the line if its letters end within `width` of the line's
start, else it starts the next line; a word longer than `width` is cut into chunks of `width`.
"""

from __future__ import annotations

import re

from rich._wrap import divide_line
from rich.cells import get_character_cell_size
from rich.console import Console
from rich.text import Text

from warreader.tui.paint.switch import fast

_NON_SPACE = re.compile(r"[^ ]")
#: Characters seen so far that are one cell wide (and not spaces Rich breaks at), and those that are not.
#: Learnt as they come rather than listed up front: listing a few thousand cost 5 ms of the first screen.
_one_cell: set[str] = set()
_other: set[str] = set()
#: Past this, characters (CJK, emoji, flags made of two) go to Rich, which knows how they combine.
_LAST_SIMPLE = "\u2e7f"


def _all_one_cell(line: str) -> bool:
    chars = set(line)
    if chars <= _one_cell:
        return True
    for char in chars - _one_cell:
        if char in _other:
            return False
        simple = char <= _LAST_SIMPLE and (char == " " or not char.isspace())
        if simple and get_character_cell_size(char) == 1:
            _one_cell.add(char)
        else:
            _other.add(char)
            return False
    return True


def breaks(line: str, width: int) -> list[int]:
    """The offsets at which Rich's wrapping (fold overflow) breaks `line` (no newlines) to `width` cells:
    `rich._wrap.divide_line(line, width, fold=True)`."""
    if width <= 0 or not _all_one_cell(line):
        return divide_line(line, width, fold=True)
    found: list[int] = []
    size = len(line)
    first = _NON_SPACE.search(line)
    if first is None:
        return found
    first_letter = first.start()
    start = 0
    while size - start > width:
        limit = start + width
        if line[limit] == " ":
            # Everything before fits: the next word is the first that cannot.
            after = _NON_SPACE.search(line, limit)
            if after is None:
                break
            letters = after.start()
        else:
            letters = line.rfind(" ", 0, limit) + 1
        word = 0 if letters == first_letter else letters
        if 0 < word <= start:
            return divide_line(line, width, fold=True)  # not reachable by the rule; never guess
        end = line.find(" ", letters)
        end = size if end < 0 else end
        if end - word > width:
            after = _NON_SPACE.search(line, end)
            stop = size if after is None else after.start()
            chunks = -(-(stop - word) // width)
            cuts = range(word, word + chunks * width, width)
            found.extend(cuts if word else cuts[1:])  # no break before the text's start
            start = word + (chunks - 1) * width
        else:
            found.append(word)
            start = word
    return found


def line_count(plain: str, width: int, console: Console) -> int:
    """How many lines `wrap` makes of a text whose characters are `plain`, without wrapping it."""
    if not fast():
        return len(wrap(Text(plain), console, width))
    if len(plain) <= width and "\n" not in plain and plain.isascii():
        return 1
    return sum(len(breaks(part, width)) + 1 for part in plain.split("\n"))


def wrap(text: Text, console: Console, width: int) -> list[Text]:
    """`text.wrap(console, width)` for text without tabs and with the default justify and overflow,
    using `breaks`."""
    if not fast():
        try:
            return list(text.wrap(console, width))
        except ZeroDivisionError:
            pass  # Rich's own wrap fails on some zero-width joiners (see below): break as `breaks` does
    lines: list[Text] = []
    for line in text.split(allow_blank=True):
        for piece in line.divide(breaks(line.plain, width)):
            piece.rstrip_end(width)
            try:
                piece.truncate(width, overflow="fold")
            except ZeroDivisionError:
                # Rich's cell splitting divides by zero when zero-width joiners precede a wide character
                # that cannot fit (Rich's own `wrap` raises too); cut by characters instead.
                while piece.cell_len > width and len(piece) > 1:
                    piece.right_crop(1)
            lines.append(piece)
    return lines
