"""`FiguresView` (`P`, or *Figures…* in the palette): one kind of figure totalled per week or month, for
all places or one oblast, as bars; the events behind the selected bar listed under the plot, each with its
amount. `←`/`→` move between bars, `c`/`C` change the kind, `w` switches week and month, `r` picks the
oblast; Enter opens an event in its day, Escape goes back to the day.

Totals come from the facts index (`FactsIndex.totals`: cumulative figures such as "since 2022" left out,
`~` where a total holds approximate figures) and are summed in a worker. Money is not offered: its totals
would add dollars, euros and hryvnias together.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message

from warreader.facts.model import KINDS, Place
from warreader.facts.queries import FactsIndex, Period
from warreader.store import EventRef, Library
from warreader.tui.annotator import Annotator
from warreader.tui.bindings import FIGURES_BINDINGS
from warreader.tui.facts import kind_label, place_label
from warreader.tui.text import format_date, literal
from warreader.tui.views.base import CenterView, OpenEvent, SelectionShown
from warreader.tui.widgets.amount_list import AmountList
from warreader.tui.widgets.bar_plot import BarPlot
from warreader.tui.widgets.cursor_list import CursorList
from warreader.tui.widgets.text_lines import TextLines

#: The kinds plotted, in the order `c` steps through them.
PLOTTED_KINDS: tuple[str, ...] = tuple(kind for kind in KINDS if kind != "money")


@dataclass
class FiguresDone(Message):
    """The totals of one kind, per period, for one choice of places."""

    key: tuple
    periods: list[Period]
    oblasts: list[tuple[Place, int]] = field(default_factory=list)


class FiguresView(CenterView):
    """A plot of weekly or monthly totals and the events behind one bar; see the module docstring."""

    NAME = "figures"

    BINDINGS: ClassVar[list[BindingType]] = list(FIGURES_BINDINGS)
    """←/→ (h/l) move between bars, c/C change the kind, w week/month, r the oblast."""

    def __init__(self, library: Library, annotator: Annotator, *, id: str | None = None) -> None:
        super().__init__(library, annotator, id=id)
        #: What is plotted: the kind, "week" or "month", and the oblast (None: every place).
        self.kind = PLOTTED_KINDS[0]
        self.by = "week"
        self.oblast: Place | None = None
        #: The periods plotted, oldest first, and the selected one's index.
        self.periods: list[Period] = []
        self.current_bar: int | None = None
        self.index: FactsIndex | None = None
        #: The oblasts named in the library, most named first, with their number of events.
        self.oblasts: list[tuple[Place, int]] = []
        self._wanted: dt.date | None = None
        self._list: AmountList | None = None

    def compose(self) -> ComposeResult:
        yield TextLines(id="figures-header", classes="pane-title")
        yield BarPlot(id="figures-plot")
        yield TextLines(id="figures-bar", classes="pane-title")
        yield AmountList(self.annotator.annotation, id="figures-events")

    def on_mount(self) -> None:
        self.border_title = "Figures"

    @property
    def event_list(self) -> AmountList:
        if self._list is None:
            self._list = self.query_one("#figures-events", AmountList)
        return self._list

    @property
    def plot(self) -> BarPlot:
        return self.query_one("#figures-plot", BarPlot)

    # -- what is plotted ------------------------------------------------------------------------------
    def start(self, index: FactsIndex | None, status: str) -> None:
        """Show the plot of `index`'s facts (None: not read yet; `status` says how far reading is)."""
        if index is None:
            self._header(Text(f"  {status}", style="dim"))
            self.plot.show([], [], None, status)
        elif index is not self.index:
            self.facts_loaded(index)

    def facts_loaded(self, index: FactsIndex) -> None:
        self.index = index
        self.oblasts = []
        self._compute()

    def _key(self) -> tuple:
        return (id(self.index), self.kind, self.by, self.oblast)

    def _compute(self) -> None:
        if self.index is None:
            return
        if self.current_bar is not None and self.periods:
            self._wanted = self.periods[self.current_bar].start  # the same time, in the new totals
        self._header(Text("  adding up…", style="dim"))
        self._worker(self.index, self._key(), not self.oblasts)

    @work(thread=True, exclusive=True, group="figures", description="Adding up figures per period")
    def _worker(self, index: FactsIndex, key: tuple, with_oblasts: bool) -> None:
        _index_id, kind, by, oblast = key
        periods = index.totals(kind, by, place=oblast)
        self.post_message(FiguresDone(key, periods, oblast_counts(index) if with_oblasts else []))

    @on(FiguresDone)
    def _done(self, message: FiguresDone) -> None:
        if message.oblasts:
            self.oblasts = message.oblasts
        if message.key != self._key():
            return  # the user changed the kind, period or oblast meanwhile
        self.periods = message.periods
        self.current_bar = self._select(self._wanted)
        self._wanted = None
        self._header(Text())
        labels = [p.label for p in self.periods]
        none = f"No dated event has a figure of {kind_label(self.kind)}."
        self.plot.show(labels, [p.total for p in self.periods], self.current_bar, none)
        self.show_bar()

    def _select(self, wanted: dt.date | None) -> int | None:
        """The period holding `wanted`, else the newest with events, else the newest."""
        periods = self.periods
        if not periods:
            return None
        if wanted is not None:
            for n, period in enumerate(periods):
                if period.start <= wanted <= period.end or (n == 0 and wanted < period.start):
                    return n
        return next((n for n in range(len(periods) - 1, -1, -1) if periods[n].events), len(periods) - 1)

    def _header(self, after: Text) -> None:
        header = Text(no_wrap=True, overflow="ellipsis")
        header.append(kind_label(self.kind).capitalize(), style="bold cyan")
        header.append(f" per {self.by} · ", style="bold")
        header.append_text(literal(place_label(self.oblast) if self.oblast else "all places", style="bold"))
        header.append_text(after)
        header.append("   ←/→ bar · c kind · w week/month · r oblast", style="dim")
        self.query_one("#figures-header", TextLines).update(header, layout=False)

    # -- the selected bar -----------------------------------------------------------------------------
    def show_bar(self) -> None:
        """The selected period's total and its events, each with its amount, newest first."""
        line = Text(no_wrap=True, overflow="ellipsis")
        refs: list[EventRef] = []
        amounts: dict[str, str] = {}
        if self.current_bar is not None:
            period = self.periods[self.current_bar]
            line.append(period.label, style="bold")
            line.append(
                f"  {format_date(period.start, short=True)} – {format_date(period.end)}  ", style="dim"
            )
            total = f"{'~' if period.approx else ''}{period.total:,}"
            line.append(f"{total} {kind_label(self.kind)}", style="bold cyan")
            count = len(period.events)
            line.append(f" in {count:,} event{'s' if count != 1 else ''}", style="dim")
            refs, amounts = self._events(period)
        self.query_one("#figures-bar", TextLines).update(line, layout=False)
        self.event_list.show_amounts(refs, amounts)
        self.post_message(SelectionShown())

    def _events(self, period: Period) -> tuple[list[EventRef], dict[str, str]]:
        refs, amounts = [], {}
        for event_id in period.events:
            ref = self.library.locate(event_id)
            facts = self.index.facts(event_id) if self.index is not None else None
            if ref is None or facts is None:
                continue  # (gone since the facts were read: the next reading drops it)
            figures = [f for f in facts.of_kind(self.kind) if not f.cumulative]
            approx = any(f.approx for f in figures)
            refs.append(ref)
            amounts[event_id] = f"{'~' if approx else ''}{sum(f.value for f in figures):,}"
        return refs, amounts

    @on(CursorList.Selected, "#figures-events")
    def _selected(self, message: CursorList.Selected) -> None:
        message.stop()
        ref = self.event_list.current
        if ref is not None:
            self.post_message(OpenEvent(ref.day, ref.id))

    # -- keys -----------------------------------------------------------------------------------------
    def action_bar(self, step: int) -> None:
        """The bar `step` bars newer (+1) or older (-1); a bell at either end."""
        if self.current_bar is None or not 0 <= self.current_bar + step < len(self.periods):
            self.app.bell()
            return
        self.current_bar += step
        self.plot.show([p.label for p in self.periods], [p.total for p in self.periods], self.current_bar)
        self.show_bar()

    def action_kind(self, step: int) -> None:
        """Plot the next (+1) or previous (-1) kind of figure."""
        position = PLOTTED_KINDS.index(self.kind)
        self.kind = PLOTTED_KINDS[(position + step) % len(PLOTTED_KINDS)]
        self._compute()

    def action_toggle_period(self) -> None:
        """Totals per week, or per month."""
        self.by = "month" if self.by == "week" else "week"
        self._compute()

    def action_choose_oblast(self) -> None:
        """Ask for the oblast (or every place) to total."""
        from warreader.tui.screens.dialogs import ChoiceDialog

        choices: list[tuple[str, Text | str]] = [("all", "All places")]
        for number, (place, events) in enumerate(self.oblasts):
            label = literal(place_label(place))
            label.append(f"  {events:,} event{'s' if events != 1 else ''}", style="dim")
            choices.append((str(number), label))
        current = "all"
        if self.oblast is not None:
            current = next((str(n) for n, (p, _) in enumerate(self.oblasts) if p == self.oblast), "all")
        dialog = ChoiceDialog("Figures for which places?", choices, current=current, id="oblast-dialog")
        self.app.push_screen(dialog, self._oblast_chosen)

    def _oblast_chosen(self, answer: str | None) -> None:
        if answer is None:
            return
        self.oblast = None if answer == "all" else self.oblasts[int(answer)][0]
        self._compute()


def oblast_counts(index: FactsIndex) -> list[tuple[Place, int]]:
    """Every oblast (or Russian region) the library names a place in, as a region `Place`, with how many
    events name it or a place in it, most named first."""
    table = index.place_table
    counts: Counter[tuple[str, str]] = Counter()
    for record in index.records:
        counts.update(
            {(table[p[0]].admin1, table[p[0]].country) for p in record.places if table[p[0]].admin1}
        )
    regions = {(p.admin1, p.country): p for p in table if p.level == "region"}
    found = []
    for (admin1, country), events in counts.items():
        region = regions.get((admin1, country)) or Place(admin1, admin1, country, 0.0, 0.0, "region")
        found.append((region, events))
    return sorted(found, key=lambda pair: (-pair[1], pair[0].name))
