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
#: The export formats (`warreader.export.FORMATS`, written out so `--help` does not import the exporters).
FORMATS = ("md", "json", "csv", "acled", "geojson")
#: Figure kinds (`warreader.facts.KINDS`), for the same reason.
KINDS = (
    "killed", "wounded", "missing", "captured", "evacuated", "drones_launched", "drones_downed",
    "missiles_launched", "missiles_downed", "money",
)  # fmt: skip
FACTS_EXAMPLES = """examples:
  warreader facts 987                        the facts of day 987
  warreader facts --kind killed --since 2024-08-01 --place Pokrovsk
  warreader facts --kind drones_launched --by week
  warreader facts --kind killed --by month --place "Kharkiv region"
  warreader facts --person Zelenskyy --json  one JSON object per event
  warreader facts --csv > facts.csv          one row per fact, for a spreadsheet
"""
NOTE_HELP = "set the note ('' clears it; '-' reads stdin)"
#: `annotate --query` changes at most this many events without --yes.
BULK_CONFIRM = 20
QUERY_HELP = """\
The query language (also the reader's /):
  kyiv drone                  every word: in the text, the note, the tags or the day's note
  "power cuts"                a phrase
  -odesa  -"grain deal"       not this word or phrase (fields too: -tag:done)
  tag:drones  tag:a,b         a tag (either of a list); flag: the same for flags
  theme:fighting              a section theme (key or label)
  outlet:guardian             the bulletin's outlet (part of its name)
  note:pokrovsk               in the note only
  day:987  day:900..1000      a day or a range (day:900.. leaves the end open)
  date:2024-11  date:2024-11-01..2024-12-31
  has:note  has:tag  has:flag  is:orphan  is:moved
Terms combine with AND. Case, accents and place spellings (Kiev/Kyiv) are folded.

examples:
  warreader search 'flag:verify theme:fighting day:900..1000 kharkiv'
  warreader search 'tag:drones date:2024-11 -"shot down"' --json"""


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


class _Skipped:
    """Stands in for the parser of a command this call does not run: defining every command's arguments
    costs a short command-line call about as much as its real work, and only one is ever parsed."""

    def __getattr__(self, name: str):
        return lambda *args, **kwargs: self

    def __setattr__(self, name: str, value: object) -> None:
        pass


