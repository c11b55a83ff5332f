"""Pure planning for an import: which days are new, changed or unchanged, and where each annotation of a
replaced day goes (same id, fuzzy match of its quote, or orphan). `Library.import_bulletins` applies the
plan under the writer lock; nothing here touches files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from warreader.model import Bulletin, bulletin_to_doc
from warreader.store.matching import match_quotes
from warreader.store.records import ImportReport, now_iso

#: The parts of a stored document that make two versions of a day "the same bulletin". The source path
#: and parser warnings are left out: the same text from another file is not a change.
_CONTENT_KEYS = ("day", "date", "title", "sections")


def same_content(a: dict, b: dict) -> bool:
    return all(a.get(k) == b.get(k) for k in _CONTENT_KEYS)


@dataclass
class ImportPlan:
    """Documents to store (day → document) and the report so far."""

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
    """Classify each bulletin against the stored documents (`stored` maps str(day) → document)."""
    plan = ImportPlan()
    report = plan.report
    total = len(bulletins) if hasattr(bulletins, "__len__") else None  # type: ignore[arg-type]
    sources: dict[int, str] = {}
    for n, bulletin in enumerate(bulletins, 1):
        if bulletin.day is None:
            report.skipped += 1
            report.messages.append(f"{bulletin.source}: skipped: no day number found in it")
        else:
            if bulletin.day in plan.docs:
                report.skipped += 1
                report.messages.append(
                    f"{sources[bulletin.day]}: skipped: day {bulletin.day} is also in {bulletin.source}, "
                    "which was stored instead"
                )
            plan.docs[bulletin.day] = bulletin_to_doc(bulletin)
            sources[bulletin.day] = bulletin.source
        if progress is not None:
            progress(n, total)
    for day, doc in list(plan.docs.items()):
        old = stored.get(str(day))
        if old is None:
            report.imported += 1
        elif same_content(old, doc):
            report.unchanged += 1
            plan.unchanged[day] = old
            del plan.docs[day]  # nothing to write
            continue
        else:
            report.updated += 1
            _say_if_shrunk(day, old, doc, report)
        report.days.append(day)
    report.days.sort()
    return plan


def _event_count(doc: dict) -> int:
    return sum(len(section.get("events", [])) for section in doc.get("sections", []))


def _say_if_shrunk(day: int, old: dict, new: dict, report: ImportReport) -> None:
    """A day is never replaced by a bulletin with fewer than half its events without a word."""
    before, after = _event_count(old), _event_count(new)
    if after * 2 < before:
        report.messages.append(
            f"day {day}: {new.get('source')} has {after} event{'s' * (after != 1)} where the stored bulletin "
            f"({old.get('source')}) had {before}; it replaced it (import the fuller copy again to restore it)"
        )


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
    in the new bulletin
    stay or become attached by id (this includes orphans merged from elsewhere); the others of this day
    are matched by their quote against the events nobody claimed, each event taken once; what is left
    stays an orphan — kept, never dropped.
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
        if i in matches:
            changed[key] = _anchored(annotations[key], day, free[matches[i]])
            report.reattached += 1
        else:
            report.orphaned += 1
            ann = annotations[key]
            report.messages.append(
                f"day {day}: the note {ann.get('id')} on “{_short(ann.get('quote', ''))}” matches no event "
                "any more; it is kept as an orphan (see `warreader orphans`)"
            )
    # Only rewrite documents that really changed.
    return {k: v for k, v in changed.items() if v != annotations[k]}


def _anchored(ann: dict, day: int, event: tuple[str, str, str | None, str]) -> dict:
    event_id, text, heading, theme = event
    new = dict(ann, event_id=event_id, day=day, heading=heading, theme=theme, quote=text)
    if new != ann:
        new["updated_at"] = now_iso()
    return new


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
