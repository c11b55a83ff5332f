"""The tagging panel: the selected event's facts, tags, flags and note, in sections.

`TagPanel` shows a `PanelSubject` (the event, its annotation, the pinned tags and the user's own flags) in
each of its `SECTIONS`; it never writes, it posts the messages in `messages.py` and the screen asks the
`Annotator`. Under 110 columns it collapses to a two-line strip under the events and opens when focus
enters it (Tab, `t`, `a`).

Adding a section (say, the event's figures and places) is one new `PanelSection` subclass in a module of
its own, listed in `TagPanel.SECTIONS`; see docs/READER.md.
"""

from warreader.tui.panel.messages import NoteSaveDue, RemoveTag, ToggleFlag, TogglePin
from warreader.tui.panel.note import NoteEditor, NoteSection
from warreader.tui.panel.panel import TagPanel
from warreader.tui.panel.sections import FactsSection, FlagsSection, PanelSection, PanelSubject, TagsSection

__all__ = [
    "FactsSection",
    "FlagsSection",
    "NoteEditor",
    "NoteSaveDue",
    "NoteSection",
    "PanelSection",
    "PanelSubject",
    "RemoveTag",
    "TagPanel",
    "TagsSection",
    "ToggleFlag",
    "TogglePin",
]
