"""From a format module's lines to the bulletins they hold: one file may hold several (two pasted one
after the other), and a file holds a bulletin only if it has a bulletin's title, intro or situation line
and at least one event.
"""

from __future__ import annotations

from warreader.errors import InputError
from warreader.model import Bulletin, Event, Section, assign_ids
from warreader.parsing import dates
from warreader.parsing import patterns as P
from warreader.parsing.core import Draft, Reader
from warreader.parsing.lines import BLANK, Line
from warreader.parsing.outlet import outlet_from_site_line
from warreader.parsing.shapes import spun
from warreader.themes import section_theme

# Warnings are short, stable sentences: other tools and tests match them exactly.
W_NO_DATE = "no date in the text"
W_NO_DAY = "no day number in the text"
W_CUT_OFF = "last event looks cut off"
W_SPUN = "text looks machine-spun"
W_CONTROLS = "control characters removed"
W_SKIPPED = "text before the bulletin was not read as events"


def build_bulletins(lines: list[Line], source: str) -> list[Bulletin]:
    """Every bulletin in `lines`, in order; `InputError` ("not a bulletin") when there is none."""
    readers = _read_parts(lines)
    found = [r for r in readers if _is_bulletin(r)]
    if not found:
        raise InputError(f"{source}: not a bulletin ({_why_not(readers[0])})")
    bulletins = [_finish(r, source) for r in found]
    if readers[0] not in found and readers[0].events:
        bulletins[0].warnings.insert(0, W_SKIPPED)
    if bulletins[0].outlet is None:
        bulletins[0].outlet = _site_line_outlet(lines)
    return bulletins


def _read(lines: list[Line], split: bool = False) -> tuple[Reader, int | None]:
    reader = Reader(lines, split=split)
    reader.find_title()
    return reader, reader.read_body()


def _read_parts(lines: list[Line]) -> list[Reader]:
    """One reader per bulletin the lines hold (a single bulletin is read once)."""
    first, stop = _read(lines, split=True)
    if stop is None:
        return [first]
    cuts = [0, stop]
    while True:
        _, stop = _read(lines[cuts[-1] :], split=True)
        if stop is None:
            break
        cuts.append(cuts[-1] + stop)
    cuts.append(len(lines))
    # Each part is read again on its own: its title search and look-aheads must not see the next one.
    readers: list[Reader] = []
    starts: list[int] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        reader, _ = _read(lines[start:end])
        if readers and not _is_bulletin(reader):
            if reader.events:
                # Not a bulletin of its own (the line that looked like a start was not): its events
                # belong to the bulletin before it.
                readers[-1], _ = _read(lines[starts[-1] : end])
            continue  # (no events: a stray title or intro with nothing under it)
        readers.append(reader)
        starts.append(start)
    return readers


def _is_bulletin(reader: Reader) -> bool:
    return reader.header.headed and reader.events > 0


def _why_not(reader: Reader | None) -> str:
    if reader is None:
        return "no text"
    headed = reader.header.headed
    if not headed and not reader.events:
        return "no bulletin title, intro or situation line, and no events"
    if not headed:
        return "no bulletin title, intro or situation line"
    return "no events found"


def _site_line_outlet(lines: list[Line]) -> str | None:
    for line in lines[:30]:
        if line.kind != BLANK and (name := outlet_from_site_line(line.text)):
            return name
    return None


def _finish(reader: Reader, source: str) -> Bulletin:
    """A read bulletin → the model: ids assigned, themes looked up or inferred, warnings set."""
    header = reader.header
    if header.day is None:
        # Some copies state the day only in the body ("…on the 1,000th day…").
        for line in reader.lines[:60]:
            if line.kind != BLANK and (day := dates.day_from_intro(line.text)):
                header.day = day
                break
    header.resolve_date()
    drafts = [d for d in reader.sections if d.texts or d.captions]
    if reader.pending_captions:
        if drafts:
            drafts[0].captions[:0] = reader.pending_captions
        else:
            drafts = [Draft(None, captions=reader.pending_captions)]
    texts = [t for d in drafts for t in d.texts]
    ids = iter(assign_ids(header.day, texts))
    sections = []
    for draft in drafts:
        theme, inferred = section_theme(draft.heading, draft.texts)
        events = [Event(next(ids), t) for t in draft.texts]
        sections.append(Section(draft.heading, theme, events, draft.captions, inferred))

    warnings = reader.warnings + header.warnings
    if header.day is None:
        warnings.append(W_NO_DAY)
    if header.date is None:
        warnings.append(W_NO_DATE)
    if reader.cut_marker or (texts and not P.ends_sentence(texts[-1])):
        warnings.append(W_CUT_OFF)
    if spun(reader.lines, [d.heading for d in drafts]):
        warnings.append(W_SPUN)
    return Bulletin(
        day=header.day,
        date=header.date,
        title=header.title,
        source=source,
        sections=sections,
        warnings=list(dict.fromkeys(warnings)),
        outlet=header.outlet,
    )
