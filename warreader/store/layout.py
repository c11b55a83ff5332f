"""The library folder: which files it holds, its schema version, and migrations between versions.

```
<library>/meta.json          {"schema": 2, "created": "...", "app": "warreader"}
<library>/bulletins.json     TinyDB, table "bulletins": one document per day, doc_id = day number, holding
                             every bulletin of the day with its copies (see day_docs.py)
<library>/annotations.json   TinyDB, tables "annotations" and "day_notes" (doc_id = day number)
<library>/summary.json       day list + newest day, derived from bulletins.json (see summary.py)
<library>/.lock              cross-process writer lock (store/lock.py: fcntl.flock)
<file>.bak                   the previous version of each TinyDB file
<file>.bak-v<N>              a copy of each file as it was before migrating from schema N
```

Everything here runs under the writer lock (see `Library.open`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import orjson

from warreader.errors import LibraryError
from warreader.model import SCHEMA_VERSION
from warreader.store.atomic import atomic_write_bytes
from warreader.store.records import now_iso

META = "meta.json"
BULLETINS = "bulletins.json"
ANNOTATIONS = "annotations.json"
#: A derived cache, valid while its `_rev` is bulletins.json's: never backed up or migrated. A migration
#: that rewrites bulletins.json must therefore give it a new `_rev` (or delete this file).
SUMMARY = "summary.json"
LOCK = ".lock"
DATA_FILES = (BULLETINS, ANNOTATIONS)

#: The schema this warreader reads and writes (the stored document shape of `warreader.model`).
CURRENT_SCHEMA = SCHEMA_VERSION


def _v0_to_v1(folder: Path) -> None:
    """Schema 0 is a library written before meta.json existed (early development builds): its TinyDB
    files already have the version-1 shape, so migrating only checks they parse; the caller stamps it."""
    for name in DATA_FILES:
        path = folder / name
        if path.exists():
            try:
                data = orjson.loads(path.read_bytes())
            except (OSError, orjson.JSONDecodeError) as error:
                raise LibraryError(
                    f"The library file {path} cannot be read ({error}); it was left untouched."
                ) from None
            if not isinstance(data, dict):
                raise LibraryError(
                    f"The library file {path} is not a TinyDB document; it was left untouched."
                )


def _v1_to_v2(folder: Path) -> None:
    """Schema 2 keeps every bulletin of a day, each with its copies (`day_docs`): each stored day becomes
    a day of one bulletin with one copy, the one it was. The annotations file keeps its shape. The new
    file gets a new `_rev`, so summary.json (derived from the old one) is simply no longer used."""
    import secrets

    from warreader.store import day_docs

    path = folder / BULLETINS
    if not path.exists():
        return
    try:
        data = orjson.loads(path.read_bytes())
        table = data.get("bulletins", {}) if isinstance(data, dict) else None
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise ValueError("it is not a TinyDB document of bulletins")
        stamp = now_iso()
        days = {}
        for key, doc in table.items():
            copy = {k: v for k, v in doc.items() if k != "day"}
            copy.setdefault("source", "")
            copy.setdefault("outlet", None)
            copy.setdefault("canonical_url", None)
            copy["imported_at"] = stamp
            days[key] = {"day": doc["day"], "bulletins": [day_docs.new_bulletin(copy)]}
    except (OSError, orjson.JSONDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise LibraryError(
            f"The library file {path} cannot be read to migrate it ({error}); it was left untouched."
        ) from None
    others = {k: v for k, v in data.items() if k not in ("_rev", "bulletins")}
    atomic_write_bytes(path, orjson.dumps({"_rev": secrets.token_hex(8), **others, "bulletins": days}))
    _normalise_tags(folder / ANNOTATIONS)


def _normalise_tags(path: Path) -> None:
    """Schema 2 writes every tag one way (`records.normalise_tag`: no leading `#`, spaces as `-`) and one
    spelling per tag in the whole library (the first used); bring older tags to that rule."""
    import secrets

    from warreader.store.records import label_key, normalise_tag

    if not path.exists():
        return
    try:
        data = orjson.loads(path.read_bytes())
        table = data.get("annotations", {})
        spellings: dict[str, str] = {}
        for doc in sorted(table.values(), key=lambda d: str(d.get("created_at", ""))):
            for tag in doc.get("tags", []):
                tag = normalise_tag(tag)
                if tag:
                    spellings.setdefault(label_key(tag), tag)
        for doc in table.values():
            tags = [spellings[label_key(normalise_tag(t))] for t in doc.get("tags", []) if normalise_tag(t)]
            doc["tags"] = list(dict.fromkeys(tags))
    except (OSError, orjson.JSONDecodeError, AttributeError, TypeError, KeyError) as error:
        raise LibraryError(
            f"The library file {path} cannot be read to migrate it ({error}); it was left untouched."
        ) from None
    data["_rev"] = secrets.token_hex(8)
    atomic_write_bytes(path, orjson.dumps({"_rev": data.pop("_rev"), **data}))


#: MIGRATIONS[n] turns a schema-n folder into a schema-(n+1) folder in place.
MIGRATIONS: dict[int, Callable[[Path], None]] = {0: _v0_to_v1, 1: _v1_to_v2}


def read_meta(folder: Path) -> dict | None:
    """meta.json's contents, or None when it does not exist; LibraryError when it is unreadable."""
    path = folder / META
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise LibraryError(f"The library file {path} cannot be read ({error.strerror}).") from None
    try:
        meta = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise LibraryError(f"The library file {path} is damaged ({error}); it was left untouched.") from None
    if not isinstance(meta, dict) or not isinstance(meta.get("schema"), int):
        raise LibraryError(f"The library file {path} has no schema version; it was left untouched.")
    return meta


