"""Fixtures: the annotated fixture library, and the same bulletins without notes (a round trip's target)."""

from __future__ import annotations

import pytest

from .fixture_library import make_library


@pytest.fixture
def library(tmp_path):
    lib = make_library(tmp_path / "library")
    yield lib
    lib.close()


@pytest.fixture
def bare_library(tmp_path):
    """The same bulletins with no annotations: the target of a round trip."""
    lib = make_library(tmp_path / "fresh", annotated=False)
    yield lib
    lib.close()
