"""The shared intermediate form: every format module turns its input into a list of `Line`s.

A `Line` is one block of text with what the format itself says about it (a bullet, a heading, a caption,
a title, a blank). Plain text says little, HTML and Markdown say more; the core (`core.py`) decides the
rest from the words themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

# What a format module can say about a line.
TEXT = "text"  # nothing known: the core decides
BULLET = "bullet"  # a list item
HEADING = "heading"  # marked up as a heading (<h2>, "## ", "**Heading**")
CAPTION = "caption"  # a photo caption or alt text (<figcaption>, img alt, ![alt](…))
TITLE = "title"  # the page title (<h1>, "# ")
BLANK = "blank"  # paragraph break


@dataclass(slots=True)
class Line:
    """One block of text and what the format says about it."""

    text: str
    kind: str = TEXT


def clean(text: str) -> str:
    """Collapse runs of whitespace and trim."""
    return " ".join(text.split())
