"""Facts the analyst counts: figures, places and people in each event's text (docs/FACTS.md).

Headless and pure: no Textual, no store. The library-facing part (reading every event, the derived cache
beside the library, totals by week or month) is `warreader.facts.index`.

    >>> from warreader.facts import extract
    >>> facts = extract("Russian drones killed four people and wounded 33 in Kharkiv.")
    >>> [(f.kind, f.value, f.quote) for f in facts.figures]
    [('killed', 4, 'killed four people'), ('wounded', 33, 'wounded 33')]
"""

from warreader.facts.model import (
    CURRENCIES,
    KINDS,
    EventFacts,
    Figure,
    PersonMention,
    Place,
    PlaceMention,
)

# The extractor compiles its rules on import (~0.3 s): loaded only when asked for, so reading the cached
# facts (warreader.facts.index, .queries, .model) never pays for it.
_LAZY = {"Extractor", "default_extractor", "extract"}


def __getattr__(name: str):
    if name in _LAZY:
        from warreader.facts import extractor

        return getattr(extractor, name)
    raise AttributeError(f"module 'warreader.facts' has no attribute {name!r}")


__all__ = [
    "CURRENCIES",
    "KINDS",
    "EventFacts",
    "Extractor",
    "Figure",
    "PersonMention",
    "Place",
    "PlaceMention",
    "default_extractor",
    "extract",
]
