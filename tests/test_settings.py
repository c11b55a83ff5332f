"""User settings: defaults, round trip, and a corrupt file that is reported but never clobbered."""

from __future__ import annotations

import json

from warreader.settings import CONFIG_ENV, MAX_PINNED, Settings, load_settings, settings_path


def test_missing_file_gives_defaults_silently(tmp_path):
    settings = load_settings(tmp_path / "none.json")
    assert settings.theme == "textual-dark"
    assert settings.pinned_tags == [] and settings.keymap == {} and settings.custom_flags == []
    assert settings.warnings == []
    assert not (tmp_path / "none.json").exists()  # loading never writes


def test_round_trip(tmp_path):
    path = tmp_path / "deep" / "settings.json"
    Settings(
        theme="textual-light",
        pinned_tags=["drones"],
        custom_flags=["geolocate"],
        keymap={"next-event": "ctrl+n"},
        path=path,
    ).save()
    loaded = load_settings(path)
    assert (loaded.theme, loaded.pinned_tags, loaded.custom_flags, loaded.keymap) == (
        "textual-light",
        ["drones"],
        ["geolocate"],
        {"next-event": "ctrl+n"},
    )
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1
    assert not list(path.parent.glob(".*.tmp"))  # the atomic write left no temp file


def test_corrupt_file_gives_defaults_and_a_warning_and_is_left_alone(tmp_path):
    path = tmp_path / "settings.json"
    path.write_bytes(b'{"theme": "textual-light", oops')
    settings = load_settings(path)
    assert settings.theme == "textual-dark"
    assert settings.warnings and "not valid JSON" in settings.warnings[0]
    assert path.read_bytes() == b'{"theme": "textual-light", oops'
    # Only a change by the user writes it.
    settings.pinned_tags = ["kyiv"]
    settings.save()
    assert load_settings(path).pinned_tags == ["kyiv"]


def test_bad_fields_fall_back_one_by_one(tmp_path):
    path = tmp_path / "settings.json"
    tags = [f"t{n}" for n in range(12)]
    path.write_text(
        json.dumps({"theme": 3, "pinned_tags": tags, "keymap": {"a": 1}, "custom_flags": ["x", "x"]})
    )
    settings = load_settings(path)
    assert settings.theme == "textual-dark"
    assert settings.pinned_tags == tags[:MAX_PINNED]
    assert settings.keymap == {}
    assert settings.custom_flags == ["x"]
    assert len(settings.warnings) == 3
    assert all(str(path) in w for w in settings.warnings)


def test_not_an_object_and_binary_file(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("[1, 2]")
    assert load_settings(path).warnings
    path.write_bytes(b"\xff\xfe\x00")
    assert load_settings(path).warnings


def test_path_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "mine.json"))
    assert settings_path() == tmp_path / "mine.json"
    monkeypatch.delenv(CONFIG_ENV)
    assert settings_path().name == "settings.json"
    assert str(tmp_path) not in str(settings_path())
