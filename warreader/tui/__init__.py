"""The Textual reader. `make_app(library, settings)` is the one factory for the CLI, tests and screenshots."""

from __future__ import annotations

from typing import Any

from warreader.tui.app import WarReaderApp


def make_app(library: Any, settings: Any) -> WarReaderApp:
    """The reader over an open `Library` and loaded `Settings` (the app never opens files itself)."""
    return WarReaderApp(library, settings)


__all__ = ["WarReaderApp", "make_app"]
