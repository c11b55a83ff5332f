"""Parse every file of a bulletin corpus and print a Markdown table of what was found, with timings.

    python scripts/corpus_check.py ../shared/corpus > docs/corpus-check.md.new

Used by hand while working on the parser (the corpus is not part of the repository, so the tests never
read it). A file that cannot be parsed shows its error message; a traceback here is a parser bug.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from warreader.errors import InputError
from warreader.parsing import iter_bulletin_files, parse_path


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("../shared/corpus")
    rows = [
        "| file | day | date | sections | events | captions | inferred | outlet | warnings |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    started = time.perf_counter()
    files = iter_bulletin_files([folder])
    for path in files:
        try:
            bulletins = parse_path(path)
        except InputError as error:
            reason = str(error).split(": ", 1)[-1]
            rows.append(f"| {path.name} | – | – | – | – | – | – | – | **error:** {reason} |")
            continue
        for n, b in enumerate(bulletins, 1):
            name = path.name if len(bulletins) == 1 else f"{path.name} ({n} of {len(bulletins)})"
            captions = sum(len(s.captions) for s in b.sections)
            inferred = ", ".join(f"{s.theme}*" for s in b.sections if s.theme_inferred)
            rows.append(
                f"| {name} | {b.day if b.day is not None else '–'} | {b.date or '–'} | {len(b.sections)} "
                f"| {b.event_count} | {captions} | {inferred} | {b.outlet or ''} | {'; '.join(b.warnings)} |"
            )
    elapsed = time.perf_counter() - started
    print("\n".join(rows))
    per_file = elapsed * 1000 / max(1, len(files))
    total = elapsed * 1000
    print(f"\n{len(files)} files in {total:.0f} ms ({per_file:.2f} ms per file, with first-run costs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
