"""Start a terminal app in a pseudo-terminal and time it from process start to exit.

A pty, not a pipe: the app runs Textual's normal driver, sizes itself from the terminal and paints
real frames, as it would for a user. Its output is drained (and discarded) so writes never block.
"""

from __future__ import annotations

import fcntl
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


def run_in_pty(cmd: list[str], env: dict[str, str], cwd: Path, *, cols: int = 120, rows: int = 40,
               timeout: float = 60.0) -> PtyRun:
    """Run `cmd` attached to a fresh `cols`×`rows` pty; wall time from spawn to exit, and its peak RSS."""
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
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd,
                            start_new_session=True)
    os.close(slave)
    reader.start()
    killer = threading.Timer(timeout, proc.kill)
    killer.start()
    try:
        # wait4, not Popen.wait: it also gives the child's own resource usage (peak RSS).
        _pid, status, usage = os.wait4(proc.pid, 0)
    finally:
        killer.cancel()
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    reader.join(timeout=2)
    os.close(master)
    return PtyRun(seconds, usage.ru_maxrss / 1024, proc.returncode, bytes(tail))
