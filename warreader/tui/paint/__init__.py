"""Painting shortcuts, fenced: everything in the reader that leans on Textual's or Rich's internals.

Why it exists: a day switch or a search must paint within a frame (16 ms) on a 1,500-day library, and a
few of the costs on that path are Textual's or Rich's own general-purpose work. Each shortcut here skips
one of them, and each has a switch back to the framework's own public path:

    WARREADER_PAINT=textual warreader      # paint everything the way Textual and Rich would

The switch is read at start-up (`FAST`); tests flip it with `set_fast` and hold both paths equal
(tests/tui/test_paint_paths.py). Nothing outside this package may touch a private name of Textual or
Rich: tests/test_import_hygiene.py checks the source.

The internals relied on (textual==8.2.8 and rich==15.0.0 are pinned exactly for this reason; bumping
either means re-running those tests and the benchmark):

- `rich._wrap.divide_line` (breaks.py): Rich's own line breaking, used where text is not one cell per
  character. Everything else is broken with `str.find` by the same rule (six times faster).
- Textual's styling pass for line-API widgets, `textual._styles_cache.StylesCache.render_widget`
  (lines.py, used by bases.py): `plain_lines` paints a widget whose styles add nothing (no border,
  padding, tint, opacity, hatch or clickable links) without it, and must stay in step with what it does
  for such a widget.
- `Widget.virtual_size`'s layout flag (sizes.py): Textual relayouts the whole screen when a widget's
  virtual size changes; a list that fills its pane whatever it holds only needs a repaint.
- `Screen.focused`'s repaint flag (bases.py): Textual repaints the whole screen on every focus change;
  `QuietFocusScreen` redeclares the reactive without it (the widgets concerned repaint themselves).
- `Widget.watch_has_focus` (bases.py): Textual restyles a widget and its parts on every focus change, in
  case a `:focus` rule applies; the cursor lists and the search field have none (their cursor colours are
  picked when painting), so `PlainScrollView` and `QuietFocusInput` skip that restyle. A test restyles
  them after focus changes and checks that nothing would have changed.

`under` (lines.py) builds a finished line in one pass with public API only; it is here because it is part
of the same fast path and has the same switch.
"""

from __future__ import annotations

import os

from warreader.tui.paint.bases import PlainLineWidget, PlainScrollView, QuietFocusInput, QuietFocusScreen
from warreader.tui.paint.breaks import line_count, wrap
from warreader.tui.paint.lines import plain_lines, styles_add_nothing, under
from warreader.tui.paint.sizes import set_virtual_height
from warreader.tui.paint.switch import FAST_ENV, fast, set_fast

__all__ = [
    "FAST_ENV",
    "PlainLineWidget",
    "PlainScrollView",
    "QuietFocusInput",
    "QuietFocusScreen",
    "fast",
    "line_count",
    "plain_lines",
    "set_fast",
    "set_virtual_height",
    "styles_add_nothing",
    "under",
    "wrap",
]

# Read once: `WARREADER_PAINT=textual` turns every shortcut off for the whole run.
set_fast(os.environ.get(FAST_ENV, "").strip().lower() != "textual")
