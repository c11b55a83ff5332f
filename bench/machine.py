"""What the figures were measured on: they mean little without it."""

from __future__ import annotations

import os
import platform
import sys
from importlib import metadata


def _cpu_model() -> str | None:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def machine_info() -> dict:
    """Cores, CPU model, OS, Python, Textual and warreader versions."""
    import warreader

    return {
        "cores": os.cpu_count(),
        "cpu": _cpu_model(),
        "os": f"{platform.system()} {platform.release()}",
        "python": sys.version.split()[0],
        "textual": _version("textual"),
        "tinydb": _version("tinydb"),
        "warreader": warreader.__version__,
    }


def describe(info: dict) -> str:
    return (
        f"{info['cores']} cores, {info['cpu'] or 'CPU unknown'}, {info['os']}; Python {info['python']}, "
        f"Textual {info['textual']}, TinyDB {info['tinydb']}, warreader {info['warreader']}"
    )
