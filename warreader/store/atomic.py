"""Durable, atomic file replacement: a reader sees the old file or the new one, never a torn one.

Temp file in the same folder → write → flush → fsync → `os.replace` → fsync of the folder, so the
rename itself survives a power cut. On any failure (full disk included) the temp file is removed and the
original is untouched.

The replacement keeps what the user chose for the file: its mode (and, where permitted, its owner) when
it exists, the umask's default for a new file — a temp file is created 0600, which would otherwise
silently make every rewritten library file and export private. A symlink is written through (the link
stays, its target is replaced in the target's folder); anything else that is not a regular file (a
folder, a device, a FIFO) is refused. The folder must exist: a missing one is an error, not created.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from pathlib import Path

_UMASK_LOCK = threading.Lock()


class NotARegularFileError(OSError):
    """The target exists and is not a regular file (or a link to one): it is never replaced."""


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a directory; the data itself is already synced
    finally:
        os.close(fd)


def current_umask() -> int:
    """The process's umask (read from /proc where possible: setting it to read it races other threads)."""
    with contextlib.suppress(OSError, ValueError):
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def kind_of(mode: int) -> str:
    """A file kind as a user calls it, for messages."""
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def resolve_target(path: Path) -> tuple[Path, os.stat_result | None]:
    """The file to replace for `path` (a symlink's target) and its stat, None when it does not exist yet.
    NotARegularFileError when it exists and is not a regular file."""
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return target, None
    if not stat.S_ISREG(st.st_mode):
        raise NotARegularFileError(0, f"{path} is {kind_of(st.st_mode)}, not a regular file")
    return target, st


def _temp_file(folder: Path, name: str) -> tuple[int, str]:
    """A new file `.<name>.<random>.tmp` in `folder`, created exclusively with mode 0600 (as
    `tempfile.mkstemp` does; written here because importing tempfile costs a short command more than the
    write itself)."""
    for _attempt in range(100):
        tmp_name = os.path.join(folder, f".{name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(
                tmp_name, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600
            ), tmp_name
        except FileExistsError:
            continue
    raise FileExistsError(0, f"no free temporary file name in {folder}")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically and durably; on failure raise OSError, leaving `path` alone."""
    target, existing = resolve_target(Path(path))
    folder = target.parent
    if not folder.is_dir():
        raise FileNotFoundError(0, f"the folder {folder} does not exist")
    fd, tmp_name = _temp_file(folder, target.name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if existing is not None:
                os.fchmod(fd, stat.S_IMODE(existing.st_mode))
                if (existing.st_uid, existing.st_gid) != os.fstat(fd)[4:6]:
                    with contextlib.suppress(OSError):  # only root may give a file away: best effort
                        os.fchown(fd, existing.st_uid, existing.st_gid)
            else:
                os.fchmod(fd, 0o666 & ~current_umask())
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    fsync_dir(folder)


def atomic_write_text(path: Path, text: str) -> None:
    """`atomic_write_bytes` for UTF-8 text."""
    atomic_write_bytes(path, text.encode("utf-8"))
