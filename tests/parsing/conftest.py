"""Shared helpers for the parser tests: fixture paths and a compact view of a parsed bulletin."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def fixture_path():
    """`fixture_path("name.txt")` → the path of one of tests/fixtures/."""
    return lambda name: FIXTURES / name


@pytest.fixture
def texts():
    """`texts(bulletin)` → every event text in reading order."""
    return lambda bulletin: [event.text for _, event in bulletin.iter_events()]


@pytest.fixture
def captions():
    """`captions(bulletin)` → every caption of every section."""
    return lambda bulletin: [c for section in bulletin.sections for c in section.captions]
