"""The tagging panel: the selected event's facts, figures and places, tags, flags and note, in sections.

`TagPanel` shows a `PanelSubject` (the event, its annotation, the pinned tags, the user's own flags and the
event's figures, places and people) in each of its `SECTIONS`; it never writes, it posts the messages in
`messages.py` and the screen asks the `Annotator`. Under 110 columns it collapses to a two-line strip
under the events and opens when focus enters it (Tab, `t`, `a`).

Adding a section is one new `PanelSection` subclass in a module of its own (`figures.py` is one), listed
in `TagPanel.SECTIONS`; see docs/READER.md.
"""

from warreader.tui.panel.figures import FiguresSection
from warreader.tui.panel.messages import NoteSaveDue, RemoveTag, ToggleFlag, TogglePin
from warreader.tui.panel.note import NoteEditor, NoteSection
from warreader.tui.panel.panel import TagPanel
from warreader.tui.panel.sections import FactsSection, FlagsSection, PanelSection, PanelSubject, TagsSection

__all__ = [
    "FactsSection",
    "FiguresSection",
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
