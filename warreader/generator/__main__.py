"""`python -m warreader.generator OUT_DIR -n 1500 --seed 7`: write a synthetic corpus for humans.

The guard below matters: the import-hygiene test imports every core module, this one included.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from warreader.generator import write_corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m warreader.generator",
        description="Write N synthetic 'list of key events' bulletins, deterministic for a seed.",
    )
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="folder to write into (created)")
    parser.add_argument("-n", type=int, default=30, metavar="N", help="how many days (default 30)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--first-day", type=int, default=1, metavar="DAY", help="first day (default 1)")
    args = parser.parse_args(argv)
    if args.n < 0 or args.first_day < 1:
        parser.error("N must be 0 or more and DAY 1 or more")
    start = time.perf_counter()
    written = write_corpus(args.out_dir, args.n, args.seed, args.first_day)
    events = sum(b.event_count for b in written)
    print(
        f"wrote {len(written)} bulletins ({events} events) to {args.out_dir} "
        f"in {time.perf_counter() - start:.2f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
