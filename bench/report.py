"""The table a person reads and the JSON a script reads: the same figures."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from bench.machine import describe
from bench.measure import Section


def _value(value: float | None) -> str:
    if value is None:
        return "—"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def render_table(machine: dict, params: dict, sections: list[Section]) -> str:
    """A Markdown table (readable in a terminal, pasteable into docs/BENCHMARK.md)."""
    lines = [
        f"warreader benchmark — {params['days']:,} days, {params['notes']:,} notes, "
        f"{params['runs']} run(s){' (quick)' if params['quick'] else ''}, seed {params['seed']}",
        f"machine: {describe(machine)}",
        "",
        "| section | figure | value | unit | of | goal | status | note |",
        "|---|---|---:|---|---|---|---|---|",
    ]
    for section in sections:
        if section.status != "ok" and not section.figures:
            lines.append(f"| {section.name} | — | — | | | | {section.status} | {section.reason} |")
            continue
        for figure in section.figures:
            goal = str(figure.goal) if figure.goal else ""
            lines.append(
                f"| {section.name} | {figure.name} | {_value(figure.value)} | {figure.unit} | {figure.stat} "
                f"| {goal} | {figure.status} | {figure.note} |"
            )
        if section.status != "ok":
            lines.append(f"| {section.name} | — | — | | | | {section.status} | {section.reason} |")
    goals = [f for s in sections for f in s.figures if f.goal is not None]
    passed = sum(1 for f in goals if f.status == "PASS")
    missed = [f"{f.name.strip()}" for f in goals if f.status == "MISS"]
    lines += [
        "",
        f"goals: {passed} pass, {len(missed)} miss"
        + (f" ({'; '.join(missed)})" if missed else "")
        + f"; {sum(1 for f in goals if f.status == 'n/a')} not available",
    ]
    return "\n".join(lines)


def to_json(machine: dict, params: dict, sections: list[Section]) -> dict:
    return {
        "format": "warreader-bench",
        "version": 1,
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine,
        "params": params,
        "sections": {s.name: s.to_json() for s in sections},
    }


def write_json(path: Path, document: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
