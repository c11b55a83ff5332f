"""`warreader` / `warreader read`: open the library and run the reader.

Textual is imported here, inside `run`, so every other command (and `--help`) starts without it.
"""

from __future__ import annotations

import argparse

from warreader.settings import load_settings


def run(args: argparse.Namespace) -> int:
    """Open the library at `args.db` (a first run seeds the sample bulletins) and run the reader.

    A `LibraryError` propagates to `warreader.cli.main`, which prints it as one clear line and exits
    non-zero without a traceback.
    """
    from warreader.store import Library

    library = Library.open(args.db)
    try:
        settings = load_settings()
        from warreader.tui import make_app

        make_app(library, settings).run()
    finally:
        library.close()
    return 0
