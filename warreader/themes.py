"""Headings → canonical theme keys, so one storyline gathers a heading's variants across days and sources.

The rules live in `data/themes.toml` (shipped) and optionally in the user's own table at
`$WARREADER_THEMES` or `<user config folder>/warreader/themes.toml`, in the same shape; the user's rules
win. Exact names are looked up first (all tables, user first), then patterns in order. A heading that no
rule knows gets a key of its own: a slug of the heading. Nothing here ever raises for a heading.
"""

from __future__ import annotations

import os
import re
import sys
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from warreader.resources import data_dir

THEMES_ENV = "WARREADER_THEMES"
GENERAL = "general"

# What is not part of a heading's meaning: a trailing colon (" :" too), dashes, a stray mojibake Â, and
# the number of a numbered headline ("4. UK says …", "6) …").
_TRAILING = re.compile(r"[\s:;.\-–—Â]+$")
_LEADING_NUMBER = re.compile(r"^\d{1,3}[.)]\s+")
_SPACES = re.compile(r"\s+")
_SLUG_DROP = re.compile(r"[^a-z0-9]+")


@dataclass
class ThemeTable:
    """Compiled rules: exact names → key, ordered (pattern, key) pairs, key → display label."""

    names: dict[str, str] = field(default_factory=dict)
    patterns: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    #: keyword (as written, lower case) → theme key, for inferring the theme of untitled events
    keywords: dict[str, str] = field(default_factory=dict)
    #: the keywords as lookup tables (built once the tables are read)
    keyword_index: KeywordIndex | None = None


# Words as keywords see them: letters and digits, joined by inner hyphens or apostrophes ("f-16",
# "front-line", "zelenskyy's"). ASCII classes: keywords are English, and a Unicode class is several
# times slower to scan with.
_TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
#: How much of a group's text is read to infer its theme: its first events say what it is about.
INFER_SAMPLE_CHARS = 2000


@dataclass
class KeywordIndex:
    """The tables' keywords as dictionaries, so inferring a theme is one tokenisation and a lookup per
    word (a regex alternation of every keyword cost ~5 ms per untitled group)."""

    words: dict[str, str] = field(default_factory=dict)  # "drone", "drones", "droness"… → key
    prefixes: dict[str, str] = field(default_factory=dict)  # "evacuat" (from "evacuat*") → key
    # The prefixes by their first few letters: one slice and one lookup per word finds the candidates.
    prefix_heads: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    head: int = 0
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)  # ("front", "lines") → key
    phrase_starts: frozenset[str] = frozenset()
    longest_phrase: int = 1

    @classmethod
    def build(cls, keywords: dict[str, str]) -> KeywordIndex:
        index = cls()
        for keyword, key in keywords.items():
            tokens = tuple(_TOKEN.findall(keyword.rstrip("*").replace("’", "'")))
            if not tokens:
                continue
            if keyword.endswith("*") and len(tokens) == 1:
                index.prefixes.setdefault(tokens[0], key)
                continue
            # A plural "s"/"es" on the last word is found too ("drones", "front lines").
            for last in (tokens[-1], tokens[-1] + "s", tokens[-1] + "es"):
                form = (*tokens[:-1], last)
                if len(form) == 1:
                    index.words.setdefault(last, key)
                else:
                    index.phrases.setdefault(form, key)
        index.head = min((len(p) for p in index.prefixes), default=0)
        heads: dict[str, list[tuple[str, str]]] = {}
        for prefix, key in sorted(index.prefixes.items(), key=lambda item: -len(item[0])):
            heads.setdefault(prefix[: index.head], []).append((prefix, key))
        index.prefix_heads = {h: tuple(candidates) for h, candidates in heads.items()}
        index.phrase_starts = frozenset(phrase[0] for phrase in index.phrases)
        index.longest_phrase = max((len(phrase) for phrase in index.phrases), default=1)
        return index

    def counts(self, text: str) -> dict[str, int]:
        """How many keywords of each theme `text` uses (a phrase counts once, not also as its words)."""
        tokens = _TOKEN.findall(text[:INFER_SAMPLE_CHARS].casefold().replace("’", "'"))
        scores: dict[str, int] = {}
        inside: set[int] = set()  # positions already counted as part of a phrase
        starts = self.phrase_starts
        for i in [i for i, token in enumerate(tokens) if token in starts]:
            for size in range(min(self.longest_phrase, len(tokens) - i), 1, -1):
                key = self.phrases.get(tuple(tokens[i : i + size]))
                if key is not None:
                    scores[key] = scores.get(key, 0) + 1
                    inside.update(range(i, i + size))
                    break
        words = Counter(t for i, t in enumerate(tokens) if i not in inside) if inside else Counter(tokens)
        head, heads = self.head, self.prefix_heads
        for token, times in words.items():
            key = self.words.get(token)
            if key is None and head and (candidates := heads.get(token[:head])):
                key = next((k for prefix, k in candidates if token.startswith(prefix)), None)
            if key is not None:
                scores[key] = scores.get(key, 0) + times
        return scores


def normalise_heading(heading: str) -> str:
    """The form headings are compared in: casefolded, single spaces, no trailing colon, no number."""
    heading = heading.strip()
    if heading[:1].isdigit():
        heading = _LEADING_NUMBER.sub("", heading)
    return _SPACES.sub(" ", _TRAILING.sub("", heading)).casefold()


