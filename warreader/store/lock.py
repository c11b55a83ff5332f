"""The library's cross-process writer lock: one `.lock` file, held by one process at a time.

On POSIX this is `fcntl.flock` on the lock file, straight from the standard library: it is what the
`filelock` package does there too (so a warreader using either interoperates), without importing
`filelock`'s asyncio-based machinery, which cost a short command-line call more than all its real work.
Elsewhere (Windows) it is `filelock.FileLock`. The kernel drops the lock when its process dies, however it
dies, so a killed writer never leaves the library locked.

Re-entrant within a process: a writer that already holds it (a nested write) just counts.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: How often a waiting writer tries again.
_POLL = 0.01


class LockTimeout(Exception):
    """Another process held the lock for longer than the timeout."""


class LibraryLock:
    """See the module doc. `acquire()` raises LockTimeout, or OSError when the file cannot be opened."""

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self._depth = 0
        self._fd: int | None = None
        self._fallback = None if fcntl is not None else _filelock(self.path, timeout)

    def acquire(self) -> None:
        if self._depth:
            self._depth += 1
            return
        if self._fallback is not None:  # pragma: no cover - Windows
            import filelock

            try:
                self._fallback.acquire()
            except filelock.Timeout:
                raise LockTimeout from None
            self._depth = 1
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        deadline = time.monotonic() + self.timeout
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise LockTimeout from None
                    time.sleep(_POLL)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        self._depth = 1

    def release(self) -> None:
        if self._depth == 0:
            return
        self._depth -= 1
        if self._depth:
            return
        if self._fallback is not None:  # pragma: no cover - Windows
            self._fallback.release()
            return
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)


def _filelock(path: Path, timeout: float):  # pragma: no cover - Windows
    import filelock

    # thread_local=False: the library's RLock already serialises threads; this only keeps other
    # processes out, and must stay re-entrant across nested writes.
    return filelock.FileLock(path, timeout=timeout, thread_local=False)
