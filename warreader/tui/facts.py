"""What the reader shows of the library's facts (`warreader.facts`): a figure, a place, a person as short
lines of text, and the places and people of an event that a thread (`p`) can follow.

Quotes come from bulletins and names from tables the user can extend: every one goes through
`warreader.tui.text.literal` or `clean` (data, never markup or control sequences). Nothing here imports
the facts package at start-up (the panel imports this module): its types are for annotations only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text

from warreader.tui.text import clean, literal

if TYPE_CHECKING:
    from warreader.facts.model import EventFacts, Figure, Place

#: Units shown after an amount: what was counted, when the kind does not say it already.
_SHOWN_UNITS = {"people", "civilians", "soldiers"}
_ONE = {"people": "person", "civilians": "civilian", "soldiers": "soldier"}
#: How specific a place is, for ordering a thread's choices (a settlement before its oblast, before the
#: country).
_LEVEL_ORDER = {"settlement": 0, "locality": 0, "region": 1, "country": 3}
_PEOPLE_ORDER = 2


def kind_label(kind: str) -> str:
    """`drones launched` for `drones_launched`."""
    return kind.replace("_", " ")


def amount(figure: Figure) -> str:
    """`33`, `~12` (approximate: "at least", "dozens"), `3–5` (a range), `425,000,000 USD` (money)."""
    if figure.low is not None and figure.high is not None:
        shown = f"{figure.low:,}–{figure.high:,}"
    else:
        shown = f"{'~' if figure.approx else ''}{figure.value:,}"
    if figure.kind == "money":
        shown += f" {clean(figure.unit)}"
    elif figure.unit in _SHOWN_UNITS:
        one = figure.value == 1 and figure.high is None
        shown += " " + (_ONE.get(figure.unit, figure.unit) if one else figure.unit)
    return shown


def figure_line(figure: Figure) -> Text:
    """`killed 4 people “killed four people”`; a cumulative total ("since 2022") says so."""
    text = Text()
    text.append(kind_label(figure.kind), style="bold")
    text.append(" ")
    text.append(amount(figure), style="bold cyan")
    if figure.cumulative:
        text.append(" cumulative", style="magenta")
    text.append("  “", style="dim")
    text.append_text(literal(figure.quote, style="italic dim"))
    text.append("”", style="dim")
    return text


def place_label(place: Place) -> str:
    """`Pokrovsk · Donetsk Oblast, UA`; a region `Donetsk Oblast · UA`; a country `Ukraine · UA`."""
    where = ", ".join(
        part for part in (place.admin1 if place.admin1 != place.name else None, place.country) if part
    )
    return clean(f"{place.name} · {where}" if where else place.name)


@dataclass(frozen=True)
class ThreadSubject:
    """A place, or a person or organisation (`place` None), whose thread `p` opens."""

    name: str
    place: Place | None = None
    #: For people: "person" or "organisation".
    kind: str = "place"

    def label(self) -> Text:
        """How the subject is named in the thread's header and the choice of subjects."""
        if self.place is not None:
            return literal(place_label(self.place))
        text = literal(self.name)
        text.append(f"  {self.kind}", style="dim")
        return text


def thread_subjects(facts: EventFacts | None) -> list[ThreadSubject]:
    """The places and people an event names, each once, the most specific first: settlements, then
    oblasts, people and organisations, then countries (text order within each)."""
    if facts is None:
        return []
    ranked: list[tuple[int, int, ThreadSubject]] = []
    seen: set[object] = set()
    for position, mention in enumerate(facts.places):
        if mention.place not in seen:
            seen.add(mention.place)
            subject = ThreadSubject(mention.place.name, mention.place)
            ranked.append((_LEVEL_ORDER.get(mention.place.level, 0), position, subject))
    for position, person in enumerate(facts.people):
        if person.name not in seen:
            seen.add(person.name)
            ranked.append((_PEOPLE_ORDER, position, ThreadSubject(person.name, None, person.kind)))
    return [subject for _rank, _position, subject in sorted(ranked, key=lambda r: (r[0], r[1]))]


def facts_lines(facts: EventFacts) -> list[Text]:
    """The panel's lines for an event's facts: each figure, each place, then the people on one line."""
    lines = [figure_line(figure) for figure in facts.figures]
    places = list(dict.fromkeys(mention.place for mention in facts.places))
    for place in places:
        line = Text("⌖ ", style="cyan")
        line.append_text(literal(place_label(place)))
        lines.append(line)
    people = list(dict.fromkeys(person.name for person in facts.people))
    if people:
        line = Text("People ", style="dim")
        line.append_text(literal(" · ".join(people)))
        lines.append(line)
    if not lines:
        lines.append(Text("no figures, places or people found", style="dim italic"))
    return lines