def slugify(text: str) -> str:
    """'Car bomb death' → 'car-bomb-death' (ASCII, short)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = _SLUG_DROP.sub("-", ascii_text).strip("-")[:40].rstrip("-")
    return slug or "untitled"


def _user_table_path() -> Path | None:
    env = os.environ.get(THEMES_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    candidate = user_config_path("warreader", appauthor=False) / "themes.toml"
    return candidate if candidate.is_file() else None


def _add_rules(table: ThemeTable, path: Path, *, strict: bool) -> None:
    """Add one TOML file's rules; rules already present (from a higher-priority file) are kept."""
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        if strict:
            raise
        # A broken user table must not stop the reader; say so once and carry on with the shipped rules.
        print(f"warreader: ignoring theme table {path}: {error}", file=sys.stderr)
        return
    themes = doc.get("themes", {})
    if not isinstance(themes, dict):
        return
    for key, rule in themes.items():
        if not isinstance(rule, dict):
            continue
        key = slugify(str(key))
        if key not in table.labels:
            table.order.append(key)
            table.labels[key] = str(rule.get("label") or key.replace("-", " ").capitalize())
        for name in rule.get("names", []) or []:
            table.names.setdefault(normalise_heading(str(name)), key)
        for pattern in rule.get("patterns", []) or []:
            try:
                table.patterns.append((re.compile(str(pattern), re.IGNORECASE), key))
            except re.error as error:
                print(f"warreader: ignoring theme pattern {pattern!r} in {path}: {error}", file=sys.stderr)
        for keyword in rule.get("keywords", []) or []:
            word = " ".join(str(keyword).split()).casefold()
            if word and word.strip("*"):
                table.keywords.setdefault(word, key)


@lru_cache(maxsize=1)
def _table() -> ThemeTable:
    table = ThemeTable()
    user = _user_table_path()
    if user is not None and user.is_file():
        _add_rules(table, user, strict=False)
    _add_rules(table, data_dir() / "themes.toml", strict=True)
    table.labels.setdefault(GENERAL, "General")
    table.keyword_index = KeywordIndex.build(table.keywords)
    return table


def reload_themes() -> None:
    """Forget the loaded tables (after the user edits theirs, or in tests that set $WARREADER_THEMES)."""
    _table.cache_clear()
    _theme_for_cached.cache_clear()
    is_known_heading.cache_clear()


@lru_cache(maxsize=4096)
def _theme_for_cached(heading: str) -> str:
    norm = normalise_heading(heading)
    if not norm:
        return GENERAL
    return _rule_for(norm) or slugify(norm)


def _rule_for(norm: str) -> str | None:
    table = _table()
    key = table.names.get(norm)
    if key:
        return key
    for pattern, key in table.patterns:
        if pattern.search(norm):
            return key
    return None


def known_theme_for(heading: str) -> str | None:
    """The key a rule of the tables gives this heading, or None when no rule knows it (where
    `theme_for` would make a key of the heading's own words)."""
    try:
        norm = normalise_heading(str(heading))
        return _rule_for(norm) if norm else None
    except Exception:  # noqa: BLE001 - never raises, like theme_for
        return None


def infer_theme(texts: Iterable[str]) -> str | None:
    """The theme whose keywords (the tables' `keywords`) these texts use most; None when they use none.

    Used for events that came without a heading: the untitled first group of a page ("Fighting" left
    out), a numbered headline no rule knows. Ties go to the theme listed first.
    """
    table = _table()
    if table.keyword_index is None:
        return None
    scores = table.keyword_index.counts("\n".join(_first_chars(texts, INFER_SAMPLE_CHARS)))
    best, best_score = None, 0
    for key in table.order:  # table order: on a tie the theme listed first wins
        if scores.get(key, 0) > best_score:
            best, best_score = key, scores[key]
    return best


def _first_chars(texts: Iterable[str], limit: int) -> list[str]:
    """The texts up to about `limit` characters in all (the one that crosses it is kept whole)."""
    out, size = [], 0
    for text in texts:
        out.append(text)
        size += len(text)
        if size >= limit:
            break
    return out


def section_theme(heading: str | None, texts: list[str]) -> tuple[str, bool]:
    """(theme key, inferred?) of a section: its heading's, by the theme table; for events without a
    heading, or under a numbered headline ("4. UK says …") no rule knows, the theme their words point
    to (`infer_theme`), marked as inferred. Without any clue: "general", or the headline's own key."""
    numbered = heading is not None and heading[:1].isdigit() and _LEADING_NUMBER.match(heading) is not None
    if heading is not None and not (numbered and known_theme_for(heading) is None):
        return theme_for(heading), False
    inferred = infer_theme(texts if heading is None else [heading, *texts])
    if inferred is not None:
        return inferred, True
    return theme_for(heading), False


def theme_for(heading: str | None) -> str:
    """The canonical theme key of a heading ("Fighting:", "Preventing" → "fighting"); None → "general"."""
    if heading is None:
        return GENERAL
    try:
        return _theme_for_cached(str(heading))
    except Exception:  # noqa: BLE001 - the contract is "never raises": a heading always gets a key
        return slugify(str(heading))


@lru_cache(maxsize=4096)
def is_known_heading(text: str) -> bool:
    """True when `text` is exactly one of the table's heading names (used to spot unmarked headings)."""
    return normalise_heading(text) in _table().names


def theme_label(key: str) -> str:
    """The display name of a key: the table's label, else the key made readable ('car-bomb' → 'Car bomb')."""
    label = _table().labels.get(key)
    if label:
        return label
    return key.replace("-", " ").capitalize() if key else "General"


def known_themes() -> list[str]:
    """Every key the tables define, in table order (user's first), plus "general"."""
    table = _table()
    keys = list(table.order)
    if GENERAL not in keys:
        keys.append(GENERAL)
    return keys
