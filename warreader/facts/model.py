"""The facts of one event: figures, places and people, each with the exact words it came from.

Named tuples (immutable, hashable, and made ~4 times faster than frozen dataclasses: an extraction
makes several per event, over 40,000 events), no I/O. Every fact carries `start`/`end` character offsets
into the event text and the `quote` they cut out of it, so `text[start:end] == quote` always holds: a
figure can be traced back to its words. `to_json` gives the shapes `warreader facts --json` prints (see
docs/FACTS.md).
"""

from __future__ import annotations

from typing import NamedTuple

#: Every figure kind, in the order they are listed and shown.
KINDS: tuple[str, ...] = (
    "killed",
    "wounded",
    "missing",
    "captured",
    "evacuated",
    "drones_launched",
    "drones_downed",
    "missiles_launched",
    "missiles_downed",
    "money",
)

#: Currencies a money figure can be in (ISO 4217 codes).
CURRENCIES: tuple[str, ...] = ("USD", "EUR", "GBP", "UAH", "RUB")


class Figure(NamedTuple):
    """One counted fact. `value` is the conservative number (the low end of a range, N for "at least N",
    10 for "tens"); `low`/`high` are set for ranges only. `unit` is the currency code for money, else what
    was counted: "people", "civilians", "soldiers", "drones" or "missiles"."""

    kind: str
    value: int
    low: int | None
    high: int | None
    approx: bool
    cumulative: bool
    unit: str
    quote: str
    start: int
    end: int

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "approx": self.approx,
            "cumulative": self.cumulative,
            "unit": self.unit,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
        }


class Place(NamedTuple):
    """A resolved place: a settlement, a region (oblast, Russian region) or a country.

    `admin1` is the oblast or Russian region (for a region, itself; for a country, None); `country` an ISO
    3166 alpha-2 code; `level` is "settlement", "region" or "country", or "locality" for a settlement the
    gazetteer lacks that the text places in a region (it gets the region's centre); ACLED's geo-precision
    follows from it."""

    name: str
    admin1: str | None
    country: str
    lat: float
    lon: float
    level: str = "settlement"

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "admin1": self.admin1,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
        }


class PlaceMention(NamedTuple):
    """Where an event's text names a place."""

    place: Place
    quote: str
    start: int
    end: int

    def to_json(self) -> dict:
        return {**self.place.to_json(), "quote": self.quote, "start": self.start, "end": self.end}


class PersonMention(NamedTuple):
    """Where an event's text names a person or an organisation from the people table."""

    name: str
    kind: str  # "person" or "organisation"
    quote: str
    start: int
    end: int

    def to_json(self) -> dict:
        return {"name": self.name, "quote": self.quote, "start": self.start, "end": self.end}


class EventFacts(NamedTuple):
    """Everything found in one event's text, each list in text order."""

    figures: tuple[Figure, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    people: tuple[PersonMention, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.figures or self.places or self.people)

    def of_kind(self, kind: str) -> tuple[Figure, ...]:
        return tuple(f for f in self.figures if f.kind == kind)

    def to_json(self) -> dict:
        return {
            "figures": [f.to_json() for f in self.figures],
            "places": [p.to_json() for p in self.places],
            "people": [p.to_json() for p in self.people],
        }


EMPTY = EventFacts()
