"""`AmountList`: search-result rows (`ResultList`) with an amount before each: the events behind a bar of
the figures view, each with how much of the plotted figure it reports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.style import Style

from warreader.store import EventRef
from warreader.tui.widgets.result_list import Piece, ResultList

#: The amount's column: `~1,500` and a space.
AMOUNT_WIDTH = 9
_AMOUNT = Style(bold=True, color="cyan")


class AmountList(ResultList):
    """Events, newest first, each row led by an amount (`12`, `~30`)."""

    _amounts: Mapping[str, str] = {}

    def show_amounts(self, refs: Sequence[EventRef], amounts: Mapping[str, str]) -> None:
        """List `refs` (cursor on the first, no `Highlighted` message), each led by `amounts[ref.id]`."""
        self._amounts = amounts
        self.show_results(refs, "", announce=False)

    def row_pieces(self, ref: EventRef, width: int) -> list[Piece]:
        amount = self._amounts.get(ref.id, "")
        return [(f"{amount:>{AMOUNT_WIDTH - 1}} ", _AMOUNT), *super().row_pieces(ref, width - AMOUNT_WIDTH)]
