"""GeoJSON: the places the selected events name, as points (RFC 7946, coordinates [longitude, latitude]).

One Feature per event and place (a place named twice in one event is one point), in export order, so a
map can be filtered by day or tag. Properties: `event_id`, `day`, `date`, `place`, `admin1`, `country`,
`level` ("settlement", "locality" — a settlement the gazetteer lacks, placed at its region's centre —,
"region" or "country"), `quote` (the words naming it), `text`, `tags`, `flags`, `source`. Text stays text:
JSON escapes every control character, and C1 controls are escaped too so printing the file is harmless.
"""

from __future__ import annotations

import json
import re

from warreader.export.records import ExportData

_C1 = re.compile(r"[\x7f-\x9f]")


def render_geojson(data: ExportData) -> str:
    features = []
    for event in data.events:
        facts = data.facts.get(event.id)
        if facts is None:
            continue
        seen = set()
        for mention in facts.places:
            place = mention.place
            if place in seen:
                continue
            seen.add(place)
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                    "properties": {
                        "event_id": event.id,
                        "day": event.day,
                        "date": event.date.isoformat() if event.date else None,
                        "place": place.name,
                        "admin1": place.admin1,
                        "country": place.country,
                        "level": place.level,
                        "quote": mention.quote,
                        "text": event.text,
                        "tags": list(event.tags),
                        "flags": list(event.flags),
                        "source": event.source,
                    },
                }
            )
    document = {"type": "FeatureCollection", "features": features}
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
