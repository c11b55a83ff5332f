"""Bytes → clean text: encodings, BOMs, line endings, invisible characters and mojibake.

Everything a format module sees has already been through `decode_bytes`, so the rest of the parser can
assume `\n` line endings, ordinary spaces and no zero-width characters.
"""

from __future__ import annotations

import codecs
import re

from warreader.errors import InputError

# Characters that carry no text but break word matching: zero-width spaces/joiners, word joiner, BOM,
# soft hyphen. Removed outright.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Space-like characters become a plain space (NBSP, narrow NBSP, figure/thin/hair spaces, ideographic).
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u3000"), " ")
_TRANSLATE = {**_INVISIBLE, **_SPACES}
# str.translate walks every character in Python; most clean text has none of these, so look first
# (one `in` test per character: a C scan, ~30x faster than a regex character class over the text).
_TRANSLATE_CHARS = tuple(map(chr, _TRANSLATE))

# Mojibake markers: UTF-8 bytes read as Windows-1252/Latin-1 start with Ã, Â or â followed by a
# character from the 0x80–0xBF range as cp1252 shows it. Only text showing them goes through ftfy,
# which is far too slow to run on every clean bulletin.
_MOJIBAKE = re.compile("[ÃÂâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|Ã.|Â")
# A heading published as "Russian affairs\u00a0" reads "Russian affairsÂ" once mis-decoded; ftfy cannot
# repair a lone trailing Â (its second byte is gone), so it is dropped at the end of a line.
_TRAILING_A_CIRC = re.compile(r"\s*Â+[ \t]*$", re.MULTILINE)

# Bytes that never occur in text (C0 controls other than tab/newline/CR/form feed).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or a sample with many control bytes, means this is not a text file."""
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    # Deleting them in one C pass and comparing lengths counts them all at once.
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > max(2, len(sample) // 100)


def _decode(data: bytes, source: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(f"{source}: not valid UTF-16 text ({error.reason})") from None
    if _looks_binary(data):
        raise InputError(f"{source}: this is a binary file, not a text bulletin")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Older saved pages and Windows copies: Windows-1252, which (with replacement for its five
        # unassigned bytes) decodes any byte string.
        return data.decode("cp1252", errors="replace")


def repair_text(text: str) -> str:
    """Normalise line endings and spaces, drop invisible characters, repair mojibake if it shows."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():  # ASCII text has neither odd spaces nor mojibake
        if any(char in text for char in _TRANSLATE_CHARS):
            text = text.translate(_TRANSLATE)
        # Every mojibake marker starts with one of these: cheap `in` tests before the regex.
        if ("Ã" in text or "Â" in text or "â" in text) and _MOJIBAKE.search(text):
            text = _repair_mojibake(text)
    return text


def _repair_mojibake(text: str) -> str:
    """ftfy's repair (slow, so only for text that shows mojibake), minus a lost trailing "Â"."""
    import ftfy  # imported lazily: most bulletins never need it

    # uncurl_quotes=False: curly quotes and apostrophes stay exactly as published.
    text = ftfy.fix_text(text, uncurl_quotes=False, normalization=None)
    return _TRAILING_A_CIRC.sub("", text).translate(_TRANSLATE)


def decode_bytes(data: bytes, source: str) -> str:
    """Decode a file's bytes into clean text; `InputError` (naming `source`) for empty or binary input."""
    if not data or data.isspace():  # `not data.strip()` without copying the file
        raise InputError(f"{source}: the file is empty")
    text = repair_text(_decode(data, source))
    if not text or text.isspace():
        raise InputError(f"{source}: the file contains no text")
    return text
