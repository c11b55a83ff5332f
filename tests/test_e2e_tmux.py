"""End to end: the installed `warreader` in a real terminal (tmux), driven by keys, checked on disk.

CI installs tmux (.ci/run), so this only skips where tmux is genuinely missing on a developer's machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from warreader.store import Library

pytestmark = pytest.mark.e2e

TMUX = shutil.which("tmux")
WARREADER = Path(sys.executable).parent / "warreader"
TIMEOUT = 30.0


class Terminal:
    """One tmux session on a private server socket (so it never touches the user's tmux)."""

    def __init__(self, socket: str, session: str) -> None:
        self.socket = socket
        self.session = session

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        # -f /dev/null: none of the developer's tmux.conf (key tables, sizes) applies.
        command = [TMUX, "-L", self.socket, "-f", os.devnull, *args]
        return subprocess.run(command, capture_output=True, text=True, check=check)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session, check=False).stdout

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def alive(self) -> bool:
        return self.tmux("has-session", "-t", self.session, check=False).returncode == 0

    def wait_for(self, what: Callable[[str], bool] | str, timeout: float = TIMEOUT) -> str:
        """Poll the screen until `what` holds (a substring or a predicate); fail with the last screen."""
        check = (lambda s: what in s) if isinstance(what, str) else what
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what!r}; the screen was:\n{screen}")


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    from tests.tui.conftest import fixture_bulletins

    path = tmp_path / "library"
    library = Library.open(path, seed_samples=False)
    library.import_bulletins(fixture_bulletins())
    library.close()
    return path


# On a developer's machine without tmux the test is skipped; in CI (which installs tmux) it must run.
@pytest.mark.skipif(TMUX is None and not os.environ.get("CI"), reason="tmux is not installed")
def test_installed_reader_in_tmux(library_path: Path, tmp_path: Path):
    """Annotates and saves, takes keys in one burst, and follows a note written from another shell."""
    assert TMUX, "tmux is missing: .ci/run installs it so that this test runs in CI"
    assert WARREADER.exists(), f"the warreader console script is not installed next to {sys.executable}"
    with Library.open(library_path, seed_samples=False) as library:
        events = [e.id for _, e in library.bulletin(987).iter_events()]
    target, burst_target = events[1], events[2]
    before_burst = target

    term = Terminal(f"warreader-e2e-{os.getpid()}", "reader")
    command = " ".join(
        [
            "env",
            # pytest may export COLUMNS/LINES; they would override the real 120x40 terminal size.
            "-u",
            "COLUMNS",
            "-u",
            "LINES",
            f"WARREADER_DB={library_path}",
            f"WARREADER_CONFIG={tmp_path / 'settings.json'}",
            "TERM=xterm-256color",
            "COLORTERM=truecolor",
            str(WARREADER),
        ]
    )
    try:
        term.tmux("new-session", "-d", "-s", term.session, "-x", "120", "-y", "40", command)
        # A lone Escape must reach the app quickly, not after tmux's default half-second wait.
        term.tmux("set-option", "-s", "escape-time", "10", check=False)
        screen = term.wait_for(lambda s: "Day 987" in s and max(map(len, s.splitlines()), default=0) >= 110)
        assert "All days" in screen and "986" in screen and "985" in screen

        term.keys("j")
        term.wait_for(lambda s: f"Id {target}" in s)
        term.keys("f")
        term.wait_for("☑ important")

        term.keys("t")
        term.wait_for("Add a tag")
        term.type("frontline")
        term.keys("Enter")
        term.wait_for(lambda s: "#frontline" in s and "Add a tag" not in s)

        term.keys("a")
        term.wait_for("✎ TYPING")  # the note editor says it takes typing
        term.type("seen from tmux [bold]x[/]")
        term.wait_for("seen from tmux [bold]x[/]")
        term.keys("Escape")
        term.wait_for("✎ seen from")  # the event line shows the note (it may wrap after "from")

        # Keys in one burst (a paste, a slow link) act on the event the panel shows: the next one.
        term.keys("j", "f", "a", "x", "Escape")
        term.wait_for(lambda s: f"Id {burst_target}" in s and "✎ x" in s and "TYPING" not in s)

        # A note written from another shell shows in the editor within 2 s.
        annotate = [str(WARREADER), "--db", str(library_path), "annotate", burst_target]
        subprocess.run([*annotate, "--note", "CLI note", "--tag", "t"], check=True, timeout=TIMEOUT)
        term.wait_for(lambda s: "CLI note" in s and "#t" in s, timeout=2.0)
        term.keys("a")
        term.wait_for("✎ TYPING")
        term.type(" more")
        term.keys("Escape")
        term.wait_for("✎ CLI note more")

        term.keys("q")
        deadline = time.monotonic() + TIMEOUT
        while term.alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not term.alive(), f"warreader did not quit; the screen was:\n{term.screen()}"
    finally:
        term.tmux("kill-server", check=False)

    with Library.open(library_path, seed_samples=False) as library:
        burst = library.annotation(burst_target)
        assert library.annotation(before_burst).note == "seen from tmux [bold]x[/]"
    assert burst is not None
    assert burst.flags == ["important"]
    assert burst.tags == ["t"]
    assert burst.note == "CLI note more"

    with Library.open(library_path, seed_samples=False) as library:
        annotation = library.annotation(target)
    assert annotation is not None
    assert annotation.flags == ["important"]
    assert annotation.tags == ["frontline"]
    assert annotation.note == "seen from tmux [bold]x[/]"
