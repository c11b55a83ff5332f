"""`BarPlot`: one bar per week or month (textual-plotext), the selected bar in the theme's accent colour.

As many bars as fit the width at three cells each are drawn, scrolled to keep the selected one in view (a
war's 200-odd weeks do not fit any terminal, and bars thinner than a cell merge into a block); the y axis
is scaled to the tallest bar of the whole series, so bars compare as the view scrolls. Labels are the
periods' own (`2024-W45`, `2024-11`), every few bars so that they never overlap.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from rich.text import Text
from textual.app import RenderResult
from textual.color import Color
from textual_plotext import PlotextPlot

from warreader.tui.text import clean, literal

#: Cells per bar: two filled, one gap.
BAR_CELLS = 3


class BarPlot(PlotextPlot):
    """Bars with labels under them, one selected; `show` replaces them."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._labels: list[str] = []
        self._values: list[int] = []
        self._selected: int | None = None
        self._first = 0
        self._message = ""

    def show(
        self, labels: Sequence[str], values: Sequence[int], selected: int | None, message: str = ""
    ) -> None:
        """Plot `values` (one bar each, labelled `labels`) with bar `selected` marked; with no values, show
        `message` instead."""
        self._labels = [clean(label) for label in labels]
        self._values = list(values)
        self._selected = selected
        self._message = message
        self.refresh()

    @property
    def shown(self) -> range:
        """The bars drawn at the current width (what a test reads)."""
        return self._window(self.size.width)

    def _window(self, width: int) -> range:
        count = len(self._values)
        fit = max(1, (width - self._axis_width()) // BAR_CELLS)
        if count <= fit:
            self._first = 0
            return range(count)
        selected = self._selected if self._selected is not None else count - 1
        first = min(self._first, count - fit)
        if selected < first:
            first = selected
        elif selected >= first + fit:
            first = selected - fit + 1
        self._first = first
        return range(first, first + fit)

    def _axis_width(self) -> int:
        """The cells left of the bars and right of them: the y labels and the frame."""
        return len(f"{self._top():,}") + 3

    def _top(self) -> int:
        """The top of the y axis: a round number at or above the tallest bar."""
        step = self._step()
        return step * max(1, math.ceil(max(self._values, default=0) / step))

    def _step(self) -> int:
        """The distance between y ticks: 1, 2 or 5 times a power of ten, about four ticks high."""
        raw = max(self._values, default=0) / 4 or 1
        power = 10 ** math.floor(math.log10(raw))
        return max(1, next(m * power for m in (1, 2, 5, 10) if m * power >= raw))

    def render(self) -> RenderResult:
        if not self._values:
            return literal(self._message, style="dim italic")
        width, height = self.size
        if width < 10 or height < 4:
            return Text("(too small to plot)", style="dim")
        window = self._window(width)
        plt = self.plt
        plt.clear_data()
        positions = list(range(1, len(window) + 1))
        values = [self._values[i] for i in window]
        primary, accent = (Color.parse(self.app.theme_variables[name]).rgb for name in ("primary", "accent"))
        plt.bar(positions, values, width=2 / BAR_CELLS, color=primary, reset_ticks=False)
        if self._selected in window:
            at = self._selected - window.start + 1
            if values[at - 1]:
                plt.bar([at], [values[at - 1]], width=2 / BAR_CELLS, color=accent, reset_ticks=False)
            else:
                plt.vertical_line(at, color=accent)  # an empty period, marked all the same
        cells = max(1.0, (width - self._axis_width()) / len(window))  # per bar, as drawn
        every = max(1, math.ceil((max(len(label) for label in self._labels) + 1) / cells))
        ticks = [p for p in positions if (window.start + p - 1) % every == 0]
        plt.xticks(ticks, [self._labels[window.start + p - 1] for p in ticks])
        top, step = self._top(), self._step()
        plt.yticks(list(range(0, top + 1, step)), [f"{v:,}" for v in range(0, top + 1, step)])
        plt.xlim(0.5, len(window) + 0.5)
        plt.ylim(0, top)
        return super().render()
