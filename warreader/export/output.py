"""Writing an export to a file: atomically, and never over an existing file unless asked."""

from __future__ import annotations

from pathlib import Path

from warreader.errors import WarreaderError
from warreader.store.atomic import atomic_write_bytes


class OutputExistsError(WarreaderError):
    """The export's target file exists and `--force` was not given; the file is untouched."""


class OutputError(WarreaderError):
    """The export's target cannot be written (a folder, no permission, disk full…)."""


def check_target(path: Path, *, force: bool = False) -> Path:
    """Raise the error `write_export` would raise for `path` before any work is done; return the path."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise OutputError(f"Cannot write the export to {path}: it is a folder. Give a file name.")
    if (path.exists() or path.is_symlink()) and not force:
        raise OutputExistsError(
            f"{path} already exists; nothing was written. "
            "Use --force to overwrite it, or choose another file."
        )
    return path


def write_export(text: str, path: Path, *, force: bool = False) -> Path:
    """Write `text` (UTF-8) to `path` atomically and durably; return the path written.

    Refuse with `OutputExistsError` when `path` exists and `force` is false: a previous export, or any
    other file, is worth more than a new one. A reader of `path` sees the old file or the new one, never
    half of it.
    """
    path = check_target(path, force=force)
    try:
        atomic_write_bytes(path, text.encode("utf-8"))
    except OSError as error:
        reason = error.strerror or str(error)
        raise OutputError(f"Cannot write the export to {path}: {reason}.") from error
    return path
