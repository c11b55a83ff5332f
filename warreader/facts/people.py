"""The people and organisations table: `data/people.toml` plus the user's `<config folder>/people.toml`.

Every spelling of an entry (its name and its aliases) is folded like place names (`gazetteer.fold`), so
"Zelenskyy", "Zelensky" and "Zelenskiy" all name Volodymyr Zelenskyy. A spelling given by the user's table
names the user's entry, whatever the bundled table says. A broken user table is reported and ignored.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from warreader.facts.gazetteer import fold
from warreader.resources import data_dir

PEOPLE_FILE = "people.toml"
KINDS = {"person": "person", "organisation": "organisation", "organization": "organisation"}


@dataclass
class PeopleTable:
    #: folded spelling → (shown name, "person" | "organisation")
    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: Short acronyms ("UN", "EU", "SBU"): they name the entry only when written in capitals, since "Un"
    #: and "Eu" are words of other languages.
    acronyms: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)

    @property
    def max_words(self) -> int:
        return max((len(k.split()) for k in self.names), default=1)

    def resolve(self, name: str) -> tuple[str, str] | None:
        return self.names.get(fold(name))


def user_people_path() -> Path:
    from warreader.settings import settings_path

    return settings_path().parent / PEOPLE_FILE


def load_people(paths: list[Path]) -> PeopleTable:
    """The table from these files in order: the later (the user's) win a spelling both give."""
    table = PeopleTable()
    for number, path in enumerate(paths):
        try:
            with open(path, "rb") as handle:
                document = tomllib.load(handle)
        except FileNotFoundError:
            if number == 0:
                raise
            continue
        except (OSError, tomllib.TOMLDecodeError) as error:
            if number == 0:
                raise
            table.warnings.append(f"The people file {path} cannot be read ({error}); it was ignored.")
            continue
        for section, kind in KINDS.items():
            for entry in document.get(section) or ():
                name = entry.get("name") if isinstance(entry, dict) else None
                if not isinstance(name, str) or not name.strip():
                    table.warnings.append(f"An entry of {path} has no name: {entry!r} was ignored.")
                    continue
                aliases = entry.get("aliases") or []
                for spelling in [name, *(a for a in aliases if isinstance(a, str))]:
                    key = fold(spelling)
                    if key:
                        table.names[key] = (name.strip(), kind)
                        if spelling.isupper() and len(spelling) <= 3:
                            table.acronyms.add(key)
    return table


@lru_cache(maxsize=1)
def _default() -> PeopleTable:
    return load_people([data_dir() / PEOPLE_FILE, user_people_path()])


def default_people() -> PeopleTable:
    return _default()


def reset_default() -> None:
    _default.cache_clear()
