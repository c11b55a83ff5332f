"""`warreader facts`, `warreader places` and `warreader people`: what the bulletins count and name.

Thin over `warreader.facts.index` (the cache beside the library) and `warreader.facts.queries`. Bulletin
text is printed through `safe`/`one_line` (no control sequence reaches the terminal), JSON through
`dump_json`, CSV through the export's formula-safe cells.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import sys
from collections.abc import Iterator

from warreader.commands.library import dump_json, one_line, parse_day
from warreader.errors import InputError
from warreader.facts.model import KINDS, EventFacts, Figure, Place
from warreader.facts.queries import EventRecord, FactsIndex, Period

#: Below this many days a refresh is quick enough that a progress bar would only flicker.
PROGRESS_MIN_DAYS = 20
BAR_WIDTH = 28

CSV_COLUMNS = (
    "event_id", "day", "date", "fact", "kind", "value", "low", "high", "approx", "cumulative", "unit",
    "name", "admin1", "country", "lat", "lon", "quote", "start", "end", "text",
)  # fmt: skip


@contextlib.contextmanager
def _progress(total_days: int) -> Iterator:
    """A transient progress bar on stderr while facts are extracted (terminals only), else nothing."""
    if total_days < PROGRESS_MIN_DAYS or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("reading facts"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("facts", total=total_days)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def load(library) -> FactsIndex:
    """The library's facts (from the cache when current), telling the user about broken tables."""
    from warreader.facts.index import load_index

    with _progress(len(library.days())) as progress:
        index = load_index(library, progress=progress)
    # Only when the tables were loaded anyway (a refresh): a cached answer does not load them for this.
    extractor = sys.modules.get("warreader.facts.extractor")
    if extractor is not None and extractor.default_extractor.cache_info().currsize:
        for warning in extractor.default_extractor().warnings:
            print(f"warreader: {one_line(warning)}", file=sys.stderr)
    return index


def run(args: argparse.Namespace) -> int:
    from warreader.store import Library

    command = {"facts": _facts, "places": _places, "people": _people}[args.command]
    if args.command == "facts":
        _check_facts_args(args)
    with Library.open(args.db, defer_bulletins=True) as library:
        return command(library, args)


# -- warreader facts ---------------------------------------------------------------------------------


def _check_facts_args(args: argparse.Namespace) -> None:
    """Every argument error before the library is opened, each as one sentence."""
    from warreader.export.options import parse_bound

    if args.kind is not None and args.kind not in KINDS:
        raise InputError(f"Unknown kind {args.kind!r}: use one of {', '.join(KINDS)}.")
    if args.by is not None and args.kind is None:
        raise InputError(f"--by {args.by} totals one kind of figure: add --kind (one of {', '.join(KINDS)}).")
    args.days = [parse_day(day) for day in args.day]
    args.since_bound = parse_bound(args.since, "since")
    args.until_bound = parse_bound(args.until, "until")


def _facts(library, args: argparse.Namespace) -> int:
    index = load(library)
    place = _resolve_place(index, args.place) if args.place else None
    if args.by and _whole_library(args, place):
        return _print_totals(index, args, place, None)
    records = _select(index, args, place)
    if args.by:
        return _print_totals(index, args, place, records)
    if args.kind:
        records = [r for r in records if any(f[0] == args.kind for f in r.figures)]
    else:
        records = [r for r in records if r.figures or r.places or r.people]
    texts = _texts(library, records)
    shown = [(r, _only_kind(index.decode(r), args.kind)) for r in records]
    if args.json:
        print(dump_json([_event_json(r, facts, texts.get(r.event_id, "")) for r, facts in shown]))
    elif args.csv:
        _write_csv(shown, texts)
    else:
        _print_events(shown, texts, args)
    return 0


def _select(index: FactsIndex, args: argparse.Namespace, place: Place | None) -> list[EventRecord]:
    records = index.events_naming_place(place) if place is not None else index.records
    if args.person:
        wanted = {r.event_id for r in index.events_naming_person(_resolve_person(index, args.person))}
        records = [r for r in records if r.event_id in wanted]
    if args.days:
        days = set(args.days)
        records = [r for r in records if r.day in days]
    return [r for r in records if _in_range(r, args.since_bound, args.until_bound)]


def _in_range(record: EventRecord, since, until) -> bool:
    for bound, after in ((since, True), (until, False)):
        if bound is None:
            continue
        if isinstance(bound, dt.date):
            if record.date is None:
                return False
            value, limit = record.date, bound
        else:
            value, limit = record.day, bound
        if (value < limit) if after else (value > limit):
            return False
    return True


