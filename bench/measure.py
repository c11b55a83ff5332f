"""Figures, goals and sections: the small data model the benchmark fills in and reports."""

from __future__ import annotations

import statistics
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field


class NotAvailable(Exception):
    """A part of warreader this figure needs does not exist (yet): reported as a row, not a crash."""


@dataclass(frozen=True)
class Goal:
    """`value op goal`, e.g. import rate ≥ 1,000 bulletins/s."""

    op: str  # ">=" or "<="
    target: float

    def met(self, value: float) -> bool:
        return value >= self.target if self.op == ">=" else value <= self.target

    def __str__(self) -> str:
        sign = "≥" if self.op == ">=" else "≤"
        target = f"{self.target:,.0f}" if self.target >= 100 else f"{self.target:g}"
        return f"{sign} {target}"


@dataclass
class Figure:
    """One row of the table. `value` None means not available (`note` says why)."""

    name: str
    value: float | None
    unit: str
    stat: str = ""
    goal: Goal | None = None
    note: str = ""

    @property
    def status(self) -> str:
        if self.value is None:
            return "n/a"
        if self.goal is None:
            return ""
        return "PASS" if self.goal.met(self.value) else "MISS"

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "stat": self.stat,
            "goal": str(self.goal) if self.goal else None,
            "status": self.status or None,
            "note": self.note,
        }


def missing(name: str, unit: str, reason: str, goal: Goal | None = None) -> Figure:
    """A "not available: <reason>" row."""
    return Figure(name, None, unit, goal=goal, note=f"not available: {reason}")


@dataclass
class Section:
    """One section's outcome: "ok", "not available" (a part is missing) or "error" (a part failed)."""

    name: str
    status: str = "ok"
    reason: str = ""
    figures: list[Figure] = field(default_factory=list)
    seconds: float = 0.0

    def to_json(self) -> dict:
        return {
            "status": self.status,
            "reason": self.reason,
            "seconds": round(self.seconds, 3),
            "figures": [f.to_json() for f in self.figures],
        }


def run_section(name: str, body: Callable[[list[Figure]], list[Figure] | None]) -> Section:
    """Run one section; a missing part becomes "not available", any other exception "error" (with its
    traceback on stderr) so one broken part never hides the others' figures. `body` may append figures
    to the list it is given as it goes (kept if it fails later) or return them."""
    start = time.perf_counter()
    section = Section(name)
    try:
        returned = body(section.figures)
        if returned:
            section.figures.extend(returned)
    except NotAvailable as why:
        section.status, section.reason = "not available", str(why)
    except Exception as error:  # noqa: BLE001 - reported as an error row and a non-zero exit status
        traceback.print_exc()
        section.status, section.reason = "error", f"{type(error).__name__}: {error}"
    section.seconds = time.perf_counter() - start
    return section


def ms(seconds: float) -> float:
    return seconds * 1000.0


def median(values: list[float]) -> float:
    return statistics.median(values)


def time_calls(call: Callable[[], object], n: int) -> list[float]:
    """Wall time of `n` calls, in seconds each."""
    out = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return out


def latency_figures(name: str, samples: list[float], goal_ms: float | None, note: str = "") -> list[Figure]:
    """Median and worst of a list of latencies (seconds) as two rows in milliseconds."""
    goal = Goal("<=", goal_ms) if goal_ms is not None else None
    n = len(samples)
    return [
        Figure(f"{name} (median)", ms(median(samples)), "ms", f"median of {n}", goal, note),
        Figure(f"{name} (worst)", ms(max(samples)), "ms", f"worst of {n}", goal),
    ]