def write_meta(folder: Path, meta: dict) -> None:
    atomic_write_bytes(folder / META, orjson.dumps(meta, option=orjson.OPT_INDENT_2))


def check_version(folder: Path, meta: dict) -> int:
    """The folder's schema; LibraryError (nothing touched) when it is newer than this warreader knows."""
    version = meta["schema"]
    if version > CURRENT_SCHEMA:
        raise LibraryError(
            f"The library {folder / META} has schema version {version}, written by a newer warreader; "
            f"this version reads up to {CURRENT_SCHEMA}. Upgrade warreader. The library was not changed."
        )
    return version


def needs_setup(folder: Path) -> bool:
    """True when `prepare` has work to do (create, stamp or migrate); cheap, needs no lock."""
    meta = read_meta(folder)
    return meta is None or check_version(folder, meta) < CURRENT_SCHEMA


def missing_file_problem(folder: Path) -> str | None:
    """Why an existing library cannot be opened for a data file it lacks, or None.

    Every library made by this version has both TinyDB files from its creation on, so one that is gone was
    lost (deleted, moved, a failed sync) and must not be silently started afresh — least of all refilled
    with the sample bulletins. Only a library whose data files never existed (meta.json alone, as an
    early version left a library nobody wrote to) is completed quietly: nothing can be lost there."""
    missing = [name for name in DATA_FILES if not (folder / name).exists()]
    if not missing:
        return None
    ever_written = len(missing) < len(DATA_FILES) or any(
        (folder / f"{name}.bak").exists() for name in DATA_FILES
    )
    if not ever_written:
        return None
    name = missing[0]
    path, backup = folder / name, folder / f"{name}.bak"
    if backup.exists():
        hint = f"Its previous version is kept in {backup}: copy it to {path} to recover."
    else:
        hint = f"Put it back if it was moved; to start that file afresh, create {path} containing {{}}."
    return (
        f"The library file {path} is missing, although the library exists ({folder / META} is there). "
        f"Nothing was changed. {hint}"
    )


def prepare(folder: Path) -> bool:
    """Create the folder, or migrate it to the current schema keeping `*.bak-v<N>` copies. Under lock.

    True when this call created the library (the caller then writes its empty data files)."""
    if folder.exists() and not folder.is_dir():
        raise LibraryError(f"The library path {folder} is a file, not a library folder.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryError(f"Cannot create the library folder {folder} ({error.strerror}).") from None
    remove_stale_temp_files(folder)
    meta = read_meta(folder)
    if meta is None:
        if any((folder / name).exists() for name in DATA_FILES):
            meta = {"schema": 0}
        else:
            write_meta(folder, {"schema": CURRENT_SCHEMA, "created": now_iso(), "app": "warreader"})
            return True
    version = check_version(folder, meta)
    if version == CURRENT_SCHEMA:
        return False
    _backup_for_migration(folder, version)
    for step in range(version, CURRENT_SCHEMA):
        MIGRATIONS[step](folder)
    meta = dict(meta, schema=CURRENT_SCHEMA, migrated_from=version, migrated_at=now_iso())
    meta.setdefault("created", now_iso())
    meta.setdefault("app", "warreader")
    write_meta(folder, meta)
    return False


def _backup_for_migration(folder: Path, version: int) -> None:
    """Copy every library file to `<name>.bak-v<version>` (never overwriting an earlier backup)."""
    import shutil

    for name in (META, *DATA_FILES):
        source = folder / name
        if not source.exists():
            continue
        target = folder / f"{name}.bak-v{version}"
        n = 1
        while target.exists():
            n += 1
            target = folder / f"{name}.bak-v{version}.{n}"
        try:
            shutil.copy2(source, target)
        except OSError as error:
            raise LibraryError(
                f"Cannot back up {source} before migrating ({error.strerror}); the library was not changed."
            ) from None


def remove_stale_temp_files(folder: Path) -> None:
    """Temp files left by a process killed mid-write. Safe under the writer lock: nobody else writes."""
    for tmp in folder.glob(".*.tmp"):
        try:
            tmp.unlink()
        except OSError:
            pass  # a leftover temp file is harmless; it is only clutter