def _resolve_place(index: FactsIndex, name: str) -> Place:
    """The place a user means: a name the library's facts hold, else the gazetteer's reading of it."""
    found = index.find_place(name)
    if len(found) == 1:
        return found[0]
    from warreader.facts.extractor import default_extractor

    place = default_extractor().gazetteer.resolve(name)
    if place is not None:
        return place
    if found:
        return found[0]
    import difflib

    names = sorted({p.name for p in index.place_table})
    close = difflib.get_close_matches(name, names, n=3)
    hint = f" Did you mean {', '.join(close)}?" if close else " `warreader places` lists the places named."
    raise InputError(f"No place called {one_line(name)!r} is known.{hint}")


def _resolve_person(index: FactsIndex, name: str) -> str:
    from warreader.facts.gazetteer import fold

    key = fold(name)
    for shown, _kind in index.people_table:
        if fold(shown) == key:
            return shown
    from warreader.facts.extractor import default_extractor

    found = default_extractor().people.resolve(name)
    if found is not None:
        return found[0]
    raise InputError(
        f"No person or organisation called {one_line(name)!r} is known; `warreader people` lists them."
    )


def _only_kind(facts: EventFacts, kind: str | None) -> EventFacts:
    if kind is None:
        return facts
    return EventFacts(facts.of_kind(kind), facts.places, facts.people)


def _texts(library, records: list[EventRecord]) -> dict[str, str]:
    """The text of each record's event, reading only the days they are on."""
    texts: dict[str, str] = {}
    for day in sorted({r.day for r in records}, reverse=True):
        bulletin = library.bulletin(day)
        if bulletin is not None:
            for _section, event in bulletin.iter_events():
                texts[event.id] = event.text
    return texts


def _event_json(record: EventRecord, facts: EventFacts, text: str) -> dict:
    return {
        "event_id": record.event_id,
        "day": record.day,
        "date": record.date.isoformat() if record.date else None,
        "text": text,
        **facts.to_json(),
    }


def describe_figure(figure: Figure) -> str:
    """ "killed 4", "wounded ~33", "killed 10–15", "money 425,000,000 USD", "(cumulative)" noted."""
    if figure.low is not None and figure.high is not None:
        amount = f"{figure.low:,}–{figure.high:,}"
    else:
        amount = f"{'~' if figure.approx else ''}{figure.value:,}"
    unit = f" {figure.unit}" if figure.kind == "money" or figure.unit not in ("drones", "missiles") else ""
    return f"{figure.kind} {amount}{unit}{' (cumulative)' if figure.cumulative else ''}"


def describe_place(place: Place) -> str:
    where = ", ".join(x for x in (place.admin1 if place.admin1 != place.name else None, place.country) if x)
    return f"{place.name} ({where})"


def _print_events(shown: list[tuple[EventRecord, EventFacts]], texts: dict[str, str], args) -> None:
    if not shown:
        print("No event has facts matching these filters.", file=sys.stderr)
        return
    for record, facts in shown:
        date = record.date.isoformat() if record.date else "date unknown"
        print(f"day {record.day} · {date} · {record.event_id}")
        print(f"  {one_line(texts.get(record.event_id, ''))}")
        for figure in facts.figures:
            print(f"    {describe_figure(figure):<34} “{one_line(figure.quote)}”")
        if facts.places:
            names = dict.fromkeys(describe_place(m.place) for m in facts.places)
            print(f"    places: {one_line(' · '.join(names))}")
        if facts.people:
            print(f"    people: {one_line(' · '.join(dict.fromkeys(m.name for m in facts.people)))}")
        print()
    print(f"{len(shown):,} event{'s' if len(shown) != 1 else ''}", file=sys.stderr)


def _write_csv(shown: list[tuple[EventRecord, EventFacts]], texts: dict[str, str]) -> None:
    from warreader.export.csv_format import BOM

    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for record, facts in shown:
        base = [record.event_id, str(record.day), record.date.isoformat() if record.date else ""]
        text = texts.get(record.event_id, "")
        for f in facts.figures:
            writer.writerow(_cells(base, "figure", f.kind, f.value, f.low, f.high, f.approx, f.cumulative,
                                   f.unit, "", "", "", "", "", f.quote, f.start, f.end, text))  # fmt: skip
        for m in facts.places:
            p = m.place
            writer.writerow(_cells(base, "place", p.level, "", "", "", "", "", "", p.name, p.admin1 or "",
                                   p.country, p.lat, p.lon, m.quote, m.start, m.end, text))  # fmt: skip
        for m in facts.people:
            writer.writerow(_cells(base, "person", m.kind, "", "", "", "", "", "", m.name, "", "", "", "",
                                   m.quote, m.start, m.end, text))  # fmt: skip
    _write_stdout(buffer.getvalue())


