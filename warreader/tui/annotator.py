"""`Annotator`: every change the reader makes to tags, flags and notes, through `Library`.

The guarantees it keeps (docs/STORE.md): each change is one `Library` call, a read-modify-write on fresh
data under the library lock that returns once the change is on disk. A note edit passes the note as the
editor loaded it (`base`): when another process (the command line, a second reader, `import-notes`)
changed that note meanwhile, the store keeps both texts side by side instead of overwriting, and
`NoteSaved.kept_both` says so, so the reader can show the merged note and tell the user.

It knows nothing of widgets: the screen asks it for a change and redraws what the returned `Change` or
`NoteSaved` touches. Errors (a locked or damaged library, a full disk) are reported through `report` and
the call returns None: a keypress never raises.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from warreader.errors import WarreaderError
from warreader.settings import MAX_PINNED, Settings
from warreader.store import DEFAULT_FLAGS, Annotation, Library
from warreader.store.annotating import UndoError
from warreader.store.history import Change as Recorded
from warreader.store.records import TagStat, label_key

#: How the store labels a note typed here when it has to keep it beside another version.
ORIGIN = "reader"  # recorded in the history; `u` undoes the reader's own changes


@dataclass(frozen=True)
class EventNoteKey:
    """The note of one event."""

    event_id: str


@dataclass(frozen=True)
class DayNoteKey:
    """The note on a whole day (shown in the day's header)."""

    day: int


#: Which note the editor holds.
NoteKey = EventNoteKey | DayNoteKey


@dataclass(frozen=True)
class Change:
    """An event's annotation after a change (None: nothing is left on it)."""

    event_id: str
    annotation: Annotation | None


@dataclass(frozen=True)
class NoteSaved:
    """A note as stored after a save."""

    key: NoteKey
    #: The note now on disk ("" when none is left).
    text: str
    #: Another process changed the note since the editor loaded it: both versions were kept in `text`.
    kept_both: bool
    #: The event's whole annotation after the save (event notes only).
    change: Change | None = None


#: Reports an error to the user: (title, message).
Report = Callable[[str, str], None]


class Annotator:
    """Reads and changes annotations for the reader; see the module docstring."""

    def __init__(
        self, library: Library, settings: Settings, report: Report, settings_changed: Callable[[], None]
    ) -> None:
        self.library = library
        self.settings = settings
        self._report = report
        self._settings_changed = settings_changed

    # -- reading ------------------------------------------------------------------------------------
    def annotation(self, event_id: str) -> Annotation | None:
        """The event's annotation, or None."""
        try:
            return self.library.annotation(event_id)
        except WarreaderError as error:
            self._report("Cannot read the annotation", str(error))
            return None

    def annotations_for(self, event_ids: Iterable[str]) -> dict[str, Annotation]:
        """event id → annotation, for the ids that have one."""
        found: dict[str, Annotation] = {}
        for event_id in event_ids:
            annotation = self.annotation(event_id)
            if annotation is not None:
                found[event_id] = annotation
        return found

    def annotations(self) -> list[Annotation]:
        """Every annotation, orphans included."""
        try:
            return self.library.annotations()
        except WarreaderError as error:
            self._report("Cannot read the annotations", str(error))
            return []

    def all_tags(self) -> list[str]:
        """Every tag in use, most used first."""
        try:
            return self.library.all_tags()
        except WarreaderError as error:
            self._report("Cannot read the tags", str(error))
            return []

    def stored_note(self, key: NoteKey) -> str:
        """The note on disk now, exactly as stored ("" when there is none)."""
        try:
            if isinstance(key, DayNoteKey):
                day_note = self.library.day_note(key.day)
                return day_note.note if day_note is not None else ""
            annotation = self.library.annotation(key.event_id)
        except WarreaderError as error:
            self._report("Cannot read the note", str(error))
            return ""
        return annotation.note if annotation is not None else ""

    def own_flags(self) -> list[str]:
        """The flags offered besides the built-in ones: the user's own (from settings), in order."""
        return list(self.settings.custom_flags)

    # -- tags and flags -----------------------------------------------------------------------------
    def change(
        self,
        event_id: str,
        *,
        add_tags: Iterable[str] = (),
        remove_tags: Iterable[str] = (),
        add_flags: Iterable[str] = (),
        remove_flags: Iterable[str] = (),
    ) -> Change | None:
        """One `Library.annotate` call; None when it failed (and the user was told why)."""
        try:
            annotation = self.library.annotate(
                event_id,
                add_tags=add_tags,
                remove_tags=remove_tags,
                add_flags=add_flags,
                remove_flags=remove_flags,
                origin=ORIGIN,
            )
        except (WarreaderError, OSError) as error:
            self._report("Not saved", str(error))
            return None
        return Change(event_id, annotation)

    def add_tag(self, event_id: str, tag: str) -> Change | None:
        """Add `tag` to the event."""
        return self.change(event_id, add_tags=[tag])

    def toggle_tag(self, event_id: str, tag: str) -> Change | None:
        """Add `tag` to the event, or remove it when the event has it."""
        annotation = self.annotation(event_id)
        if annotation is not None and label_key(tag) in {label_key(t) for t in annotation.tags}:
            return self.change(event_id, remove_tags=[tag])
        return self.change(event_id, add_tags=[tag])

    def toggle_flag(self, event_id: str, flag: str) -> Change | None:
        """Set `flag` on the event, or clear it when set."""
        annotation = self.annotation(event_id)
        if annotation is not None and label_key(flag) in {label_key(f) for f in annotation.flags}:
            return self.change(event_id, remove_flags=[flag])
        return self.change(event_id, add_flags=[flag])

    def change_many(
        self,
        event_ids: list[str],
        *,
        add_tags: Iterable[str] = (),
        remove_tags: Iterable[str] = (),
        add_flags: Iterable[str] = (),
        remove_flags: Iterable[str] = (),
    ) -> int | None:
        """The same change on many events: one `Library.annotate_many` call (one write, undone in one
        step); how many events changed, or None when it failed (and the user was told why)."""
        try:
            changed, _ = self.library.annotate_many(
                event_ids,
                add_tags=add_tags,
                remove_tags=remove_tags,
                add_flags=add_flags,
                remove_flags=remove_flags,
                origin=ORIGIN,
            )
        except (WarreaderError, OSError) as error:
            self._report("Not saved", str(error))
            return None
        return changed

    def all_have(self, event_ids: Iterable[str], *, tag: str | None = None, flag: str | None = None) -> bool:
        """Whether every one of the events carries `tag` (or `flag`): a toggle on them then removes it."""
        wanted = label_key(tag if tag is not None else flag or "")
        for event_id in event_ids:
            annotation = self.annotation(event_id)
            labels = () if annotation is None else annotation.tags if tag is not None else annotation.flags
            if wanted not in {label_key(x) for x in labels}:
                return False
        return True

    # -- tags as a whole -----------------------------------------------------------------------------
    def tag_stats(self) -> list[TagStat]:
        """Every tag in use with how many events carry it and when one of them last changed."""
        try:
            return self.library.tag_stats()
        except WarreaderError as error:
            self._report("Cannot read the tags", str(error))
            return []

    def rename_tag(self, old: str, new: str) -> int | None:
        """Rename `old` to `new` on every event (merging where `new` exists); how many events changed, or
        None when it failed (and the user was told why)."""
        try:
            return self.library.rename_tag(old, new, origin=ORIGIN)
        except (WarreaderError, OSError) as error:
            self._report("Not renamed", str(error))
            return None

    def remove_tag(self, tag: str) -> int | None:
        """Remove `tag` from every event; how many, or None when it failed (the user was told why)."""
        try:
            return self.library.remove_tag(tag, origin=ORIGIN)
        except (WarreaderError, OSError) as error:
            self._report("Not removed", str(error))
            return None

    # -- undo ---------------------------------------------------------------------------------------
    def undo(self, *, redo: bool = False) -> Recorded | str | None:
        """Undo the last change made in the reader (or redo the last undo): the change recorded for it;
        why not (a str: nothing to undo, or a newer change made elsewhere blocks it, named) for the
        caller to show as a warning; None when it failed otherwise (and the user was told why)."""
        try:
            return self.library.redo(origin=ORIGIN) if redo else self.library.undo(origin=ORIGIN)
        except UndoError as error:
            return str(error)
        except (WarreaderError, OSError) as error:
            self._report("Not saved", str(error))
            return None

    def pinned_tag(self, number: int) -> str | None:
        """The tag pinned to key `number` (1–9), or None (the user is told how to pin one)."""
        pinned = self.settings.pinned_tags
        if 1 <= number <= len(pinned):
            return pinned[number - 1]
        self._report(
            "No pinned tag",
            f"No tag is pinned to {number}. Highlight a tag in the panel and press p to pin it.",
        )
        return None

    def toggle_pin(self, tag: str) -> str | None:
        """Pin `tag` to the next free number key, or unpin it; returns what happened, for a notice."""
        pinned = self.settings.pinned_tags
        key = label_key(tag)
        if any(label_key(t) == key for t in pinned):
            self.settings.pinned_tags = [t for t in pinned if label_key(t) != key]
            done = f"Unpinned #{tag}."
        elif len(pinned) >= MAX_PINNED:
            self._report("Cannot pin", f"{MAX_PINNED} tags are pinned already; unpin one first.")
            return None
        else:
            self.settings.pinned_tags = [*pinned, tag]
            done = f"Pinned #{tag} to {len(self.settings.pinned_tags)}."
        self._settings_changed()
        return done

    def set_own_flag(self, event_id: str, flag: str) -> Change | None:
        """Set (or clear) a flag of the user's own on the event, and offer it in the panel from now on."""
        self.remember_flag(flag)
        return self.toggle_flag(event_id, flag)

    def remember_flag(self, flag: str) -> None:
        """Offer a flag of the user's own in the panel from now on."""
        known = {label_key(f) for f in (*DEFAULT_FLAGS, *self.settings.custom_flags)}
        if label_key(flag) not in known:
            self.settings.custom_flags = [*self.settings.custom_flags, flag]
            self._settings_changed()

    # -- notes --------------------------------------------------------------------------------------
    def save_note(self, key: NoteKey, text: str, base: str) -> NoteSaved | None:
        """Write `text` as the note `key`, typed over `base` (the note as the editor loaded it)."""
        try:
            if isinstance(key, DayNoteKey):
                day_note = self.library.set_day_note(key.day, text, base=base, origin=ORIGIN)
                stored = day_note.note if day_note is not None else ""
                return NoteSaved(key, stored, kept_both=_kept_both(stored, text))
            annotation = self.library.annotate(key.event_id, note=text, note_base=base, origin=ORIGIN)
        except (WarreaderError, OSError) as error:
            self._report("Note not saved", str(error))
            return None
        stored = annotation.note if annotation is not None else ""
        return NoteSaved(key, stored, _kept_both(stored, text), Change(key.event_id, annotation))


def _kept_both(stored: str, typed: str) -> bool:
    """Whether the store kept another version beside the typed text (it returns what it stored)."""
    return stored.replace("\r\n", "\n").replace("\r", "\n") != typed.replace("\r\n", "\n").replace("\r", "\n")
