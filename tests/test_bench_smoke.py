"""The benchmark runs end to end on a tiny library (it asserts that it ran, never how fast)."""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys
from pathlib import Path

from bench.measure import Figure, Goal, Section, run_section

REPO = Path(__file__).resolve().parent.parent

#: Each section and the warreader part it needs: "not available" is accepted only when that part is
#: missing; once it exists the section must run and give numbers.
SECTIONS = {
    "import": "warreader.parsing",
    "open": "warreader.store",
    "annotate": "warreader.store",
    "search": "warreader.store",
    "reader": "warreader.tui",
    "export": "warreader.export",
    "notes-import": "warreader.export",
    "cli": "warreader.store",
    "facts": "warreader.facts",
}


def test_quick_benchmark_runs_every_section(tmp_path):
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--days", "20", "--notes", "10", "--json", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "warreader-bench"
    assert document["params"] == {"days": 20, "notes": 10, "runs": 1, "quick": True, "seed": 7}
    assert {"cores", "cpu", "python", "textual", "warreader"} <= set(document["machine"])
    assert set(document["sections"]) == set(SECTIONS)
    for name, module in SECTIONS.items():
        section = document["sections"][name]
        if importlib.util.find_spec(module) is None:
            assert section["status"] == "not available" and section["reason"], name
            continue
        assert section["status"] == "ok", (name, section["reason"])
        assert section["figures"], name
        for figure in section["figures"]:
            assert isinstance(figure["value"], float | int) and math.isfinite(figure["value"]), (name, figure)
            assert figure["value"] >= 0, (name, figure)
            if figure["goal"]:
                assert figure["status"] in ("PASS", "MISS"), (name, figure)
        assert f"| {name} |" in result.stdout  # the table names every section
    assert "machine: " in result.stdout and "goals: " in result.stdout
    # The tiny library's read-back of generated bulletins through the real parser is complete.
    read_back = next(f for f in document["sections"]["import"]["figures"] if f["name"].startswith("parser"))
    assert read_back["value"] == 100.0


def test_goals_and_statuses():
    assert Figure("rate", 1200.0, "bulletins/s", goal=Goal(">=", 1000)).status == "PASS"
    assert Figure("rate", 999.0, "bulletins/s", goal=Goal(">=", 1000)).status == "MISS"
    assert Figure("open", 150.0, "ms", goal=Goal("<=", 150)).status == "PASS"
    assert Figure("open", None, "ms", goal=Goal("<=", 150)).status == "n/a"
    assert Figure("info", 3.0, "s").status == ""
    assert str(Goal(">=", 1000)) == "≥ 1,000" and str(Goal("<=", 1.3)) == "≤ 1.3"


def test_a_failing_part_is_an_error_and_a_missing_one_not_available():
    from bench.measure import NotAvailable

    def missing_part(out):
        raise NotAvailable("the reader (warreader.tui) is not importable")

    def broken_part(out):
        out.append(Figure("kept", 1.0, "ms"))
        raise RuntimeError("boom")

    assert run_section("reader", missing_part).status == "not available"
    broken: Section = run_section("export", broken_part)
    assert broken.status == "error" and "boom" in broken.reason
    assert [f.name for f in broken.figures] == ["kept"]  # figures measured before the failure are kept


def test_without_a_parser_the_library_is_built_from_generator_models(tmp_path, monkeypatch):
    from bench import core
    from bench.measure import NotAvailable
    from bench.workspace import Workspace

    real_require = core.require

    def no_parser(module, what):
        if module == "warreader.parsing":
            raise NotAvailable(f"{what} ({module}) is not importable")
        return real_require(module, what)

    monkeypatch.setattr(core, "require", no_parser)
    ws = Workspace(root=tmp_path, days=3, notes=0, runs=1, quick=True, seed=1)
    figures = core.import_section(ws, [])
    rate = next(f for f in figures if f.name == "import rate")
    assert rate.value is None and rate.note.startswith("not available:") and rate.status == "n/a"
    from warreader.store import Library

    library = Library.open(ws.library, seed_samples=False)
    try:
        assert [d.day for d in library.days()] == [3, 2, 1]
        assert library.bulletin(2).event_count == ws.generated[1].event_count
    finally:
        library.close()
