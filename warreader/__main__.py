"""`python -m warreader` runs the same entry point as the `warreader` script."""

from warreader.cli import main

raise SystemExit(main())
