"""A day's several bulletins and their copies, as the reader shows them: the day header's bulletin line
(outlet, which one of how many, the parser's warnings), the rows of the copies dialog, and where `o`
takes the user. Pure functions over the store's records (no Textual): the day view decides when to call
them. Bulletin text (outlets, titles, sources, warnings) is data: every piece goes through `literal`.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from warreader.store.records import DayBulletin, Source
from warreader.tui.text import clean, literal

#: The copies dialog's answer that gives the choice of reading copy back to the library.
AUTOMATIC = "auto"
#: How the bulletin line marks the parser's warnings (and the dialog a copy's).
WARNING_STYLE = "bold yellow"


def bulletin_line(
    outlet: str | None, index: int, count: int, warnings: Sequence[str], next_key: str = "b"
) -> Text | None:
    """`Al Jazeera · 1 of 2 — b for the next  ⚠ last event looks cut off`: the open bulletin's outlet,
    which of the day's bulletins it is, and its warnings; None for a day's only bulletin without
    warnings (its outlet then ends the header's first line: a short terminal keeps the day's note in
    sight). One line, cut with an ellipsis by the header (the warnings last: the outlet and the key
    matter more at 80 columns; the header's tooltip holds every warning in full)."""
    if count <= 1 and not warnings:
        return None
    line = Text()
    line.append_text(literal(outlet or "unknown outlet", style="bold" if outlet else "dim italic"))
    if count > 1:
        line.append(f" · {index + 1} of {count}", style="bold")
        line.append(f" — {next_key} for the next", style="dim")
    if warnings:
        line.append("  ⚠ ", style=WARNING_STYLE)
        line.append_text(literal("; ".join(warnings), style=WARNING_STYLE))
    return line


def warnings_tooltip(warnings: Sequence[str]) -> str | None:
    """The header's tooltip: every warning of the open bulletin, one a line (None: no warning)."""
    if not warnings:
        return None
    return "The parser warns:\n" + "\n".join(f"⚠ {clean(w)}" for w in warnings)


def copy_choices(bulletin: DayBulletin) -> list[tuple[str, Text]]:
    """The copies dialog's rows: "automatic" first, then one per copy (its number, 0-based, as text)."""
    automatic = Text("Automatic", style="bold")
    automatic.append(
        ": the best copy (not spun or cut off, most events)" + ("" if bulletin.picked else "  ✓ now"),
        style="dim" if bulletin.picked else "green",
    )
    rows: list[tuple[str, Text]] = [(AUTOMATIC, automatic)]
    for number, source in enumerate(bulletin.sources):
        rows.append((str(number), copy_row(number, source, bulletin.picked)))
    return rows


def copy_row(number: int, source: Source, picked: bool) -> Text:
    """`2. Al Jazeera · 7 events  ✓ reading (picked)` over the copy's title and its source, then its
    warnings."""
    row = Text(f"{number + 1}. ", style="bold")
    row.append_text(literal(source.outlet or "unknown outlet", style="bold"))
    row.append(f" · {source.events} event{'s' if source.events != 1 else ''}")
    if source.reading_copy:
        why = "(you picked it)" if picked else "(chosen automatically)"
        row.append(f"  ✓ reading {why}", style="green")
    if source.title:
        row.append("\n   ")
        row.append_text(literal(source.title, style="italic"))
    row.append("\n   ")
    row.append_text(literal(source.link, style="dim"))
    for warning in source.warnings:
        row.append("\n   ⚠ ", style=WARNING_STYLE)
        row.append_text(literal(warning, style=WARNING_STYLE))
    return row


def chosen_copy(answer: str | None) -> tuple[bool, int | None]:
    """(whether the user chose at all, the copy's index or None for automatic) from the dialog's answer."""
    if answer is None:
        return False, None
    return True, None if answer == AUTOMATIC else int(answer)


def web_link(source: Source) -> str | None:
    """The copy's web address to open (its canonical URL, else the URL it was fetched from), or None when
    it has none: only http and https, whatever a saved page claims (a `javascript:` or `file:` link is
    shown, never opened)."""
    for link in (source.canonical_url, source.source):
        if link and link.strip().lower().startswith(("http://", "https://")):
            return link.strip()
    return None


def open_in_browser(url: str) -> bool:
    """Open `url` in the user's browser (blocks while a console browser runs: call it in a thread)."""
    import webbrowser  # (only when the user asks: not part of start-up)

    return webbrowser.open(url, new=2)
