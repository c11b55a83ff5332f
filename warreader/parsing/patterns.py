"""Word patterns that recognise the parts of a page that are not events: junk, intros, situation
lines, photo credits, titles, spinner vocabulary. All compiled once at import (the parser's hot path
matches every line against them)."""

from __future__ import annotations

import re

_I = re.IGNORECASE

# Lines that are page furniture, never bulletin text (matched against the whole cleaned line).
JUNK_LINE = re.compile(
    r"""^(?:
      advertisement | save | share\d* | facebook | twitter | whatsapp | telegram | linkedin | email
    | pinterest | reddit | print | copy\ link | x | close(?:\ close)* | menu | search | home | more
    | comment\ \*? | name\ \*? | email\ \*? | website | related(?:\ posts|\ stories|\ news)? | trending
    | connect\ with\ us | spot_img | follow\ us\ on\ \w+ | click\ here\ to\ share\ on\ social\ media
    | get\ the\ latest\ updates\ here\.? | skip\ to\ (?:main\ )?content.* | listen\ to\ this\ article.*
    | \d+\ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\ ago(?:\ \d+)?
    | trending\ \d+\ \w+\ ago | \d{1,2}:\d{2}(?:\ ?[ap]m)? | interactive\b.* | published\ on\b.*
    | updated\ on\b.* | by\ [\w.\-]+(?:\ [\w.\-]+){0,3} | keep\ reading | list\ of\ \d+\ items.*
    | (?:source|sources)\s*:.* | \*?\ *see\ all\ our\ .*coverage | the\ guardian\ -\ \w+
    | get\ all\ your\ news\ in\ one\ place.* | \d+[’']?s\ of\ premium\ titles\.? | one\ app\.?
    | start\ reading | world | guardian\ staff | this\ article\ is\ more\ than\ .{1,30}\ old
    | ukraine\ invasion\ map | sign\ up.* | subscribe.* | read\ more.* | loading\.*
    | (?:\d+\ )?(?:shares?|comments?|views?) | tags?:.* | filed\ under.* | [|•·\-–—*]+
    )$""",
    _I | re.VERBOSE,
)

# The same, for lines longer than any of its fixed-wording alternatives (the longest, "click here to
# share on social media", has 35 characters): only the alternatives that can match a long line. Most
# lines are long events, and this pattern is a third of the work. tests/parsing/test_fast_paths.py
# proves `is_junk_line` gives JUNK_LINE's answer on any text.
JUNK_SHORT_LIMIT = 40
JUNK_LONG_LINE = re.compile(
    r"""^(?:
      share\d* | close(?:\ close)* | follow\ us\ on\ \w+ | skip\ to\ (?:main\ )?content.*
    | listen\ to\ this\ article.*
    | \d+\ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\ ago(?:\ \d+)?
    | trending\ \d+\ \w+\ ago | interactive\b.* | published\ on\b.* | updated\ on\b.*
    | by\ [\w.\-]+(?:\ [\w.\-]+){0,3} | list\ of\ \d+\ items.* | (?:source|sources)\s*:.*
    | \*?\ *see\ all\ our\ .*coverage | the\ guardian\ -\ \w+ | get\ all\ your\ news\ in\ one\ place.*
    | \d+[’']?s\ of\ premium\ titles\.? | this\ article\ is\ more\ than\ .{1,30}\ old | sign\ up.*
    | subscribe.* | read\ more.* | loading\.* | (?:\d+\ )?(?:shares?|comments?|views?) | tags?:.*
    | filed\ under.* | [|•·\-–—*]+
    )$""",
    _I | re.VERBOSE,
)


def is_junk_line(text: str) -> bool:
    """`JUNK_LINE.match(text)`, with the shorter pattern for long lines."""
    pattern = JUNK_LONG_LINE if len(text) > JUNK_SHORT_LIMIT else JUNK_LINE
    return pattern.match(text) is not None


# Lines after which nothing belongs to the bulletin (comment forms, "Related Posts", the AJ source line).
END_OF_ARTICLE = re.compile(
    r"""^(?:leave\ a\ (?:reply|comment)\b.* | your\ email\ address\ will\ not\ be\ published.*
    | related\ posts | you\ may\ also\ like | more\ from\ (?:author|the\ author|this\ author)
    | source\s*:\s*al\ jazeera\b.* | save\ my\ name,\ email.* | post\ navigation | about\ the\ author
    | (?:previous|next)\ (?:post|article)\b.*)$""",
    _I | re.VERBOSE,
)

