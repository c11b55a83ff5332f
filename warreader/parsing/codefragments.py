"""Bulletins embedded in other software's source files: seed data, API fixtures, logs.

These keep the host language's escapes: literal `\\r\\n`, `\\u2019`, `\\"`, `//` comment prefixes, C#
verbatim strings indented by 16 spaces, SQL's doubled `''`, and NewsAPI's `<ul><li>` markup inside a
string. This module turns such a fragment back into plain text well enough for the core to read; it
does not try to understand the host language.
"""

from __future__ import annotations

import re

_ESCAPED_NEWLINE = re.compile(r"\\r\\n|\\n|\\r")
_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_COMMENT_PREFIX = re.compile(r"^[ \t]*(?://[ \t]?)+", re.MULTILINE)
_CODE_MARKERS = re.compile(
    r"\\r\\n|\\n[A-Z•]|\\u20[0-9a-f]{2}|^\s*//|^\s*(?:INSERT\s+INTO|VALUES)\b|\b(?:const|var|let)\s+\w+\s*=|"
    r"^\s*\w+\s*:\s*[\"'`]|^\s*\"\w+\"\s*:|\bnew\s+\w+\s*\{|@\"",
    re.MULTILINE | re.IGNORECASE,
)
_INLINE_TAGS = re.compile(r"<\s*(/?)\s*(li|ul|ol|p|br|h[1-6])\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
_HTML_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " "}


def looks_like_code(text: str) -> bool:
    """Several source-code markers (escapes, comment prefixes, object keys) in the first few KB."""
    return len(_CODE_MARKERS.findall(text[:20000])) >= 2


def _tag_to_break(match: re.Match) -> str:
    closing, tag = match.group(1), match.group(2).lower()
    if tag == "li" and not closing:
        return "\n• "
    return "\n"


def strip_inline_html(text: str) -> str:
    """`<ul><li>a</li><li>b</li></ul>` inside a string → bullet lines; other tags dropped."""
    text = _INLINE_TAGS.sub(_tag_to_break, text)
    text = _ANY_TAG.sub("", text)
    for entity, char in _HTML_ENTITIES.items():
        text = text.replace(entity, char)
    return text


def unescape_code(text: str) -> str:
    """Undo the host language's escaping so the bulletin text reads as plain lines again."""
    text = _COMMENT_PREFIX.sub("", text)
    text = _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    text = _ESCAPED_NEWLINE.sub("\n", text)
    text = text.replace('\\"', '"').replace("\\'", "'").replace("''", "'")
    return strip_inline_html(text)
