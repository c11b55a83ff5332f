"""The command-line section: a `search` and an `annotate` process against a bare `python -c pass`.

Issue 16's goal: each within 5× a bare interpreter's start, on the 1,500-day library and on a library
three times its size (4,500 bulletins) alike — a script calling warreader in a loop must not pay for the
whole library on every call. Every figure is a whole process, launched as a user's shell launches it
(`python -m warreader …`, this checkout's code), timed fork → exit by `bench.launch`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from bench.core import RARE_WORD, need_library, require, sample_event_ids
from bench.measure import Figure, Goal, median
from bench.workspace import REPO, Workspace
from warreader.generator import write_corpus

RATIO_GOAL = Goal("<=", 5)
#: The large library is this many times the benchmark's.
SCALE = 3


def _process_seconds(ws: Workspace, cmd: list[str], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        launched, result = ws.launched(cmd)
        done = subprocess.run(launched, cwd=REPO, env=ws.env, capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd[2:6])}… failed: {done.stderr.strip()[-300:]}")
        samples.append(json.loads(result.read_text())["seconds"])
    return samples


def _large_library(ws: Workspace) -> tuple[object, int]:
    """A library of `SCALE` × the benchmark's days, imported once (kept for the run)."""
    store = require("warreader.store", "the store")
    parsing = require("warreader.parsing", "the parser")
    days = ws.days * SCALE
    corpus = ws.root / "corpus-large"
    write_corpus(corpus, days, ws.seed + 1)
    path = ws.root / "library-large"
    library = store.Library.open(path, seed_samples=False)
    try:
        files = parsing.iter_bulletin_files([corpus])
        library.import_bulletins(parsing.parse_file(f) for f in files)
    finally:
        library.close()
    shutil.rmtree(corpus, ignore_errors=True)
    return path, days


def cli_section(ws: Workspace, out: list[Figure]) -> list[Figure]:
    store = require("warreader.store", "the store")
    need_library(ws)
    runs = 3 if ws.quick else max(7, ws.runs)
    bare = median(_process_seconds(ws, [sys.executable, "-c", "pass"], runs))
    figures = [Figure("bare `python -c pass`", bare * 1000, "ms", f"median of {runs}")]
    large, large_days = _large_library(ws)
    for label, path, size in ((f"{ws.days:,} days", ws.library, ws.days), (f"{large_days:,} days", large, 0)):
        library = store.Library.open(path, seed_samples=False)
        try:
            ids = sample_event_ids(library, runs)
        finally:
            library.close()
        cli = [sys.executable, "-m", "warreader", "--db", str(path)]
        search = median(_process_seconds(ws, [*cli, "search", RARE_WORD], runs))
        annotate = []
        for event_id in ids:
            annotate += _process_seconds(ws, [*cli, "annotate", event_id, "--tag", "bench-cli"], 1)
        annotate_s = median(annotate)
        figures += [
            Figure(f"`search {RARE_WORD}` process, {label}", search / bare, "× bare", f"median of {runs}",
                   RATIO_GOAL, f"{search * 1000:.0f} ms"),
            Figure(f"`annotate --tag` process, {label}", annotate_s / bare, "× bare", f"median of {runs}",
                   RATIO_GOAL, f"{annotate_s * 1000:.0f} ms; durable write included"),
        ]
        del size
    shutil.rmtree(large, ignore_errors=True)
    return figures
