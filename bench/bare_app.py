"""A bare Textual app that exits on its first screen: the benchmark's yardstick for start-up.

It is started exactly as warreader is (same interpreter, same pty, same size) and exits the way
`WARREADER_EXIT_WHEN_READY=1` makes warreader exit: `call_after_refresh(exit)` once its screen is mounted,
i.e. right after the first frame is painted. warreader's time over this one is what warreader adds.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Label


class BareApp(App[None]):
    """One label, nothing else."""

    def compose(self) -> ComposeResult:
        yield Label("bare Textual app")

    def on_mount(self) -> None:
        self.call_after_refresh(self.exit)


if __name__ == "__main__":
    BareApp().run()
