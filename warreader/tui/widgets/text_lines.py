"""`TextLines`: a few lines of Rich `Text`, each cut to the width with an ellipsis, or wrapped.

The headers, the panel's facts and the previews change on every day switch and search. As `Static`s each
one went through Textual's content pipeline (converting the `Text`, formatting, styling links, then
styling every line again): 0.6 ms for four lines, against 0.35 ms drawn here with the line API. Headers
never wrap (a fixed height must not relayout the screen); previews wrap with `paint.wrap`, which
breaks lines where Rich would (`warreader.tui.paint`).
"""

from __future__ import annotations

from rich.style import Style as RichStyle
from rich.text import Text
from textual.geometry import Region, Size
from textual.strip import Strip

from warreader.tui.paint import PlainLineWidget, under, wrap
from warreader.tui.text import clean, has_control


class TextLines(PlainLineWidget):
    """Shows a `Text` line by line (never as markup); `update` replaces it. With `wrap=True` long lines
    wrap at spaces as Rich wraps them, and a last visible line with more text below ends with "…"."""

    DEFAULT_CSS = """
    TextLines { height: auto; }
    """

    def __init__(
        self,
        text: Text | None = None,
        *,
        wrap: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._wrap = wrap
        self._text = Text()
        self._lines: list[Text] = []
        #: width → the lines wrapped to it (with `wrap`).
        self._wrapped: dict[int, list[Text]] = {}
        #: (line, width) → the finished line, for the style it was painted in.
        self._painted: dict[tuple[int, int], Strip] = {}
        self._painted_style = RichStyle()
        self._paint_size = Size(0, 0)
        self._set_text(text or Text())

    def _set_text(self, text: Text) -> None:
        self._text = text
        lines: list[Text] = list(text.split("\n", allow_blank=True)) if text.plain else []
        # Callers pass text made safe with `literal`; a control character that slips through anyway is
        # dropped here rather than reaching the terminal.
        self._lines = [_without_controls(line) if has_control(line.plain) else line for line in lines]
        self._wrapped.clear()
        self._painted.clear()

    def update(self, text: Text, *, layout: bool = True) -> None:
        """Show `text`; `layout=False` when the widget's height is fixed (no relayout of the screen)."""
        self._set_text(text)
        self.refresh(layout=layout)

    @property
    def text(self) -> Text:
        """The text shown."""
        return self._text

    def render(self) -> Text:
        # What `str(widget.render())` gives, as for a `Static`; drawing goes through `render_line`.
        return self._text

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max((line.cell_len for line in self._lines), default=0)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._screen_lines(width))

    def _screen_lines(self, width: int) -> list[Text]:
        if not self._wrap:
            return self._lines
        lines = self._wrapped.get(width)
        if lines is None:
            console = self.app.console
            lines = [piece for line in self._lines for piece in wrap(line, console, max(1, width))]
            self._wrapped[width] = lines
        return lines

    def render_lines(self, crop: Region) -> list[Strip]:
        # Looked up once per paint, not per line: `rich_style` walks the DOM; `content_size` is computed.
        style = self.rich_style
        if style != self._painted_style:
            self._painted_style = style
            self._painted.clear()
        self._paint_size = self.content_size
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        style = self._painted_style
        width, height = self._paint_size
        lines = self._screen_lines(width)
        if not 0 <= y < len(lines):
            return Strip.blank(width, style)
        key = (y, width)
        painted = self._painted.get(key)
        if painted is None:
            line = lines[y].copy()
            if self._wrap and y == height - 1 and y < len(lines) - 1:
                line.rstrip()
                line.append(" …")  # more text than fits
            line.truncate(width, overflow="ellipsis")
            painted = under(line.render(self.app.console), line.cell_len, style, width)
            self._painted[key] = painted
        return painted


def _without_controls(line: Text) -> Text:
    """`line` with its control characters removed, its styles kept (each styled piece cleaned apart)."""
    safe = Text(style=line.style, end="")
    for piece in line.divide(sorted({offset for span in line.spans for offset in (span.start, span.end)})):
        kept = Text(clean(piece.plain, single_line=False))
        for span in piece.spans:
            kept.stylize(span.style)  # a piece lies inside or outside each span: whole-piece styles
        safe.append_text(kept)
    return safe
