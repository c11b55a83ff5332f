"""Print the extractor's precision and recall per kind over the labelled fixture set.

    python scripts/facts_accuracy.py [--misses]

The set is tests/facts/labelled.py (events written in the bulletins' shapes with the figures and places a
careful coder takes from them). Aims (issue 17): precision ≥ 0.95 and recall ≥ 0.90 on figures and on
places; `tests/facts/test_accuracy.py` holds them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "facts"))

from labelled import LABELLED  # noqa: E402

from warreader.facts.accuracy import score  # noqa: E402
from warreader.facts.extractor import default_extractor  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every missed or extra fact")
    args = parser.parse_args(argv)
    report = score(default_extractor(), LABELLED)
    print(f"{len(LABELLED)} labelled events")
    print(f"{'kind':<18} {'expected':>8} {'found':>6} {'extracted':>9} {'precision':>9} {'recall':>7}")
    for kind, s in report.kinds.items():
        if s.expected or s.extracted:
            counts = f"{s.expected:>8} {s.found:>6} {s.extracted:>9}"
            print(f"{kind:<18} {counts} {s.precision:>9.2f} {s.recall:>7.2f}")
    for name, s in (("figures (all)", report.figures), ("places", report.places)):
        print(
            f"{name:<18} {s.expected:>8} {s.found:>6} {s.extracted:>9} {s.precision:>9.2f} {s.recall:>7.2f}"
        )
    if args.misses:
        print()
        print("\n".join(report.misses) or "no misses")
    ok = all(s.precision >= 0.95 and s.recall >= 0.90 for s in (report.figures, report.places))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
