"""A TinyDB storage that reads once, notices other processes' writes, and writes atomically.

Stock `JSONStorage` re-reads the whole file on every `get` and rewrites it in place on every update, so a
kill mid-write tears the file. This storage:

* parses the file once with orjson (garbage collector paused: loading allocates millions of objects the
  collector would otherwise walk several times) and serves the cached dict afterwards;
* remembers a fingerprint of what it read — (mtime_ns, size, inode, ctime_ns) plus a random revision
  token written at the head of the file — and re-reads only when `refresh()` finds it changed. The
  token matters: timestamps are coarse (a jiffy) and inodes get reused, so two quick writes of the same
  size could otherwise look identical;
* writes through `atomic_write_bytes` (temp, fsync, rename, fsync folder), after hard-linking the
  previous version to `<file>.bak` so a good copy survives even a corrupted disk block;
* can batch: inside `with storage.batch():` TinyDB writes only touch the cache and the file is written
  once at the end (an import of 1,500 bulletins writes 10 MB once, not 1,500 times);
* calls `on_flush` after each durable write, so a file derived from this one (summary.json) follows it.

It does no locking itself: `Library` holds the cross-process file lock around refresh + write.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson

from warreader.errors import LibraryError
from warreader.store.atomic import atomic_write_bytes
from warreader.store.validate import Checker

_REV_KEY = "_rev"
_REV_HEAD = re.compile(rb'^\{"_rev":"([0-9a-f]{1,64})"')
_HEAD_BYTES = 96


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (restoring its previous state): loading is ~40% faster."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def head_rev(path: Path) -> str | None:
    """The `_rev` token at the head of a file this storage wrote, from its first bytes only; None when the
    file is missing, unreadable or has none (the caller then reads it in full and gets the real error)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return None
    match = _REV_HEAD.match(head)
    return match.group(1).decode("ascii") if match else None


def backup_path(path: Path) -> Path:
    """Where the previous version of `path` is kept."""
    return path.with_name(path.name + ".bak")


def corrupt_message(path: Path, detail: str) -> str:
    """The user's message for an unreadable library file: names the file and the backup."""
    backup = backup_path(path)
    if backup.exists():
        hint = (
            f"The previous version is kept in {backup}: move the damaged file aside and copy the backup "
            "over it to recover."
        )
    else:
        hint = "No backup of it exists; move the damaged file aside to start it afresh."
    return f"The library file {path} cannot be read ({detail}). It was left untouched. {hint}"


