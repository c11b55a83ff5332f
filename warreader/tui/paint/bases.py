"""The base classes that carry the painting shortcuts (see `warreader.tui.paint`).

- `PlainLineWidget` / `PlainScrollView`: line-API widgets painted by `plain_lines` when their styles add
  nothing to Textual's styling pass.
- `PlainScrollView` and `QuietFocusInput` also skip Textual's restyle on focus changes.
- `QuietFocusScreen` does not repaint the whole screen on every focus change.

Internal relied on: `Widget.watch_has_focus`, with which Textual recomputes a widget's styles (and its
parts') on every focus change in case a `:focus` rule applies. The cursor lists and the search field have
no such rule: the lists pick their cursor's colours when painting (focused or not), and the field shows
focus by its cursor. Enter in the search moves the focus from one to the other: their restyles were
1.5–3 ms of it. A test restyles them after focus changes and checks that nothing would have changed. With
the shortcuts off, Textual restyles as usual. Panes show focus with `:focus-within` rules on the
containers around these widgets, which this does not touch.

Internal relied on: `Screen.focused`, a reactive that repaints the whole screen whenever it changes,
although the widgets gaining and losing focus restyle (and so repaint) themselves. Enter in the search
moves the focus from the field to the results: that full repaint drew every widget on screen again, a
third of the search's frame. `QuietFocusScreen` redeclares the reactive without the repaint (and repaints
as Textual does when the shortcuts are off).
"""

from __future__ import annotations

from textual.geometry import Region
from textual.reactive import Reactive
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input

from warreader.tui.paint.lines import plain_lines
from warreader.tui.paint.switch import fast


class PlainLineWidget(Widget):
    """A line-API widget (it implements `render_line`) painted by `plain_lines` when it can be."""

    def render_lines(self, crop: Region) -> list[Strip]:
        return plain_lines(self, crop) or super().render_lines(crop)


class PlainScrollView(ScrollView):
    """A scrolling line-API widget painted by `plain_lines` when it can be, and not restyled on focus
    changes: a subclass must not depend on `:focus` rules (it paints its focus state itself)."""

    def render_lines(self, crop: Region) -> list[Strip]:
        return plain_lines(self, crop) or super().render_lines(crop)

    def watch_has_focus(self, has_focus: bool) -> None:
        if fast():
            self.refresh()  # the focus state is painted, e.g. the cursor's colours
        else:
            super().watch_has_focus(has_focus)


class QuietFocusInput(Input):
    """An `Input` whose look does not change with focus (no `:focus` rule), so none is restyled."""

    def watch_has_focus(self, has_focus: bool) -> None:
        if fast():
            self.refresh()
        else:
            super().watch_has_focus(has_focus)


class QuietFocusScreen(Screen[None]):
    """A screen that does not repaint everything when the focus moves (see the module docstring)."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def watch_focused(self) -> None:
        if not fast():
            self.refresh()  # what Textual's own `focused` does
