"""The query language of `/` in the reader and `warreader search`: parsing and matching, no I/O.

```
kyiv drone                   every word: in the event's text, its note, its tags or its day's note
"power cuts"                 a phrase, the same way
-odesa  -"grain deal"        not this word or phrase (a field can be negated too: -tag:done)
tag:drones  tag:a,b          a tag (either of a list); flag: the same for flags
theme:fighting               a section theme (its key or its label)
outlet:guardian              the bulletin's outlet (part of its name)
note:pokrovsk                in the note only
day:987  day:900..1000       a day number or a range (either end may be left open: day:900..)
date:2024-11  date:2024-11-01..2024-12-31   a date, a month, a year, or a range of those
has:note  has:tag  has:flag  is:orphan  is:moved
```

Terms combine with AND. Words and phrases are folded as the search folds them (case, accents, quotes;
`kiev` also finds `kyiv`) and match inside words (`drone` finds `drones`). A word like `foo:bar` whose
`foo` is not a field is an error naming it (quote it to search for it as text).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from warreader.errors import InputError
from warreader.search import EDGE_PUNCTUATION as _EDGE_PUNCT
from warreader.search import expand_aliases as _expand
from warreader.search import fold

FIELDS = ("tag", "flag", "theme", "outlet", "note", "day", "date", "has", "is")
HAS_VALUES = ("note", "tag", "flag")
IS_VALUES = ("orphan", "moved")

_TOKEN = re.compile(r'(-?)(?:([A-Za-z_]+):)?(?:"([^"]*)"?|(\S+))')
_DAY_RANGE = re.compile(r"^(\d[\d,]*)?(\.\.)?(\d[\d,]*)?$")
_BARE_FIELD = re.compile(r"^([A-Za-z_]+):$")
_DATE_PART = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class QueryError(InputError):
    """A query that cannot be read: the message names the term and says what would work."""


@dataclass(frozen=True, slots=True)
class Term:
    """One term: a field (None for text), its values (any may match), and whether it excludes."""

    field: str | None
    values: tuple[str, ...]
    negate: bool = False
    #: For text terms, each value's spellings (place aliases), folded.
    spellings: tuple[tuple[str, ...], ...] = ()
    #: For day: and date: terms, (low, high) bounds, inclusive, None for an open end.
    bounds: tuple = ()


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    terms: tuple[Term, ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        return not self.terms

    def text_terms(self) -> list[Term]:
        return [t for t in self.terms if t.field is None and not t.negate]


@dataclass(frozen=True, slots=True)
class Record:
    """What a query looks at for one event: its own text and place, its annotation and its day's note.
    Strings are as stored (the matcher folds them)."""

    text: str
    day: int
    date: dt.date | None
    theme: str
    theme_label: str
    outlet: str | None
    tags: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    note: str = ""
    day_note: str = ""
    orphan: bool = False
    moved: bool = False


def parse(text: str) -> Query:
    """The query in `text`; QueryError naming the first term that cannot be read."""
    terms = []
    for match in _TOKEN.finditer(text):
        minus, name, quoted, bare = match.groups()
        value = quoted if quoted is not None else (bare or "")
        if name is None:
            bare_field = _BARE_FIELD.match(value) if quoted is None else None
            if bare_field is not None:
                key = bare_field.group(1).lower()
                if key in FIELDS:
                    raise QueryError(
                        f"{match.group(0)!r} in the query has nothing after {key + ':'!r} "
                        f"(e.g. {key}:{_EXAMPLE[key]})."
                    )
                raise QueryError(_unknown(bare_field.group(1)))
            term = _text_term(value, bool(minus))
            if term is not None:
                terms.append(term)
            continue
        key = name.lower()
        if key not in FIELDS:
            raise QueryError(_unknown(name))
        terms.append(_field_term(key, value, bool(minus), match.group(0)))
    return Query(text, tuple(terms))


def _unknown(name: str) -> str:
    return (
        f"Unknown field {name + ':'!r} in the query; the fields are {', '.join(f + ':' for f in FIELDS)}. "
        "To search for text with a colon, put it in quotes."
    )


def _text_term(value: str, negate: bool) -> Term | None:
    """A word or phrase, folded and trimmed of edge punctuation as the search does (`Kyiv,` = `kyiv`)."""
    folded = " ".join(fold(value).strip(_EDGE_PUNCT).split())
    if not folded:
        return None  # a lone punctuation mark would match nearly everything
    return Term(None, (folded,), negate, (_expand(folded),))


def _field_term(name: str, raw: str, negate: bool, written: str) -> Term:
    values = tuple(v.strip() for v in raw.split(",") if v.strip())
    if not values:
        raise QueryError(
            f"{written!r} in the query has nothing after {name + ':'!r} (e.g. {name}:{_EXAMPLE[name]})."
        )
    if name == "has":
        _check_choice(name, values, HAS_VALUES, written)
    elif name == "is":
        _check_choice(name, values, IS_VALUES, written)
    elif name == "day":
        return Term(name, values, negate, bounds=tuple(_day_bounds(v, written) for v in values))
    elif name == "date":
        return Term(name, values, negate, bounds=tuple(_date_bounds(v, written) for v in values))
    return Term(name, values, negate)


_EXAMPLE = {
    "tag": "drones",
    "flag": "verify",
    "theme": "fighting",
    "outlet": "guardian",
    "note": "pokrovsk",
    "day": "900..1000",
    "date": "2024-11",
    "has": "note",
    "is": "orphan",
}


def _check_choice(name: str, values: Sequence[str], allowed: Sequence[str], written: str) -> None:
    for value in values:
        if value.lower() not in allowed:
            raise QueryError(f"{written!r} in the query: {name}: takes {', '.join(allowed)}, not {value!r}.")


def _day_bounds(value: str, written: str) -> tuple[int | None, int | None]:
    match = _DAY_RANGE.match(value)
    if match is None or not (match.group(1) or match.group(3)):
        raise QueryError(f"{written!r} in the query: a day is a number or a range such as day:900..1000.")
    low, dots, high = match.groups()
    low_n = int(low.replace(",", "")) if low else None
    high_n = int(high.replace(",", "")) if high else None
    if not dots:
        high_n = low_n
    if low_n is not None and high_n is not None and low_n > high_n:
        raise QueryError(f"{written!r} in the query: the range runs backwards ({low_n} > {high_n}).")
    return low_n, high_n


def _date_bounds(value: str, written: str) -> tuple[dt.date | None, dt.date | None]:
    low, dots, high = value.partition("..")
    if not dots:
        high = low
    try:
        first = _date_span(low)[0] if low else None
        last = _date_span(high)[1] if high else None
    except ValueError:
        raise QueryError(
            f"{written!r} in the query: a date is YYYY, YYYY-MM or YYYY-MM-DD, or a range of those with '..' "
            "(date:2024-11-01..2024-12-31)."
        ) from None
    if first is None and last is None:
        raise QueryError(f"{written!r} in the query: give at least one end of the date range.")
    if first is not None and last is not None and first > last:
        raise QueryError(f"{written!r} in the query: the range runs backwards ({first} > {last}).")
    return first, last


def _date_span(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day a date, month or year covers."""
    match = _DATE_PART.match(text.strip())
    if match is None:
        raise ValueError(text)
    year, month, day = match.groups()
    y = int(year)
    if day:
        date = dt.date(y, int(month), int(day))
        return date, date
    if month:
        m = int(month)
        start = dt.date(y, m, 1)
        end = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
        return start, end
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


