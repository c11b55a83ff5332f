"""Characters that can drive a terminal or reorder what it shows, defined once for every layer.

Bulletin text and user text are data. The parser removes these characters when it reads a file (and
says so in a warning); each output layer (`show`, `parse`, the Markdown, CSV and JSON exports, the
reader) keeps its own guard as well, so text that reached the library some other way (an older
version, a merged export) still cannot reset a terminal or hide text behind a bidi override.

- C0 controls except tab and newline (ESC starts terminal sequences, BEL rings, CR overwrites a line),
  DEL, and C1 controls (0x9b is a one-byte CSI on some terminals).
- Bidi embedding, override and isolate characters (U+202A–U+202E, U+2066–U+2069): they reorder the
  text around them on screen ("Trojan Source"). The bidi *marks* (LRM, RLM, ALM) only nudge neutral
  characters and are kept: Arabic and Hebrew quotes need them.
"""

from __future__ import annotations

import re

#: The character class (without brackets) of everything this module guards against.
CONTROL_CLASS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
CONTROLS = re.compile(f"[{CONTROL_CLASS}]")
#: The same without CR, for formats where CR LF is a line break of the format itself (CSV cells).
CONTROLS_BUT_CR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Separators that mean "a new line" (vertical tab, form feed, the file/group/record separators, NEL,
# and Unicode's line and paragraph separators): read as line breaks, so no words are glued together.
_LINE_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_ANY = re.compile(f"[{CONTROL_CLASS}\u2028\u2029]")
# Whole terminal escape sequences go with their ESC (or one-byte CSI): "ESC[2J" would otherwise leave
# "[2J" behind as text. CSI (colours, cursor moves), OSC (window titles, links) and two-byte escapes.
_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]{0,2000}(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]"
)


def has_controls(text: str) -> bool:
    """Does `text` hold a character of `CONTROL_CLASS`?"""
    return CONTROLS.search(text) is not None


def strip_controls(text: str) -> str:
    """`text` without control characters; the ones that separate lines (CR, vertical tab, form feed,
    NEL, the Unicode line and paragraph separators…) become newlines, so no words are glued together."""
    # The common cases first: all of them are non-printable, so printable text has none; with its line
    # breaks and tabs set aside, most multi-line text is printable too (C-level scans, far faster than a
    # character-class search). Other non-printables (NBSP, soft hyphens…) take the regex's answer.
    if text.isprintable() or text.replace("\n", " ").replace("\t", " ").isprintable():
        return text
    if not _ANY.search(text):
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text = _SEQUENCES.sub("", text)
    return CONTROLS.sub("", _LINE_BREAKS.sub("\n", text))


def replace_controls(text: str, replacement: str = "\ufffd") -> str:
    """`text` with each control character shown as `replacement` (for terminal output, where a visible
    mark says that something was there)."""
    return CONTROLS.sub(replacement, text)


# What JSON escapes on its own: C0 controls. C1 and the bidi formatting characters are escaped here.
_JSON_UNESCAPED = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_json_controls(json_text: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`) with C1 and bidi formatting characters
    written as `\\uXXXX` escapes: the data round-trips unchanged, and printing it drives nothing."""
    return _JSON_UNESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
