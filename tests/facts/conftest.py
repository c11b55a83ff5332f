"""Fixtures of the facts tests: the default extractor (bundled tables; the gazetteer is built once per
run into the session's cache folder, see tests/conftest.py)."""

from __future__ import annotations

import pytest

from warreader.facts.extractor import default_extractor


@pytest.fixture(scope="session")
def extractor():
    return default_extractor()


def figures_of(extractor, text: str) -> list[tuple]:
    """(kind, value) of each figure, in text order."""
    return [(f.kind, f.value) for f in extractor.extract(text).figures]


def places_of(extractor, text: str) -> list[str]:
    return [m.place.name for m in extractor.extract(text).places]
