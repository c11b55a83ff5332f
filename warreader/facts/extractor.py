"""`extract(text) -> EventFacts`: the figures, places and people of one event's text.

The figures need no table; places and people need the gazetteer and the people table, which an
`Extractor` holds. `extract` uses the default one (bundled tables plus the user's, built once per process).
"""

from __future__ import annotations

from functools import lru_cache

from warreader.facts.figures import extract_figures
from warreader.facts.gazetteer import Gazetteer, default_gazetteer
from warreader.facts.model import EventFacts
from warreader.facts.names import NameFinder
from warreader.facts.numbers import EventText
from warreader.facts.people import PeopleTable, default_people


class Extractor:
    """Extracts facts with one gazetteer and one people table. Pure: same text, same facts."""

    def __init__(self, gazetteer: Gazetteer, people: PeopleTable) -> None:
        self.gazetteer = gazetteer
        self.people = people
        self._names = NameFinder(gazetteer, people)

    @property
    def warnings(self) -> list[str]:
        """Problems with the user's tables (each a sentence); the tables still work without them."""
        return [*self.gazetteer.warnings, *self.people.warnings]

    def extract(self, text: str) -> EventFacts:
        t = EventText(text)
        figures = extract_figures(t)
        places, people = self._names.find(t)
        if not (figures or places or people):
            return EventFacts()
        return EventFacts(figures, places, people)


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    """The extractor of the bundled tables plus the user's (built once per process)."""
    return Extractor(default_gazetteer(), default_people())


def extract(text: str) -> EventFacts:
    """The facts of one event's text, with the default tables."""
    return default_extractor().extract(text)
