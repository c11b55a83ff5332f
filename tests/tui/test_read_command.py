"""`warreader` / `warreader read`: a library that cannot be opened is one clear line, not a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

WARREADER = Path(sys.executable).parent / "warreader"


def test_unopenable_library_is_a_clear_message_and_nonzero_exit(tmp_path):
    not_a_folder = tmp_path / "library"
    not_a_folder.write_text("this is a file, not a library folder")
    result = subprocess.run(
        [str(WARREADER), "--db", str(not_a_folder)],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode != 0
    assert result.stderr.startswith("warreader: ")
    assert "Traceback" not in result.stderr
    assert str(not_a_folder) in result.stderr


def test_read_command_does_not_import_textual_before_running():
    code = "import sys, warreader.commands.read; assert 'textual' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
