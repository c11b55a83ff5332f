"""Does a link's title read like a daily bulletin? Decided by the shape of the title, not a list of titles.

A daily bulletin's title has two parts: a summary phrase ("List of key events", "at a glance", "what we
know", and the wordings that copies and spinners make of them: "key occasions", "what we understand",
"the most important events", "eventi chiave") and the day it covers (a day number, "50th day", "day fifty",
or a date). This reader follows the Russia-Ukraine war, whose days are counted from 24 February 2022: a
title that names a different war ("Israel-Hamas war: List of key events, day 100") is not one of ours,
whatever its shape.
"""

from __future__ import annotations

import re

_X = re.IGNORECASE | re.VERBOSE

_SUMMARY = re.compile(
    r"""
      \b(?:key|main|major|important|essential|principal|crucial|vital|significant)\s+
        (?:events?|moments|developments|occasions|happenings|incidents|points|updates)\b
    | \bat\s+a\s+(?:glance|look)\b
    | \bwhat\s+we\s+(?:know|understand|perceive|realise|realize|learned|learnt|have\s+learned)\b
    | \blist\s+of\s+(?:the\s+)?(?:most\s+)?(?:important|main|major|key|notable)\b
    | \beventi\s+(?:chiave|principali)\b | \bprincipali\s+eventi\b
    """,
    _X,
)

_NUMBER = r"\d{1,2}(?:[,.\s]\d{3})+|\d{1,4}"
_UNITS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
)
_ORDINALS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|\w+tieth"
)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DAY = re.compile(
    rf"""
      \b(?:day|giorno|dzień|dan|nap)\s*[-–#:]?\s*(?:{_NUMBER})\b        # day 987, Day 1,000, giorno 1.300
    | \b(?:{_NUMBER})\s*(?:st|nd|rd|th)?\s+day\b                         # 50th day, 288th day
    | \bday\s+(?:{_UNITS})(?:[-\s](?:{_UNITS}))?\b                      # day fifty, day one hundred
    | \b(?:{_ORDINALS})\s+day\b                                          # third day
    | \b(?:{_MONTHS})\.?\s+\d{{1,2}}\b | \b\d{{1,2}}\s+(?:{_MONTHS})\b  # November 20, 20 Nov
    | \b\d{{4}}-\d{{2}}-\d{{2}}\b
    """,
    _X,
)

# The war these bulletins follow, as titles name it.
_OUR_WAR = re.compile(r"russia|ukrain|ucrain|kyiv|kiev|kremlin|putin|zelensk|donbas|kursk", re.IGNORECASE)
# "<Name> war", "<Name>-<Name> conflict", "war in <Name>", "invasion of <Name>": a title naming a war.
_NAMED_WAR = re.compile(
    r"\b([A-Z][\w’'.]*(?:[-–/][A-Z][\w’'.]*)*)\s+(?i:war|conflict|invasion|offensive|crisis)\b"
    r"|\b(?i:war|conflict|invasion|offensive)\s+(?i:in|on|of|against)\s+(?i:the\s+)?([A-Z][\w’'.]*)",
)
# Capitalised words at the start of a title that name no party ("The war…", "Day 50: war…").
_NOT_A_NAME = re.compile(r"^(?:the|a|an|this|day|week|key|latest|live|world|civil|cold)$", re.IGNORECASE)

#: Only the start of a link's text is its title: index cards run the standfirst and the date on after it.
TITLE_MAX_CHARS = 220


def names_another_war(title: str) -> bool:
    """True when the title names a war, and none of the wars it names is Russia's war on Ukraine."""
    if _OUR_WAR.search(title):
        return False
    for match in _NAMED_WAR.finditer(title):
        name = match.group(1) or match.group(2)
        if name and not _NOT_A_NAME.match(name):
            return True
    return False


def is_bulletin_title(title: str | None) -> bool:
    """True for "Russia-Ukraine war: List of key events, day 987", "Russia-Ukraine war at a glance: what we
    know on day 1,000", spun "Russia-Ukraine conflict at a glance: what we understand on day 250", "Key
    events of the Russia-Ukraine war: Day 1,077"; False for other articles, and for other wars' bulletins."""
    if not title:
        return False
    head = " ".join(title.split())[:TITLE_MAX_CHARS]
    return bool(_SUMMARY.search(head) and _DAY.search(head)) and not names_another_war(head)
