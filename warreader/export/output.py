"""Writing an export to a file: atomically, only as a regular file, never over one unless asked.

`-o` names a file the user will open or send: it is written as a regular file only. A symlink, device,
FIFO or folder at that name is refused whatever `--force` says (replacing it would change what it is),
and a missing folder is an error rather than created (a typo in a path should not make folders).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from warreader.errors import WarreaderError
from warreader.store.atomic import atomic_write_bytes, kind_of


class OutputExistsError(WarreaderError):
    """The export's target file exists and `--force` was not given; the file is untouched."""


class OutputError(WarreaderError):
    """The export's target cannot be written (a folder, a device, no permission, disk full…)."""


def check_target(path: Path, *, force: bool = False) -> Path:
    """Raise the error `write_export` would raise for `path` before any work is done; return the path."""
    path = Path(path).expanduser()
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    except OSError as error:
        raise OutputError(f"Cannot write the export to {path}: {error.strerror or error}.") from None
    if st is not None and stat.S_ISLNK(st.st_mode):
        raise OutputError(
            f"Cannot write the export to {path}: it is a symbolic link; exports are written as regular "
            "files only. Give the path of a regular file."
        )
    if st is not None and not stat.S_ISREG(st.st_mode):
        what = kind_of(st.st_mode)
        hint = "Give a file name." if stat.S_ISDIR(st.st_mode) else "Give the path of a regular file."
        raise OutputError(f"Cannot write the export to {path}: it is {what}. {hint}")
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(
            f"Cannot write the export to {path}: the folder {folder} does not exist. Create it first."
        )
    if st is not None and not force:
        raise OutputExistsError(
            f"{path} already exists; nothing was written. "
            "Use --force to overwrite it, or choose another file."
        )
    return path


def write_export(text: str, path: Path, *, force: bool = False) -> Path:
    """Write `text` (UTF-8) to `path` atomically and durably; return the path written.

    Refuse with `OutputExistsError` when `path` exists and `force` is false: a previous export, or any
    other file, is worth more than a new one. A reader of `path` sees the old file or the new one, never
    half of it; an overwritten file keeps its mode, a new one gets the umask's.
    """
    path = check_target(path, force=force)
    try:
        atomic_write_bytes(path, text.encode("utf-8"))
    except OSError as error:
        reason = error.strerror or str(error)
        raise OutputError(f"Cannot write the export to {path}: {reason}.") from error
    return path
