"""The Textual reader. `make_app(library, settings)` is the one factory for the CLI, tests and screenshots.

Layout of the package (docs/READER.md explains each part and how to add a view or a panel section):

- `app.py`: the application (theme, key remaps, help, palette, the background load and search index);
- `screens/`: `ReaderScreen`, which routes between the views, and the dialogs;
- `views/`: the day list and the views of the centre pane, each owning its widgets, state and workers;
- `panel/`: the tagging panel and its sections;
- `annotator.py`: every change to tags, flags and notes, through `Library`;
- `widgets/`: `CursorList` (the one base of every list of rows) and the other widgets;
- `paint/`: the painting shortcuts that rely on Textual's or Rich's internals, fenced, with a switch back.
"""

from __future__ import annotations

from warreader.settings import Settings
from warreader.store import Library
from warreader.tui.app import WarReaderApp


def make_app(library: Library, settings: Settings) -> WarReaderApp:
    """The reader over an open `Library` and loaded `Settings` (the app never opens files itself)."""
    return WarReaderApp(library, settings)


__all__ = ["WarReaderApp", "make_app"]
