"""Deterministic synthetic bulletins, in the shapes real ones take, for tests and the benchmark.

    >>> from warreader.generator import generate_bulletin, write_corpus
    >>> b = generate_bulletin(987, seed=7)      # text, plus what a parser should read back
    >>> paths = write_corpus(folder, 1500, seed=7)

From the shell: `python -m warreader.generator OUT_DIR -n 1500 --seed 7`. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warreader.generator.calendar import DAY_ONE, bulletin_date, drift, ordinal
from warreader.generator.compose import (
    SOURCE_LINE,
    STYLES,
    GeneratedBulletin,
    GeneratedSection,
    generate_bulletin,
)

__all__ = [
    "DAY_ONE",
    "SOURCE_LINE",
    "STYLES",
    "GeneratedBulletin",
    "GeneratedSection",
    "bulletin_date",
    "drift",
    "generate",
    "generate_bulletin",
    "iter_bulletins",
    "ordinal",
    "write_corpus",
]


def iter_bulletins(n: int, seed: int = 0, first_day: int = 1) -> Iterator[GeneratedBulletin]:
    """Bulletins for days `first_day … first_day + n - 1`, oldest first, one at a time."""
    if n < 0:
        raise ValueError(f"n must be 0 or more, not {n}")
    for day in range(first_day, first_day + n):
        yield generate_bulletin(day, seed)


def generate(n: int, seed: int = 0, first_day: int = 1) -> list[GeneratedBulletin]:
    """`iter_bulletins` as a list (texts in memory, nothing written)."""
    return list(iter_bulletins(n, seed, first_day))


def write_corpus(folder: Path, n: int, seed: int = 0, first_day: int = 1) -> list[GeneratedBulletin]:
    """Write `n` bulletins into `folder` (created if needed) as `dayNNNN_synthetic.txt` UTF-8 files.

    Returns what was written, so a caller can compare a parser's reading with the generator's intent.
    Plain writes, not atomic ones: this is a scratch corpus, never a user's file.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for bulletin in iter_bulletins(n, seed, first_day):
        (folder / bulletin.filename).write_bytes(bulletin.data)
        written.append(bulletin)
    return written
