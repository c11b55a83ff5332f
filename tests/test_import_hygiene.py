"""The headless core must be usable without Textual: each core module is imported in a fresh interpreter
and `textual` must not be loaded as a side effect."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import warreader

CORE_MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(warreader.__path__, "warreader.")
    if not m.name.startswith("warreader.tui") and m.name != "warreader.__main__"
)


def test_core_modules_exist():
    assert "warreader.model" in CORE_MODULES
    assert "warreader.cli" in CORE_MODULES


def test_core_never_imports_textual():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "    assert 'textual' not in sys.modules, name\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
