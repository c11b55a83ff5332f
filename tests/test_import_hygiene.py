"""The headless core must be usable without Textual, and the reader's reliance on framework internals stays
fenced in one package.

Each core module is imported in a fresh interpreter and `textual` must not be loaded as a side effect
(import-linter checks the static graph too: pyproject.toml). Every folder of code is a package, so no
module escapes these checks.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import warreader

PACKAGE = Path(warreader.__file__).parent
CORE_MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(warreader.__path__, "warreader.")
    if not m.name.startswith("warreader.tui") and m.name != "warreader.__main__"
)
#: The one package allowed to touch Textual's and Rich's internals (see its docstring).
PAINT = PACKAGE / "tui" / "paint"


def test_core_modules_exist():
    assert "warreader.model" in CORE_MODULES
    assert "warreader.cli" in CORE_MODULES
    assert "warreader.commands.annotate" in CORE_MODULES


def test_every_folder_of_code_is_a_package():
    """A folder without `__init__.py` is skipped by `pkgutil.walk_packages` (and so by the test below)."""
    folders = {path.parent for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts}
    missing = sorted(str(f.relative_to(PACKAGE)) for f in folders if not (f / "__init__.py").exists())
    assert missing == []


def test_core_never_imports_textual():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "    assert 'textual' not in sys.modules, name\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _private_uses(path: Path) -> list[str]:
    """Imports of Textual's or Rich's private modules, and (in the reader) private attributes of objects
    other than `self`/`cls`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] in ("textual", "rich") and any(p.startswith("_") for p in parts[1:]):
                found.append(f"{path.name}:{node.lineno} imports {name}")
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
            and path.relative_to(PACKAGE).parts[0] == "tui"
        ):
            found.append(f"{path.name}:{node.lineno} uses .{node.attr}")
    return found


def test_no_private_api_outside_the_paint_package():
    uses = [
        use
        for path in sorted(PACKAGE.rglob("*.py"))
        if PAINT not in path.parents
        for use in _private_uses(path)
    ]
    assert uses == []


def test_the_paint_package_lists_every_internal_it_relies_on():
    doc = (PAINT / "__init__.py").read_text(encoding="utf-8")
    for path in PAINT.glob("*.py"):
        for use in _private_uses(path):
            name = use.split(" ")[-1].lstrip(".")
            assert name in doc, f"{use}: not listed in warreader/tui/paint/__init__.py"
