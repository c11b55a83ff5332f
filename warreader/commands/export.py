"""`warreader export …` and `warreader import-notes FILE.json`: thin layers over `warreader.export`."""

from __future__ import annotations

import argparse
import sys

from warreader.export import ExportOptions, import_notes, render_export, write_export
from warreader.export.output import check_target


def _open_library(args: argparse.Namespace):
    # Imported here so `warreader export --help` never loads the store.
    from warreader.store import Library

    return Library.open(args.db)


def run(args: argparse.Namespace) -> int:
    """Dispatch on the command name (both commands share this module)."""
    if args.command == "import-notes":
        return run_import_notes(args)
    return run_export(args)


def run_export(args: argparse.Namespace) -> int:
    """Render the export, then print it or write it to `-o FILE` (never over a file without --force)."""
    options = ExportOptions(
        format=args.format,
        tags=args.tag,
        flags=args.flag,
        themes=args.theme,
        since=args.since,
        until=args.until,
        all_events=args.all,
    )
    options.filters()  # a bad date is reported before the library is even opened
    if args.output is not None:
        check_target(args.output, force=args.force)  # refuse before reading a whole library
    library = _open_library(args)
    try:
        text = render_export(library, options)
    finally:
        library.close()
    if args.output is None:
        _write_stdout(text)
    else:
        path = write_export(text, args.output, force=args.force)
        print(f"warreader: wrote {path}", file=sys.stderr)
    return 0


def _write_stdout(text: str) -> None:
    """Write the export's exact characters: CSV's `\\r\\n` must not be translated on Windows."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        buffer.write(text.encode("utf-8"))
        buffer.flush()


def run_import_notes(args: argparse.Namespace) -> int:
    """Merge the file and print what happened; exit 0 even when nothing changed (that is success)."""
    library = _open_library(args)
    try:
        report = import_notes(library, args.file)
    finally:
        library.close()
    print(report.summary())
    for message in report.messages:
        print(message)
    return 0
