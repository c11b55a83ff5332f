"""The one switch between the painting shortcuts and Textual's own painting (see `warreader.tui.paint`)."""

from __future__ import annotations

#: `WARREADER_PAINT=textual` paints everything Textual's and Rich's own way.
FAST_ENV = "WARREADER_PAINT"

_fast = True


def fast() -> bool:
    """Whether the shortcuts are on."""
    return _fast


def set_fast(on: bool) -> None:
    """Turn the shortcuts on or off (tests compare both paths)."""
    global _fast
    _fast = on
