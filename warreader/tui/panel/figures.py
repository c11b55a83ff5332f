"""The panel's figures section: the selected event's figures (kind, amount, approximate / range /
cumulative marks, the words they came from), the places it names (name, oblast, country) and its people.

The facts come with the `PanelSubject` (the screen looks them up in the index the app reads in a worker);
until the index is read the section says what is going on ("reading figures…"). Its height is fixed
(app.tcss: 4 lines in a short terminal, where the panel is a strip under the events): the tags and flags
below stay where they are as j/k moves between events, and no move relayouts the screen (a relayout per
key took a day switch over a frame). Long lines wrap; a last line with more below ends with "…".
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult

from warreader.tui.facts import facts_lines
from warreader.tui.panel.sections import PanelSection, PanelSubject
from warreader.tui.text import literal
from warreader.tui.widgets.text_lines import TextLines


class FiguresSection(PanelSection):
    """Figures, places and people of the selected event; `p` follows a place or person across days."""

    #: What the body shows now (whether an event, its facts, the status): the same again redraws nothing.
    _shown: object = None

    def compose(self) -> ComposeResult:
        yield self.label("Figures · places", "p follows one")
        self.body = TextLines(id="panel-figures", wrap=True)
        yield self.body

    def show(self, subject: PanelSubject) -> None:
        key = (subject.ref is None, subject.facts, subject.facts_status)
        if key == self._shown:
            return  # (moving between events without facts, or a panel refresh, redraws nothing)
        self._shown = key
        # Fixed height (see app.tcss): updating it must not relayout the screen on every j/k.
        self.body.update(figures_text(subject), layout=False)


def figures_text(subject: PanelSubject) -> Text:
    """The section's lines for `subject`."""
    if subject.ref is None:
        return Text()
    if subject.facts is None:
        return literal(subject.facts_status or "not read yet", style="dim italic")
    return Text("\n").join(facts_lines(subject.facts))
