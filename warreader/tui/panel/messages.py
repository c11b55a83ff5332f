"""What the tagging panel asks of the screen (it never writes itself)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class RemoveTag(Message):
    """The user asked to remove `tag` from the event shown."""

    tag: str


@dataclass
class TogglePin(Message):
    """The user asked to pin (or unpin) `tag` to a number key."""

    tag: str


@dataclass
class ToggleFlag(Message):
    """The user asked to set or clear `flag` on the event shown."""

    flag: str


@dataclass
class NoteSaveDue(Message):
    """Typing paused (or the editor lost focus): the note should be written now."""
