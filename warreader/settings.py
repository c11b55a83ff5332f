"""User preferences that are not library data: UI theme, pinned tags, custom flags and key remaps.

A small JSON file at `$WARREADER_CONFIG`, else `platformdirs.user_config_path("warreader")/settings.json`.
Headless (no Textual): the reader reads it at start and writes it only when the user changes a setting.

A missing file gives the defaults silently. A corrupt or half-valid file gives the defaults for whatever
could not be read plus a warning the reader shows as a notice; the file is *not* rewritten until the user
changes a setting, so a hand-edited file with a typo is never clobbered by merely opening the reader.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from warreader.store.atomic import atomic_write_text

CONFIG_ENV = "WARREADER_CONFIG"
DEFAULT_THEME = "textual-dark"
#: Keys `1`–`9` toggle the pinned tags, so at most nine can be pinned.
MAX_PINNED = 9


def settings_path() -> Path:
    """`$WARREADER_CONFIG`, else the platform's user config folder."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path("warreader", appauthor=False) / "settings.json"


@dataclass
class Settings:
    """The user's preferences; `save()` writes them atomically to `path` (None: kept in memory only)."""

    theme: str = DEFAULT_THEME
    #: Tags toggled by the keys 1–9, in that order.
    pinned_tags: list[str] = field(default_factory=list)
    #: User-defined flags offered in the tagging panel next to the built-in ones.
    custom_flags: list[str] = field(default_factory=list)
    #: Binding id → key(s), e.g. {"next-event": "j,down"}; passed to Textual's `App.set_keymap`.
    keymap: dict[str, str] = field(default_factory=dict)
    path: Path | None = None
    #: Problems met while loading, one sentence each; the reader shows them as notices.
    warnings: list[str] = field(default_factory=list)

    def to_doc(self) -> dict:
        """The JSON object written to disk."""
        return {
            "version": 1,
            "theme": self.theme,
            "pinned_tags": list(self.pinned_tags),
            "custom_flags": list(self.custom_flags),
            "keymap": dict(self.keymap),
        }

    def save(self) -> None:
        """Write the settings atomically; raises OSError (the caller tells the user) when it cannot."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)  # the config folder of a first run
        atomic_write_text(self.path, json.dumps(self.to_doc(), indent=2, ensure_ascii=False) + "\n")


def _string_list(value, name: str, warnings: list[str], limit: int | None = None) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        warnings.append(f"Setting {name!r} must be a list of strings; using the default.")
        return []
    cleaned: list[str] = []
    for item in (v.strip() for v in value):
        if item and item not in cleaned:
            cleaned.append(item)
    if limit is not None and len(cleaned) > limit:
        warnings.append(f"Setting {name!r} has more than {limit} entries; the extra ones are ignored.")
        cleaned = cleaned[:limit]
    return cleaned


def settings_from_doc(doc: object, path: Path | None = None) -> Settings:
    """Settings from a parsed JSON document; an unreadable field falls back to its default, with a warning."""
    settings = Settings(path=path)
    warnings = settings.warnings
    if not isinstance(doc, dict):
        warnings.append("The settings file does not hold a JSON object; using the defaults.")
        return settings
    if "theme" in doc:
        if isinstance(doc["theme"], str) and doc["theme"].strip():
            settings.theme = doc["theme"].strip()
        else:
            warnings.append("Setting 'theme' must be a theme name; using the default.")
    if "pinned_tags" in doc:
        settings.pinned_tags = _string_list(doc["pinned_tags"], "pinned_tags", warnings, MAX_PINNED)
    if "custom_flags" in doc:
        settings.custom_flags = _string_list(doc["custom_flags"], "custom_flags", warnings)
    if "keymap" in doc:
        keymap = doc["keymap"]
        if isinstance(keymap, dict) and all(
            isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in keymap.items()
        ):
            settings.keymap = {k: v.strip() for k, v in keymap.items()}
        else:
            warnings.append("Setting 'keymap' must map binding ids to keys; using the default keys.")
    return settings


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings file; never raises for a missing, unreadable or corrupt file."""
    path = settings_path() if path is None else Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings(path=path)
    except OSError as error:
        settings = Settings(path=path)
        settings.warnings.append(
            f"Cannot read the settings file {path}: {error.strerror}; using the defaults."
        )
        return settings
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        settings = Settings(path=path)
        settings.warnings.append(
            f"The settings file {path} is not valid JSON; using the defaults (the file is left as it is "
            "until you change a setting)."
        )
        return settings
    settings = settings_from_doc(doc, path)
    if settings.warnings:
        settings.warnings = [f"{path}: {w}" for w in settings.warnings]
    return settings
