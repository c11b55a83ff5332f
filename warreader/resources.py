"""Where the bundled data (sample bulletins, theme table) lives, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def data_dir() -> Path:
    """`warreader/data` inside an installed wheel; the repository's top-level `data/` in a checkout."""
    for candidate in (_HERE / "data", _HERE.parent / "data"):
        if (candidate / "themes.toml").is_file():
            return candidate
    raise FileNotFoundError("warreader's bundled data folder is missing; reinstall warreader")


def sample_bulletins() -> list[Path]:
    """The bulletins a fresh library is filled from."""
    return sorted(p for p in data_dir().glob("day*.txt"))