class CachedJSONStorage:
    """See the module docstring. `generation` increases whenever the cached data changes.

    A TinyDB storage by shape (`read`, `write`, `close`), without subclassing TinyDB's `Storage`: importing
    TinyDB is left to the writes that go through its tables (see `Library._btable`)."""

    def __init__(
        self,
        path: str | Path,
        *,
        keep_backup: bool = True,
        check: Checker | None = None,
        sliced_table: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.keep_backup = keep_backup
        #: The table whose documents' byte ranges in the file are known after each write (`offsets`), so a
        #: reader can parse one document without the whole file (see `warreader.store.slices`).
        self.sliced_table = sliced_table
        #: (rev, {key: (start, length)}) of the version last written or checked; None when unknown.
        self._offsets: tuple[str, dict[str, tuple[int, int]]] | None = None
        #: Structural check of the tables as read (see `warreader.store.validate`): a file that fails it
        #: is refused like unreadable JSON, so nothing is built from it or written over it.
        self.check = check
        self.generation = 0
        self._data: dict | None = None
        self._fingerprint: tuple | None = None
        self._batch_depth = 0
        self._dirty = False
        #: Called after each durable write (under the writer's lock), with the new data in the cache.
        self.on_flush: Callable[[], None] | None = None

    # -- reading -------------------------------------------------------------------------------------

    def read(self) -> dict:
        """The cached tables (loaded on first use). Never re-reads by itself: see `refresh`."""
        if self._data is None:
            self._load()
        return self._data  # type: ignore[return-value]

    @property
    def loaded(self) -> bool:
        """True once the file was read (or written) by this storage."""
        return self._data is not None

    @property
    def rev(self) -> str | None:
        """The `_rev` of the file version the cache holds; None when unknown or holding unwritten changes."""
        if self._dirty or self._fingerprint is None or self._fingerprint[4] is None:
            return None
        return self._fingerprint[4].decode("ascii")

    def changed_on_disk(self) -> bool:
        """True when the file differs from what this storage last read or wrote (cheap: stat + 96 bytes)."""
        return self._data is None or self._current_fingerprint() != self._fingerprint

    def refresh(self) -> bool:
        """Re-read the file if another process replaced it; True when it did."""
        if self._batch_depth:
            return False  # mid-batch the cache holds our own unwritten changes
        if self.changed_on_disk():
            self._load()
            return True
        return False

    def _current_fingerprint(self) -> tuple | None:
        try:
            with open(self.path, "rb") as handle:
                st = os.fstat(handle.fileno())
                head = handle.read(_HEAD_BYTES)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise LibraryError(corrupt_message(self.path, error.strerror or str(error))) from None
        match = _REV_HEAD.match(head)
        return (st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns, match.group(1) if match else None)

    def _load(self) -> None:
        try:
            with open(self.path, "rb") as handle:
                st = os.fstat(handle.fileno())
                raw = handle.read()
        except FileNotFoundError:
            self._set({}, None)
            return
        except OSError as error:
            raise LibraryError(corrupt_message(self.path, error.strerror or str(error))) from None
        if not raw:
            # Our writes are atomic, so an empty file was truncated by something else: never treat it
            # as an empty library and overwrite it.
            raise LibraryError(corrupt_message(self.path, "the file is empty"))
        try:
            with gc_paused():
                data = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise LibraryError(corrupt_message(self.path, f"invalid JSON: {error}")) from None
        if not isinstance(data, dict) or not all(
            isinstance(v, dict) for k, v in data.items() if k != _REV_KEY
        ):
            raise LibraryError(corrupt_message(self.path, "it is not a TinyDB document"))
        rev = data.pop(_REV_KEY, None)
        problem = self.check(data) if self.check is not None else None
        if problem is not None:
            raise LibraryError(corrupt_message(self.path, problem))
        rev_ok = isinstance(rev, str) and _REV_HEAD.match(raw[:_HEAD_BYTES])
        rev_bytes = rev.encode("ascii") if rev_ok else None
        self._set(data, (st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns, rev_bytes))

    def _set(self, data: dict, fingerprint: tuple | None) -> None:
        self._offsets = None
        self._data = data
        self._fingerprint = fingerprint
        self.generation += 1

    def offsets(self) -> dict[str, tuple[int, int]] | None:
        """Where each document of `sliced_table` lies in the file as cached (None when that cannot be
        told). Known after a write; after a load, derived by serialising each document as a write would
        and checked against the file itself, so a file written by other means gives None."""
        rev = self.rev
        if rev is None or self.sliced_table is None or self._data is None:
            return None
        if self._offsets is not None and self._offsets[0] == rev:
            return self._offsets[1]
        try:
            _payload, offsets = _serialise(rev, self._data, self.sliced_table)
        except (orjson.JSONEncodeError, TypeError):
            return None
        if offsets is None or not _matches_file(self.path, rev, offsets, self._data[self.sliced_table]):
            return None
        self._offsets = (rev, offsets)
        return offsets

    def invalidate(self) -> None:
        """Forget the cache: the next read loads the file (used after a failed write or batch)."""
        self._data = None
        self._fingerprint = None
        self.generation += 1

    # -- writing -------------------------------------------------------------------------------------

    def write(self, data: dict) -> None:
        """Called by TinyDB after every change: store it and (outside a batch) write the file durably."""
        self._data = data
        self.generation += 1
        if self._batch_depth:
            self._dirty = True
        else:
            self._flush()

    def flush(self) -> None:
        """Write the cached data now (a no-op when nothing changed inside a batch)."""
        if self._dirty or not self._batch_depth:
            self._flush()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group writes: one durable write at the end; on an exception nothing is written."""
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._dirty:
                self._dirty = False
                self.invalidate()  # the cache holds half-applied changes: drop them
            raise
        self._batch_depth -= 1
        if self._batch_depth == 0 and self._dirty:
            self._dirty = False
            self._flush()

    def _flush(self) -> None:
        data = self._data or {}
        if _REV_KEY in data:
            raise LibraryError(f"{_REV_KEY!r} is reserved and cannot be a table name in {self.path}")
        import secrets  # only a write needs it

        rev = secrets.token_hex(8)
        # `_rev` first: `_current_fingerprint` reads it from the file's first bytes.
        try:
            payload, offsets = _serialise(rev, data, self.sliced_table)
        except (orjson.JSONEncodeError, TypeError) as error:
            self.invalidate()  # the cache holds what cannot be stored; the file is still the old version
            raise LibraryError(
                f"Could not write the library file {self.path} ({error}); nothing was changed."
            ) from None
        try:
            if self.keep_backup:
                self._link_backup()
            atomic_write_bytes(self.path, payload)
            st = os.stat(self.path)
        except OSError as error:
            self.invalidate()  # what is on disk is the previous version; the cache is not
            raise LibraryError(
                f"Could not write the library file {self.path} ({error.strerror or error}); "
                "the previous version is intact and nothing was changed."
            ) from None
        self._fingerprint = (st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns, rev.encode("ascii"))
        self._offsets = (rev, offsets) if offsets is not None else None
        if self.on_flush is not None:
            self.on_flush()

    def _link_backup(self) -> None:
        """Keep the version about to be replaced as `<file>.bak` (a hard link: no copy, no extra I/O)."""
        if not self.path.exists():
            return
        backup = backup_path(self.path)
        import secrets

        tmp = backup.with_name(f".{backup.name}.{secrets.token_hex(4)}.tmp")
        try:
            os.link(self.path, tmp)
            os.replace(tmp, backup)
        except OSError:
            # File systems without hard links (some network/FAT mounts) simply get no backup;
            # the atomic write itself still protects the file.
            with contextlib.suppress(OSError):
                os.unlink(tmp)

    def close(self) -> None:
        """TinyDB calls this on close; there is nothing left unwritten outside a batch."""


def _serialise(rev: str, data: dict, sliced: str | None) -> tuple[bytes, dict[str, tuple[int, int]] | None]:
    """The file's bytes — exactly `orjson.dumps({"_rev": rev, **data})` — and, for table `sliced`, where
    each of its documents lies in them."""
    if sliced is None or sliced not in data:
        return orjson.dumps({_REV_KEY: rev, **data}), None
    parts = [b'{"' + _REV_KEY.encode() + b'":' + orjson.dumps(rev)]
    size = len(parts[0])
    offsets: dict[str, tuple[int, int]] = {}
    for name, table in data.items():
        if name != sliced:
            part = b"," + orjson.dumps(name) + b":" + orjson.dumps(table)
            parts.append(part)
            size += len(part)
            continue
        head = b"," + orjson.dumps(name) + b":{"
        parts.append(head)
        size += len(head)
        for n, (key, doc) in enumerate(table.items()):
            label = (b"," if n else b"") + orjson.dumps(key) + b":"
            body = orjson.dumps(doc)
            offsets[key] = (size + len(label), len(body))
            parts += (label, body)
            size += len(label) + len(body)
        parts.append(b"}")
        size += 1
    parts.append(b"}")
    return b"".join(parts), offsets


def _matches_file(path: Path, rev: str, offsets: dict[str, tuple[int, int]], table: dict) -> bool:
    """True when the file holds `rev` and its first and last documents lie where `offsets` says."""
    keys = list(offsets)
    try:
        with open(path, "rb") as handle:
            match = _REV_HEAD.match(handle.read(_HEAD_BYTES))
            if match is None or match.group(1).decode("ascii") != rev:
                return False
            for key in {keys[0], keys[-1]} if keys else ():
                start, length = offsets[key]
                handle.seek(start)
                if handle.read(length) != orjson.dumps(table[key]):
                    return False
    except OSError:
        return False
    return True
