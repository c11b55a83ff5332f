"""Site furniture, standfirsts, numbered headlines and bulletin titles, told by the shape of a line.

Copies of a bulletin carry bits of the page around it: bylines, publication stamps, category lists,
attribution trailers. No list of such strings can be complete (every site words them its own way), so
these tests look at what the line *is*: pieces separated by pipes, a list of capitalised category
words, a bare label ("Posted on") or a label and a date, none of them a sentence. Each test is cheap on
the long lines that most bulletin lines are (a word count stops early, `in` tests before regexes).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from warreader.parsing import dates
from warreader.parsing import patterns as P
from warreader.parsing.shapes import more_words_than, title_like

# Words a label ends on ("Posted on", "Written by", "Published in"): a heading or a sentence never
# stops on one of these.
_DANGLING = frozenset("on by in at from of to the and for with a an under via about".split())
# Separators of a category list or breadcrumb: "News, Europe, Russia-Ukraine war", "Home › World".
_CATEGORY_SPLIT = re.compile(r"\s*(?:[,·•|»›>/]|\s-\s)\s*")
_SENTENCE_STOP = (".", "!", "?", "…")
_DIGIT = re.compile(r"\d")
# A title ends no sentence and no quotation: these last characters rule a line out at once.
_NOT_TITLE_END = frozenset(".:;!?…\"'”’»")
# The South Slavic and Hungarian words for "day" ("1.322. dan", "1803. nap"), whole words only.
_SHORT_DAY_WORD = re.compile(r"\b(?:dan|nap)\b", re.IGNORECASE)


def _has_day_word(text: str) -> bool:
    """Does the line name a day ("day", "Day 50", "50th day", "giorno", "dzień", "1.322. dan", "1803.
    nap")? C-speed `in` tests: an ignore-case search of a long line cost more than the rest of the
    title test, and every line after the first event is asked."""
    if "day" in text or "Day" in text or "DAY" in text:
        return True
    if "iorno" in text or "IORNO" in text or "zie" in text or "ZIE" in text:
        return True
    if "dan" in text or "Dan" in text or "DAN" in text or "nap" in text or "Nap" in text or "NAP" in text:
        return _SHORT_DAY_WORD.search(text) is not None
    return False


def _part_is_label(part: str) -> bool:
    """A category name: 1–4 words, capitalised (or a number), no sentence inside."""
    return bool(part) and not more_words_than(part, 4) and (part[0].isupper() or part[0].isdigit())


def pipe_furniture(text: str) -> bool:
    """ "By Jane Doe | 2 Nov 2024 | 3 min read", "Al Jazeera and news agencies | Updated": pieces
    between pipes, none of them long enough to be a sentence of news."""
    if "|" not in text:
        return False
    parts = [part.strip() for part in text.split("|")]
    return all(not more_words_than(part, 8) for part in parts)


def category_list(text: str, is_heading_name: Callable[[str], bool]) -> bool:
    """ "News, Europe, Russia-Ukraine war" or "Home › World › Europe": three or more capitalised short
    names in a row and no sentence. Unless most of the names are section headings the theme table
    knows (`is_heading_name`): "Politics, Diplomacy, Economy" heads a section, so it is not furniture."""
    if text.endswith(_SENTENCE_STOP) or more_words_than(text, 16):
        return False
    parts = [part for part in _CATEGORY_SPLIT.split(text) if part]
    if len(parts) < 3 or not all(_part_is_label(part) for part in parts):
        return False
    return sum(map(is_heading_name, parts)) * 2 < len(parts)


def bare_label(text: str) -> bool:
    """ "Posted on", "Written by", "Published in": a few words stopping on a word that needs more."""
    if len(text) > 60 or more_words_than(text, 4):
        return False
    words = text.rstrip(" :").split()
    return bool(words) and words[-1].casefold() in _DANGLING


def label_and_date(text: str) -> bool:
    """ "Posted on November 2, 2024", "Updated 2 Nov 2024, 10:32 GMT", "By Jane Doe, November 2, 2024":
    a date with at most a few label words around it, and no sentence."""
    if more_words_than(text, 12) or text.endswith(_SENTENCE_STOP) or not _DIGIT.search(text):
        return False
    match = dates.find_stated_date(text)
    if match is None:
        return False
    before, after = text[: match.start()], text[match.end() :]
    return not more_words_than(before, 4) and not more_words_than(after, 4)


# -- the bulletin's own header ---------------------------------------------------------------------
# What a bulletin title is about: a list of events, a war. Together with a day number, these make
# "Russia-Ukraine war: List of key events, day 987", "What we know on day 50 of the invasion",
# "Russo-Ukrainian war, day 1,301", "Guerra Russia-Ucraina: … giorno 1.300".
_BULLETIN_WORDS = re.compile(
    r"key\ (?:events|moments|occasions|developments)|at\ a\ glance|what\ we\ (?:know|understand)"
    r"|list\ of|eventi\ chiave|elenco|\b(?:war|invasion|conflict|struggle|offensive|guerra|wojn\w*)\b",
    re.IGNORECASE | re.VERBOSE,
)


def bulletin_title(text: str) -> bool:
    """Is this line a bulletin's title (a day number and war or list words, not a sentence)?"""
    if len(text) > 300 or text.rstrip()[-1:] in _NOT_TITLE_END or not _has_day_word(text):
        return False  # (cheap tests first: every line of a bulletin is asked)
    if not title_like(text):
        return False
    if P.INTRO.search(text) or P.SITUATION.match(text):
        return False  # "Below are the key moments of the third day of invasion:" announces a list
    return dates.day_from_title(text) is not None and _BULLETIN_WORDS.search(text) is not None


# "Here's a look at the key developments on day 765": words that announce the list…
_LIST_WORDS = re.compile(
    r"\b(?:key|main|major|latest|important|principal|biggest)\s+(?:events|developments|moments|updates"
    r"|highlights|occasions|news)\b|\bwhat\ we\ know\b|\b(?:overview|summary|round-?up|recap)\b",
    re.IGNORECASE | re.VERBOSE,
)
# …and the ways a standfirst about the list begins.
_ANNOUNCES = re.compile(
    r"^(?:overview|summary|in\ summary|here(?:'s|’s|\ is|\ are)|these|this\ is|below|following|we\b"
    r"|catch\ up|take\ a\ look|as\ the)\b",
    re.IGNORECASE | re.VERBOSE,
)


def announces_list(text: str, day: int | None) -> bool:
    """A one-sentence standfirst about the list itself ("Here's a look at the key developments as the
    war reaches day 765."): list words, and it starts as an announcement or names the bulletin's day."""
    if more_words_than(text, 45) or not _LIST_WORDS.search(text):
        return False
    if _ANNOUNCES.match(text):
        return True
    return day is not None and dates.day_from_intro(text) == day


# "4. UK says it will send more missiles", "6) West risks provoking nuclear war: Lavrov".
_NUMBERED = re.compile(r"^(?P<n>\d{1,2})[.)]\s+(?P<rest>\S.*)$")


def numbered_headline(text: str) -> str | None:
    """The words of a numbered headline ("4. UK says …" → "UK says …"): a number, then at most 25
    words that do not end a sentence with a full stop. None for anything else."""
    if not text[:1].isdigit():
        return None
    match = _NUMBERED.match(text)
    if match is None or more_words_than(match["rest"], 25):
        return None
    rest = match["rest"].rstrip()
    if rest.endswith((".", ";", ",")) or not (rest[0].isupper() or rest[0] in "“‘\"'"):
        return None
    return rest


def is_numbered(text: str) -> bool:
    return text[:1].isdigit() and _NUMBERED.match(text) is not None


# Sentences inside one line, also where a copy lost the space after the full stop
# ("…war on Ukraine.Here's where things stand on Thursday, June 12:").
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)]*\s*(?=[A-Z])")


# A sentence after another one that starts like a situation line: the cheap test before splitting.
SITUATION_INSIDE = re.compile(r"[.!?][\"'”’)]*\s*(?:right\s+)?(?:here|this)\b", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """The sentences of a line (a rough split: good enough to find where a situation sentence starts)."""
    return [part.strip() for part in _SENTENCE_BREAK.split(text) if part.strip()]
