"""How imported tags, flags and notes fold into what a library already holds: pure functions, no I/O.

- Tags and flags are united; labels compare as the store compares them (trimmed, case-insensitive), the
  library's spelling wins, new ones keep the export's order.
- A note that differs is kept in full under a marker line naming the file and the export's date, below
  the existing note; when the imported text is already present in the note it is not added again. That
  containment test is what makes importing the same file twice a no-op.
"""

from __future__ import annotations

from collections.abc import Iterable

from warreader.store.records import label_key, normalise_label


def new_labels(current: Iterable[str], incoming: Iterable[str]) -> list[str]:
    """The incoming labels the current ones lack (normalised, case-insensitively, first spelling kept)."""
    keys = {label_key(label) for label in current}
    added: list[str] = []
    for label in incoming:
        label = normalise_label(label)
        key = label.casefold()
        if label and key not in keys:
            keys.add(key)
            added.append(label)
    return added


def import_marker(file_name: str, exported_on: str) -> str:
    """The line above an imported note that differs from the one already there."""
    return f"--- imported from {file_name} (exported {exported_on}) ---"


def _clean(note: str | None) -> str:
    """A note as the store keeps it (`\\n` line ends) without surrounding blank space."""
    return (note or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def merged_note(existing: str | None, incoming: str | None, marker: str) -> str | None:
    """The note after merging `incoming`, or None when the existing note stays as it is."""
    theirs = _clean(incoming)
    if not theirs:
        return None
    mine = _clean(existing)
    if not mine:
        return theirs
    if theirs in mine:
        return None
    return f"{(existing or '').rstrip()}\n\n{marker}\n{theirs}"