# Intro / standfirst lines: "As the war enters its 981st day, these are the main developments."
INTRO = re.compile(
    r"""(?:^(?:overview:\s*)?(?:as|because|since|whereas)\ (?:the\ )?(?:russia[-\ ]ukraine\ |russian\ )?
          (?:war|struggle|conflict|battle|offensive|invasion|warfare)\b.*\ (?:enters?|enter|reaches?)\b
      | ^these\ (?:are|were)\ the\ (?:main|key|principal|principle|important)\b
      | \bthese\ are\ the\ (?:main|principal|principle|key)\ (?:developments|occasions|events)\b
      | \bwe\ take\ a\ look\ at\ the\ (?:main|key)\b
      | ^below\ are\ the\ key\b
      | ^here\ (?:is|are)\ (?:a\ look\ at\ )?the\ (?:main|key)\ (?:developments|events|moments)\.?$
    )""",
    _I | re.VERBOSE,
)

# An intro that announces the list: everything before it was prose, not events.
LIST_FOLLOWS = re.compile(r"^below\ are\ the\ key\b", _I)

# Situation lines: "Here is the situation on Saturday, November 2:", "This is how things stand on…",
# spun "Right here is the scenario on…". Must also contain a date (checked by the caller).
SITUATION = re.compile(
    r"""^(?:(?:right\ )?here|this)(?:\ (?:is|are)|\ ?['’]s)\b.*?
        \b(?:situation|scenario|state\ of\ affairs|things\ stand|stands|key\ (?:events|developments|occasions)
        |main\ developments|latest|how\ things|where\ things)\b
      |^(?:the\ )?(?:situation|key\ events)\ (?:on|as\ of|from)\b
    """,
    _I | re.VERBOSE,
)

# Photo credits that end a caption line: "[Sergey Bobok/AFP]", "[File: Edgar Su/Reuters]", "[AFP]".
_AGENCIES = (
    r"AFP|AP|Reuters|EPA|EPA-EFE|Getty(?:\ Images)?|Anadolu(?:\ Agency)?|Sputnik|TASS|Handout|Pool"
    r"|Al\ Jazeera|Ukrinform|ABACAPRESS|Xinhua|Shutterstock|Alamy|Zuma|SOPA|NurPhoto|Bloomberg|DPA|UPI"
    r"|Kremlin"
    r"|Ukrainian\ Presidential\ Press\ Service|Presidential\ Press\ Service|Press\ Service"
)
BRACKET_CREDIT = re.compile(
    rf"\[(?:file(?:\ photo)?\s*:\s*)?"
    rf"(?:[^\[\]]{{1,80}}?\s*/\s*[^\[\]]{{1,140}}|(?:{_AGENCIES})[^\[\]]{{0,40}})\]\s*\.?$",
    _I | re.VERBOSE,
)
# Credits without brackets: "REUTERS/Stringer", "(Photo by SERGEY BOBOK / AFP)", "(AP Photo/Evgeniy
# Maloletka)", "Photograph: Evgeniy Maloletka/AP", Reuters handout boilerplate. (A line starting
# "FILE PHOTO:" is an agency caption too: `shapes.is_credit` tests that apart.)
BARE_CREDIT = re.compile(
    rf"""(?:\bREUTERS\s*/\s*[\w.\- ]+\.?$
      | \((?i:photo|photograph|image|picture)\ by\ [^()]{{1,80}}\)\.?$
      | \((?:AP|AFP|EPA|Reuters|REUTERS)\ (?i:photo|images?)[^()]{{0,80}}\)\.?$
      | \([^()/]{{1,60}}/\s*(?i:{_AGENCIES})\b[^()/]{{0,30}}\)\.?$
      | \((?i:{_AGENCIES})\s*/[^()/]{{1,60}}\)\.?$
      | \([^()]{{0,60}}\bvia\ (?:Getty\ Images|REUTERS|Reuters|AP|AFP)\)\.?$
      | \b(?:Photograph|Photo|Picture|Image|Photo\ credit|Credit)s?:\ [^.:]{{1,80}}$
      | ©\ ?[^.©]{{1,60}}$
      | \bTHIS\ IMAGE\ HAS\ BEEN\ SUPPLIED\ BY\ A\ THIRD\ PARTY\.?$
      | \bvia\ REUTERS\.?$
    )""",
    re.VERBOSE,
)
# A bracket that only *looks* like a credit: quoted or with a clear sentence continuing after it.
QUOTED_BRACKET = re.compile(r"[“\"‘'][^“”\"]*\[[^\]]*\][^“”\"]*[”\"’']")

# Site suffixes after a title: " | Russia-Ukraine war News", " - Al Jazeera English".
TITLE_SUFFIX = re.compile(
    r"\s+(?:[|–—-]|::)\s+(?:(?!\s[|–—-]\s).)*?"
    r"\b(?:news|information|al\ jazeera|guardian|english|times|herald|daily|press|post)\b"
    r"(?:(?!\s[|–—-]\s).)*$",
    _I | re.VERBOSE,
)
# What a bulletin title says: "List of key events", "at a glance", "what we know on day N"…
TITLE_WORDS = re.compile(
    r"""key\ (?:events|moments|occasions|developments)|at\ a\ glance|what\ we\ know|list\ of\ the\ most
      |eventi\ chiave|(?:^|\W)day\s*[-–]?\s*(?:\d|[a-z]+\b)|\d+(?:st|nd|rd|th)\ day|giorno\ \d""",
    _I | re.VERBOSE,
)

