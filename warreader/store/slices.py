"""One day's document read from bulletins.json without parsing the rest of it.

Every write of bulletins.json records where each day's document lies in the file (storage.py
`_serialise`), and summary.json keeps those byte ranges with the `_rev` they belong to. A short command
(`annotate`, `show`, a search that names its days) then reads the few days it needs: a seek and one small
`orjson.loads` each, instead of parsing ~10 MB. Each read checks, on the same open file, that the file
still holds that `_rev` (files are replaced whole, by rename, so an open file is one version) and that the
document is a sound day of the expected number; otherwise `StaleSlices` tells the library to load the
whole file the ordinary way, which also gives the ordinary errors for a damaged one.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

import orjson

from warreader.store.storage import _HEAD_BYTES, _REV_HEAD
from warreader.store.validate import check_day


class StaleSlices(Exception):
    """The recorded byte ranges no longer describe the file: load it in full instead."""


class SlicedDays(Mapping[str, dict]):
    """str(day) → stored day document, each read on first use from its byte range (see the module doc)."""

    def __init__(self, path: Path, rev: str, offsets: dict[str, tuple[int, int]]) -> None:
        self._path = path
        self.rev = rev
        self._rev = rev.encode("ascii")
        self._offsets = offsets
        self._docs: dict[str, dict] = {}

    def __getitem__(self, key: str) -> dict:
        doc = self._docs.get(key)
        if doc is None:
            if key not in self._offsets:
                self._check_fresh()  # a day missing from an older version may be in the file now
                raise KeyError(key)
            start, length = self._offsets[key]
            doc = self._docs[key] = self._read(key, start, length)
        return doc

    def __contains__(self, key: object) -> bool:
        if key in self._offsets:
            return True
        self._check_fresh()
        return False

    def _check_fresh(self) -> None:
        try:
            with open(self._path, "rb") as handle:
                match = _REV_HEAD.match(handle.read(_HEAD_BYTES))
        except OSError as error:
            raise StaleSlices(str(error)) from None
        if match is None or match.group(1) != self._rev:
            raise StaleSlices(f"{self._path} changed")

    def __iter__(self) -> Iterator[str]:
        return iter(self._offsets)

    def __len__(self) -> int:
        return len(self._offsets)

    def _read(self, key: str, start: int, length: int) -> dict:
        try:
            with open(self._path, "rb") as handle:
                match = _REV_HEAD.match(handle.read(_HEAD_BYTES))
                if match is None or match.group(1) != self._rev:
                    raise StaleSlices(f"{self._path} changed")
                handle.seek(start)
                doc = orjson.loads(handle.read(length))
        except (OSError, orjson.JSONDecodeError) as error:
            raise StaleSlices(str(error)) from None
        if not isinstance(doc, dict) or check_day(doc) is not None or str(doc.get("day")) != key:
            raise StaleSlices(f"day {key} is not where the summary says")
        return doc
