"""Printing bulletin and user text on a terminal: never as Rich markup, never as control sequences.

Every command prints through these: `safe` / `one_line` for plain text, `dump_json` for `--json`.
The characters guarded against are defined once, in `warreader.controls`.
"""

from __future__ import annotations

from warreader.controls import escape_json_controls, replace_controls


def safe(text: object) -> str:
    """Text made harmless for a terminal: control characters (C0 but tab and newline, C1, bidi
    embeddings, overrides and isolates) become `�`, so the reader sees that something was there."""
    return replace_controls(str(text))


def one_line(text: object) -> str:
    """`safe` text on a single line (for lists and summaries)."""
    return " ".join(safe(text).split())


def dump_json(value: object) -> str:
    """JSON for stdout. json escapes C0 controls itself; C1 controls and bidi formatting characters are
    escaped here too, so piping `--json` to a terminal is as safe as the text output (and the data
    still round-trips exactly)."""
    import json  # only --json output needs it: a short command should not pay for it otherwise

    return escape_json_controls(json.dumps(value, ensure_ascii=False, indent=2))
