"""The history of changes to annotations and day notes, and undoing them: pure functions, no I/O.

Every change — one `annotate`, a bulk tag on forty events, a tag rename, an `import-notes`, notes moved
by an import, an undo — is one record in the table `history` of annotations.json, written in the same
durable write as the change itself (so a change is never on disk without its record, nor the reverse):

```
{"id": "c1a2b3c4d5", "at": "2024-11-02T09:15:04Z", "origin": "reader" | "command" | "import",
 "label": "tag +drones", "undoes": null | "<change id>", "undone_by": null | "<change id>",
 "items": [{"kind": "annotation", "id": "<annotation id>", "event_id": "981-…",
            "before": {field: value…} | null, "after": {field: value…} | null},
           {"kind": "day_note", "day": 981, "before": {"note": …} | null, "after": {"note": …} | null}]}
```

An item keeps only the fields that changed (a note edit keeps the two notes, not the quote), except when
the annotation or day note is created or deleted: then the side that exists holds the whole document, so
undoing a deletion can restore it. `updated_at` is never compared.

Undo is field by field: an item can be undone when each field it changed still holds the value the change
gave it; a newer change to other fields (a tag added after the note was edited) does not stand in the
way, and is kept. Otherwise the undo is refused, naming the newer change, and nothing is written.

The history keeps the newest `KEEP_CHANGES` changes holding at most `KEEP_ITEMS` items in all (the newest
change is always kept, however large): undo reaches that far back.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from warreader.store.records import now_iso

KEEP_CHANGES = 1_000
KEEP_ITEMS = 5_000
ORIGINS = ("reader", "command", "import")

#: Bookkeeping fields an undo neither compares nor restores.
_IGNORED = frozenset({"updated_at"})


@dataclass(frozen=True, slots=True)
class ChangeItem:
    """One annotation or day note as a change left it."""

    kind: str  # "annotation" or "day_note"
    target: str  # the event id, or the day number as text
    annotation_id: str | None
    before: dict | None
    after: dict | None


@dataclass(frozen=True, slots=True)
class Change:
    """One recorded change (what `warreader history` lists)."""

    id: str
    at: str
    origin: str
    label: str
    items: tuple[ChangeItem, ...]
    undoes: str | None
    undone_by: str | None


class UndoRefused(Exception):
    """An undo would overwrite a newer change; `str()` says which."""


def new_change_id() -> str:
    return "c" + secrets.token_hex(5)


def diff(before: dict | None, after: dict | None) -> tuple[dict | None, dict | None] | None:
    """The (before, after) an item keeps, or None when nothing a user made changed."""
    if before is None and after is None:
        return None
    if before is None or after is None:
        return (None if before is None else dict(before)), (None if after is None else dict(after))
    fields = {k for k in before.keys() | after.keys() if k not in _IGNORED and before.get(k) != after.get(k)}
    if not fields:
        return None
    return {k: before.get(k) for k in sorted(fields)}, {k: after.get(k) for k in sorted(fields)}


def annotation_item(before: dict | None, after: dict | None) -> dict | None:
    changed = diff(before, after)
    if changed is None:
        return None
    doc = after or before
    assert doc is not None
    return {
        "kind": "annotation",
        "id": doc.get("id"),
        "event_id": doc.get("event_id"),
        "before": changed[0],
        "after": changed[1],
    }


def day_note_item(day: int, before: dict | None, after: dict | None) -> dict | None:
    changed = diff(before, after)
    if changed is None:
        return None
    return {"kind": "day_note", "day": day, "before": changed[0], "after": changed[1]}


def record(origin: str, label: str, items: list[dict], undoes: str | None = None) -> dict:
    return {
        "id": new_change_id(),
        "at": now_iso(),
        "origin": origin,
        "label": label,
        "undoes": undoes,
        "undone_by": None,
        "items": items,
    }


def holds(current: dict | None, side: dict | None, *, whole: bool) -> bool:
    """True when `current` is what `side` of an item says (all of it for a whole document)."""
    if side is None:
        return current is None
    if current is None:
        return False
    if whole:
        keys = (side.keys() | current.keys()) - _IGNORED
    else:
        keys = side.keys() - _IGNORED
    return all(current.get(k) == side.get(k) for k in keys)


def reverted(current: dict | None, item: dict) -> dict | None:
    """The document after undoing `item` on `current` (the caller checked `holds` first)."""
    before, after = item["before"], item["after"]
    if before is None:
        return None  # it was created: undoing deletes it
    if after is None:
        return dict(before)  # it was deleted: undoing restores it whole
    assert current is not None
    # A field the change added is given back as None (absent and None read alike everywhere).
    restored = {**current, **before, "updated_at": now_iso()}
    return restored


def is_whole(item: dict) -> bool:
    """True for an item that created or deleted its document (the existing side is the whole of it)."""
    return item["before"] is None or item["after"] is None


def prune(history: dict[str, dict]) -> dict[str, dict]:
    """The newest changes within `KEEP_CHANGES` and `KEEP_ITEMS` (the newest change always stays)."""
    keys = sorted(history, key=int, reverse=True)
    kept: list[str] = []
    items = 0
    for key in keys:
        size = len(history[key].get("items", []))
        if kept and (len(kept) >= KEEP_CHANGES or items + size > KEEP_ITEMS):
            break
        kept.append(key)
        items += size
    if len(kept) == len(keys):
        return history
    return {key: history[key] for key in sorted(kept, key=int)}


def to_change(doc: dict) -> Change:
    items = tuple(
        ChangeItem(
            kind=item["kind"],
            target=str(item["event_id"] if item["kind"] == "annotation" else item["day"]),
            annotation_id=item.get("id"),
            before=item.get("before"),
            after=item.get("after"),
        )
        for item in doc.get("items", [])
    )
    return Change(
        id=doc["id"],
        at=doc.get("at", ""),
        origin=doc.get("origin", ""),
        label=doc.get("label", ""),
        items=items,
        undoes=doc.get("undoes"),
        undone_by=doc.get("undone_by"),
    )
