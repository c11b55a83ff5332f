"""Every key the reader binds is documented: in README's key table, in the help (`?`, with its id), and
with a description and a tooltip."""

from __future__ import annotations

import re
from pathlib import Path

from warreader.tui.bindings import all_bindings

README = Path(__file__).resolve().parents[2] / "README.md"
#: Textual's key names as README writes them.
NAMES = {
    "down": "↓",
    "up": "↑",
    "right": "→",
    "left": "←",
    "asterisk": "*",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "left_curly_bracket": "{",
    "right_curly_bracket": "}",
    "slash": "/",
    "question_mark": "?",
    "escape": "Escape",
    "enter": "Enter",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "home": "Home",
    "end": "End",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "space": "Space",
    "delete": "Delete",
    "backspace": "Backspace",
    "f1": "F1",
}


def readme_keys() -> set[str]:
    """Every `key` written in the Reading section's table of README.md."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Reading") : text.index("## Bringing bulletins in")]
    table = "\n".join(line for line in section.splitlines() if line.startswith("| `"))
    keys = set(re.findall(r"`([^`]+)`", table))
    for key in list(keys):
        if re.fullmatch(r"\d–\d", key):  # `1`–`9` is written as one span
            keys.update(str(n) for n in range(int(key[0]), int(key[-1]) + 1))
    if "1" in keys and "9" in keys:
        keys.update(str(n) for n in range(1, 10))
    return keys


def test_readme_lists_every_key():
    documented = readme_keys()
    missing = []
    for binding in all_bindings():
        for key in binding.key.split(","):
            shown = NAMES.get(key.strip(), key.strip())
            if shown not in documented:
                missing.append(f"{shown} ({binding.id})")
    assert missing == []


def test_every_binding_has_an_id_description_and_tooltip():
    bindings = all_bindings()
    ids = [b.id for b in bindings]
    assert all(ids) and len(ids) == len(set(ids))
    assert all(b.description and b.tooltip for b in bindings)
