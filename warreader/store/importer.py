"""Pure planning for an import: where each imported copy goes in its day (see `copies`), which days
changed, and where each annotation of a changed day goes (same id, the clearly same event by its quote, or
an orphan). `Library.import_bulletins` applies the plan under the writer lock; nothing here touches files.
Importing never removes a bulletin: a source imported again updates its own copy, another outlet's
bulletin is added beside the others, and a copy of a bulletin joins it.
"""

from __future__ import annotations

import copy as copying
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from warreader.model import Bulletin
from warreader.store import day_docs
from warreader.store.copies import place
from warreader.store.matching import match_quotes
from warreader.store.records import ImportReport, SourceOutcome, now_iso
from warreader.store.validate import MAX_DAY, valid_day


@dataclass
class ImportPlan:
    """Day documents to store (day → schema-2 document) and the report so far."""

    docs: dict[int, dict] = field(default_factory=dict)
    report: ImportReport = field(default_factory=ImportReport)
    #: Days given again unchanged (day → stored document): their orphans get another matching chance,
    #: which also heals a crash between writing bulletins.json and annotations.json.
    unchanged: dict[int, dict] = field(default_factory=dict)


def plan_import(
    stored: dict[str, dict],
    bulletins: Iterable[Bulletin],
    progress: Callable[[int, int | None], None] | None = None,
) -> ImportPlan:
    """Place each bulletin into its day (`stored` maps str(day) → stored document; it is not changed)."""
    plan = ImportPlan()
    report = plan.report
    total = len(bulletins) if hasattr(bulletins, "__len__") else None  # type: ignore[arg-type]
    working: dict[int, dict] = {}
    changed: set[int] = set()
    stamp = now_iso()
    for n, bulletin in enumerate(bulletins, 1):
        outcome = _place_one(bulletin, stored, working, stamp, report)
        if outcome is not None:
            report.sources.append(outcome)
            if outcome.outcome != "unchanged":
                changed.add(outcome.day)  # type: ignore[arg-type]
        if progress is not None:
            progress(n, total)
    for day, doc in working.items():
        if day in changed:
            plan.docs[day] = doc
            report.days.append(day)
        elif str(day) in stored:
            plan.unchanged[day] = stored[str(day)]
    report.days.sort()
    return plan


#: Which `ImportReport` counter each placement adds to.
_COUNTERS = {"new bulletin": "imported", "new copy": "copies", "updated": "updated", "unchanged": "unchanged"}


def _place_one(
    bulletin: Bulletin, stored: dict[str, dict], working: dict[int, dict], stamp: str, report: ImportReport
) -> SourceOutcome | None:
    day = bulletin.day
    if day is None or not valid_day(day):
        report.skipped += 1
        why = (
            "no day number found in it"
            if day is None
            else f"day {day} is not a day number this library keeps (1 to {MAX_DAY:,})"
        )
        report.messages.append(f"{bulletin.source}: skipped: {why}")
        return SourceOutcome(bulletin.source, day, "skipped", None, why)
    if bulletin.event_count == 0:
        report.skipped += 1
        report.messages.append(f"{bulletin.source}: skipped: no events found in it; nothing was stored")
        return SourceOutcome(bulletin.source, day, "skipped", None, "no events found in it")
    if day not in working:
        old = stored.get(str(day))
        # Copies of the lists on the way down to the bulletins: `place` replaces what it changes.
        working[day] = copying.copy(old) if old is not None else {"day": day, "bulletins": []}
        working[day]["bulletins"] = list(working[day]["bulletins"])
    placed = place(working[day], day_docs.copy_from(bulletin, stamp))
    field_name = _COUNTERS[placed.outcome]
    setattr(report, field_name, getattr(report, field_name) + 1)
    detail = ""
    if placed.shrunk_from is not None:
        detail = (
            f"it now holds {bulletin.event_count} events, fewer than half of the {placed.shrunk_from} "
            "it held; the notes on events that are gone are kept (see `warreader orphans`)"
        )
        report.messages.append(f"{bulletin.source}: day {day}: {detail}")
    return SourceOutcome(bulletin.source, day, placed.outcome, placed.outlet, detail)


