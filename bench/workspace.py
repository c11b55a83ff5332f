"""The benchmark's scratch folder: the generated corpus, the library built from it, child processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from warreader.generator import GeneratedBulletin

#: The repository root: child processes run from here so `python -m bench.child` imports this package.
REPO = Path(__file__).resolve().parent.parent


@dataclass
class Workspace:
    """Everything the sections share. `library` is set by the import section (or built without the
    parser when the parser is missing), then annotated by later sections."""

    root: Path
    days: int
    notes: int
    runs: int
    quick: bool
    seed: int
    corpus: Path = field(init=False)
    library: Path | None = None
    generated: list[GeneratedBulletin] = field(default_factory=list)
    library_note: str = ""

    def __post_init__(self) -> None:
        self.corpus = self.root / "corpus"

    @property
    def env(self) -> dict[str, str]:
        """The environment of every child: the user's own library, settings and caches stay untouched."""
        home = self.root / "home"
        env = dict(os.environ)
        env.update(
            {
                "HOME": str(home),
                "XDG_DATA_HOME": str(home / "data"),
                "XDG_CONFIG_HOME": str(home / "config"),
                "XDG_CACHE_HOME": str(home / "cache"),
                "WARREADER_CONFIG": str(home / "settings.json"),
                "PYTHONDONTWRITEBYTECODE": "1",
            }
        )
        if self.library is not None:
            env["WARREADER_DB"] = str(self.library)
        # The child must import this checkout's warreader and bench, whatever the caller's cwd.
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
        return env

    def launched(self, cmd: list[str]) -> tuple[list[str], Path]:
        """`cmd` started through `bench.launch` (see there why), and the file its figures go to."""
        self.root.mkdir(parents=True, exist_ok=True)
        self._launches = getattr(self, "_launches", 0) + 1
        result = self.root / f"launch-{self._launches}.json"
        return [sys.executable, "-m", "bench.launch", str(result), *cmd], result

    def child(self, *args: str, timeout: float = 900) -> dict:
        """Run `python -m bench.child ARGS` and return its JSON; raise with its stderr if it failed."""
        cmd, _result = self.launched([sys.executable, "-m", "bench.child", *args])
        result = subprocess.run(
            cmd,
            cwd=REPO,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            tail = "\n".join(result.stderr.strip().splitlines()[-6:])
            raise RuntimeError(f"bench.child {args[0]} failed ({result.returncode}): {tail}")
        return json.loads(result.stdout)
