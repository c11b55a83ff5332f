"""Pure functions over stored annotation documents: edit, merge, convert. No I/O, no locking.

A stored annotation document (TinyDB table "annotations") looks like:
`{"id": "a1b2c3d4e5", "event_id": "981-3fa9c01b2e", "day": 981, "theme": "fighting", "heading": "Fighting",
"quote": "<the event text>", "tags": [...], "flags": [...], "note": "", "created_at": "…Z",
"updated_at": "…Z"}`.
"""

from __future__ import annotations

from collections.abc import Iterable

from warreader.errors import InputError
from warreader.store.records import (
    Annotation,
    DayNote,
    MovedFrom,
    label_key,
    normalise_label,
    normalise_tag,
    now_iso,
)


def new_annotation_id() -> str:
    """A short random id, stable for the annotation's life (what `warreader reattach` names)."""
    import secrets

    return "a" + secrets.token_hex(5)


def clean_labels(labels: Iterable[str], kind: str) -> list[str]:
    """Normalised labels; an empty one is a user error, not something to store silently."""
    cleaned = []
    for label in labels:
        value = normalise_tag(str(label)) if kind == "tag" else normalise_label(str(label))
        if not value:
            raise InputError(f"A {kind} cannot be empty.")
        cleaned.append(value)
    return cleaned


def add_labels(current: list[str], new: Iterable[str]) -> list[str]:
    """`current` plus the new labels not already present (compared case-insensitively, first case wins)."""
    result = list(current)
    keys = {label_key(x) for x in result}
    for label in new:
        key = label_key(label)
        if key not in keys:
            keys.add(key)
            result.append(label)
    return result


def remove_labels(current: list[str], gone: Iterable[str]) -> list[str]:
    keys = {label_key(x) for x in gone}
    return [x for x in current if label_key(x) not in keys]


def apply_edit(
    doc: dict,
    *,
    add_tags: Iterable[str] = (),
    remove_tags: Iterable[str] = (),
    note: str | None = None,
    add_flags: Iterable[str] = (),
    remove_flags: Iterable[str] = (),
    note_base: str | None = None,
    append_note: str | None = None,
    origin: str = "edited",
) -> bool:
    """Apply one edit to `doc` in place; True when anything changed (then `updated_at` is bumped).

    Removals are applied before additions so `--untag x --tag X` re-cases a tag. `note_base`: the note as
    the caller read it before editing (see `resolve_note`: a note changed meanwhile is kept, not lost).
    """
    before = (doc.get("tags", []), doc.get("flags", []), doc.get("note", ""))
    tags = add_labels(
        remove_labels(doc.get("tags", []), clean_labels(remove_tags, "tag")), clean_labels(add_tags, "tag")
    )
    flags = add_labels(
        remove_labels(doc.get("flags", []), clean_labels(remove_flags, "flag")),
        clean_labels(add_flags, "flag"),
    )
    stored = doc.get("note", "")
    text = stored if note is None else resolve_note(stored, note, note_base, marker_origin(origin))
    if append_note is not None and append_note.strip():
        addition = clean_note(append_note).strip()
        text = f"{text.rstrip()}\n\n{addition}" if text.strip() else addition
    if (tags, flags, text) == before:
        return False
    doc["tags"], doc["flags"], doc["note"] = tags, flags, text
    doc["updated_at"] = now_iso()
    return True


def marker_origin(origin: str) -> str:
    """How the marker above a kept concurrent edit names who typed it."""
    return {"reader": "typed in the reader", "command": "written from the command line"}.get(origin, origin)


def clean_note(text: str) -> str:
    """A note as stored: `\n` line ends."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def concurrent_marker(origin: str) -> str:
    """The line above the text of an edit that met a newer change made elsewhere (see `keep_both`)."""
    return f"--- {origin}, {now_iso()}: the note was changed elsewhere meanwhile; both are kept ---"


def keep_both(stored: str, mine: str, origin: str) -> str:
    """The note when an edit based on an older version meets `stored`, changed elsewhere since: both texts,
    the stored one first, the edit below a marker line (the side-by-side form `import-notes` uses). When
    one text already holds the other, the longer one alone loses nothing."""
    theirs, own = stored.strip(), mine.strip()
    if not own or own in theirs:
        return stored
    if not theirs or theirs in own:
        return mine
    return f"{stored.rstrip()}\n\n{concurrent_marker(origin)}\n{own}"


def resolve_note(stored: str, note: str, base: str | None, origin: str) -> str:
    """The note to store when a caller that read `base` writes `note` over what is `stored` now.

    `base=None`: a plain replacement (the caller did not read the note first, e.g. `annotate --note`).
    Otherwise, when `stored` is no longer `base` another process changed it since the caller read it, and
    neither version may be lost."""
    note = clean_note(note)
    if base is None or clean_note(base) == stored or stored == note:
        return note
    return keep_both(stored, note, origin)


def is_empty(doc: dict) -> bool:
    """An annotation with no tag, flag or note left is deleted rather than stored."""
    return not (doc.get("tags") or doc.get("flags") or doc.get("note", "").strip())


def merge_into(target: dict, source: dict) -> None:
    """Fold `source`'s tags, flags and note into `target` (re-attaching onto an annotated event):
    nothing is lost — notes are joined with a blank line when they differ."""
    target["tags"] = add_labels(target.get("tags", []), source.get("tags", []))
    target["flags"] = add_labels(target.get("flags", []), source.get("flags", []))
    mine, theirs = target.get("note", "").strip(), source.get("note", "").strip()
    if theirs and theirs != mine and theirs not in mine:
        target["note"] = f"{mine}\n\n{theirs}" if mine else source["note"]
    target["created_at"] = min(target.get("created_at") or "~", source.get("created_at") or "~")
    if target["created_at"] == "~":
        target["created_at"] = now_iso()
    target["updated_at"] = now_iso()


def new_doc(event_id: str, day: int | None, theme: str | None, heading: str | None, quote: str) -> dict:
    stamp = now_iso()
    return {
        "id": new_annotation_id(),
        "event_id": event_id,
        "day": day,
        "theme": theme,
        "heading": heading,
        "quote": quote,
        "tags": [],
        "flags": [],
        "note": "",
        "created_at": stamp,
        "updated_at": stamp,
    }


def to_annotation(doc: dict, *, orphan: bool) -> Annotation:
    """The public value object for a stored document (copies lists: callers may not mutate the store)."""
    return Annotation(
        id=str(doc.get("id", "")),
        event_id=str(doc.get("event_id", "")),
        day=doc.get("day"),
        theme=doc.get("theme"),
        heading=doc.get("heading"),
        quote=str(doc.get("quote", "")),
        tags=list(doc.get("tags", [])),
        flags=list(doc.get("flags", [])),
        note=str(doc.get("note", "")),
        created_at=str(doc.get("created_at", "")),
        updated_at=str(doc.get("updated_at", "")),
        orphan=orphan,
        moved=_moved_from(doc.get("moved")),
    )


def _moved_from(value: object) -> MovedFrom | None:
    if not isinstance(value, dict):
        return None
    return MovedFrom(
        event_id=str(value.get("event_id", "")),
        quote=str(value.get("quote", "")),
        heading=value.get("heading"),
        theme=value.get("theme"),
        at=str(value.get("at", "")),
        score=float(value.get("score", 0.0)),
    )


def to_day_note(day: int, doc: dict) -> DayNote:
    return DayNote(day=day, note=str(doc.get("note", "")), updated_at=str(doc.get("updated_at", "")))