def plan_pick(
    stored: dict[str, dict], day: int, bulletin_id: str, copy: int | None, library: object
) -> ImportPlan:
    """The plan that makes copy `copy` the reading copy of bulletin `bulletin_id` of `day` (None: back to
    the automatic choice). NotFoundError naming what is missing."""
    from warreader.errors import NotFoundError

    plan = ImportPlan()
    doc = stored.get(str(day))
    if doc is None:
        raise NotFoundError(f"Day {day} is not in the library {library}.")
    bulletins = list(doc["bulletins"])
    index = next((i for i, b in enumerate(bulletins) if b["id"] == bulletin_id), None)
    if index is None:
        raise NotFoundError(f"Day {day} has no bulletin {bulletin_id} (see `warreader sources {day}`).")
    bulletin = dict(bulletins[index])
    if copy is None:
        bulletin["picked"] = False
    elif 0 <= copy < len(bulletin["copies"]):
        bulletin["picked"], bulletin["reading"] = True, copy
    else:
        raise NotFoundError(
            f"Bulletin {bulletin_id} of day {day} has {len(bulletin['copies'])} copies; there is no copy "
            f"{copy + 1}."
        )
    bulletins[index] = day_docs.settle(bulletin)
    new = dict(doc, bulletins=bulletins)
    if new != doc:
        plan.docs[day] = new
        plan.report.days.append(day)
    return plan


def day_events(doc: dict) -> list[tuple[str, str, str | None, str]]:
    """(event id, text, heading, theme) for every event of a stored day document, in reading order."""
    return [
        (event["id"], event["text"], section.get("heading"), section.get("theme"))
        for section in doc.get("sections", [])
        for event in section.get("events", [])
    ]


def reanchor_day(day: int, doc: dict, annotations: dict[str, dict], report: ImportReport) -> dict[str, dict]:
    """New versions of the annotations (key → document) that the newly stored `doc` of `day` affects.

    `annotations` (key → raw document) holds the annotations that may belong here: those of `day` and
    those whose event id is in `doc` (the caller selects them from its indexes). Those whose event id is
    in the new bulletin stay or become attached by id (this includes orphans merged from elsewhere); the
    others of this day move to an event nobody claimed only when it is clearly the same event (see
    `warreader.store.matching`), each event taken once, and remember where they came from until the user
    accepts or undoes the move; what is left stays an orphan with its own quote — kept, never dropped.
    """
    events = day_events(doc)
    by_id = {e[0]: e for e in events}
    changed: dict[str, dict] = {}
    claimed: set[str] = set()
    unmatched: list[str] = []
    for key, ann in annotations.items():
        event = by_id.get(ann.get("event_id"))
        if event is not None:
            claimed.add(event[0])
            changed[key] = _anchored(ann, day, event)
            report.reattached += 1
        elif ann.get("day") == day:
            unmatched.append(key)
    free = [e for e in events if e[0] not in claimed]
    matches = match_quotes([annotations[k].get("quote", "") for k in unmatched], [e[1] for e in free])
    for i, key in enumerate(unmatched):
        ann = annotations[key]
        if i in matches:
            changed[key] = _moved(ann, day, free[matches[i].index], matches[i].score)
            report.moved += 1
            report.messages.append(
                f"day {day}: the note {ann.get('id')} on “{_short(ann.get('quote', ''))}” moved by closest "
                f"quote to “{_short(free[matches[i].index][1])}”; check it with `warreader orphans`"
            )
        else:
            report.orphaned += 1
            report.messages.append(
                f"day {day}: the note {ann.get('id')} on “{_short(ann.get('quote', ''))}” matches no event "
                "clearly any more; it is kept as an orphan (see `warreader orphans`)"
            )
    # Only rewrite documents that really changed.
    return {k: v for k, v in changed.items() if v != annotations[k]}


def _anchored(ann: dict, day: int, event: tuple[str, str, str | None, str]) -> dict:
    event_id, text, heading, theme = event
    new = dict(ann, event_id=event_id, day=day, heading=heading, theme=theme, quote=text)
    if new != ann:
        new["updated_at"] = now_iso()
    return new


def _moved(ann: dict, day: int, event: tuple[str, str, str | None, str], score: float) -> dict:
    """`_anchored`, remembering the event and quote it came from (the first ones, over several moves)."""
    new = _anchored(ann, day, event)
    new["moved"] = ann.get("moved") or {
        "event_id": ann.get("event_id", ""),
        "quote": ann.get("quote", ""),
        "heading": ann.get("heading"),
        "theme": ann.get("theme"),
        "at": now_iso(),
        "score": round(score, 1),
    }
    return new


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