def _cells(base: list[str], *values) -> list[str]:
    from warreader.export.csv_format import neutralise

    cells = base + ["" if v is None else str(v).lower() if isinstance(v, bool) else str(v) for v in values]
    return [neutralise(c) for c in cells]


def _write_stdout(text: str) -> None:
    from warreader.commands.export import _write_stdout as write

    write(text)


def _whole_library(args, place: Place | None) -> bool:
    """True when only dates narrow the totals: the index then sums its own lists, no object per event."""
    day_bound = any(isinstance(b, int) for b in (args.since_bound, args.until_bound))
    return not (place or args.person or args.days or day_bound)


def _print_totals(index: FactsIndex, args, place: Place | None, records: list[EventRecord] | None) -> int:
    since = args.since_bound if isinstance(args.since_bound, dt.date) else None
    until = args.until_bound if isinstance(args.until_bound, dt.date) else None
    periods = index.totals(args.kind, args.by, since=since, until=until, records=records)
    if args.json:
        print(dump_json([_period_json(p, args.kind) for p in periods]))
        return 0
    if args.csv:
        from warreader.export.csv_format import BOM, neutralise

        buffer = io.StringIO()
        buffer.write(BOM)
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(("period", "start", "end", "kind", "total", "approx", "events"))
        for p in periods:
            cells = (p.label, p.start, p.end, args.kind, p.total, str(p.approx).lower(), len(p.events))
            writer.writerow([neutralise(str(c)) for c in cells])
        _write_stdout(buffer.getvalue())
        return 0
    where = f" naming {describe_place(place)}" if place else ""
    print(f"{args.kind} per {args.by}{one_line(where)}", end="")
    print(" (cumulative totals left out; ~ = includes approximate figures)")
    if not periods:
        print("No dated event has such a figure.", file=sys.stderr)
        return 0
    peak = max(p.total for p in periods) or 1
    print(f"{args.by:<9} {'from':<10}  {'total':>9}  {'events':>6}")
    for p in periods:
        bar = "█" * round(BAR_WIDTH * p.total / peak) if p.total else ""
        total = f"{'~' if p.approx else ''}{p.total:,}"
        print(f"{p.label:<9} {p.start.isoformat():<10}  {total:>9}  {len(p.events):>6}  {bar}")
    grand = sum(p.total for p in periods)
    print(f"total {grand:,} over {len(periods)} {args.by}{'s' if len(periods) != 1 else ''}")
    return 0


def _period_json(period: Period, kind: str) -> dict:
    return {
        "period": period.label,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "kind": kind,
        "total": period.total,
        "approx": period.approx,
        "events": list(period.events),
    }


# -- warreader places / people -------------------------------------------------------------------------


def _places(library, args: argparse.Namespace) -> int:
    summaries = load(library).places()
    if args.json:
        print(dump_json([
            {"name": s.place.name, "admin1": s.place.admin1, "country": s.place.country, "lat": s.place.lat,
             "lon": s.place.lon, "events": s.events, "first_day": s.first_day, "last_day": s.last_day}
            for s in summaries if s.place is not None
        ]))  # fmt: skip
        return 0
    if not summaries:
        print("No place is named in the library.", file=sys.stderr)
        return 0
    print(f"{'place':<28} {'oblast / region':<24} {'cc':<2}  {'events':>6}  {'first':>5}  {'last':>5}")
    for s in summaries:
        place = s.place
        assert place is not None
        admin1 = place.admin1 if place.admin1 and place.admin1 != place.name else ""
        name = f"{one_line(place.name)[:28]:<28} {one_line(admin1)[:24]:<24} {one_line(place.country):<2}"
        print(f"{name}  {s.events:>6,}  {s.first_day:>5}  {s.last_day:>5}")
    return 0


def _people(library, args: argparse.Namespace) -> int:
    summaries = load(library).people()
    if args.json:
        print(dump_json([
            {"name": s.name, "kind": s.kind, "events": s.events, "first_day": s.first_day,
             "last_day": s.last_day}
            for s in summaries
        ]))  # fmt: skip
        return 0
    if not summaries:
        print("No person or organisation of the people table is named in the library.", file=sys.stderr)
        return 0
    print(f"{'name':<34} {'kind':<12}  {'events':>6}  {'first':>5}  {'last':>5}")
    for s in summaries:
        name = f"{one_line(s.name)[:34]:<34} {s.kind or '':<12}"
        print(f"{name}  {s.events:>6,}  {s.first_day:>5}  {s.last_day:>5}")
    return 0
