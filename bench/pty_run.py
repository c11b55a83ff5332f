"""Start a terminal app in a pseudo-terminal and time it from process start to exit.

A pty, not a pipe: the app runs Textual's normal driver, sizes itself from the terminal and paints
real frames, as it would for a user. Its output is drained (and discarded) so writes never block.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import termios
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class PtyRun:
    seconds: float
    maxrss_mb: float
    returncode: int
    output_tail: bytes


def run_in_pty(
    cmd: list[str],
    result_file: Path,
    env: dict[str, str],
    cwd: Path,
    *,
    cols: int = 120,
    rows: int = 40,
    timeout: float = 60.0,
) -> PtyRun:
    """Run `cmd` attached to a fresh `cols`×`rows` pty; wall time from start to exit and peak RSS.

    `cmd` is a `bench.launch` command line writing `result_file` (see `Workspace.launched`): the time and
    memory are the launched program's own, not the launcher's or the benchmark's.
    """
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = {**env, "TERM": env.get("TERM") or "xterm-256color"}
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    tail = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO once the child side is closed
                return
            if not chunk:
                return
            tail.extend(chunk)
            del tail[:-4096]

    reader = threading.Thread(target=drain, daemon=True)
    result_file.unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd, start_new_session=True
    )
    os.close(slave)
    reader.start()
    killer = threading.Timer(timeout, proc.kill)
    killer.start()
    try:
        proc.wait()
    finally:
        killer.cancel()
    wall = time.perf_counter() - start
    reader.join(timeout=2)
    os.close(master)
    try:
        measured = json.loads(result_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # the launcher itself failed: report the wall time, no memory
        measured = {"seconds": wall, "maxrss_mb": 0.0}
    return PtyRun(measured["seconds"], measured["maxrss_mb"], proc.returncode, bytes(tail))
