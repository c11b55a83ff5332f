"""`warreader` / `warreader read`: open the library and run the reader.

Textual is imported here, inside `run`, so every other command (and `--help`) starts without it.
"""

from __future__ import annotations

import argparse
import gc


def run(args: argparse.Namespace) -> int:
    """Open the library at `args.db` (a first run seeds the sample bulletins) and run the reader.

    A `LibraryError` propagates to `warreader.cli.main`, which prints it as one clear line and exits
    non-zero without a traceback.
    """
    # Start-up builds a few hundred thousand objects that live as long as the reader (Textual's classes,
    # stylesheets and widgets, the day list), and the cyclic garbage collector would walk them over and
    # over while they are made (pausing it took the benchmark's first-screen ratio from 1.38× to about
    # 1.15×). It is paused until that screen is painted; the app then freezes them out of future
    # collections and resumes it.
    gc.disable()
    try:
        return _run(args)
    finally:
        gc.enable()


def _run(args: argparse.Namespace) -> int:
    from warreader.settings import load_settings
    from warreader.store import Library

    # The first screen needs only the day list and the newest day: both come from the library's small
    # summary file, and the reader loads the rest in a worker once that screen is up.
    library = Library.open(args.db, defer_bulletins=True)
    try:
        settings = load_settings()
        from warreader.tui import make_app

        app = make_app(library, settings)
        app.gc_paused_for_start = True
        app.run()
    finally:
        library.close()
    return 0
