"""The command line: `warreader [--db PATH] COMMAND …`; a bare `warreader` opens the reader.

This module only defines arguments and dispatches. Each command lives in `warreader.commands.<name>` and is
imported when it runs, so `warreader --help` and the headless commands start without loading Textual.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from warreader import __version__
from warreader.errors import WarreaderError

DB_ENV = "WARREADER_DB"
NOTE_HELP = "set the note ('' clears it; '-' reads stdin)"


def default_db_path() -> Path:
    """`--db`, else `$WARREADER_DB`, else the platform's user data folder."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("warreader", appauthor=False) / "library"


def _add_db(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=Path,
        default=None if top else argparse.SUPPRESS,
        help=f"library folder (default: ${DB_ENV}, else the user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="warreader",
        description="Read, tag and annotate daily war bulletins. Run without a command to open the reader.",
    )
    parser.add_argument("--version", action="version", version=f"warreader {__version__}")
    _add_db(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _add_db(p, top=False)
        return p

    p = command("read", "open the reader (the same as running warreader with no command)")

    p = command("parse", "parse bulletin files or folders and print what was found; writes nothing")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--json", action="store_true", help="print a JSON array, one object per bulletin")

    p = command("import", "parse bulletin files or folders and store them in the library")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    p = command("list", "list the days in the library, newest first")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("show", "print one stored day, with the parser's warnings")
    p.add_argument("day", metavar="DAY", help="day number or date: 987, 1,000, 2024-11-08 or 'Nov 8 2024'")
    p.add_argument("--json", action="store_true", help="print it in the `parse --json` schema")

    p = command("search", "find events whose text matches, newest first (case- and accent-insensitive)")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="at most N results")

    p = command("annotate", "tag, flag or note one event; exits 0 once the change is on disk")
    p.add_argument("event_id", metavar="EVENT_ID")
    p.add_argument("--tag", action="append", default=[], metavar="T", help="add a tag (repeatable)")
    p.add_argument("--untag", action="append", default=[], metavar="T", help="remove a tag (repeatable)")
    p.add_argument("--note", default=None, metavar="TEXT", help=NOTE_HELP)
    p.add_argument("--flag", action="append", default=[], metavar="F", help="add a flag (repeatable)")
    p.add_argument("--unflag", action="append", default=[], metavar="F", help="remove a flag (repeatable)")

    p = command("day-note", "print or set the note on a whole day")
    p.add_argument("day", metavar="DAY")
    p.add_argument("--note", default=None, metavar="TEXT", help=NOTE_HELP)

    p = command("orphans", "list annotations whose event is no longer in the library")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("reattach", "attach an orphaned annotation to an event")
    p.add_argument("orphan_id", metavar="ORPHAN_ID", help="the id shown by `warreader orphans`")
    p.add_argument("event_id", metavar="EVENT_ID")

    p = command("export", "export notes (annotated events and day notes) as Markdown, JSON or CSV")
    p.add_argument("--format", choices=["md", "json", "csv"], default="md")
    p.add_argument("--tag", action="append", default=[], metavar="T", help="only events with this tag")
    p.add_argument("--flag", action="append", default=[], metavar="F", help="only events with this flag")
    p.add_argument("--theme", action="append", default=[], metavar="K", help="only this theme key")
    p.add_argument("--since", default=None, metavar="DATE", help="from this date (YYYY-MM-DD) or day")
    p.add_argument("--until", default=None, metavar="DATE", help="up to this date (YYYY-MM-DD) or day")
    p.add_argument("--all", action="store_true", help="every event, not only annotated ones")
    p.add_argument(
        "-o", "--output", type=Path, default=None, metavar="FILE", help="write here (default stdout)"
    )
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    p = command("import-notes", "merge a warreader JSON export into the library")
    p.add_argument("file", type=Path, metavar="FILE.json")

    return parser


_MODULES = {
    None: "read",
    "read": "read",
    "parse": "parse",
    "import": "import_",
    "list": "library",
    "show": "library",
    "search": "library",
    "annotate": "annotate",
    "day-note": "annotate",
    "orphans": "annotate",
    "reattach": "annotate",
    "export": "export",
    "import-notes": "export",
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.db is None:
        args.db = default_db_path()
    module = importlib.import_module(f"warreader.commands.{_MODULES[args.command]}")
    try:
        return int(module.run(args) or 0)
    except WarreaderError as error:
        print(f"warreader: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("warreader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `warreader list | head` is normal use, not an error worth a traceback.
        sys.stderr.close()
        return 0
