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

# Bytes that never occur in text (C0 controls other than tab/newline/CR/form feed). ESC is left out:
# a hostile or terminal-logged bulletin is still text; its escape sequences are removed (with a warning)
# once it is decoded.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))

# Byte-order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_UNIT = {"utf-32-le": 4, "utf-32-be": 4, "utf-16-le": 2, "utf-16-be": 2, "utf-8": 1}


def _looks_binary(data: bytes) -> bool:
    """Several NUL bytes, or a sample with many control bytes, means this is not a text file. (A stray
    NUL or ESC in a pasted bulletin is removed later, with a warning.)"""
    sample = data[:4096]
    limit = max(2, len(sample) // 100)
    if sample.count(0) > max(2, len(sample) // 200):
        return True
    # Deleting them in one C pass and comparing lengths counts them all at once.
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > limit


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, told by where the zero bytes fall.

    Bulletin text is mostly ASCII letters, spaces and punctuation, whose high bytes are zero: in UTF-16
    LE every second byte is zero, in UTF-32 LE three bytes of four, and the other way round in BE. A
    binary file has zeros too, but not in that rhythm.
    """
    sample = data[:4096]
    sample = sample[: len(sample) - len(sample) % 4]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    quarter = len(sample) // 4
    zeros = [sample[i::4].count(0) for i in range(4)]
    # A UTF-32 unit's top byte is always zero, the next one unless the character is beyond the BMP.
    if zeros[3] == quarter and zeros[2] >= quarter * 0.9 and zeros[0] < quarter // 4:
        return "utf-32-le"
    if zeros[0] == quarter and zeros[1] >= quarter * 0.9 and zeros[3] < quarter // 4:
        return "utf-32-be"
    half = len(sample) // 2
    even, odd = zeros[0] + zeros[2], zeros[1] + zeros[3]
    if odd >= half * 0.2 and even < half * 0.02:
        return "utf-16-le"
    if even >= half * 0.2 and odd < half * 0.02:
        return "utf-16-be"
    return None


def _decode_unicode(data: bytes, encoding: str) -> str | None:
    """`data` in a Unicode encoding, a cut-off last code unit dropped (copies are often cut mid-word);
    None when it is not valid in that encoding."""
    unit = _UNIT[encoding]
    data = data[: len(data) - len(data) % unit]
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode(data: bytes, source: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if encoding == "utf-8":
                return body.decode("utf-8", errors="replace")
            text = _decode_unicode(body, encoding)
            if text is None:
                name = encoding[:6].upper()
                raise InputError(f"{source}: starts as {name} text but is not valid {name}")
            return text
    wide = _wide_encoding(data)
    if wide is not None:
        text = _decode_unicode(data, wide)
        if text is not None:
            return text
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
