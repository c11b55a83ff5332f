"""ACLED-style CSV: one row per event with the columns of ACLED's data sets where the bulletins allow.

Columns (`COLUMNS`): `event_id_cnty` is the event id; `event_date` the bulletin's date (`time_precision`
1: the day) — a bulletin reports the previous day or so, so treat it as "reported on"; `event_type` and
`sub_event_type` are suggestions from the words of the event (see `suggest_type`), `actor1` a suggestion
from "Russian forces/drones/…" or "Ukrainian …"; `country`, `admin1`, `location`, `latitude`,
`longitude` come from the event's most precise place (a settlement before a region before a country) with
ACLED's `geo_precision` (1 settlement, 2 a settlement placed at its region's centre, 3 a region or
country); `source` is the outlet of the bulletin that reported it and the link to read it again
(`Al Jazeera; https://…`), as ACLED names its sources;
`notes` is the event text, `fatalities` the sum of its conservative non-cumulative `killed` figures, `tags`
the user's tags and flags joined by `;`.

Cells are written like the notes CSV: UTF-8 with a byte-order mark, RFC 4180, formula cells neutralised.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import PurePath

from warreader.export.csv_format import BOM, neutralise
from warreader.export.records import ExportData, ExportEvent
from warreader.facts.model import EventFacts, PlaceMention

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities", "tags",
)  # fmt: skip

COUNTRY_NAMES = {
    "UA": "Ukraine", "RU": "Russia", "BY": "Belarus", "PL": "Poland", "MD": "Moldova", "RO": "Romania",
    "HU": "Hungary", "SK": "Slovakia",
}  # fmt: skip
GEO_PRECISION = {"settlement": 1, "locality": 2, "region": 3, "country": 3}

#: (words, event type, sub-event type), first match wins: ACLED's types as suggestions only.
TYPE_RULES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(words), event_type, sub_type)
    for words, event_type, sub_type in (
        (r"\b(?:landmines?|mines?|ied|car bomb|explosive device)\b", "Explosions/Remote violence",
         "Remote explosive/landmine/IED"),
        (r"\b(?:drones?|uavs?|shaheds?|air ?strikes?|glide bombs?|guided bombs?|aerial bombs?|bombers?)\b",
         "Explosions/Remote violence", "Air/drone strike"),
        (r"\b(?:missiles?|shell(?:s|ing|ed)|artillery|rockets?|mortars?|himars|iskanders?|kalibr)\b",
         "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        (r"\b(?:captured|took control|taken control|seized|clash(?:es)?|fighting|offensive|assaults?|"
         r"repelled|battles?|advance[sd]?)\b", "Battles", "Armed clash"),
        (r"\b(?:protests?|protesters|rall(?:y|ies)|demonstrat\w+)\b", "Protests", "Peaceful protest"),
        (r"\b(?:arrest(?:ed|s)?|detained|sentenced|charged|jailed)\b", "Strategic developments", "Arrests"),
        (r"\b(?:agreement|deal|signed|ceasefire|prisoner (?:swap|exchange))\b", "Strategic developments",
         "Agreement"),
    )
)  # fmt: skip
_ACTOR = re.compile(
    r"\b(?P<side>russia(?:n|'s|’s)?|ukrain(?:e's|e’s|ian))\s+(?:\w+\s+)?(?:forces|troops|army|military|drones?"
    r"|missiles?|strikes?|attacks?|shelling|air\s+strikes?|bombers?|artillery|soldiers|shells?)\b"
)


def suggest_type(text: str) -> tuple[str, str]:
    low = text.lower()
    for words, event_type, sub_type in TYPE_RULES:
        if words.search(low):
            return event_type, sub_type
    return "", ""


def suggest_actor(text: str) -> str:
    match = _ACTOR.search(text.lower())
    if match is None:
        return ""
    return (
        "Military Forces of Russia"
        if match.group("side").startswith("russia")
        else "Military Forces of Ukraine"
    )


def main_place(facts: EventFacts | None) -> PlaceMention | None:
    """The event's most precise place: its first settlement, else its first region, else its first country."""
    if facts is None or not facts.places:
        return None
    for levels in (("settlement",), ("locality",), ("region",), ("country",)):
        for mention in facts.places:
            if mention.place.level in levels:
                return mention
    return facts.places[0]


def row(event: ExportEvent, facts: EventFacts | None) -> list[str]:
    event_type, sub_type = suggest_type(event.text)
    place = main_place(facts)
    fatalities = (
        sum(f.value for f in facts.figures if f.kind == "killed" and not f.cumulative) if facts else 0
    )
    cells = [
        event.id,
        event.date.isoformat() if event.date else "",
        str(event.date.year) if event.date else "",
        "1" if event.date else "",
        event_type,
        sub_type,
        suggest_actor(event.text),
        COUNTRY_NAMES.get(place.place.country, place.place.country) if place else "",
        (place.place.admin1 or "") if place else "",
        place.place.name if place else "",
        f"{place.place.lat:.5f}" if place else "",
        f"{place.place.lon:.5f}" if place else "",
        str(GEO_PRECISION.get(place.place.level, 3)) if place else "",
        source_cell(event.outlet, event.source),
        event.text,
        str(fatalities),
        ";".join((*event.tags, *event.flags)),
    ]
    return [neutralise(cell) for cell in cells]


def source_cell(outlet: str | None, link: str) -> str:
    """`Al Jazeera; https://…`; the link alone when the outlet is only its file's name."""
    if not outlet or outlet == PurePath(link).name:
        return link
    return f"{outlet}; {link}" if link else outlet


def render_acled(data: ExportData) -> str:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    writer.writerows(row(event, data.facts.get(event.id)) for event in data.events)
    return buffer.getvalue()
