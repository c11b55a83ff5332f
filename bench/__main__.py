"""`python -m bench [--days 1500] [--notes 2000] [--runs N] [--quick] [--json PATH]`.

Prints a table of figures with their goals and writes the same figures as JSON. Exit status 0 when every
section ran (a part that does not exist yet is "not available", not a failure), 1 when a part failed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from bench.cli_section import cli_section
from bench.core import annotate_section, import_section, open_section, search_section
from bench.export_section import export_section
from bench.facts_section import facts_section
from bench.machine import machine_info
from bench.measure import run_section
from bench.notes_section import notes_import_section
from bench.reader import reader_section
from bench.report import render_table, to_json, write_json
from bench.workspace import REPO, Workspace

DEFAULT_JSON = REPO / "bench" / "results" / "latest.json"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[1])
    parser.add_argument("--days", type=int, default=None, help="bulletins to generate (default 1500)")
    parser.add_argument("--notes", type=int, default=None, help="notes in the export library (default 2000)")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (default 5)")
    parser.add_argument("--seed", type=int, default=7, help="generator seed (default 7)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="small and fast (30 days, 20 notes, 1 run) unless sizes are given",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=DEFAULT_JSON,
        metavar="PATH",
        help=f"where to write the figures (default {DEFAULT_JSON.relative_to(REPO)})",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="SECTION",
        help="run only these sections (import always runs: it builds the library)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    days = args.days or (30 if args.quick else 1500)
    notes = args.notes if args.notes is not None else (20 if args.quick else 2000)
    runs = args.runs or (1 if args.quick else 5)
    if days < 2 or notes < 0 or runs < 1:
        print("bench: --days must be ≥ 2, --notes ≥ 0, --runs ≥ 1", file=sys.stderr)
        return 2
    root = Path(tempfile.mkdtemp(prefix="warreader-bench-"))
    ws = Workspace(root=root, days=days, notes=notes, runs=runs, quick=args.quick, seed=args.seed)
    params = {"days": days, "notes": notes, "runs": runs, "quick": args.quick, "seed": args.seed}
    plan = [
        ("import", import_section),
        ("open", open_section),
        ("annotate", annotate_section),
        ("search", search_section),
        ("reader", reader_section),
        ("export", export_section),
        ("notes-import", notes_import_section),
        ("cli", cli_section),
        ("facts", facts_section),
    ]
    sections = []
    try:
        for name, body in plan:
            if args.only and name != "import" and name not in args.only:
                continue
            print(f"bench: {name}…", file=sys.stderr, flush=True)
            sections.append(run_section(name, lambda out, body=body: body(ws, out)))
        if ws.library_note:
            params["library"] = ws.library_note
    finally:
        if args.keep:
            print(f"bench: kept {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)
    machine = machine_info()
    print(render_table(machine, params, sections))
    write_json(args.json, to_json(machine, params, sections))
    print(f"\nfigures written to {args.json}", file=sys.stderr)
    return 1 if any(s.status == "error" for s in sections) else 0


if __name__ == "__main__":
    raise SystemExit(main())