# TITLE_WORDS in parts, each led by a literal (so the regex engine skips ahead to that letter instead of
# trying every alternative at every position) and each behind a needle that all its matches contain.
# "(?:^|\W)day" is "day" not preceded by a word character, and "\d+(?:st|nd|rd|th) day" is " day"
# preceded by a digit and a suffix: the same lines match (tests/parsing/test_fast_paths.py proves it).
_TITLE_PARTS = (
    (b"key ", re.compile(r"key\ (?:events|moments|occasions|developments)", _I)),
    (b"glance", re.compile(r"at\ a\ glance", _I)),
    (b"what we know", re.compile(r"what\ we\ know", _I)),
    (b"list of the most", re.compile(r"list\ of\ the\ most", _I)),
    (b"eventi chiave", re.compile(r"eventi\ chiave", _I)),
    (b"day", re.compile(r"day(?<!\wday)\s*[-–]?\s*(?:\d|[a-z]+\b)", _I)),
    (b"day", re.compile(r"\ day(?<=\d(?:st|nd|rd|th)\ day)", _I)),
    (b"giorno", re.compile(r"giorno\ \d", _I)),
)

# The only non-ASCII characters that re.IGNORECASE lets match an ASCII letter or digit (dotted and
# dotless i, long s, the Kelvin sign); tests/parsing/test_fast_paths.py recomputes this list.
ODD_CASE = ("\u0130", "\u0131", "\u017f", "\u212a")


def has_title_words(text: str) -> bool:
    """`bool(TITLE_WORDS.search(text))`, fast: a few C-speed `in` tests, then only the parts they allow."""
    if any(char in text for char in ODD_CASE):
        # These match ASCII letters under IGNORECASE, so the needles prove nothing: try every part.
        return any(pattern.search(text) for _, pattern in _TITLE_PARTS)
    # Lowered as UTF-8 bytes (several times faster than str.lower() on non-ASCII text): ASCII bytes in
    # UTF-8 are always ASCII characters, and no character but ODD_CASE lowers to an ASCII letter.
    low = text.encode().lower()
    return any(needle in low and pattern.search(text) for needle, pattern in _TITLE_PARTS)


# A title with the next sentences glued on: split after the day number.
RUN_TOGETHER_TITLE = re.compile(
    r"^(?P<title>.{10,160}?\b(?:day|giorno)\s*(?:\d{1,2}(?:[.,]\d{3})+|\d{1,4}))\s+(?P<rest>\S.*)$", _I
)

# Truncation markers left by news APIs: "… [+1779 chars]".
CHARS_MARKER = re.compile(r"\s*…?\s*\[\+\d+ chars\]\s*$")
# A sentence ends in one of these (closing quotes and brackets after the stop are fine).
SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’»]$")
_CLOSERS = "\"'”’»)]"


def ends_sentence(text: str) -> bool:
    """`SENTENCE_END.search(text)` from the end of the line (the search scans the whole line)."""
    if text[-1:] == "\n":
        text = text[:-1]  # (`$` also matches before a final newline)
    if text[-1:] in ('"', "”", "’", "»"):
        return True
    body = text.rstrip(_CLOSERS)
    return body[-1:] in (".", "!", "?", "…", ":", ";")


# The first two letters of every END_OF_ARTICLE line (lower case): a set lookup before the regex.
END_STARTS = frozenset(["le", "yo", "re", "mo", "so", "sa", "po", "ab", "pr", "ne"])


def ends_article(text: str) -> bool:
    """`END_OF_ARTICLE.match(text)`, with a cheap test of the first two letters first."""
    head = text[:2]
    if head.isascii() and head.lower() not in END_STARTS:
        return False  # (a non-ASCII start may still match: ignore-case lets "ſ" stand for "s")
    return END_OF_ARTICLE.match(text) is not None


# Spinner vocabulary: phrases that a synonym spinner produces and real news copy almost never does.
SPINNER_PHRASES = (
    "record of key occasions", "right here is", "right here are", "the struggle enters", "struggle enters",
    " metropolis", "in a single day", "no less than", "at the very least", "overseas minister",
    "japanese ukraine", "japanese donetsk", "principle developments", " troopers", "air pressure",
    "particles from", "state of affairs on", "prosecutor basic", "digital warfare", "what we understand",
    "indoors ministry", " nan ", " astatine ", "successful ukraine", " pinch ", " lipid ", " headdress ",
    " beryllium ", "observed on telegram", "information companies",
)  # fmt: skip
