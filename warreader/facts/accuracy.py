"""Precision and recall of the extractor against a labelled set (tests/facts/labelled.py): the measure
behind `scripts/facts_accuracy.py` and the accuracy test.

A figure counts as found when an extracted figure has the same kind and value (and, where the label says
so, the same approx, cumulative or range); a place when an extracted place has the expected name. Each
expected item matches at most one extracted item.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from warreader.facts.extractor import Extractor
from warreader.facts.model import KINDS, EventFacts, Figure


@dataclass
class Score:
    found: int = 0  # true positives
    extracted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.found / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0


@dataclass
class Report:
    kinds: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    places: Score = field(default_factory=Score)
    misses: list[str] = field(default_factory=list)

    @property
    def figures(self) -> Score:
        total = Score()
        for score in self.kinds.values():
            total.found += score.found
            total.extracted += score.extracted
            total.expected += score.expected
        return total


def _matches(expected: tuple, figure: Figure) -> bool:
    kind, value, *marks = expected
    if figure.kind != kind or figure.value != value:
        return False
    for mark in marks:
        if mark == "approx" and not figure.approx:
            return False
        if mark == "cumulative" and not figure.cumulative:
            return False
        if mark.startswith("range:"):
            low, high = (int(x) for x in mark.removeprefix("range:").split("-"))
            if (figure.low, figure.high) != (low, high):
                return False
    if "cumulative" not in marks and figure.cumulative:
        return False
    return True


def score(extractor: Extractor, labelled: list[tuple[str, list[tuple], list[str]]]) -> Report:
    report = Report()
    for text, figures, places in labelled:
        facts: EventFacts = extractor.extract(text)
        left = list(facts.figures)
        for figure in left:
            report.kinds[figure.kind].extracted += 1
        for expected in figures:
            report.kinds[expected[0]].expected += 1
            match = next((f for f in left if _matches(expected, f)), None)
            if match is None:
                report.misses.append(f"missed figure {expected} in: {text[:90]}")
                continue
            left.remove(match)
            report.kinds[expected[0]].found += 1
        for extra in left:
            report.misses.append(f"extra figure {extra.kind} {extra.value} {extra.quote!r} in: {text[:70]}")
        got = Counter(dict.fromkeys((m.place.name for m in facts.places), 1))
        report.places.extracted += sum(got.values())
        for name in dict.fromkeys(places):
            report.places.expected += 1
            if got.get(name):
                got[name] -= 1
                report.places.found += 1
            else:
                report.misses.append(f"missed place {name!r} in: {text[:90]}")
        for name, count in got.items():
            if count:
                report.misses.append(f"extra place {name!r} in: {text[:90]}")
    return report
