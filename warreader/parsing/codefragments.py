"""Bulletins embedded in other software's source files: seed data, API fixtures, logs.

Such fragments keep the host language's escapes: literal `\\r\\n`, `\\u2019`, `\\"`, `//` comment
prefixes, C# verbatim strings `@"…"` indented by 16 spaces, SQL's doubled `''`, JSON inside an SQL
string, NewsAPI's `<ul><li>` markup inside `content`, lines hard-wrapped by a log viewer. This module
pulls the string literals out, keeps the ones that read as prose (title first, then the rest in order)
and undoes their escaping, so the core can read them like a pasted page. It does not try to understand
the host language beyond that.
"""

from __future__ import annotations

import re

from warreader.parsing.patterns import TITLE_WORDS

_COMMENT_PREFIX = re.compile(r"^[ \t]*(?://[ \t]?)+", re.MULTILINE)
_CODE_MARKERS = re.compile(
    r"\\r\\n|\\n[A-Z•]|\\u20[0-9a-f]{2}|^\s*//|^\s*(?:INSERT\s+INTO|VALUES)\b|\b(?:const|var|let)\s+\w+\s*=|"
    r"^\s*\w+\s*[:=]\s*[\"'`@]|^\s*\"\w+\"\s*:|^\s*[{(\[]\s*$|^\s*[{(]\s*['\"\d]|\bnew\s+\w+\s*\{|@\"|'::jsonb|'\s*,\s*'",
    re.MULTILINE | re.IGNORECASE,
)
# String literals: C# verbatim @"…" ("" escapes a quote), "…" and '…' (backslash escapes, SQL '').
_LITERAL = re.compile(
    r'@"(?:[^"]|"")*"|"(?:[^"\\\n]|\\.|\n(?!\s*"?\w+"?\s*:))*"|\'(?:[^\'\\]|\'\'|\\.)*\'', re.S
)
_KEY_BEFORE = re.compile(r"[\"']?([A-Za-z_$][\w$]*)[\"']?\s*[:=]\s*$")
# Keys whose values are never bulletin text: links, ids, dates, metadata, other-language copies.
_SKIP_KEYS = re.compile(
    r"^(?:url\w*|link|href|src|image\w*|img|thumbnail|id|_id|\w+_id|uuid|slug|author|name|source|"
    r"published\w*|created\w*|updated\w*|date\w*|time\w*|timestamp|category|type|entry_type|status|"
    r"new_status|precision|confidence|\w+_count|primary_\w+|api_data|hint|lang\w*|locale|\w+_[a-z]{2})$",
    re.IGNORECASE,
)
_ESCAPE = re.compile(r"\\(r\\n|n|r|t|u[0-9a-fA-F]{4}|.)", re.S)
_INLINE_TAGS = re.compile(r"<\s*(/?)\s*(li|ul|ol|p|br|h[1-6]|div)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " "}
_PROSE = re.compile(r"[A-Za-z\u0400-\u04ff]{2,}\s+\S+\s+\S+")


# At least one of these must appear before the (slower) marker count runs. Each is paired with a
# character it contains that prose rarely has: a one-character `in` is a fast C scan, a longer one is not.
_CHEAP_HINTS = (
    ("\\", "\\"), ("/", "//"), ("{", "{"), ('"', '@"'), ("'", "('"), ("'", "':"), ('"', '":'),
    ('"', ': "'), ("'", ": '"), ('"', '= "'),
)  # fmt: skip


def looks_like_code(text: str) -> bool:
    """Several source-code markers (escapes, comment prefixes, object keys, SQL) in the first few KB."""
    head = text[:20000]
    if not any(guard in head and hint in head for guard, hint in _CHEAP_HINTS):
        return False
    return len(_CODE_MARKERS.findall(head)) >= 2


def _unescape_match(match: re.Match) -> str:
    code = match.group(1)
    if code in ("r\\n", "n", "r"):
        return "\n"
    if code == "t":
        return " "
    if len(code) == 5 and code[0] == "u":  # (a bare `\u`, as in `C:\users`, is just the letter)
        return chr(int(code[1:], 16))
    return code  # \" \' \\ and anything else: the character itself


def _literal_value(literal: str) -> str:
    if literal.startswith('@"'):
        return literal[2:-1].replace('""', '"')  # verbatim: real newlines are line breaks
    body = literal[1:-1]
    if literal[0] == "'":
        body = body.replace("''", "'")
    # A real newline inside a "…" literal is a log viewer's hard wrap, not a line break.
    body = body.replace("\n", " ") if literal[0] == '"' else body
    return _ESCAPE.sub(_unescape_match, body)


def strip_inline_html(text: str) -> str:
    """`<ul><li>a</li><li>b</li></ul>` inside a string → bullet lines; other tags dropped."""
    text = _INLINE_TAGS.sub(lambda m: "\n• " if m.group(2).lower() == "li" and not m.group(1) else "\n", text)
    text = _ANY_TAG.sub("", text)
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return text


def _prose_literals(code: str, depth: int = 0) -> list[str]:
    values = []
    for match in _LITERAL.finditer(code):
        key = _KEY_BEFORE.search(code[max(0, match.start() - 60) : match.start()])
        if key and _SKIP_KEYS.match(key.group(1)):
            continue
        value = _literal_value(match.group(0))
        stripped = value.strip()
        if stripped.startswith("{") and depth < 2:
            values.extend(_prose_literals(stripped, depth + 1))  # JSON inside an SQL string
        elif _PROSE.search(stripped) and not stripped.startswith(("http://", "https://", "/")):
            values.append(value)
    return values


def unescape_code(text: str) -> str:
    """A source-code fragment → plain bulletin text: its prose string literals, title first."""
    code = _COMMENT_PREFIX.sub("", text)
    values = _prose_literals(code)
    if not values:
        return strip_inline_html(_ESCAPE.sub(_unescape_match, code))
    titles = [v for v in values if "\n" not in v.strip() and len(v) < 200 and TITLE_WORDS.search(v)]
    ordered = titles[:1] + [v for v in values if not titles or v is not titles[0]]
    # Each literal is its own paragraph; an indented verbatim string's lines are trimmed by the core.
    return "\n\n".join(strip_inline_html(v).strip() for v in ordered)