# -- matching -----------------------------------------------------------------------------------------


def matcher(query: Query) -> Callable[[Record], bool]:
    """A predicate true for the records every term accepts (a negated term must not accept them)."""
    checks = [(_check(term), term.negate) for term in query.terms]

    def matches(record: Record) -> bool:
        folded = _Folded(record)
        return all(check(record, folded) != negate for check, negate in checks)

    return matches


class _Folded:
    """A record's strings folded on first use (most records are rejected before all are needed)."""

    __slots__ = ("_record", "_text", "_note", "_tags", "_day_note", "_outlet")

    def __init__(self, record: Record) -> None:
        self._record = record
        self._text = self._note = self._tags = self._day_note = self._outlet = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = fold(self._record.text)
        return self._text

    @property
    def note(self) -> str:
        if self._note is None:
            self._note = fold(self._record.note)
        return self._note

    @property
    def tags(self) -> str:
        if self._tags is None:
            self._tags = fold(" ".join(self._record.tags))
        return self._tags

    @property
    def day_note(self) -> str:
        if self._day_note is None:
            self._day_note = fold(self._record.day_note)
        return self._day_note

    @property
    def outlet(self) -> str:
        if self._outlet is None:
            self._outlet = fold(self._record.outlet or "")
        return self._outlet


def _label(value: str) -> str:
    from warreader.store.records import label_key, normalise_tag

    return label_key(normalise_tag(value))


def _check(term: Term) -> Callable[[Record, _Folded], bool]:
    name = term.field
    if name is None:
        (spellings,) = term.spellings

        def text(record: Record, folded: _Folded) -> bool:
            return any(
                s in folded.text or s in folded.note or s in folded.tags or s in folded.day_note
                for s in spellings
            )

        return text
    if name in ("tag", "flag"):
        wanted = {_label(v) for v in term.values}
        if name == "tag":
            return lambda record, folded: any(_label(t) in wanted for t in record.tags)
        return lambda record, folded: any(_label(f) in wanted for f in record.flags)
    if name == "theme":
        wanted = {fold(v) for v in term.values}
        return lambda record, folded: fold(record.theme) in wanted or fold(record.theme_label) in wanted
    if name == "outlet":
        parts = [fold(v) for v in term.values]
        return lambda record, folded: any(p in folded.outlet for p in parts)
    if name == "note":
        parts = [fold(v) for v in term.values]
        return lambda record, folded: any(p in folded.note for p in parts)
    if name == "day":
        bounds = term.bounds
        return lambda record, folded: any(_within(record.day, low, high) for low, high in bounds)
    if name == "date":
        bounds = term.bounds
        return lambda record, folded: (
            record.date is not None and any(_within(record.date, low, high) for low, high in bounds)
        )
    if name == "has":
        wanted = {v.lower() for v in term.values}
        return lambda record, folded: any(_has(record, w) for w in wanted)
    wanted = {v.lower() for v in term.values}  # is:
    return lambda record, folded: any(getattr(record, w) for w in wanted)


def _within(value, low, high) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


def _has(record: Record, what: str) -> bool:
    return bool(record.note.strip() if what == "note" else record.tags if what == "tag" else record.flags)


#: What `warreader search --help` and the reader's help show.
HELP = __doc__.split("```")[1].strip("\n")
