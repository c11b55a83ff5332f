"""Turning bulletin and note text into `rich.text.Text` safely, plus the stable theme colours.

Text is data: nothing here ever parses markup. Every string becomes a `Text` built from plain
strings, so `[bold]`, `[/]` or `[link=…]` inside a bulletin are shown as typed. Control characters
(C0, DEL, C1 — which include ESC and the 8-bit CSI) are removed, so an escape sequence pasted into a
note shows as its harmless remainder (`[31m`) and can never drive the terminal.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import lru_cache

from rich.text import Text

# Everything in C0 except tab/newline (handled separately), DEL, and C1.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"[\t\n]+")

#: Colours readable both on Textual's dark and light themes (mid lightness, moderate saturation).
PALETTE: tuple[str, ...] = (
    "#d9534f",  # red
    "#2f8fd6",  # blue
    "#3a9e5a",  # green
    "#d9822b",  # orange
    "#8e6cc9",  # purple
    "#1f9e94",  # teal
    "#c2528b",  # magenta
    "#a8862a",  # ochre
    "#5b7fa6",  # steel
    "#9a6a42",  # brown
)

_known: tuple[str, ...] | None = None


def _known_themes() -> tuple[str, ...]:
    """The bundled theme table's keys, in its order: they get fixed palette slots so they never collide."""
    global _known
    if _known is None:
        try:
            from warreader.themes import known_themes

            _known = tuple(known_themes())
        except Exception:  # noqa: BLE001 - colours are cosmetic; fall back to hashing every key
            _known = ()
    return _known


def has_control(text: str) -> bool:
    """Whether `text` holds a character `clean` removes (ESC, the 8-bit CSI…)."""
    return _CONTROL.search(text) is not None


def clean(text: str | None, *, single_line: bool = True) -> str:
    """`text` with control characters removed; tabs/newlines become spaces when `single_line`."""
    if not text:
        return ""
    if single_line:
        text = _SPACE.sub(" ", text)
    else:
        text = text.replace("\t", "    ")
    return _CONTROL.sub("", text)


def literal(text: str | None, style: str = "", *, single_line: bool = True) -> Text:
    """A `Text` showing `text` exactly as typed (never markup), cleaned of control characters."""
    return Text(clean(text, single_line=single_line), style=style)


@lru_cache(maxsize=512)
def theme_colour(theme: str) -> str:
    """A stable colour for a theme key: the same on every day, in every run, on every machine."""
    known = _known_themes()
    if theme in known:
        return PALETTE[known.index(theme) % len(PALETTE)]
    # hash() is salted per process; a digest is stable across runs.
    digest = hashlib.blake2b(theme.encode("utf-8"), digest_size=2).digest()
    return PALETTE[int.from_bytes(digest, "big") % len(PALETTE)]


def theme_label(theme: str) -> str:
    """The human label of a theme key, from `warreader.themes` when it is there."""
    try:
        from warreader.themes import theme_label as label
    except ImportError:  # the themes module is another part of the project; keep the reader usable
        return theme.replace("-", " ").capitalize()
    try:
        return label(theme)
    except Exception:  # noqa: BLE001 - a label is cosmetic; never let it break rendering
        return theme.replace("-", " ").capitalize()


def format_date(date: dt.date | None, *, short: bool = False) -> str:
    """`Fri 08 Nov 2024` (short: `Fri 08 Nov`), or `no date`."""
    if date is None:
        return "no date"
    return date.strftime("%a %d %b" if short else "%a %d %b %Y")


def truncate(text: str, width: int) -> str:
    """`text` cut to `width` cells with an ellipsis."""
    if width <= 0:
        return ""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"