def command_named(argv: list[str]) -> str | None:
    """The command `argv` runs, when it can be told without parsing (None: build every command)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--db":
            skip = True
        elif arg.startswith("--db="):
            continue
        elif arg.startswith("-"):
            return None  # --help, --version or a mistake: the whole parser answers those
        else:
            return arg if arg in _MODULES else None
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with `only`, the other commands are left out (see `_Skipped`)."""
    parser = argparse.ArgumentParser(
        prog="warreader",
        description="Read, tag and annotate daily war bulletins. Run without a command to open the reader.",
    )
    parser.add_argument("--version", action="version", version=f"warreader {__version__}")
    _add_db(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        if only is not None and name != only:
            return _Skipped()  # type: ignore[return-value]
        p = sub.add_parser(name, help=help_text, description=help_text)
        _add_db(p, top=False)
        return p

    p = command("read", "open the reader (the same as running warreader with no command)")

    p = command("parse", "parse bulletin files or folders and print what was found; writes nothing")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--json", action="store_true", help="print a JSON array, one object per bulletin")

    p = command(
        "import",
        "parse bulletin files or folders, or fetch http(s) links (a bulletin page, an RSS or Atom feed, "
        "an index page), and store the bulletins in the library",
    )
    p.add_argument("paths", nargs="+", metavar="PATH_OR_URL")
    p.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="for each link: seconds to connect and between reads (default 15)",
    )

    p = command("list", "list the days in the library, newest first")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("show", "print one stored day, with the parser's warnings")
    p.add_argument("day", metavar="DAY", help="day number or date: 987, 1,000, 2024-11-08 or 'Nov 8 2024'")
    p.add_argument("--json", action="store_true", help="print it in the `parse --json` schema")

    p = command("sources", "list a day's bulletins and every copy of each; choose which copy is read")
    p.add_argument("day", metavar="DAY", help="day number (e.g. 981)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--read", metavar="N.C", default=None, help="read copy C of bulletin N from now on")
    p.add_argument("--auto", metavar="N", default=None, help="let warreader choose bulletin N's copy again")

    p = command("search", "find events by words, tags, flags, notes, themes, outlets, days and dates")
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.epilog = QUERY_HELP
    p.add_argument("query", nargs="+", metavar="QUERY", help="the query (see below); quote it in the shell")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="at most N results")

    p = command("views", "saved queries: add NAME QUERY, list (with current counts), rm NAME")
    view_actions = p.add_subparsers(dest="action", metavar="ACTION")
    p.add_argument("--json", action="store_true", help="print JSON")
    add = view_actions.add_parser("add", help="save QUERY as the view NAME (replaces a view of that name)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("query", nargs="+", metavar="QUERY")
    listing = view_actions.add_parser("list", help="list the saved views with their current counts")
    listing.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    rm = view_actions.add_parser("rm", help="remove the view NAME")
    rm.add_argument("name", metavar="NAME")

    p = command(
        "annotate",
        "tag, flag or note one event (or every event a query finds); exits 0 once the change is on disk",
    )
    p.add_argument("event_id", nargs="?", default=None, metavar="EVENT_ID")
    p.add_argument(
        "--query",
        metavar="QUERY",
        default=None,
        help="tag or flag every event this query finds (see `warreader search --help`)",
    )
    p.add_argument("--yes", action="store_true", help=f"with --query: go ahead above {BULK_CONFIRM} events")
    p.add_argument("--tag", action="append", default=[], metavar="T", help="add a tag (repeatable)")
    p.add_argument("--untag", action="append", default=[], metavar="T", help="remove a tag (repeatable)")
    p.add_argument("--note", default=None, metavar="TEXT", help=NOTE_HELP + "; replaces the note")
    p.add_argument(
        "--append-note", default=None, metavar="TEXT", help="add TEXT as a new paragraph below the note"
    )
    p.add_argument("--flag", action="append", default=[], metavar="F", help="add a flag (repeatable)")
    p.add_argument("--unflag", action="append", default=[], metavar="F", help="remove a flag (repeatable)")

    p = command("history", "list recorded changes of annotations and day notes, newest first")
    p.add_argument("event_id", nargs="?", default=None, metavar="EVENT_ID", help="only this event's")
    p.add_argument("--json", action="store_true", help="print JSON (values before and after)")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N changes (default 50)")

    p = command(
        "undo",
        "undo the last change made from the command line, or the change named; never over a newer change",
    )
    p.add_argument("change_id", nargs="?", default=None, metavar="CHANGE_ID", help="from `warreader history`")
    p.add_argument("--redo", action="store_true", help="undo the last undo instead")

    p = command("tags", "list tags with their counts; rename or remove a tag everywhere")
    tag_actions = p.add_subparsers(dest="action", metavar="ACTION")
    p.add_argument("--json", action="store_true", help="print JSON")
    rename = tag_actions.add_parser(
        "rename", help="rename a tag on every event (merges into NEW if it exists)"
    )
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    remove = tag_actions.add_parser("rm", help="remove a tag from every event")
    remove.add_argument("tag", metavar="TAG")

    p = command("day-note", "print or set the note on a whole day")
    p.add_argument("day", metavar="DAY")
    p.add_argument("--note", default=None, metavar="TEXT", help=NOTE_HELP)

    p = command(
        "orphans",
        "list annotations whose event is no longer in the library, and those an import moved to the "
        "closest event (accept or undo each move)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--accept", action="append", default=[], metavar="ID", help="keep a moved annotation where it is"
    )
    p.add_argument(
        "--undo", action="append", default=[], metavar="ID", help="put a moved annotation back where it was"
    )

    p = command("reattach", "attach an orphaned annotation to an event")
    p.add_argument("orphan_id", metavar="ORPHAN_ID", help="the id shown by `warreader orphans`")
    p.add_argument("event_id", metavar="EVENT_ID")

    p = sub.add_parser(
        "facts",
        help="figures, places and people found in the events (killed, drones launched, money…)",
        description="List the figures, places and people found in each event, each with the words it came "
        "from, or total one kind of figure per week or month.",
        epilog=FACTS_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_db(p, top=False)
    p.add_argument("day", nargs="*", metavar="DAY", help="only these days (e.g. 987)")
    p.add_argument("--kind", default=None, metavar="K", help=f"only figures of this kind: {', '.join(KINDS)}")
    p.add_argument(
        "--place",
        default=None,
        metavar="NAME",
        help="only events naming this place (a region or country gathers the places in it)",
    )
    p.add_argument("--person", default=None, metavar="NAME", help="only events naming this person or body")
    p.add_argument("--since", default=None, metavar="DATE", help="from this date (YYYY-MM-DD) or day")
    p.add_argument("--until", default=None, metavar="DATE", help="up to this date (YYYY-MM-DD) or day")
    p.add_argument(
        "--by",
        choices=["week", "month"],
        default=None,
        help="total --kind per ISO week or calendar month instead of listing events",
    )
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print JSON")
    form.add_argument("--csv", action="store_true", help="print CSV (one row per fact; spreadsheet-safe)")

    p = command("places", "the places the events name, most named first")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("people", "the people and organisations the events name, most named first")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("export", "export notes as Markdown, JSON or CSV; events as ACLED-style CSV or GeoJSON")
    p.add_argument(
        "--format",
        choices=list(FORMATS),
        default="md",
        help="md, json, csv: your notes; acled: one row per event with ACLED's columns; "
        "geojson: the places of the events as points",
    )
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
    "views": "views",
    "sources": "sources",
    "annotate": "annotate",
    "day-note": "annotate",
    "history": "history",
    "undo": "history",
    "tags": "history",
    "orphans": "annotate",
    "reattach": "annotate",
    "facts": "facts",
    "places": "facts",
    "people": "facts",
    "export": "export",
    "import-notes": "export",
}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser(command_named(sys.argv[1:] if argv is None else argv))
    args, extra = parser.parse_known_args(argv)
    if extra and args.command == "search":
        # `warreader search kyiv -odesa`: a word to exclude looks like an option to argparse.
        args.query += extra
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
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
