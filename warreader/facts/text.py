"""An event's text in the forms the rules read, with offsets shared by all of them (no regex here: this
module is imported by the cheap paths too, e.g. folding a place name a user typed)."""

from __future__ import annotations

# One character for one character, so offsets stay valid: apostrophes, quotes, dashes and odd spaces.
# Chained `str.replace` (each a C-speed scan) rather than `str.translate`, which is ~30 times slower.
# The most frequent first (curly apostrophes and quotes, dashes, no-break spaces).
_MARKS = (
    ("\u2019", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u2013", "-"),
    ("\u2014", "-"),
    ("\u00a0", " "),
    ("\u2018", "'"),
    ("\u02bc", "'"),
    ("\u2032", "'"),
    ("\u201b", "'"),
    ("\u201e", '"'),
    ("\u00ab", '"'),
    ("\u00bb", '"'),
    ("\u2011", "-"),
    ("\u2212", "-"),
    ("\u202f", " "),
    ("\u2009", " "),
    ("\u2007", " "),
)


def normalise(text: str) -> str:
    """`text` with typographic apostrophes, quotes, dashes and spaces made ASCII (same length)."""
    if text.isascii():
        return text
    for mark, plain in _MARKS:
        if mark in text:
            text = text.replace(mark, plain)
            if text.isascii():  # O(1): most texts hold only curly quotes and dashes, the first marks
                break
    return text


def lower_same_length(text: str) -> str:
    """`text.lower()`, except the rare characters whose lower case is longer ("İ"), kept as they are."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# Bytes that separate words when a text is split into its set of words.
_SEPARATORS = bytes(b if (97 <= b <= 122 or 48 <= b <= 57) else 32 for b in range(256))
_NOT_DIGITS = bytes(b for b in range(256) if not 48 <= b <= 57)


class EventText:
    """One event's text in the forms the rules read: as given (for quotes), normalised, lower-cased
    (same length, so an offset in one is an offset in all), and its set of words (for cheap tests of
    whether a rule can apply at all)."""

    __slots__ = ("text", "norm", "low", "words", "digits")

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = normalise(text)
        self.low = lower_same_length(self.norm)
        separated = self.low.encode("utf-8", "replace").translate(_SEPARATORS)
        self.words = frozenset(separated.split())
        #: The text holds a digit 0-9 (one byte-level pass, cheaper than any regex scan).
        self.digits = bool(separated.translate(None, _NOT_DIGITS))

    def has_any(self, words: frozenset[bytes]) -> bool:
        # The hot paths write `not WORDS.isdisjoint(t.words)` themselves: a Python call costs as much.
        return not words.isdisjoint(self.words)
